"""A yes/no dialog for destructive actions (delete)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from maturity.tui.safe import plain
from maturity.tui.screens.base import BaseModal


class ConfirmScreen(BaseModal[bool]):
    """Dismisses with True only on an explicit yes; escape and "no" keep everything."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes", show=False),
        Binding("n,escape", "answer(False)", "No", show=False),
    ]

    def __init__(self, message: Content | str) -> None:
        """``message`` names what is at stake: Content (see :mod:`maturity.tui.safe`), or a
        str that is shown as plain text (it may carry names people typed; never markup)."""
        super().__init__()
        self.message = message if isinstance(message, Content) else plain(message, multiline=True)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.message, id="confirm-message")
            with Horizontal(classes="buttons"):
                yield Button(self.t("common.yes"), id="yes", variant="error")
                yield Button(self.t("common.no"), id="no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def refresh_view(self) -> None:
        self.query_one("#yes", Button).label = self.t("common.yes")
        self.query_one("#no", Button).label = self.t("common.no")

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
