"""Computed results: what ``maturity show ID --json`` prints (keys fixed by DESIGN.md)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from maturity.measure.model import Measurement

Horizon = Literal["now", "next", "later"]
Tier = Literal["elite", "high", "medium", "low"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class MetricResult(_Frozen):
    """One DORA metric as given, its parsed value, tier and Quick Check score."""

    input: str
    value: float
    tier: Tier | None
    quickcheck: float


class DoraResult(_Frozen):
    """The ``dora`` object of the results JSON (and of ``maturity dora classify --json``).

    Defined with the other result models so the models never import the DORA rules."""

    benchmark: int
    overall: Tier | None
    metrics: dict[str, MetricResult]
    implied_band: tuple[int, int] | None
    optimistic_flag: bool = False
    quickcheck: dict[str, float | None]
    benchmark_id: str = ""
    """``2024`` or ``devlake-2023``: which table ``benchmark`` (its DORA year) refers to."""
    benchmark_label: str = ""
    """``DORA 2024`` or ``Apache DevLake (DORA 2023)``."""
    tiers_historical: bool = True
    """Tiers are a historical yardstick: DORA stopped publishing them after 2024."""
    tiers_last_published: int | None = None


class HeldBack(_Frozen):
    """An answered question below the dimension's next level, and by how many levels."""

    question: str
    level: int
    weight: float
    gap: int


class DimensionResult(_Frozen):
    id: str
    score: float | None  # weighted mean of answered levels; None when nothing was answered
    level: int | None  # None: "not enough answers" (coverage below 60 %)
    coverage: float  # answered weight / total weight, 0.0-1.0
    answered: int
    unsure: int
    total: int
    next_level: int | None
    distance_to_next: float | None  # score points to the next level
    held_back_by: list[HeldBack]


class OverallResult(_Frozen):
    score: float | None
    level: int | None
    level_name: str | None
    partial: bool  # True while any dimension has not enough answers
    capped_by: str | None = None  # dimension whose weakness capped the level, if it did


class RecommendationItem(_Frozen):
    id: str
    dimension: str
    horizon: Horizon
    title: str
    level: int
    effort: str
    dora: list[str]
    questions: list[str]
    who_acts: str = "team"  # team | lead | organisation (maturity.model.terms.WHO_ACTS)


class ScoreResult(_Frozen):
    """CALMS scoring only (no DORA, no recommendations)."""

    overall: OverallResult
    dimensions: list[DimensionResult]


class QuestionnaireInfo(_Frozen):
    id: str
    version: str


class QuestionSpread(_Frozen):
    """How far apart the team's votes on one question were."""

    question: str
    dimension: str
    votes: int  # votes cast, "not sure" included
    median: int | None  # median of the numeric votes, rounded down
    spread: int  # highest minus lowest numeric vote
    discuss: bool  # spread >= threshold
    level: int | None  # the answer the team recorded
    distribution: dict[str, int]  # "1"-"5" and "unsure" -> how many voted it


class DimensionSpread(_Frozen):
    id: str
    voted: int  # questions of the dimension with at least one numeric vote
    mean_spread: float | None
    max_spread: int | None
    discuss: int  # questions with spread >= threshold


class Disagreement(_Frozen):
    """Where the team's votes disagreed, widest first (empty lists when nobody voted)."""

    threshold: int
    questions: list[QuestionSpread]
    dimensions: list[DimensionSpread]


class MetricPair(BaseModel):
    """One metric, self-reported and measured, and whether they disagree by a tier or more."""

    model_config = ConfigDict(frozen=True)
    metric: str
    self_reported: str | None
    self_tier: str | None
    measured: str | None
    measured_tier: str | None
    n: int | None
    confidence: str | None
    proxy: bool = False
    gap: int | None  # measured rank - self-reported rank (negative: the data is worse)
    disagree: bool


class MeasuredView(BaseModel):
    """What ``show --json`` adds under ``measured``: the classification and the provenance."""

    model_config = ConfigDict(frozen=True)
    dora: DoraResult  # the measured metrics alone
    effective: DoraResult  # measured where measured, else self-reported
    comparison: list[MetricPair]
    disagreements: int
    measurement: Measurement


class Results(_Frozen):
    id: str
    team: str
    questionnaire: QuestionnaireInfo
    overall: OverallResult
    dimensions: list[DimensionResult]
    dora: DoraResult | None
    recommendations: list[RecommendationItem]
    disagreement: Disagreement | None = None  # added with team mode; always set by evaluate()
    measured: MeasuredView | None = None  # measured DORA keys beside ``dora`` (dora measure --into)

    def effective_dora(self) -> DoraResult | None:
        """Per metric the measured value where there is one, else the self-reported one: what
        compare and trend show."""
        if self.measured is None:
            return self.dora
        return self.measured.effective
