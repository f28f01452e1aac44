"""What only a server store has: its schema is migrated explicitly, roles, connections that
drop, passwords, LISTEN/NOTIFY, and copying whole stores between backends.

The rest of the protocol runs on both backends through the ``store_url`` fixture (test_store,
test_team_store, test_history, test_cli).
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest
from conftest import CliResult, count_rows, drop_schema, fingerprint, pg_schema_url

from maturity import questionnaire as qmod
from maturity.errors import StoreError
from maturity.store import migrate, open_store
from maturity.store.migrations import SCHEMA_VERSION
from maturity.store.sqlstore import SQLStore
from maturity.workspace import Workspace

Cli = Callable[..., CliResult]
MINI = qmod.load_file(Path(__file__).parent / "data" / "mini.yaml")
Q1, Q2 = MINI.questionnaire.question_ids()[:2]
SECRET = "Pw-q8Zt5-never-shown"


@pytest.fixture
def empty(pg_database: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A schema without maturity's tables (what a new database looks like)."""
    schema, url = pg_schema_url(pg_database)
    monkeypatch.setenv("MATURITY_STORE", url)
    try:
        yield url
    finally:
        drop_schema(pg_database, schema)


@pytest.fixture
def pg(empty: str) -> str:
    migrate(empty, say=lambda _line: None)
    return empty


def _with_password(url: str, password: str = SECRET) -> str:
    return url.replace("postgresql://postgres@", f"postgresql://postgres:{password}@")


def _one_error(r: CliResult, *needles: str) -> None:
    assert r.code == 2, (r.code, r.out, r.err)
    lines = r.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), r.err
    assert "Traceback" not in r.err
    for needle in needles:
        assert needle in lines[0], lines[0]


# -- the schema -------------------------------------------------------------------------------


def test_migrate_says_what_it_will_do_then_does_it(cli: Cli, empty: str) -> None:
    _one_error(cli("list"), "no maturity schema", "maturity store migrate")
    dry = cli("store", "migrate", "--dry-run")
    assert dry.code == 0 and f"schema 0 -> {SCHEMA_VERSION}, will apply:" in dry.out
    assert "1: create table questionnaires" in dry.out
    assert count_rows(empty, "information_schema.tables WHERE table_schema = current_schema()") == 0
    first = cli("store", "migrate")
    assert first.code == 0 and f"schema is now {SCHEMA_VERSION}" in first.out
    again = cli("store", "migrate")
    assert again.code == 0 and "nothing to do" in again.out
    assert cli("new", "--team", "Payments", "-q", "calms").code == 0
    assert "Payments" in cli("list").out


def test_a_newer_schema_is_refused_untouched(cli: Cli, pg: str) -> None:
    assert cli("new", "--team", "Payments", "-q", "calms").code == 0
    with psycopg.connect(pg, autocommit=True) as conn:
        conn.execute("UPDATE maturity_schema SET version = %s", (SCHEMA_VERSION + 1,))
    before = fingerprint(pg)
    for args in (("list",), ("new", "--team", "Search", "-q", "calms"), ("store", "migrate")):
        _one_error(cli(*args), "written by a newer maturity")
    assert fingerprint(pg) == before


def _last_postgres_change() -> int:
    from maturity.store.migrations import statements

    return max(n for n in range(1, SCHEMA_VERSION + 1) if statements(n, "postgresql"))


def test_an_older_schema_asks_for_migrate(cli: Cli, pg: str) -> None:
    older = _last_postgres_change() - 1
    with psycopg.connect(pg, autocommit=True) as conn:
        conn.execute("UPDATE maturity_schema SET version = %s", (older,))
    _one_error(cli("list"), f"schema {older} is older", "maturity store migrate")


