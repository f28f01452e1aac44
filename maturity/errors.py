"""Errors a user can cause and fix.

Everything a person can get wrong (a file, a flag, a field, a store) raises a subclass of
:class:`MaturityError`. The command line turns it into one ``error: ...`` line and exit code 2,
the TUI into a notification; anything else that escapes is a bug and keeps its traceback.
"""

from __future__ import annotations

from dataclasses import dataclass


class MaturityError(Exception):
    """A problem caused by input, with a message written for the person who typed it."""


@dataclass(frozen=True)
class Problem:
    """One problem in a file, located by a path such as ``dimensions[2].questions[0].options``."""

    path: str
    message: str

    def render(self, source: str) -> str:
        where = f"{source}: {self.path}" if self.path else source
        return f"{where}: {self.message}"


class InvalidFileError(MaturityError):
    """A file failed validation; carries every problem found, each reported on its own line."""

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source = source
        self.problems = problems
        super().__init__("\n".join(p.render(source) for p in problems))


class NotFoundError(MaturityError):
    """An id, team or questionnaire that does not exist (or an ambiguous prefix)."""


class StoreError(MaturityError):
    """The store cannot be used: corrupt, locked, not SQLite, or from a newer version."""
