"""``maturity store copy``: move a whole store between backends (SQLite <-> PostgreSQL).

Row by row rather than through the models, so everything travels as stored: assessments with
their answers, events, live votes and team sessions, and the questionnaire snapshots they
were taken with. What is already in the destination (by assessment id) is left alone, which
makes a second run copy nothing; the rest is written in one transaction, all or nothing.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeAlias

from maturity.errors import MaturityError
from maturity.store.sqlstore import SQLStore

if TYPE_CHECKING:
    from maturity.store.base import Store


StoreOpener: TypeAlias = Callable[[str, bool], "Store"]
"""Opens a store: ``(target, create) -> Store``; whoever provides it closes what it opened."""


def copy_store(
    source: str,
    dest: str,
    *,
    open_: StoreOpener,
    say: Callable[[str], None],
    progress: bool = False,
) -> int:
    """Copy every assessment of ``source`` that ``dest`` lacks; returns how many.

    Both stores are opened through ``open_`` and closed by its owner (the command line's
    context closes them at exit, whatever happens), so the copy never leaves one open.
    ``dest`` is opened (and, being a file, created) only once ``source`` is known to exist.
    """
    if source == dest:
        raise MaturityError("store copy: --from and --to are the same store")
    src = open_(source, False)
    if not src.exists:
        raise MaturityError(f"store {src.label} does not exist yet (no assessments)")
    dst = open_(dest, True)
    assert isinstance(src, SQLStore) and isinstance(dst, SQLStore)
    have = {s.id for s in dst.list()}
    every = [s.id for s in src.list()]
    ids = sorted(i for i in every if i not in have)
    if not ids:
        say(f"nothing to copy: {dst.label} already has all of {src.label}'s assessments")
        return 0

    def tick(done: int) -> None:
        if progress:
            width = 30
            filled = width * done // len(ids)
            print(
                f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{len(ids)}",
                end="" if done < len(ids) else "\n",
                file=sys.stderr,
                flush=True,
            )

    dst.copy_rows_from(src, ids, tick)
    skipped = len(every) - len(ids)
    also = f"; {skipped} already there" if skipped else ""
    say(f"copied {len(ids)} assessment(s) from {src.label} to {dst.label}{also}")
    return len(ids)
