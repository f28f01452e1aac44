"""Pilot walkthroughs of the coach screens (issue 6), checked against the store and against
the same Workspace computations the command line prints: trend, portfolio, compare, and the
snapshot actions (complete, reopen with a recorded reason, new from previous)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from coach_support import AT, LEGACY, PAY_Q3, PAY_Q4, PAYMENTS, SEARCH, seed_history_store
from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static
from tui_support import notifications, press, reader, running, settle

from maturity.history import sort_portfolio
from maturity.model.terms import tier_name
from maturity.tui.screens.compare import CompareScreen
from maturity.tui.screens.dora import DoraScreen
from maturity.tui.screens.home import HomeScreen
from maturity.tui.screens.portfolio import PortfolioScreen
from maturity.tui.screens.question import QuestionScreen
from maturity.tui.screens.reopen import ReopenScreen
from maturity.tui.screens.results import ResultsScreen
from maturity.tui.screens.trend import TrendScreen
from maturity.tui.widgets.saved import SavedIndicator
from maturity.tui.widgets.trend_chart import TrendChart, segments, tick_indices


def plain(widget: Static, width: int = 100) -> str:
    """A Static's content as plain text, whitespace collapsed (wrapping does not matter)."""
    console = Console(width=width, record=True, color_system=None, file=io.StringIO())
    console.print(widget.content)
    return " ".join(console.export_text().split())


async def select_row(pilot: Pilot[None], assessment_id: str) -> None:
    """Put the home table's cursor on an assessment."""
    screen = pilot.app.screen
    assert isinstance(screen, HomeScreen)
    table = screen.query_one(DataTable)
    keys = [row.key.value for row in table.ordered_rows]
    table.move_cursor(row=keys.index(assessment_id))
    await settle(pilot)


# -- trend ------------------------------------------------------------------------------------


@pytest.mark.asyncio
@pytest.mark.slow
async def test_trend_screen_shows_the_workspace_trend(store_path: Path) -> None:
    ws = seed_history_store(store_path)
    expected = ws.trend("Payments", "en")
    async with running(store_path) as (app, pilot):
        await select_row(pilot, PAY_Q3)
        await press(pilot, "t")
        screen = app.screen
        assert isinstance(screen, TrendScreen)
        assert screen.trend == expected
        # the chart plots exactly the trend's points
        chart = screen.query_one(TrendChart)
        assert chart.data is not None
        assert chart.data.dates == [p.created[:10] for p in expected.points]
        assert chart.data.series == [
            [p.dimensions.get(d) for p in expected.points] for d in expected.dimensions
        ]
        assert (
            chart.data.tiers
            == [p.dora_tier for p in expected.points]
            == [
                "medium",
                "medium",
                "high",
            ]
        )
        # and the table under it lists the same points, oldest first, latest selected
        table = screen.query_one("#t-points", DataTable)
        assert [r.key.value for r in table.ordered_rows] == [PAY_Q3, PAY_Q4, PAYMENTS]
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        # tier names from the one catalogue of domain terms (maturity.model.terms)
        assert rows[0] == ["2025-09-01", "2.00", "1.50", "L1 1.75", tier_name("medium")]
        assert rows[1] == ["2025-12-01", "2.50", "2.50", "L2 2.50", tier_name("medium")]
        assert rows[2] == ["2026-03-02", "3.00", "–", "3.00", tier_name("high")]
        assert screen.selected_id() == PAYMENTS
        legend = str(screen.query_one("#t-legend", Static).render())
        assert "Culture +1.00" in legend and "Automation –" in legend
        # c compares the selected point with the one before it
        await press(pilot, "c")
        compare = app.screen
        assert isinstance(compare, CompareScreen)
        assert compare.comparison == ws.compare(PAY_Q4, PAYMENTS, "en")
        await press(pilot, "escape")
        # enter opens the results of the selected point
        table.move_cursor(row=0)
        await press(pilot, "enter")
        assert isinstance(app.screen, ResultsScreen)
        assert app.screen.assessment_id == PAY_Q3


