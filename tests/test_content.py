"""The built-in content is product: counts, anchors, coverage of the seed, translations."""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from maturity import dora
from maturity import questionnaire as qmod
from maturity.model.questionnaire import Practice
from maturity.resources import questionnaires_dir

ROOT = Path(__file__).resolve().parent.parent
CALMS = qmod.builtin("calms")
QUICK = qmod.builtin("quick")
Q = CALMS.questionnaire
HANGUL = re.compile(r"[가-힣]")
DIMENSIONS = ["culture", "automation", "lean", "measurement", "sharing"]

# The seed topics issue 3 names; each maps to a topic id in questionnaires/topics.yaml.
REQUIRED_TOPICS = [
    "ci-small-frequent-merges", "ci-fast-builds", "ci-fix-broken-build-first", "test-pyramid",
    "continuous-delivery-vs-deployment", "deployment-strategies", "feature-flags", "infrastructure-as-code",
    "metrics-use-red", "structured-logging", "distributed-tracing", "alerting-symptoms-runbooks", "on-call",
    "blameless-postmortems", "slo-error-budgets", "toil", "silos-shared-goals", "you-build-it-you-run-it",
    "psychological-safety", "value-streams", "wip-limits", "batch-size", "documentation", "internal-talks",
    "inner-source", "shared-tooling", "dora-metrics-tracking",
]  # fmt: skip


def sentences(text: str) -> int:
    return len([s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s])


def test_counts() -> None:
    assert [d.id for d in Q.dimensions] == DIMENSIONS
    # A dimension stays discussable in one retrospective sitting (docs/scoring.md, "Quick and
    # full"); the quick check-in keeps two per dimension whatever the full questionnaire grows to.
    for d in Q.dimensions:
        assert 6 <= len(d.questions) <= 14, d.id
    assert len(Q.question_ids()) == sum(len(d.questions) for d in Q.dimensions)


@pytest.mark.parametrize("qid", Q.question_ids())
def test_every_question_is_complete_and_anchored(qid: str) -> None:
    found = Q.find_question(qid)
    assert found is not None
    dim, q = found
    assert qid.startswith(dim.id + ".")
    assert q.source.strip()
    assert 2 <= sentences(q.help["en"]) <= 5, q.help["en"]
    assert [o.level for o in q.options] == [1, 2, 3, 4, 5]
    texts = [o.text["en"].strip().lower() for o in q.options]
    assert len(set(texts)) == 5
    for t in texts:
        assert not re.match(r"^(poor|fair|good|very good|excellent|bad|ok)\b", t), t
        assert len(t.split()) >= 6, f"option too thin to recognise: {t!r}"


def test_level_descriptors() -> None:
    assert [Q.levels[i]["en"] for i in range(1, 6)] == [
        "Initial",
        "Developing",
        "Defined",
        "Managed",
        "Optimizing",
    ]
    for d in Q.dimensions:
        for level in range(1, 6):
            assert 2 <= sentences(d.descriptors[level]["en"]) <= 4, (d.id, level)


def test_seed_topics_are_covered() -> None:
    topics = yaml.safe_load((questionnaires_dir() / "topics.yaml").read_text(encoding="utf-8"))[
        "topics"
    ]
    by_id = {t["topic"]: t["questions"] for t in topics}
    ids = set(Q.question_ids())
    for topic in REQUIRED_TOPICS:
        assert by_id.get(topic), f"seed topic '{topic}' has no question"
    for topic, questions in by_id.items():
        assert questions and set(questions) <= ids, topic


