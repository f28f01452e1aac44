"""Issue 10 item 7: every screen shows names, notes and votes typed by people as plain text.

Before: a team named ``x[/]`` raised MarkupError on the home screen (the store could not be
opened at all), a note ``[WIP] canary`` showed as " canary" and a team ``[@click=app.quit]``
became a live action. The walk below opens every screen of the facilitator's app and the
participant's app on a store full of such text and checks, screen by screen, that the app is
still running and shows the text literally."""

from __future__ import annotations

import asyncio
import html
import re
import tempfile
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.app import App
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Input, Static
from tui_support import notifications, press, settle

from maturity import questionnaire as qmod
from maturity.model.assessment import Answer, Assessment, QuestionnaireRef
from maturity.safetext import terminal_safe
from maturity.store import open_store
from maturity.tui.app import MaturityApp
from maturity.tui.participant import ParticipantApp, VoteScreen
from maturity.tui.screens.compare import CompareScreen
from maturity.tui.screens.confirm import ConfirmScreen
from maturity.tui.screens.dora import DoraScreen
from maturity.tui.screens.help import HelpScreen
from maturity.tui.screens.home import HomeScreen
from maturity.tui.screens.new_assessment import NewAssessmentScreen
from maturity.tui.screens.note import NoteScreen
from maturity.tui.screens.portfolio import PortfolioScreen
from maturity.tui.screens.question import QuestionScreen
from maturity.tui.screens.results import ResultsScreen
from maturity.tui.screens.team import TeamQuestionScreen
from maturity.tui.screens.trend import TrendScreen
from maturity.workspace import Workspace

DATA = Path(__file__).parent.parent / "data"
TEAM = "x[/] [@click=app.quit]"  # both bugs at once: MarkupError and a live action
OTHER = "[b]Bold[/b] \x1b[31mred\u202eevil"  # markup, an ESC sequence, a bidi override
NOTE = "[WIP] canary [/] [link=https://evil.example]x[/link]"
VOTER = "[i]Rita[/i]"
OLD, NEW = "a0a0a0a0a0a0", "b0b0b0b0b0b0"


def screen_text(app: App[object]) -> str:
    """What the terminal shows, as text (from Textual's own screenshot)."""
    svg = app.export_screenshot()
    rows: dict[float, list[str]] = defaultdict(list)
    for m in re.finditer(r'<text[^>]*?\by="([\d.]+)"[^>]*>(.*?)</text>', svg, re.S):
        rows[float(m.group(1))].append(html.unescape(re.sub("<[^>]+>", "", m.group(2))))
    return "\n".join("".join(rows[y]) for y in sorted(rows)).replace("\xa0", " ")


def seed(path: Path) -> Workspace:
    loaded = qmod.load_file(DATA / "tui-snap.yaml")
    ws = Workspace(open_store(path))
    ref = QuestionnaireRef(id=loaded.id, version=loaded.version)
    at = datetime(2026, 3, 2, 10, tzinfo=UTC)
    for aid, day in ((OLD, 2), (NEW, 9)):
        when = at.replace(day=day)
        ws.import_document(
            Assessment(
                id=aid,
                team=TEAM,
                created=when,
                updated=when,
                facilitator="[red]Mina[/red]",
                participants=[VOTER, "\x1b]0;title\x07Joon"],
                questionnaire=ref,
                answers={
                    "culture.postmortems": Answer(
                        level=2 if aid == OLD else 4, note=NOTE, updated=when, votes={VOTER: 4}
                    ),
                    "culture.ownership": Answer(level=3, updated=when),
                },
            ),
            loaded,
        )
    other = ws.create(OTHER, loaded)
    ws.answer(other.id, "culture.postmortems", 3, note="\x1b[2J" + NOTE)
    return ws


def shows(app: App[Any], *expected: str) -> str:
    """The app still runs (no MarkupError, no quit action fired) and shows ``expected``."""
    assert app.is_running, "the app stopped"
    text = screen_text(app)
    for item in expected:
        assert item in text, f"{item!r} not shown literally in:\n{text}"
    assert "\x1b" not in text and "\u202e" not in text
    return text


