"""Shared fixtures: an isolated store per test and a way to run the real command line."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from maturity.cli import main

DATA = Path(__file__).parent / "data"

# The support modules assert too: give their failures the same detail as the tests'.
pytest.register_assert_rewrite("tui_support", "coach_support", "tmux_support")


@dataclass
class CliResult:
    code: int
    out: str
    err: str


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
