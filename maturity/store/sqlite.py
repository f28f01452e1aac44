"""The embedded SQLite store (stdlib ``sqlite3``, WAL, foreign keys, versioned schema).

Durability: every write is one short ``BEGIN IMMEDIATE`` transaction committed before the
method returns, in WAL mode with ``synchronous=FULL``, so an answer the UI has shown as saved
survives a kill -9 (and a power cut) and the file is never left half-written.

Refusals: a file that is not SQLite, is SQLite but not a maturity store, is corrupt, is from
a newer schema, or is locked gives one :class:`StoreError` and is not modified.
"""

from __future__ import annotations

import os
import sqlite3
import urllib.parse
from collections.abc import Callable
from contextlib import suppress
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
        self._in_transaction = False
        if not path.exists():
            if not create:
                return
            if not path.parent.is_dir():
                raise StoreError(
                    code="store.no_folder", params={"path": path, "folder": path.parent}
                )
        else:
            self._check_header()
        self._conn = self._open(create)

    @classmethod
    def in_memory(cls) -> SQLiteStore:
        """An empty store in memory: a rehearsal ground (an import into a store that does not
        exist yet is tried here first, so a refusal creates no file)."""
        return cls(Path(":memory:"))

    # -- opening ----------------------------------------------------------------------------

    def _check_header(self) -> None:
        """Refuse a folder, a FIFO or a device before SQLite sees it.

        The file itself is never opened with a plain ``open()``: closing *any* descriptor of
        a SQLite file releases every POSIX lock this process holds on it (SQLite's "How To
        Corrupt An SQLite Database File", section 2.2). Another process would then believe it
        is the last connection, checkpoint and delete the WAL, and later answers from this
        process would go to a deleted file. Whether the file is SQLite at all is asked of
        SQLite itself in :meth:`_open` ("file is not a database")."""
        if self.path.is_dir():
            raise StoreError(code="store.is_folder", params={"path": self.path})
        if not self.path.is_file():  # a FIFO or a device (stat only: no descriptor opened)
            raise StoreError(code="store.not_regular", params={"path": self.path})

    def _open(self, create: bool) -> sqlite3.Connection:
        read_only = self.path.exists() and _read_only_fs(self.path)
        try:
            if read_only:
                # A read-only mount: reading still works (list, show, export); a write says
                # "read-only file system" instead of "corrupt or unreadable".
                conn = self._connect_read_only()
            else:
                conn = sqlite3.connect(
                    self.path,
                    timeout=BUSY_TIMEOUT_S,
                    isolation_level=None,
                    check_same_thread=False,
                )
        except sqlite3.Error as exc:
            said = diagnose(self.path, exc) if isinstance(exc, sqlite3.DatabaseError) else None
            raise said or StoreError(
                code="store.cannot_open", params={"path": self.path, "detail": exc}
            ) from None
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            if version > SCHEMA_VERSION:
                raise _newer(self.path, version)
            if version == 0 and tables:
                raise StoreError(code="store.not_maturity", params={"path": self.path})
            if version > 0 and not tables >= _TABLES:
                raise StoreError(code="store.damaged", params={"path": self.path})
            if read_only:
                if version < SCHEMA_VERSION:
                    raise StoreError(code="store.old_read_only", params={"path": self.path})
                return conn
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
                raise StoreError(code="store.not_sqlite", params={"path": self.path}) from None
            raise _store_error(self.path, exc) from None
        return conn

    def _connect_read_only(self) -> sqlite3.Connection:
        """Open on a read-only mount: ``mode=ro`` when the WAL index can be used, else
        ``immutable=1`` (nothing can change the file on a read-only mount)."""
        base = "file:" + urllib.parse.quote(str(self.path.resolve()))
        last: sqlite3.Error | None = None
        for query in ("?mode=ro", "?mode=ro&immutable=1"):
            conn = sqlite3.connect(
                base + query,
                uri=True,
                timeout=BUSY_TIMEOUT_S,
                isolation_level=None,
                check_same_thread=False,
            )
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                return conn
            except sqlite3.Error as exc:
                conn.close()
                last = exc
        assert last is not None
        raise last

    def _migrate(self, conn: sqlite3.Connection, version: int) -> None:
        for number in range(version, SCHEMA_VERSION):
            _begin(conn)
            try:
                # Another process may have migrated (or created) the store while this one
                # waited for the write lock: read the version again under the lock.
                if conn.execute("PRAGMA user_version").fetchone()[0] > number:
                    conn.execute("COMMIT")
                    continue
                for statement in statements(number + 1, "sqlite"):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {number + 1}")
                conn.execute("COMMIT")
            except BaseException:
                _rollback(conn)
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

    def _rollback(self, conn: Conn) -> None:
        assert isinstance(conn, sqlite3.Connection)
        _rollback(conn)

    def _retryable(self, exc: Exception) -> bool:
        return isinstance(exc, sqlite3.OperationalError) and _is_busy(exc)

    def _error(self, exc: Exception) -> StoreError:
        assert isinstance(exc, sqlite3.DatabaseError)
        return _store_error(self.path, exc)


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    text = str(exc)
    return "locked" in text or "busy" in text


