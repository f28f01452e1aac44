"""DORA delivery metrics: parse human inputs, classify them against a published benchmark year.

The benchmark tables are data (``questionnaires/dora/benchmark-YEAR.yaml``), each with its
source and the choices made to turn the published, overlapping bands into contiguous ones.
Everything here is pure: no I/O beyond reading those packaged files once.
"""

from __future__ import annotations

import math
import re
from functools import cache
from pathlib import Path
from statistics import fmean
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from maturity.errors import MaturityError
from maturity.limits import text_error

# Defined with the result models (models never import rules); re-exported for callers.
from maturity.model.results import DoraResult as DoraResult
from maturity.model.results import MetricResult as MetricResult
from maturity.model.results import Tier as Tier
from maturity.model.text import LText
from maturity.resources import questionnaires_dir
from maturity.yamlio import load_yaml

MetricKind = Literal["frequency", "duration", "rate"]

KEY_METRICS: tuple[str, ...] = (
    "deployment_frequency",
    "lead_time",
    "change_failure_rate",
    "time_to_restore",
)
ALL_METRICS: tuple[str, ...] = (*KEY_METRICS, "rework_rate")
METRIC_KIND: dict[str, MetricKind] = {
    "deployment_frequency": "frequency",
    "lead_time": "duration",
    "change_failure_rate": "rate",
    "time_to_restore": "duration",
    "rework_rate": "rate",
}
TIER_RANK: dict[str, int] = {"low": 1, "medium": 2, "high": 3, "elite": 4}

# Maturity band (levels) a DORA tier is consistent with. CALMS answers clearly above the top of
# the band (a whole level or more) raise the "answers may be optimistic" flag.
IMPLIED_BAND: dict[str, tuple[int, int]] = {
    "low": (1, 2),
    "medium": (2, 3),
    "high": (3, 4),
    "elite": (4, 5),
}
TOP_BAND: tuple[int, int] = IMPLIED_BAND["elite"]
"""The band of a benchmark's best tier, whatever it is called: 2022 published no Elite cluster,
so its High is the best a team could reach and must not cap the band at level 4."""


def implied_band(tier: Tier, ladder: list[Tier]) -> tuple[int, int]:
    """The maturity band ``tier`` implies on ``ladder`` (best first): the top tier maps to the
    top band, every other tier to its own band."""
    return TOP_BAND if ladder and tier == ladder[0] else IMPLIED_BAND[tier]


# ---------------------------------------------------------------------------------------------
# Parsing human inputs

HOURS = {
    "m": 1 / 60, "min": 1 / 60, "mins": 1 / 60, "minute": 1 / 60, "minutes": 1 / 60,
    "h": 1.0, "hr": 1.0, "hrs": 1.0, "hour": 1.0, "hours": 1.0,
    "d": 24.0, "day": 24.0, "days": 24.0,
    "w": 168.0, "wk": 168.0, "week": 168.0, "weeks": 168.0,
    "mo": 730.0, "month": 730.0, "months": 730.0,
    "q": 2190.0, "quarter": 2190.0, "quarters": 2190.0,
    "y": 8760.0, "yr": 8760.0, "year": 8760.0, "years": 8760.0,
}  # fmt: skip
"""Hours per unit; a month is 730 h (a twelfth of a year), as dora-team/fourkeys uses."""

PERIOD_DAYS = {unit: hours / 24 for unit, hours in HOURS.items() if hours >= 1}

FREQUENCY_WORDS = {
    "on demand": 4.0, "on-demand": 4.0, "multiple/day": 4.0, "multiple per day": 4.0,
    "hourly": 24.0, "daily": 1.0, "weekly": 1 / 7, "fortnightly": 1 / 14, "biweekly": 1 / 14,
    "monthly": 1 / (730 / 24), "quarterly": 1 / (2190 / 24),
    "biannually": 1 / (4380 / 24), "twice a year": 1 / (4380 / 24),
    "yearly": 1 / 365.0, "annually": 1 / 365.0, "never": 0.0,
}  # fmt: skip
"""Deploys per day for the words people use; "on demand" means several a day."""

