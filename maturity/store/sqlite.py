"""The embedded SQLite store (stdlib ``sqlite3``, WAL, foreign keys, versioned schema).

Durability: every write is one short ``BEGIN IMMEDIATE`` transaction committed before the
method returns, in WAL mode with ``synchronous=FULL``, so an answer the UI has shown as saved
survives a kill -9 (and a power cut) and the file is never left half-written.

Refusals: a file that is not SQLite, is SQLite but not a maturity store, is corrupt, is from
a newer schema, or is locked gives one :class:`StoreError` and is not modified.
"""

from __future__ import annotations

import builtins
import json
import os
import random
import sqlite3
import time
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from maturity.errors import MaturityError, NotFoundError, StoreError
from maturity.store.base import LiveSession, Progress, Summary, TeamRow, TeamState
from maturity.store.migrations import MIGRATIONS, SCHEMA_VERSION
from maturity.timefmt import format_time, now, now_text
from maturity.voting import LIVE_S, is_live, name_key

if TYPE_CHECKING:  # the pydantic models load on first get(), not for `maturity list`
    from maturity.model.assessment import Answer, Assessment, DoraInputs
    from maturity.model.plan import Action, Target

_ACTION_COLUMNS = (
    "id, title, practice, owner, due, status, reason, notes, created, updated, done_at,"
    " carried_from, carried_to"
)

BUSY_TIMEOUT_S = 5.0
RETRY_WINDOW_S = 15.0
"""Team-mode writes retry this long (beyond SQLite's own busy wait) before giving up."""
RETRY_FIRST_S, RETRY_MAX_S = 0.005, 0.25
R = TypeVar("R")
_TABLES = {"assessments", "answers", "questionnaires"}


def _measurement(body: str) -> Any:
    from maturity.measure.model import Measurement

    return Measurement.model_validate_json(body)


team_key = name_key
"""Teams match like participant names: ignoring case and surrounding/repeated spaces."""


