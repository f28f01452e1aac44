"""How numbers are written for people: scores, score changes, shares.

One module so the CLI, the TUI, the Markdown summary and the reports cannot drift apart (they
had six private copies of "two decimals, or a dash when there is no score"). Kept free of
pydantic and of any front end, so the fast read paths can use it too.
"""

from __future__ import annotations

from typing import Final

MISSING: Final = "–"
"""What stands in for a value that does not exist (no answers yet, no metric)."""

MINUS: Final = "−"
"""The typographic minus (U+2212) the reports and the TUI use; the CLI keeps ASCII '-'."""


def format_score(value: float | None, *, missing: str = MISSING) -> str:
    """A maturity score to two decimals ("3.25"), or ``missing`` when there is none."""
    return missing if value is None else f"{value:.2f}"


def format_delta(
    value: float | int | None, *, typographic: bool = False, missing: str = MISSING
) -> str:
    """A change between two scores or levels, always signed: "+0.25", "-0.25", "+1".

    Floats get two decimals and a change that rounds to zero is written without a sign
    ("0.00"), so "−0.00" never suggests a fall that did not happen. Integers (level changes)
    are written as they are ("+1", "0"). ``typographic`` uses the minus sign U+2212 (reports,
    TUI) instead of the ASCII hyphen (plain-text CLI output that people grep and diff).
    """
    if value is None:
        return missing
    minus = MINUS if typographic else "-"
    if isinstance(value, int) and not isinstance(value, bool):
        if value == 0:
            return "0"
        return f"+{value}" if value > 0 else f"{minus}{-value}"
    if round(value, 2) == 0:
        return "0.00"
    return f"+{value:.2f}" if value > 0 else f"{minus}{-value:.2f}"


def format_share(value: float | None, *, missing: str = MISSING) -> str:
    """A share as a whole percentage ("67%"), or ``missing``."""
    return missing if value is None else f"{value:.0%}"


def format_level(value: int | None, *, missing: str = MISSING) -> str:
    """A maturity level as its digit ("3"), or ``missing`` (not enough answers)."""
    return missing if value is None else str(value)