def _begin(conn: sqlite3.Connection) -> None:
    conn.execute("BEGIN IMMEDIATE")


def _rollback(conn: sqlite3.Connection) -> None:
    """Roll back if a transaction is still open. A failed COMMIT (a full disk) may already
    have rolled back, and a ROLLBACK that raises would hide the error that matters."""
    if conn.in_transaction:
        with suppress(sqlite3.Error):
            conn.execute("ROLLBACK")


def _read_only_fs(path: Path) -> bool:
    try:
        return bool(os.statvfs(_existing(path)).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def _disk_full(path: Path) -> bool:
    try:
        st = os.statvfs(_existing(path))
    except OSError:
        return False
    return st.f_bavail * st.f_frsize < 64 * 1024


def _wal_lost(path: Path) -> bool:
    """The -shm index exists but the -wal it describes is gone or empty."""
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    try:
        return shm.exists() and (not wal.exists() or wal.stat().st_size == 0)
    except OSError:
        return False


def _existing(path: Path) -> Path:
    return path if path.exists() else path.parent


def _newer(path: Path, version: int) -> StoreError:
    return StoreError(
        code="store.newer", params={"path": path, "version": version, "known": SCHEMA_VERSION}
    )


def diagnose(path: Path, exc: sqlite3.DatabaseError) -> StoreError | None:
    """What happened to the store's environment, in words, when SQLite only says "disk I/O
    error", "unable to open" or "readonly": a read-only mount, a read-only folder or file, a
    full disk, or a write-ahead log deleted under a running process. None: none of those."""
    text = str(exc)
    name = getattr(exc, "sqlite_errorname", "") or ""

    def error(code: str, **params: object) -> StoreError:
        return StoreError(code=code, params={"path": path, **params})

    if _read_only_fs(path):
        return error("store.read_only_fs")
    if name.startswith("SQLITE_FULL") or "disk is full" in text or _disk_full(path):
        return error("store.disk_full")
    readonly = name.startswith("SQLITE_READONLY") or "readonly" in text or "read-only" in text
    cantopen = name.startswith("SQLITE_CANTOPEN") or "unable to open" in text
    ioerr = name.startswith("SQLITE_IOERR") or "disk I/O error" in text
    folder = path.parent
    if (readonly or cantopen or ioerr) and not os.access(folder, os.W_OK):
        return error("store.read_only_folder", folder=folder)
    if (readonly or cantopen) and path.exists() and not os.access(path, os.W_OK):
        return error("store.read_only_file")
    if ioerr and path.exists() and _wal_lost(path):
        return error("store.wal_lost", wal=f"{path.name}-wal")
    if readonly:
        return error("store.read_only")
    return None


def _store_error(path: Path, exc: sqlite3.DatabaseError) -> StoreError:
    text = str(exc)
    if "locked" in text or "busy" in text:
        return StoreError(code="store.locked", params={"path": path})
    if (said := diagnose(path, exc)) is not None:
        return said
    if isinstance(exc, sqlite3.IntegrityError):
        return StoreError(code="store.inconsistent", params={"path": path, "detail": text})
    return StoreError(code="store.corrupt", params={"path": path, "detail": text})


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
        raise _newer(path, version)
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