ON_DEMAND_ABOVE_PER_DAY = 1.0
"""On demand (DORA's "multiple deploys per day") when counting deployments: more than one a day
on average. Exactly once a day is the top of the next band (published High "between once per
day and once per week", Quick Check answer 5 "between once per hour and once per day")."""

ON_DEMAND_DEPLOY_DAYS = 3.0
"""On demand when counting deployment days: a median of at least three days a week with a
production deployment (Apache DevLake's rule; a day count cannot see several deploys a day)."""

ON_DEMAND_PER_DAY = FREQUENCY_WORDS["on demand"]
"""The deploys per day that stand for "on demand" when the input says it in words or in
deployment days (any value above ON_DEMAND_ABOVE_PER_DAY classifies the same)."""

WORKING_DAYS_PER_WEEK = 5
"""Quick Check answer 5 ("between once per hour and once per day") starts at one deployment on
every working day (5 a week)."""

MAX_VALUE = 1e9
"""No real delivery metric reaches this (a billion deploys a day, 114,000 years)."""

_NUMBER = r"(\d+(?:\.\d+)?)"
_FREQ = re.compile(rf"^{_NUMBER}\s*(?:x\s*)?(?:/|per|a|an|every|times?\s*(?:per|a|/)?)\s*([a-z]+)$")
_EVERY = re.compile(rf"^(?:once\s+)?every\s+{_NUMBER}?\s*([a-z]+)$")
_DURATION_PART = re.compile(rf"{_NUMBER}\s*([a-z]+)")
_RATE = re.compile(rf"^{_NUMBER}\s*%?$")
_DEPLOY_DAYS = re.compile(
    rf"^{_NUMBER}\s*(?:deploy(?:ment)?\s+)?days?\s*(?:/|per|a|an|in\s+a|each|every)\s*(week|wk|w|month|mo)$"
)


def _norm(text: str) -> str:
    return " ".join(text.strip().lower().split())


def parse_frequency(text: str) -> float:
    """Deploys per day from ``3/day``, ``2/week``, ``4/year``, ``monthly``, ``every 2 weeks``."""
    t = _norm(text)
    if t in FREQUENCY_WORDS:
        return FREQUENCY_WORDS[t]
    if m := _FREQ.match(t):
        count, unit = float(m.group(1)), m.group(2)
        if unit in PERIOD_DAYS:
            return count / PERIOD_DAYS[unit]
    if m := _EVERY.match(t):
        count, unit = float(m.group(1) or 1), m.group(2)
        if unit in PERIOD_DAYS and count > 0:
            return 1 / (count * PERIOD_DAYS[unit])
    raise ValueError(
        "expected a frequency like 3/day, 2/week, 1/month, monthly or on demand,"
        " or deployment days like 5 days/week"
    )


class _TooManyDays(ValueError):
    """More deployment days than the period has (its own type so the error gets its code)."""

    def __init__(self, limit: int) -> None:
        self.code = "dora.days_week" if limit == 7 else "dora.days_month"
        super().__init__(f"a {'week' if limit == 7 else 'month'} has at most {limit} days")


def parse_deploy_days(text: str) -> float | None:
    """Deployment days per week from ``5 days/week``, ``3 deploy days/week``, ``8 days/month``;
    None when the text is not in that form (it is then read as a count of deployments)."""
    m = _DEPLOY_DAYS.match(_norm(text))
    if not m:
        return None
    days, unit = float(m.group(1)), m.group(2)
    limit = 7 if unit in ("week", "wk", "w") else 31
    if days > limit:
        raise _TooManyDays(limit)
    return days if limit == 7 else days * 7 / (730 / 24)


def deploys_per_day_from_days(days_per_week: float) -> float:
    """DevLake's reading of deployment days: a median of three or more a week is on demand;
    fewer is at least that many deployments a week."""
    if days_per_week >= ON_DEMAND_DEPLOY_DAYS:
        return ON_DEMAND_PER_DAY
    return days_per_week / 7


