"""Shared fixtures: an isolated store per test and a way to run the real command line."""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import sys
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


@pytest.hookimpl(tryfirst=True)  # before ``-m`` deselects by marker
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if fixtures & SLOW_FIXTURES.keys() or item.module.__name__ in SLOW_MODULES:  # type: ignore[attr-defined]
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def _isolated_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No test ever touches the user's real store."""
    monkeypatch.setenv("MATURITY_STORE", str(tmp_path / "store.db"))
    yield


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "store.db"


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
def frozen_today(monkeypatch: pytest.MonkeyPatch) -> None:
    """The plan's "today" (suggested target dates, phase ends, overdue) fixed at 2026-03-10, so
    pictures of screens that show them do not change from one day to the next."""
    from datetime import date

    from maturity import plan

    monkeypatch.setattr(plan, "today_utc", lambda: date(2026, 3, 10))


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


@pytest.fixture(scope="session")
def installed_wheel(tmp_path_factory: pytest.TempPathFactory) -> InstalledWheel:
    """Build the wheel and install it once per test session, whichever worker asks first.

    Building takes seconds and two builds of one source tree at once could trip over each
    other, so the first worker builds under a file lock and the others reuse its result.
    """
    shared = _shared_dir(tmp_path_factory) / "wheel"
    shared.mkdir(exist_ok=True)
    done = shared / "installed.json"
    with (shared / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            done.write_text(json.dumps(_build_and_install(shared)))
        paths = json.loads(done.read_text())
    return InstalledWheel(**{k: Path(v) for k, v in paths.items()})


def _build_and_install(root: Path) -> dict[str, str]:
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
    # Compiled like pip does, so commands from the installed wheel start as they would for a user.
    run(uv, "pip", "install", "--compile-bytecode", "--python", str(python), str(wheel))
    return {"wheel": str(wheel), "python": str(python), "maturity": str(venv / "bin" / "maturity")}
