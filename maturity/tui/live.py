"""Team-mode screens told of changes instead of polling, where the store can tell.

On PostgreSQL every team-mode write sends ``NOTIFY``; :func:`follow_changes` runs a thread
worker that waits on ``LISTEN`` (:meth:`~maturity.store.base.TeamSessionStore.wait_for_change`)
and asks the screen to read the state the moment a vote, reveal or answer lands, so a vote is
visible in tens of milliseconds without a read every few hundred. The screens keep a slow
safety poll. On SQLite nothing changes: the store cannot notify, the screens poll as before.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.screen import Screen
from textual.worker import get_current_worker

from maturity.store.base import TeamSessionStore

LISTEN_TIMEOUT_S = 1.0
"""How long one wait lasts before the worker checks whether the screen is still there."""
SAFETY_POLL_S = 3.0
"""The poll a notified screen keeps, should a notification ever be missed."""


def follow_changes(
    screen: Screen[Any],
    store: TeamSessionStore,
    assessment_id: str,
    on_change: Callable[[], None],
) -> bool:
    """Call ``on_change`` on the UI thread whenever the session changes; False (nothing
    started) when the store cannot notify, so the caller keeps polling."""
    if not store.notifies:
        return False

    def listen() -> None:
        worker = get_current_worker()
        while not worker.is_cancelled:
            if store.wait_for_change(assessment_id, LISTEN_TIMEOUT_S) and not worker.is_cancelled:
                screen.app.call_from_thread(on_change)

    screen.run_worker(listen, thread=True, exclusive=True, group="team-listen", exit_on_error=False)
    return True
