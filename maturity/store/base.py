"""The storage protocol: what the rest of maturity needs from a place that keeps assessments.

SQLite (:mod:`maturity.store.sqlite`) is the embedded default; PostgreSQL
(:mod:`maturity.store.postgres`) keeps an organisation's shared history. Both share every query
(:mod:`maturity.store.sqlstore`); callers only ever see these protocols.
"""

from __future__ import annotations

import builtins
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # the models pull in pydantic; `maturity list` never needs them
    from collections.abc import Callable

    from maturity.model.assessment import Answer, Assessment, DoraInputs
    from maturity.model.plan import Action, Target


def team_key(team: str) -> str:
    """Teams match like participant names (:func:`maturity.names.name_key`): ignoring case
    and surrounding/repeated spaces; one rule, every backend (and the quick read path)."""
    from maturity.names import name_key

    return name_key(team)


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


@dataclass(frozen=True)
class TeamState:
    """One question's votes as a participant or the facilitator may see them.

    Before the reveal only the count (and, when not anonymous, who has voted) is given; the
    values are in ``votes`` only once the question is revealed, so a participant's screen
    cannot show what it was never given.
    """

    assessment_id: str
    question_id: str | None
    current_question: str | None  # the facilitator's current question; None: not in team mode
    anonymous: bool
    status: str
    revealed: bool
    count: int
    voters: tuple[str, ...]  # who has voted, without their votes (empty when anonymous)
    voted: bool  # whether the asking voter has a vote on the question
    mine: int | None  # the asking voter's own vote (None also for "not sure")
    votes: dict[str, int | None] | None  # every vote, once revealed (anonymous: #01, #02, ...)
    revealed_questions: frozenset[str]
    answered: bool = False  # the team recorded its answer in this session (since the last "x")
    answer: int | None = None  # that answer (None also for "not sure")
    previous: bool = False  # an answer given before this vote ("last time", solo, new --from)
    previous_answer: int | None = None  # that answer (None also for "not sure")
    joined: tuple[str, ...] = ()  # named participants voting from their own app, seen lately
    facilitator_live: bool = True  # the facilitator's app has the session open and beats


@dataclass(frozen=True)
class LiveSession:
    """An assessment whose facilitator has a question open for votes (``maturity serve``)."""

    assessment_id: str
    team: str
    questionnaire_id: str
    anonymous: bool
    current_question: str
    updated: str


class AssessmentStore(Protocol):
    """Assessments, their answers, teams and questionnaire snapshots."""

    label: str
    """How the store is named in messages: a path, or a URL without its password."""
    target: str
    """What opens this store again (:func:`maturity.store.open_store`), e.g. on another
    thread. A URL may hold a password: show :attr:`label`, never this."""
    on_commit: Callable[[], None] | None
    """Called after each write transaction commits, on the committing thread (None: nobody
    listens). How :mod:`maturity.keep` learns of writes, whatever made them."""

    @property
    def exists(self) -> bool:
        """False only for an embedded store whose file was not created yet (reads are empty)."""
        ...

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

    def save_measured(self, assessment_id: str, body: str) -> None: ...

    def set_status(
        self, assessment_id: str, status: str, event: str | None = None, detail: str = ""
    ) -> None: ...

    def teams(self) -> builtins.list[TeamRow]: ...

    def team_name(self, team: str) -> str | None: ...

    def ids_for_team(self, team: str) -> builtins.list[str]: ...

    def rename_team(self, old: str, new: str, event: str) -> int: ...

    def put_questionnaire(self, qid: str, version: str, body: str) -> None: ...

    def set_mode(self, assessment_id: str, mode: str) -> None: ...

    def delete(self, assessment_id: str) -> None: ...

    def questionnaire_json(self, qid: str, version: str) -> str | None: ...

    def transaction(self) -> AbstractContextManager[None]:
        """One write transaction around many calls (an import): every write made inside
        joins it and commits at the end, or none does. Taken for writing before anything
        is read, so checks made inside cannot be overtaken by another process."""
        ...

    # -- the plan: targets and actions (see maturity.plan) -------------------------------------

    def put_targets(self, assessment_id: str, targets: builtins.list[Target]) -> None:
        """Replace an assessment's targets."""
        ...

    def put_actions(self, items: builtins.list[tuple[str, Action]]) -> None:
        """Insert or update actions (each with its assessment id) in one transaction."""
        ...

    def action_summaries(self) -> builtins.list[tuple[str, str, str, str | None]]:
        """Every action as (team, its assessment's created time, status, carried_to)."""
        ...

    def find_action(self, prefix: str) -> tuple[str, str]:
        """(assessment id, action id) for a unique action id prefix."""
        ...

    def close(self) -> None: ...


class TeamSessionStore(Protocol):
    """Team mode: live votes (short transactions, retried while another process writes)."""

    notifies: bool
    """Whether :meth:`wait_for_change` is told of changes (PostgreSQL) or merely waits."""

    def cast_vote(
        self, assessment_id: str, question_id: str, voter: str, level: int | None
    ) -> None:
        """Cast or change a vote; refused once the question is revealed."""
        ...

    def retract_vote(self, assessment_id: str, question_id: str, voter: str) -> bool: ...

    def reveal(self, assessment_id: str, question_id: str) -> None: ...

    def reset_votes(self, assessment_id: str, question_id: str) -> None:
        """Forget a question's live votes and hide it again (the team votes once more)."""
        ...

    def set_current_question(self, assessment_id: str, question_id: str | None) -> None: ...

    def current_question(self, assessment_id: str) -> str | None: ...

    def beat(self, assessment_id: str) -> None:
        """The facilitator's app is still there."""
        ...

    def touch_presence(self, assessment_id: str, voter: str, *, leave: bool = False) -> None:
        """A joined participant is (still) there, or has left."""
        ...

    def team_state(
        self, assessment_id: str, question_id: str | None, voter: str | None = None
    ) -> TeamState: ...

    def live_sessions(self) -> builtins.list[LiveSession]: ...

    def add_participant(self, assessment_id: str, name: str) -> None: ...

    def save_team_answer(
        self, assessment_id: str, question_id: str, answer: Answer, progress: Progress
    ) -> str:
        """Commit the team's answer (votes included) and drop the question's live votes."""
        ...

    def wait_for_change(self, assessment_id: str, timeout: float) -> bool:
        """Block until the assessment's live state may have changed (or ``timeout``).

        PostgreSQL is told at once (LISTEN/NOTIFY); SQLite simply waits, so callers poll."""
        ...


class Store(AssessmentStore, TeamSessionStore, Protocol):
    """Everything maturity keeps: what :func:`maturity.store.open_store` returns."""
