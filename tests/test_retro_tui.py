"""The retrospective flow (issue 16): a facilitator app and participant apps on one store.

Like tests/test_team_tui.py, nothing here waits for the polling timers: the tests ask a
screen to read the store now and let the workers settle.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console
from test_team_tui import MINI, Q1, Q2, facilitate, refresh, seed, text
from textual.widgets import OptionList, Static
from tui_support import notifications, press, reader, settle

from maturity.model.assessment import Answer
from maturity.store import open_store
from maturity.tui.app import MaturityApp
from maturity.tui.i18n import t
from maturity.tui.participant import JoinScreen, ParticipantApp, VoteScreen
from maturity.tui.screens.confirm import ConfirmScreen
from maturity.tui.screens.question import QuestionScreen
from maturity.tui.screens.team import TeamQuestionScreen
from maturity.workspace import Workspace

pytestmark = [pytest.mark.asyncio, pytest.mark.usefixtures("polls_on_demand")]


def seed_previous(store_path: Path, people: tuple[str, ...]) -> str:
    """An assessment whose every question already has an answer (as after "new from last")."""
    ws = Workspace(open_store(store_path))
    answers = {qid: Answer(level=3) for qid in MINI.questionnaire.question_ids()}
    aid = ws.create("Payments", MINI, participants=people, answers=answers).id
    ws.store.close()
    return aid


async def test_enter_after_a_reveal_records_the_median_not_the_old_answer(
    store_path: Path,
) -> None:
    """Item 2: the team voted 4,4,4,3 on a question answered 3 before; enter records 4, the 3
    is shown as "last time", and participants see no "Team answer" until it is recorded."""
    aid = seed_previous(store_path, ("Mina", "Joon", "Ana", "Bo"))
    fac = MaturityApp(store_path, lang="en")
    mina = ParticipantApp(store_path, assessment_id=aid, name="Mina", lang="en")
    async with fac.run_test(size=(100, 40)) as f, mina.run_test(size=(80, 30)) as m:
        team = await facilitate(f, aid)
        await refresh(f)
        assert "last time: 3" in text(fac, "#team-votes")
        await refresh(m)
        await press(m, "4")
        await refresh(f)
        await press(f, *"443")  # Joon, Ana, Bo in the room
        await refresh(f)
        await press(f, "r")
        await refresh(f)
        panel = text(fac, "#team-votes")
        assert "Median 4" in panel and "last time: 3" in panel and "enter records" in panel
        assert "Team answer" not in panel
        await refresh(m)
        panel = text(mina, "#p-votes")
        assert "Team answer" not in panel and "last time: 3" in panel
        # the footers changed with the reveal: digits now record, nobody can vote any more
        fac_keys = {b.binding.description for b in fac.screen.active_bindings.values()}
        assert "Record" in fac_keys and "Vote" not in fac_keys and "Reveal" not in fac_keys
        p_keys = {b.binding.description for b in mina.screen.active_bindings.values()}
        assert "Vote" not in p_keys and "Withdraw vote" not in p_keys

        await press(f, "enter")
        saved = reader(store_path).get(aid).answers[Q1]
        assert saved.level == 4 and saved.votes == {"Mina": 4, "Joon": 4, "Ana": 4, "Bo": 3}
        assert "✓ Q1 recorded: 4 Managed" in text(fac, "#q-position")
        assert team.question_id == Q2
        # the participant sees the decision once it is recorded
        state = reader(store_path).team_state(aid, Q1, "Mina")
        assert state.answered and state.answer == 4 and not state.previous


async def test_typed_votes_skip_joined_participants(store_path: Path) -> None:
    """Item 3: Joon joined from his laptop and has not voted; a digit typed by the facilitator
    goes to Ana (in the room), never to Joon, and Joon's own vote is not overwritten."""
    aid = seed(store_path, people=("Joon", "Ana", "Bo"))
    fac = MaturityApp(store_path, lang="en")
    joon = ParticipantApp(store_path, assessment_id=aid, name="Joon", lang="en")
    async with fac.run_test(size=(100, 40)) as f, joon.run_test(size=(80, 30)) as j:
        team = await facilitate(f, aid)
        await refresh(j)
        assert isinstance(joon.screen, VoteScreen)
        await refresh(f)
        assert team.state is not None and team.state.joined == ("Joon",)
        assert team.next_name() == "Ana"
        await press(f, "2")
        await refresh(f)
        assert reader(store_path).team_state(aid, Q1, "Ana").mine == 2
        assert not reader(store_path).team_state(aid, Q1, "Joon").voted
        # an explicit name: n picks Bo for the next digit
        await press(f, "n")
        picker = fac.screen.query_one("#pick-names", OptionList)
        assert [str(picker.get_option_at_index(i).prompt) for i in range(picker.option_count)] == [
            "Ana",
            "Bo",
        ]  # Joon votes himself: not offered
        await press(f, "down", "enter")
        assert "next typed vote: Bo" in text(fac, "#team-votes")
        await press(f, "5")
        await refresh(f)
        await press(j, "4")
        await refresh(f)
        votes = reader(store_path).reveal(aid, Q1).votes
        assert votes == {"Ana": 2, "Bo": 5, "Joon": 4}