@pytest.mark.asyncio
async def test_every_screen_shows_hostile_text_literally(store_path: Path) -> None:
    seed(store_path).store.close()
    app = MaturityApp(store_path, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)  # before: MarkupError, the app exited
        shows(app, TEAM, "[b]Bold[/b] \\x1b[31mred\\u202eevil")
        await go_to_team_row(pilot, app)

        await press(pilot, "r")  # results
        assert isinstance(app.screen, ResultsScreen)
        shows(app, TEAM)
        await press(pilot, "escape")

        await press(pilot, "enter")  # the questions, at the one with the note
        assert isinstance(app.screen, QuestionScreen)
        app.screen.jump_to("culture.postmortems")
        await settle(pilot)
        shows(app, TEAM, "Note: [WIP] canary [/] [link=https://evil.example]x[/link]")
        await press(pilot, "e")  # the note dialog
        assert isinstance(app.screen, NoteScreen)
        shows(app, "What happens after a production incident?")
        await press(pilot, "escape")

        await press(pilot, "v")  # team mode: the vote panel names the voter
        assert isinstance(app.screen, TeamQuestionScreen)
        shows(app, TEAM)
        await press(pilot, "d")  # DORA
        assert isinstance(app.screen, DoraScreen)
        shows(app, TEAM)
        await press(pilot, "escape")
        await press(pilot, "q")  # home

        await go_to_team_row(pilot, app)
        await press(pilot, "m")  # mark, then compare with the other assessment of the team
        assert any(TEAM in n for n in notifications(app))
        await pilot.press("down" if app.screen.selected_id() == OLD else "up")
        await press(pilot, "c")
        assert isinstance(app.screen, CompareScreen)
        shows(app, TEAM, "[WIP] canary")
        await press(pilot, "escape")

        await go_to_team_row(pilot, app)
        await press(pilot, "t")  # trend
        assert isinstance(app.screen, TrendScreen)
        shows(app, TEAM)
        await press(pilot, "escape")

        await press(pilot, "p")  # portfolio
        assert isinstance(app.screen, PortfolioScreen)
        shows(app, "x[/] [@click=")
        await press(pilot, "escape")

        await go_to_team_row(pilot, app)
        await press(pilot, "D")  # delete: the confirmation names the team; keep it
        assert isinstance(app.screen, ConfirmScreen)
        shows(app, TEAM)
        await press(pilot, "escape")

        await press(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        await press(pilot, "escape")

        await press(pilot, "n")  # new assessment: the team name suggestions, a hostile name
        assert isinstance(app.screen, NewAssessmentScreen)
        await pilot.press(*"[@click=app.quit]")
        await settle(pilot)
        shows(app, "[@click=app.quit]")
        await press(pilot, "escape")  # a filled form asks before it is discarded
        assert isinstance(app.screen, ConfirmScreen)
        await press(pilot, "y")
        assert isinstance(app.screen, HomeScreen)
        shows(app, TEAM)


async def go_to_team_row(pilot: Pilot[None], app: MaturityApp) -> None:
    screen = app.screen
    assert isinstance(screen, HomeScreen)
    rows = screen.visible_rows()
    table = screen.query_one("#assessments")
    table.move_cursor(row=next(i for i, r in enumerate(rows) if r.id == NEW))  # type: ignore[attr-defined]
    await settle(pilot)


@pytest.mark.asyncio
async def test_participant_screens_show_hostile_text_literally(store_path: Path) -> None:
    ws = seed(store_path)
    ws.follow(NEW, "culture.postmortems")
    ws.store.close()
    name = "[@click=app.quit] Ana"
    app = ParticipantApp(store_path, assessment_id=NEW, name=name, lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        for _ in range(20):  # the vote screen polls the store
            if isinstance(app.screen, VoteScreen) and app.screen.state is not None:
                break
            await pilot.pause(0.1)
        assert isinstance(app.screen, VoteScreen)
        shows(app, TEAM, name)
        await press(pilot, "3")
        shows(app, TEAM, name)


@pytest.mark.slow
@settings(
    max_examples=4,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    team=st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=60).filter(
        str.strip
    ),
    note=st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=200),
)
def test_any_team_and_note_in_the_tui(team: str, note: str) -> None:
    """Arbitrary unicode as a team name and a note: home, results and the question screen
    open, nothing fires, and the note is shown as typed (control characters as escapes)."""

    async def walk(store: Path) -> None:
        app = MaturityApp(store, lang="en")
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, HomeScreen)
            shows(app)
            await press(pilot, "r")
            assert isinstance(app.screen, ResultsScreen)
            shows(app)
            await press(pilot, "escape", "enter")
            assert isinstance(app.screen, QuestionScreen)
            app.screen.jump_to("culture.postmortems")
            await settle(pilot)
            shown = app.screen.query_one("#q-status", Static).render()
            assert isinstance(shown, Content)
            assert terminal_safe(stored) in shown.plain  # one line: a line feed shows as \n
            title = app.screen.query_one("#q-title", Static).render()
            assert isinstance(title, Content) and terminal_safe(team.strip()) in title.plain
            shows(app)

    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "s.db"
        ws = Workspace(open_store(store))
        a = ws.create(team, qmod.load_file(DATA / "tui-snap.yaml"))
        ws.answer(a.id, "culture.postmortems", 3, note=note)
        stored = ws.get(a.id).answers["culture.postmortems"].note
        ws.store.close()
        asyncio.run(walk(store))


@pytest.mark.asyncio
async def test_editing_a_note_with_escape_sequences_writes_none_to_the_terminal(
    store_path: Path,
) -> None:
    """Textual's Input draws its value raw: editing a note that holds ESC sequences wrote them
    to the facilitator's terminal. The editor shows stand-ins and keeps the note as it was."""
    note = "\x1b]0;owned\x07\x1b[2J keep me \u202e"
    ws = seed(store_path)
    ws.answer(NEW, "culture.ownership", 3, note=note)
    ws.store.close()
    app = MaturityApp(store_path, lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.open_questions(NEW, "culture.ownership")
        await settle(pilot)
        await press(pilot, "e")
        assert isinstance(app.screen, NoteScreen)
        field = app.screen.query_one("#note-input", Input)
        assert field.value == note  # the value is untouched ...
        drawn = "".join(segment.text for segment in field.render_line(0))
        assert "\x1b" not in drawn and "\x07" not in drawn and "\u202e" not in drawn
        assert "␛]0;owned␇␛[2J keep me" in drawn  # ... and drawn with visible stand-ins
        await press(pilot, "enter")  # saving it unchanged keeps it byte for byte
    stored = Workspace(open_store(store_path, create=False)).get(NEW)
    assert stored.answers["culture.ownership"].note == note.strip()
