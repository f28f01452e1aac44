"""Store access for the TUI: every call runs on one background thread, in submission order.

Why one thread: SQLite writes on a shared connection must not interleave (two ``BEGIN
IMMEDIATE`` on one connection fail), and answers must land in the order they were given (press
1, go back, press 2: the store must end with 2). A single-thread executor gives both, and
the event loop only ever *awaits* store work, so a slow disk or a lock held by another process
never freezes the screen.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ParamSpec, TypeVar

if TYPE_CHECKING:
    from maturity.keep import Background
    from maturity.store.base import Store
    from maturity.workspace import Workspace

P = ParamSpec("P")
R = TypeVar("R")


class Gateway:
    """Owns the :class:`Workspace` and the thread its store calls run on."""

    def __init__(self, workspace: Workspace | None = None) -> None:
        self._workspace = workspace
        self._store: Store | None = workspace.store if workspace is not None else None
        self._lock = threading.Lock()
        self._opening: Future[Store] | None = None
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="maturity-store")
        self.keeper: Background | None = None
        """Keeps the quick read path's outputs current after this app's writes (SQLite):
        ``maturity show ID --json`` in another terminal is then answered from the store."""
        if self._store is not None:
            self._keep(self._store)

    def _keep(self, store: Store) -> None:
        from maturity.keep import Background

        self.keeper = Background.attach(store)

    @property
    def store(self) -> Store:
        """The store alone: enough for the home list, without importing the scoring core."""
        if self._store is None and self._opening is not None:
            # A screen asked before the open finished (e.g. opened straight after start): the
            # open is already queued first on the store thread, so waiting for it is short and
            # cannot deadlock (it never needs the event loop).
            self._store = self._opening.result()
        if self._store is None:
            raise RuntimeError("the store is not open yet")
        return self._store

    @property
    def workspace(self) -> Workspace:
        """The workspace over the store, built on first use (normally already warmed up on
        the store thread right after opening, see :meth:`open`)."""
        with self._lock:
            if self._workspace is None:
                from maturity.workspace import Workspace

                self._workspace = Workspace(self.store)
            return self._workspace

    @property
    def is_open(self) -> bool:
        return self._store is not None

    async def open(self, path: str | Path | None) -> Store:
        """Open (or create) the store on the store thread; raises StoreError on a bad file.

        Only the store module is imported, so the home list appears sooner; call
        :meth:`warm_up` once the list is shown.
        """

        def _open() -> Store:
            from maturity.store import open_store

            store = open_store(path)
            self._keep(store)
            return store

        self._opening = self._executor.submit(_open)
        self._store = await self.wait(self._opening)
        return self._store

    def warm_up(self) -> None:
        """Queue loading the workspace (pydantic models, scoring: ~0.2 s of imports) and the
        built-in questionnaires on the store thread, so the first answer or new assessment
        does not wait for them. Queued behind whatever is already waiting (the first list)."""

        def _warm() -> None:
            from maturity import questionnaire as qmod

            _ = self.workspace
            for qid in qmod.builtin_ids():
                qmod.builtin(qid)

        self._executor.submit(_warm)

    def submit(self, fn: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> Future[R]:
        """Queue ``fn(*args, **kwargs)`` on the store thread now, without waiting.

        Used for writes: the call is queued at the moment of the key press, so it happens even
        if the screen that asked for it is closed (and its workers cancelled) a moment later.
        """
        return self._executor.submit(partial(fn, *args, **kwargs))

    async def wait(self, future: Future[R]) -> R:
        """Await a queued call; cancelling the awaiting worker does not cancel the call."""
        return await asyncio.shield(asyncio.wrap_future(future))

    async def run(self, fn: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
        """Run ``fn(*args, **kwargs)`` on the store thread and await its result."""
        return await self.wait(self.submit(fn, *args, **kwargs))

    def close(self) -> None:
        """Finish queued writes, keep their outputs, then close the store (called when the
        app exits)."""
        self._executor.shutdown(wait=True)
        if self.keeper is not None:
            self.keeper.close()
            if self._store is not None:
                self._store.on_commit = None
        if self._store is not None:
            self._store.close()
