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