@pytest.mark.asyncio
@pytest.mark.slow
async def test_trend_of_a_team_with_one_assessment_says_so_and_offers_the_next(
    store_path: Path,
) -> None:
    seed_history_store(store_path)
    async with running(store_path) as (app, pilot):
        await select_row(pilot, SEARCH)
        await press(pilot, "t")
        screen = app.screen
        assert isinstance(screen, TrendScreen)
        assert screen.trend is None and screen.single is not None
        assert not screen.query_one(TrendChart).display
        message = str(screen.query_one("#t-single", Static).render())
        assert "Search has one assessment so far (2026-03-05)" in message
        # f starts the next one from it, pre-filled
        await press(pilot, "f")
        question = app.screen
        assert isinstance(question, QuestionScreen)
        new_id = question.assessment_id
        store = reader(store_path)
        before, after = store.get(SEARCH), store.get(new_id)
        assert after.team == "Search" and after.id != SEARCH
        assert {q: a.level for q, a in after.answers.items()} == {
            q: a.level for q, a in before.answers.items()
        }
        assert after.events[-1].kind == "created-from" and SEARCH in after.events[-1].detail
        # back on the trend screen, the team now has a trend of two
        await press(pilot, "q")
        app.open_trend("search")
        await settle(pilot)
        trend_screen = app.screen
        assert isinstance(trend_screen, TrendScreen)
        assert trend_screen.trend is not None
        assert [p.id for p in trend_screen.trend.points] == [SEARCH, new_id]


@pytest.mark.asyncio
async def test_trend_of_an_unknown_team_is_a_notification(store_path: Path) -> None:
    seed_history_store(store_path)
    async with running(store_path) as (app, pilot):
        app.open_trend("Nobody")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert any("no team 'Nobody'" in m for m in notifications(app))


def test_chart_helpers_leave_gaps_and_spread_dates() -> None:
    assert segments([1.0, None, 2.0, 3.0, None]) == [[(1, 1.0)], [(3, 2.0), (4, 3.0)]]
    assert segments([None, None]) == []
    assert tick_indices(3, 78) == [0, 1, 2]
    ticks = tick_indices(50, 78)
    assert ticks[0] == 0 and ticks[-1] == 49 and len(ticks) == 78 // 12
    assert tick_indices(0, 78) == []


# -- portfolio --------------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_portfolio_rows_match_the_workspace_and_sort(store_path: Path) -> None:
    ws = seed_history_store(store_path)
    expected = ws.portfolio(AT, "en")
    async with running(store_path) as (app, pilot):
        app.push_screen(PortfolioScreen(at=AT))
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PortfolioScreen)
        assert screen.portfolio == expected
        table = screen.query_one("#p-table", DataTable)
        assert [r.key.value for r in table.ordered_rows] == [r.team for r in expected.rows]
        cells = {
            str(table.get_row_at(i)[0]): [str(c).strip() for c in table.get_row_at(i)]
            for i in range(table.row_count)
        }
        for r in expected.rows:
            row = cells[r.team]
            levels = [str(r.levels.get(d)) if r.levels.get(d) else "–" for d in expected.dimensions]
            assert row[1:3] == levels
            assert row[3] == (str(r.overall_level) if r.overall_level else "–")
            assert row[4] == tier_name(r.dora_tier)
            assert row[5].startswith(r.date[:10])
            assert row[5].endswith("stale") == r.stale
        assert [r.team for r in expected.rows if r.stale] == ["Legacy"]
        summary = str(screen.query_one("#p-summary", Static).render())
        assert "Organisation-wide weakest dimension: Automation (mean score 2.50)" in summary
        assert "1 team(s) last assessed more than six months ago" in summary
        # s: team -> culture (weakest first, teams without a level last)
        await press(pilot, "s")
        assert screen.sort_key == "dim:culture"
        order = [r.key.value for r in table.ordered_rows]
        assert order == [r.team for r in sort_portfolio(expected, "culture")]
        assert order == ["Legacy", "Payments", "Search", "Platform"]
        # the other direction; a team without a level stays last
        screen.sort_reverse = True
        screen.refresh_view()
        assert [r.key.value for r in table.ordered_rows] == [
            "Search",
            "Legacy",  # a tie with Payments (2.50): ties keep team order either way
            "Payments",
            "Platform",
        ]
        # enter on a team opens its trend
        table.move_cursor(row=2)  # Payments
        await press(pilot, "enter")
        assert isinstance(app.screen, TrendScreen)
        assert app.screen.team == "Payments"


@pytest.mark.asyncio
@pytest.mark.slow
async def test_portfolio_from_home_key_and_command_palette(store_path: Path) -> None:
    seed_history_store(store_path)
    async with running(store_path, lang="ko") as (app, pilot):
        await press(pilot, "p")
        assert isinstance(app.screen, PortfolioScreen)
        title = str(app.screen.query_one("#p-title", Static).render())
        assert "포트폴리오" in title and "팀 4개" in title
        await press(pilot, "escape")
        assert isinstance(app.screen, HomeScreen)
        await press(pilot, "ctrl+p")
        await pilot.press(*"포트폴리오")
        await pilot.pause(0.3)
        await press(pilot, "enter")
        assert isinstance(app.screen, PortfolioScreen)