async def test_names_match_ignoring_case_and_spaces(store_path: Path) -> None:
    """Item 4: ``join --as " joon "`` next to "Joon" is Joon: one voter, no false discuss."""
    aid = seed(store_path, people=("Joon", "Ana"))
    fac = MaturityApp(store_path, lang="en")
    lower = ParticipantApp(store_path, assessment_id=aid, name=" joon ", lang="en")
    async with fac.run_test(size=(100, 40)) as f, lower.run_test(size=(80, 30)) as j:
        await facilitate(f, aid)
        await refresh(j)
        assert isinstance(lower.screen, VoteScreen) and lower.screen.voter.name == "Joon"
        await press(j, "4")
        ws = reader(store_path)
        ws.cast_vote(aid, Q1, "JOON", 4)  # typed in caps by someone else: the same person
        assert ws.get(aid).participants == ["Joon", "Ana"]
        assert reader(store_path).reveal(aid, Q1).votes == {"Joon": 4}


async def test_participant_picks_their_name_from_the_list(store_path: Path) -> None:
    """Item 4: without --as, a participant picks their name from the assessment's list."""
    aid = seed(store_path, people=("Mina", "Joon"))
    app = ParticipantApp(store_path, assessment_id=aid, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, JoinScreen)
        people = app.screen.query_one("#join-people", OptionList)
        assert people.display and people.option_count == 2
        await press(pilot, "down", "enter")
        assert isinstance(app.screen, VoteScreen) and app.screen.voter.name == "Joon"


async def test_participants_see_the_facilitator_leave_and_picker_lists_live_only(
    store_path: Path,
) -> None:
    """Item 8: when the facilitator leaves, participants say so; a session whose facilitator
    stopped beating is not offered in the join picker."""
    aid = seed(store_path, people=("Mina",))
    fac = MaturityApp(store_path, lang="en")
    mina = ParticipantApp(store_path, assessment_id=aid, name="Mina", lang="en")
    async with fac.run_test(size=(100, 40)) as f, mina.run_test(size=(80, 30)) as m:
        await facilitate(f, aid)
        await refresh(m)
        assert "One?" in text(mina, "#p-text")
        assert [s.assessment_id for s in reader(store_path).live_sessions()] == [aid]
        await press(f, "v")  # back to solo: the session pauses
        await refresh(m)
        assert "The facilitator has left" in text(mina, "#p-text")
    # a crashed facilitator: the session row is left behind with an old heartbeat
    ws = reader(store_path)
    ws.follow(aid, Q1)
    with ws.store._c() as conn:  # type: ignore[attr-defined]
        conn.execute("UPDATE sessions SET heartbeat = '2020-01-01T00:00:00.000Z'")
    assert reader(store_path).live_sessions() == []
    state = reader(store_path).team_state(aid)
    assert state.current_question == Q1 and not state.facilitator_live


