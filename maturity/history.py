"""Compare, trend and portfolio computations over evaluated assessments (pure functions).

Questionnaire versions may differ between assessments: questions are matched by id, and the
ones only one side asked are listed, never silently dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from statistics import fmean

from maturity import plan
from maturity.dora import KEY_METRICS, TIER_RANK
from maturity.errors import MaturityError
from maturity.model.assessment import Assessment
from maturity.model.history import (
    AnswerChange,
    AssessmentInfo,
    Comparison,
    DimensionDelta,
    MetricChange,
    Portfolio,
    PortfolioRow,
    Trend,
    TrendPoint,
)
from maturity.model.plan import DoneShare
from maturity.model.results import Results
from maturity.questionnaire import LoadedQuestionnaire
from maturity.timefmt import format_time

STALE_AFTER_DAYS = 182  # "over six months"


@dataclass(frozen=True)
class Evaluated:
    """An assessment with the questionnaire it was taken with and its computed results."""

    assessment: Assessment
    questionnaire: LoadedQuestionnaire
    results: Results


def _info(e: Evaluated) -> AssessmentInfo:
    a = e.assessment
    return AssessmentInfo(
        id=a.id,
        team=a.team,
        created=format_time(a.created),
        questionnaire=f"{a.questionnaire.id} {a.questionnaire.version}",
        status=a.status,
    )


def _delta(x: float | None, y: float | None) -> float | None:
    return round(y - x, 4) if x is not None and y is not None else None


def _ldelta(x: int | None, y: int | None) -> int | None:
    return y - x if x is not None and y is not None else None


def _tier(e: Evaluated) -> str | None:
    """The overall DORA tier, from measured values where the assessment has them."""
    d = e.results.effective_dora()
    return d.overall if d else None


def compare(a: Evaluated, b: Evaluated) -> Comparison:
    """What changed from ``a`` (earlier) to ``b`` (later)."""
    ra, rb = a.results, b.results
    a_dims = {d.id: d for d in ra.dimensions}
    b_dims = {d.id: d for d in rb.dimensions}
    order = [d.id for d in ra.dimensions] + [d.id for d in rb.dimensions if d.id not in a_dims]
    dims = []
    for dim in order:
        da, db = a_dims.get(dim), b_dims.get(dim)
        sa, sb = (da.score if da else None), (db.score if db else None)
        la, lb = (da.level if da else None), (db.level if db else None)
        dims.append(DimensionDelta(id=dim, a_score=sa, b_score=sb, score_delta=_delta(sa, sb),
                                   a_level=la, b_level=lb, level_delta=_ldelta(la, lb)))  # fmt: skip
    oa, ob = ra.overall, rb.overall
    overall = DimensionDelta(id="overall", a_score=oa.score, b_score=ob.score, score_delta=_delta(oa.score, ob.score),
                             a_level=oa.level, b_level=ob.level, level_delta=_ldelta(oa.level, ob.level))  # fmt: skip

    qa = {q.id: d.id for d, q in a.questionnaire.questionnaire.questions()}
    qb = {q.id: d.id for d, q in b.questionnaire.questionnaire.questions()}
    changed: list[AnswerChange] = []
    for qid in [*qa, *(q for q in qb if q not in qa)]:
        if qid not in qa or qid not in qb:
            continue
        x, y = a.assessment.answers.get(qid), b.assessment.answers.get(qid)
        same_level = (x is None) == (y is None) and (x is None or y is None or x.level == y.level)
        same_note = (x.note if x else "") == (y.note if y else "")
        if same_level and same_note:
            continue
        changed.append(
            AnswerChange(
                question=qid,
                dimension=qb[qid],
                a_level=x.level if x else None,
                b_level=y.level if y else None,
                a_answered=x is not None,
                b_answered=y is not None,
                a_note=x.note if x else "",
                b_note=y.note if y else "",
            )
        )

    dora: list[MetricChange] = []
    dora_a, dora_b = ra.effective_dora(), rb.effective_dora()  # measured values where present
    ma = dora_a.metrics if dora_a else {}
    mb = dora_b.metrics if dora_b else {}
    for metric in [*KEY_METRICS, "rework_rate"]:
        x2, y2 = ma.get(metric), mb.get(metric)
        if x2 is None and y2 is None:
            continue
        dora.append(MetricChange(metric=metric, a_input=x2.input if x2 else None, b_input=y2.input if y2 else None,
                                 a_tier=x2.tier if x2 else None, b_tier=y2.tier if y2 else None))  # fmt: skip

    a_recs = {r.id: r for r in ra.recommendations}
    b_recs = {r.id for r in rb.recommendations}
    done = [
        r.id
        for r in ra.recommendations
        if r.id not in b_recs
        and (b_dims.get(r.dimension) and (b_dims[r.dimension].level or 0) >= r.level)
    ]
    new = [r.id for r in rb.recommendations if r.id not in a_recs]
    return Comparison(
        a=_info(a),
        b=_info(b),
        overall=overall,
        dimensions=dims,
        changed=changed,
        only_in_a=[q for q in qa if q not in qb],
        only_in_b=[q for q in qb if q not in qa],
        dora=dora,
        dora_overall=(dora_a.overall if dora_a else None, dora_b.overall if dora_b else None),
        done=done,
        new=new,
        payoff=plan.payoff(
            a.assessment,
            b.assessment,
            [*a.questionnaire.practices, *b.questionnaire.practices],
            ra.dimensions,
            rb.dimensions,
        ),
    )


def trend(team: str, evaluated: Sequence[Evaluated]) -> Trend:
    """Per-dimension scores and DORA tier of a team's assessments, oldest first."""
    ordered = sorted(evaluated, key=lambda e: (e.assessment.created, e.assessment.id))
    dims: list[str] = []
    for e in ordered:
        dims += [d.id for d in e.results.dimensions if d.id not in dims]
    points = [
        TrendPoint(
            id=e.assessment.id,
            created=format_time(e.assessment.created),
            status=e.assessment.status,
            questionnaire=f"{e.assessment.questionnaire.id} {e.assessment.questionnaire.version}",
            overall_score=e.results.overall.score,
            overall_level=e.results.overall.level,
            dimensions={d.id: d.score for d in e.results.dimensions},
            levels={d.id: d.level for d in e.results.dimensions},
            dora_tier=_tier(e),
        )
        for e in ordered
    ]
    return Trend(
        team=team,
        dimensions=dims,
        points=points,
        actions_done=plan.done_share(e.assessment for e in ordered),
    )


