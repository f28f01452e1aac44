"""Shared fixtures: an isolated store per test and a way to run the real command line."""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from maturity.cli import main

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).resolve().parent.parent

# The support modules assert too: give their failures the same detail as the tests'.
pytest.register_assert_rewrite("tui_support", "coach_support", "tmux_support")


@dataclass
class CliResult:
    code: int
    out: str
    err: str


SLOW_FIXTURES = {
    "rendered": "renders PDFs (WeasyPrint, seconds each)",
    "installed_wheel": "builds and installs the wheel",
}
SLOW_MODULES = {"test_team_tui": "several apps under Pilot at once, with polling"}
"""Besides the explicit ``@pytest.mark.slow``: tests that need these are slow by nature."""


@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> Iterator[None]:
    for item in items:  # before ``-m`` deselects by marker
        fixtures = set(getattr(item, "fixturenames", ()))
        if fixtures & SLOW_FIXTURES.keys() or item.module.__name__ in SLOW_MODULES:  # type: ignore[attr-defined]
            item.add_marker(pytest.mark.slow)
    result = yield  # deselection, and pytest grouping the items by their fixtures' parameters
    # Then the slow tests first (otherwise in collection order): xdist starts the long PDF,
    # wheel and tmux tests while the quick ones are still queued to fill the gaps, instead
    # of one worker finishing a long test alone at the end of the run.
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)
    return result


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """``-n auto``: two workers more than the cores this process may run on.

    Much of a TUI test is waiting with nothing to do: Pilot's ``press`` and ``pause`` sleep
    until the app goes idle (20 ms at least each time), the tests wait for subprocesses, tmux
    screens and PostgreSQL. With one worker per core, a core sat idle about a third of the
    run; two more workers fill those gaps (the TUI modules: about a fifth less wall time for
    the same CPU). ``PYTEST_XDIST_AUTO_NUM_WORKERS`` still wins, as in pytest-xdist.
    """
    chosen = os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS", "")
    if chosen.isdigit():
        return int(chosen)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (cores or 1) + 2


def pytest_configure(config: pytest.Config) -> None:
    cache_bytecode()


def cache_bytecode() -> None:
    """Let Python cache compiled modules during the test session, as it does by default.

    With ``PYTHONDONTWRITEBYTECODE`` set (as on the machines this suite runs on) nothing is cached: every xdist
    worker and every ``python -m maturity``, tmux app or ``serve`` a test starts compiled
    Textual, pydantic, WeasyPrint and the app from source again (importing those took 2.6 s
    of CPU instead of 1.0 s), and pytest rewrote the asserts of hypothesis (75 modules, it
    is a pytest plugin), syrupy and every test module again in each worker (about 5 s of CPU
    per process). Runs on the main process before xdist starts the workers, so they and every
    command the tests start inherit it. The caches are the usual ``__pycache__`` folders,
    ignored by git.
    """
    sys.dont_write_bytecode = False
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)


@pytest.fixture(autouse=True)
def _isolated_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No test ever touches the user's real store."""
    monkeypatch.setenv("MATURITY_STORE", str(tmp_path / "store.db"))
    yield


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "store.db"


# --- both backends -------------------------------------------------------------------------
#
# ``store_url`` runs a test once on a SQLite file and once on PostgreSQL: a fresh schema in a
# database this test session creates (and drops). The server is $MATURITY_TEST_PG (default:
# the local one with trust access). Without a reachable server the PostgreSQL half is skipped
# with the reason, except under CI=true, where it fails: CI must test both backends.

PG_ENV = "MATURITY_TEST_PG"
PG_DEFAULT = "postgresql://postgres@127.0.0.1:5432/postgres"


def _with_db(url: str, dbname: str) -> str:
    from psycopg.conninfo import make_conninfo

    return make_conninfo(url, dbname=dbname)


