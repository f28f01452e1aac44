"""The PostgreSQL store (psycopg 3): one shared store for an organisation.

Every query is :class:`~maturity.store.sqlstore.SQLStore`'s; this module only connects,
words errors and adds what a server can do that a file cannot:

- Writes are short ``BEGIN`` ... ``COMMIT`` transactions (READ COMMITTED). Team-mode writes
  lock the assessment row first (``SELECT ... FOR UPDATE``), so many participants on many
  machines are serialised per assessment and none overwrites another's read-modify-write; a
  deadlock or serialisation failure is retried. Every method returns after ``COMMIT``.
- A dropped connection (server restart, ``pg_terminate_backend``, network) is opened again
  and the write retried; team-mode writes are idempotent, so a vote whose acknowledgement was
  lost is not counted twice.
- Team-mode writes ``NOTIFY maturity`` with the assessment id; screens wait on ``LISTEN``
  instead of polling (:meth:`PostgresStore.wait_for_change`).

The schema is never created implicitly (the application's role need not own it): a database
without it, or with an older one, is refused with the hint to run ``maturity store migrate``;
a newer one is refused untouched, as SQLite does. Passwords never reach a message: the store
is named by :func:`safe_label` and error texts are scrubbed of the password.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Sequence
from contextlib import suppress
from typing import TYPE_CHECKING, Any

from maturity.errors import StoreError
from maturity.store.migrations import SCHEMA_VERSION, describe, statements
from maturity.store.sqlstore import Conn, Dialect, SQLStore

if TYPE_CHECKING:
    import psycopg

DIALECT = Dialect(name="postgresql", event_order="seq", lock=" FOR UPDATE")
CHANNEL = "maturity"
CONNECT_TIMEOUT_S = 5
RECONNECT_TRIES = 5
SCHEMA_TABLE = "maturity_schema"
MIGRATE_LOCK = 0x6D6174  # pg_advisory_xact_lock key: one migrate at a time


def is_postgres(target: str) -> bool:
    return target.startswith(("postgresql:", "postgres:"))


def _normalise(target: str) -> str:
    """``postgresql:`` / ``postgres:`` alone mean "everything from the libpq environment"."""
    if target in ("postgresql:", "postgres:", "postgresql://", "postgres://"):
        return "postgresql://"
    return target


def _parse(target: str) -> dict[str, Any]:
    from psycopg.conninfo import conninfo_to_dict

    try:
        return dict(conninfo_to_dict(_normalise(target)))
    except Exception:  # libpq's message may echo the URL, password included: never show it
        raise StoreError(
            "store: malformed PostgreSQL URL (expected postgresql://USER@HOST:PORT/DATABASE)"
        ) from None


def safe_label(target: str) -> str:
    """The store named for people: ``postgresql://user@host:port/db``, never the password."""
    try:
        info = _parse(target)
    except StoreError:
        return "postgresql://(malformed)"
    user = info.get("user") or os.environ.get("PGUSER") or ""
    host = info.get("host") or os.environ.get("PGHOST") or "localhost"
    port = info.get("port") or os.environ.get("PGPORT") or "5432"
    db = info.get("dbname") or os.environ.get("PGDATABASE") or user or ""
    return f"postgresql://{user + '@' if user else ''}{host}:{port}/{db}"


def _password(target: str) -> str | None:
    try:
        info = _parse(target)
    except StoreError:
        return None
    return str(info.get("password") or os.environ.get("PGPASSWORD") or "") or None


class _PGConn:
    """A psycopg connection speaking the shared queries' ``?`` placeholders."""

    _cache: dict[str, str] = {}  # noqa: RUF012 - one translation per statement, shared

    def __init__(self, raw: psycopg.Connection[Any]) -> None:
        self.raw = raw

    @classmethod
    def _sql(cls, sql: str) -> str:
        out = cls._cache.get(sql)
        if out is None:
            out = cls._cache[sql] = sql.replace("%", "%%").replace("?", "%s")
        return out

    def execute(self, sql: str, args: Sequence[Any] = (), /) -> Any:
        return self.raw.execute(self._sql(sql), tuple(args))

    def executemany(self, sql: str, args: Any, /) -> Any:
        cur = self.raw.cursor()
        cur.executemany(self._sql(sql), list(args))
        return cur

    def close(self) -> None:
        self.raw.close()