@pytest.mark.asyncio
async def test_portfolio_of_an_empty_store(store_path: Path) -> None:
    async with running(store_path) as (app, pilot):
        await press(pilot, "p")
        screen = app.screen
        assert isinstance(screen, PortfolioScreen)
        assert not screen.query_one("#p-table").display
        assert "No teams yet" in str(screen.query_one("#p-intro", Static).render())
        await pilot.press("s", "t", "r")  # nothing to sort or open: ignored
        await settle(pilot)
        assert app.screen is screen


# -- compare ----------------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_compare_names_changes_notes_unmatched_dora_and_practices(
    store_path: Path,
) -> None:
    ws = seed_history_store(store_path)
    expected = ws.compare(PAY_Q3, PAY_Q4, "en")
    assert expected.only_in_a == ["automation.tests"]
    assert expected.only_in_b == ["automation.rollback"]
    async with running(store_path, size=(100, 60)) as (app, pilot):
        # mark the older one, compare from the newer one
        await select_row(pilot, PAY_Q4)
        await pilot.press("m")
        await select_row(pilot, PAY_Q3)
        await press(pilot, "c")
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert screen.comparison == expected
        text = plain(screen.query_one("#c-body", Static))
        for needed in (
            "Questionnaires: snap 1.0 → snap 1.1",
            "Automation 1.50 → 2.50 +1.00 L1 → L2 +1",
            "Changed answers: 2",
            "1 → 2 What happens after a production incident?",
            "note: – → template since May",
            "only in the first (snap 1.0) What runs before a change is merged?",
            "only in the second (snap 1.1) How is a bad release undone?",
            "DORA: Medium → Medium",
            "Deployment frequency monthly (Medium) → weekly (High)",
            "Recommendations now done (1)",
            "Script the deployment",
            "New recommendations (1)",
            "Canary releases with automatic rollback",
        ):
            assert needed in text, needed
        assert "snap.a2" not in text and "automation.tests" not in text


# -- snapshots: complete, reopen, new from previous ---------------------------------------------


@pytest.mark.asyncio
@pytest.mark.slow
async def test_complete_makes_questions_read_only_and_reopen_records_the_reason(
    store_path: Path,
) -> None:
    seed_history_store(store_path)
    async with running(store_path) as (app, pilot):
        await select_row(pilot, SEARCH)
        await press(pilot, "C")
        stored = reader(store_path).get(SEARCH)
        assert stored.status == "complete" and stored.events[-1].kind == "completed"
        assert any("is complete" in m for m in notifications(app))

        # the question screen says read-only and refuses answers and notes, without saving
        await press(pilot, "enter")
        question = app.screen
        assert isinstance(question, QuestionScreen)
        assert "complete · read-only" in str(question.query_one("#q-title", Static).render())
        level_before = question.answers["culture.postmortems"].level
        await press(pilot, "5", "e")
        assert isinstance(app.screen, QuestionScreen)  # no note dialog either
        assert question.answers["culture.postmortems"].level == level_before
        assert question.query_one(SavedIndicator).state != "failed"
        assert sum("read-only" in m for m in notifications(app)) >= 2
        assert reader(store_path).get(SEARCH).answers == stored.answers

        # reopen from home: a reason is required, then recorded
        await press(pilot, "q")
        await press(pilot, "C")
        dialog = app.screen
        assert isinstance(dialog, ReopenScreen)
        await press(pilot, "enter")
        assert app.screen is dialog and dialog.query_one("#reopen-error").display
        assert reader(store_path).get(SEARCH).status == "complete"
        await press(pilot, *"DORA numbers arrived late", "enter")
        assert isinstance(app.screen, HomeScreen)
        reopened = reader(store_path).get(SEARCH)
        assert reopened.status == "in_progress"
        assert (reopened.events[-1].kind, reopened.events[-1].detail) == (
            "reopened",
            "DORA numbers arrived late",
        )
        # and answers are taken again
        await press(pilot, "enter")
        await press(pilot, "5")
        assert reader(store_path).get(SEARCH).answers["culture.postmortems"].level == 5


