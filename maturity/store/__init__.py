"""Storage: the protocol, where the store is, and opening it.

A store is named by a *target*: a SQLite file path (the default, in the platform's user data
folder) or a PostgreSQL URL (``postgresql://...``, ``postgres://...``, or ``postgresql:``
alone for the libpq environment: PGHOST, PGUSER, PGPASSWORD, PGSSLMODE, ...). The
PostgreSQL driver is imported only when such a URL is used, so ``maturity list`` on SQLite
stays as fast as before.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False  # typing itself is not imported: the quick read path starts here
if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path
    from typing import Any

    from maturity.store.base import (
        AssessmentStore,
        Progress,
        Store,
        Summary,
        TeamSessionStore,
    )

ENV_VAR = "MATURITY_STORE"
_FROM_BASE = frozenset({"AssessmentStore", "Progress", "Store", "Summary", "TeamSessionStore"})

__all__ = [
    "ENV_VAR",
    "AssessmentStore",
    "Progress",
    "Store",
    "Summary",
    "TeamSessionStore",
    "default_path",
    "is_postgres",
    "migrate",
    "open_rehearsal",
    "open_store",
    "safe_label",
    "store_target",
]


def __getattr__(name: str) -> Any:
    """The protocol types load on first use: the quick read path (:mod:`.fastread`) is in
    this package and needs none of them."""
    if name in _FROM_BASE:
        from maturity.store import base

        return getattr(base, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def is_postgres(target: str | Path) -> bool:
    return isinstance(target, str) and target.startswith(("postgresql:", "postgres:"))


def default_path() -> Path:
    """``maturity.db`` in the platform's user data folder (when no store is named)."""
    from platformdirs import user_data_path

    return user_data_path("maturity", appauthor=False) / "maturity.db"


def store_target(given: str | Path | None = None) -> str:
    """The store to use: ``given`` (``--store``), else ``$MATURITY_STORE``, else the default
    file. Paths come back absolute, so another process (a participant) opens the same file."""
    value = str(given) if given is not None else os.environ.get(ENV_VAR)
    if value is None:
        return str(default_path())
    if is_postgres(value):
        return value
    if value.startswith("~"):
        from maturity.fileio import user_path

        return str(user_path(value).resolve())
    return os.path.realpath(value)  # what Path.resolve() does, without importing pathlib


def safe_label(target: str) -> str:
    """The target as it may be shown: a PostgreSQL URL without its password."""
    if is_postgres(target):
        from maturity.store.postgres import safe_label as pg_label

        return pg_label(target)
    return target


def open_store(target: str | Path | None = None, *, create: bool = True) -> Store:
    """Open the store named by ``target`` (see :func:`store_target`).

    SQLite: the default folder is created on demand; ``create=False`` leaves a missing file
    missing (it reads as empty). PostgreSQL: the schema must exist (``maturity store migrate``).
    """
    from pathlib import Path

    explicit = target is not None or os.environ.get(ENV_VAR) is not None
    resolved = store_target(target)
    if is_postgres(resolved):
        from maturity.store.postgres import PostgresStore

        return PostgresStore(resolved, create=create)
    from maturity.store.sqlite import SQLiteStore

    path = Path(resolved)
    if create and not explicit:
        path.parent.mkdir(parents=True, exist_ok=True)
    return SQLiteStore(path, create=create)


def open_rehearsal() -> Store:
    """An empty store in memory to rehearse a change on (an import into a store that does
    not exist yet is tried here first, so a refusal creates no file)."""
    from maturity.store.sqlite import SQLiteStore

    return SQLiteStore.in_memory()


def migrate(target: str, *, say: Callable[[str], None], apply: bool = True) -> int:
    """Say which migrations the store needs, then apply them (all or none)."""
    if is_postgres(target):
        from maturity.store import postgres

        return postgres.migrate(target, say=say, apply=apply)
    from pathlib import Path

    from maturity.store.sqlite import migrate as sqlite_migrate

    return sqlite_migrate(Path(target), say=say, apply=apply)
