"""The SQL store every backend shares: all queries, written once, over a small dialect.

:class:`SQLStore` holds every query of the storage protocol in the SQL that SQLite and
PostgreSQL both speak (``?`` placeholders, ``INSERT ... ON CONFLICT``, window functions). A
backend subclass only says how to connect, how a write transaction begins (SQLite: ``BEGIN
IMMEDIATE``; PostgreSQL: ``BEGIN`` and a row lock on the assessment), which driver errors mean
"try again" and how to word a driver error for a person. A method added here works on every
backend at once, so the backends cannot drift.

Durability: every write is one short transaction committed before the method returns, so an
answer the UI has shown as saved is in the database.
"""

from __future__ import annotations

import builtins
import json
import random
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from maturity.errors import MaturityError, NotFoundError, StoreError
from maturity.store.base import (
    LiveSession,
    Progress,
    Summary,
    TeamRow,
    TeamState,
    team_key,
)
from maturity.timefmt import format_time, now, now_text, parse_time_or_none
from maturity.voting import LIVE_S, is_live, name_key

if TYPE_CHECKING:  # the pydantic models load on first get(), not for `maturity list`
    from maturity.model.assessment import Answer, Assessment, DoraInputs
    from maturity.model.plan import Action, Target

_ACTION_COLUMNS = (
    "id, title, practice, owner, due, status, reason, notes, created, updated, done_at,"
    " carried_from, carried_to"
)

RETRY_WINDOW_S = 15.0
"""Team-mode writes retry this long (beyond the driver's own wait) before giving up."""
RETRY_FIRST_S, RETRY_MAX_S = 0.005, 0.25
R = TypeVar("R")


class Cursor(Protocol):
    """What the queries use of a DB-API cursor."""

    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> builtins.list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Conn(Protocol):
    """A connection as the queries see it: ``execute`` with ``?`` placeholders."""

    def execute(self, sql: str, args: Sequence[Any] = ..., /) -> Any: ...

    def executemany(self, sql: str, args: Any, /) -> Any: ...


@dataclass(frozen=True)
class Dialect:
    """The few places where the SQL differs between backends."""

    name: str
    event_order: str  # the column that keeps rows in insertion order (events, targets)
    lock: str  # appended to the SELECT of the assessment row in a write: serialises writers


