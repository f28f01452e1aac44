"""The assessment document (``maturity/assessment@1``): what a team answered, and when.

This is the interchange format written by ``maturity export`` and read by ``maturity import``;
it must round-trip exactly, so every field has one canonical serialisation (UTC timestamps
with a trailing ``Z``, keys in a fixed order).
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    SerializerFunctionWrapHandler,
    ValidationInfo,
    field_validator,
    model_serializer,
    model_validator,
)

from maturity import limits
from maturity.measure.model import Measurement
from maturity.model.plan import Action, Target
from maturity.model.text import DEFAULT_LANGUAGE, Language
from maturity.model.votes import is_anonymised
from maturity.timefmt import format_time, now

__all__ = [
    "ASSESSMENT_SCHEMA",
    "Answer",
    "Assessment",
    "DoraInputs",
    "QuestionnaireRef",
    "format_time",
    "now",
]

ASSESSMENT_SCHEMA: Literal["maturity/assessment@1"] = "maturity/assessment@1"

Status = Literal["in_progress", "complete"]
AnswerLevel = Annotated[int, Field(ge=1, le=5, strict=True)] | None


STORED = {"stored": True}
"""Validation context of :meth:`Store.get`: what is already stored is read even when it
exceeds today's length limits (written by an older version), so nothing becomes unreadable;
the limits apply wherever a value enters."""


def _limited(field: str) -> Any:
    """A length limit from :mod:`maturity.limits`, skipped when reading the store back."""

    def check(value: str | None, info: ValidationInfo) -> str | None:
        stored = (info.context or {}).get("stored")
        if value is not None and not stored and (problem := limits.text_problem(field, value)):
            raise ValueError(problem)
        return value

    return AfterValidator(check)


def _not_a_number(value: Any) -> Any:
    """Timestamps are text (``2026-01-31T09:00:00.000Z``); pydantic would read ``-1`` or
    ``1e12`` as seconds since 1970, which no export ever writes."""
    if isinstance(value, bool | int | float):
        raise ValueError("expected a timestamp like 2026-01-31T09:00:00.000Z, not a number")
    return value


Timestamp = Annotated[
    datetime, BeforeValidator(_not_a_number), PlainSerializer(format_time, return_type=str)
]
Token = Annotated[str, Field(min_length=1, max_length=120), AfterValidator(limits.token)]
"""A questionnaire id or version: no surrounding spaces, control characters or line breaks."""


class _Doc(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Answer(_Doc):
    """The team's answer to one question. ``level`` None means "not sure"."""

    level: AnswerLevel = None
    note: Annotated[str, _limited("note")] = ""
    votes: dict[str, AnswerLevel] = Field(default_factory=dict)
    updated: Timestamp | None = None


class Event(_Doc):
    """Something that happened to an assessment besides answers: completed, reopened, renamed."""

    at: Timestamp
    kind: Annotated[str, Field(min_length=1, max_length=40)]
    detail: str = ""


class QuestionnaireRef(_Doc):
    id: Token
    version: Token


class DoraInputs(_Doc):
    """The DORA metrics as the team gave them, in human form (``2/week``, ``3d``, ``12%``)."""

    deployment_frequency: str | None = None
    lead_time: str | None = None
    change_failure_rate: str | None = None
    time_to_restore: str | None = None
    rework_rate: str | None = None
    benchmark: int | str | None = None
    """A DORA year (an integer, as always) or a named table such as ``devlake-2023``."""

    def given(self) -> dict[str, str]:
        return {
            k: v
            for k, v in self.model_dump(exclude={"benchmark"}).items()
            if isinstance(v, str) and v.strip()
        }


class Assessment(_Doc):
    schema_: Literal["maturity/assessment@1"] = Field(default=ASSESSMENT_SCHEMA, alias="schema")
    id: Annotated[str, Field(pattern=r"^[0-9a-f]{8,32}$")]
    team: Annotated[str, Field(min_length=1), _limited("team")]
    created: Timestamp
    updated: Timestamp
    facilitator: Annotated[str | None, _limited("facilitator")] = None
    participants: Annotated[
        list[Annotated[str, _limited("participant")]], Field(max_length=limits.PARTICIPANTS_MAX)
    ] = Field(default_factory=list)
    anonymous: bool = False
    """Chosen at creation: votes are kept without voters (only their distribution)."""
    mode: Literal["solo", "team"] = "solo"
    """How the facilitator runs it: answers typed alone, or a team vote on every question."""
    questionnaire: QuestionnaireRef
    language: Language = DEFAULT_LANGUAGE
    status: Status = "in_progress"
    answers: dict[str, Answer] = Field(default_factory=dict)
    dora: DoraInputs = Field(default_factory=DoraInputs)
    events: list[Event] = Field(default_factory=list)
    measured: Measurement | None = None
    """Measured DORA metrics with their provenance (``maturity dora measure --into``); left
    out of the document when absent, so older documents round-trip unchanged."""
    targets: list[Target] = Field(default_factory=list)
    """The team's target level and date per dimension (see maturity.plan)."""
    actions: list[Action] = Field(default_factory=list)
    """What the team decided to do after this assessment, in the order it was added."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    @field_validator("team")
    @classmethod
    def _team_not_blank(cls, team: str) -> str:
        if not team.strip():
            raise ValueError("team name must not be blank")
        return team.strip()

    @model_validator(mode="after")
    def _anonymous_votes_carry_no_names(self) -> Assessment:
        """An anonymous document whose votes name their voters is refused, not imported."""
        if self.anonymous:
            named = [qid for qid, a in self.answers.items() if not _anonymised_keys(a.votes)]
            if named:
                raise ValueError(
                    f"anonymous assessment: the votes of {', '.join(sorted(named)[:3])} name"
                    " their voters; anonymous votes are keyed #01, #02, ..."
                )
        return self

    @model_serializer(mode="wrap")
    def _omit_default_anonymous(self, handler: SerializerFunctionWrapHandler) -> Any:
        """Leave ``anonymous`` out unless it is true (and ``targets``/``actions`` unless there
        are some), so documents written before those fields existed export byte-for-byte as
        they were imported."""
        data = handler(self)
        if isinstance(data, dict):
            if not self.anonymous:
                data.pop("anonymous", None)
            if self.mode == "solo":
                data.pop("mode", None)
            if self.measured is None:
                data.pop("measured", None)
            for key in ("targets", "actions"):  # absent until the team plans (round 1 documents)
                if not data.get(key):
                    data.pop(key, None)
        return data

    def levels(self) -> dict[str, int | None]:
        """Question id -> answered level (None = not sure); unanswered questions are absent."""
        return {qid: a.level for qid, a in self.answers.items()}


def _anonymised_keys(votes: dict[str, int | None]) -> bool:
    return is_anonymised(votes)
