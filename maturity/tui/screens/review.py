"""The opening review of "new from previous": the previous assessment's open actions, each
marked done, carried over (the default) or dropped, before the first question.

Nothing is written until the team starts the new assessment (Enter): then
:meth:`Workspace.create_from` records every outcome and creates the assessment in one step.
Escape cancels and leaves both assessments as they were.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import DataTable, Static

from maturity.model.plan import ActionView
from maturity.tui.safe import safe_str
from maturity.tui.screens.base import BaseScreen
from maturity.tui.widgets.footer import KeyFooter

DECISIONS = ("done", "carry", "drop")
STYLE = {"done": "green", "carry": "yellow", "drop": "red"}


class ReviewScreen(BaseScreen[dict[str, str] | None]):
    """Dismisses with action id -> done / carry / drop, or None when cancelled."""

    HELP_GROUP = "help.screen.review"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "decide('done')", "Done", id="review_done"),
        Binding("c", "decide('carry')", "Carry over", id="review_carry"),
        Binding("x", "decide('drop')", "Drop", id="review_drop"),
        Binding("enter", "start", "Start", id="review_start", priority=True),
        Binding("escape", "cancel", "Cancel", id="cancel"),
    ]

    def __init__(self, date: str, actions: list[ActionView]) -> None:
        super().__init__()
        self.date = date
        self.actions = actions
        self.decisions: dict[str, str] = {a.id: "carry" for a in actions}

    def compose(self) -> ComposeResult:
        with Horizontal(classes="topbar"):
            yield Static(id="rv-title", classes="topbar-title")
        yield Static(id="rv-hint", classes="hint")
        yield DataTable(id="rv-actions", cursor_type="row", zebra_stripes=True)
        yield Static(id="rv-summary")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.refresh_view()
        self.query_one("#rv-actions", DataTable).focus()

    def refresh_view(self) -> None:
        self.query_one("#rv-title", Static).update(
            f"[b]{self.t('review.heading', date=self.date)}[/b]"
        )
        self.query_one("#rv-hint", Static).update(self.t("review.hint"))
        table = self.query_one("#rv-actions", DataTable)
        row = table.cursor_row
        table.clear(columns=True)
        for key, label in (
            ("decision", "review.col.decision"),
            ("due", "plan.col.due"),
            ("owner", "plan.col.owner"),
            ("title", "plan.col.title"),
        ):
            table.add_column(self.t(label), key=key)
        for a in self.actions:
            choice = self.decisions[a.id]
            due = Text(a.due or "–")
            if a.overdue:
                due.append(" !", style="bold red")
            table.add_row(
                Text(self.t(f"review.{choice}"), style=STYLE[choice]),
                due,
                Text(safe_str(a.owner or "–")),  # Text: never markup, measured for the widths
                Text(safe_str(a.title)),
                key=a.id,
            )
        if self.actions:
            table.move_cursor(row=min(row, len(self.actions) - 1))
        counts = {c: sum(v == c for v in self.decisions.values()) for c in DECISIONS}
        self.query_one("#rv-summary", Static).update(
            self.t(
                "review.summary", done=counts["done"], carry=counts["carry"], drop=counts["drop"]
            )
        )

    def action_decide(self, choice: str) -> None:
        key = self.cursor_row_key("#rv-actions")
        if key is None or choice not in DECISIONS:
            return
        self.decisions[key] = choice
        table = self.query_one("#rv-actions", DataTable)
        row = table.cursor_row
        self.refresh_view()
        if row + 1 < len(self.actions):
            table.move_cursor(row=row + 1)  # one key per action: the next is ready

    def action_start(self) -> None:
        self.dismiss(dict(self.decisions))

    def action_cancel(self) -> None:
        self.dismiss(None)
