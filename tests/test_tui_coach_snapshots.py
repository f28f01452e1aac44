"""Snapshot tests (pytest-textual-snapshot) for the coach screens, in English and Korean.

Seeded by :func:`coach_support.seed_history_store` (fixed ids and times; the portfolio's
"now" is pinned), so the pictures change only when the TUI does. After a deliberate change:
run ``uv run pytest tests/test_tui_coach_snapshots.py``, look at snapshot_report.html, and
only then ``--snapshot-update``.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from coach_support import AT, PAY_Q3, PAY_Q4, seed_history_store
from textual.pilot import Pilot
from tui_support import LANGS, SnapCompare, seeded_app, settle, then

from maturity.tui.screens.compare import CompareScreen
from maturity.tui.screens.portfolio import PortfolioScreen

pytestmark = pytest.mark.usefixtures("no_cursor_blink")

_app = partial(seeded_app, seed_history_store)


@pytest.mark.parametrize("lang", LANGS)
def test_trend(snap_compare: SnapCompare, store_path: Path, lang: str) -> None:
    step = then(lambda app: app.open_trend("Payments"))
    assert snap_compare(_app(store_path, lang), run_before=step)


def test_trend_wide(snap_compare: SnapCompare, store_path: Path) -> None:
    step = then(lambda app: app.open_trend("Payments"))
    assert snap_compare(_app(store_path, "en"), run_before=step, terminal_size=(120, 40))


@pytest.mark.parametrize("lang", LANGS)
def test_trend_of_one_assessment(snap_compare: SnapCompare, store_path: Path, lang: str) -> None:
    step = then(lambda app: app.open_trend("Search"))
    assert snap_compare(_app(store_path, lang), run_before=step)


@pytest.mark.parametrize("lang", LANGS)
def test_portfolio(snap_compare: SnapCompare, store_path: Path, lang: str) -> None:
    step = then(lambda app: app.push_screen(PortfolioScreen(at=AT)))
    assert snap_compare(_app(store_path, lang), run_before=step)


def test_portfolio_wide_sorted(snap_compare: SnapCompare, store_path: Path) -> None:
    """Sorted by a dimension, weakest first (set directly: the "sorted by" toast of the s key
    would make the picture depend on timing)."""

    async def run_before(pilot: Pilot[None]) -> None:
        await then(lambda app: app.push_screen(PortfolioScreen(at=AT)))(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, PortfolioScreen)
        screen.sort_key = "dim:automation"
        screen.refresh_view()
        await settle(pilot)

    assert snap_compare(_app(store_path, "en"), run_before=run_before, terminal_size=(120, 30))


@pytest.mark.parametrize("lang", LANGS)
def test_compare(snap_compare: SnapCompare, store_path: Path, lang: str) -> None:
    """Tall enough to show every section: scores, answers with notes, questions only one
    version asks, DORA metrics, practices done and new."""
    step = then(lambda app: app.push_screen(CompareScreen(PAY_Q3, PAY_Q4)))
    assert snap_compare(_app(store_path, lang), run_before=step, terminal_size=(80, 44))
