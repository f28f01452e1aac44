"""The quick read path: what a read-only command printed, served again without the models.

``maturity show ID --json``, ``trend`` and ``portfolio`` compute their output through the
core (pydantic models, questionnaires, scoring, the plan). That output is a pure function of
the store's content, the app version and the time, so the launcher (:mod:`maturity.launch`)
keeps it in the SQLite table ``results_cache`` (schema 7) under a *stamp*:

- the app version, :data:`CACHE_FORMAT` (a new output shape) and :func:`code_stamp`, which
  changes with any source or data file of the installation (a source checkout whose scoring
  was edited without a new version recomputes too);
- for one assessment (``show``), its ``revision``; for a team's trend, the highest revision
  and the number of the team's assessments; for the portfolio, the store-wide revision
  counter. Triggers (:mod:`maturity.store.migrations`, 7) give an assessment a new revision on
  every change to it or its answers, events, measurements, targets and actions, from one
  counter, so a revision is never reused (not even by a deleted and re-imported assessment).
  So a team's (highest revision, count) changes with any change to the team's assessments:
  a changed, added or renamed-in assessment gets a revision above every other, and one
  deleted or renamed away lowers the count unless another is added, which raises the highest;
- ``valid_until``: outputs that depend on the day (the plan, overdue actions) or on the time
  (the portfolio's "stale" mark) expire when that could change.

Whoever writes keeps the entries current (:mod:`maturity.keep`: the command line after a
write command, the TUI and a participant's app shortly after each write), so the next read
is normally a hit. This module is the only one that knows that table, and it needs nothing
but the standard library: a hit costs a Python start, one SQLite read and a write to standard
output. Anything it does not recognise (PostgreSQL, another schema, a file that is not a
regular file, an id that is ambiguous or unknown, a stale or missing entry) is a miss, and
the normal path runs, says what is wrong if anything is, and refreshes the entry.

PostgreSQL is never cached: this module reads with the standard library's ``sqlite3`` only
(importing psycopg would cost the quick path more than it saves), so commands on a
PostgreSQL store always take the normal path.
"""

from __future__ import annotations

import os
import sqlite3
import zlib
from contextlib import suppress

from maturity import __version__
from maturity.names import name_key
from maturity.store.migrations import SCHEMA_VERSION

CACHE_FORMAT = 2
"""Raise when what is cached, or how it is stamped, changes (the app version covers changed
rules). 2: a trend is stamped with its team's revisions, not the store's."""

WRITE_TIMEOUT_S = 0.25
"""How long refreshing an entry waits for another process's write lock before giving up: the
command has already printed its output, a cache is not worth keeping the user waiting."""


class Request:
    """A recognised command: ``show`` (with ``ident``), ``trend`` or ``portfolio``, and its
    options (flag -> value, ``""`` for a bare flag) exactly as given.

    (Plain classes here, not dataclasses: importing ``dataclasses`` would cost the quick path
    more than everything else it loads.)"""

    __slots__ = ("command", "ident", "options")

    def __init__(
        self, command: str, options: tuple[tuple[str, str], ...] = (), ident: str | None = None
    ) -> None:
        self.command, self.options, self.ident = command, options, ident

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Request) and (self.command, self.options, self.ident) == (
            other.command,
            other.options,
            other.ident,
        )

    def __hash__(self) -> int:
        return hash((self.command, self.options, self.ident))

    def __repr__(self) -> str:
        return f"Request({self.command!r}, {self.options!r}, {self.ident!r})"


class Entry:
    """Where a command's output is kept and the stamp it must carry to be served; read
    before the normal path runs, so a change made meanwhile leaves the entry stale."""

    __slots__ = ("assessment_id", "key", "path", "stamp")

    def __init__(self, path: str, key: str, assessment_id: str | None, stamp: str) -> None:
        self.path, self.key, self.assessment_id, self.stamp = path, key, assessment_id, stamp


_PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_SOURCES = (".py", ".yaml", ".yml", ".json")


