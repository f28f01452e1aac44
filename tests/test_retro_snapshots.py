"""Snapshots of the room view (the facilitator's team vote screen) at 80x24 and 100x30, in
English and Korean, dark and light: voting (one vote in, the join hint shown once, the one-line
panel) and revealed (every vote, the median to record, "last time")."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from tui_support import PAYMENTS, SnapCompare, seed_snapshot_store, settle

from maturity.tui.app import DARK, LIGHT, MaturityApp
from maturity.tui.screens.team import TeamQuestionScreen

pytestmark = pytest.mark.usefixtures("no_cursor_blink", "polls_on_demand")

FIRST = "culture.postmortems"  # answered 2 before: shown as "last time: 2"


def room(store_path: Path, lang: str, theme: str, *, revealed: bool) -> MaturityApp:
    ws = seed_snapshot_store(store_path)
    ws.cast_vote(PAYMENTS, FIRST, "Joon", 3)
    if revealed:
        ws.cast_vote(PAYMENTS, FIRST, "Ana", 4)
        ws.cast_vote(PAYMENTS, FIRST, "Mina", 4)
        ws.reveal(PAYMENTS, FIRST)
    ws.store.close()
    return MaturityApp(store_path, lang=lang, theme=theme)


async def open_room(pilot: Pilot[None]) -> None:
    await settle(pilot)
    app = pilot.app
    assert isinstance(app, MaturityApp)
    app.open_team(PAYMENTS, FIRST)
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, TeamQuestionScreen)
    screen.poll()
    await settle(pilot)


@pytest.mark.parametrize(
    ("size", "lang", "theme"),
    [
        ((80, 24), "en", DARK),
        ((80, 24), "ko", LIGHT),
        ((100, 30), "en", LIGHT),
        ((100, 30), "ko", DARK),
    ],
)
def test_room_voting(
    snap_compare: SnapCompare, store_path: Path, size: tuple[int, int], lang: str, theme: str
) -> None:
    app = room(store_path, lang, theme, revealed=False)
    assert snap_compare(app, run_before=open_room, terminal_size=size)


@pytest.mark.parametrize(
    ("size", "lang", "theme"), [((80, 24), "en", LIGHT), ((100, 30), "ko", DARK)]
)
def test_room_revealed(
    snap_compare: SnapCompare, store_path: Path, size: tuple[int, int], lang: str, theme: str
) -> None:
    app = room(store_path, lang, theme, revealed=True)
    assert snap_compare(app, run_before=open_room, terminal_size=size)
