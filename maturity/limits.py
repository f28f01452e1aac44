"""How long each free-text field may be, and the one message that says so.

Every limit lives here once. The assessment model (:mod:`maturity.model.assessment`) declares
them as ``max_length`` so imports are checked by pydantic, and every other entrance (command
line flags, answers files, ``team rename``, ``join``, the TUI forms) calls :func:`check_text`
before anything is written, so the same value gets the same message wherever it is typed.

Why limits at all: a 5,000-character team name used to be accepted by ``team rename`` and then
refused by the model on every later read (``show``, ``export --all``: no backup possible), and
a note of tens of thousands of unbroken characters makes a PDF report take minutes.
"""

from __future__ import annotations

import unicodedata
from typing import Final

from maturity.errors import MaturityError, error_text

TEAM_MAX: Final = 200
"""Team name (characters, after surrounding spaces are removed)."""

PERSON_MAX: Final = 60
"""A facilitator's or participant's name."""

PARTICIPANTS_MAX: Final = 100
"""How many participants one assessment lists."""

NOTE_MAX: Final = 2000
"""A note or evidence link on one answer."""

REASON_MAX: Final = 500
"""Why a complete assessment was reopened."""

DORA_INPUT_MAX: Final = 60
"""One DORA input as typed (``2/week``, ``1d 4h``)."""

EVENT_DETAIL_MAX: Final = 1000
"""The detail of a recorded event (a rename carries two team names)."""

SESSIONS_DEFAULT: Final = 16
"""``maturity serve``: participants at once by default (a big team plus a few reloads; each
session is a ~57 MB process)."""

SESSIONS_MAX: Final = 500
"""``maturity serve --max-sessions`` at most."""

LIMITS: Final[dict[str, int]] = {
    "team": TEAM_MAX,
    "facilitator": PERSON_MAX,
    "participant": PERSON_MAX,
    "note": NOTE_MAX,
    "reason": REASON_MAX,
    "dora": DORA_INPUT_MAX,
}


def text_error(field: str, value: str, prefix: str = "") -> MaturityError | None:
    """The error for ``value`` as the ``field`` (None when it fits), with code ``limit.FIELD``
    so a screen words it in its language. Length is counted after surrounding spaces are
    removed, as the value is stored. ``prefix`` leads the command line's message
    (``"lead_time: "``)."""
    limit = LIMITS[field]
    n = len(value.strip())
    if n <= limit:
        return None
    code, params = f"limit.{field}", {"limit": limit, "count": n}
    return MaturityError(prefix + error_text(code, "en", params), code=code, params=params)


def text_problem(field: str, value: str) -> str | None:
    """Why ``value`` cannot be the ``field`` in English (None when it can), for a file's
    problem list."""
    error = text_error(field, value)
    return None if error is None else str(error)


def check_text(field: str, value: str | None) -> str | None:
    """Raise :class:`MaturityError` with the core's message when ``value`` is too long."""
    if value is not None and (error := text_error(field, value)):
        raise error
    return value


def check_participants(names: list[str]) -> list[str]:
    """Every name within :data:`PERSON_MAX`, and at most :data:`PARTICIPANTS_MAX` of them."""
    if len(names) > PARTICIPANTS_MAX:
        raise MaturityError(
            code="limit.participants", params={"limit": PARTICIPANTS_MAX, "count": len(names)}
        )
    for name in names:
        check_text("participant", name)
    return names


def token(value: str) -> str:
    """An identifier-like value (a questionnaire version): printable, no surrounding spaces.

    ``"1.0.0\\n"`` would otherwise be a second version next to ``1.0.0`` that looks the same."""
    if value != value.strip() or any(unicodedata.category(c)[0] == "C" for c in value):
        raise ValueError(f"{value!r}: no spaces around it and no control characters")
    return value
