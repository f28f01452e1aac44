"""Team mode with Pilot: one facilitator app and two participant apps on one store.

The apps poll the store on a timer; the tests do not wait for it (no timing in assertions):
they ask a screen to read the store now (``poll()``) and let the workers settle, and the
timers are pushed out of the way (``polls_on_demand``), except in the test marked
``timed_polls``, where only the real timer can bring a vote to the facilitator's screen.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import Input, Static
from tui_support import press, reader, settle

from maturity import questionnaire as qmod
from maturity.store import open_store
from maturity.tui.app import MaturityApp
from maturity.tui.participant import JoinScreen, ParticipantApp, VoteScreen
from maturity.tui.screens.confirm import ConfirmScreen
from maturity.tui.screens.question import QuestionScreen
from maturity.tui.screens.results import ResultsScreen
from maturity.tui.screens.team import TeamQuestionScreen
from maturity.workspace import Workspace

pytestmark = [pytest.mark.asyncio, pytest.mark.usefixtures("polls_on_demand")]

DATA = Path(__file__).parent / "data"
MINI = qmod.load_file(DATA / "mini.yaml")
Q1, Q2, Q3 = "alpha.one", "alpha.two", "alpha.three"


def seed(store_path: Path | str, *, anonymous: bool = False, people: tuple[str, ...] = ()) -> str:
    ws = Workspace(open_store(store_path))
    aid = ws.create("Payments", MINI, participants=people, anonymous=anonymous).id
    ws.store.close()
    return aid


def text(app: MaturityApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def facilitate(pilot: Pilot[None], aid: str) -> TeamQuestionScreen:
    """Open the assessment and switch its question screen to team mode (``v``)."""
    app = pilot.app
    assert isinstance(app, MaturityApp)
    await settle(pilot)
    app.open_questions(aid)
    await settle(pilot)
    assert isinstance(app.screen, QuestionScreen)
    await press(pilot, "v")
    screen = app.screen
    assert isinstance(screen, TeamQuestionScreen)
    return screen


async def refresh(pilot: Pilot[None]) -> None:
    """Read the store now (what the timer does every 0.3 s) and let the view catch up."""
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, VoteScreen | TeamQuestionScreen)
    screen.poll()
    await settle(pilot)


async def test_facilitator_and_two_participants(store_url: str) -> None:
    aid = seed(store_url, people=("Mina", "Joon", "Ana"))
    fac = MaturityApp(store_url, lang="en")
    mina = ParticipantApp(store_url, assessment_id=aid, name="Mina", lang="en")
    joon = ParticipantApp(store_url, assessment_id=aid, name="Joon", lang="en")
    async with (
        fac.run_test(size=(100, 40)) as f,
        mina.run_test(size=(80, 30)) as m,
        joon.run_test(size=(80, 30)) as j,
    ):
        team = await facilitate(f, aid)
        assert team.question_id == Q1
        # both participants follow the facilitator's current question
        for pilot, app in ((m, mina), (j, joon)):
            await refresh(pilot)
            assert isinstance(app.screen, VoteScreen)
            assert app.screen.state is not None and app.screen.state.question_id == Q1
            assert "One?" in text(app, "#p-text")

        await press(m, "2")
        await press(j, "5")
        await m.press("3")  # Mina changes her mind before the reveal
        await settle(m)
        assert reader(store_url).team_state(aid, Q1, "Mina").mine == 3

        # before the reveal: counts only, nobody's value anywhere
        await refresh(j)
        panel = text(joon, "#p-votes")
        assert "Your vote: 5" in panel and "2 voted so far" in panel
        assert "Mina" not in panel and "3" not in panel
        vote_screen = joon.screen
        assert isinstance(vote_screen, VoteScreen)
        assert vote_screen.state is not None and vote_screen.state.votes is None
        await refresh(f)
        panel = text(fac, "#team-votes")
        # one line: the count against the list, who is still missing, whose vote a digit is
        assert panel == "2/3 voted · waiting: Ana · typed → Ana", panel
        assert "Median" not in panel and team.state is not None and team.state.votes is None

        # one keyboard: the facilitator types Ana's vote (the next participant without one)
        assert team.next_name() == "Ana"
        await f.press("4")
        await refresh(f)
        assert text(fac, "#team-votes").startswith("3/3 voted")

        # the reveal shows every vote, the median and the spread, everywhere
        await f.press("r")
        await refresh(f)
        panel = text(fac, "#team-votes")
        for line in ("3 ██ 1  Mina", "4 ██ 1  Ana", "5 ██ 1  Joon", "Median 4 · spread 2"):
            assert line in panel, panel
        assert "DISCUSS" in panel
        for pilot, app in ((m, mina), (j, joon)):
            await refresh(pilot)
            panel = text(app, "#p-votes")
            assert "Mina" in panel and "Joon" in panel and "Ana" in panel
            assert "Median 4 · spread 2" in panel and "revealed" in panel
        # votes are locked now
        await press(m, "1")
        assert reader(store_url).team_state(aid, Q1).votes == {"Mina": 3, "Joon": 5, "Ana": 4}

        # enter records the median (the highlighted option) and moves everyone on
        await press(f, "e")
        await press(f, *"two camps", "enter")
        await press(f, "enter")
        saved = reader(store_url).get(aid).answers[Q1]
        assert (saved.level, saved.note) == (4, "two camps")
        assert saved.votes == {"Mina": 3, "Joon": 5, "Ana": 4}
        assert team.question_id == Q2
        for pilot, app in ((m, mina), (j, joon)):
            await refresh(pilot)
            assert isinstance(app.screen, VoteScreen)
            assert app.screen.state is not None and app.screen.state.question_id == Q2
            assert "Two?" in text(app, "#p-text")
            assert "not voted yet" in text(app, "#p-votes")

        # an agreed question: no "discuss"; a digit after the reveal records another level
        await press(m, "4")
        await press(j, "4")
        await refresh(f)
        await press(f, "r")  # 2 of 3 voted: the facilitator is asked first
        assert isinstance(fac.screen, ConfirmScreen)
        assert "Reveal with 2 of 3 votes?" in str(
            fac.screen.query_one("#confirm-message", Static).render()
        )
        await press(f, "y")
        await refresh(f)
        panel = text(fac, "#team-votes")
        assert "Median 4 · spread 0" in panel and "DISCUSS" not in panel
        await press(f, "3")
        saved = reader(store_url).get(aid).answers[Q2]
        assert (saved.level, saved.votes) == (3, {"Mina": 4, "Joon": 4})

    results = reader(store_url).results(aid)
    assert results.disagreement is not None
    assert [(q.question, q.spread) for q in results.disagreement.questions] == [(Q1, 2), (Q2, 0)]
    # leaving team mode pauses the session: participants wait instead of following
    assert reader(store_url).live_sessions() == []


async def test_anonymous_vote_shows_only_the_distribution(store_path: Path) -> None:
    aid = seed(store_path, anonymous=True)
    fac = MaturityApp(store_path, lang="en")
    one = ParticipantApp(store_path, assessment_id=aid, name="Quentin Secretname", lang="en")
    two = ParticipantApp(store_path, assessment_id=aid, lang="en")
    async with (
        fac.run_test(size=(100, 40)) as f,
        one.run_test(size=(80, 30)) as p1,
        two.run_test(size=(80, 30)) as p2,
    ):
        team = await facilitate(f, aid)
        for pilot, app in ((p1, one), (p2, two)):
            await refresh(pilot)
            assert isinstance(app.screen, VoteScreen)  # no name asked in anonymous mode
            assert "anonymous vote" in text(app, "#p-who")
        await press(p1, "1")
        await press(p2, "4")
        await p1.press("2")  # changed: the process still finds its own vote
        await settle(p1)
        await refresh(f)
        panel = text(fac, "#team-votes")
        assert "2 voted" in panel and "✓" not in panel
        await f.press("r")
        await refresh(f)
        panel = text(fac, "#team-votes")
        assert "2 ██ 1" in panel and "4 ██ 1" in panel and "#0" not in panel
        await f.press("enter")  # median of 2 and 4 is 3
        await settle(f)
        assert team.question_id == Q2
        # one keyboard, anonymous: each typed digit is a separate unnamed vote
        await refresh(f)
        await f.press(*"354", "backspace")
        await refresh(f)
        assert "2 voted" in text(fac, "#team-votes")
        await f.press("r")
        await refresh(f)
        assert reader(store_path).team_state(aid, Q2).votes == {"#01": 3, "#02": 5}
    a = reader(store_path).get(aid)
    assert a.participants == []
    assert a.answers[Q1].level == 3 and a.answers[Q1].votes == {"#01": 2, "#02": 4}
    raw = b"".join(p.read_bytes() for p in store_path.parent.glob(store_path.name + "*"))
    assert b"Quentin" not in raw and b"Secretname" not in raw


async def test_single_screen_votes_in_participant_order(store_url: str) -> None:
    aid = seed(store_url, people=("Mina", "Joon", "Ana", "Bo", "Cy"))
    app = MaturityApp(store_url, lang="en")
    async with app.run_test(size=(100, 40)) as pilot:
        team = await facilitate(pilot, aid)
        await refresh(pilot)
        await pilot.press(*"34435")
        await refresh(pilot)
        assert reader(store_url).reveal(aid, Q1).votes == {
            "Mina": 3,
            "Joon": 4,
            "Ana": 4,
            "Bo": 3,
            "Cy": 5,
        }
        # oops: reset, then a wrong key, undo it, the right one
        await press(pilot, "x")  # clears every vote: asks first
        assert isinstance(app.screen, ConfirmScreen)
        assert "Clear all 5 votes" in str(app.screen.query_one("#confirm-message", Static).render())
        await press(pilot, "y")
        await refresh(pilot)
        assert team.state is not None and not team.state.revealed and team.state.count == 0
        await pilot.press(*"3443", "1", "backspace", "5")
        await refresh(pilot)
        await pilot.press("r")
        await refresh(pilot)
        panel = text(app, "#team-votes")
        assert "Median 4 · spread 2" in panel and "DISCUSS" in panel and "Cy" in panel
        await press(pilot, "enter")
        saved = reader(store_url).get(aid).answers[Q1]
        assert saved.level == 4 and saved.votes["Cy"] == 5 and len(saved.votes) == 5

        # the results screen lists the disagreement next to the levels
        await press(pilot, "R")
        assert isinstance(app.screen, ResultsScreen)
        console = Console(width=98, record=True, file=io.StringIO())
        console.print(app.screen.query_one("#r-disagreement", Static).content)
        block = console.export_text()
        assert "Where the team disagreed" in block and "spread 2" in block
        assert "One?" in block


async def test_join_without_an_id_picks_an_open_vote_and_asks_a_name(store_url: str) -> None:
    aid = seed(store_url)
    fac = MaturityApp(store_url, lang="en")
    guest = ParticipantApp(store_url, lang="en")
    async with fac.run_test(size=(100, 40)) as f, guest.run_test(size=(80, 30)) as g:
        await settle(g)
        assert isinstance(guest.screen, JoinScreen)
        assert "No team vote is open" in text(guest, "#join-sessions-label")
        await facilitate(f, aid)
        guest.screen.load_sessions()
        await settle(g)
        assert "Open team votes" in text(guest, "#join-sessions-label")
        await g.press("enter")  # the one open vote
        await settle(g)
        name = guest.screen.query_one("#join-name", Input)
        assert name.display and name.has_focus
        await g.press("enter")  # a name is required
        await settle(g)
        assert "name is required" in text(guest, "#join-error")
        await press(g, *"Dana", "enter")
        assert isinstance(guest.screen, VoteScreen)
        await refresh(g)
        await press(g, "5")
    ws = reader(store_url)
    assert ws.team_state(aid, Q1, "Dana").mine == 5
    assert ws.get(aid).participants == ["Dana"]


async def test_new_assessment_form_offers_anonymous_votes(store_path: Path) -> None:
    from textual.widgets import Checkbox

    from maturity.tui.screens.new_assessment import NewAssessmentScreen

    app = MaturityApp(store_path, lang="en")
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "n")
        assert isinstance(app.screen, NewAssessmentScreen)
        await pilot.press(*"Search")
        box = app.screen.query_one("#anonymous", Checkbox)
        assert not box.value and "Anonymous" in str(box.label)
        await pilot.click("#anonymous")
        await settle(pilot)
        assert box.value
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, QuestionScreen)
        aid = app.screen.assessment_id
    assert reader(store_path).get(aid).anonymous is True


async def test_on_postgresql_votes_arrive_by_notify_and_joins_show_at_once(
    pg_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No polling: the safety poll is pushed out of reach, so only NOTIFY can bring the vote
    (and a participant joining) to the facilitator's screen."""
    import asyncio

    from conftest import drop_schema, pg_schema_url

    from maturity.store import migrate
    from maturity.tui import live

    monkeypatch.setattr(live, "SAFETY_POLL_S", 3600.0)
    schema, url = pg_schema_url(pg_database)
    try:
        migrate(url, say=lambda _line: None)
        aid = seed(url, people=("Mina", "정민"))
        fac = MaturityApp(url, lang="en")
        async with fac.run_test(size=(100, 40)) as f:
            team = await facilitate(f, aid)
            await settle(f)
            minjung = ParticipantApp(url, assessment_id=aid, name="정민", lang="en")
            async with minjung.run_test(size=(80, 30)) as m:
                await settle(m)
                for _ in range(60):
                    await asyncio.sleep(0.05)
                    await f.pause()
                    if team.state is not None and "정민" in team.state.joined:
                        break
                assert team.state is not None and team.state.joined == ("정민",)
                reader(url).cast_vote(aid, Q1, "Mina", 4)  # another machine votes
                for _ in range(60):
                    await asyncio.sleep(0.05)
                    await f.pause()
                    if "1/2 voted" in text(fac, "#team-votes"):
                        break
                assert "1/2 voted · waiting: 정민" in text(fac, "#team-votes")
    finally:
        drop_schema(pg_database, schema)


@pytest.mark.timed_polls
async def test_the_facilitator_screen_reads_votes_on_its_own_timer(store_path: Path) -> None:
    """The timer the user runs on SQLite (no NOTIFY): a vote cast by another process reaches
    the facilitator's screen without the test asking for a read."""
    import asyncio

    aid = seed(store_path, people=("Mina", "Joon"))
    app = MaturityApp(store_path, lang="en")
    async with app.run_test(size=(100, 40)) as pilot:
        team = await facilitate(pilot, aid)
        assert "0/2 voted" in text(app, "#team-votes")
        reader(store_path).cast_vote(aid, Q1, "Mina", 4)  # another machine votes
        for _ in range(100):  # a bound, not a timing: the poll comes every POLL_S
            await asyncio.sleep(0.05)
            await pilot.pause()
            if "1/2 voted" in text(app, "#team-votes"):
                break
        assert "1/2 voted · waiting: Joon" in text(app, "#team-votes")
        assert team.state is not None and team.state.count == 1
