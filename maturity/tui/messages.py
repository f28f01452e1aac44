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