@pytest.fixture(scope="session")
def pg_database() -> Iterator[str]:
    """A database of its own for this test session (conninfo), dropped at the end."""
    admin = os.environ.get(PG_ENV, PG_DEFAULT)
    try:
        import psycopg

        conn = psycopg.connect(admin, autocommit=True, connect_timeout=3)
    except Exception as exc:
        reason = f"PostgreSQL not reachable at ${PG_ENV} ({type(exc).__name__}); start it or set ${PG_ENV}"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true: {reason}", pytrace=False)
        pytest.skip(reason)
    name = f"maturity_test_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    with conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield _with_db(admin, name)
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def pg_schema_url(database: str) -> tuple[str, str]:
    """A new empty schema in ``database``: (its name, a URL whose search_path is it)."""
    import psycopg
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(database, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    info = conninfo_to_dict(database)
    url = (
        f"postgresql://{info.get('user', 'postgres')}@{info.get('host', '127.0.0.1')}:"
        f"{info.get('port', 5432)}/{info['dbname']}?options=-csearch_path%3D{schema}"
    )
    assert make_conninfo(url)
    return schema, url


def drop_schema(database: str, schema: str) -> None:
    import psycopg

    with psycopg.connect(database, autocommit=True) as conn:
        conn.execute("SET lock_timeout = '10s'")
        conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    """The store of this test on each backend (also $MATURITY_STORE, for the CLI)."""
    if request.param == "sqlite":
        url = str(tmp_path / "store.db")
        monkeypatch.setenv("MATURITY_STORE", url)
        yield url
        return
    database = request.getfixturevalue("pg_database")
    schema, url = pg_schema_url(database)
    from maturity.store import migrate

    migrate(url, say=lambda _line: None)
    monkeypatch.setenv("MATURITY_STORE", url)
    try:
        yield url
    finally:
        drop_schema(database, schema)


def is_pg(url: str | Path) -> bool:
    return str(url).startswith("postgresql:")


def fingerprint(url: str | Path) -> str | None:
    """What "nothing changed" compares: the SQLite file's bytes, or every row of every table
    of the PostgreSQL schema (None: no store at all)."""
    if not is_pg(url):
        return digest(Path(url))
    import psycopg

    h = hashlib.sha256()
    with psycopg.connect(str(url), autocommit=True) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT table_name FROM information_schema.tables"
                " WHERE table_schema = current_schema() ORDER BY table_name"
            )
        ]
        for table in tables:
            h.update(table.encode())
            for line in sorted(repr(row) for row in conn.execute(f"SELECT * FROM {table}")):
                h.update(line.encode())
    return h.hexdigest()


def count_rows(url: str | Path, table: str) -> int:
    """Rows in a table of either backend (bypassing maturity: what is really stored)."""
    if is_pg(url):
        import psycopg

        with psycopg.connect(str(url)) as conn:
            row = conn.execute(f"SELECT count(*) FROM {table}").fetchone()
    else:
        import sqlite3

        with sqlite3.connect(url) as c:
            row = c.execute(f"SELECT count(*) FROM {table}").fetchone()
    assert row is not None
    return int(row[0])


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., CliResult]:
    def run(*args: str) -> CliResult:
        code = main(list(args))
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


@pytest.fixture
def no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """A blinking cursor would make snapshot pictures depend on timing."""
    from textual.widgets import Input

    monkeypatch.setattr(Input, "_toggle_cursor", lambda _self: None)


