"""Snapshot tests (pytest-textual-snapshot) for the main screens, in English and Korean.

The store is seeded with fixed ids and times on a small bilingual questionnaire
(tests/data/tui-snap.yaml), so the pictures change only when the TUI does. After a deliberate
change: run ``uv run pytest tests/test_tui_snapshots.py``, look at snapshot_report.html, and
only then ``--snapshot-update``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input
from tui_support import PAYMENTS, seed_snapshot_store, settle

from maturity.tui.app import MaturityApp

SnapCompare = Callable[..., bool]
LANGS = ["en", "ko"]


@pytest.fixture(autouse=True)
def _no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """A blinking cursor would make pictures depend on timing."""
    monkeypatch.setattr(Input, "_toggle_cursor", lambda _self: None)


def _app(store_path: Path, lang: str) -> MaturityApp:
    seed_snapshot_store(store_path).store.close()
    return MaturityApp(store_path, lang=lang)


def _then(step: Callable[[MaturityApp], object]) -> Callable[[Pilot[None]], Awaitable[None]]:
    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        app = pilot.app
        assert isinstance(app, MaturityApp)
        step(app)
        await settle(pilot)

    return run_before


@pytest.mark.parametrize("lang", LANGS)
def test_home(snap_compare: SnapCompare, store_path: Path, lang: str) -> None:
    assert snap_compare(_app(store_path, lang), run_before=_then(lambda app: None))


@pytest.mark.parametrize("lang", LANGS)
def test_question(snap_compare: SnapCompare, store_path: Path, lang: str) -> None:
    step = _then(lambda app: app.open_questions(PAYMENTS, "culture.postmortems"))
    assert snap_compare(_app(store_path, lang), run_before=step)


def test_question_wide_with_sidebar_and_help(snap_compare: SnapCompare, store_path: Path) -> None:
    step = _then(lambda app: app.open_questions(PAYMENTS, "culture.postmortems"))
    assert snap_compare(
        _app(store_path, "en"), run_before=step, press=["h"], terminal_size=(120, 32)
    )


@pytest.mark.parametrize("lang", LANGS)
def test_dora(snap_compare: SnapCompare, store_path: Path, lang: str) -> None:
    assert snap_compare(
        _app(store_path, lang), run_before=_then(lambda app: app.open_dora(PAYMENTS))
    )


@pytest.mark.parametrize("lang", LANGS)
def test_results(snap_compare: SnapCompare, store_path: Path, lang: str) -> None:
    step = _then(lambda app: app.open_results(PAYMENTS))
    assert snap_compare(_app(store_path, lang), run_before=step)


@pytest.mark.parametrize("lang", LANGS)
def test_help(snap_compare: SnapCompare, store_path: Path, lang: str) -> None:
    step = _then(lambda app: app.action_show_keys())
    assert snap_compare(_app(store_path, lang), run_before=step)


@pytest.mark.parametrize("lang", LANGS)
def test_welcome_on_first_run(snap_compare: SnapCompare, store_path: Path, lang: str) -> None:
    assert snap_compare(MaturityApp(store_path, lang=lang), run_before=_then(lambda app: None))
