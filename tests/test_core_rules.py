"""The rules every front end shares (issue 12 item 1): one function each, in the core.

Each test checks the rule itself and that the front ends that used to keep their own copy now
give the same answer (CLI text, answers files, the TUI's portfolio order).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from coach_support import AT, seed_history_store
from conftest import CliResult

from maturity.answers_file import load_answers
from maturity.errors import InvalidFileError, MaturityError
from maturity.history import PORTFOLIO_SORTS, sort_portfolio
from maturity.levels import NOT_SURE, parse_level
from maturity.model.assessment import Answer
from maturity.readouts import portfolio_text
from maturity.textfmt import format_delta, format_level, format_score, format_share
from maturity.timefmt import format_time, parse_time, parse_time_or_none
from maturity.workspace import revise_answer

Cli = Callable[..., CliResult]

# -- score formatting -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, "–"),
        (3.0, "3.00"),
        (3.14159, "3.14"),
        (2.005, "2.00"),
        (4.999, "5.00"),
        (0.0, "0.00"),
    ],
)
def test_format_score(value: float | None, text: str) -> None:
    assert format_score(value) == text


@pytest.mark.parametrize(
    ("value", "ascii_text", "typo_text"),
    [
        (None, "–", "–"),
        (0.25, "+0.25", "+0.25"),
        (-0.25, "-0.25", "−0.25"),
        (-0.004, "0.00", "0.00"),  # rounds to zero: no sign, never "−0.00"
        (0.0, "0.00", "0.00"),
        (1, "+1", "+1"),
        (-2, "-2", "−2"),
        (0, "0", "0"),
    ],
)
def test_format_delta(value: float | int | None, ascii_text: str, typo_text: str) -> None:
    assert format_delta(value) == ascii_text
    assert format_delta(value, typographic=True) == typo_text


def test_format_level_and_share() -> None:
    assert [format_level(x) for x in (None, 1, 5)] == ["–", "1", "5"]
    assert format_level(None, missing="n/a") == "n/a"
    assert [format_share(x) for x in (None, 0.0, 2 / 3, 1.0)] == ["–", "0%", "67%", "100%"]


# -- level parsing ----------------------------------------------------------------------------


@pytest.mark.parametrize("spelling", [*sorted(NOT_SURE), "  Not Sure ", "UNSURE", None, 0])
def test_every_spelling_of_not_sure(spelling: object) -> None:
    assert parse_level(spelling) is None


@pytest.mark.parametrize(("raw", "level"), [("1", 1), (" 5 ", 5), (3, 3), ("4", 4)])
def test_levels(raw: object, level: int) -> None:
    assert parse_level(raw) == level


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("6", "'6'"),
        (7, "7"),
        ("high", "'high'"),
        ("²", "'²'"),
        (True, "True"),
        (3.0, "3.0"),
        ("", "''"),
    ],
)
def test_not_a_level(raw: object, shown: str) -> None:
    with pytest.raises(MaturityError, match=f"level must be 1-5 or 'unsure', got {shown}$"):
        parse_level(raw)


def test_a_huge_value_is_shortened_in_the_message() -> None:
    with pytest.raises(MaturityError) as err:
        parse_level("x" * 5000)
    assert len(str(err.value)) < 100


@pytest.mark.parametrize("spelling", sorted(NOT_SURE))
def test_cli_answer_and_answers_file_accept_the_same_not_sure(
    spelling: str, tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: `maturity answer` took 4 spellings and the answers file 5 different ones."""
    run = cli
    store = tmp_path / "s.db"
    monkeypatch.setenv("MATURITY_STORE", str(store))
    made: CliResult = run("new", "--team", "T", "--questionnaire", "quick")
    assert made.code == 0, made.err
    aid = made.out.strip()
    first_q = _first_question("quick")
    said: CliResult = run("answer", aid, first_q, spelling)
    assert said.code == 0, said.err
    assert "not sure" in said.out
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        f"team: T\nquestionnaire: quick\nanswers:\n  {first_q}: {_yaml_str(spelling)}\n",
        encoding="utf-8",
    )
    loaded = load_answers(answers)
    assert first_q in loaded.answers and loaded.answers[first_q].level is None


def test_answers_file_reports_a_bad_level_with_its_place(tmp_path: Path) -> None:
    q = _first_question("quick")
    f = tmp_path / "answers.yaml"
    f.write_text(f"team: T\nquestionnaire: quick\nanswers:\n  {q}: 9\n", encoding="utf-8")
    with pytest.raises(InvalidFileError) as err:
        load_answers(f)
    assert f"answers.yaml: answers.{q}: level must be 1-5 or 'unsure', got 9" in str(err.value)


def _first_question(qid: str) -> str:
    from maturity import questionnaire as qmod

    return qmod.builtin(qid).questionnaire.dimensions[0].questions[0].id