def portfolio(
    latest: Sequence[Evaluated], now: datetime, actions_done: Sequence[DoneShare] = ()
) -> Portfolio:
    """Teams x dimensions of each team's latest assessment; the organisation's weakest dimension.

    ``actions_done``: the share of actions done per team and quarter (:func:`plan.done_share`)."""
    return portfolio_of([portfolio_row(e, now) for e in latest], actions_done)


def is_stale(created: datetime, now: datetime) -> bool:
    """An assessment older than :data:`STALE_AFTER_DAYS` at ``now`` ("over six months")."""
    return now - created > timedelta(days=STALE_AFTER_DAYS)


def portfolio_row(e: Evaluated, now: datetime) -> PortfolioRow:
    """One team's row of the portfolio: its latest assessment's levels, scores and tier."""
    return PortfolioRow(
        team=e.assessment.team,
        assessment=e.assessment.id,
        date=format_time(e.assessment.created),
        stale=is_stale(e.assessment.created, now),
        overall_level=e.results.overall.level,
        levels={d.id: d.level for d in e.results.dimensions},
        scores={d.id: d.score for d in e.results.dimensions},
        dora_tier=_tier(e),
    )


def portfolio_of(rows: Sequence[PortfolioRow], actions_done: Sequence[DoneShare] = ()) -> Portfolio:
    """The portfolio of the teams' rows (:func:`portfolio_row`), given in the store's team
    order: the dimensions in the order the rows first show them, the rows by team name."""
    dims: list[str] = []
    for r in rows:
        dims += [d for d in r.levels if d not in dims]
    ordered = sorted(rows, key=lambda r: r.team.casefold())
    means: dict[str, float | None] = {}
    for dim in dims:
        values = [s for r in ordered if (s := r.scores.get(dim)) is not None]
        means[dim] = round(fmean(values), 4) if values else None
    scored = [(m, d) for d, m in means.items() if m is not None]
    return Portfolio(
        dimensions=dims,
        rows=ordered,
        weakest_dimension=min(scored)[1] if scored else None,
        dimension_means=means,
        stale_after_days=STALE_AFTER_DAYS,
        actions_done=list(actions_done),
    )


PORTFOLIO_SORTS: tuple[str, ...] = ("team", "date", "overall", "dora")
"""The portfolio's sort keys besides a dimension id (which sorts by that dimension's score)."""


def sort_portfolio(p: Portfolio, key: str = "team", *, reverse: bool = False) -> list[PortfolioRow]:
    """The portfolio's rows in the order of ``key``: team, date, overall, dora or a dimension id.

    The one ordering the CLI, the TUI and the reports share. Teams without a value (not enough
    answers, no DORA metrics) come last whichever the direction, so "weakest first" never
    starts with a row that says nothing; ties keep team order (case ignored). ``reverse``
    turns the known values round (highest first, newest first).
    """

    def team(r: PortfolioRow) -> str:
        return r.team.casefold()

    value: Callable[[PortfolioRow], float | str | None]
    if key == "team":
        return sorted(p.rows, key=team, reverse=reverse)
    if key == "date":
        value = lambda r: r.date  # noqa: E731
    elif key == "overall":
        value = lambda r: r.overall_level  # noqa: E731
    elif key == "dora":
        value = lambda r: TIER_RANK.get(r.dora_tier or "")  # noqa: E731
    elif key in p.dimensions:
        value = lambda r: r.scores.get(key)  # noqa: E731
    else:
        choices = ", ".join([*PORTFOLIO_SORTS, *p.dimensions])
        raise MaturityError(f"cannot sort by '{key}'; use one of {choices}")
    by_team = sorted(p.rows, key=team)
    known = [r for r in by_team if value(r) is not None]
    unknown = [r for r in by_team if value(r) is None]
    known.sort(key=lambda r: value(r) or 0, reverse=reverse)  # stable: ties stay by team
    return known + unknown
