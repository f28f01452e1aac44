"""Targets and actions: what a team decided to reach, and what it decided to do about it.

Both travel inside the assessment document (``targets`` and ``actions``, left out when empty so
documents written before they existed export byte-for-byte as they were imported), so export,
import, bundles and store copies carry them without a second format.
"""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, field_validator

from maturity.timefmt import format_time

ActionStatus = Literal["todo", "doing", "done", "dropped"]
ACTION_STATUSES: tuple[ActionStatus, ...] = ("todo", "doing", "done", "dropped")
OPEN_STATUSES: frozenset[str] = frozenset({"todo", "doing"})

Timestamp = Annotated[datetime, PlainSerializer(format_time, return_type=str)]
Day = Annotated[date, PlainSerializer(lambda d: d.isoformat(), return_type=str)]


class _Doc(BaseModel):
    model_config = ConfigDict(extra="forbid")


def control_characters(text: str, allowed: str = "") -> bool:
    """Whether ``text`` holds a control character (besides ``allowed``): one in an owner or a
    title would corrupt a terminal line, a CSV row or a tracker import."""
    return any(unicodedata.category(c) == "Cc" and c not in allowed for c in text)


class Target(_Doc):
    """The level a dimension should reach, and by when."""

    dimension: Annotated[str, Field(min_length=1, max_length=120)]
    level: Annotated[int, Field(ge=1, le=5, strict=True)]
    by: Day


class Action(_Doc):
    """Something the team decided to do: usually a recommended practice, or its own idea.

    ``carried_to`` is set on the previous assessment's action by the follow-through review when
    the team keeps it open; the copy in the new assessment names it in ``carried_from``.
    """

    id: Annotated[str, Field(pattern=r"^[0-9a-f]{8,32}$")]
    title: Annotated[str, Field(min_length=1, max_length=300)]
    practice: str | None = None
    owner: Annotated[str, Field(max_length=120)] | None = None
    due: Day | None = None
    status: ActionStatus = "todo"
    reason: str = ""
    """Why it was dropped (required for ``dropped``)."""
    notes: str = ""
    created: Timestamp
    updated: Timestamp
    done_at: Timestamp | None = None
    carried_from: str | None = None
    carried_to: str | None = None

    @field_validator("title", "owner", "reason")
    @classmethod
    def _no_control_characters(cls, value: str | None) -> str | None:
        if value is not None and control_characters(value):
            raise ValueError("must not contain control characters")
        return value

    @field_validator("notes")
    @classmethod
    def _notes_lines(cls, value: str) -> str:
        if control_characters(value, "\n\t"):
            raise ValueError("must not contain control characters other than new lines and tabs")
        return value

    @property
    def is_open(self) -> bool:
        """Still to be done here: todo or doing, and not handed on to a later assessment."""
        return self.status in OPEN_STATUSES and self.carried_to is None

    def overdue(self, today: date) -> bool:
        return self.is_open and self.due is not None and self.due < today


# -- computed views (JSON for --json; never stored) ------------------------------------------


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class Gap(_Frozen):
    """Today -> target for one dimension; ``levels`` is how many levels are still to climb."""

    dimension: str
    score: float | None
    level: int | None
    target: int
    by: str
    levels: int
    suggested: bool = False
    status: Literal["reached", "to_go", "unknown"] = "to_go"
    """reached: today's level is at the target; unknown: the dimension has no level yet (not
    enough answers) and its score alone would put it at the target, so nobody can say it is
    reached; to_go: ``levels`` levels still to climb."""


class Projection(_Frozen):
    """A dimension's score and level if every practice up to and including a phase is done."""

    dimension: str
    score: float | None
    level: int | None
    target: int | None
    reaches_target: bool | None


class PlannedPractice(_Frozen):
    id: str
    dimension: str
    level: int
    title: str
    effort: str
    questions: list[str]
    action: str | None  # the id of the action that adopted it, if any
    action_status: str | None


class Phase(_Frozen):
    """One step of the plan: the practices to do by ``ends``, and where they would take the team."""

    name: Literal["now", "next", "later"]
    ends: str
    practices: list[PlannedPractice]
    projected: list[Projection]
    overall_score: float | None
    overall_level: int | None


class Plan(_Frozen):
    assessment: str
    today: str
    targets: list[Gap]
    suggested: bool  # no targets set: the plan uses the suggested ones
    levels: dict[str, int]  # the level each dimension starts from today
    phases: list[Phase]


class ActionView(_Frozen):
    """One action as every front end shows it (``maturity actions --json``)."""

    id: str
    assessment: str
    team: str
    title: str
    practice: str | None
    dimension: str | None
    owner: str | None
    due: str | None
    status: str
    reason: str
    notes: str
    overdue: bool
    carried_from: str | None
    carried_to: str | None
    done_at: str | None

    @property
    def is_open(self) -> bool:
        """The same rule as :attr:`Action.is_open`: todo or doing, not handed on."""
        return self.status in OPEN_STATUSES and self.carried_to is None


class LinkedAnswer(_Frozen):
    question: str
    before: int | None
    after: int | None
    answered_before: bool
    answered_after: bool


class Payoff(_Frozen):
    """An action done between two assessments, and what moved (association, not proof)."""

    action: str
    title: str
    practice: str | None
    dimension: str | None
    answers: list[LinkedAnswer]
    score_before: float | None
    score_after: float | None
    level_before: int | None
    level_after: int | None


class DoneShare(_Frozen):
    """Share of a team's actions done, per quarter of the assessment that set them."""

    team: str
    quarter: str  # "2026-Q3"
    done: int
    total: int
    share: float | None
