"""The embedded SQLite store (stdlib ``sqlite3``, WAL, foreign keys, versioned schema).

Durability: every write is one short ``BEGIN IMMEDIATE`` transaction committed before the
method returns, in WAL mode with ``synchronous=FULL``, so an answer the UI has shown as saved
survives a kill -9 (and a power cut) and the file is never left half-written.

Refusals: a file that is not SQLite, is SQLite but not a maturity store, is corrupt, is from
a newer schema, or is locked gives one :class:`StoreError` and is not modified.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from maturity.errors import StoreError
from maturity.store.migrations import SCHEMA_VERSION, describe, statements
from maturity.store.sqlstore import Conn, Dialect, SQLStore

BUSY_TIMEOUT_S = 5.0
_TABLES = {"assessments", "answers", "questionnaires"}
DIALECT = Dialect(name="sqlite", event_order="rowid", lock="")


class SQLiteStore(SQLStore):
    """Assessments in one SQLite file. ``create=False`` opens read-only commands without
    creating a missing file (a missing store behaves as an empty one)."""

    def __init__(self, path: Path, *, create: bool = True) -> None:
        self.path = path
        self.label = self.target = str(path)
        self._conn: sqlite3.Connection | None = None
        if not path.exists():
            if not create:
                return
            if not path.parent.is_dir():
                raise StoreError(f"store {path}: folder {path.parent} does not exist")
        else:
            self._check_header()
        self._conn = self._open(create)

    # -- opening ----------------------------------------------------------------------------

    def _check_header(self) -> None:
        """Refuse a folder before SQLite sees it.

        The file itself is never opened with a plain ``open()``: closing *any* descriptor of
        a SQLite file releases every POSIX lock this process holds on it (SQLite's "How To
        Corrupt An SQLite Database File", section 2.2). Another process would then believe it
        is the last connection, checkpoint and delete the WAL, and later answers from this
        process would go to a deleted file. Whether the file is SQLite at all is asked of
        SQLite itself in :meth:`_open` ("file is not a database")."""
        if self.path.is_dir():
            raise StoreError(f"store {self.path}: is a folder, expected a SQLite file")

    def _open(self, create: bool) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(
                self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
            )
        except sqlite3.Error as exc:
            raise StoreError(f"store {self.path}: cannot open ({exc})") from None
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"store {self.path}: written by a newer maturity (schema {version}, this"
                    f" version knows {SCHEMA_VERSION}); upgrade maturity to open it"
                )
            if version == 0 and tables:
                raise StoreError(
                    f"store {self.path}: a SQLite database, but not a maturity store; refusing to touch it"
                )
            if version > 0 and not tables >= _TABLES:
                raise StoreError(
                    f"store {self.path}: damaged (tables missing); refusing to touch it"
                )
            if version < SCHEMA_VERSION:
                self._migrate(conn, version)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
        except StoreError:
            conn.close()
            raise
        except sqlite3.DatabaseError as exc:
            conn.close()
            if "file is not a database" in str(exc):
                raise StoreError(
                    f"store {self.path}: not a SQLite database; refusing to touch it"
                ) from None
            raise _store_error(self.path, exc) from None
        return conn

    def _migrate(self, conn: sqlite3.Connection, version: int) -> None:
        for number in range(version, SCHEMA_VERSION):
            conn.execute("BEGIN IMMEDIATE")
            try:
                for statement in statements(number + 1, "sqlite"):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {number + 1}")
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise

    # -- dialect --------------------------------------------------------------------------

    dialect = DIALECT
    db_errors = (sqlite3.DatabaseError,)

    def schema_version(self) -> int:
        """The schema this file has now (0: not created yet)."""
        if self._conn is None:
            return 0
        return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    def _begin_write(self, conn: Conn) -> None:
        conn.execute("BEGIN IMMEDIATE")

    def _retryable(self, exc: Exception) -> bool:
        return isinstance(exc, sqlite3.OperationalError) and _is_busy(exc)

    def _error(self, exc: Exception) -> StoreError:
        assert isinstance(exc, sqlite3.DatabaseError)
        return _store_error(self.path, exc)

    def discard(self) -> None:
        """Close and remove a store this process just created (nothing was saved in it)."""
        self.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    text = str(exc)
    return "locked" in text or "busy" in text


def _store_error(path: Path, exc: sqlite3.DatabaseError) -> StoreError:
    text = str(exc)
    if "locked" in text or "busy" in text:
        return StoreError(
            f"store {path}: locked by another maturity process; try again in a moment"
        )
    if "readonly" in text or "read-only" in text:
        return StoreError(f"store {path}: read-only; cannot save")
    if isinstance(exc, sqlite3.IntegrityError):
        return StoreError(f"store {path}: refused inconsistent data ({text})")
    return StoreError(f"store {path}: corrupt or unreadable ({text}); it was not modified")


def migrate(path: Path, *, say: Callable[[str], None], apply: bool = True) -> int:
    """``maturity store migrate`` for a file: say what will run, then run it (opening a
    store migrates it too; this only makes it visible). Returns how many migrations ran."""
    version = 0
    if path.exists():
        try:
            probe = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                version = int(probe.execute("PRAGMA user_version").fetchone()[0])
            finally:
                probe.close()
        except sqlite3.DatabaseError as exc:
            raise _store_error(path, exc) from None
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"store {path}: written by a newer maturity (schema {version}, this version knows"
            f" {SCHEMA_VERSION}); upgrade maturity to open it"
        )
    pending = list(range(version + 1, SCHEMA_VERSION + 1))
    if not pending:
        say(f"{path}: schema {version} is current; nothing to do")
        return 0
    say(f"{path}: schema {version} -> {SCHEMA_VERSION}, will apply:")
    for number in pending:
        say(f"  {number}: {describe(number)}")
    if apply:
        SQLiteStore(path, create=True).close()
        say(f"{path}: schema is now {SCHEMA_VERSION}")
    return len(pending) if apply else 0