@pytest.mark.asyncio
@pytest.mark.slow
async def test_reopen_from_results_unlocks_the_question_screen_below(store_path: Path) -> None:
    ws = seed_history_store(store_path)
    ws.complete(PAYMENTS)
    async with running(store_path) as (app, pilot):
        app.open_questions(PAYMENTS, "culture.postmortems")
        await settle(pilot)
        question = app.screen
        assert isinstance(question, QuestionScreen) and question.read_only
        await press(pilot, "r")
        results = app.screen
        assert isinstance(results, ResultsScreen)
        footer_keys = {b.binding.action for b in results.active_bindings.values()}
        assert "reopen" in footer_keys and "complete" not in footer_keys
        palette = {action for _, _, action in results.palette_commands()}
        assert "reopen" in palette and "complete" not in palette
        await press(pilot, "C")
        assert isinstance(app.screen, ReopenScreen)
        await press(pilot, *"typo in a note", "enter")
        assert reader(store_path).get(PAYMENTS).status == "in_progress"
        assert "read-only" not in str(results.query_one("#r-title", Static).render())
        await press(pilot, "escape")
        assert app.screen is question and not question.read_only  # type: ignore[comparison-overlap]
        await press(pilot, "4")
        assert reader(store_path).get(PAYMENTS).answers["culture.postmortems"].level == 4


@pytest.mark.asyncio
async def test_complete_from_results_and_the_dora_screen_is_read_only(store_path: Path) -> None:
    seed_history_store(store_path)
    async with running(store_path) as (app, pilot):
        app.open_results(PAYMENTS)
        await settle(pilot)
        await press(pilot, "C")
        assert reader(store_path).get(PAYMENTS).status == "complete"
        assert "complete · read-only" in str(app.screen.query_one("#r-title", Static).render())
        await press(pilot, "d")
        dora_screen = app.screen
        assert isinstance(dora_screen, DoraScreen)
        field = dora_screen.query_one("#in-deployment_frequency", Input)
        assert field.disabled
        field.value = "daily"  # even a value set programmatically is never saved
        await press(pilot, "escape")
        assert reader(store_path).get(PAYMENTS).dora.deployment_frequency == "2/week"


@pytest.mark.asyncio
async def test_new_from_previous_starts_the_next_quarter_pre_filled(store_path: Path) -> None:
    seed_history_store(store_path)
    async with running(store_path) as (app, pilot):
        await select_row(pilot, PAY_Q4)
        await press(pilot, "f")
        question = app.screen
        assert isinstance(question, QuestionScreen)
        store = reader(store_path)
        previous, new = store.get(PAY_Q4), store.get(question.assessment_id)
        assert new.team == "Payments" and new.status == "in_progress"
        assert new.questionnaire == previous.questionnaire
        assert {q: (a.level, a.note) for q, a in new.answers.items()} == {
            q: (a.level, a.note) for q, a in previous.answers.items()
        }
        assert new.dora.model_dump() == previous.dora.model_dump()
        assert any("4 answers pre-filled" in m for m in notifications(app))
        # the team now has four assessments, the new one latest
        summaries = store.list("Payments")
        assert len(summaries) == 4 and summaries[0].id == new.id


@pytest.mark.asyncio
async def test_snapshot_refusals_are_notifications(store_path: Path) -> None:
    seed_history_store(store_path)
    async with running(store_path) as (app, pilot):
        await select_row(pilot, LEGACY)
        home = app.screen
        assert isinstance(home, HomeScreen)
        # already complete: the palette action says so instead of failing
        home.action_complete()
        await settle(pilot)
        assert any("already complete" in m for m in notifications(app))
        await select_row(pilot, SEARCH)
        home.action_reopen()
        await settle(pilot)
        assert any("nothing to reopen" in m for m in notifications(app))
        # the assessment vanished meanwhile (another process deleted it)
        reader(store_path).delete(SEARCH)
        await press(pilot, "C")
        assert any(
            "no assessment" in m.lower() or "not found" in m.lower() for m in notifications(app)
        )
        assert isinstance(app.screen, HomeScreen)


@pytest.mark.asyncio
async def test_new_from_a_version_1_assessment_moves_to_2_and_says_so(store_path: Path) -> None:
    """f on a calms 1.0.0 assessment: the next one uses 2.0.0 and the notice names the change."""
    from conftest import DATA

    from maturity import questionnaire as qmod
    from maturity.cli import main

    assert (
        main(["--store", str(store_path), "import", str(DATA / "assessment-calms-1.0.0.json")]) == 0
    )
    old_id = reader(store_path).list()[0].id
    async with running(store_path) as (app, pilot):
        await select_row(pilot, old_id)
        await press(pilot, "f")
        question = app.screen
        assert isinstance(question, QuestionScreen)
        new = reader(store_path).get(question.assessment_id)
        assert new.questionnaire.version == qmod.builtin("calms").version == "2.0.0"
        assert any("Moved to calms 2.0.0: 8 re-anchored" in m for m in notifications(app))
