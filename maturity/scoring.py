"""Pure scoring functions: answers in, levels out (see docs/scoring.md).

* Dimension score = weighted mean of answered levels (1.0-5.0); "not sure" is excluded.
* Coverage = answered weight / total weight; below 60 % the level is None ("not enough answers").
* Dimension level = floor(score).
* Overall level = min(floor(weighted mean of dimension scores), weakest dimension level + 1);
  None while any dimension has not enough answers (the partial score is still returned).

Scores are rounded to 9 decimals before flooring, so 2.9999999999 from float arithmetic is 3.
Rounding is monotone, so the properties tested with hypothesis (bounded, monotone,
order-independent, deterministic) survive it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from maturity.model.questionnaire import Dimension, Questionnaire
from maturity.model.results import DimensionResult, HeldBack, OverallResult, ScoreResult

MIN_COVERAGE = 0.6
_PRECISION = 9


def _floor(score: float) -> int:
    return max(1, min(5, math.floor(round(score, _PRECISION))))


def score_dimension(dimension: Dimension, levels: Mapping[str, int | None]) -> DimensionResult:
    """Score one dimension from ``levels`` (question id -> level, None = not sure)."""
    total_weight = sum(q.weight for q in dimension.questions)
    answered = [(q, levels[q.id]) for q in dimension.questions if levels.get(q.id) is not None]
    unsure = sum(1 for q in dimension.questions if q.id in levels and levels[q.id] is None)
    answered_weight = sum(q.weight for q, _ in answered)
    coverage = round(answered_weight / total_weight, 4) if total_weight else 0.0
    score: float | None = None
    level: int | None = None
    if answered:
        score = round(sum(q.weight * lv for q, lv in answered if lv) / answered_weight, 4)
        if answered_weight / total_weight >= MIN_COVERAGE - 1e-12:
            level = _floor(score)
    next_level = level + 1 if level is not None and level < 5 else None
    held: list[HeldBack] = []
    distance: float | None = None
    if next_level is not None and score is not None:
        distance = round(next_level - score, 4)
        held = sorted(
            (
                HeldBack(question=q.id, level=lv, weight=q.weight, gap=next_level - lv)
                for q, lv in answered
                if lv is not None and lv < next_level
            ),
            key=lambda h: (h.level, -h.weight, h.question),
        )
    return DimensionResult(
        id=dimension.id,
        score=score,
        level=level,
        coverage=coverage,
        answered=len(answered),
        unsure=unsure,
        total=len(dimension.questions),
        next_level=next_level,
        distance_to_next=distance,
        held_back_by=held,
    )


def score_overall(
    questionnaire: Questionnaire, dimensions: list[DimensionResult], lang: str = "en"
) -> OverallResult:
    """Combine dimension results: weighted mean, floored, capped at weakest level + 1."""
    weights = {d.id: d.weight for d in questionnaire.dimensions}
    scored = [d for d in dimensions if d.score is not None]
    partial = any(d.level is None for d in dimensions)
    if not scored:
        return OverallResult(score=None, level=None, level_name=None, partial=True)
    total = sum(weights[d.id] for d in scored)
    score = round(sum(weights[d.id] * (d.score or 0.0) for d in scored) / total, 4)
    if partial:
        return OverallResult(score=score, level=None, level_name=None, partial=True)
    by_mean = _floor(score)
    weakest = min(dimensions, key=lambda d: (d.level or 0, d.id))
    cap = (weakest.level or 1) + 1
    level = min(by_mean, cap)
    return OverallResult(
        score=score,
        level=level,
        level_name=questionnaire.level_name(level, lang),
        partial=False,
        capped_by=weakest.id if cap < by_mean else None,
    )


def score(
    questionnaire: Questionnaire, levels: Mapping[str, int | None], lang: str = "en"
) -> ScoreResult:
    """Score a whole questionnaire. ``levels`` keys not in the questionnaire are ignored."""
    dims = [score_dimension(d, levels) for d in questionnaire.dimensions]
    return ScoreResult(overall=score_overall(questionnaire, dims, lang), dimensions=dims)