def _files(folder: str, out: list[str]) -> None:
    with os.scandir(folder) as entries:
        for e in entries:
            if e.is_dir(follow_symlinks=False):
                if e.name != "__pycache__":
                    _files(e.path, out)
            elif e.name.endswith(_SOURCES):
                st = e.stat()
                out.append(f"{e.path} {st.st_mtime_ns} {st.st_size}")


def code_stamp(roots: tuple[str, ...] | None = None) -> str:
    """A checksum of the name, time and size of every source and data file the output could
    come from: the package (with its ``_data`` in a wheel) and, in a source checkout, the
    questionnaires beside it. Stat only, no reading: well under a millisecond or two."""
    if roots is None:
        roots = (_PACKAGE, os.path.join(os.path.dirname(_PACKAGE), "questionnaires"))
    out: list[str] = []
    for root in roots:
        if os.path.isdir(root):
            _files(root, out)
    out.sort()
    listing = "\n".join(out).encode("utf-8", "surrogateescape")
    return f"{zlib.crc32(listing):08x}"


def sqlite_file(target: str) -> str | None:
    """The store target as an existing regular SQLite file, or None (PostgreSQL, missing, a
    folder or a FIFO: the normal path says what is wrong). Only ``stat`` is used."""
    if target.startswith(("postgresql:", "postgres:")):
        return None
    try:
        return target if os.path.isfile(target) else None
    except (OSError, ValueError):
        return None


def _reader(path: str, writer: bool) -> sqlite3.Connection:
    """A connection to read with: read-only for the quick path (which must never change or
    create anything), a normal one for a writer keeping outputs (:mod:`maturity.keep`). A
    read-only connection in a process that also has the store open read-write leaves the
    store's WAL files behind when it closes (SQLite cannot tell it is the last one)."""
    if writer:
        return sqlite3.connect(path, timeout=WRITE_TIMEOUT_S, isolation_level=None)
    return _read_only(path)


def _read_only(path: str) -> sqlite3.Connection:
    # A URI, to open read-only; in a file name only these three mean something else there.
    quoted = path.replace("%", "%25").replace("?", "%3f").replace("#", "%23")
    uri = "file:" + quoted + "?mode=ro"
    return sqlite3.connect(uri, uri=True, isolation_level=None)


def _resolve(conn: sqlite3.Connection, prefix: str) -> str | None:
    """The id a typed id or prefix names, by the store's rule (a whole id names itself, else
    the prefix must be unique); None whenever the normal path would refuse it."""
    p = prefix.strip().lower()
    if not p or not all(c in "0123456789abcdef" for c in p):
        return None
    rows = conn.execute(
        "SELECT id FROM assessments WHERE id >= ? AND id < ? ORDER BY id LIMIT 2", (p, p + "g")
    ).fetchall()
    if rows and rows[0][0] == p:
        return p
    return str(rows[0][0]) if len(rows) == 1 else None


def _key(request: Request, assessment_id: str | None) -> str:
    # repr of strings and tuples is exact and stable (and json would import re)
    return repr((request.command, assessment_id, tuple(sorted(request.options))))


