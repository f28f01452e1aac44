"""How a person writes a maturity level: the digits 1-5, or one of the spellings of "not sure".

One parser for every place a level is typed or written in a file (``maturity answer``, answers
files), so "not sure" means the same set of words everywhere. Dependency-free (no pydantic),
like the other small text rules.
"""

from __future__ import annotations

from typing import Final

from maturity.errors import MaturityError

NOT_SURE: Final = frozenset({"unsure", "not sure", "not-sure", "not_sure", "?", "0"})
"""Every accepted spelling of "not sure" (compared after trimming and lower-casing)."""

LEVELS: Final = (1, 2, 3, 4, 5)


def parse_level(raw: object) -> int | None:
    """A level 1-5, or None for "not sure"; anything else raises :class:`MaturityError`.

    Accepts an int (a YAML or JSON number) or text. A bool is not a level (YAML reads ``yes``
    as True, and True == 1 to Python), and only the ASCII digits count (``"²"`` is a digit to
    :meth:`str.isdigit`). ``None`` (an empty YAML value) means "not sure".
    """
    if raw is None:
        return None
    if isinstance(raw, str):
        text = raw.strip().lower()
        if text in NOT_SURE:
            return None
        if text in ("1", "2", "3", "4", "5"):
            return int(text)
    elif isinstance(raw, int) and not isinstance(raw, bool):
        if raw in LEVELS:
            return raw
        if raw == 0:
            return None
    raise MaturityError(f"level must be 1-5 or 'unsure', got {_shown(raw)}")


def _shown(raw: object) -> str:
    """Text quoted as typed, anything else as Python writes it (``7``, ``3.5``, ``[1]``)."""
    text = f"'{raw}'" if isinstance(raw, str) else repr(raw)
    return text if len(text) <= 42 else text[:40] + "…"
