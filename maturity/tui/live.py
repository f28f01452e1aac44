"""Team-mode screens told of changes instead of polling, where the store can tell.

On PostgreSQL every team-mode write sends ``NOTIFY``; :func:`follow_changes` runs a thread
worker that waits on ``LISTEN`` (:meth:`~maturity.store.base.TeamSessionStore.wait_for_change`)
and asks the screen to read the state the moment a vote, reveal or answer lands, so a vote is
visible in tens of milliseconds without a read every few hundred. The screens keep a slow
safety poll. On SQLite nothing changes: the store cannot notify, the screens poll as before.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from textual import events
from textual.screen import Screen

from maturity.store.base import TeamSessionStore

LISTEN_TIMEOUT_S = 1.0
"""How long one wait lasts before the worker checks whether the screen is still there."""
SAFETY_POLL_S = 3.0
"""The poll a notified screen keeps, should a notification ever be missed."""
POLL_S = 0.3
"""How often a screen reads the session when the store cannot notify (SQLite)."""


def follow_changes(
    screen: Screen[Any],
    store: TeamSessionStore,
    assessment_id: str,
    on_change: Callable[[], None],
) -> bool:
    """Call ``on_change`` on the UI thread whenever the session changes; False (nothing
    started) when the store cannot notify, so the caller keeps polling.

    A plain daemon thread, not a Textual worker: it never finishes by itself (it waits for
    the next change until the screen is gone or the app has stopped), and nothing that waits
    for the app's workers to complete should wait for it."""
    if not store.notifies:
        return False
    app = screen.app

    def listen() -> None:
        while screen.is_attached and app.is_running:
            if store.wait_for_change(assessment_id, LISTEN_TIMEOUT_S):
                # A Callback event posted to the screen (post_message is thread-safe), not
                # app.call_from_thread: that builds a coroutine before it hands it to the
                # loop, and when the app has just stopped the loop refuses it and Python
                # warns "coroutine ... was never awaited". A screen or app that has closed
                # meanwhile simply does not take the event.
                try:
                    taken = screen.post_message(events.Callback(callback=on_change))
                except RuntimeError:  # the event loop closed while we waited
                    return
                if not taken:
                    return

    threading.Thread(target=listen, name="maturity-listen", daemon=True).start()
    return True


class OneRead:
    """One read of the session at a time, and none lost.

    A read asked for while one runs is not dropped: it runs once that one has finished,
    because the running read may have begun just before the change that prompted the new
    request (a vote notified a moment after the safety poll started), and would bring the
    old state with nobody reading again until the next poll. Requests made meanwhile
    collapse into that one further read."""

    __slots__ = ("_again", "_running", "_start")

    def __init__(self, start: Callable[[], object]) -> None:
        self._start = start  # starts the read (a worker); it calls finished() when it ends
        self._running = False
        self._again = False

    def request(self) -> None:
        """Read now, or right after the read that is running."""
        if self._running:
            self._again = True
            return
        self._running = True
        self._start()

    def finished(self) -> None:
        """The running read is over (its result may still be applied): start the one asked
        for meanwhile, if any."""
        self._running = False
        if self._again:
            self._again = False
            self.request()


def keep_up(
    screen: Screen[Any],
    store: TeamSessionStore,
    assessment_id: str,
    poll: Callable[[], None],
    beat: Callable[[], None],
) -> None:
    """What every screen in a vote does to stay current: be told of changes where the store
    notifies (PostgreSQL), keeping a slow safety poll, or poll every :data:`POLL_S`
    otherwise; and say "still here" every ``BEAT_S`` so the others see who is in the room."""
    from maturity.voting import BEAT_S

    if follow_changes(screen, store, assessment_id, poll):
        screen.set_interval(SAFETY_POLL_S, poll)
    else:
        screen.set_interval(POLL_S, poll)
    screen.set_interval(BEAT_S, beat)
