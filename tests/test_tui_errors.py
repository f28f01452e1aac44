"""No silent failures: a store call that breaks in a worker is shown and logged, not lost."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input
from tui_support import SEARCH, press, reader, seed_snapshot_store, settle

from maturity.errors import MaturityError
from maturity.tui.app import MaturityApp
from maturity.tui.screens.dora import SAVE_DELAY_S, DoraScreen
from maturity.tui.screens.question import QuestionScreen
from maturity.tui.widgets.saved import PendingWrites, SavedIndicator
from maturity.workspace import Workspace

pytestmark = pytest.mark.asyncio


@asynccontextmanager
async def running(store_path: Path) -> AsyncIterator[tuple[MaturityApp, Pilot[None]]]:
    """The app under Pilot with notifications drawn (run_test leaves them out by default)."""
    app = MaturityApp(store_path, lang="en")
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        yield app, pilot


def toasts(app: App[None]) -> list[str]:
    """The text of every notification drawn on the screen (title and message)."""
    return [str(toast.render()) for toast in app.screen.query("Toast")]


def _disk_fails(*_args: object, **_kwargs: object) -> None:
    raise sqlite3.OperationalError("disk I/O error")


async def test_a_broken_answer_write_is_shown_logged_and_rolled_back(
    store_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    seed_snapshot_store(store_path)
    monkeypatch.setattr(Workspace, "answer", _disk_fails)
    async with running(store_path) as (app, pilot):
        app.open_questions(SEARCH, "culture.postmortems")
        await pilot.pause()
        await press(pilot)
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        with caplog.at_level(logging.ERROR, logger="maturity.tui.app"):
            await press(pilot, "5")
        shown = toasts(app)
        assert any("OperationalError: disk I/O error" in text for text in shown), shown
        assert any("did not complete" in text for text in shown), shown
        assert screen.query_one(SavedIndicator).state == "failed"
        assert screen.answers["culture.postmortems"].level == 3  # the local copy rolled back
    [record] = [r for r in caplog.records if r.name == "maturity.tui.app"]
    assert record.exc_info is not None and record.exc_info[0] is sqlite3.OperationalError
    assert reader(store_path).get(SEARCH).answers["culture.postmortems"].level == 3


@pytest.mark.parametrize(
    "error",
    [
        sqlite3.OperationalError("disk I/O error"),
        MaturityError("the store is locked by another maturity process"),
    ],
    ids=["bug", "user-error"],
)
async def test_a_failed_dora_write_says_not_saved(
    error: Exception, store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before, a refused DORA save still read "saved" and any other error "saving…" forever."""

    def fails(*_args: object, **_kwargs: object) -> None:
        raise error

    seed_snapshot_store(store_path)
    monkeypatch.setattr(Workspace, "set_dora", fails)
    async with running(store_path) as (app, pilot):
        app.open_dora(SEARCH)
        await press(pilot)
        screen = app.screen
        assert isinstance(screen, DoraScreen)
        screen.query_one("#in-lead_time", Input).value = "2d"
        await pilot.pause(SAVE_DELAY_S + 0.2)  # typing stopped: the save is queued
        await press(pilot)
        assert screen.query_one(SavedIndicator).state == "failed"
        assert any(str(error) in text for text in toasts(app)), toasts(app)


async def test_a_user_error_is_shown_as_it_is_without_the_unexpected_wording(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(*_args: object, **_kwargs: object) -> None:
        raise MaturityError("the store is locked by another maturity process")

    seed_snapshot_store(store_path)
    monkeypatch.setattr(Workspace, "answer", refused)
    async with running(store_path) as (app, pilot):
        app.open_questions(SEARCH, "culture.postmortems")
        await press(pilot)
        await press(pilot, "5")
        shown = toasts(app)
        assert any("locked by another maturity process" in text for text in shown), shown
        assert not any("did not complete" in text for text in shown), shown


async def test_pending_writes_count_until_settled_and_remember_a_failure() -> None:
    writes = PendingWrites()
    assert writes.state == "saved"

    async def ok() -> int:
        assert writes.state == "saving"
        return 7

    async def broken() -> int:
        raise OSError("gone")

    writes.begin()
    assert await writes.settle(ok()) == 7 and writes.state == "saved"
    writes.begin()
    with pytest.raises(OSError, match="gone"):
        await writes.settle(broken())
    assert (writes.pending, writes.state) == (0, "failed")
    writes.begin()
    await writes.settle(ok())
    assert writes.state == "saved"  # the next good write clears the failure
