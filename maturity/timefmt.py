"""The one textual form timestamps take everywhere: UTC, milliseconds, trailing ``Z``.

Kept dependency-free so the store can write timestamps without importing the pydantic models.
"""

from __future__ import annotations

from datetime import UTC, datetime


def format_time(value: datetime) -> str:
    value = value.astimezone(UTC)
    return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"


def now() -> datetime:
    """The current time in UTC, truncated to the millisecond (what the store keeps)."""
    t = datetime.now(UTC)
    return t.replace(microsecond=(t.microsecond // 1000) * 1000)


def now_text() -> str:
    return format_time(now())


def parse_time(text: str) -> datetime:
    """A timestamp as :func:`format_time` writes it (or any ISO 8601 form with an offset or a
    trailing ``Z``) back to an aware datetime in UTC; raises ValueError on anything else.

    The one reader of stored timestamps: the store, the reports and the TUI all call it, so a
    "Z" is understood the same way everywhere (``fromisoformat`` before Python 3.11 did not
    take it) and a time without an offset is taken as UTC, as the store writes it.
    """
    value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def parse_time_or_none(text: str | None) -> datetime | None:
    """:func:`parse_time`, or None when the text is absent or unreadable (liveness stamps
    written by another process, where a missing stamp simply means "not seen")."""
    if not text:
        return None
    try:
        return parse_time(text)
    except ValueError:
        return None
