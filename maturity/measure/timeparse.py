"""Timestamps from records: ISO 8601 with an offset (or ``Z``), stored as aware UTC.

A file either gives every time with an offset, or none (then they are read as UTC and
counted as such); a file that mixes the two is refused, because "10:00" next to "10:00+09:00"
cannot be placed on one clock without guessing.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from maturity.errors import MaturityError
from maturity.measure.location import Location

_NUMERIC = re.compile(r"^\d{9,11}(\.\d+)?$")  # Unix seconds (2001..2286)


class TimeReader:
    """Parses the times of one file and remembers whether they carried offsets."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.with_offset: Location | str | None = None  # where the first time with an offset was
        self.without_offset: Location | str | None = None
        self.naive = 0

    def parse(self, text: str, where: Location | str, column: str) -> datetime:
        """``where`` names the place for a message: a file's line or item, or a flag."""
        raw = text.strip()
        if not raw:
            raise MaturityError(
                code="records.time_empty", params={"where": where, "column": column}
            )
        if _NUMERIC.match(raw):
            return datetime.fromtimestamp(float(raw), UTC)
        value = raw.replace(" UTC", "Z")
        if value.endswith(("Z", "z")):
            value = value[:-1] + "+00:00"
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            raise MaturityError(
                code="records.time_unreadable",
                params={"where": where, "column": column, "value": raw[:40]},
            ) from None
        if parsed.tzinfo is None:
            self.naive += 1
            self.without_offset = self.without_offset or where
            if self.with_offset:
                raise _mixed(where, column, self.with_offset)
            return parsed.replace(tzinfo=UTC)
        self.with_offset = self.with_offset or where
        if self.without_offset:
            raise _mixed(self.without_offset, column, where)
        if abs(parsed.utcoffset() or timedelta()) > timedelta(hours=14):
            raise MaturityError(
                code="records.time_offset",
                params={"where": where, "column": column, "value": raw},
            )
        return parsed.astimezone(UTC)


def _mixed(naive_where: Location | str, column: str, offset_where: Location | str) -> MaturityError:
    return MaturityError(
        code="records.time_mixed",
        params={"where": naive_where, "column": column, "other": offset_where},
    )


def parse_span(text: str) -> timedelta:
    """``90d``, ``12w``, ``6mo``, ``1y`` for ``--since``."""
    m = re.fullmatch(r"\s*(\d+)\s*(d|w|mo|y)\s*", text.lower())
    if not m or int(m.group(1)) == 0:
        raise MaturityError(
            f"--since: expected a span like 90d, 12w, 6mo or 1y, got '{text}'",
            code="measure.span",
            params={"text": text},
        )
    n, unit = int(m.group(1)), m.group(2)
    days = {"d": 1, "w": 7, "mo": 30, "y": 365}[unit] * n
    if days > 36500:
        raise MaturityError(
            f"--since: {text} is longer than 100 years",
            code="measure.span_long",
            params={"text": text},
        )
    return timedelta(days=days)


def parse_bound(text: str, flag: str) -> datetime:
    """``--from``/``--to``: a date (``2024-05-01``, midnight UTC) or a time with offset."""
    reader = TimeReader(flag)
    return reader.parse(text, flag, "time")