def test_a_schema_behind_only_by_sqlite_migrations_opens_as_it_is(cli: Cli, pg: str) -> None:
    """Schema 7 changed SQLite only (the quick read path); a PostgreSQL store left at 6 works
    without a migrate, and `store migrate` then records the version and changes nothing else."""
    behind = _last_postgres_change()
    assert behind < SCHEMA_VERSION  # the newest migrations have nothing for PostgreSQL
    assert cli("new", "--team", "Payments", "-q", "calms").code == 0
    with psycopg.connect(pg, autocommit=True) as conn:
        conn.execute("UPDATE maturity_schema SET version = %s", (behind,))
    listed = cli("list")
    assert listed.code == 0 and "Payments" in listed.out
    assert cli("new", "--team", "Search", "-q", "calms").code == 0
    migrated = cli("store", "migrate")
    assert migrated.code == 0 and f"schema {behind} -> {SCHEMA_VERSION}" in migrated.out
    with psycopg.connect(pg, autocommit=True) as conn:
        row = conn.execute("SELECT max(version) FROM maturity_schema").fetchone()
    assert row is not None and row[0] == SCHEMA_VERSION


# -- bad targets: one line, exit 2, no password anywhere --------------------------------------


def test_bad_targets_are_one_clear_error_without_the_password(
    cli: Cli, pg: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret_url = _with_password(pg)
    unreachable = "postgresql://postgres:" + SECRET + "@127.0.0.1:1/maturity"
    cases = [
        (unreachable, "cannot connect"),
        (secret_url.replace("/maturity_test_", "/no_such_db_"), "cannot connect"),
        ("postgresql://postgres:" + SECRET + "@127.0.0.1:5432/x?sslmode=bogus", "sslmode"),
        ("postgresql://[::1" + SECRET, "malformed PostgreSQL URL"),
        ("postgres://postgres:" + SECRET + "@127.0.0.1:5432/x?nonsense=1", "malformed"),
    ]
    seen = []
    for url, needle in cases:
        for args in (("list",), ("new", "--team", "P", "-q", "calms"), ("store", "migrate")):
            r = cli("--store", url, *args)
            _one_error(r, needle)
            seen.append(r.out + r.err)
    # the libpq environment: a password from PGPASSWORD is not shown either
    monkeypatch.setenv("PGPASSWORD", SECRET)
    monkeypatch.setenv("PGHOST", "127.0.0.1")
    monkeypatch.setenv("PGPORT", "1")
    r = cli("--store", "postgresql:", "list")
    _one_error(r, "cannot connect", "127.0.0.1:1")
    seen.append(r.out + r.err)
    # and a working store named with a password never echoes it
    ok = cli("--store", secret_url, "store", "migrate")
    assert ok.code == 0 and "postgres@" in ok.out
    seen.append(ok.out + ok.err)
    assert all(SECRET not in text for text in seen)


def test_libpq_environment_alone_names_the_store(
    cli: Cli, pg: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    info = psycopg.conninfo.conninfo_to_dict(pg)
    monkeypatch.setenv("PGHOST", str(info["host"]))
    monkeypatch.setenv("PGPORT", str(info["port"]))
    monkeypatch.setenv("PGUSER", str(info["user"]))
    monkeypatch.setenv("PGDATABASE", str(info["dbname"]))
    monkeypatch.setenv("PGOPTIONS", str(info["options"]))
    monkeypatch.setenv("MATURITY_STORE", "postgres://")
    assert cli("new", "--team", "Env", "-q", "calms").code == 0
    assert "Env" in cli("--store", "postgresql:", "list").out


# -- roles ------------------------------------------------------------------------------------


def _role(pg: str, name: str, *grants: str) -> str:
    """A login role with the given grants on the test schema; its URL."""
    schema = str(psycopg.conninfo.conninfo_to_dict(pg)["options"]).split("=")[1]
    with psycopg.connect(pg, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {name} LOGIN")
        for grant in grants:
            conn.execute(grant.format(schema=schema, role=name))
    return pg.replace("postgresql://postgres@", f"postgresql://{name}@")


def _drop_role(pg: str, name: str) -> None:
    with psycopg.connect(pg, autocommit=True) as conn:
        conn.execute(f"DROP OWNED BY {name}")
        conn.execute(f"DROP ROLE {name}")


def test_a_read_only_role_reads_and_is_refused_writes(cli: Cli, pg: str) -> None:
    assert cli("new", "--team", "Payments", "-q", "calms").code == 0
    name = f"ro_{uuid.uuid4().hex[:8]}"
    url = _role(
        pg,
        name,
        "GRANT USAGE ON SCHEMA {schema} TO {role}",
        "GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO {role}",
    )
    try:
        before = fingerprint(pg)
        listed = cli("--store", url, "list")
        assert listed.code == 0 and "Payments" in listed.out
        aid = listed.out.splitlines()[1].split()[0]
        _one_error(cli("--store", url, "answer", aid, "culture.on-call-rotation", "3"), "may not")
        _one_error(cli("--store", url, "new", "--team", "Search", "-q", "calms"), "may not")
        _one_error(cli("--store", url, "delete", aid, "--yes"), "may not")
        assert fingerprint(pg) == before
    finally:
        _drop_role(pg, name)


README_ROLE_SQL = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")


def _readme_sql(block_marker: str) -> str:
    """The SQL block of the README's organisation section that follows ``block_marker``."""
    start = README_ROLE_SQL.index(block_marker)
    body = README_ROLE_SQL[start:].split("```sql\n", 1)[1].split("```", 1)[0]
    return body


def test_the_readme_role_reads_and_writes_but_cannot_change_the_schema(cli: Cli, pg: str) -> None:
    """The least-privilege role exactly as the README documents it."""
    schema = str(psycopg.conninfo.conninfo_to_dict(pg)["options"]).split("=")[1]
    name = f"app_{uuid.uuid4().hex[:8]}"
    sql = (
        _readme_sql("least-privilege role")
        .replace("maturity_app", name)
        .replace("SCHEMA public", f"SCHEMA {schema}")
        .replace("IN SCHEMA public", f"IN SCHEMA {schema}")
        .replace("'change-me'", "'x'")
    )
    with psycopg.connect(pg, autocommit=True) as conn:
        for statement in sql.split(";"):
            if statement.strip() and not statement.strip().startswith("--"):
                conn.execute(statement)
    url = pg.replace("postgresql://postgres@", f"postgresql://{name}@")
    try:
        assert cli("--store", url, "new", "--team", "Payments", "-q", "calms").code == 0
        aid = cli("--store", url, "list").out.splitlines()[1].split()[0]
        assert cli("--store", url, "answer", aid, "culture.on-call-rotation", "4").code == 0
        assert cli("--store", url, "delete", aid, "--yes").code == 0
        with (
            psycopg.connect(url, autocommit=True) as conn,
            pytest.raises(psycopg.errors.InsufficientPrivilege),
        ):
            conn.execute("CREATE TABLE sneaky (x int)")
        with (
            psycopg.connect(url, autocommit=True) as conn,
            pytest.raises(psycopg.errors.InsufficientPrivilege),
        ):
            conn.execute("DROP TABLE answers")
    finally:
        _drop_role(pg, name)


# -- connections that drop ----------------------------------------------------------------------


def _terminate(pg: str, application_name: str = "maturity") -> int:
    """pg_terminate_backend on every maturity connection to this database but our own."""
    with psycopg.connect(pg, autocommit=True) as conn:
        rows = conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname ="
            " current_database() AND application_name = %s AND pid <> pg_backend_pid()",
            (application_name,),
        ).fetchall()
    return len(rows)


def test_a_connection_dropped_mid_command_fails_cleanly_and_writes_nothing(
    cli: Cli, pg: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = SQLStore._insert

    def insert_then_lose_the_server(self: SQLStore, *args: object) -> None:
        original(self, *args)  # type: ignore[arg-type]
        assert _terminate(pg) >= 1  # the server drops us before COMMIT

    monkeypatch.setattr(SQLStore, "_insert", insert_then_lose_the_server)
    before = fingerprint(pg)
    _one_error(cli("new", "--team", "Payments", "-q", "calms"), "lost the connection")
    assert fingerprint(pg) == before
    monkeypatch.undo()
    assert count_rows(pg, "assessments") == 0


def test_a_participant_whose_backend_is_killed_reconnects_and_loses_no_vote(pg: str) -> None:
    """Fault test: pg_terminate_backend on the participants' connections mid-session, again
    and again; each reconnects, and every vote it was told is saved is there.

    A kill that lands inside a vote's transaction (more likely on a busy machine) fails that
    vote with the store's "lost the connection ... nothing of it was saved": not acknowledged,
    so the participant votes again, as a person would. Any other error, or a store that does
    not get back to saving within a few tries (no reconnect), fails the test."""
    ws = Workspace(open_store(pg))
    a = ws.create("Payments", MINI)
    qids = MINI.questionnaire.question_ids()
    acked: dict[tuple[str, str], int] = {}
    errors: list[BaseException] = []
    stop = threading.Event()

    stores = [Workspace(open_store(pg)) for _ in range(4)]

    def vote(mine: Workspace, qid: str, name: str, level: int) -> None:
        for _ in range(10):
            try:
                mine.cast_vote(a.id, qid, name, level)
                return
            except StoreError as exc:
                if exc.code != "store.connection_lost":
                    raise
        raise AssertionError(f"{name}: no vote saved in 10 tries: the store does not reconnect")

    def participant(n: int) -> None:
        mine = stores[n]
        try:
            for round_ in range(25):
                for i, qid in enumerate(qids):
                    level = 1 + (n + i + round_) % 5
                    vote(mine, qid, f"P{n}", level)
                    acked[(f"P{n}", qid)] = level  # acknowledged: cast_vote returned
        except BaseException as exc:
            errors.append(exc)
        finally:
            mine.store.close()

    kills: list[int] = []

    def killer() -> None:
        while not stop.wait(0.15):
            kills.append(_terminate(pg))

    threads = [threading.Thread(target=participant, args=(n,)) for n in range(4)]
    k = threading.Thread(target=killer)
    k.start()
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    stop.set()
    k.join()
    assert errors == []
    assert sum(kills) >= 4  # backends really were killed while the votes went on
    for qid in qids:
        votes = ws.team_state(a.id, qid).count
        assert votes == 4
    for qid in qids:
        assert ws.reveal(a.id, qid).votes == {
            who: level for (who, q), level in acked.items() if q == qid
        }


def test_an_answer_survives_a_killed_backend(pg: str) -> None:
    ws = Workspace(open_store(pg))
    a = ws.create("Payments", MINI)
    ws.answer(a.id, Q1, 3)
    assert _terminate(pg) >= 1
    ws.answer(a.id, Q2, 4)  # reconnects on the way
    assert {q: x.level for q, x in Workspace(open_store(pg)).get(a.id).answers.items()} == {
        Q1: 3,
        Q2: 4,
    }


# -- LISTEN/NOTIFY --------------------------------------------------------------------------


def test_a_vote_wakes_the_facilitator_without_polling(pg: str) -> None:
    facilitator = open_store(pg)
    ws = Workspace(open_store(pg))
    a = ws.create("Payments", MINI)
    assert facilitator.wait_for_change(a.id, 0.1) is True  # first call: now listening
    started = time.monotonic()
    assert facilitator.wait_for_change(a.id, 0.3) is False  # nothing happened
    assert time.monotonic() - started >= 0.25

    def vote_soon() -> None:
        time.sleep(0.2)
        Workspace(open_store(pg)).cast_vote(a.id, Q1, "Joon", 4)

    voter = threading.Thread(target=vote_soon)
    voter.start()
    started = time.monotonic()
    assert facilitator.wait_for_change(a.id, 10) is True
    assert time.monotonic() - started < 5  # woken by the NOTIFY, not the 10 s timeout
    voter.join()
    assert facilitator.team_state(a.id, Q1).count == 1


# -- store copy ---------------------------------------------------------------------------------


def _seed(ws: Workspace) -> list[str]:
    a = ws.create("Payments", MINI)
    ws.answer(a.id, Q1, 3, note="wiki/oncall")
    ws.complete(a.id)
    ws.reopen(a.id, "one more look")
    b = ws.create("Search", MINI)
    ws.follow(b.id, Q1)
    ws.cast_vote(b.id, Q1, "Mina", 2)
    ws.cast_vote(b.id, Q1, "Joon", 5)
    ws.reveal(b.id, Q1)
    return [a.id, b.id]


def test_copy_sqlite_to_postgresql_and_back_is_exact_and_idempotent(
    cli: Cli, pg: str, tmp_path: Path
) -> None:
    src = tmp_path / "mine.db"
    ids = _seed(Workspace(open_store(src)))
    first = cli("store", "copy", "--from", str(src), "--to", pg)
    assert first.code == 0 and "copied 2 assessment(s)" in first.out
    second = cli("store", "copy", "--from", str(src), "--to", pg)
    assert second.code == 0 and "nothing to copy" in second.out
    back = tmp_path / "back.db"
    assert cli("store", "copy", "--from", pg, "--to", str(back)).code == 0
    for aid in ids:
        original = Workspace(open_store(src))
        for there in (Workspace(open_store(pg)), Workspace(open_store(back))):
            assert there.get(aid) == original.get(aid)  # answers, notes, events, votes
            assert there.team_state(aid, Q1) == original.team_state(aid, Q1)  # live votes
            assert there.store.current_question(aid) == original.store.current_question(aid)
    assert count_rows(pg, "votes") == 2 and count_rows(pg, "events") == 2


def test_copy_is_all_or_nothing(
    cli: Cli, pg: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = tmp_path / "mine.db"
    _seed(Workspace(open_store(src)))
    monkeypatch.setattr(SQLStore, "COPY_CHUNK", 1)
    original = SQLStore._rows_for
    calls = {"n": 0}

    def fail_on_the_second_assessment(self: SQLStore, table: str, key: str, ids: object):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] > len(SQLStore.COPY_TABLES):
            _terminate(pg)  # the destination's connection drops half-way
        return original(self, table, key, ids)  # type: ignore[arg-type]

    monkeypatch.setattr(SQLStore, "_rows_for", fail_on_the_second_assessment)
    before = fingerprint(pg)
    _one_error(cli("store", "copy", "--from", str(src), "--to", pg), "lost the connection")
    assert fingerprint(pg) == before


def test_copy_refuses_bad_stores(cli: Cli, pg: str, tmp_path: Path) -> None:
    _one_error(
        cli("store", "copy", "--from", str(tmp_path / "none.db"), "--to", pg), "does not exist"
    )
    _one_error(cli("store", "copy", "--from", pg, "--to", pg), "same store")


def test_many_processes_vote_at_once_on_postgresql(pg: str) -> None:
    """Separate processes (as on separate machines): every final vote is there, once."""
    ws = Workspace(open_store(pg))
    a = ws.create("Payments", MINI)
    script = (
        "import sys\n"
        "from maturity.store import open_store\n"
        "from maturity.workspace import Workspace\n"
        "ws = Workspace(open_store(sys.argv[1]))\n"
        "qs = sys.argv[3].split(',')\n"
        "for r in range(3):\n"
        "    for i, q in enumerate(qs):\n"
        "        ws.cast_vote(sys.argv[2], q, 'P' + sys.argv[4], 1 + (int(sys.argv[4]) + i + r) % 5)\n"
    )
    qids = MINI.questionnaire.question_ids()
    procs = [
        subprocess.Popen([sys.executable, "-c", script, pg, a.id, ",".join(qids), str(n)])
        for n in range(6)
    ]
    assert [p.wait(timeout=120) for p in procs] == [0] * 6
    for i, qid in enumerate(qids):
        assert ws.reveal(a.id, qid).votes == {f"P{n}": 1 + (n + i + 2) % 5 for n in range(6)}
    assert count_rows(pg, "votes") == 6 * len(qids)


def test_store_error_is_a_store_error(pg: str) -> None:
    with pytest.raises(StoreError, match="malformed"):
        open_store("postgresql://[oops")
