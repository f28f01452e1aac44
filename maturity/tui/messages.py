"""Messages the app sends to its screens (and screens to the app)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


class LanguageChanged(Message):
    """Sent to every screen on the stack when the UI language switches; each relabels itself."""


@dataclass
class AnswerSaved(Message):
    """An answer was committed to the store (the "saved" indicator shows it)."""

    assessment_id: str
    question_id: str
    level: int | None


@dataclass
class StatusChanged(Message):
    """An assessment was completed or reopened; sent to every screen on the stack, so a
    question screen below the one where it happened knows whether it is read-only."""

    assessment_id: str
    status: str


# -- navigation: screens ask, the app decides how (push, reuse a screen on the stack, swap) --


class Navigate(Message):
    """A screen asks the app to show another screen (screens never import the app)."""


class GoHome(Navigate):
    """Close every screen above home (all answers are already saved or queued)."""


@dataclass
class OpenQuestions(Navigate):
    """The question screen of an assessment, at ``question_id`` or where it was left."""

    assessment_id: str
    question_id: str | None = None


@dataclass
class OpenTeam(Navigate):
    """Team mode (votes, reveal) of an assessment, at ``question_id``."""

    assessment_id: str
    question_id: str | None = None


@dataclass
class OpenResults(Navigate):
    assessment_id: str


@dataclass
class OpenDora(Navigate):
    assessment_id: str


@dataclass
class OpenExport(Navigate):
    assessment_id: str


@dataclass
class OpenPlan(Navigate):
    assessment_id: str


@dataclass
class OpenSummary(Navigate):
    assessment_id: str


@dataclass
class OpenTrend(Navigate):
    team: str


class OpenPortfolio(Navigate):
    """The portfolio across teams (not pushed twice)."""
