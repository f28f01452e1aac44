"""The Plan screen and the opening review of "new from previous", driven with Pilot at 80x24."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, OptionList, Static
from tui_support import notifications, press, reader, running, settle

from maturity import questionnaire as qmod
from maturity.store import open_store
from maturity.tui.screens.home import HomeScreen
from maturity.tui.screens.plan import PlanScreen
from maturity.tui.screens.plan_forms import ActionForm, DropForm, TargetsForm
from maturity.tui.screens.question import QuestionScreen
from maturity.tui.screens.results import ResultsScreen
from maturity.tui.screens.review import ReviewScreen
from maturity.workspace import Workspace

DATA = Path(__file__).parent / "data"
MINI = qmod.load_file(DATA / "mini.yaml")
ANSWERS = {"alpha.one": 2, "alpha.two": 1, "alpha.three": 3, "beta.one": 2, "beta.two": 3}


def seed(path: Path) -> str:
    ws = Workspace(open_store(path, create=True))
    a = ws.create("Mini", MINI)
    for qid, level in ANSWERS.items():
        ws.answer(a.id, qid, level)
    ws.set_targets(a.id, {"alpha": 4, "beta": 3}, date(2099, 6, 30))
    ws.store.close()
    return a.id


def table_rows(screen: PlanScreen | ReviewScreen, selector: str) -> list[list[str]]:
    table = screen.query_one(selector, DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def open_plan(app: object, pilot: object, aid: str) -> PlanScreen:
    app.open_plan(aid)  # type: ignore[attr-defined]
    await settle(pilot)  # type: ignore[arg-type]
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, PlanScreen)
    return screen


@pytest.mark.asyncio
async def test_plan_screen_adds_from_roadmap_edits_and_filters(store_path: Path) -> None:
    aid = seed(store_path)
    async with running(store_path) as (app, pilot):
        screen = await open_plan(app, pilot, aid)
        targets = str(screen.query_one("#p-targets", Static).render())
        assert "Alpha: today 2 → target 4 by 2099-06-30  2 to go" in targets
        roadmap = screen.query_one("#p-roadmap", OptionList)
        ids = [roadmap.get_option_at_index(i).id for i in range(roadmap.option_count)]
        assert [i for i in ids if i] == ["alpha.p3b", "alpha.p3a", "alpha.p4", "beta.p3"]
        # one key adopts the highlighted practice
        roadmap.focus()
        roadmap.highlighted = ids.index("alpha.p3a")
        await press(pilot, "a")
        stored = reader(store_path).get(aid).actions
        assert [(x.practice, x.title, x.status) for x in stored] == [
            ("alpha.p3a", "Alpha to 3 via one", "todo")
        ]
        assert table_rows(screen, "#p-actions") == [["todo", "–", "–", "Alpha to 3 via one"]]
        # the roadmap now says it was adopted
        label = str(roadmap.get_option_at_index(ids.index("alpha.p3a")).prompt)
        assert "action: todo" in label
        # a second, own action through the form
        await press(pilot, "n")
        form = app.screen
        assert isinstance(form, ActionForm)
        form.query_one("#action-title", Input).value = "Write the runbook"
        form.query_one("#action-owner", Input).value = "Ana"
        form.query_one("#action-due", Input).value = "1999-01-01"  # in the past: refused
        form.query_one("#action-title", Input).focus()
        await press(pilot, "enter")
        assert app.screen is form  # still open, nothing lost
        assert "in the past" in str(form.query_one(".field-error", Static).render())
        form.query_one("#action-due", Input).value = "2099-01-31"
        await press(pilot, "enter")
        assert isinstance(app.screen, PlanScreen)
        stored = reader(store_path).get(aid).actions
        assert [(x.title, x.owner, str(x.due)) for x in stored][1] == (
            "Write the runbook",
            "Ana",
            "2099-01-31",
        )
        # done on the first row, drop (with a reason) on the second
        table = screen.query_one("#p-actions", DataTable)
        table.focus()
        table.move_cursor(row=0)
        await press(pilot, "d")
        table.move_cursor(row=1)
        await press(pilot, "x")
        drop = app.screen
        assert isinstance(drop, DropForm)
        drop.query_one("#drop-reason", Input).value = "the wiki has one"
        await press(pilot, "enter")
        stored = reader(store_path).get(aid).actions
        assert [(x.status, x.reason) for x in stored] == [
            ("done", ""),
            ("dropped", "the wiki has one"),
        ]
        # filters: status cycles all -> open -> todo -> doing -> done; owner cycles names
        await press(pilot, "s")
        assert table_rows(screen, "#p-actions") == []
        await press(pilot, "s", "s", "s")
        assert [r[3] for r in table_rows(screen, "#p-actions")] == ["Alpha to 3 via one"]
        await press(pilot, "s", "s")  # dropped, then all again
        assert len(table_rows(screen, "#p-actions")) == 2
        await press(pilot, "o", "o")  # "" (no owner) sorts first, then Ana
        assert [r[2] for r in table_rows(screen, "#p-actions")] == ["Ana"]


@pytest.mark.asyncio
async def test_targets_set_from_the_results_screen(store_path: Path) -> None:
    aid = seed(store_path)
    async with running(store_path) as (app, pilot):
        app.open_results(aid)
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        assert "Alpha: today 2 → target 4" in str(
            app.screen.query_one("#r-targets", Static).render()
        )
        await press(pilot, "t")
        form = app.screen
        assert isinstance(form, TargetsForm)
        form.query_one("#target-alpha", Input).value = "1"  # below today: refused in place
        await press(pilot, "enter")
        assert app.screen is form and "below today's level 2" in str(
            form.query_one(".field-error", Static).render()
        )
        form.query_one("#target-alpha", Input).value = "3"
        await press(pilot, "enter")
        assert isinstance(app.screen, ResultsScreen)
        targets = reader(store_path).get(aid).targets
        assert [(t.dimension, t.level) for t in targets] == [("alpha", 3), ("beta", 3)]


@pytest.mark.asyncio
async def test_complete_assessment_plan_is_read_only(store_path: Path) -> None:
    aid = seed(store_path)
    ws = Workspace(open_store(store_path))
    ws.complete(aid)
    ws.store.close()
    async with running(store_path) as (app, pilot):
        screen = await open_plan(app, pilot, aid)
        screen.query_one("#p-roadmap", OptionList).focus()
        await press(pilot, "a")
        assert reader(store_path).get(aid).actions == []
        assert any("read-only" in m for m in notifications(app))


@pytest.mark.asyncio
async def test_new_from_previous_opens_with_the_review(store_path: Path) -> None:
    aid = seed(store_path)
    ws = Workspace(open_store(store_path))
    done = ws.add_action(aid, "Finished thing")
    carried = ws.add_action(aid, "Still going", owner="Ana")
    dropped = ws.add_action(aid, "Not worth it")
    ws.complete(aid)
    ws.store.close()
    async with running(store_path) as (app, pilot):
        home = app.screen
        assert isinstance(home, HomeScreen)
        await press(pilot, "f")
        review = app.screen
        assert isinstance(review, ReviewScreen)
        rows = table_rows(review, "#rv-actions")
        assert [r[0] for r in rows] == ["carry over"] * 3  # carry is the default
        assert [r[3] for r in rows] == ["Finished thing", "Still going", "Not worth it"]
        await press(pilot, "d")  # first row done; the cursor moves on
        await press(pilot, "c")  # second carried
        await press(pilot, "x")  # third dropped
        assert [r[0] for r in table_rows(review, "#rv-actions")] == ["done", "carry over", "drop"]
        assert len(reader(store_path).list()) == 1  # nothing written before Enter
        await press(pilot, "enter")
        assert isinstance(app.screen, QuestionScreen)
        store = reader(store_path)
        new = store.get(app.screen.assessment_id)
        old = {x.id: x for x in store.get(aid).actions}
        assert old[done.id].status == "done"
        assert old[dropped.id].status == "dropped"
        assert [(x.title, x.carried_from) for x in new.actions] == [("Still going", carried.id)]
        assert old[carried.id].carried_to == new.actions[0].id


@pytest.mark.asyncio
async def test_review_cancel_creates_nothing(store_path: Path) -> None:
    aid = seed(store_path)
    ws = Workspace(open_store(store_path))
    ws.add_action(aid, "Open")
    ws.store.close()
    async with running(store_path) as (app, pilot):
        await press(pilot, "f")
        assert isinstance(app.screen, ReviewScreen)
        await press(pilot, "escape")
        assert isinstance(app.screen, HomeScreen)
        assert len(reader(store_path).list()) == 1
        assert reader(store_path).get(aid).actions[0].carried_to is None


@pytest.mark.asyncio
async def test_trend_and_portfolio_show_the_share_of_actions_done(store_path: Path) -> None:
    aid = seed(store_path)
    ws = Workspace(open_store(store_path))
    one = ws.add_action(aid, "One")
    ws.add_action(aid, "Two")
    ws.update_action(one.id, status="done")
    ws.create_from(aid)  # Two is carried: counted once, in the new assessment's quarter
    quarter = ws.get(aid).created
    ws.store.close()
    q = f"{quarter.year}-Q{(quarter.month - 1) // 3 + 1}"
    async with running(store_path) as (app, pilot):
        app.open_trend("Mini")
        await settle(pilot)
        text = str(app.screen.query_one("#t-actions-done", Static).render())
        assert f"Actions done: {q} 1/2 (50%)" in text
        app.open_portfolio()
        await settle(pilot)
        text = str(app.screen.query_one("#p-actions-done", Static).render())
        assert f"Mini {q} 1/2 (50%)" in text


@pytest.mark.asyncio
async def test_compare_screen_shows_what_the_done_actions_moved(store_path: Path) -> None:
    aid = seed(store_path)
    ws = Workspace(open_store(store_path))
    act = ws.add_action(aid, None, practice="alpha.p3b")
    ws.update_action(act.id, status="done")
    b = ws.create_from(aid)
    ws.answer(b.id, "alpha.two", 3)
    ws.store.close()
    async with running(store_path, size=(100, 60)) as (app, pilot):
        from maturity.tui.screens.compare import CompareScreen

        app.push_screen(CompareScreen(aid, b.id))
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        import io

        from rich.console import Console

        console = Console(width=100, record=True, color_system=None, file=io.StringIO())
        console.print(app.screen.query_one("#c-body", Static).content)
        text = " ".join(console.export_text().split())
        assert "Actions done between the two (1)" in text
        assert "alpha.two: 1 → 3" in text and "Alpha: 2.00 → 2.50" in text


@pytest.mark.asyncio
async def test_plan_screen_shows_markup_like_text_literally(store_path: Path) -> None:
    aid = seed(store_path)
    ws = Workspace(open_store(store_path))
    ws.add_action(aid, "[b]x[/] [@click=app.quit]", owner="x[/]")
    ws.store.close()
    async with running(store_path) as (app, pilot):
        screen = await open_plan(app, pilot, aid)
        assert table_rows(screen, "#p-actions") == [
            ["todo", "–", "x[/]", "[b]x[/] [@click=app.quit]"]
        ]
        await press(pilot, "o")  # the owner filter names the owner as text too
        assert "x[/]" in str(screen.query_one("#p-filter", Static).render())
