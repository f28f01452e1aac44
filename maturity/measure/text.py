"""Plain-text rendering of a measurement (command line; the TUI shows the same lines)."""

from __future__ import annotations

from maturity import dora
from maturity.measure.model import QUALITY_TEXT, Measurement, Stat
from maturity.safetext import terminal_safe

TITLES = {
    "deployment_frequency": "Deployment frequency",
    "lead_time": "Lead time for changes",
    "change_failure_rate": "Change failure rate",
    "time_to_restore": "Failed deployment recovery time",
    "rework_rate": "Rework rate",
}
MISSING = {
    "lead_time": "not measured: give --repo PATH",
    "change_failure_rate": "not measured: give --incidents FILE or --failures-from-reverts N",
    "time_to_restore": "not measured: give --incidents FILE",
    "rework_rate": "not measured: the deploy records have no 'unplanned' column",
}


def hours(value: float | None) -> str:
    """Hours in the largest readable unit: 45m, 6.5h, 3.2d, 5.1w."""
    if value is None:
        return "–"
    if value < 1:
        return f"{value * 60:.0f}m"
    if value < 48:
        return f"{value:.1f}h"
    if value < 24 * 14:
        return f"{value / 24:.1f}d"
    return f"{value / 168:.1f}w"


def stat_value(metric: str, s: Stat) -> str:
    if s.value is None:
        return "–"
    if metric == "deployment_frequency":
        return f"{s.value:.2f}/week"
    if s.unit == "hours":
        return f"{hours(s.median)} (p90 {hours(s.p90)})"
    return f"{s.value:.1f}%"


def metric_lines(m: Measurement) -> list[str]:
    out: list[str] = []
    for metric in dora.ALL_METRICS:
        title = TITLES[metric]
        s = m.metrics.get(metric)
        if s is None:
            out.append(f"  {title:<32} {MISSING[metric]}")
            continue
        extra = ""
        if metric == "deployment_frequency":
            days = s.extra.get("median_deploy_days_per_week")
            extra = f", median {days:g} deploy days/week" if days is not None else ""
        out.append(f"  {title:<32} {stat_value(metric, s):<24} n={s.n} {s.sample}{extra}")
        out.append(f"  {'':<32} {s.note}")
    return out


def render(m: Measurement, tiers: dict[int, dora.DoraResult]) -> str:
    p = m.provenance
    w = p.window
    lines = [
        f"Measured DORA metrics, {w.start:%Y-%m-%d %H:%M} to {w.end:%Y-%m-%d %H:%M} UTC"
        f" ({w.days:g} days), environment {p.environment}",
        *[f"  source  {terminal_safe(s)}" for s in p.sources],  # file names as typed
        "",
        *metric_lines(m),
    ]
    if p.failures_from_reverts is not None:
        lines += [
            "",
            f"  ! Change failure rate is a PROXY: reverts within {p.failures_from_reverts} days,"
            " not incident records.",
        ]
    lines += ["", "Tier per benchmark year (overall = highest tier 3 of 4 keys reach)"]
    order = [k for k in dora.ALL_METRICS if k in m.inputs()]
    for year, r in tiers.items():
        cells = "  ".join(
            f"{TITLES[k].split()[0].lower()[:6]} {(r.metrics[k].tier or '–'):<6}"
            for k in order
            if k in dora.KEY_METRICS
        )
        lines.append(f"  {year}  overall {(r.overall or '–'):<6}  {cells}")
    latest = tiers.get(dora.default_year())
    if latest and latest.quickcheck["overall"] is not None:
        per = "  ".join(
            f"{TITLES[k].split()[0].lower()} {v.quickcheck:.1f}" for k, v in latest.metrics.items()
        )
        lines.append(f"Quick Check score {latest.quickcheck['overall']:.1f}/10  ({per})")
    lines += ["", "Data quality (counted, never dropped silently)"]
    if p.quality:
        lines += [f"  {n:>6}  {QUALITY_TEXT.get(k, k)}" for k, n in p.quality.items()]
    else:
        lines.append("  nothing to report")
    return "\n".join(lines)