def connect(target: str, *, purpose: str = "maturity") -> psycopg.Connection[Any]:
    """An autocommit connection (transactions are explicit); StoreError when it fails."""
    import psycopg

    _parse(target)
    try:
        return psycopg.connect(
            _normalise(target),
            autocommit=True,
            application_name=purpose,
            connect_timeout=CONNECT_TIMEOUT_S,
        )
    except psycopg.Error as exc:
        raise StoreError(
            code="store.cannot_connect",
            params={"path": safe_label(target), "detail": _first_line(exc, target)},
        ) from None


def schema_version(conn: psycopg.Connection[Any]) -> int | None:
    """The schema version in the connection's search path; None when there is no schema."""
    row = conn.execute("SELECT to_regclass(%s)", (SCHEMA_TABLE,)).fetchone()
    if row is None or row[0] is None:
        return None
    got = conn.execute(f"SELECT max(version) FROM {SCHEMA_TABLE}").fetchone()
    return int(got[0]) if got and got[0] is not None else 0


class PostgresStore(SQLStore):
    """Assessments in a PostgreSQL database (its current ``search_path`` schema)."""

    dialect = DIALECT

    def __init__(self, target: str, *, create: bool = True) -> None:
        import psycopg

        del create  # the schema is created by `maturity store migrate`, never implicitly
        self.target = target
        self.label = safe_label(target)
        self.db_errors = (psycopg.Error,)
        self._listener: psycopg.Connection[Any] | None = None
        self._conn = self._open()

    def _open(self) -> _PGConn:
        import psycopg

        raw = connect(self.target)
        try:
            version = schema_version(raw)
        except psycopg.Error as exc:
            raw.close()
            raise self._error(exc) from None
        hint = "run `maturity store migrate` with this --store (as the schema's owner)"
        if version is None:
            raw.close()
            raise StoreError(
                f"store {self.label}: no maturity schema in this database; {hint}",
                code="store.no_schema",
                params={"path": self.label},
            )
        if version > SCHEMA_VERSION:
            raw.close()
            raise StoreError(
                code="store.newer",
                params={"path": self.label, "version": version, "known": SCHEMA_VERSION},
            )
        if version < SCHEMA_VERSION and changes_since(version):
            raw.close()
            raise StoreError(
                f"store {self.label}: schema {version} is older than this version's"
                f" {SCHEMA_VERSION}; {hint}",
                code="store.older",
                params={"path": self.label, "version": version, "known": SCHEMA_VERSION},
            )
        return _PGConn(raw)

    # -- dialect hooks ------------------------------------------------------------------------

    def _begin_read(self, conn: Conn) -> None:
        conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")

    def _retryable(self, exc: Exception) -> bool:
        from psycopg import errors

        return isinstance(
            exc, errors.SerializationFailure | errors.DeadlockDetected | errors.LockNotAvailable
        )

    def _reconnect(self, exc: Exception) -> bool:
        """After the server dropped us (restart, pg_terminate_backend, network): a new
        connection, tried a few times; False when ``exc`` was not a lost connection."""
        import psycopg

        conn = self._conn
        lost = isinstance(exc, psycopg.OperationalError) and (
            exc.sqlstate is None or exc.sqlstate[:2] in ("08", "57")
        )
        if conn is None or not (lost or conn.raw.broken or conn.raw.closed):
            return False
        with suppress(Exception):
            conn.raw.close()
        for attempt in range(RECONNECT_TRIES):
            try:
                self._conn = self._open()
                return True
            except StoreError:
                time.sleep(0.05 * (attempt + 1))
        return False

    notifies = True

    def _changed(self, conn: Conn, assessment_id: str) -> None:
        conn.execute("SELECT pg_notify(?, ?)", (CHANNEL, assessment_id))

    def wait_for_change(self, assessment_id: str, timeout: float) -> bool:
        """Wait on LISTEN for a NOTIFY about this assessment; True when one came (or the
        listening connection had to be reopened: the caller then re-reads everything)."""
        import psycopg

        if self._conn is None:  # closed: nothing to listen for (and no connection to open)
            time.sleep(timeout)
            return False
        try:
            if self._listener is None or self._listener.closed:
                self._listener = connect(self.target, purpose="maturity listen")
                self._listener.execute(f"LISTEN {CHANNEL}")
                return True  # changes before LISTEN were missed: read once now
            for note in self._listener.notifies(timeout=timeout):
                if note.payload == assessment_id:
                    return True
            return False
        except (psycopg.Error, StoreError):
            if self._listener is not None:
                self._listener.close()
            self._listener = None
            return True

    def close(self) -> None:
        if self._listener is not None:
            self._listener.close()
            self._listener = None
        super().close()

    def _error(self, exc: Exception) -> StoreError:
        return pg_error(self.label, self.target, exc, self._conn)


