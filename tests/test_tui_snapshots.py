"""Snapshot tests (pytest-textual-snapshot) for the main screens, in English and Korean.

The store is seeded with fixed ids and times on a small bilingual questionnaire
(tests/data/tui-snap.yaml), so the pictures change only when the TUI does. After a deliberate
change: run ``uv run pytest tests/test_tui_snapshots.py``, look at snapshot_report.html, and
only then ``--snapshot-update``.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from tui_support import LANGS, PAYMENTS, SnapCompare, seed_snapshot_store, seeded_app, then

from maturity.tui.app import MaturityApp
from maturity.workspace import Workspace

pytestmark = pytest.mark.usefixtures("no_cursor_blink", "frozen_today")

_app = partial(seeded_app, seed_snapshot_store)


@pytest.mark.parametrize("lang", LANGS)
def test_home(snap_compare: SnapCompare, store_path: Path, lang: str) -> None:
    assert snap_compare(_app(store_path, lang), run_before=then(lambda app: None))


@pytest.mark.parametrize("lang", LANGS)
def test_question(snap_compare: SnapCompare, store_path: Path, lang: str) -> None:
    step = then(lambda app: app.open_questions(PAYMENTS, "culture.postmortems"))
    assert snap_compare(_app(store_path, lang), run_before=step)


def test_question_wide_with_sidebar_and_help(snap_compare: SnapCompare, store_path: Path) -> None:
    step = then(lambda app: app.open_questions(PAYMENTS, "culture.postmortems"))
    assert snap_compare(
        _app(store_path, "en"), run_before=step, press=["h"], terminal_size=(120, 32)
    )


@pytest.mark.parametrize("lang", LANGS)
def test_dora(snap_compare: SnapCompare, store_path: Path, lang: str) -> None:
    assert snap_compare(
        _app(store_path, lang), run_before=then(lambda app: app.open_dora(PAYMENTS))
    )


@pytest.mark.parametrize("lang", LANGS)
def test_results(snap_compare: SnapCompare, store_path: Path, lang: str) -> None:
    step = then(lambda app: app.open_results(PAYMENTS))
    assert snap_compare(_app(store_path, lang), run_before=step)


@pytest.mark.parametrize("lang", LANGS)
def test_help(snap_compare: SnapCompare, store_path: Path, lang: str) -> None:
    step = then(lambda app: app.action_show_keys())
    assert snap_compare(_app(store_path, lang), run_before=step)


@pytest.mark.parametrize("lang", LANGS)
def test_welcome_on_first_run(snap_compare: SnapCompare, store_path: Path, lang: str) -> None:
    assert snap_compare(MaturityApp(store_path, lang=lang), run_before=then(lambda app: None))


def _seed_with_plan(path: Path) -> Workspace:
    """The snapshot store, Payments with targets and two actions (one overdue on 2026-03-10)."""
    from datetime import date

    ws = seed_snapshot_store(path)
    ws.set_targets(PAYMENTS, {"culture": 4}, date(2026, 9, 30), today=date(2026, 3, 10))
    ws.add_action(PAYMENTS, None, practice="snap.c4", owner="Mina", due=date(2026, 3, 1),
                  today=date(2026, 2, 1))  # fmt: skip
    ws.add_action(PAYMENTS, "Rehearse a rollback", owner="정민", due=date(2026, 4, 30),
                  today=date(2026, 3, 10))  # fmt: skip
    return ws


@pytest.mark.parametrize("lang", LANGS)
def test_plan(snap_compare: SnapCompare, store_path: Path, lang: str) -> None:
    app = seeded_app(_seed_with_plan, store_path, lang)
    assert snap_compare(app, run_before=then(lambda app: app.open_plan(PAYMENTS)))
