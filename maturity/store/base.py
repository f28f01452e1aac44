"""The storage protocol: what the rest of maturity needs from a place that keeps assessments.

SQLite (:mod:`maturity.store.sqlite`) is the embedded default. A server database (PostgreSQL,
for an organisation's shared history) implements the same protocol and no caller changes.
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # the models pull in pydantic; `maturity list` never needs them
    from maturity.model.assessment import Answer, Assessment, DoraInputs


@dataclass(frozen=True)
class Summary:
    """One row of ``maturity list``: kept up to date on every save so listing never rescores."""

    id: str
    team: str
    created: str
    updated: str
    questionnaire_id: str
    questionnaire_version: str
    status: str
    answered: int
    total: int
    level: int | None
    score: float | None


@dataclass(frozen=True)
class Progress:
    """The derived columns a save updates together with the data, in one transaction."""

    answered: int
    total: int
    level: int | None
    score: float | None


@dataclass(frozen=True)
class TeamRow:
    """One team: its display name (of the latest assessment), count, and latest assessment."""

    team: str
    key: str
    assessments: int
    latest_id: str
    latest_created: str
    latest_level: int | None
    latest_status: str


class Store(Protocol):
    def list(self, team: str | None = None) -> list[Summary]: ...

    def resolve_id(self, prefix: str) -> str:
        """The full id for a unique prefix; NotFoundError when none or several match."""
        ...

    def get(self, assessment_id: str) -> Assessment: ...

    def create(self, assessment: Assessment, questionnaire_json: str, progress: Progress) -> None:
        """Insert a new assessment (and its questionnaire snapshot) atomically."""
        ...

    def replace(self, assessment: Assessment, questionnaire_json: str, progress: Progress) -> None:
        """Insert or overwrite a whole assessment (import)."""
        ...

    def save_answer(
        self, assessment_id: str, question_id: str, answer: Answer | None, progress: Progress
    ) -> str:
        """Commit one answer (None clears it) before returning; returns the new updated time."""
        ...

    def save_dora(self, assessment_id: str, dora: DoraInputs) -> None: ...

    def set_status(
        self, assessment_id: str, status: str, event: str | None = None, detail: str = ""
    ) -> None: ...

    def teams(self) -> builtins.list[TeamRow]: ...

    def team_name(self, team: str) -> str | None: ...

    def ids_for_team(self, team: str) -> builtins.list[str]: ...

    def rename_team(self, old: str, new: str, event: str) -> int: ...

    def put_questionnaire(self, qid: str, version: str, body: str) -> None: ...

    def delete(self, assessment_id: str) -> None: ...

    def questionnaire_json(self, qid: str, version: str) -> str | None: ...

    def close(self) -> None: ...
