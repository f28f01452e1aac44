"""Recommendation engine: which practices come next, in what order (see docs/scoring.md).

For each dimension the candidates are the practices whose target level is the dimension's
level + 1, ordered by the weakest linked answers (the practice that addresses the lowest
answers first). The roadmap puts them on three horizons:

* **now**: the weakest dimension's next practices, plus the best next practice whose *primary*
  DORA link (at most two per practice, backed by its capability in DORA's research model) is the
  worst DORA metric;
* **next**: the other dimensions' next practices;
* **later**: practices two levels up (level + 2).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from maturity.dora import TIER_RANK, DoraResult
from maturity.model.questionnaire import Practice
from maturity.model.results import DimensionResult, Horizon, RecommendationItem
from maturity.model.text import tr

PER_DIMENSION_NEXT = 3
PER_DIMENSION_LATER = 2
NOW_FROM_WEAKEST = 3
_EFFORT = {"S": 0, "M": 1, "L": 2}


def base_level(dim: DimensionResult) -> int:
    """The level recommendations start from; a dimension without enough answers uses its score."""
    if dim.level is not None:
        return dim.level
    return max(1, min(5, int(dim.score))) if dim.score is not None else 1


def rank_practices(
    practices: Sequence[Practice], levels: Mapping[str, int | None]
) -> list[Practice]:
    """Order by weakest linked answer, then mean linked answer, then effort, then id."""

    def key(p: Practice) -> tuple[float, float, int, str]:
        linked = [lv for q in p.questions if (lv := levels.get(q)) is not None]
        weakest = min(linked) if linked else 6.0  # unanswered links sort after answered ones
        mean = sum(linked) / len(linked) if linked else 6.0
        return (weakest, mean, _EFFORT[p.effort], p.id)

    return sorted(practices, key=key)


def worst_metric(dora: DoraResult | None) -> str | None:
    """The key metric in the lowest tier (ties: lowest Quick Check score, then name)."""
    if dora is None:
        return None
    ranked = [(TIER_RANK[m.tier], m.quickcheck, name) for name, m in dora.metrics.items() if m.tier]
    return min(ranked)[2] if ranked else None


def roadmap(
    practices: Sequence[Practice],
    dimensions: Sequence[DimensionResult],
    levels: Mapping[str, int | None],
    dora: DoraResult | None = None,
    lang: str = "en",
) -> list[RecommendationItem]:
    """The prioritised roadmap: now, then next, then later; each practice appears once."""
    by_dim: dict[str, list[Practice]] = {}
    for p in practices:
        by_dim.setdefault(p.dimension, []).append(p)

    ranked: dict[tuple[str, int], list[Practice]] = {}

    def at(dim: DimensionResult, target: int) -> list[Practice]:
        key = (dim.id, target)
        if key not in ranked:
            ranked[key] = rank_practices(
                [p for p in by_dim.get(dim.id, []) if p.level == target], levels
            )
        return ranked[key]

    chosen: dict[str, tuple[Horizon, Practice]] = {}

    def add(horizon: Horizon, items: Sequence[Practice]) -> None:
        for p in items:
            chosen.setdefault(p.id, (horizon, p))

    # A dimension nobody has answered yet tells us nothing: no advice for it until it has answers.
    open_dims = [d for d in dimensions if d.score is not None and base_level(d) < 5]
    if open_dims:
        # The weakest dimension is judged among those with enough answers, when there are any.
        judged = [d for d in open_dims if d.level is not None] or open_dims
        weakest = min(judged, key=lambda d: (base_level(d), d.score or 0.0))
        add("now", at(weakest, base_level(weakest) + 1)[:NOW_FROM_WEAKEST])
        metric = worst_metric(dora)
        if metric:
            # Only practices whose primary DORA link is that metric (``Practice.dora``, backed by
            # their capability in questionnaires/capabilities.yaml); the next level first, then
            # the one after, so a team whose weakest dimension claims no metric still gets one.
            for step in (1, 2):
                movers = [
                    p
                    for d in open_dims
                    if base_level(d) + step <= 5
                    for p in at(d, base_level(d) + step)
                    if metric in p.dora
                ]
                if movers:
                    add("now", rank_practices(movers, levels)[:1])
                    break
        for d in open_dims:
            add("next", at(d, base_level(d) + 1)[:PER_DIMENSION_NEXT])
        for d in open_dims:
            if base_level(d) + 2 <= 5:
                add("later", at(d, base_level(d) + 2)[:PER_DIMENSION_LATER])
    order = {"now": 0, "next": 1, "later": 2}
    items = sorted(chosen.values(), key=lambda hp: order[hp[0]])
    return [
        RecommendationItem(
            id=p.id,
            dimension=p.dimension,
            horizon=h,
            title=tr(p.title, lang),
            level=p.level,
            effort=p.effort,
            dora=list(p.dora),
            questions=list(p.questions),
            who_acts=p.actor,
        )
        for h, p in items
    ]
