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
# Plain classes, not dataclasses: building ten dataclasses costs a few milliseconds of start.


class Navigate(Message):
    """A screen asks the app to show another screen (screens never import the app)."""


class GoHome(Navigate):
    """Close every screen above home (all answers are already saved or queued)."""


class OpenPortfolio(Navigate):
    """The portfolio across teams (not pushed twice)."""


class OpenTrend(Navigate):
    """A team's assessments over time."""

    def __init__(self, team: str) -> None:
        super().__init__()
        self.team = team


class AssessmentRequest(Navigate):
    """A screen about one assessment."""

    def __init__(self, assessment_id: str) -> None:
        super().__init__()
        self.assessment_id = assessment_id


class OpenResults(AssessmentRequest):
    """The results of an assessment."""


class OpenDora(AssessmentRequest):
    """The DORA inputs of an assessment."""


class OpenExport(AssessmentRequest):
    """Export an assessment's report (a dialog)."""


class OpenPlan(AssessmentRequest):
    """The improvement plan of an assessment."""


class OpenSummary(AssessmentRequest):
    """The retrospective summary of an assessment."""


class QuestionRequest(AssessmentRequest):
    """A question screen of an assessment, at ``question_id`` or where it was left."""

    def __init__(self, assessment_id: str, question_id: str | None = None) -> None:
        super().__init__(assessment_id)
        self.question_id = question_id


class OpenQuestions(QuestionRequest):
    """The question screen (one screen per assessment: an open one is reused)."""


class OpenTeam(QuestionRequest):
    """Team mode (votes, reveal)."""
