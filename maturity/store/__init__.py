"""Storage: the protocol, the SQLite default and where the default file lives."""

from __future__ import annotations

import os
from pathlib import Path

from maturity.fileio import user_path
from maturity.store.base import Progress, Store, Summary
from maturity.store.sqlite import SQLiteStore

ENV_VAR = "MATURITY_STORE"

__all__ = ["ENV_VAR", "Progress", "SQLiteStore", "Store", "Summary", "default_path", "open_store"]


def default_path() -> Path:
    """``$MATURITY_STORE`` or ``maturity.db`` in the platform's user data folder."""
    if env := os.environ.get(ENV_VAR):
        return user_path(env)
    from platformdirs import user_data_path

    return user_data_path("maturity", appauthor=False) / "maturity.db"


def open_store(path: str | Path | None = None, *, create: bool = True) -> SQLiteStore:
    """Open the store at ``path`` (or the default). The default folder is created on demand."""
    if path is None:
        target = default_path()
        if create and os.environ.get(ENV_VAR) is None:
            target.parent.mkdir(parents=True, exist_ok=True)
    else:
        target = user_path(str(path))
    return SQLiteStore(target, create=create)
