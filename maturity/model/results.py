"""Computed results: what ``maturity show ID --json`` prints (keys fixed by DESIGN.md)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from maturity.dora import DoraResult

Horizon = Literal["now", "next", "later"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


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


class ScoreResult(_Frozen):
    """CALMS scoring only (no DORA, no recommendations)."""

    overall: OverallResult
    dimensions: list[DimensionResult]


class QuestionnaireInfo(_Frozen):
    id: str
    version: str


class Results(_Frozen):
    id: str
    team: str
    questionnaire: QuestionnaireInfo
    overall: OverallResult
    dimensions: list[DimensionResult]
    dora: DoraResult | None
    recommendations: list[RecommendationItem]
