"""Issue 10 item 11: every field's limit is checked where the value enters (flags, answers
files, imports, rename, join, the TUI), with the one message of maturity.limits, and
nothing is written when it is refused. Values already stored beyond a limit stay readable."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import CliResult
from textual.widgets import Input, Static
from tui_support import press, reader, running, settle

from hostile.import_support import CALMS, assessment, bundle
from maturity import limits
from maturity.tui.screens.new_assessment import NewAssessmentScreen
from maturity.tui.screens.note import NoteScreen
from maturity.tui.screens.question import QuestionScreen

Cli = Callable[..., CliResult]
LONG_TEAM = "x" * 5000
FIRST_Q = CALMS.questionnaire.question_ids()[0]


@pytest.fixture
def aid(cli: Cli) -> str:
    r = cli("new", "--team", "Payments")
    assert r.code == 0, r.err
    return r.out.strip()


def test_rename_to_5000_characters_is_refused_and_everything_still_reads(
    cli: Cli, aid: str, tmp_path: Path
) -> None:
    r = cli("team", "rename", "Payments", LONG_TEAM)
    assert r.code == 2
    assert r.err.strip() == "error: a team name has at most 200 characters (got 5000)"
    for args in (("show", aid), ("portfolio",), ("export", "--all"), ("teams",)):
        assert cli(*args).code == 0, args
    assert cli("answer", aid, FIRST_Q, "3").code == 0


def test_flags_are_checked(cli: Cli, aid: str) -> None:
    cases = {
        ("new", "--team", LONG_TEAM): "a team name has at most 200",
        ("new", "--team", "T", "--facilitator", "f" * 61): "a facilitator's name has at most 60",
        ("new", "--team", "T", "--participant", "p" * 61): "a participant's name has at most 60",
        ("answer", aid, FIRST_Q, "3", "--note", "n" * 2001): "a note has at most 2000",
        ("dora", "classify", "--lead-time", "1" * 61 + "d"): "a DORA input has at most 60",
    }
    for args, message in cases.items():
        r = cli(*args)
        assert r.code == 2 and message in r.err and "Traceback" not in r.err, (args, r.err)
    many = [x for i in range(101) for x in ("--participant", f"P{i}")]
    r = cli("new", "--team", "T", *many)
    assert r.code == 2 and "at most 100 participants" in r.err
    assert [row["team"] for row in json.loads(cli("list", "--json").out)] == ["Payments"]
    # exactly at the limit is fine
    assert cli("answer", aid, FIRST_Q, "3", "--note", "n" * 2000).code == 0


def test_answers_files_are_checked(cli: Cli, tmp_path: Path) -> None:
    f = tmp_path / "answers.yaml"
    f.write_text(
        f"team: {'t' * 201}\nfacilitator: {'f' * 61}\nparticipants: [{'p' * 61}]\n"
        f"answers:\n  {FIRST_Q}: {{level: 3, note: {'n' * 2001}}}\n",
        encoding="utf-8",
    )
    r = cli("new", "--answers", str(f))
    assert r.code == 2
    for line in (
        "answers.yaml: team: a team name has at most 200 characters (got 201)",
        "answers.yaml: facilitator: a facilitator's name has at most 60 characters (got 61)",
        "answers.yaml: participants[0]: a participant's name has at most 60 characters (got 61)",
        f"answers.yaml: answers.{FIRST_Q}.note: a note has at most 2000 characters (got 2001)",
    ):
        assert f"error: {line}" in r.err.splitlines(), r.err
    f.write_text(f"team: T\nanswers:\n  {FIRST_Q}: {{level: 3, note: [a, b]}}\n")
    r = cli("new", "--answers", str(f))
    assert r.code == 2 and f"answers.{FIRST_Q}.note: expected text" in r.err


def test_imports_are_checked(cli: Cli, tmp_path: Path) -> None:
    doc = assessment("Web")
    answers = doc["answers"]
    assert isinstance(answers, dict)
    next(iter(answers.values()))["note"] = "n" * 2001
    r = cli("import", str(bundle(tmp_path / "b.json", [doc])))
    assert r.code == 2 and "a note has at most 2000 characters" in r.err
    doc = assessment("w" * 201)
    single = tmp_path / "one.json"
    single.write_text(json.dumps(doc))
    r = cli("import", str(single))
    assert r.code == 2 and "team: a team name has at most 200 characters" in r.err


def test_join_name_is_checked(cli: Cli, aid: str) -> None:
    r = cli("join", aid, "--as", "j" * 61)
    assert r.code == 2 and "a name has at most 60 characters" in r.err


def test_values_stored_beyond_a_limit_stay_readable(cli: Cli, aid: str, store_path: Path) -> None:
    """A store written by an earlier version (no limits then) is read, shown and exported."""
    with sqlite3.connect(store_path) as conn:
        conn.execute("UPDATE assessments SET team = ?", ("t" * 5000,))
        conn.execute(
            "INSERT INTO answers (assessment_id, question_id, level, note, votes, updated)"
            " VALUES (?, ?, 3, ?, '{}', '2026-01-01T00:00:00.000Z')",
            (aid, FIRST_Q, "n" * 9000),
        )
    for args in (("show", aid), ("export", "--all"), ("portfolio",)):
        r = cli(*args)
        assert r.code == 0, (args, r.err)


@pytest.mark.asyncio
async def test_tui_forms_show_the_core_message(store_path: Path) -> None:
    async with running(store_path, size=(100, 30)) as (app, pilot):
        await press(pilot, "n")
        screen = app.screen
        assert isinstance(screen, NewAssessmentScreen)
        screen.query_one("#team", Input).value = "Ops"
        screen.query_one("#facilitator", Input).value = "f" * 80  # a paste: not cut silently
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, NewAssessmentScreen)
        error = str(screen.query_one("#err-team", Static).render())
        assert limits.text_problem("facilitator", "f" * 80) == error.strip()
        assert screen.query_one("#facilitator", Input).value == "f" * 80
        screen.query_one("#facilitator", Input).value = "Mina"
        await press(pilot, "ctrl+s")
        question = app.screen
        assert isinstance(question, QuestionScreen)
        await press(pilot, "e")
        note = app.screen
        assert isinstance(note, NoteScreen)
        note.query_one(Input).value = "n" * 2500
        await press(pilot, "enter")
        shown_now: object = app.screen
        assert shown_now is note  # kept open with the text, and the message shown
        shown = str(note.query_one("#note-error", Static).render())
        assert "a note has at most 2000 characters (got 2500)" in shown
        assert note.query_one(Input).value == "n" * 2500
        note.query_one(Input).value = "fine"
        await press(pilot, "enter")
        await settle(pilot)
        back: object = app.screen
        assert back is question
    assert [s.team for s in reader(store_path).list()] == ["Ops"]