@pytest.fixture
def polls_on_demand(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Team-mode screens read the store when the test asks (``screen.poll()``,
    ``load_sessions()``), not every few hundred milliseconds on their own.

    The Pilot tests of team mode drive every read themselves; a timer's read running alongside
    only cost CPU (three apps re-reading and repainting every 0.3 s for the whole test) and
    could swallow the test's own read: ``poll()`` is skipped while a read is in flight, so a
    timer read started just before a change could bring the old state after the test's
    ``settle()``. A test marked ``timed_polls`` keeps the real intervals: the timers the user
    runs are tested there (and in the tmux tests), the heartbeat everywhere."""
    if request.node.get_closest_marker("timed_polls"):
        return
    from maturity.tui import live
    from maturity.tui.participant import join

    never = 3600.0  # longer than any test
    monkeypatch.setattr(live, "POLL_S", never)
    monkeypatch.setattr(live, "SAFETY_POLL_S", never)
    monkeypatch.setattr(join, "SESSIONS_POLL_S", never)


@pytest.fixture
def frozen_today(monkeypatch: pytest.MonkeyPatch) -> None:
    """The plan's "today" (suggested target dates, phase ends, overdue) fixed at 2026-03-10, so
    pictures of screens that show them do not change from one day to the next."""
    from datetime import date

    from maturity import plan

    monkeypatch.setattr(plan, "today_utc", lambda: date(2026, 3, 10))


def store_at_schema(path: Path, version: int) -> sqlite3.Connection:
    """A SQLite store as an older maturity left it: the first ``version`` shipped migrations
    applied and ``user_version`` set, nothing else. The caller adds its rows (autocommit) and
    closes the connection; the tests then open it with today's code."""
    from maturity.store.migrations import MIGRATIONS

    conn = sqlite3.connect(path, isolation_level=None)
    for migration in MIGRATIONS[:version]:
        for statement in migration.split(";"):
            if statement.strip():
                conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {version}")
    return conn


def digest(path: Path) -> str | None:
    """Content hash of a file and its WAL/SHM companions (None when absent)."""
    if not path.exists():
        return None
    h = hashlib.sha256()
    for p in (path, path.with_name(path.name + "-wal")):
        if p.exists():
            h.update(p.read_bytes())
    return h.hexdigest()


@dataclass(frozen=True)
class InstalledWheel:
    """The package built as a wheel and installed in its own virtualenv, outside the checkout."""

    wheel: Path
    python: Path
    maturity: Path


def _shared_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder every xdist worker of this session sees (this session's own when not under xdist)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def built_once(
    tmp_path_factory: pytest.TempPathFactory, name: str, build: Callable[[Path], object]
) -> Path:
    """The folder ``name``, filled by ``build`` once per test session, whichever xdist worker
    asks first: the others wait on a file lock and read the same files.

    For what takes seconds and is only read afterwards (the wheel, the rendered reports): with
    the tests of one module spread over the workers, each worker built its own copy. A build
    that raised leaves no mark, so the next worker to ask builds again (and fails the same way).
    """
    shared = _shared_dir(tmp_path_factory)
    folder = shared / name
    done = shared / f"{name}.built"
    with (shared / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)  # what a failed build left
            folder.mkdir()
            build(folder)
            done.touch()
    return folder


@pytest.fixture(scope="session")
def installed_wheel(tmp_path_factory: pytest.TempPathFactory) -> InstalledWheel:
    """Build the wheel and install it once per test session, whichever worker asks first.

    Building takes seconds and two builds of one source tree at once could trip over each
    other, so the first worker builds under a file lock and the others reuse its result.
    """
    done = built_once(tmp_path_factory, "wheel", _build_and_install) / "installed.json"
    paths = json.loads(done.read_text())
    return InstalledWheel(**{k: Path(v) for k, v in paths.items()})


def _build_and_install(root: Path) -> None:
    uv = shutil.which("uv")
    assert uv, "uv is needed to build and install the wheel (see README)"

    def run(*cmd: str) -> None:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=600, check=False)
        assert r.returncode == 0, f"{' '.join(cmd)}\n{r.stdout}\n{r.stderr}"

    dist = root / "dist"
    run(uv, "build", "--wheel", "--out-dir", str(dist), str(ROOT))
    [wheel] = dist.glob("maturity-*.whl")
    venv = root / "venv"
    run(uv, "venv", "--python", sys.executable, str(venv))
    python = venv / "bin" / "python"
    # Not compiled at install (pip would): that compiled every module of every dependency,
    # Textual included, which these commands never import. The session caches bytecode
    # (cache_bytecode), so each module is compiled once, by the first command importing it.
    run(uv, "pip", "install", "--python", str(python), str(wheel))
    paths = {"wheel": str(wheel), "python": str(python), "maturity": str(venv / "bin" / "maturity")}
    (root / "installed.json").write_text(json.dumps(paths))