def _first_line(exc: BaseException, target: str) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    text = text.removeprefix("connection failed: ")
    password = _password(target)
    if password:
        text = text.replace(password, "***")
    return text


def pg_error(label: str, target: str, exc: Exception, conn: _PGConn | None = None) -> StoreError:
    """A psycopg error as one line a person can act on."""
    import psycopg
    from psycopg import errors

    text = _first_line(exc, target)
    params = {"path": label, "detail": text}
    if isinstance(exc, errors.InsufficientPrivilege):
        return StoreError(code="store.denied", params=params)
    if isinstance(exc, errors.IntegrityError):
        return StoreError(code="store.inconsistent", params=params)
    if isinstance(exc, errors.SerializationFailure | errors.DeadlockDetected):
        return StoreError(code="store.busy", params={"path": label})
    if isinstance(exc, psycopg.OperationalError) or (
        conn is not None and (conn.raw.broken or conn.raw.closed)
    ):
        return StoreError(code="store.connection_lost", params=params)
    return StoreError(f"store {label}: {text}")


def changes_since(version: int) -> bool:
    """Whether a migration after ``version`` changes anything on PostgreSQL. Some change only
    SQLite (7: the quick read path's revisions and kept output), so a schema they left behind
    is opened as it is: nobody has to find the schema's owner to run a migrate that would do
    nothing. ``maturity store migrate`` still records the version when it is run."""
    return any(statements(n, "postgresql") for n in range(version + 1, SCHEMA_VERSION + 1))


# -- `maturity store migrate` ---------------------------------------------------------------


def migrate(target: str, *, say: Callable[[str], None], apply: bool = True) -> int:
    """Create or upgrade the schema in one transaction; returns how many migrations ran.

    PostgreSQL DDL is transactional: either every pending migration is applied or none."""
    import psycopg

    label = safe_label(target)
    raw = connect(target, purpose="maturity migrate")
    try:
        raw.execute("BEGIN")
        raw.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATE_LOCK,))
        version = schema_version(raw) or 0
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"store {label}: written by a newer maturity (schema {version}, this version"
                f" knows {SCHEMA_VERSION}); upgrade maturity to open it"
            )
        pending = list(range(version + 1, SCHEMA_VERSION + 1))
        if not pending:
            raw.execute("ROLLBACK")
            say(f"{label}: schema {version} is current; nothing to do")
            return 0
        say(f"{label}: schema {version} -> {SCHEMA_VERSION}, will apply:")
        for number in pending:
            say(f"  {number}: {describe(number, 'postgresql')}")
        if not apply:
            raw.execute("ROLLBACK")
            return 0
        raw.execute(f"CREATE TABLE IF NOT EXISTS {SCHEMA_TABLE} (version INTEGER NOT NULL)")
        for number in pending:
            for statement in statements(number, "postgresql"):
                raw.execute(statement.replace("%", "%%"))
        raw.execute(f"DELETE FROM {SCHEMA_TABLE}")
        raw.execute(f"INSERT INTO {SCHEMA_TABLE} (version) VALUES (%s)", (SCHEMA_VERSION,))
        raw.execute("COMMIT")
        say(f"{label}: schema is now {SCHEMA_VERSION}")
        return len(pending)
    except psycopg.Error as exc:
        with contextlib.suppress(psycopg.Error):
            raw.execute("ROLLBACK")
        raise pg_error(label, target, exc) from None
    except BaseException:
        with contextlib.suppress(psycopg.Error):
            raw.execute("ROLLBACK")
        raise
    finally:
        raw.close()