class SQLStore:
    """The storage protocol over any DB-API connection; subclasses supply the dialect."""

    dialect: Dialect
    label: str
    """How the store is named in messages (a path, or a URL without its password)."""
    target: str
    """What opens the store again; may hold a password, so never shown."""
    db_errors: tuple[type[Exception], ...] = ()

    _conn: Any = None
    _in_transaction = False

    on_commit: Callable[[], None] | None = None
    """Called on the committing thread after each write transaction commits (a nested write
    counts with its outer transaction): :mod:`maturity.keep` is told this way, whatever wrote."""

    # -- backend hooks ------------------------------------------------------------------------

    def _error(self, exc: Exception) -> StoreError:
        """A driver error worded for a person (never with a password in it)."""
        raise NotImplementedError

    def _retryable(self, exc: Exception) -> bool:
        """Whether a failed write may simply be tried again (lock busy, serialisation)."""
        return False

    def _begin_write(self, conn: Conn) -> None:
        conn.execute("BEGIN")

    def _begin_read(self, conn: Conn) -> None:
        conn.execute("BEGIN")

    def _rollback(self, conn: Conn) -> None:
        with suppress(Exception):  # the connection is gone: the server rolled back for us
            conn.execute("ROLLBACK")

    def _reconnect(self, exc: Exception) -> bool:
        """Open a new connection if ``exc`` says the old one dropped; False when it did not
        or the backend cannot (an embedded file does not drop)."""
        return False

    def _changed(self, conn: Conn, assessment_id: str) -> None:
        """Tell waiting team-mode screens that an assessment's live state changed."""

    notifies = False

    def wait_for_change(self, assessment_id: str, timeout: float) -> bool:
        """Block up to ``timeout`` seconds for a team-mode change; True when one came.

        The embedded store has no way to be told, so it simply waits (the caller polls)."""
        time.sleep(timeout)
        return True

    # -- plumbing ---------------------------------------------------------------------------

    @property
    def exists(self) -> bool:
        return self._conn is not None

    def _c(self) -> Conn:
        if self._conn is None:
            raise NotFoundError(code="store.empty", params={"path": self.label})
        return self._conn  # type: ignore[no-any-return]

    @contextmanager
    def _write(self) -> Iterator[Conn]:
        conn = self._c()
        if self._in_transaction:  # part of a larger transaction (an import): it commits
            yield conn
            return
        try:
            self._begin_write(conn)
        except self.db_errors as exc:
            raise self._error(exc) from None
        try:
            yield conn
            conn.execute("COMMIT")
        except self.db_errors as exc:
            self._rollback(conn)
            raise self._error(exc) from None
        except BaseException:
            self._rollback(conn)
            raise
        self._committed()

    def _committed(self) -> None:
        if self.on_commit is not None:
            self.on_commit()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction around many store calls: all of them or none.

        Taken for writing before anything is read (SQLite: ``BEGIN IMMEDIATE``, retried while
        another process writes), so checks made inside (does this id exist? is it identical?)
        cannot be overtaken by another process: two imports of the same bundle run one after
        the other and the second finds everything unchanged. Every write method called inside
        joins it; a kill -9 before the commit leaves nothing."""
        if self._in_transaction:
            yield
            return
        conn = self._c()
        delay = RETRY_FIRST_S
        deadline = time.monotonic() + RETRY_WINDOW_S
        while True:
            try:
                self._begin_write(conn)
                break
            except self.db_errors as exc:
                if time.monotonic() < deadline and (self._retryable(exc) or self._reconnect(exc)):
                    conn = self._c()
                    time.sleep(delay * (1 + random.random()))
                    delay = min(delay * 2, RETRY_MAX_S)
                    continue
                raise self._error(exc) from None
        self._in_transaction = True
        try:
            yield
            conn.execute("COMMIT")
        except self.db_errors as exc:
            self._rollback(conn)
            raise self._error(exc) from None
        except BaseException:
            self._rollback(conn)
            raise
        finally:
            self._in_transaction = False
        self._committed()

    def _read(self, sql: str, args: tuple[Any, ...] = ()) -> builtins.list[Any]:
        conn = self._c()
        try:
            return list(conn.execute(sql, args).fetchall())
        except self.db_errors as exc:
            if self._reconnect(exc):
                try:
                    return list(self._c().execute(sql, args).fetchall())
                except self.db_errors as again:
                    raise self._error(again) from None
            raise self._error(exc) from None

    def _in_read(self, work: Callable[[Conn], R]) -> R:
        """Run ``work`` in one read transaction (one consistent snapshot); once more on a
        fresh connection when the old one dropped."""
        for attempt in (1, 2):
            conn = self._c()
            try:
                self._begin_read(conn)
                result = work(conn)
                conn.execute("COMMIT")
                return result
            except self.db_errors as exc:
                self._rollback(conn)
                if attempt == 1 and self._reconnect(exc):
                    continue
                raise self._error(exc) from None
        raise AssertionError("unreachable")

    # -- whole-store copy (maturity.store.copy) ------------------------------------------------

    COPY_TABLES: tuple[tuple[str, str], ...] = (
        ("assessments", "id"),
        ("answers", "assessment_id"),
        ("events", "assessment_id"),
        ("sessions", "assessment_id"),
        ("votes", "assessment_id"),
        ("presence", "assessment_id"),
        ("measurements", "assessment_id"),
        ("targets", "assessment_id"),
        ("actions", "assessment_id"),
    )
    """Every table that belongs to an assessment, parents first, with its assessment column."""
    COPY_CHUNK = 500
    # PostgreSQL's insertion order and SQLite's revision: the destination numbers its own.
    _NOT_COPIED = frozenset({"seq", "revision"})

    def _rows_for(
        self, table: str, key: str, ids: Sequence[str]
    ) -> tuple[builtins.list[str], builtins.list[Any]]:
        marks = ", ".join("?" * len(ids))
        order = {
            "events": f" ORDER BY at, {self.dialect.event_order}",
            "targets": f" ORDER BY {self.dialect.event_order}",
            "actions": " ORDER BY position, id",
        }.get(table, "")
        conn = self._c()
        try:
            cur = conn.execute(f"SELECT * FROM {table} WHERE {key} IN ({marks}){order}", ids)
            columns = [d[0] for d in cur.description]
            rows = cur.fetchall()
        except self.db_errors as exc:
            raise self._error(exc) from None
        keep = [i for i, c in enumerate(columns) if c not in self._NOT_COPIED]
        return [columns[i] for i in keep], [tuple(r[i] for i in keep) for r in rows]

    def copy_rows_from(
        self, src: SQLStore, ids: Sequence[str], tick: Callable[[int], None]
    ) -> None:
        """Insert the assessments ``ids`` of ``src`` (every table, as stored) in ONE
        transaction: the destination has all of them or none."""
        with self._write() as conn:
            for start in range(0, len(ids), self.COPY_CHUNK):
                chunk = ids[start : start + self.COPY_CHUNK]
                pairs = src._read(
                    "SELECT DISTINCT questionnaire_id, questionnaire_version FROM assessments"
                    f" WHERE id IN ({', '.join('?' * len(chunk))})",
                    tuple(chunk),
                )
                for qid, version in pairs:
                    body = src.questionnaire_json(qid, version)
                    conn.execute(
                        "INSERT INTO questionnaires (id, version, body) VALUES (?, ?, ?)"
                        " ON CONFLICT DO NOTHING",
                        (qid, version, body),
                    )
                for table, key in self.COPY_TABLES:
                    columns, rows = src._rows_for(table, key, chunk)
                    if rows:
                        conn.executemany(
                            f"INSERT INTO {table} ({', '.join(columns)})"
                            f" VALUES ({', '.join('?' * len(columns))})",
                            rows,
                        )
                tick(start + len(chunk))

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            finally:
                self._conn = None

    # -- queries ----------------------------------------------------------------------------

    def list(self, team: str | None = None) -> list[Summary]:
        if not self.exists:
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

    def _by_prefix(self, prefix: str, noun: str, sql: str) -> builtins.list[Any]:
        """The one row whose id (the query's last column) starts with ``prefix``: the rule
        for every id a person types. A whole id addresses itself even when it prefixes
        another; otherwise the prefix must be unique. ``sql`` selects ids in ``[?, ?)``."""
        p = prefix.strip().lower()
        if not p or not all(c in "0123456789abcdef" for c in p):
            raise NotFoundError(
                f"'{prefix}' is not {noun} id (ids are hexadecimal)",
                code="id.not_hex",
                params={"id": prefix},
            )
        label = noun.split()[-1]
        if not self.exists or not (rows := self._read(sql + " ORDER BY id LIMIT 6", (p, p + "g"))):
            raise _not_found(label, prefix)
        exact = [r for r in rows if r[-1] == p]
        if exact:
            return list(exact[0])
        if len(rows) > 1:
            shown = ", ".join(r[-1][: len(p) + 4] for r in rows[:5])
            more = "…" if len(rows) > 5 else ""
            what = "id prefix" if label == "assessment" else f"{label} id prefix"
            raise NotFoundError(
                f"{what} '{prefix}' is ambiguous: {shown}{more}",
                code="id.ambiguous",
                params={"id": prefix, "matches": shown + more},
            )
        return list(rows[0])

    def resolve_id(self, prefix: str) -> str:
        row = self._by_prefix(
            prefix, "an assessment", "SELECT id FROM assessments WHERE id >= ? AND id < ?"
        )
        return str(row[0])

    def get(self, assessment_id: str) -> Assessment:
        from maturity.model.assessment import STORED, Assessment

        rows = self._read(
            "SELECT id, team, created, updated, facilitator, participants, questionnaire_id,"
            " questionnaire_version, language, status, dora, anonymous, mode FROM assessments"
            " WHERE id = ?",
            (assessment_id,),
        )
        if not rows:
            raise _not_found("assessment", assessment_id)
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
                "SELECT at, kind, detail FROM events WHERE assessment_id = ? ORDER BY at, "
                + self.dialect.event_order,
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
                " ORDER BY " + self.dialect.event_order,
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
        row = self._by_prefix(
            prefix, "an action", "SELECT assessment_id, id FROM actions WHERE id >= ? AND id < ?"
        )
        return str(row[0]), str(row[1])

    def action_summaries(self) -> builtins.list[tuple[str, str, str, str | None]]:
        """Every action as (team, its assessment's created time, status, carried_to), in one
        query: the portfolio's share of actions done without loading every assessment."""
        if not self.exists:
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
    def _insert_targets(conn: Conn, assessment_id: str, targets: builtins.list[Target]) -> None:
        conn.executemany(
            "INSERT INTO targets (assessment_id, dimension, level, target_date) VALUES (?, ?, ?, ?)",
            [(assessment_id, t.dimension, t.level, t.by.isoformat()) for t in targets],
        )

    @staticmethod
    def _upsert_action(conn: Conn, assessment_id: str, a: Action) -> None:
        row = conn.execute("SELECT position FROM actions WHERE id = ?", (a.id,)).fetchone()
        if row is None:
            row = conn.execute(
                "SELECT COALESCE(MAX(position), 0) + 1 FROM actions WHERE assessment_id = ?",
                (assessment_id,),
            ).fetchone()
        columns = ["assessment_id", "position", *(c.strip() for c in _ACTION_COLUMNS.split(","))]
        conn.execute(
            f"INSERT INTO actions ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
            " ON CONFLICT (id) DO UPDATE SET "
            + ", ".join(f"{c} = excluded.{c}" for c in columns if c != "id"),
            (
                assessment_id, row[0], a.id, a.title, a.practice, a.owner,
                a.due.isoformat() if a.due else None, a.status, a.reason, a.notes,
                format_time(a.created), format_time(a.updated),
                format_time(a.done_at) if a.done_at else None, a.carried_from, a.carried_to,
            ),
        )  # fmt: skip

    def questionnaire_json(self, qid: str, version: str) -> str | None:
        if not self.exists:
            return None
        rows = self._read(
            "SELECT body FROM questionnaires WHERE id = ? AND version = ?", (qid, version)
        )
        return str(rows[0][0]) if rows else None

    # -- writes -----------------------------------------------------------------------------

    def _insert(
        self, conn: Conn, a: Assessment, questionnaire_json: str, progress: Progress
    ) -> None:
        conn.execute(
            "INSERT INTO questionnaires (id, version, body) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
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
        conn: Conn,
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
            raise _not_found("assessment", assessment_id)

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
                raise _not_found("assessment", assessment_id)
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
                raise _not_found("assessment", assessment_id)
            conn.execute(
                "INSERT INTO events (assessment_id, at, kind, detail) VALUES (?, ?, ?, ?)",
                (assessment_id, stamp, event, detail),
            )

    def teams(self) -> builtins.list[TeamRow]:
        """Every team with its assessment count and latest assessment (one query)."""
        if not self.exists:
            return []
        rows = self._read(
            "SELECT team, team_key, n, id, created, level, status FROM ("
            " SELECT team, team_key, id, created, level, status,"
            "  count(*) OVER (PARTITION BY team_key) AS n,"
            "  row_number() OVER (PARTITION BY team_key ORDER BY created DESC, id DESC) AS rn"
            " FROM assessments) AS t WHERE rn = 1 ORDER BY team_key"
        )
        return [TeamRow(*row) for row in rows]

    def team_name(self, team: str) -> str | None:
        """The spelling already used for this team (case and spaces ignored), if any."""
        if not self.exists:
            return None
        rows = self._read(
            "SELECT team FROM assessments WHERE team_key = ? ORDER BY created DESC LIMIT 1",
            (team_key(team),),
        )
        return str(rows[0][0]) if rows else None

    def ids_for_team(self, team: str) -> builtins.list[str]:
        """Assessment ids of a team, oldest first."""
        if not self.exists:
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
                "INSERT INTO questionnaires (id, version, body) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                (qid, version, body),
            )

    def _update(self, assessment_id: str, assignment: str, value: Any) -> None:
        with self._write() as conn:
            cur = conn.execute(
                f"UPDATE assessments SET {assignment}, updated = ? WHERE id = ?",
                (value, now_text(), assessment_id),
            )
            if cur.rowcount != 1:
                raise _not_found("assessment", assessment_id)

    def set_mode(self, assessment_id: str, mode: str) -> None:
        """Solo or team: kept with the assessment so it opens the way it was left."""
        with self._write() as conn:
            cur = conn.execute(
                "UPDATE assessments SET mode = ? WHERE id = ?", (mode, assessment_id)
            )
            if cur.rowcount != 1:
                raise _not_found("assessment", assessment_id)

    def delete(self, assessment_id: str) -> None:
        with self._write() as conn:
            cur = conn.execute("DELETE FROM assessments WHERE id = ?", (assessment_id,))
            if cur.rowcount != 1:
                raise _not_found("assessment", assessment_id)

    # -- team mode --------------------------------------------------------------------------
    #
    # Many participant processes write here at the same moment. Each write is one short
    # BEGIN IMMEDIATE transaction (WAL: readers never wait for it); SQLite's busy handler waits
    # up to BUSY_TIMEOUT_S for the write lock, and _short_write retries with a jittered
    # exponential backoff beyond that, so a burst of votes is queued, never dropped.

    def _short_write(self, work: Callable[[Conn], R], assessment_id: str | None = None) -> R:
        """Run ``work`` in one short write transaction, retried while another writer holds
        the lock or the connection was dropped and could be opened again.

        Every ``work`` passed here is idempotent (an upsert, a delete, a set), so running it
        again after a commit whose acknowledgement was lost changes nothing."""
        if self._in_transaction:
            return work(self._c())
        delay = RETRY_FIRST_S
        deadline = time.monotonic() + RETRY_WINDOW_S
        while True:
            conn = self._c()
            try:
                self._begin_write(conn)
                result = work(conn)
                if assessment_id is not None:
                    self._changed(conn, assessment_id)
                conn.execute("COMMIT")
            except self.db_errors as exc:
                self._rollback(conn)
                if time.monotonic() < deadline and (self._retryable(exc) or self._reconnect(exc)):
                    time.sleep(delay * (1 + random.random()))
                    delay = min(delay * 2, RETRY_MAX_S)
                    continue
                raise self._error(exc) from None
            except BaseException:
                self._rollback(conn)
                raise
            self._committed()
            return result

    def _assessment_row(
        self, conn: Conn, assessment_id: str, *, lock: bool = True
    ) -> tuple[str, bool]:
        """The status and anonymous flag; in a write, also the lock that serialises every
        team-mode write to this assessment (PostgreSQL: ``FOR UPDATE``; SQLite's ``BEGIN
        IMMEDIATE`` already holds the whole file)."""
        row = conn.execute(
            "SELECT status, anonymous FROM assessments WHERE id = ?"
            + (self.dialect.lock if lock else ""),
            (assessment_id,),
        ).fetchone()
        if row is None:
            raise _not_found("assessment", assessment_id)
        return str(row[0]), bool(row[1])

    @staticmethod
    def _recorded(conn: Conn, assessment_id: str) -> builtins.list[str]:
        row = conn.execute(
            "SELECT recorded FROM sessions WHERE assessment_id = ?", (assessment_id,)
        ).fetchone()
        return list(json.loads(row[0])) if row is not None else []

    @staticmethod
    def _set_recorded(conn: Conn, assessment_id: str, recorded: builtins.list[str]) -> None:
        conn.execute(
            "UPDATE sessions SET recorded = ? WHERE assessment_id = ?",
            (json.dumps(recorded), assessment_id),
        )

    @staticmethod
    def _session_row(
        conn: Conn, assessment_id: str
    ) -> tuple[str | None, builtins.list[str]] | None:
        row = conn.execute(
            "SELECT current_question, revealed FROM sessions WHERE assessment_id = ?",
            (assessment_id,),
        ).fetchone()
        if row is None:
            return None
        return row[0], list(json.loads(row[1]))

    def _open_for_votes(self, conn: Conn, assessment_id: str, question_id: str) -> bool:
        """Refuse votes on a complete assessment or a revealed question; the anonymous flag."""
        status, anonymous = self._assessment_row(conn, assessment_id)
        if status == "complete":
            raise MaturityError(code="vote.closed", params={"id": assessment_id})
        session = self._session_row(conn, assessment_id)
        if session is not None and question_id in session[1]:
            raise MaturityError(code="vote.revealed", params={"question": question_id})
        return anonymous

    def cast_vote(
        self, assessment_id: str, question_id: str, voter: str, level: int | None
    ) -> None:
        from maturity.voting import TOKEN

        def work(conn: Conn) -> None:
            if self._open_for_votes(conn, assessment_id, question_id) and not TOKEN.match(voter):
                # The last line of defence: a name never reaches an anonymous assessment.
                raise MaturityError(code="vote.anonymous_name")
            conn.execute(
                "INSERT INTO votes (assessment_id, question_id, voter, level) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (assessment_id, question_id, voter) DO UPDATE SET level = excluded.level",
                (assessment_id, question_id, voter, level),
            )

        self._short_write(work, assessment_id)

    def retract_vote(self, assessment_id: str, question_id: str, voter: str) -> bool:
        def work(conn: Conn) -> bool:
            self._open_for_votes(conn, assessment_id, question_id)
            cur = conn.execute(
                "DELETE FROM votes WHERE assessment_id = ? AND question_id = ? AND voter = ?",
                (assessment_id, question_id, voter),
            )
            return bool(cur.rowcount > 0)

        return self._short_write(work, assessment_id)

    def _put_session(
        self,
        conn: Conn,
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
        def work(conn: Conn) -> None:
            self._assessment_row(conn, assessment_id)
            current, revealed = self._session_row(conn, assessment_id) or (None, [])
            if question_id not in revealed:
                self._put_session(conn, assessment_id, current, [*revealed, question_id])

        self._short_write(work, assessment_id)

    def reset_votes(self, assessment_id: str, question_id: str) -> None:
        def work(conn: Conn) -> None:
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

        self._short_write(work, assessment_id)

    def set_current_question(self, assessment_id: str, question_id: str | None) -> None:
        def work(conn: Conn) -> None:
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

        self._short_write(work, assessment_id)

    def beat(self, assessment_id: str) -> None:
        """The facilitator's app is still there (written every few seconds while in team mode)."""

        def work(conn: Conn) -> None:
            conn.execute(
                "UPDATE sessions SET heartbeat = ? WHERE assessment_id = ?"
                " AND current_question IS NOT NULL",
                (now_text(), assessment_id),
            )

        self._short_write(work)

    def touch_presence(self, assessment_id: str, voter: str, *, leave: bool = False) -> None:
        """A joined participant is (still) there, or with ``leave`` has gone."""

        def work(conn: Conn) -> None:
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

        self._short_write(work, assessment_id)

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

        def snapshot(conn: Conn) -> tuple[Any, ...]:
            status, anonymous = self._assessment_row(conn, assessment_id, lock=False)
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
                    "SELECT level, votes FROM answers WHERE assessment_id = ? AND question_id = ?",
                    (assessment_id, question_id),
                ).fetchone()
            return (status, anonymous, current, revealed, rows, recorded, recorded_now,
                    beat_row, present)  # fmt: skip

        (status, anonymous, current, revealed, rows, recorded, recorded_now, beat_row,
         present) = self._in_read(snapshot)  # fmt: skip
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
            else tuple(who for who, seen in present if is_live(parse_time_or_none(seen), at)),
            facilitator_live=current is not None and is_live(parse_time_or_none(beat), at),
        )

    def live_sessions(self) -> builtins.list[LiveSession]:
        if not self.exists:
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
            if is_live(parse_time_or_none(r[6]), at, window=LIVE_S)
        ]

    def add_participant(self, assessment_id: str, name: str) -> None:
        """Add a named participant to the assessment's list (once; never when anonymous)."""

        def work(conn: Conn) -> None:
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

        self._short_write(work, assessment_id)

    def save_team_answer(
        self, assessment_id: str, question_id: str, answer: Answer, progress: Progress
    ) -> str:
        stamp = now_text()

        def work(conn: Conn) -> None:
            _, anonymous = self._assessment_row(conn, assessment_id)
            if anonymous and not _anonymised_keys(answer.votes):
                raise MaturityError(code="vote.anonymous_record")
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

        self._short_write(work, assessment_id)
        return stamp


def _measurement(body: str) -> Any:
    from maturity.measure.model import Measurement

    return Measurement.model_validate_json(body)


def _anonymised_keys(votes: dict[str, int | None]) -> bool:
    from maturity.model.votes import is_anonymised

    return is_anonymised(votes)


def _not_found(label: str, prefix: str) -> NotFoundError:
    """No ``label`` (assessment, action) with the id ``prefix``."""
    if label == "assessment":
        return NotFoundError(code="assessment.not_found", params={"id": prefix})
    return NotFoundError(
        f"no {label} with id '{prefix}'", code="id.not_found", params={"id": prefix}
    )
