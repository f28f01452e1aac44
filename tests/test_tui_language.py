"""The Korean TUI words the core's errors in Korean, without command-line flags (issue 12, item 3).

The command line keeps its English messages (tests/test_cli.py compares them); here the same
errors reach a screen in Korean through their codes.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Static
from tui_support import PAYMENTS, SEARCH, notifications, press, running, seed_snapshot_store, settle

from maturity.tui.screens.dora import DoraScreen
from maturity.tui.screens.measure import MeasureScreen
from maturity.tui.screens.note import NoteScreen
from maturity.tui.screens.question import QuestionScreen

pytestmark = pytest.mark.asyncio


def _korean(text: str) -> bool:
    return any("\uac00" <= c <= "\ud7a3" for c in text)


async def test_a_store_that_is_not_sqlite_is_refused_in_korean(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.txt"
    bogus.write_text("this is not SQLite\n", encoding="utf-8")
    async with running(bogus, lang="ko") as (app, pilot):
        expected = f"저장소 {bogus}: SQLite 데이터베이스가 아니므로 건드리지 않았습니다"
        assert app.store_error == expected
        assert expected in notifications(app)
        assert not any("--" in m for m in notifications(app))
        welcome = str(app.screen.query_one("#welcome", Static).render())
        assert "SQLite 데이터베이스가 아니므로" in welcome and "not a SQLite" not in welcome
        await press(pilot, "f2")  # to English: the message on home follows
        assert app.store_error == f"store {bogus}: not a SQLite database; refusing to touch it"
        welcome = str(app.screen.query_one("#welcome", Static).render())
        assert "not a SQLite database" in welcome


async def test_an_unknown_team_is_a_korean_notification(store_path: Path) -> None:
    seed_snapshot_store(store_path)
    async with running(store_path, lang="ko") as (app, pilot):
        app.open_trend("Nobody")
        await settle(pilot)
        assert "'Nobody' 팀이 없습니다" in notifications(app)
        assert not any("--" in m or "no team" in m for m in notifications(app))


async def test_a_dora_input_error_is_korean_under_the_metric_title(store_path: Path) -> None:
    seed_snapshot_store(store_path)
    async with running(store_path, lang="ko") as (app, pilot):
        app.open_dora(SEARCH)
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DoraScreen)
        await pilot.press(*"3/day", "enter")
        await pilot.press(*"3x")  # not a duration
        await pilot.pause(0.6)
        await settle(pilot)
        message = screen.errors["lead_time"]
        assert (
            "읽을 수 없는 값입니다: '3x'. 45m, 6h, 2d, 3w, 4mo 같은 기간으로 입력하세요" in message
        )
        assert "lead_time" not in message and "cannot read" not in message


async def test_measure_form_errors_are_korean_and_name_no_flags(store_path: Path) -> None:
    """The command line says 'give --deployments FILE, --deploy-tags GLOB or --deploy-branch
    NAME'; the form has fields, not flags."""
    seed_snapshot_store(store_path)
    async with running(store_path, lang="ko") as (app, pilot):
        app.open_dora(SEARCH)
        await settle(pilot)
        await press(pilot, "ctrl+g")
        screen = app.screen
        assert isinstance(screen, MeasureScreen)
        error = screen.query_one("#m-error", Static)
        screen.query_one("#m-repo", Input).value = ""  # (it starts as the working folder)

        await press(pilot, "ctrl+s")
        shown = str(error.render())
        assert shown == (
            "측정할 배포가 없습니다. 배포 기록 파일, 배포 태그, 배포 브랜치 중 하나를 주세요"
        )

        screen.query_one("#m-deploy_branch", Input).value = "main"
        await press(pilot, "ctrl+s")
        assert str(error.render()) == "git 이력을 읽어야 하므로 저장소 폴더도 주세요"

        screen.query_one("#m-repo", Input).value = str(store_path.parent / "no-such-repo")
        screen.query_one("#m-reverts", Input).value = "abc"
        await press(pilot, "ctrl+s")
        assert str(error.render()) == "revert로 실패 추정: 일 수를 숫자로 입력하세요 (입력: 'abc')"

        screen.query_one("#m-reverts", Input).value = ""
        screen.query_one("#m-since", Input).value = "forever"
        await press(pilot, "ctrl+s")
        assert str(error.render()) == (
            "기간: 90d, 12w, 6mo, 1y 같은 형식으로 입력하세요 (입력: 'forever')"
        )

        screen.query_one("#m-since", Input).value = ""
        await press(pilot, "ctrl+s")
        await settle(pilot, 6)
        missing = store_path.parent / "no-such-repo"
        assert str(error.render()) == f"저장소 폴더 {missing}: 폴더가 없습니다"
        # a deployments file that is empty: the command line says "--deployments PATH: ..."
        empty = store_path.parent / "deploys.csv"
        empty.write_text("", encoding="utf-8")
        screen.query_one("#m-repo", Input).value = ""
        screen.query_one("#m-deploy_branch", Input).value = ""
        screen.query_one("#m-deployments", Input).value = str(empty)
        await press(pilot, "ctrl+s")
        await settle(pilot, 6)
        assert str(error.render()) == f"{empty}: 빈 파일입니다"
        # a problem inside the file: its place and its words in Korean, names as the file has them
        empty.write_text("when,what\n2026-01-01,x\n", encoding="utf-8")
        await press(pilot, "ctrl+s")
        await settle(pilot, 6)
        assert str(error.render()) == (
            "deploys.csv 1행: 배포 기록에 필요한 'time' 열이 없습니다"
            " (필요한 열: time, commit, environment, status, 있는 열: when, what)"
        )
        empty.write_text("time,commit,environment,status\n2026-01-01T10:00Z,zz,prod,ok\n")
        await press(pilot, "ctrl+s")
        await settle(pilot, 6)
        assert str(error.render()) == (
            "deploys.csv 2행: 'commit' 열의 'zz'는 커밋 ID가 아닙니다 (16진수 7–40자리)"
        )
        for text in [*notifications(app), str(error.render())]:
            assert "--" not in text


