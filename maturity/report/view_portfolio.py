"""View model of the portfolio report (what ``portfolio.html`` shows): every team's latest levels.

The rows come from the coach core (:func:`maturity.history.portfolio`), in its one order
(:func:`maturity.history.sort_portfolio`, by team, as the CLI and the TUI list them); this
module adds words, the heat map cells, means and the chart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from markupsafe import Markup

from maturity.history import sort_portfolio
from maturity.model.history import Portfolio
from maturity.questionnaire import LoadedQuestionnaire
from maturity.report import charts
from maturity.report.shared import (
    TIERS_BEST_FIRST,
    DocCover,
    DocView,
    Lookup,
    Meta,
    ShareRow,
    TocEntry,
    css_content,
    fmt_date,
    share_rows,
    short_date,
)
from maturity.report.strings_history import history_strings
from maturity.report.strings_plan import plan_strings
from maturity.textfmt import format_level, format_score
from maturity.timefmt import parse_time

DOTS = 5


@dataclass(frozen=True)
class HeatCell:
    level: int | None
    text: str  # "3" or "–"
    score: str  # "3.25" or "–"
    dots: str  # "●●●○○": the level again, for readers who cannot tell shades apart


@dataclass(frozen=True)
class HeatColumn:
    title: str
    weakest: bool


@dataclass(frozen=True)
class HeatRow:
    team: str
    cells: list[HeatCell]
    overall: HeatCell
    dora: str
    date: str
    stale: bool


@dataclass(frozen=True)
class PortfolioView(DocView):
    weakest: str  # the weakest dimension's title ("" with no scores)
    weakest_score: str
    sentences: list[str]
    chart: Markup | None
    columns: list[HeatColumn]
    rows: list[HeatRow]
    means: list[str]
    legend: str
    stale_days: int
    actions_done: list[ShareRow] = field(default_factory=list)
    pt: dict[str, str] = field(default_factory=dict)


def heat_cell(level: int | None, score: float | None) -> HeatCell:
    dots = "" if level is None else "●" * level + "○" * (DOTS - level)
    return HeatCell(level, format_level(level), format_score(score), dots)


def build_portfolio_view(
    portfolio: Portfolio,
    questionnaires: Sequence[LoadedQuestionnaire],
    lang: str,
    *,
    generated: datetime | None = None,
) -> PortfolioView:
    """Every team's latest levels as a heat map; ``questionnaires`` newest first, for titles."""
    generated = generated or datetime.now(UTC)
    cat = Lookup(questionnaires, lang, history_strings(lang))
    t = cat.t
    p = portfolio
    titles = {d: cat.dim_title(d) for d in p.dimensions}
    weakest = p.weakest_dimension
    rows = [
        HeatRow(
            team=r.team,
            cells=[heat_cell(r.levels.get(d), r.scores.get(d)) for d in p.dimensions],
            overall=heat_cell(r.overall_level, None),
            dora=cat.tier_label(r.dora_tier),
            date=short_date(parse_time(r.date), lang),
            stale=r.stale,
        )
        for r in sort_portfolio(p, "team")  # the one portfolio order (CLI, TUI, reports)
    ]
    sentences: list[str] = []
    scored = {d: m for d, m in p.dimension_means.items() if m is not None}
    weakest_title = titles.get(weakest, "") if weakest else ""
    weakest_score = format_score(scored.get(weakest)) if weakest else "–"
    if p.rows:
        dates = sorted(parse_time(r.date) for r in p.rows)
        first, last = fmt_date(dates[0], lang), fmt_date(dates[-1], lang)
        sentences.append(t["pf_teams_sentence"].format(count=len(p.rows), first=first, last=last))
        if weakest:
            sentences.append(
                t["pf_weakest_sentence"].format(title=weakest_title, score=weakest_score)
            )
        if len(scored) > 1:
            strongest = max(scored, key=lambda d: (scored[d], d))
            sentences.append(
                t["pf_strongest_sentence"].format(
                    title=titles[strongest], score=format_score(scored[strongest])
                )
            )
        stale = sum(r.stale for r in p.rows)
        if stale:
            sentences.append(
                t["pf_stale_sentence"].format(
                    count=stale, days=p.stale_after_days, stale=t["pf_stale"]
                )
            )
        else:
            sentences.append(t["pf_fresh_sentence"].format(days=p.stale_after_days))
        counts = {tier: sum(r.dora_tier == tier for r in p.rows) for tier in TIERS_BEST_FIRST}
        none = sum(r.dora_tier is None for r in p.rows)
        parts = [f"{cat.tier_label(tier)} {n}" for tier, n in counts.items() if n]
        if none:
            parts.append(f"{t['no_tier_short']} {none}")
        sentences.append(t["pf_dora_sentence"].format(items=", ".join(parts)))
    else:
        sentences.append(t["pf_no_teams"])
        first = last = ""
    chart = None
    if p.dimensions:
        chart = charts.dimension_bars(
            [
                charts.Bar(
                    label=titles[d],
                    value=p.dimension_means.get(d),
                    caption=format_score(p.dimension_means.get(d))
                    + (f" · ▼ {t['pf_weakest_mark']}" if d == weakest else ""),
                )
                for d in p.dimensions
            ],
            uid="chart-means",
            title=t["pf_chart"],
            this_label=t["pf_mean"],
        )
    n_stale = sum(r.stale for r in p.rows)
    facts = [
        (t["teams"], str(len(p.rows))),
        (t["pf_stale_teams"].format(days=p.stale_after_days), str(n_stale)),
        (t["pf_dates"], f"{first} – {last}" if p.rows else "–"),
        (t["generated_on"], fmt_date(generated, lang)),
    ]
    return PortfolioView(
        kind="portfolio",
        lang=lang,
        t=t,
        meta=Meta.of(
            t,
            title=f"{t['portfolio_title']} — {t['portfolio_team']}",
            subject=t["portfolio_subject"],
            author=None,
            created=generated,
            modified=generated,
        ),
        cover=DocCover(
            kicker=t["portfolio_title"],
            title=t["portfolio_team"],
            subtitle=sentences[0],
            big_label=t["pf_weakest"],
            big=weakest_title or "–",
            big_name="",
            big_line=f"{t['pf_mean']} {weakest_score}" if weakest else "",
            facts=facts,
            toc=[TocEntry("summary", t["summary"]), TocEntry("heatmap", t["pf_heatmap"])],
        ),
        page_counter=css_content(t["page_of"]),
        weakest=weakest_title,
        weakest_score=weakest_score,
        sentences=sentences,
        chart=chart,
        columns=[HeatColumn(titles[d], d == weakest) for d in p.dimensions],
        rows=rows,
        means=[format_score(p.dimension_means.get(d)) for d in p.dimensions],
        legend=cat.legend(),
        stale_days=p.stale_after_days,
        actions_done=share_rows(p.actions_done, plan_strings(lang)),
        pt=plan_strings(lang),
    )