def parse_duration(text: str) -> float:
    """Hours from ``45m``, ``6h``, ``2d``, ``3w``, ``4mo``, ``1y`` or ``1d 4h``."""
    t = _norm(text).replace(" ", "")
    parts = _DURATION_PART.findall(t)
    if t and parts and "".join(n + u for n, u in parts) == t:
        total = 0.0
        for number, unit in parts:
            if unit not in HOURS:
                break
            total += float(number) * HOURS[unit]
        else:
            return total
    raise ValueError("expected a duration like 45m, 6h, 2d, 3w or 4mo")


def parse_rate(text: str) -> float:
    """Percent from ``30`` or ``30%`` (0 to 100)."""
    m = _RATE.match(_norm(text))
    if not m or float(m.group(1)) > 100:
        raise ValueError("expected a percentage from 0 to 100, like 12% or 30")
    return float(m.group(1))


_PARSERS = {"frequency": parse_frequency, "duration": parse_duration, "rate": parse_rate}


# ---------------------------------------------------------------------------------------------
# Metric definitions and Quick Check buckets (questionnaires/dora/metrics.yaml)


class Bucket(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    value: int = Field(ge=1, le=6)
    input: str
    text: LText


class MetricDefinition(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    kind: MetricKind
    optional: bool = False
    title: LText
    question: LText
    help: LText
    examples: str
    buckets: list[Bucket] = Field(min_length=6, max_length=6)


class MetricCatalogue(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    schema_: Literal["maturity/dora-metrics@1"] = Field(alias="schema")
    source: str
    metrics: list[MetricDefinition]


@cache
def metric_definitions() -> dict[str, MetricDefinition]:
    data = load_yaml(questionnaires_dir() / "dora" / "metrics.yaml")
    return {m.id: m for m in MetricCatalogue.model_validate(data).metrics}


class ParsedInput(BaseModel):
    """One metric as given and as understood: ``value`` is per day, hours or percent."""

    model_config = ConfigDict(frozen=True)
    metric: str
    input: str
    value: float
    bucket: int | None = None  # the Quick Check answer, when the input was a bucket
    deploy_days: float | None = None  # per week, when the frequency was given in deployment days


@cache
def _bucket_wordings(metric: str) -> dict[str, Bucket]:
    """Every wording (any language, normalised) of ``metric``'s Quick Check answers -> the
    answer; the first bucket wins if two share a wording. Built once: portfolio and trend
    parse thousands of inputs."""
    found: dict[str, Bucket] = {}
    for b in metric_definitions()[metric].buckets:
        for s in b.text.values():
            found.setdefault(_norm(s), b)
    return found


def _bucket_for(metric: str, text: str) -> Bucket | None:
    t = _norm(text)
    if m := re.fullmatch(r"(?:bucket|qc)\s*:?\s*([1-6])", t):
        return metric_definitions()[metric].buckets[int(m.group(1)) - 1]
    return _bucket_wordings(metric).get(t)


def parse_metric(metric: str, text: str) -> ParsedInput:
    """Parse one metric's input, raising MaturityError with the metric named on failure."""
    if metric not in METRIC_KIND:
        raise MaturityError(
            f"unknown DORA metric '{metric}'; expected one of {', '.join(ALL_METRICS)}"
        )
    if not isinstance(text, str) or not text.strip():
        raise MaturityError(f"{metric}: empty value", code="dora.empty")
    if error := text_error("dora", text, prefix=f"{metric}: "):
        raise error
    kind = METRIC_KIND[metric]
    bucket = _bucket_for(metric, text)
    days: float | None = None
    try:
        if kind == "frequency" and bucket is None:
            days = parse_deploy_days(text)
        if days is not None:
            value = deploys_per_day_from_days(days)
        else:
            value = _PARSERS[kind](bucket.input if bucket is not None else text)
    except ValueError as exc:
        # The code words the same problem without the metric (the DORA screen shows its title).
        code = exc.code if isinstance(exc, _TooManyDays) else f"dora.{kind}"
        raise MaturityError(
            f"{metric}: cannot read '{text.strip()}'; {exc}",
            code=code,
            params={"value": text.strip()},
        ) from None
    if not math.isfinite(value) or value > MAX_VALUE:
        # float("9" * 400) is infinity, which JSON cannot carry ("Infinity" is not JSON).
        raise MaturityError(
            f"{metric}: '{text.strip()}' is too large to be a real measurement",
            code="dora.too_large",
            params={"value": text.strip()},
        )
    return ParsedInput(
        metric=metric,
        input=text.strip(),
        value=value,
        bucket=bucket.value if bucket else None,
        deploy_days=days,
    )


# ---------------------------------------------------------------------------------------------
# Benchmarks


class Boundary(BaseModel):
    """One tier's bound: ``min`` at least, ``above`` more than, ``below`` less than, ``max`` at
    most. ``note`` says whose rule it is when it is not DORA's (shown beside the bound)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    tier: Tier
    min: str | None = None
    above: str | None = None
    below: str | None = None
    max: str | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _one_bound(self) -> Boundary:
        if sum(x is not None for x in (self.min, self.above, self.below, self.max)) > 1:
            raise ValueError("give at most one of min, above, below, max")
        return self

    def bounded(self) -> bool:
        return any(x is not None for x in (self.min, self.above, self.below, self.max))


BenchmarkKey = int | str
"""A benchmark as chosen on the command line, in a file or in the TUI: a DORA report year
(``2024`` or ``"2024"``) or a named table (``"devlake-2023"``)."""


class Benchmark(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    schema_: Literal["maturity/dora-benchmark@1"] = Field(alias="schema")
    id: str
    """``2024`` for a DORA report year, ``devlake-2023`` for Apache DevLake's table."""
    year: int
    """The DORA report year the table comes from (DevLake's 2023 table: 2023)."""
    publisher: Literal["DORA", "Apache DevLake"] = "DORA"
    title: str
    source: str
    tiers: list[Tier]
    cluster_share: dict[str, str]
    cluster_share_source: str = ""
    published: dict[str, dict[str, str]]
    notes: dict[str, LText] = Field(default_factory=dict)
    """Per metric, what a reader of the published table must know (2024's inverted medians)."""
    boundaries: dict[str, list[Boundary]]
    decisions: list[str]

    @model_validator(mode="after")
    def _contiguous(self) -> Benchmark:
        if self.publisher == "DORA" and self.id != str(self.year):
            raise ValueError(f"id: a DORA benchmark's id is its year ({self.year})")
        for metric in KEY_METRICS:
            rows = self.boundaries.get(metric)
            if not rows:
                raise ValueError(f"boundaries.{metric}: missing")
            order = [self.tiers.index(r.tier) for r in rows if r.tier in self.tiers]
            if len(order) != len(rows) or order != sorted(set(order)):
                raise ValueError(f"boundaries.{metric}: tiers must follow {self.tiers}, best first")
            if any(not r.bounded() for r in rows[:-1]) or rows[-1].bounded():
                raise ValueError(f"boundaries.{metric}: only the last tier is unbounded")
            for r in rows[:-1]:
                _bound_value(metric, r)  # raises on a bound that does not parse
        return self

    @property
    def label(self) -> str:
        """How the benchmark is named to people: ``DORA 2024``, ``Apache DevLake (DORA 2023)``."""
        if self.publisher == "DORA":
            return f"DORA {self.year}"
        return f"{self.publisher} (DORA {self.year})"

    @property
    def short_label(self) -> str:
        """For a narrow picker: ``DORA 2024``, ``DevLake 2023``."""
        return f"{'DORA' if self.publisher == 'DORA' else 'DevLake'} {self.year}"

    def classify(self, metric: str, value: float) -> Tier:
        """The tier of ``value`` (per day, hours or percent): the first bound it meets."""
        for row in self.boundaries[metric]:
            op, bound = _bound_value(metric, row)
            if (
                op == "open"
                or (op == "min" and value >= bound)
                or (op == "above" and value > bound)
                or (op == "below" and value < bound)
                or (op == "max" and value <= bound)
            ):
                return row.tier
        raise AssertionError("unreachable: the last boundary is open")  # pragma: no cover


def _bound_value(metric: str, row: Boundary) -> tuple[str, float]:
    kind = METRIC_KIND[metric]
    for op in ("min", "above", "below", "max"):
        raw = getattr(row, op)
        if raw is not None:
            return op, _PARSERS[kind](raw)
    return "open", math.nan


@cache
def _benchmark_files() -> dict[str, Path]:
    """Benchmark id -> packaged file (listed once: the files never change while running)."""
    out: dict[str, Path] = {}
    for path in sorted((questionnaires_dir() / "dora").glob("benchmark-*.yaml")):
        out[path.stem.split("-", 1)[1]] = path
    return out


def benchmark_ids() -> list[str]:
    """Every benchmark that can be chosen: DORA years oldest first, then named tables."""
    keys = list(_benchmark_files())
    return sorted(k for k in keys if k.isdigit()) + sorted(k for k in keys if not k.isdigit())


def benchmark_key(value: BenchmarkKey) -> str:
    """The canonical id of a benchmark given as ``2024``, ``"2024"`` or ``"devlake-2023"``;
    MaturityError naming the choices for anything else."""
    key = str(value).strip().lower()
    if key not in _benchmark_files():
        raise MaturityError(f"no DORA benchmark '{value}'; available: {', '.join(benchmark_ids())}")
    return key


def stored_benchmark(value: BenchmarkKey) -> BenchmarkKey:
    """What an assessment stores: a year as an integer (as before named tables existed), a
    named table by its id."""
    key = benchmark_key(value)
    return int(key) if key.isdigit() else key


@cache
def _load_benchmark(key: str) -> Benchmark:
    path = _benchmark_files()[key]
    try:
        b = Benchmark.model_validate(load_yaml(path))
    except ValidationError as exc:  # a packaging bug, but say which file
        raise MaturityError(f"{path.name}: invalid benchmark file: {exc}") from None
    if b.id != key:
        raise MaturityError(f"{path.name}: id '{b.id}' does not match the file name")
    return b


def benchmark(key: BenchmarkKey | None = None) -> Benchmark:
    """The benchmark ``key`` (a year or a named table), or the latest DORA year with four
    clusters."""
    if key is None:
        key = default_year()
    files = _benchmark_files()
    if str(key).strip().lower() not in files:
        years = ", ".join(benchmark_ids())
        raise MaturityError(f"no DORA benchmark for {key}; available: {years}")
    return _load_benchmark(str(key).strip().lower())


def benchmark_years() -> list[int]:
    """The DORA report years with a benchmark (named tables such as DevLake's excluded)."""
    return [int(k) for k in benchmark_ids() if k.isdigit()]


@cache
def default_year() -> int:
    """Latest published year with four clusters (2022 had only three)."""
    return max(y for y in benchmark_years() if len(benchmark(y).tiers) == 4)


def tiers_last_published() -> int:
    """The last DORA report that published performance tiers (2024: the 2025 report has none)."""
    return research_2025().tiers_last_published


# ---------------------------------------------------------------------------------------------
# Quick Check style 0-10 scores


class QuickCheck(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    schema_: Literal["maturity/dora-quickcheck@1"] = Field(alias="schema")
    edition: int
    source: str
    formula: dict[str, str]
    all_industries_mean: dict[str, float]
    decisions: list[str]


class Research2025(BaseModel):
    """What the 2025 DORA report changed for this tool: no tiers, seven team profiles."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    schema_: Literal["maturity/dora-research@1"] = Field(alias="schema")
    edition: int
    title: str
    source: str
    tiers_last_published: int
    profiles: list[LText] = Field(min_length=7, max_length=7)
    factors: list[LText]
    summary: LText
    """One short paragraph for the report and docs (we place no team in a profile)."""


@cache
def research_2025() -> Research2025:
    return Research2025.model_validate(
        load_yaml(questionnaires_dir() / "dora" / "research-2025.yaml")
    )


@cache
def quickcheck_reference() -> QuickCheck:
    return QuickCheck.model_validate(
        load_yaml(questionnaires_dir() / "dora" / "quickcheck-2025.yaml")
    )


def quickcheck_answer(parsed: ParsedInput) -> int | None:
    """The Quick Check answer code 1 (worst) to 6 (best) a categorical input falls into."""
    if parsed.bucket is not None:
        return parsed.bucket
    v, kind = parsed.value, METRIC_KIND[parsed.metric]
    if kind == "frequency":
        if v > ON_DEMAND_ABOVE_PER_DAY:  # on demand: the same rule as every benchmark's top tier
            return 6
        limits = [
            WORKING_DAYS_PER_WEEK / 7,  # once every working day
            1 / 7,  # weekly
            24 / 730,  # monthly
            1 / (4380 / 24),  # once in six months
        ]
        return next((5 - i for i, lim in enumerate(limits) if v >= lim), 1)
    if kind == "duration":
        limits = [1.0, 24.0, 168.0, 730.0, 4380.0]  # < 1h, < 1d, < 1w, < 1mo, < 6mo
        return next((6 - i for i, lim in enumerate(limits) if v < lim), 1)
    return None


def quickcheck_score(parsed: ParsedInput) -> float:
    """0-10, higher is better: (answer-1)/5*10 for categories, 10 - pct/10 for rates."""
    answer = quickcheck_answer(parsed)
    if answer is not None:
        return round((answer - 1) / 5 * 10, 2)
    return round(10 - parsed.value / 10, 2)


# ---------------------------------------------------------------------------------------------
# Classification


def parse_inputs(inputs: dict[str, str]) -> dict[str, ParsedInput]:
    """Parse every given metric; all problems are reported together, one per line."""
    parsed: dict[str, ParsedInput] = {}
    errors: list[str] = []
    for metric, text in inputs.items():
        try:
            parsed[metric] = parse_metric(metric, text)
        except MaturityError as exc:
            errors.append(str(exc))
    if errors:
        raise MaturityError("\n".join(errors))
    return parsed


def overall_tier(tiers: list[Tier], ladder: list[Tier]) -> Tier | None:
    """The highest tier that at least three of the four key metrics reach (None if < 3 given)."""
    if len(tiers) < 3:
        return None
    for tier in ladder:  # best first
        if sum(TIER_RANK[t] >= TIER_RANK[tier] for t in tiers) >= 3:
            return tier
    return ladder[-1]


def classify(
    inputs: dict[str, str], year: BenchmarkKey | None = None, calms_score: float | None = None
) -> DoraResult:
    """Classify the given metrics against benchmark ``year`` (a DORA year or a named table such
    as ``devlake-2023``; default: latest four-cluster year).

    ``calms_score`` (the overall CALMS score, 1.0-5.0) enables the optimism check: answers a
    whole level or more above the top of the band the DORA tier implies are flagged. The top
    tier of every benchmark implies the top band, so best-in-class metrics never raise it.
    """
    bench = benchmark(year)
    parsed = parse_inputs({k: v for k, v in inputs.items() if v and v.strip()})
    metrics: dict[str, MetricResult] = {}
    for metric in ALL_METRICS:
        if metric not in parsed:
            continue
        p = parsed[metric]
        tier = bench.classify(metric, p.value) if metric in KEY_METRICS else None
        metrics[metric] = MetricResult(
            input=p.input, value=round(p.value, 6), tier=tier, quickcheck=quickcheck_score(p)
        )
    tiers = [m.tier for k, m in metrics.items() if k in KEY_METRICS and m.tier]
    overall = overall_tier(tiers, bench.tiers)
    band = implied_band(overall, bench.tiers) if overall else None
    flag = bool(band and calms_score is not None and calms_score >= band[1] + 1)
    scores = {k: m.quickcheck for k, m in metrics.items()}
    throughput = [
        scores[k] for k in ("lead_time", "deployment_frequency", "time_to_restore") if k in scores
    ]
    stability = [scores[k] for k in ("change_failure_rate", "rework_rate") if k in scores]
    quick: dict[str, float | None] = {
        "overall": round(fmean(scores.values()), 2) if scores else None,
        "throughput": round(fmean(throughput), 2) if throughput else None,
        "stability": round(fmean(stability), 2) if stability else None,
    }
    return DoraResult(
        benchmark=bench.year,
        overall=overall,
        metrics=metrics,
        implied_band=band,
        optimistic_flag=flag,
        quickcheck=quick,
        benchmark_id=bench.id,
        benchmark_label=bench.label,
        tiers_historical=True,
        tiers_last_published=tiers_last_published(),
    )