def lookup(
    target: str, request: Request, now: str, code: str | None = None, *, writer: bool = False
) -> tuple[str | None, Entry | None]:
    """The cached output of ``request`` if its stamp is current and ``now`` (UTC, as the
    store writes times) is before it expires; and the entry a fresh output belongs in (None:
    this store or request is not cached). Any SQLite error is a miss.

    ``code``: the :func:`code_stamp` of the code that computes the output (default: the
    files as they are now; a process that runs for hours gives the one it started with).
    ``writer``: asked by a process that writes the store too (see :func:`_reader`)."""
    path = sqlite_file(target)
    if path is None:
        return None, None
    try:
        conn = _reader(path, writer)
    except sqlite3.Error:
        return None, None
    try:
        if conn.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
            return None, None  # older: the normal path migrates it; newer: it refuses
        conn.execute("BEGIN")  # one snapshot: the revision and the entry agree
        assessment_id = None
        if request.command == "show":
            assessment_id = _resolve(conn, request.ident or "")
            if assessment_id is None:
                return None, None
            row = conn.execute(
                "SELECT revision FROM assessments WHERE id = ?", (assessment_id,)
            ).fetchone()
        elif request.command == "trend":
            team = dict(request.options).get("--team", "")
            row = conn.execute(
                "SELECT 'team ' || coalesce(max(revision), '-') || ' ' || count(*)"
                " FROM assessments WHERE team_key = ?",
                (name_key(team),),
            ).fetchone()
        else:
            row = conn.execute("SELECT n FROM revision_counter").fetchone()
        entry = Entry(
            path=path,
            key=_key(request, assessment_id),
            assessment_id=assessment_id,
            stamp=f"{__version__} {CACHE_FORMAT} {code or code_stamp()} {row[0]}",
        )
        cached = conn.execute(
            "SELECT stamp, valid_until, body FROM results_cache WHERE key = ?", (entry.key,)
        ).fetchone()
        conn.execute("COMMIT")
    except sqlite3.Error:
        return None, None
    finally:
        conn.close()
    if cached is not None and cached[0] == entry.stamp and now < cached[1]:
        try:
            return zlib.decompress(cached[2]).decode("utf-8"), entry
        except (zlib.error, TypeError, UnicodeDecodeError):
            return None, entry  # damaged: computed and written again
    return None, entry


