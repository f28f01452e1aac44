"""View model of the trend report (what ``trend.html`` shows): one team's assessments over time.

The points come from the coach core (:func:`maturity.history.trend`); this module adds words,
titles across questionnaire versions (:class:`~maturity.report.shared.Lookup`) and the chart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from markupsafe import Markup

from maturity.model.history import Trend
from maturity.questionnaire import LoadedQuestionnaire
from maturity.report import charts_history
from maturity.report.shared import (
    TIERS_BEST_FIRST,
    DeltaRow,
    DocCover,
    DocView,
    Lookup,
    Meta,
    ShareRow,
    TocEntry,
    big_levels,
    css_content,
    delta_row,
    fmt_date,
    share_rows,
    short_date,
)
from maturity.report.strings_history import history_strings
from maturity.report.strings_plan import plan_strings
from maturity.textfmt import format_level, format_score
from maturity.timefmt import parse_time

TIERS_LISTED = 8  # a trend summary names every DORA tier up to this many assessments


@dataclass(frozen=True)
class TrendCell:
    score: str
    level: str  # "3" or "–"


@dataclass(frozen=True)
class TrendRow:
    date: str
    id: str
    questionnaire: str
    cells: list[TrendCell]
    overall: TrendCell
    dora: str


@dataclass(frozen=True)
class TrendView(DocView):
    level_big: str
    level_name: str
    sentences: list[str]
    chart: Markup
    chart_note: str
    columns: list[str]
    rows: list[TrendRow]
    since: list[DeltaRow]  # first vs latest: overall, then each dimension
    legend: str
    actions_done: list[ShareRow] = field(default_factory=list)
    pt: dict[str, str] = field(default_factory=dict)


def build_trend_view(
    trend: Trend,
    questionnaires: Sequence[LoadedQuestionnaire],
    lang: str,
    *,
    facilitator: str | None = None,
    generated: datetime | None = None,
) -> TrendView:
    """The trend report of one team; ``questionnaires`` are the versions its points used,
    newest first (for titles). The core refuses a trend of fewer than two assessments, so
    there is always a first and a latest point here."""
    generated = generated or datetime.now(UTC)
    cat = Lookup(questionnaires, lang, history_strings(lang))
    t = cat.t
    points = trend.points
    first, last = points[0], points[-1]
    times = [parse_time(p.created) for p in points]
    span = (times[-1] - times[0]).total_seconds()
    positions = (
        [(x - times[0]).total_seconds() / span for x in times]
        if span > 0
        else [i / max(len(points) - 1, 1) for i in range(len(points))]
    )
    titles = [cat.dim_title(d) for d in trend.dimensions]
    chart = charts_history.trend_lines(
        [
            charts_history.Series(title, [p.dimensions.get(d) for p in points])
            for d, title in zip(trend.dimensions, titles, strict=True)
        ],
        positions,
        [short_date(x, lang) for x in times],
        [p.dora_tier for p in points],
        [(tier, cat.tier_label(tier)) for tier in TIERS_BEST_FIRST],
        uid="chart-trend",
        title=t["trend_chart"],
        axis_label=t["trend_axis"],
        tier_title="DORA",
        none_label="–",
    )
    rows = [
        TrendRow(
            date=fmt_date(when, lang),
            id=p.id,
            questionnaire=p.questionnaire,
            cells=[
                TrendCell(format_score(p.dimensions.get(d)), format_level(p.levels.get(d)))
                for d in trend.dimensions
            ],
            overall=TrendCell(format_score(p.overall_score), format_level(p.overall_level)),
            dora=cat.tier_label(p.dora_tier),
        )
        for p, when in zip(points, times, strict=True)
    ]
    since = [
        delta_row(
            cat,
            t["overall"],
            first.overall_score,
            last.overall_score,
            first.overall_level,
            last.overall_level,
        )
    ] + [
        delta_row(
            cat,
            title,
            first.dimensions.get(d),
            last.dimensions.get(d),
            first.levels.get(d),
            last.levels.get(d),
        )
        for d, title in zip(trend.dimensions, titles, strict=True)
    ]
    first_date, last_date = fmt_date(times[0], lang), fmt_date(times[-1], lang)
    sentences = [
        t["trend_points_sentence"].format(count=len(points), first=first_date, last=last_date)
    ]
    o = since[0]
    if first.overall_score is not None and last.overall_score is not None:
        sentences.append(
            t["trend_overall_sentence"].format(
                a=o.a_score,
                b=o.b_score,
                delta=o.delta,
                la=cat.level_label(first.overall_level),
                lb=cat.level_label(last.overall_level),
            )
        )
    items = [f"{r.label} {r.delta}" for r in since[1:] if r.delta]
    if items:
        sentences.append(t["trend_since_sentence"].format(items=", ".join(items)))
    if any(p.dora_tier for p in points):
        if len(points) <= TIERS_LISTED:  # few points: every tier, so a rise and fall shows
            tiers = ", ".join(cat.tier_label(p.dora_tier) for p in points)
            sentences.append(t["trend_dora_each_sentence"].format(items=tiers))
        else:
            sentences.append(
                t["trend_dora_sentence"].format(
                    a=cat.tier_label(first.dora_tier), b=cat.tier_label(last.dora_tier)
                )
            )
    big, big_name = big_levels(cat, first.overall_level, last.overall_level)
    versions = list(dict.fromkeys(p.questionnaire for p in points))
    facts = [
        (t["assessments"], str(len(points))),
        (t["assessed_on"], f"{first_date} – {last_date}"),
        (t["questionnaire"], ", ".join(versions)),
        (t["generated_on"], fmt_date(generated, lang)),
    ]
    score_line = ""
    if first.overall_score is not None and last.overall_score is not None:
        score_line = t["score_line"].format(a=o.a_score, b=o.b_score, delta=o.delta)
    return TrendView(
        kind="trend",
        lang=lang,
        t=t,
        meta=Meta.of(
            t,
            title=f"{t['trend_title']} — {trend.team}",
            subject=t["trend_subject"],
            author=facilitator,
            created=times[0],
            modified=times[-1],
        ),
        cover=DocCover(
            kicker=t["trend_title"],
            title=trend.team,
            subtitle=t["trend_points_sentence"].format(
                count=len(points), first=first_date, last=last_date
            ),
            big_label=t["overall_level"],
            big=big,
            big_name=big_name,
            big_line=score_line,
            facts=facts,
            toc=[TocEntry("summary", t["summary"]), TocEntry("points", t["trend_points"])],
        ),
        page_counter=css_content(t["page_of"]),
        level_big=big,
        level_name=big_name,
        sentences=sentences,
        chart=chart,
        chart_note=t["trend_chart_note"],
        columns=titles,
        rows=rows,
        since=since,
        legend=cat.legend(),
        actions_done=share_rows(trend.actions_done, plan_strings(lang)),
        pt=plan_strings(lang),
    )
