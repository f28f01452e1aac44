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
