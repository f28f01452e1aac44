"""calms 2.0.0: old (1.0.0) assessments still load, score and report; `new --from` one lists
what changed and carries only the answers whose question kept its meaning (and its id)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import yaml
from conftest import DATA, CliResult

from maturity import questionnaire as qmod
from maturity import versions
from maturity.resources import questionnaires_dir
from maturity.store import open_store

OLD_DOC = DATA / "assessment-calms-1.0.0.json"
OLD = json.loads(OLD_DOC.read_text(encoding="utf-8"))
CHANGES = yaml.safe_load((questionnaires_dir() / "changes.yaml").read_text(encoding="utf-8"))


def test_the_shipped_questionnaires_are_version_2() -> None:
    assert qmod.builtin("calms").version == "2.0.0"
    assert qmod.builtin("quick").version == "2.0.0"
    assert len(qmod.builtin("quick").questionnaire.question_ids()) == 10


def test_version_1_snapshots_ship_unchanged() -> None:
    old = versions.archived("calms", "1.0.0")
    assert old is not None and old.version == "1.0.0"
    assert len(old.questionnaire.question_ids()) == 37
    assert old.questionnaire.levels[2]["ko"] == "개발 중"  # history stays as it was shipped
    quick = versions.archived("quick", "1.0.0")
    assert quick is not None and len(quick.questionnaire.question_ids()) == 10
    assert versions.archived("calms", "9.9.9") is None
    assert versions.archived("../calms", "1.0.0") is None


def test_every_dropped_id_has_a_documented_replacement() -> None:
    old = versions.archived("calms", "1.0.0")
    assert old is not None
    new_ids = set(qmod.builtin("calms").questionnaire.question_ids())
    old_ids = set(old.questionnaire.question_ids())
    entry = next(v for v in CHANGES["versions"] if v["version"] == "2.0.0")
    replaced = {r["old"]: r["new"] for r in entry["replaced"]}
    assert old_ids - new_ids == set(replaced)
    assert set(replaced.values()) <= new_ids - old_ids
    for r in entry["reworded"]:
        assert r["id"] in old_ids & new_ids


def _expected_overall(doc: dict[str, object]) -> float:
    """Hand computation: weighted mean of answered levels per dimension, then the weighted mean
    of the dimension scores (every dimension weight is 1 in calms 1.0.0)."""
    old = versions.archived("calms", "1.0.0")
    assert old is not None
    answers = doc["answers"]
    assert isinstance(answers, dict)
    scores: list[float] = []
    for d in old.questionnaire.dimensions:
        pairs = [(q.weight, answers[q.id]["level"]) for q in d.questions if q.id in answers]
        scores.append(sum(w * lv for w, lv in pairs) / sum(w for w, _ in pairs))
    return sum(scores) / len(scores)


def test_an_old_assessment_imports_scores_and_reports(
    cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    assert cli("import", str(OLD_DOC)).code == 0
    shown = cli("show", OLD["id"], "--json")
    assert shown.code == 0, shown.err
    result = json.loads(shown.out)
    assert result["questionnaire"] == {"id": "calms", "version": "1.0.0"}
    assert abs(result["overall"]["score"] - _expected_overall(OLD)) < 0.01
    assert {d["id"] for d in result["dimensions"]} == {
        "culture", "automation", "lean", "measurement", "sharing",
    }  # fmt: skip
    out = tmp_path / "old.html"
    rep = cli("report", OLD["id"], "--format", "html", "-o", str(out))
    assert rep.code == 0, rep.err
    html = out.read_text(encoding="utf-8")
    # The report shows the questions as they were asked then (1.0.0 wording and ids).
    assert "변경이 운영 환경에 나가기 전에 누가 승인하나요?" in html
    # Level names come from today's catalogue even for the archived version (one set of terms).
    from maturity.model import terms

    level = result["overall"]["level"]
    assert level is not None and result["overall"]["level_name"] == terms.level_name(level, "ko")
    assert terms.level_name(level, "ko") in html
    assert f"레벨 {level}" in html


def test_an_old_assessment_reports_from_a_store_that_kept_its_snapshot(
    cli: Callable[..., CliResult], store_path: Path, tmp_path: Path
) -> None:
    """A 1.x store keeps the snapshot the assessment was taken with; it wins over the archive."""
    old = versions.archived("calms", "1.0.0")
    assert old is not None
    store = open_store(store_path)
    store.put_questionnaire("calms", "1.0.0", old.to_json())
    store.close()
    assert cli("import", str(OLD_DOC)).code == 0
    out = tmp_path / "r.html"
    assert cli("report", OLD["id"], "--format", "html", "-o", str(out)).code == 0
    assert "Payments" in out.read_text(encoding="utf-8")


def test_new_from_an_old_assessment_lists_what_changed(cli: Callable[..., CliResult]) -> None:
    assert cli("import", str(OLD_DOC)).code == 0
    made = cli("new", "--from", OLD["id"], "--json")
    assert made.code == 0, made.err
    new = json.loads(made.out)
    assert new["questionnaire"] == {"id": "calms", "version": "2.0.0"}
    err = made.err
    assert "calms 1.0.0 -> calms 2.0.0" in err
    assert "replaced culture.change-approval -> culture.change-review" in err
    assert "new questions (13)" in err and "sharing.ai-stance" in err
    # Answers move only where the question kept its id; changed meaning means answer again.
    doc = json.loads(cli("export", new["id"]).out)
    answers = doc["answers"]
    assert "culture.change-review" not in answers and "culture.change-approval" not in answers
    assert answers["lean.wip-limits"]["level"] == OLD["answers"]["lean.wip-limits"]["level"]
    assert answers["lean.wip-limits"]["note"] == "carried note"
    kept = set(OLD["answers"]) & set(qmod.builtin("calms").questionnaire.question_ids())
    assert set(answers) == kept
    assert f"kept {len(kept)} answers" in err


def test_new_from_the_same_version_lists_nothing(cli: Callable[..., CliResult]) -> None:
    first = cli("new", "--team", "Ops", "--json")
    aid = json.loads(first.out)["id"]
    again = cli("new", "--from", aid)
    assert again.code == 0 and again.err == ""


def test_changes_between_is_empty_for_identical_versions() -> None:
    cur = qmod.builtin("calms")
    ch = versions.changes_between(cur, cur)
    assert not ch.changed and ch.kept == cur.questionnaire.question_ids()