async def test_team_mode_is_kept_with_the_assessment(store_path: Path) -> None:
    """Item 5: v switches to team mode and the assessment reopens in it; the badge says so."""
    aid = seed(store_path, people=("Mina",))
    app = MaturityApp(store_path, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await facilitate(pilot, aid)
        assert "team vote" in text(app, "#q-title")
        assert reader(store_path).get(aid).mode == "team"
        assert "v" in {k for k, b in app.screen.active_bindings.items() if b.binding.show}
        await press(pilot, "escape")
        app.open_questions(aid)
        await settle(pilot)
        assert isinstance(app.screen, TeamQuestionScreen)
        await press(pilot, "v")
        assert type(app.screen) is QuestionScreen
        assert reader(store_path).get(aid).mode == "solo"


async def test_an_answer_can_be_cleared(store_path: Path) -> None:
    aid = seed(store_path)
    app = MaturityApp(store_path, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_questions(aid)
        await settle(pilot)
        await press(pilot, "3", "b")
        assert Q1 in reader(store_path).get(aid).answers
        await press(pilot, "delete")
        assert Q1 not in reader(store_path).get(aid).answers
        assert "Q1: answer cleared" in notifications(app)


async def test_a_burst_of_digits_in_solo_mode_asks_first(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Item 5: six votes typed in solo mode would answer six questions: it asks; "no" takes
    the whole burst back. (The gap that makes digits one burst is widened: on a loaded test
    machine Pilot's key presses can land further apart than a person types.)"""
    from maturity.tui.screens import question as question_screen

    monkeypatch.setattr(question_screen, "BURST_GAP_S", 2.0)
    aid = seed(store_path)
    app = MaturityApp(store_path, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_questions(aid)
        await settle(pilot)
        await pilot.press(*"443443")
        await pilot.pause(1.0)  # the burst is over once the typing stops
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        message = str(app.screen.query_one("#confirm-message", Static).render())
        assert "6 digits" in message and "3 more" in message
        await press(pilot, "n")
        assert reader(store_path).get(aid).answers == {}
        assert app.screen.current is not None and app.screen.current[1].id == Q1  # type: ignore[attr-defined]


async def test_escape_during_a_vote_asks(store_path: Path) -> None:
    aid = seed(store_path, people=("Mina", "Joon"))
    app = MaturityApp(store_path, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await facilitate(pilot, aid)
        await refresh(pilot)
        await press(pilot, "3")
        await refresh(pilot)
        await press(pilot, "escape")
        assert isinstance(app.screen, ConfirmScreen)
        await press(pilot, "n")
        assert isinstance(app.screen, TeamQuestionScreen)


async def test_auto_reveal_once_everyone_voted(store_path: Path) -> None:
    aid = seed(store_path, people=("Mina", "Joon"))
    app = MaturityApp(store_path, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        team = await facilitate(pilot, aid)
        await refresh(pilot)
        await press(pilot, "a", "3")
        await refresh(pilot)
        assert team.state is not None and not team.state.revealed
        await press(pilot, "4")
        await refresh(pilot)
        await refresh(pilot)
        assert team.state is not None and team.state.revealed
        assert "Median 3" in text(app, "#team-votes")


async def test_dora_tab_moves_fields_and_escape_asks_about_an_invalid_value(
    store_path: Path,
) -> None:
    """Item 10: Tab goes to the next field (the Quick Check answers have ctrl+o); Escape with
    an invalid value asks and "no" keeps it; no "press d" toast on the DORA screen."""
    from maturity.tui.screens.dora import DoraScreen

    aid = seed(store_path)
    app = MaturityApp(store_path, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_questions(aid)
        await settle(pilot)
        for _ in MINI.questionnaire.question_ids():  # every question: DORA opens by itself
            await press(pilot, "3")
            await pilot.pause(0.4)  # one answer at a time (not a burst)
        assert isinstance(app.screen, DoraScreen)
        assert not any("Press d" in n for n in notifications(app))
        screen = app.screen
        assert screen.focused is not None and screen.focused.id == "in-deployment_frequency"
        await press(pilot, "tab")
        assert screen.focused is not None and screen.focused.id == "in-lead_time"
        await press(pilot, *"3x")
        await pilot.pause(0.6)
        await settle(pilot)
        await press(pilot, "escape")
        assert isinstance(app.screen, ConfirmScreen)
        await press(pilot, "n")
        assert app.screen is screen and screen.query_one("#in-lead_time").has_focus
        assert screen.values["lead_time"] == "3x"  # kept, not thrown away
        await press(pilot, "ctrl+o")
        assert screen.focused is not None and screen.focused.id == "buckets"


async def test_results_scroll_from_the_top_with_texts_arrows_and_reviewed_count(
    store_path: Path,
) -> None:
    """Item 9: the results start at the top with the page focused (PageDown reaches the
    roadmap), held-back questions show their text, and after "new from previous" each
    dimension has a change arrow and the overall line says how many were reviewed."""
    from textual.containers import VerticalScroll

    from maturity.tui.screens.results import ResultsScreen

    ws = Workspace(open_store(store_path))
    ids = MINI.questionnaire.question_ids()
    first = ws.create("Payments", MINI, answers={q: Answer(level=2) for q in ids})
    second = ws.create_from(first.id)
    ws.answer(second.id, Q1, 4)  # reviewed and raised: alpha goes up
    ws.store.close()
    app = MaturityApp(store_path, lang="en")
    async with app.run_test(size=(80, 14)) as pilot:  # a short screen: the page scrolls
        await settle(pilot)
        app.open_results(second.id)
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ResultsScreen)
        main = screen.query_one("#r-main", VerticalScroll)
        assert main.has_focus and main.scroll_y == 0
        overall = text(app, "#r-overall")
        assert f"reviewed 1/{len(ids)}" in overall
        assert screen.results is not None and screen.loaded is not None
        console = Console(width=78, record=True, file=io.StringIO())
        console.print(screen._dimensions(screen.results, screen.loaded.questionnaire))
        dims = console.export_text()
        alpha = next(line for line in dims.splitlines() if line.startswith("Alpha"))
        beta = next(line for line in dims.splitlines() if line.startswith("Beta"))
        assert "▲" in alpha and "=" in beta
        assert "Two? (2)" in dims  # a question's text, not its id "two"
        await press(pilot, "pagedown")
        assert main.scroll_y > 0


async def test_new_form_counts_suggests_new_from_last_and_asks_on_escape(
    store_path: Path,
) -> None:
    """Item 11: question counts per questionnaire, "new from last" when the team exists
    (ctrl+l starts from its answers), Escape on a filled form asks."""
    from textual.widgets import Input, Select

    from maturity import questionnaire as qmod
    from maturity.tui.screens.new_assessment import NewAssessmentScreen

    aid = seed_previous(store_path, ("Mina",))
    app = MaturityApp(store_path, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "n")
        screen = app.screen
        assert isinstance(screen, NewAssessmentScreen)
        labels = [str(label) for label, _ in screen._questionnaire_options()]
        for qid in qmod.builtin_ids():
            n = len(qmod.builtin(qid).questionnaire.question_ids())
            assert any(f"({qid}, {n} questions)" in label for label in labels), labels
        assert screen.query_one("#questionnaire", Select).value is not None
        await press(pilot, *" payments")
        hint = screen.query_one("#from-last", Static)
        assert hint.display and "Payments already has an assessment" in str(hint.render())
        await press(pilot, "escape")
        assert isinstance(app.screen, ConfirmScreen)
        await press(pilot, "n")
        assert isinstance(app.screen, NewAssessmentScreen)  # kept, with what was typed
        assert app.screen.query_one("#team", Input).value == " payments"
        await press(pilot, "ctrl+l")
        new = [s for s in reader(store_path).list() if s.id != aid]
        assert len(new) == 1 and new[0].answered == len(MINI.questionnaire.question_ids())
        assert reader(store_path).get(new[0].id).events[0].kind == "created-from"


async def test_summary_copies_and_saves_markdown(
    store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Item 12: the summary screen copies the Markdown (clipboard) and saves it to a .md file;
    without an exported PDF it says how to export one."""
    from maturity.tui.screens.results import ResultsScreen
    from maturity.tui.screens.summary import SummaryScreen

    monkeypatch.chdir(tmp_path)
    aid = seed_previous(store_path, ("Mina",))
    Workspace(open_store(store_path)).answer(aid, Q2, 3, note="deploys wait for Bo")
    app = MaturityApp(store_path, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.open_results(aid)
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        await press(pilot, "m")
        assert isinstance(app.screen, SummaryScreen)
        await press(pilot, "c")
        assert app.clipboard.startswith("# Retro summary: Payments")
        assert "- **Two?** deploys wait for Bo" in app.clipboard
        await press(pilot, "s")
        await settle(pilot)
        saved = tmp_path / "maturity-payments-summary.md"
        assert saved.read_text(encoding="utf-8") == app.clipboard
        await press(pilot, "o")
        assert any("No PDF exported yet" in n for n in notifications(app))


async def test_help_lists_each_key_once() -> None:
    """Item 14: "1-5" once (not "1-5 2 3 4 5"), and one row per key on each screen."""
    from maturity.tui.screens.help import binding_rows

    for cls in (QuestionScreen, TeamQuestionScreen):
        rows = binding_rows(list(cls.BINDINGS), "en")
        keys = [k for k, _ in rows]
        assert len(keys) == len(set(keys)), keys
        assert "1-5" in keys and not any(k.startswith("1-5 ") for k in keys)
    team = dict(binding_rows(list(TeamQuestionScreen.BINDINGS), "en"))
    assert team["1-5"] == "Vote / Record"


async def test_session_clock_and_pacing(store_path: Path) -> None:
    """Item 11: "Q2/5 · 45 min left", and "behind" once the time box runs short."""
    aid = seed(store_path)
    app = MaturityApp(store_path, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_questions(aid)
        await settle(pilot)
        await press(pilot, "3")
        total = len(MINI.questionnaire.question_ids())
        clock = text(app, "#q-clock")
        assert f"Q2/{total} · 45 min left" in clock and "behind" not in clock
        app.timebox_min = 1
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        screen.session_start -= 50  # 50 s for one question: 4 more need 200 s > 10 s left
        screen.refresh_clock()
        assert "behind — switch to quick?" in text(app, "#q-clock")


async def test_skipped_questions_come_back_once_and_resume_continues_where_it_stopped(
    store_path: Path,
) -> None:
    """Found walking scenario 1: after the last question the skipped ones come back one after
    the other (not the answered questions after them, which team mode would record again), and
    a resumed session continues after the last answer, not at the first skipped question."""
    from maturity.tui.screens.dora import DoraScreen

    aid = seed(store_path)
    ids = MINI.questionnaire.question_ids()
    assert len(ids) == 5
    app = MaturityApp(store_path, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_questions(aid)
        await settle(pilot)
        for key in ("3", "right", "3"):  # Q2 skipped
            await press(pilot, key)
            await pilot.pause(0.4)
        await press(pilot, "escape")
        app.open_questions(aid)  # resume: at Q4 (after the last answer), not at Q2
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, QuestionScreen) and screen.current is not None
        assert screen.current[1].id == ids[3]
        for key in ("right", "3"):  # Q4 skipped, Q5 answered: back to Q2
            await press(pilot, key)
            await pilot.pause(0.4)
        assert screen.current[1].id == ids[1]
        await press(pilot, "4")
        await pilot.pause(0.4)
        assert screen.current[1].id == ids[3]  # the next skipped one, not Q3 (answered)
        await press(pilot, "2")
        assert isinstance(app.screen, DoraScreen)
    answers = reader(store_path).get(aid).answers
    assert {q: answers[q].level for q in ids} == {
        ids[0]: 3,
        ids[1]: 4,
        ids[2]: 3,
        ids[3]: 2,
        ids[4]: 3,
    }


async def test_wrapped_disagreement_lines_keep_their_indent(store_path: Path) -> None:
    """Item 14: a long question in "where the team disagreed" wraps under its text."""
    from maturity.tui.widgets.votes import disagreement_text

    ws = Workspace(open_store(store_path))
    aid = ws.create("Payments", MINI, participants=["Ana", "Bo"]).id
    ws.cast_vote(aid, Q1, "Ana", 1)
    ws.cast_vote(aid, Q1, "Bo", 5)
    ws.record_team_answer(aid, Q1)
    block = disagreement_text(ws.results(aid).disagreement, MINI.questionnaire, "en")
    assert block is not None
    console = Console(width=40, record=True, file=io.StringIO())
    console.print(block)
    lines = console.export_text().splitlines()
    start = next(i for i, line in enumerate(lines) if "⚠ 4" in line)
    indent = lines[start].index("One?")
    wrapped = lines[start + 1]
    assert wrapped.strip() and len(wrapped) - len(wrapped.lstrip()) == indent, lines


async def test_home_status_fits_at_80_and_portfolio_headers_are_whole(store_path: Path) -> None:
    """Item 14: a long team name no longer pushes the Status column off an 80-column home
    screen; the portfolio's Team header is not cut over short team names at 160 columns."""
    from rich.cells import cell_len
    from textual.widgets import DataTable

    ws = Workspace(open_store(store_path))
    ws.create("Payments Platform Reliability Engineering", MINI)
    ws.create("Ops", MINI)
    ws.store.close()
    short = store_path.with_name("short.db")  # only short team names: "Team ▲" is the widest
    other = Workspace(open_store(short))
    other.create("Ops", MINI)
    other.create("QA", MINI)
    other.store.close()
    for lang in ("en", "ko"):
        app = MaturityApp(store_path, lang=lang)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            table = app.screen.query_one("#assessments", DataTable)
            widths = [c.get_render_width(table) for c in table.columns.values()]
            assert sum(widths) <= 80 - 2, widths
            status = list(table.columns.values())[-1]
            assert status.get_render_width(table) - 2 >= max(
                cell_len(t("status.in_progress", lang)), cell_len(str(status.label))
            )
        app = MaturityApp(short, lang=lang)
        async with app.run_test(size=(160, 45)) as pilot:
            await settle(pilot)
            app.open_portfolio()
            await settle(pilot)
            table = app.screen.query_one("#p-table", DataTable)
            for column in table.columns.values():
                assert column.get_render_width(table) - 2 >= cell_len(str(column.label)), column


async def test_reviewed_count_during_a_new_from_last_session(store_path: Path) -> None:
    """Item 9: while the team goes through the answers carried over from last time, the clock
    says how many it has reviewed."""
    ws = Workspace(open_store(store_path))
    ids = MINI.questionnaire.question_ids()
    first = ws.create("Payments", MINI, answers={q: Answer(level=2) for q in ids})
    second = ws.create_from(first.id)
    ws.store.close()
    app = MaturityApp(store_path, lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_questions(second.id)
        await settle(pilot)
        assert f"reviewed 0/{len(ids)}" in text(app, "#q-clock")
        await press(pilot, "3")
        await pilot.pause(0.4)
        await press(pilot, "2")  # the same as last time still counts as reviewed
        assert f"reviewed 2/{len(ids)}" in text(app, "#q-clock")
