"""The Plan screen: targets (today → target, the gap), phases with projected levels, actions.

Everything shown is computed by the core (:meth:`Workspace.plan`, :meth:`Workspace.action_views`)
on the store thread; this screen only lays it out and sends the team's changes back through the
same workspace methods the command line uses. ``a`` adopts the highlighted roadmap practice as
an action in one key; ``s`` and ``o`` filter the actions by status and owner.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import DataTable, OptionList, Static
from textual.widgets.option_list import Option

from maturity.errors import MaturityError
from maturity.model.assessment import Assessment
from maturity.model.plan import ActionView, DoneShare, Plan
from maturity.model.questionnaire import Questionnaire
from maturity.model.text import tr
from maturity.questionnaire import LoadedQuestionnaire
from maturity.textfmt import format_share
from maturity.tui.messages import GoHome
from maturity.tui.safe import safe_str, styled
from maturity.tui.screens.base import BaseScreen
from maturity.tui.widgets.footer import KeyFooter

STATUS_FILTERS = ("all", "open", "todo", "doing", "done", "dropped")


class PlanScreen(BaseScreen[None]):
    HELP_GROUP = "help.screen.plan"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "adopt", "Add from roadmap", id="adopt"),
        Binding("n", "new_action", "New action", id="new_action"),
        Binding("e", "edit_action", "Edit", id="edit_action"),
        Binding("d", "done_action", "Done", id="done_action"),
        Binding("x", "drop_action", "Drop", id="drop_action"),
        Binding("t", "targets", "Targets", id="targets"),
        Binding("s", "status_filter", "Status filter", id="status_filter"),
        Binding("o", "owner_filter", "Owner filter", id="owner_filter"),
        Binding("escape", "back", "Back", id="back"),
        Binding("q", "home", "Home", id="home", show=False),
    ]

    def __init__(self, assessment_id: str) -> None:
        super().__init__()
        self.assessment_id = assessment_id
        self.assessment: Assessment | None = None
        self.loaded: LoadedQuestionnaire | None = None
        self.plan: Plan | None = None
        self.views: list[ActionView] = []
        self.status_filter = "all"
        self.owner_filter: str | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(classes="topbar"):
            yield Static(id="p-title", classes="topbar-title")
        yield Static(id="p-targets")
        yield OptionList(id="p-roadmap")
        yield Static(id="p-filter", classes="dim")
        yield DataTable(id="p-actions", cursor_type="row", zebra_stripes=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.load()

    # -- data -------------------------------------------------------------------------------

    @work(exclusive=True, group="plan-load", exit_on_error=False)
    async def load(self) -> None:
        ws = self.gateway.workspace
        lang = self.lang

        def _compute() -> tuple[Assessment, LoadedQuestionnaire, Plan, list[ActionView]]:
            a = ws.get(self.assessment_id)
            return a, ws.questionnaire_for(a), ws.plan(a.id, lang), ws.action_views(a.id)

        try:
            self.assessment, self.loaded, self.plan, self.views = await self.gateway.run(_compute)
        except MaturityError as exc:
            self.notify(self.error_text(exc), title=self.t("error.title"), severity="error")
            self.dismiss()
            return
        self.refresh_view()

    def on_language_changed(self, message: object) -> None:
        self.refresh_bindings()
        self.load()  # practice titles come from the core in the language

    # -- view -------------------------------------------------------------------------------

    def _dim_title(self, dim: str) -> str:
        found = self.loaded.questionnaire.dimension(dim) if self.loaded else None
        return safe_str(tr(found.title, self.lang) if found else dim)

    def refresh_view(self) -> None:
        a, p = self.assessment, self.plan
        if a is None or p is None:
            return
        badge = f" · [b]{self.t('snap.badge')}[/b]" if a.status == "complete" else ""
        self.query_one("#p-title", Static).update(
            styled(
                f"[b]$heading[/b] · $date{badge}",
                heading=self.tc("plan.heading", team=a.team),
                date=a.created.date().isoformat(),
            )
        )
        self.query_one("#p-targets", Static).update(
            targets_text(self, p, self.loaded.questionnaire if self.loaded else None)
        )
        self._fill_roadmap(p)
        self._fill_actions()

    def _fill_roadmap(self, p: Plan) -> None:
        roadmap = self.query_one("#p-roadmap", OptionList)
        keep = roadmap.highlighted
        roadmap.clear_options()
        for ph in p.phases:
            levels = ", ".join(
                f"{self._dim_title(x.dimension)[:10]} {x.level if x.level is not None else '–'}"
                + ("✓" if x.reaches_target else "")
                for x in ph.projected
                if x.target is not None
            )
            head = Text(
                self.t("plan.phase", name=self.t(f"plan.phase.{ph.name}"), ends=ph.ends),
                style="bold",
            )
            if levels:
                head.append("  " + self.t("plan.projected", levels=levels), style="dim")
            roadmap.add_option(Option(head, disabled=True))
            if not ph.practices:
                roadmap.add_option(
                    Option(Text("   " + self.t("plan.phase.empty"), style="dim"), disabled=True)
                )
            for x in ph.practices:
                # one line each (the full title is in the report and on `maturity plan`): where
                # and how big first, so it survives the ellipsis at 80 columns
                line = Text(" • ", no_wrap=True, overflow="ellipsis")
                line.append(f"{self._dim_title(x.dimension)} {x.level} · {x.effort}  ", style="dim")
                if x.action_status:
                    line.append(
                        "✓ "
                        + self.t("plan.adopted", status=self.t(f"status.{x.action_status}"))
                        + "  ",
                        style="green",
                    )
                line.append(safe_str(x.title))
                roadmap.add_option(Option(line, id=x.id))
        if keep is not None and keep < roadmap.option_count:
            roadmap.highlighted = keep
        elif roadmap.option_count:
            roadmap.action_first()

    def shown_views(self) -> list[ActionView]:
        """The actions passing the status and owner filters."""
        out = []
        for v in self.views:
            if self.status_filter == "open" and not v.is_open:
                continue
            if self.status_filter not in ("all", "open") and v.status != self.status_filter:
                continue
            if self.owner_filter is not None and (v.owner or "") != self.owner_filter:
                continue
            out.append(v)
        return out

    def _fill_actions(self) -> None:
        table = self.query_one("#p-actions", DataTable)
        keep = self.cursor_row_key("#p-actions") if table.row_count else None
        table.clear(columns=True)
        for key in ("status", "due", "owner", "title"):
            table.add_column(self.t(f"plan.col.{key}"), key=key)
        shown = self.shown_views()
        for v in shown:
            status = Text(self.t(f"status.{v.status}"))
            if v.carried_to:
                status = Text(self.t("plan.carried"), style="dim")
            elif v.overdue:
                status.append(" ! " + self.t("plan.overdue"), style="bold red")
            title = v.title + (f" ({v.reason})" if v.status == "dropped" and v.reason else "")
            # rich Text cells: never parsed as markup, and the table measures them for its widths
            table.add_row(
                status,
                Text(v.due or "–"),
                Text(safe_str(v.owner or "–")),
                Text(safe_str(title)),
                key=v.id,
            )
        if keep is not None and any(v.id == keep for v in shown):
            table.move_cursor(row=table.get_row_index(keep))
        status_label = (
            self.t(f"plan.filter.{self.status_filter}")
            if self.status_filter in ("all", "open")
            else self.t(f"status.{self.status_filter}")
        )
        owner_label = (
            self.owner_filter if self.owner_filter is not None else self.t("plan.filter.all")
        )
        filt = self.t("plan.filter", status=status_label, owner=safe_str(owner_label or "–"))
        if not self.views:
            filt = self.t("plan.no_actions")
        self.query_one("#p-filter", Static).update(
            Text(self.t("plan.actions") + " · ", style="bold").append(Text(filt, style="dim"))
        )

    # -- helpers ----------------------------------------------------------------------------

    def _writable(self) -> bool:
        if self.assessment is not None and self.assessment.status == "complete":
            self.notify(self.t("plan.read_only"), severity="warning", timeout=6)
            return False
        return self.assessment is not None

    def _selected_action(self) -> ActionView | None:
        key = self.cursor_row_key("#p-actions")
        found = next((v for v in self.views if v.id == key), None)
        if found is None:
            self.notify(self.t("plan.pick_action"), severity="warning")
        return found

    def _editable_action(self) -> ActionView | None:
        """The highlighted action when the plan may change, else None (after saying why): the
        guard every edit, done and drop key shares."""
        return self._selected_action() if self._writable() else None

    async def _run(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        return await self.gateway.run(lambda: fn(*args, **kwargs))

    # -- actions ----------------------------------------------------------------------------

    def action_adopt(self) -> None:
        """Add the highlighted roadmap practice as an action (its title; edit it afterwards)."""
        if not self._writable():
            return
        roadmap = self.query_one("#p-roadmap", OptionList)
        idx = roadmap.highlighted
        option = roadmap.get_option_at_index(idx) if idx is not None else None
        if option is None or option.id is None:
            self.notify(self.t("plan.pick_practice"), severity="warning")
            return
        self._adopt(option.id)

    @work(group="plan-write", exit_on_error=False)
    async def _adopt(self, practice: str) -> None:
        ws = self.gateway.workspace
        try:
            action = await self._run(ws.add_action, self.assessment_id, None, practice=practice)
        except MaturityError as exc:
            self.notify(self.error_text(exc), title=self.t("error.title"), severity="error")
            return
        self.notify(self.t("plan.added", title=action.title), timeout=4)
        self.load()

    def action_new_action(self) -> None:
        if not self._writable():
            return
        from maturity.plan import parse_date
        from maturity.tui.screens.plan_forms import ActionForm

        ws = self.gateway.workspace

        async def save(v: dict[str, Any]) -> object:
            due = parse_date(v["due"], "due date") if v["due"].strip() else None
            return await self._run(
                ws.add_action, self.assessment_id, v["title"], owner=v["owner"] or None,
                due=due, notes=v["notes"],
            )  # fmt: skip

        self.app.push_screen(ActionForm(save, new=True), self._saved)

    def action_edit_action(self) -> None:
        v = self._editable_action()
        if v is None:
            return
        from maturity.plan import parse_date
        from maturity.tui.screens.plan_forms import ActionForm

        ws = self.gateway.workspace
        initial = {
            "title": v.title, "owner": v.owner or "", "due": v.due or "", "status": v.status,
            "reason": v.reason, "notes": v.notes,
        }  # fmt: skip

        async def save(new: dict[str, Any]) -> object:
            changes: dict[str, Any] = {
                "title": new["title"], "owner": new["owner"], "notes": new["notes"],
                "status": new["status"], "reason": new["reason"],
            }  # fmt: skip
            if new["due"].strip():
                changes["due"] = parse_date(new["due"], "due date")
            else:
                changes["clear_due"] = True
            return await self._run(ws.update_action, v.id, **changes)

        self.app.push_screen(ActionForm(save, initial, new=False), self._saved)

    def action_done_action(self) -> None:
        v = self._editable_action()
        if v is not None:
            self._set_status(v.id, "done")

    @work(group="plan-write", exit_on_error=False)
    async def _set_status(self, action_id: str, status: str) -> None:
        ws = self.gateway.workspace
        try:
            await self._run(ws.update_action, action_id, status=status)
        except MaturityError as exc:
            self.notify(self.error_text(exc), title=self.t("error.title"), severity="error")
            return
        self.notify(self.t("plan.saved"), timeout=2)
        self.load()

    def action_drop_action(self) -> None:
        v = self._editable_action()
        if v is None:
            return
        from maturity.tui.screens.plan_forms import DropForm

        ws = self.gateway.workspace

        async def save(values: dict[str, Any]) -> object:
            return await self._run(
                ws.update_action, v.id, status="dropped", reason=values["reason"]
            )

        self.app.push_screen(DropForm(save, v.title), self._saved)

    def action_targets(self) -> None:
        if not self._writable() or self.plan is None or self.loaded is None:
            return
        open_targets_form(self, self.plan, self.loaded, self._saved)

    def _saved(self, changed: bool | None) -> None:
        if changed:
            self.notify(self.t("plan.saved"), timeout=2)
            self.load()

    def action_status_filter(self) -> None:
        i = STATUS_FILTERS.index(self.status_filter)
        self.status_filter = STATUS_FILTERS[(i + 1) % len(STATUS_FILTERS)]
        self._fill_actions()

    def action_owner_filter(self) -> None:
        owners: list[str | None] = [None, *sorted({v.owner or "" for v in self.views})]
        i = owners.index(self.owner_filter) if self.owner_filter in owners else 0
        self.owner_filter = owners[(i + 1) % len(owners)]
        self._fill_actions()

    def action_back(self) -> None:
        self.dismiss()

    def action_home(self) -> None:
        self.navigate(GoHome())

    def palette_commands(self) -> list[tuple[str, str, str]]:
        return [("cmd.targets", "cmd.targets.help", "targets")]

    @on(DataTable.RowSelected, "#p-actions")
    def _row_selected(self, _event: DataTable.RowSelected) -> None:
        self.action_edit_action()

    @on(OptionList.OptionSelected, "#p-roadmap")
    def _practice_selected(self, _event: OptionList.OptionSelected) -> None:
        self.action_adopt()


def done_share_text(screen: BaseScreen[Any], rows: list[DoneShare], with_team: bool) -> Content:
    """One line for the trend and portfolio screens: actions done per (team and) quarter."""
    parts = []
    for r in rows:
        pct = format_share(r.share)
        who = f"{r.team} " if with_team else ""
        parts.append(f"{who}{r.quarter} {r.done}/{r.total} ({pct})")
    return styled(f"[b]{screen.t('plan.share')}[/b] $shares", shares=" · ".join(parts))


def targets_text(screen: BaseScreen[Any], p: Plan, q: Questionnaire | None) -> Text:
    """Today → target per dimension and the gap (or the suggestion when none are set)."""
    if not p.targets:
        return Text(screen.t("plan.no_targets"), style="dim")
    text = Text(screen.t("plan.suggested" if p.suggested else "plan.targets"), style="bold")
    for g in p.targets:
        dim = q.dimension(g.dimension) if q else None
        title = safe_str(tr(dim.title, screen.lang) if dim else g.dimension)
        today = "–" if g.level is None else str(g.level)
        gap = screen.t(f"plan.gap.{g.status}", n=g.levels)
        text.append(f"\n  {title}: ")
        text.append(screen.t("plan.gap", today=today, target=g.target, by=g.by))
        style = {"reached": "green", "unknown": "dim"}.get(g.status, "yellow")
        text.append(f"  {gap}", style=style)
    return text


def open_targets_form(
    screen: BaseScreen[Any], plan: Plan, loaded: LoadedQuestionnaire, done: Any
) -> None:
    """The targets dialog for ``plan``'s assessment (shared by the Plan and Results screens)."""
    from maturity.plan import parse_date, parse_target_items
    from maturity.tui.screens.plan_forms import TargetsForm

    ws = screen.gateway.workspace
    dims = [
        (d.id, safe_str(tr(d.title, screen.lang)), plan.levels.get(d.id, 1))
        for d in loaded.questionnaire.dimensions
    ]
    current = {g.dimension: g.target for g in plan.targets}
    by = plan.targets[0].by if plan.targets else ""

    async def save(v: dict[str, Any]) -> object:
        levels = parse_target_items([f"{dim}={raw}" for dim, raw in v["levels"].items()])
        day = parse_date(v["by"], "target date")
        return await screen.gateway.run(lambda: ws.set_targets(plan.assessment, levels, day))

    screen.app.push_screen(TargetsForm(save, dims, current, by), done)
