"""Snapshot actions shared by home and results: complete, reopen, and "new from previous".

A base class, not a screen of its own. A coach re-assesses each team every quarter: the
finished assessment is marked complete (read-only, so the comparison baseline cannot drift),
reopened only with a recorded reason, and the next one starts pre-filled from it
(:meth:`maturity.workspace.Workspace.create_from`) so the team only changes what changed.
All store calls run on the store thread; a refusal (already complete, not found) is a
notification, never a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import work
from textual.binding import Binding, BindingType

from maturity.errors import MaturityError
from maturity.tui.messages import StatusChanged
from maturity.tui.screens.base import BaseScreen

SNAPSHOT_ACTIONS: frozenset[str] = frozenset({"complete", "reopen", "new_from"})


@dataclass(frozen=True)
class Target:
    """The assessment the snapshot actions apply to (the selected row, the shown result)."""

    id: str
    team: str
    date: str
    status: str


def snapshot_bindings(*, show: bool) -> list[BindingType]:
    """``C`` completes or reopens (whichever applies: one shows at a time), ``f`` starts the
    next assessment from this one."""
    return [
        Binding("C", "complete", "Complete", id="complete", show=show),
        Binding("C", "reopen", "Reopen", id="reopen", show=show),
        Binding("f", "new_from", "New from this", id="new_from", show=False),
    ]


class SnapshotScreen(BaseScreen[None]):
    """Subclasses say which assessment the actions apply to and how to show a change."""

    SNAPSHOT_PALETTE: ClassVar[list[tuple[str, str, str]]] = [
        ("cmd.complete", "cmd.complete.help", "complete"),
        ("cmd.reopen", "cmd.reopen.help", "reopen"),
        ("cmd.new_from", "cmd.new_from.help", "new_from"),
    ]

    def snapshot_target(self) -> Target | None:
        """The assessment the actions apply to, or None when there is none."""
        return None

    def snapshot_palette(self) -> list[tuple[str, str, str]]:
        """Palette entries for the actions that apply now (complete or reopen, not both)."""
        return [e for e in self.SNAPSHOT_PALETTE if self.snapshot_allowed(e[2])]

    def snapshot_changed(self, assessment_id: str, status: str) -> None:
        """Show a completed or reopened assessment (subclasses reload what they display)."""

    def snapshot_allowed(self, action: str) -> bool:
        """For ``check_action``: complete only what is open, reopen only what is complete."""
        target = self.snapshot_target()
        if target is None:
            return False
        if action == "complete":
            return target.status != "complete"
        if action == "reopen":
            return target.status == "complete"
        return True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in SNAPSHOT_ACTIONS:
            return self.snapshot_allowed(action)
        return True

    def on_status_changed(self, message: StatusChanged) -> None:
        self.snapshot_changed(message.assessment_id, message.status)
        self.refresh_bindings()

    def _target_or_warn(self) -> Target | None:
        target = self.snapshot_target()
        if target is None:
            self.notify(self.t("home.select_first"), severity="warning")
        return target

    def _broadcast(self, assessment_id: str, status: str) -> None:
        for screen in self.app.screen_stack:
            screen.post_message(StatusChanged(assessment_id, status))

    # -- complete ---------------------------------------------------------------------------

    def action_complete(self) -> None:
        target = self._target_or_warn()
        if target is None:
            return
        if target.status == "complete":
            self.notify(self.t("snap.already_complete"), severity="warning")
            return
        self._complete(target)

    @work(group="snapshot", exit_on_error=False)
    async def _complete(self, target: Target) -> None:
        try:
            a = await self.gateway.run(self.gateway.workspace.complete, target.id)
        except MaturityError as exc:
            self.notify(self.error_text(exc), title=self.t("error.title"), severity="error")
            return
        self.notify(self.t("snap.completed", team=target.team, date=target.date), timeout=6)
        self._broadcast(a.id, a.status)

    # -- reopen -----------------------------------------------------------------------------

    def action_reopen(self) -> None:
        target = self._target_or_warn()
        if target is None:
            return
        if target.status != "complete":
            self.notify(self.t("snap.not_complete"), severity="warning")
            return
        from maturity.tui.screens.reopen import ReopenScreen

        def given(reason: str | None) -> None:
            if reason:
                self._reopen(target, reason)

        self.app.push_screen(ReopenScreen(target.team, target.date), given)

    @work(group="snapshot", exit_on_error=False)
    async def _reopen(self, target: Target, reason: str) -> None:
        try:
            a = await self.gateway.run(self.gateway.workspace.reopen, target.id, reason)
        except MaturityError as exc:
            self.notify(self.error_text(exc), title=self.t("error.title"), severity="error")
            return
        self.notify(self.t("snap.reopened", team=target.team, date=target.date), timeout=6)
        self._broadcast(a.id, a.status)

    # -- new from previous ------------------------------------------------------------------

    def action_new_from(self) -> None:
        target = self._target_or_warn()
        if target is not None:
            self._review_then_new(target)

    @work(group="snapshot", exit_on_error=False)
    async def _review_then_new(self, target: Target) -> None:
        """Open the review of the previous assessment's open actions first, when it has any."""
        ws = self.gateway.workspace
        try:
            views = await self.gateway.run(lambda: ws.action_views(target.id, open_only=True))
        except MaturityError as exc:
            self.notify(self.error_text(exc), title=self.t("error.title"), severity="error")
            return
        if not views:
            self._new_from(target, {})
            return
        from maturity.tui.screens.review import ReviewScreen

        def reviewed(decisions: dict[str, str] | None) -> None:
            if decisions is not None:
                self._new_from(target, decisions)

        self.app.push_screen(ReviewScreen(target.date, views), reviewed)

    @work(group="snapshot", exit_on_error=False)
    async def _new_from(self, target: Target, decisions: dict[str, str]) -> None:
        """Create the next assessment of the team, pre-filled, and open its first question."""
        ws = self.gateway.workspace
        try:
            a, changes = await self.gateway.run(
                lambda: ws.create_from_with_changes(target.id, decisions=decisions)  # type: ignore[arg-type]
            )
        except MaturityError as exc:
            self.notify(self.error_text(exc), title=self.t("error.title"), severity="error")
            return
        self.notify(
            self.t("snap.new_from", team=a.team, date=target.date, answered=len(a.answers)),
            timeout=8,
        )
        if changes is not None:
            # An older built-in version: the team moves to the current one (docs/scoring.md §9).
            self.notify(
                self.t(
                    "snap.upgraded",
                    version=changes.new_version,
                    replaced=len(changes.replaced),
                    added=len(changes.added),
                ),
                timeout=12,
            )
        self.mapp.open_questions(a.id)