def store_revision(target: str, *, writer: bool = False) -> int | None:
    """The store-wide revision (0 for a store file not created yet); None when the target is
    not a current SQLite store (PostgreSQL, another schema, unreadable)."""
    if target.startswith(("postgresql:", "postgres:")):
        return None
    if not os.path.lexists(target):
        return 0
    path = sqlite_file(target)
    if path is None:
        return None
    try:
        conn = _reader(path, writer)
        try:
            if conn.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
                return None
            return int(conn.execute("SELECT n FROM revision_counter").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def revised_since(target: str, revision: int, limit: int) -> list[str] | None:
    """The assessments given a revision after ``revision``; None when more than ``limit``
    were (an import, a team rename) or the store cannot be read. For writers."""
    path = sqlite_file(target)
    if path is None:
        return None
    try:
        conn = _reader(path, True)
        try:
            rows = conn.execute(
                "SELECT id FROM assessments WHERE revision > ? ORDER BY id LIMIT ?",
                (revision, limit + 1),
            ).fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return None if len(rows) > limit else [str(r[0]) for r in rows]


def first_created_after(path: str, after: str) -> str | None:
    """The earliest creation time later than ``after`` of any assessment (for the moment a
    portfolio row turns stale); None when there is none or the store cannot be read."""
    try:
        conn = _reader(path, True)
        try:
            row = conn.execute(
                "SELECT min(created) FROM assessments WHERE created > ?", (after,)
            ).fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return None if row is None or row[0] is None else str(row[0])


def _pack(body: str) -> bytes:
    """Kept compressed: results JSON shrinks about tenfold, so keeping the output of every
    assessment of a large store adds a small fraction to its size, not as much again."""
    return zlib.compress(body.encode("utf-8"), 6)


def remember(entry: Entry, body: str, valid_until: str) -> bool:
    """Keep ``body`` under ``entry`` until ``valid_until``; True when it was written.

    Best effort, by design: the output is already printed and correct, so a locked,
    read-only or vanished store only means the next command takes the normal path again."""
    return _upsert(entry.path, [(entry, _pack(body), valid_until)])


def remember_many(items: list[tuple[Entry, str, str]]) -> bool:
    """:func:`remember` for several ``(entry, body, valid until)`` of one store, in one
    transaction."""
    if not items:
        return True
    return _upsert(items[0][0].path, [(e, _pack(b), until) for e, b, until in items])


def _upsert(path: str, items: list[tuple[Entry, bytes, str]]) -> bool:
    try:
        conn = sqlite3.connect(path, timeout=WRITE_TIMEOUT_S, isolation_level=None)
    except sqlite3.Error:
        return False
    try:
        conn.execute("PRAGMA foreign_keys = ON")  # a deleted assessment gets no entry
        conn.execute("PRAGMA synchronous = NORMAL")  # a lost entry is only recomputed
        conn.execute("BEGIN IMMEDIATE")
        if conn.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
            conn.execute("ROLLBACK")
            return False
        conn.executemany(
            "INSERT INTO results_cache (key, assessment_id, stamp, valid_until, body)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET"
            " assessment_id = excluded.assessment_id, stamp = excluded.stamp,"
            " valid_until = excluded.valid_until, body = excluded.body",
            [(e.key, e.assessment_id, e.stamp, until, body) for e, body, until in items],
        )
        conn.execute("COMMIT")
        return True
    except sqlite3.Error:
        if conn.in_transaction:
            with suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
        return False
    finally:
        conn.close()


def kept_requests(target: str, command: str) -> list[Request]:
    """The requests of ``command`` (``trend``, ``portfolio``) someone asked for and whose
    output is kept, current or not: what :mod:`maturity.keep` refreshes after a write."""
    path = sqlite_file(target)
    if path is None:
        return []
    try:
        conn = _reader(path, True)
        try:
            if conn.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
                return []
            rows = conn.execute(
                "SELECT key FROM results_cache WHERE assessment_id IS NULL ORDER BY key"
            ).fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        return []
    from ast import literal_eval  # not on the quick path: only a writer lists the entries

    out = []
    for (key,) in rows:
        try:
            name, _, options = literal_eval(key)
        except (ValueError, SyntaxError, TypeError):
            continue  # not a key this version writes: left alone, never served
        if name == command and isinstance(options, tuple):
            out.append(Request(command, tuple((str(k), str(v)) for k, v in options)))
    return out


class Revisions:
    """Reads assessments' current revisions over one connection (for a writer that reuses
    results computed at a revision while it is still the current one). Close it."""

    def __init__(self, target: str) -> None:
        path = sqlite_file(target)
        self._path = path or target
        self._conn = _reader(path, True) if path is not None else None

    def of(self, assessment_id: str) -> int | None:
        """The revision of ``assessment_id`` now (None: unknown, or not a SQLite store)."""
        if self._conn is None:
            return None
        try:
            row = self._conn.execute(
                "SELECT revision FROM assessments WHERE id = ?", (assessment_id,)
            ).fetchone()
        except sqlite3.Error:
            return None
        return None if row is None else int(row[0])

    def part(
        self, assessment_id: str, kind: str, lang: str | None, code: str
    ) -> tuple[Entry | None, str | None]:
        """A part of an output kept for one assessment (``kind``: ``portfolio-row``): the
        entry a part computed now belongs in (stamped with the assessment's revision, read
        first), and the kept part if it is current. (None, None): no such assessment."""
        if self._conn is None:
            return None, None
        key = repr((kind, assessment_id, (("--lang", lang),) if lang else ()))
        try:
            row = self._conn.execute(
                "SELECT a.revision, c.stamp, c.body FROM assessments a"
                " LEFT JOIN results_cache c ON c.key = ? WHERE a.id = ?",
                (key, assessment_id),
            ).fetchone()
        except sqlite3.Error:
            return None, None
        if row is None:
            return None, None
        stamp = f"{__version__} {CACHE_FORMAT} {code} {row[0]}"
        entry = Entry(self._path, key, assessment_id, stamp)
        if row[1] != stamp:
            return entry, None
        try:
            return entry, zlib.decompress(row[2]).decode("utf-8")
        except (zlib.error, TypeError, UnicodeDecodeError):
            return entry, None

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()


PARTS_VALID_UNTIL = "9999-12-31T23:59:59.999Z"
"""Parts (see :meth:`Revisions.part`) do not depend on the day: only their stamp ends them."""
