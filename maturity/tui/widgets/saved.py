"""The quiet "saved" indicator in the top bar, and the bookkeeping of the writes it reports.

Every screen that writes (question, team, DORA, participant) queues each write on the store
thread and must say "saving…" until all of them are committed, "✗ not saved" when the last one
failed and "✓ saved" otherwise. :class:`PendingWrites` is that rule, written once; the
indicator shows it in the screen's words.
"""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Literal, TypeVar

from textual.reactive import reactive
from textual.widgets import Static

SaveState = Literal["idle", "saving", "saved", "failed"]
R = TypeVar("R")


class PendingWrites:
    """How many queued writes are not committed yet, and whether the latest one failed.

    A plain object owned by the screen (not the widget), so a write that finishes after its
    screen was closed still settles its count.
    """

    def __init__(self) -> None:
        self.pending = 0
        self.failed = False

    def begin(self) -> None:
        """A write was queued (call at the key press, before awaiting it)."""
        self.pending += 1

    async def settle(self, write: Awaitable[R]) -> R:
        """Await a write begun with :meth:`begin`; any error marks it failed and propagates.

        Cancellation (the screen's worker stopped while the write goes on) is not a failure.
        """
        try:
            result = await write
        except Exception:
            self.failed = True
            raise
        else:
            self.failed = False
            return result
        finally:
            self.pending -= 1

    @property
    def state(self) -> SaveState:
        if self.pending:
            return "saving"
        return "failed" if self.failed else "saved"


class SavedIndicator(Static):
    """Shows ``saving…`` while writes are queued and ``✓ saved`` once the store has them.

    The screen gives the words (it knows the language and the counts); this widget owns the
    state classes, so the theme decides how quiet each state looks.
    """

    state: reactive[SaveState] = reactive("idle", init=False)

    def show(self, state: SaveState, text: str) -> None:
        self.state = state
        self.update(text)

    def show_writes(self, writes: PendingWrites, *, saving: str, failed: str, saved: str) -> None:
        """Show the state of ``writes`` with the screen's text for each state."""
        state = writes.state
        self.show(state, {"saving": saving, "failed": failed, "saved": saved}[state])

    def watch_state(self, old: SaveState, new: SaveState) -> None:
        self.remove_class(f"-{old}")
        self.add_class(f"-{new}")
