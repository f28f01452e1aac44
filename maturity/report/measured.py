"""The report's "measured delivery data" section: self-reported vs measured, provenance, weeks.

Built from ``Results.measured`` (computed once in the core by :mod:`maturity.measure.assess`);
this module only chooses words and draws the weekly chart.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from markupsafe import Markup

from maturity.measure.model import QUALITY_TEXT
from maturity.measure.text import stat_value
from maturity.model.results import Results
from maturity.report import charts


@dataclass(frozen=True)
class MeasuredRow:
    title: str
    self_input: str
    self_tier: str
    measured: str
    measured_tier: str
    sample: str
    differs: bool


@dataclass(frozen=True)
class MeasuredSection:
    intro: str
    overall: str
    rows: list[MeasuredRow]
    proxy: str
    window: str
    sources: list[str]
    quality: list[tuple[int, str]]
    weekly: Markup | None
    optimistic: str  # the "answers may be optimistic" flag when only measured values exist


class _Words(Protocol):
    """What :func:`section` needs from the report builder (its Texts)."""

    t: dict[str, str]

    def tier_label(self, tier: str | None) -> str: ...

    def metric_title(self, metric: str) -> str: ...


def section(r: Results, words: _Words) -> MeasuredSection | None:
    mv = r.measured
    if mv is None:
        return None
    t = words.t
    m = mv.measurement
    p = m.provenance
    rows: list[MeasuredRow] = []
    for pair in mv.comparison:
        stat = m.metrics.get(pair.metric)
        rows.append(
            MeasuredRow(
                title=words.metric_title(pair.metric),
                self_input=pair.self_reported or "–",
                self_tier=words.tier_label(pair.self_tier) if pair.self_tier else "–",
                measured=stat_value(pair.metric, stat) if stat else t["measured_not"],
                measured_tier=words.tier_label(pair.measured_tier) if pair.measured_tier else "–",
                sample=stat.note if stat else "",
                differs=pair.disagree,
            )
        )
    weekly = None
    if m.weekly:
        weekly = charts.weekly_series(
            [
                charts.WeekPoint(
                    w.start.strftime("%m-%d"), w.deploys, w.median_lead_time_hours, w.failures
                )
                for w in m.weekly
            ],
            uid="chart-weekly",
            title=t["measured_weekly"],
            deploys_label=t["measured_weekly_deploys"],
            lead_label=t["measured_weekly_lead"],
            failures_label=t["measured_weekly_failures"],
        )
    return MeasuredSection(
        intro=t["measured_intro"],
        overall=t["measured_overall"].format(
            year=mv.dora.benchmark, tier=words.tier_label(mv.dora.overall)
        ),
        rows=rows,
        proxy=t["measured_proxy"].format(days=p.failures_from_reverts)
        if p.failures_from_reverts is not None
        else "",
        window=t["measured_window"].format(
            start=f"{p.window.start:%Y-%m-%d}",
            end=f"{p.window.end:%Y-%m-%d}",
            days=f"{p.window.days:g}",
            at=f"{p.measured_at:%Y-%m-%d}",
            version=p.tool_version,
        ),
        sources=list(p.sources),
        quality=[(n, QUALITY_TEXT.get(k, k)) for k, n in p.quality.items()],
        weekly=weekly,
        optimistic=t["optimistic"].format(
            lo=mv.effective.implied_band[0], hi=mv.effective.implied_band[1]
        )
        if r.dora is None and mv.effective.optimistic_flag and mv.effective.implied_band
        else "",
    )
