"""Ask why a complete assessment is reopened; the reason is recorded with the reopen event.

A complete assessment is the snapshot a coach compares against, so changing it afterwards
should leave a trace that says why; an empty reason is refused here.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Static

from maturity.limits import REASON_MAX, text_error
from maturity.tui.screens.base import BaseModal
from maturity.tui.widgets.safe_input import SafeInput

MAX_REASON = REASON_MAX


class ReopenScreen(BaseModal[str | None]):
    """Dismisses with the reason (never empty) or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", show=False)]

    def __init__(self, team: str, date: str) -> None:
        super().__init__()
        self.team = team
        self.date = date

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(id="reopen-heading", classes="dialog-title")
            yield Static(id="reopen-question")
            yield SafeInput(id="reopen-reason")  # over the limit: the core's message, not a cut
            yield Static(id="reopen-error", classes="field-error")
            yield Static(id="reopen-hint", classes="hint")

    def on_mount(self) -> None:
        self.query_one("#reopen-error").display = False
        self.refresh_view()
        self.query_one("#reopen-reason", Input).focus()

    def refresh_view(self) -> None:
        self.query_one("#reopen-heading", Static).update(self.t("reopen.heading"))
        self.query_one("#reopen-question", Static).update(
            self.tc("reopen.question", team=self.team, date=self.date)
        )
        self.query_one("#reopen-reason", Input).placeholder = self.t("reopen.placeholder")
        self.query_one("#reopen-hint", Static).update(self.t("reopen.hint"))
        error = self.query_one("#reopen-error", Static)
        if error.display:
            error.update(self.t("reopen.error.reason"))

    @on(Input.Changed, "#reopen-reason")
    def _changed(self, event: Input.Changed) -> None:
        if event.value.strip():
            self._show_error(False)

    @on(Input.Submitted, "#reopen-reason")
    def _submitted(self, event: Input.Submitted) -> None:
        reason = event.value.strip()
        if not reason:
            self._show_error(True)
            return
        if problem := text_error("reason", reason):
            self._show_error(True)
            self.query_one("#reopen-error", Static).update(self.error_text(problem))
            return
        self.dismiss(reason)

    def _show_error(self, show: bool) -> None:
        error = self.query_one("#reopen-error", Static)
        error.update(self.t("reopen.error.reason") if show else "")
        error.display = show
        self.query_one("#reopen-reason", Input).set_class(show, "-invalid-field")

    def action_cancel(self) -> None:
        self.dismiss(None)