class SQLiteStore:
    """Assessments in one SQLite file. ``create=False`` opens read-only commands without
    creating a missing file (a missing store behaves as an empty one)."""

    def __init__(self, path: Path, *, create: bool = True) -> None:
        self.path = path
        self._conn: sqlite3.Connection | None = None
        self._in_transaction = False
        if not path.exists():
            if not create:
                return
            if not path.parent.is_dir():
                raise StoreError(f"store {path}: folder {path.parent} does not exist")
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
            raise StoreError(said or f"store {self.path}: cannot open ({exc})") from None
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
            if read_only:
                if version < SCHEMA_VERSION:
                    raise StoreError(
                        f"store {self.path}: on a read-only file system and written by an older"
                        " maturity; copy it somewhere writable to upgrade it"
                    )
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
                raise StoreError(
                    f"store {self.path}: not a SQLite database; refusing to touch it"
                ) from None
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
                for statement in MIGRATIONS[number].split(";"):
                    if statement.strip():
                        conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {number + 1}")
                conn.execute("COMMIT")
            except BaseException:
                _rollback(conn)
                raise

    # -- plumbing ---------------------------------------------------------------------------

    @property
    def exists(self) -> bool:
        return self._conn is not None

    def _c(self) -> sqlite3.Connection:
        if self._conn is None:
            raise NotFoundError(f"store {self.path} does not exist yet (no assessments)")
        return self._conn

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        conn = self._c()
        if self._in_transaction:  # part of a larger transaction (an import): it commits
            yield conn
            return
        try:
            _begin(conn)
        except sqlite3.DatabaseError as exc:
            raise _store_error(self.path, exc) from None
        try:
            yield conn
            conn.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            _rollback(conn)
            raise _store_error(self.path, exc) from None
        except BaseException:
            _rollback(conn)
            raise

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction around many store calls: all of them or none.

        Taken with ``BEGIN IMMEDIATE`` before anything is read, so checks made inside (does
        this id exist? is it identical?) cannot be overtaken by another process: two imports
        of the same bundle run one after the other and the second finds everything unchanged.
        Every write method called inside joins it; a kill -9 before the commit leaves nothing.
        """
        if self._in_transaction:
            yield
            return
        conn = self._c()
        delay = RETRY_FIRST_S
        deadline = time.monotonic() + RETRY_WINDOW_S
        while True:
            try:
                conn.execute("BEGIN IMMEDIATE")
                break
            except sqlite3.OperationalError as exc:
                if _is_busy(exc) and time.monotonic() < deadline:
                    time.sleep(delay * (1 + random.random()))
                    delay = min(delay * 2, RETRY_MAX_S)
                    continue
                raise _store_error(self.path, exc) from None
            except sqlite3.DatabaseError as exc:
                raise _store_error(self.path, exc) from None
        self._in_transaction = True
        try:
            yield
            conn.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            _rollback(conn)
            raise _store_error(self.path, exc) from None
        except BaseException:
            _rollback(conn)
            raise
        finally:
            self._in_transaction = False

    def _read(self, sql: str, args: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        conn = self._c()
        try:
            cur = conn.execute(sql, args)
            return cur.fetchall()
        except sqlite3.DatabaseError as exc:
            raise _store_error(self.path, exc) from None

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    # -- queries ----------------------------------------------------------------------------

    def list(self, team: str | None = None) -> list[Summary]:
        if self._conn is None:
            return []
        sql = (
            "SELECT id, team, created, updated, questionnaire_id, questionnaire_version, status,"
            " answered, total, level, score FROM assessments"
        )
        args: tuple[Any, ...] = ()
        if team is not None:
            sql += " WHERE team_key = ?"
            args = (team_key(team),)
        sql += " ORDER BY created DESC, id"
        return [Summary(*row) for row in self._read(sql, args)]

    def resolve_id(self, prefix: str) -> str:
        p = prefix.strip().lower()
        if not p or not all(c in "0123456789abcdef" for c in p):
            raise NotFoundError(f"'{prefix}' is not an assessment id (ids are hexadecimal)")
        if self._conn is None:
            raise NotFoundError(f"no assessment with id '{prefix}'")
        rows = self._read(
            "SELECT id FROM assessments WHERE id >= ? AND id < ? ORDER BY id LIMIT 6",
            (p, p + "g"),
        )
        if not rows:
            raise NotFoundError(f"no assessment with id '{prefix}'")
        if rows[0][0] == p:  # a whole id addresses itself, even when it prefixes another
            return p
        if len(rows) > 1:
            shown = ", ".join(r[0][: len(p) + 4] for r in rows[:5])
            raise NotFoundError(
                f"id prefix '{prefix}' is ambiguous: {shown}{'…' if len(rows) > 5 else ''}"
            )
        return str(rows[0][0])

    def get(self, assessment_id: str) -> Assessment:
        from maturity.model.assessment import STORED, Assessment

        rows = self._read(
            "SELECT id, team, created, updated, facilitator, participants, questionnaire_id,"
            " questionnaire_version, language, status, dora, anonymous, mode FROM assessments"
            " WHERE id = ?",
            (assessment_id,),
        )
        if not rows:
            raise NotFoundError(f"no assessment with id '{assessment_id}'")
        (aid, team, created, updated, facilitator, participants, qid, qver, lang, status, dora,
         anonymous, mode) = rows[0]  # fmt: skip
        answers = {
            qid_: {"level": level, "note": note, "votes": json.loads(votes), "updated": upd}
            for qid_, level, note, votes, upd in self._read(
                "SELECT question_id, level, note, votes, updated FROM answers WHERE assessment_id = ?",
                (assessment_id,),
            )
        }
        measured = self._read(
            "SELECT body FROM measurements WHERE assessment_id = ?", (assessment_id,)
        )
        events = [
            {"at": at, "kind": kind, "detail": detail}
            for at, kind, detail in self._read(
                "SELECT at, kind, detail FROM events WHERE assessment_id = ? ORDER BY at, rowid",
                (assessment_id,),
            )
        ]
        targets, actions = self._plan(assessment_id)
        # STORED: values written by an older version beyond today's length limits stay readable.
        return Assessment.model_validate(
            {
                "id": aid,
                "team": team,
                "created": created,
                "updated": updated,
                "facilitator": facilitator,
                "participants": json.loads(participants),
                "anonymous": bool(anonymous),
                "mode": mode,
                "questionnaire": {"id": qid, "version": qver},
                "language": lang,
                "status": status,
                "answers": answers,
                "dora": json.loads(dora),
                "events": events,
                "measured": _measurement(measured[0][0]) if measured else None,
                "targets": targets,
                "actions": actions,
            },
            context=STORED,
        )

    def _plan(self, assessment_id: str) -> tuple[builtins.list[Target], builtins.list[Action]]:
        from maturity.model.plan import Action, Target

        targets = [
            Target(dimension=d, level=lv, by=by)
            for d, lv, by in self._read(
                "SELECT dimension, level, target_date FROM targets WHERE assessment_id = ?"
                " ORDER BY rowid",
                (assessment_id,),
            )
        ]
        names = [c.strip() for c in _ACTION_COLUMNS.split(",")]
        actions = [
            Action.model_validate({k: v for k, v in zip(names, row, strict=True)})
            for row in self._read(
                f"SELECT {_ACTION_COLUMNS} FROM actions WHERE assessment_id = ?"
                " ORDER BY position, id",
                (assessment_id,),
            )
        ]
        return targets, actions

    def find_action(self, prefix: str) -> tuple[str, str]:
        """(assessment id, action id) for a unique action id prefix; NotFoundError otherwise."""
        p = prefix.strip().lower()
        if not p or not all(c in "0123456789abcdef" for c in p):
            raise NotFoundError(f"'{prefix}' is not an action id (ids are hexadecimal)")
        if self._conn is None:
            raise NotFoundError(f"no action with id '{prefix}'")
        rows = self._read(
            "SELECT assessment_id, id FROM actions WHERE id >= ? AND id < ? ORDER BY id LIMIT 6",
            (p, p + "g"),
        )
        if not rows:
            raise NotFoundError(f"no action with id '{prefix}'")
        if len(rows) > 1:
            shown = ", ".join(r[1][: len(p) + 4] for r in rows[:5])
            raise NotFoundError(f"action id prefix '{prefix}' is ambiguous: {shown}")
        return str(rows[0][0]), str(rows[0][1])

    def action_summaries(self) -> builtins.list[tuple[str, str, str, str | None]]:
        """Every action as (team, its assessment's created time, status, carried_to), in one
        query: the portfolio's share of actions done without loading every assessment."""
        if self._conn is None:
            return []
        rows = self._read(
            "SELECT a.team, a.created, x.status, x.carried_to FROM actions x"
            " JOIN assessments a ON a.id = x.assessment_id ORDER BY a.created, x.position"
        )
        return [(str(r[0]), str(r[1]), str(r[2]), r[3]) for r in rows]

    def put_targets(self, assessment_id: str, targets: builtins.list[Target]) -> None:
        """Replace the assessment's targets (one transaction)."""
        with self._write() as conn:
            self._assessment_row(conn, assessment_id)
            conn.execute("DELETE FROM targets WHERE assessment_id = ?", (assessment_id,))
            self._insert_targets(conn, assessment_id, targets)

    def put_actions(self, items: builtins.list[tuple[str, Action]]) -> None:
        """Insert or update actions, each with its assessment id, all in one transaction
        (the follow-through review closes the old actions and adds the carried copies at once)."""
        with self._write() as conn:
            for assessment_id, action in items:
                self._assessment_row(conn, assessment_id)
                self._upsert_action(conn, assessment_id, action)

    @staticmethod
    def _insert_targets(
        conn: sqlite3.Connection, assessment_id: str, targets: builtins.list[Target]
    ) -> None:
        conn.executemany(
            "INSERT INTO targets (assessment_id, dimension, level, target_date) VALUES (?, ?, ?, ?)",
            [(assessment_id, t.dimension, t.level, t.by.isoformat()) for t in targets],
        )

    @staticmethod
    def _upsert_action(conn: sqlite3.Connection, assessment_id: str, a: Action) -> None:
        row = conn.execute("SELECT position FROM actions WHERE id = ?", (a.id,)).fetchone()
        if row is None:
            row = conn.execute(
                "SELECT COALESCE(MAX(position), 0) + 1 FROM actions WHERE assessment_id = ?",
                (assessment_id,),
            ).fetchone()
        conn.execute(
            f"INSERT OR REPLACE INTO actions (assessment_id, position, {_ACTION_COLUMNS})"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                assessment_id, row[0], a.id, a.title, a.practice, a.owner,
                a.due.isoformat() if a.due else None, a.status, a.reason, a.notes,
                format_time(a.created), format_time(a.updated),
                format_time(a.done_at) if a.done_at else None, a.carried_from, a.carried_to,
            ),
        )  # fmt: skip

    def questionnaire_json(self, qid: str, version: str) -> str | None:
        if self._conn is None:
            return None
        rows = self._read(
            "SELECT body FROM questionnaires WHERE id = ? AND version = ?", (qid, version)
        )
        return str(rows[0][0]) if rows else None

    # -- writes -----------------------------------------------------------------------------

    def _insert(
        self, conn: sqlite3.Connection, a: Assessment, questionnaire_json: str, progress: Progress
    ) -> None:
        conn.execute(
            "INSERT OR IGNORE INTO questionnaires (id, version, body) VALUES (?, ?, ?)",
            (a.questionnaire.id, a.questionnaire.version, questionnaire_json),
        )
        conn.execute(
            "INSERT INTO assessments (id, team, team_key, created, updated, facilitator, participants,"
            " questionnaire_id, questionnaire_version, language, status, dora, answered, total, level, score,"
            " anonymous, mode) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                a.id, a.team, team_key(a.team), format_time(a.created), format_time(a.updated),
                a.facilitator, json.dumps(a.participants, ensure_ascii=False),
                a.questionnaire.id, a.questionnaire.version, a.language, a.status,
                a.dora.model_dump_json(), progress.answered, progress.total, progress.level, progress.score,
                int(a.anonymous), a.mode,
            ),
        )  # fmt: skip
        conn.executemany(
            "INSERT INTO answers (assessment_id, question_id, level, note, votes, updated)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [
                (a.id, qid, ans.level, ans.note, json.dumps(ans.votes, ensure_ascii=False, sort_keys=True),
                 format_time(ans.updated) if ans.updated else None)
                for qid, ans in a.answers.items()
            ],
        )  # fmt: skip
        conn.executemany(
            "INSERT INTO events (assessment_id, at, kind, detail) VALUES (?, ?, ?, ?)",
            [(a.id, format_time(e.at), e.kind, e.detail) for e in a.events],
        )
        if a.measured is not None:
            conn.execute(
                "INSERT INTO measurements (assessment_id, body, updated) VALUES (?, ?, ?)",
                (a.id, a.measured.model_dump_json(by_alias=True), format_time(a.updated)),
            )
        self._insert_targets(conn, a.id, a.targets)
        for action in a.actions:
            self._upsert_action(conn, a.id, action)

    def create(self, assessment: Assessment, questionnaire_json: str, progress: Progress) -> None:
        with self._write() as conn:
            self._insert(conn, assessment, questionnaire_json, progress)

    def replace(self, assessment: Assessment, questionnaire_json: str, progress: Progress) -> None:
        with self._write() as conn:
            conn.execute("DELETE FROM assessments WHERE id = ?", (assessment.id,))
            self._insert(conn, assessment, questionnaire_json, progress)

    def save_answer(
        self, assessment_id: str, question_id: str, answer: Answer | None, progress: Progress
    ) -> str:
        stamp = now_text()
        with self._write() as conn:
            self._put_answer(conn, assessment_id, question_id, answer, progress, stamp)
        return stamp

    def _put_answer(
        self,
        conn: sqlite3.Connection,
        assessment_id: str,
        question_id: str,
        answer: Answer | None,
        progress: Progress,
        stamp: str,
    ) -> None:
        if answer is None:
            conn.execute(
                "DELETE FROM answers WHERE assessment_id = ? AND question_id = ?",
                (assessment_id, question_id),
            )
        else:
            conn.execute(
                "INSERT INTO answers (assessment_id, question_id, level, note, votes, updated)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (assessment_id, question_id) DO UPDATE SET"
                " level = excluded.level, note = excluded.note, votes = excluded.votes,"
                " updated = excluded.updated",
                (assessment_id, question_id, answer.level, answer.note,
                 json.dumps(answer.votes, ensure_ascii=False, sort_keys=True), stamp),
            )  # fmt: skip
        cur = conn.execute(
            "UPDATE assessments SET updated = ?, answered = ?, total = ?, level = ?, score = ?"
            " WHERE id = ?",
            (
                stamp,
                progress.answered,
                progress.total,
                progress.level,
                progress.score,
                assessment_id,
            ),
        )
        if cur.rowcount != 1:
            raise NotFoundError(f"no assessment with id '{assessment_id}'")

    def save_dora(self, assessment_id: str, dora: DoraInputs) -> None:
        self._update(assessment_id, "dora = ?", dora.model_dump_json())

    def save_measured(self, assessment_id: str, body: str) -> None:
        """Store (or replace) the measured DORA metrics and bump ``updated``, in one transaction."""
        stamp = now_text()
        with self._write() as conn:
            cur = conn.execute(
                "UPDATE assessments SET updated = ? WHERE id = ?", (stamp, assessment_id)
            )
            if cur.rowcount != 1:
                raise NotFoundError(f"no assessment with id '{assessment_id}'")
            conn.execute(
                "INSERT INTO measurements (assessment_id, body, updated) VALUES (?, ?, ?)"
                " ON CONFLICT (assessment_id) DO UPDATE SET body = excluded.body,"
                " updated = excluded.updated",
                (assessment_id, body, stamp),
            )

    def set_status(
        self, assessment_id: str, status: str, event: str | None = None, detail: str = ""
    ) -> None:
        """Change the status and record it (and why) as an event, in one transaction."""
        event = event or ("completed" if status == "complete" else "reopened")
        stamp = now_text()
        with self._write() as conn:
            cur = conn.execute(
                "UPDATE assessments SET status = ?, updated = ? WHERE id = ?",
                (status, stamp, assessment_id),
            )
            if cur.rowcount != 1:
                raise NotFoundError(f"no assessment with id '{assessment_id}'")
            conn.execute(
                "INSERT INTO events (assessment_id, at, kind, detail) VALUES (?, ?, ?, ?)",
                (assessment_id, stamp, event, detail),
            )

    def teams(self) -> builtins.list[TeamRow]:
        """Every team with its assessment count and latest assessment (one query)."""
        if self._conn is None:
            return []
        rows = self._read(
            "SELECT team, team_key, n, id, created, level, status FROM ("
            " SELECT team, team_key, id, created, level, status,"
            "  count(*) OVER (PARTITION BY team_key) AS n,"
            "  row_number() OVER (PARTITION BY team_key ORDER BY created DESC, id DESC) AS rn"
            " FROM assessments) WHERE rn = 1 ORDER BY team_key"
        )
        return [TeamRow(*row) for row in rows]

    def team_name(self, team: str) -> str | None:
        """The spelling already used for this team (case and spaces ignored), if any."""
        if self._conn is None:
            return None
        rows = self._read(
            "SELECT team FROM assessments WHERE team_key = ? ORDER BY created DESC LIMIT 1",
            (team_key(team),),
        )
        return str(rows[0][0]) if rows else None

    def ids_for_team(self, team: str) -> builtins.list[str]:
        """Assessment ids of a team, oldest first."""
        if self._conn is None:
            return []
        rows = self._read(
            "SELECT id FROM assessments WHERE team_key = ? ORDER BY created, id", (team_key(team),)
        )
        return [str(r[0]) for r in rows]

    def rename_team(self, old: str, new: str, event: str) -> int:
        """Move every assessment of team ``old`` to the name ``new``; returns how many moved."""
        stamp = now_text()
        with self._write() as conn:
            ids = [
                r[0]
                for r in conn.execute(
                    "SELECT id FROM assessments WHERE team_key = ?", (team_key(old),)
                )
            ]
            conn.execute(
                "UPDATE assessments SET team = ?, team_key = ? WHERE team_key = ?",
                (new.strip(), team_key(new), team_key(old)),
            )
            conn.executemany(
                "INSERT INTO events (assessment_id, at, kind, detail) VALUES (?, ?, ?, ?)",
                [(i, stamp, event, f"{old.strip()} -> {new.strip()}") for i in ids],
            )
        return len(ids)

    def put_questionnaire(self, qid: str, version: str, body: str) -> None:
        with self._write() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO questionnaires (id, version, body) VALUES (?, ?, ?)",
                (qid, version, body),
            )

    def _update(self, assessment_id: str, assignment: str, value: Any) -> None:
        with self._write() as conn:
            cur = conn.execute(
                f"UPDATE assessments SET {assignment}, updated = ? WHERE id = ?",
                (value, now_text(), assessment_id),
            )
            if cur.rowcount != 1:
                raise NotFoundError(f"no assessment with id '{assessment_id}'")

    def set_mode(self, assessment_id: str, mode: str) -> None:
        """Solo or team: kept with the assessment so it opens the way it was left."""
        with self._write() as conn:
            cur = conn.execute(
                "UPDATE assessments SET mode = ? WHERE id = ?", (mode, assessment_id)
            )
            if cur.rowcount != 1:
                raise NotFoundError(f"no assessment with id '{assessment_id}'")

    def delete(self, assessment_id: str) -> None:
        with self._write() as conn:
            cur = conn.execute("DELETE FROM assessments WHERE id = ?", (assessment_id,))
            if cur.rowcount != 1:
                raise NotFoundError(f"no assessment with id '{assessment_id}'")

    # -- team mode --------------------------------------------------------------------------
    #
    # Many participant processes write here at the same moment. Each write is one short
    # BEGIN IMMEDIATE transaction (WAL: readers never wait for it); SQLite's busy handler waits
    # up to BUSY_TIMEOUT_S for the write lock, and _short_write retries with a jittered
    # exponential backoff beyond that, so a burst of votes is queued, never dropped.

    def _short_write(self, work: Callable[[sqlite3.Connection], R]) -> R:
        conn = self._c()
        if self._in_transaction:
            return work(conn)
        delay = RETRY_FIRST_S
        deadline = time.monotonic() + RETRY_WINDOW_S
        while True:
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                if _is_busy(exc) and time.monotonic() < deadline:
                    time.sleep(delay * (1 + random.random()))
                    delay = min(delay * 2, RETRY_MAX_S)
                    continue
                raise _store_error(self.path, exc) from None
            except sqlite3.DatabaseError as exc:
                raise _store_error(self.path, exc) from None
            try:
                result = work(conn)
                conn.execute("COMMIT")
                return result
            except sqlite3.OperationalError as exc:
                _rollback(conn)
                if _is_busy(exc) and time.monotonic() < deadline:
                    time.sleep(delay * (1 + random.random()))
                    delay = min(delay * 2, RETRY_MAX_S)
                    continue
                raise _store_error(self.path, exc) from None
            except sqlite3.DatabaseError as exc:
                _rollback(conn)
                raise _store_error(self.path, exc) from None
            except BaseException:
                _rollback(conn)
                raise

    @staticmethod
    def _assessment_row(conn: sqlite3.Connection, assessment_id: str) -> tuple[str, bool]:
        row = conn.execute(
            "SELECT status, anonymous FROM assessments WHERE id = ?", (assessment_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no assessment with id '{assessment_id}'")
        return str(row[0]), bool(row[1])

    @staticmethod
    def _recorded(conn: sqlite3.Connection, assessment_id: str) -> builtins.list[str]:
        row = conn.execute(
            "SELECT recorded FROM sessions WHERE assessment_id = ?", (assessment_id,)
        ).fetchone()
        return list(json.loads(row[0])) if row is not None else []

    @staticmethod
    def _set_recorded(
        conn: sqlite3.Connection, assessment_id: str, recorded: builtins.list[str]
    ) -> None:
        conn.execute(
            "UPDATE sessions SET recorded = ? WHERE assessment_id = ?",
            (json.dumps(recorded), assessment_id),
        )

    @staticmethod
    def _session_row(
        conn: sqlite3.Connection, assessment_id: str
    ) -> tuple[str | None, builtins.list[str]] | None:
        row = conn.execute(
            "SELECT current_question, revealed FROM sessions WHERE assessment_id = ?",
            (assessment_id,),
        ).fetchone()
        if row is None:
            return None
        return row[0], list(json.loads(row[1]))

    def _open_for_votes(
        self, conn: sqlite3.Connection, assessment_id: str, question_id: str
    ) -> bool:
        """Refuse votes on a complete assessment or a revealed question; the anonymous flag."""
        status, anonymous = self._assessment_row(conn, assessment_id)
        if status == "complete":
            raise MaturityError(f"assessment {assessment_id} is complete; voting is closed")
        session = self._session_row(conn, assessment_id)
        if session is not None and question_id in session[1]:
            raise MaturityError(
                f"the votes on {question_id} are revealed; a vote can no longer be changed"
            )
        return anonymous

    def cast_vote(
        self, assessment_id: str, question_id: str, voter: str, level: int | None
    ) -> None:
        from maturity.voting import TOKEN

        def work(conn: sqlite3.Connection) -> None:
            if self._open_for_votes(conn, assessment_id, question_id) and not TOKEN.match(voter):
                # The last line of defence: a name never reaches an anonymous assessment.
                raise MaturityError("anonymous assessment: a vote is cast with a token, not a name")
            conn.execute(
                "INSERT INTO votes (assessment_id, question_id, voter, level) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (assessment_id, question_id, voter) DO UPDATE SET level = excluded.level",
                (assessment_id, question_id, voter, level),
            )

        self._short_write(work)

    def retract_vote(self, assessment_id: str, question_id: str, voter: str) -> bool:
        def work(conn: sqlite3.Connection) -> bool:
            self._open_for_votes(conn, assessment_id, question_id)
            cur = conn.execute(
                "DELETE FROM votes WHERE assessment_id = ? AND question_id = ? AND voter = ?",
                (assessment_id, question_id, voter),
            )
            return cur.rowcount > 0

        return self._short_write(work)

    def _put_session(
        self,
        conn: sqlite3.Connection,
        assessment_id: str,
        current: str | None,
        revealed: builtins.list[str],
    ) -> None:
        conn.execute(
            "INSERT INTO sessions (assessment_id, current_question, revealed, updated)"
            " VALUES (?, ?, ?, ?) ON CONFLICT (assessment_id) DO UPDATE SET"
            " current_question = excluded.current_question, revealed = excluded.revealed,"
            " updated = excluded.updated",
            (assessment_id, current, json.dumps(revealed), now_text()),
        )

    def reveal(self, assessment_id: str, question_id: str) -> None:
        def work(conn: sqlite3.Connection) -> None:
            self._assessment_row(conn, assessment_id)
            current, revealed = self._session_row(conn, assessment_id) or (None, [])
            if question_id not in revealed:
                self._put_session(conn, assessment_id, current, [*revealed, question_id])

        self._short_write(work)

    def reset_votes(self, assessment_id: str, question_id: str) -> None:
        def work(conn: sqlite3.Connection) -> None:
            self._assessment_row(conn, assessment_id)
            conn.execute(
                "DELETE FROM votes WHERE assessment_id = ? AND question_id = ?",
                (assessment_id, question_id),
            )
            session = self._session_row(conn, assessment_id)
            if session is not None and question_id in session[1]:
                revealed = [q for q in session[1] if q != question_id]
                self._put_session(conn, assessment_id, session[0], revealed)
            recorded = self._recorded(conn, assessment_id)
            if question_id in recorded:
                self._set_recorded(conn, assessment_id, [q for q in recorded if q != question_id])

        self._short_write(work)

    def set_current_question(self, assessment_id: str, question_id: str | None) -> None:
        def work(conn: sqlite3.Connection) -> None:
            self._assessment_row(conn, assessment_id)
            session = self._session_row(conn, assessment_id)
            if session is None and question_id is None:
                return  # nothing to pause
            revealed = session[1] if session else []
            if session is None or session[0] != question_id:
                self._put_session(conn, assessment_id, question_id, revealed)
            conn.execute(
                "UPDATE sessions SET heartbeat = ? WHERE assessment_id = ?",
                (now_text() if question_id is not None else None, assessment_id),
            )

        self._short_write(work)

    def beat(self, assessment_id: str) -> None:
        """The facilitator's app is still there (written every few seconds while in team mode)."""

        def work(conn: sqlite3.Connection) -> None:
            conn.execute(
                "UPDATE sessions SET heartbeat = ? WHERE assessment_id = ?"
                " AND current_question IS NOT NULL",
                (now_text(), assessment_id),
            )

        self._short_write(work)

    def touch_presence(self, assessment_id: str, voter: str, *, leave: bool = False) -> None:
        """A joined participant is (still) there, or with ``leave`` has gone."""

        def work(conn: sqlite3.Connection) -> None:
            self._assessment_row(conn, assessment_id)
            if leave:
                conn.execute(
                    "DELETE FROM presence WHERE assessment_id = ? AND voter = ?",
                    (assessment_id, voter),
                )
                return
            conn.execute(
                "INSERT INTO presence (assessment_id, voter, seen) VALUES (?, ?, ?)"
                " ON CONFLICT (assessment_id, voter) DO UPDATE SET seen = excluded.seen",
                (assessment_id, voter, now_text()),
            )

        self._short_write(work)

    def current_question(self, assessment_id: str) -> str | None:
        rows = self._read(
            "SELECT current_question FROM sessions WHERE assessment_id = ?", (assessment_id,)
        )
        return str(rows[0][0]) if rows and rows[0][0] is not None else None

    def team_state(
        self, assessment_id: str, question_id: str | None, voter: str | None = None
    ) -> TeamState:
        """One consistent snapshot (a read transaction) of the session and one question."""
        from maturity.voting import anonymised

        conn = self._c()
        try:
            conn.execute("BEGIN")
            try:
                status, anonymous = self._assessment_row(conn, assessment_id)
                current, revealed = self._session_row(conn, assessment_id) or (None, [])
                recorded_now = self._recorded(conn, assessment_id)
                beat_row = conn.execute(
                    "SELECT heartbeat FROM sessions WHERE assessment_id = ?", (assessment_id,)
                ).fetchone()
                present = conn.execute(
                    "SELECT voter, seen FROM presence WHERE assessment_id = ? ORDER BY voter",
                    (assessment_id,),
                ).fetchall()
                rows: builtins.list[tuple[str, int | None]] = []
                recorded = None
                if question_id is not None:
                    rows = [
                        (str(r[0]), r[1])
                        for r in conn.execute(
                            "SELECT voter, level FROM votes WHERE assessment_id = ?"
                            " AND question_id = ? ORDER BY voter",
                            (assessment_id, question_id),
                        )
                    ]
                    recorded = conn.execute(
                        "SELECT level, votes FROM answers WHERE assessment_id = ?"
                        " AND question_id = ?",
                        (assessment_id, question_id),
                    ).fetchone()
            finally:
                conn.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            raise _store_error(self.path, exc) from None
        is_revealed = question_id is not None and question_id in revealed
        mine = next((level for who, level in rows if voter is not None and who == voter), None)
        votes: dict[str, int | None] | None = None
        count = len(rows)
        if is_revealed:
            levels = [level for _, level in rows]
            votes = anonymised(levels) if anonymous else dict(rows)
            if not rows and recorded is not None and question_id in recorded_now:
                # Recorded: the live votes moved into the answer; show those.
                votes = dict(json.loads(recorded[1]))
                count = len(votes)
        at = now()
        beat = beat_row[0] if beat_row is not None else None
        decided = recorded is not None and question_id in recorded_now
        return TeamState(
            assessment_id=assessment_id,
            question_id=question_id,
            current_question=current,
            anonymous=anonymous,
            status=status,
            revealed=is_revealed,
            count=count,
            voters=() if anonymous else tuple(who for who, _ in rows),
            voted=voter is not None and any(who == voter for who, _ in rows),
            mine=mine,
            votes=votes,
            revealed_questions=frozenset(revealed),
            answered=decided,
            answer=recorded[0] if decided and recorded is not None else None,
            previous=recorded is not None and not decided,
            previous_answer=recorded[0] if recorded is not None and not decided else None,
            joined=()
            if anonymous
            else tuple(who for who, seen in present if is_live(parse_time(seen), at)),
            facilitator_live=current is not None and is_live(parse_time(beat), at),
        )

    def live_sessions(self) -> builtins.list[LiveSession]:
        if self._conn is None:
            return []
        rows = self._read(
            "SELECT s.assessment_id, a.team, a.questionnaire_id, a.anonymous, s.current_question,"
            " s.updated, s.heartbeat FROM sessions s JOIN assessments a ON a.id = s.assessment_id"
            " WHERE s.current_question IS NOT NULL AND a.status != 'complete'"
            " ORDER BY s.updated DESC, s.assessment_id"
        )
        at = now()
        # Only sessions whose facilitator is still there: a crashed app leaves its row behind.
        return [
            LiveSession(r[0], r[1], r[2], bool(r[3]), r[4], r[5])
            for r in rows
            if is_live(parse_time(r[6]), at, window=LIVE_S)
        ]

    def add_participant(self, assessment_id: str, name: str) -> None:
        """Add a named participant to the assessment's list (once; never when anonymous)."""

        def work(conn: sqlite3.Connection) -> None:
            _, anonymous = self._assessment_row(conn, assessment_id)
            if anonymous:
                return
            row = conn.execute(
                "SELECT participants FROM assessments WHERE id = ?", (assessment_id,)
            ).fetchone()
            people: builtins.list[str] = json.loads(row[0])
            if name_key(name) not in {name_key(p) for p in people}:
                conn.execute(
                    "UPDATE assessments SET participants = ? WHERE id = ?",
                    (json.dumps([*people, name], ensure_ascii=False), assessment_id),
                )

        self._short_write(work)

    def save_team_answer(
        self, assessment_id: str, question_id: str, answer: Answer, progress: Progress
    ) -> str:
        stamp = now_text()

        def work(conn: sqlite3.Connection) -> None:
            _, anonymous = self._assessment_row(conn, assessment_id)
            if anonymous and not _anonymised_keys(answer.votes):
                raise MaturityError("anonymous assessment: recorded votes must not name voters")
            self._put_answer(conn, assessment_id, question_id, answer, progress, stamp)
            conn.execute(
                "DELETE FROM votes WHERE assessment_id = ? AND question_id = ?",
                (assessment_id, question_id),
            )
            current, revealed = self._session_row(conn, assessment_id) or (None, [])
            if question_id not in revealed:
                self._put_session(conn, assessment_id, current, [*revealed, question_id])
            recorded = self._recorded(conn, assessment_id)
            if question_id not in recorded:
                self._set_recorded(conn, assessment_id, [*recorded, question_id])

        self._short_write(work)
        return stamp


def parse_time(text: str | None) -> datetime | None:
    """A stored timestamp (``format_time``) back as a datetime; None when absent or unreadable."""
    if not text:
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


def _anonymised_keys(votes: dict[str, int | None]) -> bool:
    from maturity.model.votes import is_anonymised

    return is_anonymised(votes)


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


def diagnose(path: Path, exc: sqlite3.DatabaseError) -> str | None:
    """What happened to the store's environment, in words, when SQLite only says "disk I/O
    error", "unable to open" or "readonly": a read-only mount, a read-only folder or file, a
    full disk, or a write-ahead log deleted under a running process. None: none of those."""
    text = str(exc)
    name = getattr(exc, "sqlite_errorname", "") or ""
    if _read_only_fs(path):
        return (
            f"store {path}: on a read-only file system; maturity cannot open it for changes there"
        )
    if name.startswith("SQLITE_FULL") or "disk is full" in text or _disk_full(path):
        return f"store {path}: the disk is full; this change was not saved (free some space and try again)"
    readonly = name.startswith("SQLITE_READONLY") or "readonly" in text or "read-only" in text
    cantopen = name.startswith("SQLITE_CANTOPEN") or "unable to open" in text
    ioerr = name.startswith("SQLITE_IOERR") or "disk I/O error" in text
    folder = path.parent
    if (readonly or cantopen or ioerr) and not os.access(folder, os.W_OK):
        return (
            f"store {path}: the folder {folder} is read-only; maturity keeps its write-ahead log"
            " beside the store and cannot save there"
        )
    if (readonly or cantopen) and path.exists() and not os.access(path, os.W_OK):
        return f"store {path}: the file is read-only; cannot save"
    if ioerr and path.exists() and _wal_lost(path):
        return (
            f"store {path}: its write-ahead log ({path.name}-wal) is missing or empty although"
            " the store's index says it holds changes: it was probably deleted while maturity"
            " was running. Nothing was changed; close every maturity window (the last one to"
            " close writes its changes back) and run the command again"
        )
    if readonly:
        return f"store {path}: read-only; cannot save"
    return None


def _store_error(path: Path, exc: sqlite3.DatabaseError) -> StoreError:
    text = str(exc)
    if "locked" in text or "busy" in text:
        return StoreError(
            f"store {path}: locked by another maturity process; try again in a moment"
        )
    if (said := diagnose(path, exc)) is not None:
        return StoreError(said)
    if isinstance(exc, sqlite3.IntegrityError):
        return StoreError(f"store {path}: refused inconsistent data ({text})")
    return StoreError(f"store {path}: corrupt or unreadable ({text}); it was not modified")
