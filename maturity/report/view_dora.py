"""The DORA section of the assessment report: Quick Check scores against DORA's all-industries
means, then each metric's tier against the chosen benchmark table (historical), with the
benchmark's published values, cluster shares, notes and the 2025 profiles paragraph.

A section module like :mod:`~maturity.report.view_plan` and :mod:`~maturity.report.measured`:
the numbers come from the core (:mod:`maturity.dora`, the results), this only words and draws.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from maturity import dora as dora_mod
from maturity.model.results import DoraResult
from maturity.report import charts
from maturity.report.shared import Lookup


@dataclass(frozen=True)
class BenchCell:
    tier_label: str
    text: str  # the band as published (quoted in the report's source language, English)
    rule: str  # the contiguous boundary used for classification, e.g. "≥ 1/day"
    mine: bool


@dataclass(frozen=True)
class MetricRow:
    id: str
    title: str
    input: str
    tier: str | None
    tier_label: str
    quickcheck: str
    mean: str
    published: list[BenchCell]  # one per benchmark tier, best first; empty for rework rate


@dataclass(frozen=True)
class DoraView:
    year: int
    label: str  # "DORA 2024", "Apache DevLake (DORA 2023)"
    title: str
    source: str
    intro: str
    quick_score: str  # the overall Quick Check score, "7.9" ("" without metrics)
    quick_parts: str  # "Throughput 8.0 · Stability 7.7"
    tier_heading: str  # "Tier against the DORA 2024 benchmark"
    historical: str  # tiers were last published in 2024
    profiles_heading: str
    profiles_text: str
    profiles_source: str
    shares: list[str]  # share of respondents per tier, best first ("–" where unknown)
    shares_source: str
    table_notes: list[str]
    chart_caption: str
    table_caption: str
    tiers: list[str]  # labels, best first
    overall_tier: str | None
    overall_label: str
    sentence: str
    band: str
    optimistic: bool
    optimistic_text: str
    metrics: list[MetricRow]
    quick_source: str
    quick_note: str
    decisions: list[str]
    tier_chart: Markup
    quick_chart: Markup


def _rule_text(
    minimum: str | None, above: str | None, below: str | None, maximum: str | None
) -> str:
    if minimum is not None:
        return f"≥ {minimum}"
    if above is not None:
        return f"> {above}"
    if below is not None:
        return f"< {below}"
    if maximum is not None:
        return f"≤ {maximum}"
    return "…"


def dora_section(
    words: Lookup,
    d: DoraResult | None,
    previous: DoraResult | None,
    previous_label: str | None,
) -> DoraView | None:
    """The DORA section: Quick Check scores first, then the tier against the chosen benchmark.

    ``previous`` is the earlier assessment's DORA result (its tiers are drawn beside this
    one's), ``previous_label`` its legend; ``words`` the report's look-up in its language.
    """
    if d is None:
        return None

    def fmt(key: str, **values: object) -> str:
        return words.t[key].format(**values)

    bench = dora_mod.benchmark(d.benchmark_id or d.benchmark)
    qc = dora_mod.quickcheck_reference()
    research = dora_mod.research_2025()
    means = qc.all_industries_mean
    tiers = [(tid, words.tier_label(tid)) for tid in bench.tiers]
    rows: list[MetricRow] = []
    for metric in dora_mod.ALL_METRICS:
        m = d.metrics.get(metric)
        if m is None:
            continue
        published = bench.published.get(metric, {})
        rules = {
            b.tier: _rule_text(b.min, b.above, b.below, b.max) + (f" ({b.note})" if b.note else "")
            for b in bench.boundaries.get(metric, [])
        }
        rows.append(
            MetricRow(
                id=metric,
                title=words.metric_title(metric),
                input=m.input,
                tier=m.tier,
                tier_label=words.tier_label(m.tier) if m.tier else words.t["no_tier"],
                quickcheck=f"{m.quickcheck:.1f}",
                mean=f"{means[metric]:.1f}" if metric in means else "–",
                published=[
                    BenchCell(
                        label,
                        published.get(tid, "–"),
                        rules.get(tid, ""),
                        tid == m.tier,
                    )
                    for tid, label in tiers
                ]
                if metric in dora_mod.KEY_METRICS
                else [],
            )
        )
    chart_rows: list[charts.ScoreRow] = []
    for row in rows:
        mean = means.get(row.id)
        chart_rows.append(
            charts.ScoreRow(row.title, d.metrics[row.id].quickcheck, mean, emphasis=False)
        )
    summary_rows = [
        ("throughput", words.t["qc_throughput"], means.get("throughput")),
        ("stability", words.t["qc_stability"], means.get("stability")),
    ]
    for key, label, mean in summary_rows:
        score = d.quickcheck.get(key)
        if score is not None:
            chart_rows.append(charts.ScoreRow(label, score, mean, emphasis=True))
    overall_qc = d.quickcheck.get("overall")
    given_means = [means[m] for m in d.metrics if m in means]
    overall_mean = round(sum(given_means) / len(given_means), 2) if given_means else None
    if overall_qc is not None:
        chart_rows.append(
            charts.ScoreRow(words.t["overall"], overall_qc, overall_mean, emphasis=True)
        )
    prev_tiers: dict[str, str | None] = {}
    if previous:
        prev_tiers = {k: v.tier for k, v in previous.metrics.items()}
    tier_rows = [
        charts.TierRow(row.title, row.input, row.tier, prev_tiers.get(row.id))
        for row in rows
        if row.id in dora_mod.KEY_METRICS
    ]
    band = ""
    if d.implied_band:
        band = fmt("implied_band", lo=d.implied_band[0], hi=d.implied_band[1])
    optimistic_text = ""
    if d.optimistic_flag and d.implied_band:
        optimistic_text = fmt("optimistic", lo=d.implied_band[0], hi=d.implied_band[1])
    bench_label = bench.label
    quick_parts = " · ".join(
        f"{words.t[f'qc_{key}']} {d.quickcheck[key]:.1f}"
        for key in ("throughput", "stability")
        if d.quickcheck.get(key) is not None
    )
    table_notes = [
        f"{words.metric_title(metric)}: {words.tr(note) if isinstance(note, dict) else note}"
        for metric, note in bench.notes.items()
    ]
    return DoraView(
        year=bench.year,
        label=bench_label,
        title=bench.title,
        source=bench.source,
        intro=fmt("dora_intro", bench=bench_label),
        quick_score=f"{overall_qc:.1f}" if overall_qc is not None else "",
        quick_parts=quick_parts,
        tier_heading=fmt("tier_against", bench=bench_label),
        historical=fmt("tiers_historical", year=research.tiers_last_published),
        profiles_heading=words.t["profiles_heading"],
        profiles_text=words.tr(research.summary)
        if isinstance(research.summary, dict)
        else research.summary,
        profiles_source=research.source,
        shares=[bench.cluster_share.get(tid, "–") for tid, _ in tiers],
        shares_source=bench.cluster_share_source,
        table_notes=table_notes,
        chart_caption=fmt("tier_chart", bench=bench_label),
        table_caption=fmt("benchmark_table", bench=bench_label),
        tiers=[label for _, label in tiers],
        overall_tier=d.overall,
        overall_label=words.tier_label(d.overall) if d.overall else words.t["dora_overall_none"],
        sentence=fmt(
            "dora_sentence",
            tier=words.tier_label(d.overall),
            bench=bench_label,
            year=research.tiers_last_published,
        )
        if d.overall
        else words.t["dora_overall_none"],
        band=band,
        optimistic=d.optimistic_flag,
        optimistic_text=optimistic_text,
        metrics=rows,
        quick_source=fmt("qc_source", source=qc.source),
        quick_note=fmt("qc_overall_mean_note", performance=f"{means.get('performance', 0.0):.1f}"),
        decisions=list(bench.decisions),
        tier_chart=charts.dora_tiers(
            tier_rows,
            tiers,
            uid="chart-dora",
            title=f"{words.t['dora']} — "
            + "; ".join(f"{r.label} {r.value} ({words.tier_label(r.tier)})" for r in tier_rows),
            previous_label=previous_label,
        ),
        quick_chart=charts.quickcheck(
            chart_rows,
            uid="chart-quick",
            title=f"{words.t['qc_heading']} — "
            + "; ".join(
                f"{r.label} {r.score:.1f}"
                + (f" ({words.t['chart_mean']} {r.mean:.1f})" if r.mean is not None else "")
                for r in chart_rows
            ),
            team_label=words.t["chart_team"],
            mean_label=words.t["chart_mean"],
        ),
    )
