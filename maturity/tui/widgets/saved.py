"""The quiet "saved" indicator in the top bar of the question and DORA screens."""

from __future__ import annotations

from typing import Literal

from textual.reactive import reactive
from textual.widgets import Static

SaveState = Literal["idle", "saving", "saved", "failed"]


class SavedIndicator(Static):
    """Shows ``saving…`` while writes are queued and ``✓ saved`` once the store has them.

    The text is set by the screen (it knows the language and the counts); this widget only
    owns the state classes, so the theme decides how quiet each state looks.
    """

    state: reactive[SaveState] = reactive("idle", init=False)

    def show(self, state: SaveState, text: str) -> None:
        self.state = state
        self.update(text)

    def watch_state(self, old: SaveState, new: SaveState) -> None:
        self.remove_class(f"-{old}")
        self.add_class(f"-{new}")
