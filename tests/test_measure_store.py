"""Measured values in the assessment: ``--into``, show, export/import, compare, migrations."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import CliResult, fingerprint, store_at_schema
from measure_support import RepoBuilder, workflows_repo, write
from report_support import pdf_text_until
from test_measure import DEPLOYS, INCIDENTS, WINDOW

from maturity import dora
from maturity import questionnaire as qmod
from maturity.model.assessment import Answer, DoraInputs
from maturity.store import open_store
from maturity.store.migrations import SCHEMA_VERSION
from maturity.workspace import Workspace

Cli = Callable[..., CliResult]
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def repo(tmp_path: Path) -> RepoBuilder:
    return workflows_repo(tmp_path / "repo")


@pytest.fixture
def sources(tmp_path: Path, repo: RepoBuilder) -> list[str]:
    deploys = write(tmp_path / "deploys.csv", DEPLOYS)
    incidents = write(tmp_path / "incidents.csv", INCIDENTS)
    return ["--repo", str(repo.path), "--deployments", str(deploys), "--incidents", str(incidents),
            *WINDOW]  # fmt: skip


def _new(cli: Cli) -> str:
    r = cli("new", "--answers", str(ROOT / "examples" / "payments.yaml"))
    assert r.code == 0, r.err
    return r.out.strip()


def test_into_stores_measured_beside_self_reported(cli: Cli, sources: list[str]) -> None:
    aid = _new(cli)
    before = json.loads(cli("show", aid, "--json").out)
    assert before.get("measured") is None
    r = cli("dora", "measure", *sources, "--into", aid)
    assert r.code == 0, r.err
    assert f"stored in assessment {aid}" in r.out
    data = json.loads(cli("show", aid, "--json").out)
    assert data["dora"] == before["dora"]  # the self-reported block keeps its inputs and tiers
    mv: dict[str, Any] = data["measured"]
    pairs = {p["metric"]: p for p in mv["comparison"]}
    assert pairs["change_failure_rate"]["self_reported"] == "12%"
    assert pairs["change_failure_rate"]["measured"] == "40.0%"
    assert pairs["lead_time"]["measured"] == "36.00h" and pairs["lead_time"]["n"] == 7
    assert pairs["rework_rate"]["self_reported"] is None
    year = data["dora"]["benchmark"]
    own = dora.classify(
        {"deployment_frequency": "2/week", "lead_time": "3d", "change_failure_rate": "12%",
         "time_to_restore": "6h"}, year)  # fmt: skip
    got = dora.classify(
        {"deployment_frequency": "1.250/week", "lead_time": "36.00h",
         "change_failure_rate": "40.0%", "time_to_restore": "13.50h", "rework_rate": "20.0%"},
        year,
    )  # fmt: skip
    flagged = 0
    for metric in dora.KEY_METRICS:
        a, b = own.metrics[metric].tier, got.metrics[metric].tier
        assert a and b
        gap = dora.TIER_RANK[b] - dora.TIER_RANK[a]
        assert (pairs[metric]["gap"], pairs[metric]["disagree"]) == (gap, abs(gap) >= 1)
        flagged += abs(gap) >= 1
    assert mv["disagreements"] == flagged >= 1  # 12 % vs 40 % cannot share a tier
    prov = mv["measurement"]["provenance"]
    assert prov["window"]["days"] == 28 and prov["tool_version"]
    assert prov["counts"]["deploys_counted"] == 5
    text = cli("show", aid).out
    assert "Self-reported vs measured" in text
    assert f"{flagged} disagreement(s)" in text
    assert "! Change failure rate" in text and "40.0% " in text


def test_optimistic_flag_follows_the_measured_tier(store_url: str, sources: list[str]) -> None:
    """All answers at level 5 with elite self-reported DORA: not flagged; measured low: flagged."""
    from maturity.cli import main

    store = store_url
    ws = Workspace(open_store(store))
    loaded = qmod.builtin("calms")
    answers = {qid: Answer(level=5) for qid in loaded.questionnaire.question_ids()}
    elite = DoraInputs(deployment_frequency="5/day", lead_time="30m",
                       change_failure_rate="1%", time_to_restore="20m")  # fmt: skip
    a = ws.create("Elite", loaded, answers=answers, dora=elite)
    assert ws.results(a.id).dora is not None
    assert ws.results(a.id).dora.optimistic_flag is False  # type: ignore[union-attr]
    ws.store.close()
    assert main(["--store", str(store), "dora", "measure", *sources, "--into", a.id]) == 0
    ws = Workspace(open_store(store))
    r = ws.results(a.id)
    assert r.measured is not None and r.dora is not None
    # the measured keys put the team below elite; level-5 answers sit above that band
    assert r.measured.effective.overall != "elite"
    assert r.dora.optimistic_flag is r.measured.effective.optimistic_flag is True
    ws.store.close()


def test_export_import_round_trip_keeps_the_measurement(
    cli: Cli, sources: list[str], tmp_path: Path
) -> None:
    aid = _new(cli)
    plain = cli("export", aid).out
    assert '"measured"' not in plain  # older documents stay byte-for-byte as they were
    assert cli("dora", "measure", *sources, "--into", aid).code == 0
    doc = cli("export", aid).out
    assert json.loads(doc)["measured"]["schema"] == "maturity/measurement@1"
    other = tmp_path / "other.db"
    path = write(tmp_path / "a.json", doc)
    assert cli("--store", str(other), "import", str(path)).code == 0
    assert cli("--store", str(other), "export", aid).out == doc


def test_compare_and_trend_use_measured_values(cli: Cli, sources: list[str]) -> None:
    a = _new(cli)
    b = _new(cli)
    assert cli("dora", "measure", *sources, "--into", b).code == 0
    data = json.loads(cli("compare", a, b, "--json").out)
    rows = {m["metric"]: m for m in data["dora"]}
    assert rows["change_failure_rate"]["a_input"] == "12%"
    assert rows["change_failure_rate"]["b_input"] == "40.0%"
    trend = json.loads(cli("trend", "--team", "Payments", "--json").out)
    tiers = [p["dora_tier"] for p in trend["points"]]
    show_b = json.loads(cli("show", b, "--json").out)
    assert tiers[-1] == show_b["measured"]["effective"]["overall"]


def test_into_refuses_before_reading_and_changes_nothing(
    cli: Cli, sources: list[str], store_url: str, tmp_path: Path
) -> None:
    aid = _new(cli)
    before = fingerprint(store_url)
    bad = write(tmp_path / "bad.csv", "time,commit,status\n")
    args = [a if a != sources[3] else str(bad) for a in sources]
    r = cli("dora", "measure", *args, "--into", aid)
    assert r.code == 2 and r.err.startswith("error: bad.csv line 1: missing column 'environment'")
    r = cli("dora", "measure", *sources, "--into", "ffffffff")
    assert (r.code, r.err) == (2, "error: no assessment with id 'ffffffff'\n")
    assert cli("complete", aid).code == 0
    after_complete = fingerprint(store_url)
    r = cli("dora", "measure", *sources, "--into", aid)
    assert r.code == 2 and "is complete; reopen it" in r.err
    assert fingerprint(store_url) == after_complete != before


def test_a_schema_3_store_gains_the_measurements_table(store_path: Path) -> None:
    conn = store_at_schema(store_path, 3)
    loaded = qmod.builtin("calms")
    conn.execute(
        "INSERT INTO questionnaires VALUES ('calms', ?, ?)", (loaded.version, loaded.to_json())
    )
    conn.execute(
        "INSERT INTO assessments (id, team, team_key, created, updated, questionnaire_id,"
        " questionnaire_version, language, status, dora) VALUES ('e5e5e5e5e5e5', 'Old', 'old',"
        " '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z', 'calms', ?, 'en',"
        " 'in_progress', '{\"lead_time\": \"3d\"}')",
        (loaded.version,),
    )
    conn.close()
    ws = Workspace(open_store(store_path))
    a = ws.get("e5e5")
    assert a.measured is None and a.dora.lead_time == "3d"
    assert ws.results(a.id).measured is None
    ws.store.close()
    with sqlite3.connect(store_path) as check:
        assert check.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 5
        tables = {r[0] for r in check.execute("SELECT name FROM sqlite_master")}
        assert "measurements" in tables


@pytest.mark.slow  # renders PDFs
def test_reports_show_self_reported_vs_measured_and_the_weekly_chart(
    cli: Cli, sources: list[str], tmp_path: Path
) -> None:
    aid = _new(cli)
    plain_html = tmp_path / "plain.html"
    assert cli("report", aid, "-o", str(plain_html)).code == 0
    assert "Measured delivery data" not in plain_html.read_text()
    assert cli("dora", "measure", *sources, "--into", aid, "--failures-from-reverts", "2").code == 2
    assert cli("dora", "measure", *sources, "--into", aid).code == 0
    html = tmp_path / "r.html"
    assert cli("report", aid, "-o", str(html)).code == 0
    page = html.read_text()
    assert 'id="chart-weekly"' in page and "Deploys per week" in page
    assert (
        page.count('class="differs"')
        == json.loads(cli("show", aid, "--json").out)["measured"]["disagreements"]
    )
    pdf = tmp_path / "r.pdf"
    assert cli("report", aid, "-o", str(pdf)).code == 0
    wanted = ("Measured delivery data", "40.0%", "≠ differs", "5 deploys in 28 days")
    text = pdf_text_until(pdf, *wanted)
    assert "Measured delivery data" in text
    assert "40.0%" in text and "≠ differs" in text
    assert "5 deploys in 28 days" in text
    ko = tmp_path / "ko.pdf"
    assert cli("report", aid, "-o", str(ko), "--lang", "ko").code == 0
    assert "측정한 전달 데이터" in pdf_text_until(ko, "측정한 전달 데이터")


def test_measured_only_assessment_still_flags_optimistic_answers(
    store_url: str, tmp_path: Path, sources: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    from maturity.cli import main

    store = store_url
    ws = Workspace(open_store(store))
    loaded = qmod.builtin("calms")
    answers = {qid: Answer(level=5) for qid in loaded.questionnaire.question_ids()}
    a = ws.create("NoDora", loaded, answers=answers)
    ws.store.close()
    assert main(["--store", str(store), "dora", "measure", *sources, "--into", a.id]) == 0
    capsys.readouterr()
    assert main(["--store", str(store), "show", a.id]) == 0
    out = capsys.readouterr().out
    assert "the self-assessment may be optimistic" in out
    html = tmp_path / "r.html"
    assert main(["--store", str(store), "report", a.id, "-o", str(html)]) == 0
    assert "Answers may be optimistic" in html.read_text()