async def test_a_note_over_the_limit_is_refused_in_korean(store_path: Path) -> None:
    seed_snapshot_store(store_path)
    async with running(store_path, lang="ko", size=(100, 30)) as (app, pilot):
        app.open_questions(PAYMENTS)
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
        await press(pilot, "e")
        note = app.screen
        assert isinstance(note, NoteScreen)
        note.query_one(Input).value = "x" * 2001
        await press(pilot, "enter")
        assert isinstance(app.screen, NoteScreen)  # refused: still open
        shown = str(note.query_one("#note-error", Static).render())
        assert shown == "메모는 2000자까지 쓸 수 있습니다 (지금 2001자)"


async def test_an_english_tui_words_a_flag_message_without_the_flag(store_path: Path) -> None:
    seed_snapshot_store(store_path)
    async with running(store_path, lang="en") as (app, pilot):
        app.open_dora(SEARCH)
        await settle(pilot)
        await press(pilot, "ctrl+g")
        await press(pilot, "ctrl+s")
        shown = str(app.screen.query_one("#m-error", Static).render())
        assert shown == (
            "no deploys to measure: give a deployments file, deploy tags or a deploy branch"
        )
        assert not _korean(shown)


async def test_questionnaire_file_problems_are_led_in_korean(
    store_path: Path, tmp_path: Path
) -> None:
    """A file's problems keep their paths (as validated); the Korean screen leads them with a
    Korean line. A missing file and a too-long team name are Korean through and through."""
    from maturity.tui.screens.new_assessment import NewAssessmentScreen

    bad = tmp_path / "broken.yaml"
    bad.write_text("schema: maturity/questionnaire@1\nid: x\n", encoding="utf-8")
    async with running(store_path, lang="ko") as (app, pilot):
        await press(pilot, "n")
        screen = app.screen
        assert isinstance(screen, NewAssessmentScreen)
        screen.query_one("#team", Input).value = "Ops"
        screen.query_one("#questionnaire").value = "__file__"  # type: ignore[attr-defined]
        await settle(pilot)
        screen.query_one("#file", Input).value = str(bad)
        await press(pilot, "ctrl+s")
        error = str(screen.query_one("#err-file", Static).render())
        assert error.startswith("파일에서 문제를 찾았습니다:\nbroken.yaml: ")

        screen.query_one("#file", Input).value = str(tmp_path / "gone.yaml")
        await press(pilot, "ctrl+s")
        error = str(screen.query_one("#err-file", Static).render())
        assert error == f"{tmp_path / 'gone.yaml'}: 파일이 없습니다"

        screen.query_one("#questionnaire").value = "calms"  # type: ignore[attr-defined]
        screen.query_one("#team", Input).value = "T" * 201
        await settle(pilot)
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, NewAssessmentScreen)
        error = str(screen.query_one("#err-team", Static).render())
        assert error == "팀 이름은 200자까지 쓸 수 있습니다 (지금 201자)"


async def test_an_export_to_a_missing_folder_is_refused_in_korean(
    store_path: Path, tmp_path: Path
) -> None:
    from maturity.tui.screens.export import ExportScreen

    seed_snapshot_store(store_path)
    async with running(store_path, lang="ko") as (app, pilot):
        app.open_export(PAYMENTS)
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        target = tmp_path / "missing" / "r.html"
        screen.query_one("#x-path", Input).value = str(target)
        await pilot.press("enter")
        for _ in range(50):
            await settle(pilot)
            if screen.query_one("#x-error").display:
                break
        shown = str(screen.query_one("#x-error", Static).render())
        assert f"{target}: 폴더({tmp_path / 'missing'})가 없습니다" in shown


async def test_plan_forms_refuse_in_korean(store_path: Path) -> None:
    """Targets and actions: the core's checks, worded in Korean in the forms."""
    from test_plan_tui import open_plan, seed

    from maturity.plan import today_utc
    from maturity.tui.screens.plan_forms import ActionForm, TargetsForm
    from maturity.tui.screens.results import ResultsScreen

    aid = seed(store_path)
    async with running(store_path, lang="ko") as (app, pilot):
        await open_plan(app, pilot, aid)
        await press(pilot, "n")
        form = app.screen
        assert isinstance(form, ActionForm)
        form.query_one("#action-title", Input).value = "런북 작성"
        form.query_one("#action-due", Input).value = "1999-01-01"
        form.query_one("#action-title", Input).focus()
        await press(pilot, "enter")
        assert app.screen is form
        shown = str(form.query_one(".field-error", Static).render())
        assert shown == f"이미 지난 날짜입니다: 1999-01-01 (오늘: {today_utc().isoformat()})"
        form.query_one("#action-due", Input).value = "soon"
        await press(pilot, "enter")
        shown = str(form.query_one(".field-error", Static).render())
        assert shown == "날짜는 YYYY-MM-DD 형식으로 입력하세요 (입력: 'soon')"
        await press(pilot, "escape", "escape")

        app.open_results(aid)
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        await press(pilot, "t")
        targets = app.screen
        assert isinstance(targets, TargetsForm)
        targets.query_one("#target-alpha", Input).value = "1"
        await press(pilot, "enter")
        shown = str(targets.query_one(".field-error", Static).render())
        assert shown == "alpha: 목표 레벨(1)이 현재 레벨(2)보다 낮습니다"
        assert "--" not in shown and "below" not in shown
