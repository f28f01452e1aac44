"""``?`` for participants: their keys only (not the facilitator's)."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Static

from maturity.tui.participant.vote import VoteScreen
from maturity.tui.screens.base import BaseModal


class ParticipantHelp(BaseModal[None]):
    """``?`` for participants: their keys only (not the facilitator's)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q", "close", "Close", show=False)]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(id="phelp-heading", classes="dialog-title")
            yield Static(id="phelp-table")

    def on_mount(self) -> None:
        from maturity.tui.screens.help import binding_rows

        self.query_one("#phelp-heading", Static).update(self.t("help.heading"))
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for bindings in (VoteScreen.BINDINGS, self.app.BINDINGS):
            for keys, desc in binding_rows(list(bindings), self.lang):
                table.add_row(Text(keys, style="bold"), desc)
        self.query_one("#phelp-table", Static).update(table)

    def action_close(self) -> None:
        self.dismiss()
