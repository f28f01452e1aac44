"""Coaches: teams, snapshots, comparison, trends, portfolio and interchange, computed by hand."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import DATA, CliResult, digest
from hypothesis import given, settings
from hypothesis import strategies as st

from maturity import history
from maturity import questionnaire as qmod
from maturity.errors import MaturityError, NotFoundError
from maturity.evaluate import evaluate
from maturity.model.assessment import Answer, Assessment, DoraInputs, QuestionnaireRef
from maturity.store import open_store
from maturity.workspace import Workspace

V1 = qmod.load_file(DATA / "mini.yaml")
V2 = qmod.load_file(DATA / "mini-v2.yaml")
Cli = Callable[..., CliResult]


def doc(
    aid: str,
    when: str,
    q: qmod.LoadedQuestionnaire,
    answers: dict[str, int | None],
    dora: dict[str, str] | None = None,
    team: str = "Payments",
) -> Assessment:
    t = datetime.fromisoformat(when).replace(tzinfo=UTC)
    return Assessment(
        id=aid, team=team, created=t, updated=t,
        questionnaire=QuestionnaireRef(id=q.id, version=q.version),
        answers={k: Answer(level=v, updated=t) for k, v in answers.items()},
        dora=DoraInputs(**(dora or {})),
    )  # fmt: skip


A1 = doc(
    "a1a1a1a1",
    "2026-01-10T09:00:00",
    V1,
    {"alpha.one": 1, "alpha.two": 2, "alpha.three": 1, "beta.one": 2, "beta.two": 2},
)
A2 = doc(
    "a2a2a2a2",
    "2026-04-10T09:00:00",
    V1,
    {"alpha.one": 2, "alpha.two": 2, "alpha.three": 2, "beta.one": 3, "beta.two": 3},
    {
        "deployment_frequency": "monthly",
        "lead_time": "3w",
        "change_failure_rate": "30%",
        "time_to_restore": "2d",
    },
)
A3 = doc(
    "a3a3a3a3",
    "2026-07-10T09:00:00",
    V2,
    {"alpha.one": 3, "alpha.two": 3, "beta.one": 3, "beta.two": 4, "beta.three": 5},
    {
        "deployment_frequency": "3/day",  # several a day: on demand
        "lead_time": "2d",
        "change_failure_rate": "8%",
        "time_to_restore": "3h",
    },
)
A4 = doc("a4a4a4a4", "2026-10-10T09:00:00", V2, {"alpha.one": 4, "alpha.two": 3, "beta.one": 4, "beta.two": 4, "beta.three": 4})  # fmt: skip


@pytest.fixture
def ws(store_path: Path) -> Workspace:
    w = Workspace(open_store(store_path))
    for a, q in [(A1, V1), (A2, V1), (A3, V2), (A4, V2)]:
        w.import_document(a, q)
    return w


def test_trend_over_four_assessments_and_two_versions(ws: Workspace) -> None:
    t = ws.trend(" payments ")
    assert [p.id for p in t.points] == ["a1a1a1a1", "a2a2a2a2", "a3a3a3a3", "a4a4a4a4"]
    # alpha: (2*1+2+1)/4 = 1.25; (2*2+2+2)/4 = 2.0; v2 (2*3+3)/3 = 3.0; (2*4+3)/3 = 3.6667
    assert [p.dimensions["alpha"] for p in t.points] == [1.25, 2.0, 3.0, 3.6667]
    assert [p.dimensions["beta"] for p in t.points] == [2.0, 3.0, 4.0, 4.0]
    # overall: 1.75 capped... -> 1; 2.6667 -> 2; 3.6667 -> 3; (3.6667 + 2*4)/3 = 3.8889 -> 3
    assert [p.overall_level for p in t.points] == [1, 2, 3, 3]
    assert [p.dora_tier for p in t.points] == [None, "medium", "high", None]


def test_compare_across_questionnaire_versions(ws: Workspace) -> None:
    c = ws.compare("a2a2", "a3a3")
    dims = {d.id: d for d in c.dimensions}
    assert (dims["alpha"].score_delta, dims["alpha"].level_delta) == (1.0, 1)
    assert (dims["beta"].score_delta, dims["beta"].level_delta) == (1.0, 1)
    assert (c.overall.a_level, c.overall.b_level, c.overall.score_delta) == (2, 3, 1.0)
    assert [(x.question, x.a_level, x.b_level) for x in c.changed] == [
        ("alpha.one", 2, 3), ("alpha.two", 2, 3), ("beta.two", 3, 4)
    ]  # fmt: skip
    assert c.only_in_a == ["alpha.three"] and c.only_in_b == ["beta.three"]
    assert c.dora_overall == ("medium", "high")
    tiers = {m.metric: (m.a_tier, m.b_tier) for m in c.dora}
    assert tiers["deployment_frequency"] == ("medium", "elite")
    # 30 % is nearer the 2024 medians 20 % (sorted: Medium) than 40 % (Low); 8 % is High (<= 15 %)
    assert tiers["change_failure_rate"] == ("medium", "high")
    assert set(c.done) == {"alpha.p3a", "alpha.p3b", "beta.p4"}


def test_compare_lists_note_changes(ws: Workspace) -> None:
    b = ws.create_from("a4a4")
    ws.answer(b.id, "alpha.two", 3, note="pairing on every incident")
    c = ws.compare("a4a4", b.id)
    assert [(x.question, x.a_note, x.b_note) for x in c.changed] == [
        ("alpha.two", "", "pairing on every incident")
    ]


def _ev(a: Assessment, q: qmod.LoadedQuestionnaire) -> history.Evaluated:
    return history.Evaluated(a, q, evaluate(a, q))


levels = st.dictionaries(
    st.sampled_from(V1.questionnaire.question_ids()), st.one_of(st.none(), st.integers(1, 5))
)


@given(levels)
@settings(max_examples=60, deadline=None)
def test_compare_with_itself_shows_no_change(answers: dict[str, int | None]) -> None:
    a = doc("abababab", "2026-01-01T00:00:00", V1, answers)
    c = history.compare(_ev(a, V1), _ev(a, V1))
    assert c.changed == [] and c.only_in_a == [] and c.only_in_b == []
    assert all(
        d.score_delta in (0.0, None) and d.level_delta in (0, None)
        for d in [c.overall, *c.dimensions]
    )


@given(levels, levels)
@settings(max_examples=60, deadline=None)
def test_compare_is_mirrored(x: dict[str, int | None], y: dict[str, int | None]) -> None:
    a = doc("aaaaaaaa", "2026-01-01T00:00:00", V1, x)
    b = doc(
        "bbbbbbbb", "2026-02-01T00:00:00", V2, {k: v for k, v in y.items() if k != "alpha.three"}
    )
    ab, ba = history.compare(_ev(a, V1), _ev(b, V2)), history.compare(_ev(b, V2), _ev(a, V1))
    for d1, d2 in zip(ab.dimensions, ba.dimensions, strict=True):
        assert (
            d1.score_delta == (None if d2.score_delta is None else -d2.score_delta)
            or d1.score_delta == 0 == d2.score_delta
        )
        assert d1.level_delta == (None if d2.level_delta is None else -d2.level_delta)
    assert {(c.question, c.a_level, c.b_level, c.a_answered, c.b_answered) for c in ab.changed} == {
        (c.question, c.b_level, c.a_level, c.b_answered, c.a_answered) for c in ba.changed
    }
    assert (ab.only_in_a, ab.only_in_b) == (ba.only_in_b, ba.only_in_a)


def test_portfolio_latest_levels_stale_and_weakest(ws: Workspace) -> None:
    ws.import_document(
        doc(
            "b1b1b1b1",
            "2026-02-01T09:00:00",
            V1,
            {"alpha.one": 5, "alpha.two": 5, "alpha.three": 5, "beta.one": 1, "beta.two": 2},
            team="Search",
        ),
        V1,
    )
    p = ws.portfolio(at=datetime(2026, 11, 27, tzinfo=UTC))
    rows = {r.team: r for r in p.rows}
    assert rows["Payments"].assessment == "a4a4a4a4" and not rows["Payments"].stale
    assert rows["Search"].stale  # 2026-02-01 is more than 182 days before 2026-11-27
    assert rows["Search"].levels == {"alpha": 5, "beta": 1}
    # alpha means: (3.6667 + 5.0) / 2 = 4.3333; beta: (4.0 + 1.5) / 2 = 2.75 -> beta is weakest
    assert p.dimension_means == pytest.approx({"alpha": 4.3333, "beta": 2.75}, abs=1e-3)
    assert p.weakest_dimension == "beta"


def test_portfolio_prefers_latest_complete(ws: Workspace) -> None:
    ws.complete("a3a3")
    p = ws.portfolio()
    assert p.rows[0].assessment == "a3a3a3a3"  # a4 is still in progress


def test_complete_is_read_only_until_reopened_and_reopen_is_recorded(
    ws: Workspace, store_path: Path
) -> None:
    ws.complete("a4a4")
    before = digest(store_path)
    with pytest.raises(MaturityError, match="is complete; reopen it"):
        ws.answer("a4a4a4a4", "alpha.one", 1)
    with pytest.raises(MaturityError, match="is complete"):
        ws.set_dora("a4a4a4a4", DoraInputs(lead_time="1d"))
    assert digest(store_path) == before
    a = ws.reopen("a4a4", "typo in alpha.one")
    assert [(e.kind, e.detail) for e in a.events] == [
        ("completed", ""),
        ("reopened", "typo in alpha.one"),
    ]
    ws.answer("a4a4a4a4", "alpha.one", 1)


def test_new_from_prefills_and_matches_by_id(ws: Workspace) -> None:
    b = ws.create_from("a2a2", V2)  # v1 -> v2: alpha.three is not asked any more
    assert {k: v.level for k, v in b.answers.items()} == {
        "alpha.one": 2,
        "alpha.two": 2,
        "beta.one": 3,
        "beta.two": 3,
    }
    assert b.team == "Payments" and b.dora.lead_time == "3w"
    assert (
        b.events[0].kind == "created-from" and b.events[0].detail == "a2a2a2a2; dropped alpha.three"
    )


def test_rename_and_merge_keep_history(ws: Workspace) -> None:
    ws.create("Search", V1)
    with pytest.raises(MaturityError, match="already exists; use 'maturity team merge'"):
        ws.rename_team("payments", "SEARCH")
    assert ws.rename_team("PAYMENTS", "Payments Platform") == 4
    assert len(ws.store.ids_for_team("payments platform")) == 4
    assert ws.merge_teams("search", "payments platform") == 1
    [team] = ws.teams()
    assert (team.team, team.assessments) == ("Payments Platform", 5)
    assert (
        ws.get("a1a1").events[-1].kind == "team-merged"
        or ws.get("a1a1").events[-1].kind == "team-renamed"
    )
    with pytest.raises(NotFoundError):
        ws.rename_team("nobody", "x")


def test_team_names_match_ignoring_case_and_spaces(ws: Workspace) -> None:
    a = ws.create("  PAYMENTS ", V1)
    assert a.team == "Payments"
    assert ws.teams()[0].assessments == 5


def test_trend_needs_two(ws: Workspace) -> None:
    ws.create("Search", V1)
    with pytest.raises(
        MaturityError, match="has one assessment so far; a trend needs at least two"
    ):
        ws.trend("search")


# --- command line and interchange -------------------------------------------------------------


def test_bundle_import_is_idempotent_and_csv(
    cli: Cli, ws: Workspace, tmp_path: Path, store_path: Path
) -> None:
    ws.store.close()
    bundle = tmp_path / "all.json"
    assert cli("export", "--all", "-o", str(bundle)).code == 0
    data = json.loads(bundle.read_text())
    assert data["schema"] == "maturity/bundle@1" and len(data["assessments"]) == 4
    assert {(q["id"], q["version"]) for q in data["questionnaires"]} == {
        ("mini", "1.0"),
        ("mini", "2.0"),
    }
    other = tmp_path / "other.db"
    first = cli("--store", str(other), "import", str(bundle))
    assert first.code == 0 and "4 added" in first.out
    before = digest(other)
    second = cli("--store", str(other), "import", str(bundle))
    assert second.code == 0 and "0 added, 4 unchanged" in second.out
    assert digest(other) == before
    assert cli("--store", str(other), "trend", "--team", "payments", "--json").code == 0

    team_csv = cli("export", "--team", "payments", "--format", "csv").out
    rows = list(csv.DictReader(io.StringIO(team_csv)))
    assert len(rows) == 5 + 5 + 5 + 5  # every answer of the four assessments
    assert rows[0]["question_id"] == "alpha.one" and rows[0]["level"] == "1"


def test_bundle_conflicts_are_all_reported_and_nothing_imported(
    cli: Cli, ws: Workspace, tmp_path: Path
) -> None:
    ws.store.close()
    bundle = json.loads(cli("export", "--team", "payments").out)
    bundle["assessments"][0]["team"] = "Changed"
    bundle["assessments"][1]["answers"]["alpha.one"]["level"] = 5
    path = tmp_path / "b.json"
    path.write_text(json.dumps(bundle))
    r = cli("import", str(path))
    assert r.code == 2
    assert (
        len(
            [line for line in r.err.splitlines() if "already exists with different content" in line]
        )
        == 2
    )
    assert "nothing was imported" in r.err


def test_cli_coach_commands(cli: Cli, ws: Workspace) -> None:
    ws.store.close()
    assert "Payments" in cli("teams").out
    c = cli("compare", "a2a2", "a3a3")
    assert c.code == 0 and "alpha.three" in c.out and "Medium -> High" in c.out
    j = json.loads(cli("compare", "a2a2", "a3a3", "--json").out)
    assert j["overall"]["level_delta"] == 1
    t = cli("trend", "--team", "Payments")
    assert t.code == 0 and "4 assessments" in t.out
    p = json.loads(cli("portfolio", "--json").out)
    assert p["weakest_dimension"] == "alpha"  # only Payments: alpha 3.6667 < beta 4.0
    bad = cli("portfolio", "--sort", "colour")
    assert bad.code == 2 and "cannot sort by 'colour'" in bad.err
    assert cli("trend", "--team", "nobody").code == 2
    assert cli("complete", "a4a4").code == 0
    locked = cli("answer", "a4a4", "alpha.one", "2")
    assert locked.code == 2 and "is complete; reopen it" in locked.err
    assert cli("reopen", "a4a4", "--reason", "fix").code == 0
    nf = cli("new", "--from", "a4a4")
    assert nf.code == 0
    assert cli("team", "rename", "payments", "Pay").code == 0
    assert "Pay" in cli("teams").out