def _texts(node: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """Every localised text (a dict with an 'en' key) anywhere in a loaded YAML tree."""
    if isinstance(node, dict):
        if "en" in node and all(isinstance(v, str) for v in node.values()):
            yield path, node
            return
        for k, v in node.items():
            yield from _texts(v, f"{path}.{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _texts(v, f"{path}[{i}]")


SHIPPED = sorted(
    p
    for p in questionnaires_dir().rglob("*.yaml")
    if "content" not in p.relative_to(questionnaires_dir()).parts and "benchmark" not in p.name
)


@pytest.mark.parametrize("path", SHIPPED, ids=[p.name for p in SHIPPED])
def test_every_text_has_natural_korean(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    texts = list(_texts(data))
    if path.name not in ("topics.yaml", "quickcheck-2025.yaml"):
        assert texts, f"{path.name} has no localised text"
    for where, text in texts:
        if not re.search(r"[A-Za-z]", text["en"]):  # "46–60%" reads the same in both languages
            assert text.get("ko") == text["en"], f"{path.name}{where}: missing Korean"
            continue
        assert HANGUL.search(text.get("ko", "")), f"{path.name}{where}: missing Korean"
        assert not HANGUL.search(text["en"]), f"{path.name}{where}: Korean in the English text"


def test_recommendations_catalogue() -> None:
    assert qmod.validate_builtin_catalogue() == []
    practices: list[Practice] = list(CALMS.practices)
    assert len({p.id for p in practices}) == len(practices)
    assert len({p.title["en"] for p in practices}) == len(practices)
    for dim in DIMENSIONS:
        for level in (2, 3, 4, 5):
            n = sum(1 for p in practices if p.dimension == dim and p.level == level)
            assert n >= 3, f"{dim} level {level}: {n} practices"
    for p in practices:
        assert 2 <= len(p.steps) <= 3, p.id
        assert p.effort in ("S", "M", "L")
        assert p.questions, f"{p.id} addresses no question"
        assert HANGUL.search(p.why["ko"]) and sentences(p.why["en"]) >= 1
    addressed = {q for p in practices for q in p.questions}
    assert addressed >= set(Q.question_ids()), set(Q.question_ids()) - addressed


@pytest.mark.parametrize("qid", Q.question_ids())
def test_every_question_has_a_practice_at_every_target_level(qid: str) -> None:
    levels = {p.level for p in CALMS.practices if qid in p.questions}
    assert levels >= {2, 3, 4, 5}, f"{qid}: no practice at level {sorted({2, 3, 4, 5} - levels)}"


def test_practice_levels_match_the_option_they_implement() -> None:
    """lean.split-items-under-a-week implements batch-size level 3 (items within a week)."""
    by_id = {p.id: p for p in CALMS.practices}
    assert by_id["lean.split-items-under-a-week"].level == 3
    for pid, qid in [
        ("lean.stop-starting-start-finishing", "lean.wip-limits"),
        ("measurement.trace-one-request-by-hand", "measurement.distributed-tracing"),
        ("measurement.write-first-slo", "measurement.slo-error-budgets"),
        ("sharing.share-postmortems-with-neighbours", "sharing.postmortems-shared"),
        ("sharing.read-access-on-request", "sharing.inner-source"),
    ]:
        assert qid in by_id[pid].questions


# Options state one observable condition plus at most one qualifier: more than two "and"s (or
# "및") in one option means it bundles conditions a team can meet separately (issue 11 item 9).
_AND_EN = re.compile(r"\band\b")


@pytest.mark.parametrize("qid", Q.question_ids())
def test_options_do_not_bundle_conditions(qid: str) -> None:
    found = Q.find_question(qid)
    assert found is not None
    for o in found[1].options:
        n_en = len(_AND_EN.findall(o.text["en"]))
        n_ko = o.text.get("ko", "").count("및")
        assert n_en <= 2 and n_ko <= 2, f"{qid} level {o.level} bundles conditions: {o.text['en']}"


def test_the_and_counter_can_fail() -> None:
    assert len(_AND_EN.findall("builds and tests and deploys and reports")) == 3


def test_rewritten_questions_have_their_anchors() -> None:
    """The issue's weakest questions, re-anchored (new ids: their levels changed meaning)."""
    opt = {qid: [o.text["en"] for o in Q.find_question(qid)[1].options]  # type: ignore[index]
           for qid in ("culture.change-review", "automation.branch-lifetime",
                       "automation.pipeline-duration", "culture.postmortems", "lean.toil-share",
                       "measurement.delivery-metrics", "culture.on-call-rotation")}  # fmt: skip
    assert "without anyone but the author" in opt["culture.change-review"][0]
    assert "three days to a week" in opt["automation.branch-lifetime"][2]
    assert "within 10 to 30 minutes" in opt["automation.pipeline-duration"][2]
    assert "written report" in opt["culture.postmortems"][1]
    assert "blame" not in opt["culture.postmortems"][0]  # level 1 no longer fuses the two
    assert "20%" in opt["lean.toil-share"][3] and "50%" not in " ".join(opt["lean.toil-share"])
    assert "elite" not in " ".join(opt["measurement.delivery-metrics"]).lower()
    assert "pay" not in " ".join(opt["culture.on-call-rotation"][:3])
    assert "pay" in opt["culture.on-call-rotation"][3]
    help_text = Q.find_question("measurement.delivery-metrics")[1].help["en"]  # type: ignore[index]
    assert (
        "throughput (lead time, deployment frequency and failed deployment recovery time)"
        in help_text
    )


def test_practice_claims_follow_dora_2024() -> None:
    by_id = {p.id: p for p in CALMS.practices}
    why = by_id["automation.one-change-per-deploy"].why["en"]
    assert "under a day" in why and "2021" in why
    assert "20%" in by_id["lean.cap-toil"].title["en"]


def test_quick_is_ten_questions_copied_from_calms() -> None:
    quick = QUICK.questionnaire
    assert len(quick.question_ids()) == 10
    assert [len(d.questions) for d in quick.dimensions] == [2] * 5
    for _dim, q in quick.questions():
        found = Q.find_question(q.id)
        assert found is not None and found[1] == q
    assert {p.id for p in QUICK.practices} == {p.id for p in CALMS.practices}


def test_dora_metric_inputs() -> None:
    defs = dora.metric_definitions()
    assert list(defs) == [
        "deployment_frequency",
        "lead_time",
        "change_failure_rate",
        "time_to_restore",
        "rework_rate",
    ]
    assert [d.optional for d in defs.values()] == [False, False, False, False, True]
    for d in defs.values():
        assert [b.value for b in d.buckets] == [1, 2, 3, 4, 5, 6]
        assert 3 <= sentences(d.help["en"]) <= 7


def test_generated_files_are_up_to_date(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location(
        "assemble", ROOT / "tools" / "assemble_questionnaires.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main(tmp_path)
    for name in ("calms.yaml", "quick.yaml", "topics.yaml"):
        assert (tmp_path / name).read_text(encoding="utf-8") == (
            ROOT / "questionnaires" / name
        ).read_text(encoding="utf-8"), (
            f"questionnaires/{name} is stale: run uv run python tools/assemble_questionnaires.py"
        )


def test_shipped_files_validate(capsys: pytest.CaptureFixture[str]) -> None:
    from maturity.cli import main

    assert (
        main(
            [
                "questionnaire",
                "validate",
                str(ROOT / "questionnaires" / "calms.yaml"),
                str(ROOT / "questionnaires" / "quick.yaml"),
            ]
        )
        == 0
    )
