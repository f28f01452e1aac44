"""Measured values next to self-reported ones: tiers per benchmark year and disagreements.

The tier rule lives once, in :mod:`maturity.dora`; this module only hands it the measured
inputs (in the same human form a team types) and compares the outcomes.
"""

from __future__ import annotations

from maturity import dora
from maturity.measure.model import Measurement
from maturity.model.results import MeasuredView, MetricPair


def classify_years(m: Measurement) -> dict[int, dora.DoraResult]:
    """The measured metrics against every packaged benchmark year."""
    inputs = m.inputs()
    return {year: dora.classify(inputs, year) for year in dora.benchmark_years()}


def effective_inputs(self_reported: dict[str, str], m: Measurement | None) -> dict[str, str]:
    """Per metric, the measured value where there is one, else what the team said."""
    merged = dict(self_reported)
    if m is not None:
        merged.update(m.inputs())
    return merged


def compare(
    self_result: dora.DoraResult | None, measured: dora.DoraResult, m: Measurement
) -> list[MetricPair]:
    out: list[MetricPair] = []
    for metric in dora.ALL_METRICS:
        s = self_result.metrics.get(metric) if self_result else None
        x = measured.metrics.get(metric)
        stat = m.metrics.get(metric)
        if s is None and x is None:
            continue
        gap: int | None = None
        if s is not None and x is not None and s.tier and x.tier:
            gap = dora.TIER_RANK[x.tier] - dora.TIER_RANK[s.tier]
        out.append(
            MetricPair(
                metric=metric,
                self_reported=s.input if s else None,
                self_tier=s.tier if s else None,
                measured=x.input if x else None,
                measured_tier=x.tier if x else None,
                n=stat.n if stat else None,
                confidence=stat.confidence if stat else None,
                proxy=stat.proxy if stat else False,
                gap=gap,
                disagree=gap is not None and abs(gap) >= 1,
            )
        )
    return out


def view(
    self_inputs: dict[str, str],
    self_result: dora.DoraResult | None,
    m: Measurement,
    year: dora.BenchmarkKey | None,
    calms_score: float | None,
) -> MeasuredView:
    """Classify the measurement with the same benchmark and CALMS score as the answers."""
    if year is None and self_result is not None:
        year = self_result.benchmark_id or self_result.benchmark
    measured = dora.classify(m.inputs(), year, calms_score=calms_score)
    effective = dora.classify(effective_inputs(self_inputs, m), year, calms_score=calms_score)
    pairs = compare(self_result, measured, m)
    return MeasuredView(
        dora=measured,
        effective=effective,
        comparison=pairs,
        disagreements=sum(p.disagree for p in pairs),
        measurement=m,
    )
