"""Edit the note or evidence link of one question."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Static

from maturity.limits import NOTE_MAX, text_error
from maturity.tui.safe import plain
from maturity.tui.screens.base import BaseModal
from maturity.tui.widgets.safe_input import SafeInput

MAX_NOTE = NOTE_MAX


class NoteScreen(BaseModal[str | None]):
    """Dismisses with the new note (possibly empty, which clears it) or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", show=False)]

    def __init__(self, question: str, note: str) -> None:
        super().__init__()
        self.question = question
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(id="note-heading", classes="dialog-title")
            yield Static(plain(self.question, multiline=True), id="note-question")
            # No max_length: a paste beyond the limit is kept and refused with the core's
            # message, instead of being cut silently.
            yield SafeInput(self.note, id="note-input")
            yield Static(id="note-error", classes="field-error")
            yield Static(id="note-hint", classes="hint")

    def on_mount(self) -> None:
        self.query_one("#note-error").display = False
        self.refresh_view()
        self.query_one("#note-input", Input).focus()

    def refresh_view(self) -> None:
        self.query_one("#note-heading", Static).update(self.t("note.heading"))
        self.query_one("#note-input", Input).placeholder = self.t("note.placeholder")
        self.query_one("#note-hint", Static).update(self.t("note.hint"))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        note = event.value.strip()
        error = self.query_one("#note-error", Static)
        if problem := text_error("note", note):
            error.update(self.error_text(problem))
            error.display = True
            return
        self.dismiss(note)

    def action_cancel(self) -> None:
        self.dismiss(None)
