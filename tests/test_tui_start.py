"""The TUI's start (issue 12 item 9): the store is opened and the first list read on the store
thread before the app runs, and the home screen's first frame is the full list."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable
from tui_support import PAYMENTS, PLATFORM, SEARCH, seed_snapshot_store, settle

from maturity.errors import MaturityError
from maturity.tui.app import MaturityApp
from maturity.tui.gateway import Gateway
from maturity.tui.screens.home import HomeScreen
from maturity.tui.screens.results import ResultsScreen


async def until(pilot: Pilot[None], condition: Callable[[], bool], timeout: float = 20) -> None:
    """Let the app run until ``condition`` holds (the store thread answers in its own time)."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the app did not get there"
        await pilot.pause(0.02)


def drain(gateway: Gateway) -> None:
    """Wait until the store thread has done everything queued so far (it runs in order)."""
    gateway.submit(lambda: None).result(timeout=30)


def test_the_first_list_is_read_once_and_handed_over_once(store_path: Path) -> None:
    seed_snapshot_store(store_path).store.close()
    gateway = Gateway()
    gateway.start_open(store_path)
    drain(gateway)
    rows = gateway.take_ready_first_list()
    assert rows is not None and {r.id for r in rows} == {PAYMENTS, SEARCH, PLATFORM}
    assert gateway.is_open
    assert gateway.take_ready_first_list() is None  # taken: later lists are read anew
    gateway.close()


def test_no_early_list_when_nothing_was_started_or_it_is_not_ready(store_path: Path) -> None:
    gateway = Gateway()
    assert gateway.take_ready_first_list() is None
    gateway.close()


@pytest.mark.asyncio
async def test_a_store_that_cannot_open_is_reported_where_the_app_opens_it(tmp_path: Path) -> None:
    """Opening early changes when, not what: the error surfaces from open(), not start_open()."""
    bad = tmp_path / "not-a-store.db"
    bad.write_bytes(b"this is not SQLite" * 100)
    gateway = Gateway()
    gateway.start_open(bad)  # does not raise
    drain(gateway)
    assert gateway.take_ready_first_list() is None
    with pytest.raises(MaturityError):
        await gateway.open(bad)
    gateway.close()


@pytest.mark.asyncio
async def test_home_shows_the_early_list_without_reading_the_store_again(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = seed_snapshot_store(store_path)
    store_type = type(ws.store)
    ws.store.close()
    reads: list[str | None] = []
    original = store_type.list

    def counting_list(self: object, team: str | None = None) -> object:
        reads.append(team)
        return original(self, team)  # type: ignore[arg-type]

    monkeypatch.setattr(store_type, "list", counting_list)
    gateway = Gateway()
    gateway.start_open(store_path)
    drain(gateway)
    app = MaturityApp(store_path, lang="en", gateway=gateway)
    async with app.run_test(size=(100, 30)) as pilot:
        home = app.screen
        assert isinstance(home, HomeScreen)
        # Already on mount, before any worker or store round trip.
        assert home.loaded and len(home.rows) == 3
        await settle(pilot)
        assert app.screen.query_one("#assessments", DataTable).row_count == 3
        assert app.focused is app.screen.query_one("#assessments", DataTable)
        assert reads == [None]  # the early read only: the first show does not read again
        await pilot.press("r")  # results of the selected assessment, then back home
        await until(pilot, lambda: isinstance(app.screen, ResultsScreen))
        await settle(pilot)
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, HomeScreen) and len(reads) == 2)
        assert reads == [None, None]  # coming back home reads the list again


def test_the_start_module_queues_the_store_before_importing_textual() -> None:
    """maturity.tui.start imports neither Textual nor the app until the store is queued."""
    code = (
        "import sys, maturity.tui.start as s, maturity.tui.gateway;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'"
        " or m == 'maturity.tui.app'))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    assert out.strip() == "[]"
