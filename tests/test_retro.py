"""The retrospective core (maturity.retro, maturity.voting): pacing, reviewed counts, change
arrows, the end-of-retro Markdown and the room rules, with hand-computed numbers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from maturity import questionnaire as qmod
from maturity.model.assessment import Answer
from maturity.retro import arrow, changes, md, pace, previous_id, reviewed, summary_markdown
from maturity.store import open_store
from maturity.voting import canonical_name, is_live, name_key, room_next, waiting
from maturity.workspace import Workspace

DATA = Path(__file__).parent / "data"
MINI = qmod.load_file(DATA / "mini.yaml")


def test_pace_on_time_and_behind() -> None:
    # 10 of 40 questions in 10 min = 1 min each; 30 to go from question 11 need 30 min.
    on_time = pace(position=11, total=40, reviewed=10, elapsed_s=600, box_s=45 * 60)
    assert on_time.per_question_s == 60 and on_time.needed_s == 30 * 60
    assert on_time.left_s == 35 * 60 and on_time.left_min == 35 and not on_time.behind
    # 12 in 25 min = 125 s each; 26 to go need 54 min > 20 min left * 1.15
    late = pace(position=12, total=37, reviewed=12, elapsed_s=25 * 60, box_s=45 * 60)
    assert late.needed_s == pytest.approx(26 * 125) and late.left_min == 20 and late.behind
    # nothing answered yet: no pace, not behind; time box used up with questions left: behind
    assert not pace(position=1, total=37, reviewed=0, elapsed_s=5, box_s=2700).behind
    assert pace(position=30, total=37, reviewed=5, elapsed_s=2800, box_s=2700).behind
    assert not pace(position=38, total=37, reviewed=37, elapsed_s=2800, box_s=2700).behind


def test_reviewed_counts_answers_given_after_the_start() -> None:
    start = datetime(2026, 3, 1, 10, tzinfo=UTC)
    answers = {
        "a": Answer(level=3, updated=start),  # carried over: same stamp as creation
        "b": Answer(level=4, updated=start + timedelta(minutes=3)),
        "c": Answer(level=None, updated=start + timedelta(minutes=4)),
        "gone": Answer(level=2, updated=start + timedelta(minutes=5)),  # not in the questionnaire
    }
    assert reviewed(answers, ["a", "b", "c"], "2026-03-01T10:00:00.000Z") == 2


def test_changes_and_arrows(store_path: Path) -> None:
    ws = Workspace(open_store(store_path))
    ids = MINI.questionnaire.question_ids()
    first = ws.create("Payments", MINI, answers={q: Answer(level=3) for q in ids})
    second = ws.create_from(first.id)
    assert previous_id(second) == first.id
    ws.answer(second.id, ids[0], 5)
    ws.answer(second.id, ids[1], 1)
    ws.answer(second.id, ids[2], None)
    delta = changes(ws.get(second.id), ws.get(first.id))
    assert delta[ids[0]] == 2 and delta[ids[1]] == -2 and ids[2] not in delta
    assert [arrow(x) for x in (2, -1, 0, None)] == ["▲", "▼", "=", ""]


def test_summary_markdown_lists_disagreements_now_items_and_notes(store_path: Path) -> None:
    ws = Workspace(open_store(store_path))
    ids = MINI.questionnaire.question_ids()
    a = ws.create("Pay*ments", MINI, participants=["Ana", "Bo"])
    for qid in ids:
        ws.answer(a.id, qid, 2)
    ws.cast_vote(a.id, ids[0], "Ana", 1)
    ws.cast_vote(a.id, ids[0], "Bo", 4)
    ws.record_team_answer(a.id, ids[0])
    ws.answer(a.id, ids[1], 2, note="no *owner* [yet]")
    doc = ws.get(a.id)
    text = summary_markdown(doc, MINI.questionnaire, ws.results(a.id), "en")
    assert text.startswith("# Retro summary: Pay\\*ments\n")
    assert "## Where we disagreed\n- One? (spread 3, median 2, recorded 2)\n" in text
    assert "- **Two?** no \\*owner\\* \\[yet\\]" in text
    now = [r.title for r in ws.results(a.id).recommendations if r.horizon == "now"]
    assert now and all(f"- {md(title)}" in text for title in now)


def test_names_match_like_teams() -> None:
    assert name_key("  Joon ") == name_key("joon") == name_key("JOON")
    assert name_key("Kim  Su") == name_key("kim su")
    assert canonical_name(" joon", ["Mina", "Joon"]) == "Joon"
    assert canonical_name("Leo  Park", ["Mina"]) == "Leo Park"


def test_room_votes_skip_joined_people_and_who_is_waiting() -> None:
    people = ["Mina", "Joon", "Ana"]
    assert room_next(people, [], ["joon"]) == "Mina"
    assert room_next(people, ["Mina"], ["Joon"]) == "Ana"
    assert room_next(people, ["Mina", "ana"], ["Joon"]) == "P1"
    assert room_next(people, ["Mina", "Ana", "P1"], ["Joon"]) == "P2"
    assert waiting(people, ["ANA"]) == ["Mina", "Joon"]


def test_liveness_window() -> None:
    at = datetime(2026, 3, 1, 10, tzinfo=UTC)
    assert is_live(at - timedelta(seconds=5), at)
    assert not is_live(at - timedelta(seconds=60), at)
    assert not is_live(None, at)


def test_identical_trend_lines_keep_distinct_markers() -> None:
    """Item 14: two dimensions with the same scores used to draw their markers on one cell
    (the later hid the earlier); they now sit in neighbouring cells, centred on the point."""
    from maturity.tui.widgets.trend_chart import marker_points

    same = [3.0, 3.5, None]
    points = marker_points([same, list(same), [1.0, 2.0, 4.0]], plot_width=70, count=3)
    cell = 2.8 / 70
    by_series = {i: [(x, y) for j, x, y in points if j == i] for i in range(3)}
    assert len(by_series[0]) == len(by_series[1]) == 2 and len(by_series[2]) == 3
    for (x0, y0), (x1, y1) in zip(by_series[0], by_series[1], strict=True):
        assert y0 == y1 and x1 - x0 == pytest.approx(cell)  # one cell apart
        assert (x0 + x1) / 2 in (1, 2)  # centred on the assessment
    assert [x for x, _ in by_series[2]] == [1, 2, 3]  # a lone series is not moved