def _yaml_str(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


# -- the answer-revision rule -----------------------------------------------------------------


def test_a_new_level_keeps_the_note_and_the_votes() -> None:
    before = Answer(level=2, note="we page by hand", votes={"ana": 2, "kim": 3})
    after = revise_answer(before, 3)
    assert (after.level, after.note, after.votes) == (3, "we page by hand", {"ana": 2, "kim": 3})
    assert before.level == 2  # the previous answer is not changed in place


def test_a_new_note_or_new_votes_replace_the_old_ones() -> None:
    before = Answer(level=2, note="old", votes={"ana": 2})
    assert revise_answer(before, 2, note="").note == ""
    assert revise_answer(before, 4, votes={"leo": 4}).votes == {"leo": 4}
    assert revise_answer(before, 4, votes={}).votes == {"ana": 2}  # no fresh round: kept


def test_a_first_answer_and_a_local_stamp() -> None:
    at = datetime(2026, 3, 1, tzinfo=UTC)
    first = revise_answer(None, None, updated=at)
    assert (first.level, first.note, first.votes, first.updated) == (None, "", {}, at)


def test_workspace_answer_and_team_answer_follow_the_rule(tmp_path: Path) -> None:
    from maturity import questionnaire as qmod
    from maturity.store import open_store
    from maturity.workspace import Workspace

    ws = Workspace(open_store(tmp_path / "s.db"))
    a = ws.create("T", qmod.builtin("quick"))
    q = _first_question("quick")
    ws.answer(a.id, q, 2, note="kept")
    ws.answer(a.id, q, 4)
    got = ws.get(a.id).answers[q]
    assert (got.level, got.note) == (4, "kept")
    ws.record_team_answer(a.id, q, 3, use_median=False)
    got = ws.get(a.id).answers[q]
    assert (got.level, got.note) == (3, "kept")
    ws.store.close()


# -- time parsing -----------------------------------------------------------------------------


def test_parse_time_reads_what_format_time_writes() -> None:
    at = datetime(2026, 4, 10, 9, 30, 15, 123000, tzinfo=UTC)
    assert parse_time(format_time(at)) == at
    seoul = timezone(timedelta(hours=9))
    assert parse_time("2026-04-10T18:30:15+09:00") == datetime(2026, 4, 10, 9, 30, 15, tzinfo=UTC)
    assert parse_time("2026-04-10T18:30:15+09:00").tzinfo == UTC
    assert parse_time("2026-04-10T09:30:15") == datetime(2026, 4, 10, 9, 30, 15, tzinfo=UTC)
    assert datetime(2026, 4, 10, 18, 0, tzinfo=seoul) == parse_time("2026-04-10T09:00:00Z")


@pytest.mark.parametrize("bad", ["", "yesterday", "2026-13-01T00:00:00Z"])
def test_parse_time_refuses_and_or_none_forgives(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_time(bad)
    assert parse_time_or_none(bad) is None
    assert parse_time_or_none(None) is None


# -- portfolio ordering -----------------------------------------------------------------------


def test_portfolio_sort_keys_put_unknown_values_last(store_path: Path) -> None:
    ws = seed_history_store(store_path)
    p = ws.portfolio(AT, "en")
    assert [r.team for r in sort_portfolio(p, "date", reverse=True)] == [
        "Platform",
        "Search",
        "Payments",
        "Legacy",
    ]
    assert [r.team for r in sort_portfolio(p, "dora")] == [
        "Payments",
        "Legacy",
        "Platform",
        "Search",
    ]
    for key in [*PORTFOLIO_SORTS, *p.dimensions]:
        for reverse in (False, True):
            rows = sort_portfolio(p, key, reverse=reverse)
            assert sorted(r.team for r in rows) == sorted(r.team for r in p.rows)
            if key in p.dimensions:
                known = [r.scores.get(key) is not None for r in rows]
                assert known == sorted(known, reverse=True), (key, reverse)  # unknown last
    with pytest.raises(MaturityError, match="cannot sort by 'nope'; use one of team, date"):
        sort_portfolio(p, "nope")
    ws.store.close()


def test_cli_text_and_tui_screen_order_teams_alike(store_path: Path) -> None:
    """Before: `maturity portfolio --sort` put teams without a level first, the TUI last."""
    from maturity.tui.screens.portfolio import sort_rows

    ws = seed_history_store(store_path)
    p = ws.portfolio(AT, "en")
    for key in ["overall", "dora", *p.dimensions]:
        text = portfolio_text(p, key)
        cli_order = [line.split()[0] for line in text.splitlines()[1 : 1 + len(p.rows)]]
        tui_key = key if key in PORTFOLIO_SORTS else f"dim:{key}"
        tui_order = [r.team for r in sort_rows(p, tui_key, False)]
        assert cli_order == tui_order, key
        no_value = [r.team for r in p.rows if _value(r, key) is None]
        assert cli_order[len(cli_order) - len(no_value) :] == sorted(no_value, key=str.casefold)
    ws.store.close()


def test_portfolio_json_follows_sort_like_the_table(store_path: Path, cli: Cli) -> None:
    """Before: ``portfolio --json --sort KEY`` ignored the key (and accepted any word)."""
    import json

    ws = seed_history_store(store_path)
    p = ws.portfolio(lang="en")
    ws.store.close()
    store = ("--store", str(store_path))
    for key in ["team", "overall", "dora", *p.dimensions]:
        table = cli(*store, "portfolio", "--sort", key).out
        table_order = [line.split()[0] for line in table.splitlines()[1 : 1 + len(p.rows)]]
        rows = json.loads(cli(*store, "portfolio", "--json", "--sort", key).out)["rows"]
        assert [r["team"] for r in rows] == table_order, key
    bad = cli(*store, "portfolio", "--json", "--sort", "colour")
    assert bad.code == 2 and bad.out == "" and "cannot sort by 'colour'" in bad.err


def _value(row: object, key: str) -> object:
    from maturity.model.history import PortfolioRow

    assert isinstance(row, PortfolioRow)
    if key == "overall":
        return row.overall_level
    if key == "dora":
        return row.dora_tier
    return row.scores.get(key)
