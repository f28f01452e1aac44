"""The capability map: every DORA capability is assessed by a question and covered by a practice,
and every practice's DORA links are backed by its capability (issue 11 items 8 and 11)."""

from __future__ import annotations

import pytest

from maturity import capabilities as capmod
from maturity import dora as dora_mod
from maturity import questionnaire as qmod
from maturity import recommend
from maturity.dora import DoraResult
from maturity.model.questionnaire import Practice
from maturity.model.results import DimensionResult

CALMS = qmod.builtin("calms")
MAP = {c.capability.id: c for c in capmod.capability_map(CALMS.questionnaire, CALMS.practices)}

# research/dora.md §3: 29 capabilities of the current catalogue plus the AI ones.
DORA_CATALOGUE = {
    "continuous-delivery", "database-change-management", "deployment-automation",
    "flexible-infrastructure", "loosely-coupled-teams", "streamlining-change-approval",
    "trunk-based-development", "version-control", "visual-management", "wip-limits",
    "working-in-small-batches", "continuous-integration", "customer-feedback",
    "monitoring-and-observability", "monitoring-for-business-decisions", "pervasive-security",
    "proactive-failure-notification", "test-automation", "test-data-management",
    "visibility-of-work", "code-maintainability", "documentation-quality",
    "empowering-teams-to-choose-tools", "generative-culture", "job-satisfaction",
    "learning-culture", "team-experimentation", "transformational-leadership", "well-being",
}  # fmt: skip
AI = {
    "clear-ai-stance", "ai-accessible-internal-data", "healthy-data-ecosystems",
    "platform-engineering", "user-centric-focus",
}  # fmt: skip


def test_the_map_lists_the_whole_catalogue() -> None:
    listed = {c.id for c in capmod.capabilities() if c.dora_catalogue}
    assert len(DORA_CATALOGUE) == 29
    assert listed == DORA_CATALOGUE | AI


@pytest.mark.parametrize("cap", sorted(MAP))
def test_every_capability_has_a_question_and_a_practice(cap: str) -> None:
    c = MAP[cap]
    assert c.questions, f"{cap}: no question assesses it"
    assert c.practices, f"{cap}: no practice covers it"


def test_the_check_fails_when_a_capability_loses_its_questions() -> None:
    q = CALMS.questionnaire
    without = q.model_copy(update={"dimensions": [d for d in q.dimensions if d.id != "lean"]})
    rows = {c.capability.id: c for c in capmod.capability_map(without, ())}
    assert rows["wip-limits"].questions == ()
    assert rows["wip-limits"].practices == ()


def test_every_claim_is_backed_and_at_most_two() -> None:
    assert capmod.unbacked_claims(CALMS.practices) == []
    assert max(len(p.dora) for p in CALMS.practices) <= 2
    # The old catalogue claimed change failure rate for 61 of 133 practices.
    cfr = sum("change_failure_rate" in p.dora for p in CALMS.practices)
    assert cfr < len(CALMS.practices) / 3


def test_an_unbacked_claim_is_reported() -> None:
    p = CALMS.practices[0].model_copy(
        update={"dora": ["time_to_restore"], "dora_basis": "wip-limits"}
    )
    assert capmod.unbacked_claims([p]) and "moves only" in capmod.unbacked_claims([p])[0]
    q = p.model_copy(update={"dora": ["lead_time"], "dora_basis": None})
    assert "names no known capability" in capmod.unbacked_claims([q])[0]


def test_every_practice_says_who_acts() -> None:
    actors = {p.who_acts for p in CALMS.practices}
    assert actors == {"team", "lead", "organisation"}
    by_id = {p.id: p for p in CALMS.practices}
    # Pay for on-call and performance reviews are decided outside the team.
    assert by_id["culture.review-on-call-load"].who_acts == "organisation"
    assert by_id["culture.leaders-model-fallibility"].who_acts == "organisation"


def _dim(did: str, level: int) -> DimensionResult:
    return DimensionResult(
        id=did, score=float(level), level=level, coverage=1.0, answered=5, unsure=0, total=5,
        next_level=level + 1, distance_to_next=1.0, held_back_by=[],
    )  # fmt: skip


GOOD = {"deployment_frequency": "3/day", "lead_time": "2h", "change_failure_rate": "3%",
        "time_to_restore": "30m"}  # fmt: skip
BAD = {"deployment_frequency": "1/year", "lead_time": "5mo", "change_failure_rate": "55%",
       "time_to_restore": "3w"}  # fmt: skip


def _dora(worst: str) -> DoraResult:
    """Real classification: three elite metrics and one low one, in the default benchmark."""
    result = dora_mod.classify({**GOOD, worst: BAD[worst]})
    assert recommend.worst_metric(result) == worst
    return result


@pytest.mark.parametrize(
    "worst", ["lead_time", "deployment_frequency", "change_failure_rate", "time_to_restore"]
)
def test_now_moves_the_weakest_metric_with_a_practice_whose_primary_link_it_is(worst: str) -> None:
    dims = [_dim(d, 3) for d in ("culture", "automation", "lean", "measurement", "sharing")]
    dims[0] = _dim("culture", 2)  # culture is the weakest dimension: its practices claim no metric
    items = recommend.roadmap(CALMS.practices, dims, {}, _dora(worst))
    now = [i for i in items if i.horizon == "now"]
    movers = [i for i in now if worst in i.dora]
    assert movers, f"no 'now' practice moves {worst}: {[(i.id, i.dora) for i in now]}"
    by_id: dict[str, Practice] = {p.id: p for p in CALMS.practices}
    for i in movers:
        assert worst in by_id[i.id].dora and len(by_id[i.id].dora) <= 2


def test_recommendation_items_carry_who_acts() -> None:
    dims = [_dim(d, 2) for d in ("culture", "automation", "lean", "measurement", "sharing")]
    items = recommend.roadmap(CALMS.practices, dims, {})
    by_id = {p.id: p for p in CALMS.practices}
    assert items and all(i.who_acts == by_id[i.id].actor for i in items)
