"""Dialogs of the plan: targets, one action (new or edit), and why an action is dropped.

Each dialog saves through a callable it is given (run on the store thread by the caller) and
stays open with the core's message under the fields when the save is refused, so nothing
typed is lost; it dismisses with True once the change is committed.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Select, Static

from maturity.errors import MaturityError
from maturity.model.plan import ACTION_STATUSES
from maturity.tui.safe import plain
from maturity.tui.screens.base import BaseModal

Save = Callable[[dict[str, Any]], Awaitable[object]]


class _Form(BaseModal[bool]):
    """Shared behaviour: Enter in any field saves, Escape cancels, errors shown inline."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="cancel", show=False),
    ]

    def __init__(self, save: Save) -> None:
        super().__init__()
        self._save = save

    def values(self) -> dict[str, Any]:
        raise NotImplementedError

    def show_error(self, text: str) -> None:
        error = self.query_one(".field-error", Static)
        error.update(text)
        error.display = bool(text)

    @on(Input.Submitted)
    async def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        await self.submit()

    async def submit(self) -> None:
        try:
            await self._save(self.values())
        except MaturityError as exc:
            self.show_error(self.error_text(exc))
            return
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)


def _row(label: str, widget: Input | Select[str], label_id: str) -> Horizontal:
    """A label (shown as plain text: a dimension title may come from a user's file) and a field."""
    return Horizontal(
        Static(plain(label), classes="form-label", id=label_id), widget, classes="form-row"
    )


class TargetsForm(_Form):
    """A level per dimension (pre-filled with the target or the suggestion) and one date."""

    def __init__(
        self,
        save: Save,
        dimensions: list[tuple[str, str, int]],
        current: dict[str, int],
        by: str,
    ) -> None:
        super().__init__(save)
        self.dimensions = dimensions  # (id, title, today's level)
        self.current = current
        self.by = by

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="targets-dialog"):
            yield Static(self.t("targets.heading"), classes="dialog-title")
            yield Static(self.t("targets.hint"), classes="hint")
            with VerticalScroll(id="targets-fields"):
                for dim, title, level in self.dimensions:
                    field = Input(
                        compact=True,
                        value=str(self.current[dim]) if dim in self.current else "",
                        id=f"target-{dim}",
                        max_length=1,
                        placeholder=self.t("targets.today", level=level),
                    )
                    yield _row(f"{title[:18]}", field, f"target-label-{dim}")
                yield _row(
                    self.t("targets.by"),
                    Input(
                        compact=True,
                        value=self.by,
                        id="target-by",
                        max_length=10,
                        placeholder="YYYY-MM-DD",
                    ),
                    "target-label-by",
                )
            yield Static(classes="field-error")

    def on_mount(self) -> None:
        self.show_error("")
        if self.dimensions:
            self.query_one(f"#target-{self.dimensions[0][0]}", Input).focus()

    def values(self) -> dict[str, Any]:
        levels: dict[str, str] = {}
        for dim, _, _ in self.dimensions:
            raw = self.query_one(f"#target-{dim}", Input).value.strip()
            if raw:
                levels[dim] = raw
        return {"levels": levels, "by": self.query_one("#target-by", Input).value}


class ActionForm(_Form):
    """Title, owner, due date, status, why (for dropped) and notes of one action."""

    def __init__(self, save: Save, initial: dict[str, str] | None = None, *, new: bool) -> None:
        super().__init__(save)
        self.initial = initial or {}
        self.new = new

    def compose(self) -> ComposeResult:
        v = self.initial
        with Vertical(classes="dialog", id="action-dialog"):
            yield Static(
                self.t("action.heading.new" if self.new else "action.heading.edit"),
                classes="dialog-title",
            )
            yield _row(
                self.t("action.title"),
                Input(compact=True, value=v.get("title", ""), id="action-title", max_length=300),
                "action-label-title",
            )
            yield _row(
                self.t("action.owner"),
                Input(compact=True, value=v.get("owner", ""), id="action-owner", max_length=120),
                "action-label-owner",
            )
            yield _row(
                self.t("action.due"),
                Input(
                    compact=True,
                    value=v.get("due", ""),
                    id="action-due",
                    max_length=10,
                    placeholder="YYYY-MM-DD",
                ),
                "action-label-due",
            )
            if not self.new:
                yield _row(
                    self.t("action.status"),
                    Select(
                        [(self.t(f"status.{s}"), s) for s in ACTION_STATUSES],
                        value=v.get("status", "todo"),
                        allow_blank=False,
                        id="action-status",
                        compact=True,
                    ),
                    "action-label-status",
                )
                yield _row(
                    self.t("action.reason"),
                    Input(
                        compact=True, value=v.get("reason", ""), id="action-reason", max_length=300
                    ),
                    "action-label-reason",
                )
            yield _row(
                self.t("action.notes"),
                Input(compact=True, value=v.get("notes", ""), id="action-notes", max_length=2000),
                "action-label-notes",
            )
            yield Static(classes="field-error")
            yield Static(self.t("action.hint"), classes="hint")

    def on_mount(self) -> None:
        self.show_error("")
        self.query_one("#action-title", Input).focus()

    def values(self) -> dict[str, Any]:
        out = {
            key: self.query_one(f"#action-{key}", Input).value
            for key in ("title", "owner", "due", "notes")
        }
        if not self.new:
            out["status"] = str(self.query_one("#action-status", Select).value)
            out["reason"] = self.query_one("#action-reason", Input).value
        return out


class DropForm(_Form):
    """Why the action is dropped (required by the core; kept with the action)."""

    def __init__(self, save: Save, title: str) -> None:
        super().__init__(save)
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.t("drop.heading"), classes="dialog-title")
            yield Static(plain(self.title_text), classes="dim")
            yield Input(id="drop-reason", max_length=300, compact=True)
            yield Static(classes="field-error")

    def on_mount(self) -> None:
        self.show_error("")
        self.query_one("#drop-reason", Input).focus()

    def values(self) -> dict[str, Any]:
        return {"reason": self.query_one("#drop-reason", Input).value}
