"""Results over time: comparisons, trends and the portfolio (JSON for ``--json``)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from maturity.model.plan import DoneShare, Payoff


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class AssessmentInfo(_Frozen):
    id: str
    team: str
    created: str
    questionnaire: str  # "id version"
    status: str


class DimensionDelta(_Frozen):
    id: str
    a_score: float | None
    b_score: float | None
    score_delta: float | None
    a_level: int | None
    b_level: int | None
    level_delta: int | None


class AnswerChange(_Frozen):
    question: str
    dimension: str
    a_level: int | None  # None: "not sure" (see a_answered)
    b_level: int | None
    a_answered: bool
    b_answered: bool
    a_note: str
    b_note: str


class MetricChange(_Frozen):
    metric: str
    a_input: str | None
    b_input: str | None
    a_tier: str | None
    b_tier: str | None


class Comparison(_Frozen):
    a: AssessmentInfo
    b: AssessmentInfo
    overall: DimensionDelta
    dimensions: list[DimensionDelta]
    changed: list[AnswerChange]
    only_in_a: list[str]  # questions asked in A's questionnaire version but not in B's
    only_in_b: list[str]
    dora: list[MetricChange]
    dora_overall: tuple[str | None, str | None]
    done: list[str]  # practices recommended for A whose target B's dimension now reaches
    new: list[str]  # practices recommended for B that A was not given
    payoff: list[Payoff] = Field(default_factory=list)
    """Actions of A done by the time of B: linked answers and dimension change (association,
    not proof)."""


class TrendPoint(_Frozen):
    id: str
    created: str
    status: str
    questionnaire: str
    overall_score: float | None
    overall_level: int | None
    dimensions: dict[str, float | None]  # dimension id -> score
    levels: dict[str, int | None]
    dora_tier: str | None


class Trend(_Frozen):
    team: str
    dimensions: list[str]
    points: list[TrendPoint]
    actions_done: list[DoneShare] = Field(default_factory=list)


class PortfolioRow(_Frozen):
    team: str
    assessment: str
    date: str
    stale: bool
    overall_level: int | None
    levels: dict[str, int | None]
    scores: dict[str, float | None]
    dora_tier: str | None


class Portfolio(_Frozen):
    dimensions: list[str]
    rows: list[PortfolioRow]
    weakest_dimension: str | None
    dimension_means: dict[str, float | None]
    stale_after_days: int
    actions_done: list[DoneShare] = Field(default_factory=list)
    """Per team and quarter: the share of the actions set that were done."""
