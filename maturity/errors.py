"""Errors a user can cause and fix.

Everything a person can get wrong (a file, a flag, a field, a store) raises a subclass of
:class:`MaturityError`. The command line turns it into one ``error: ...`` line and exit code 2,
the TUI into a notification; anything else that escapes is a bug and keeps its traceback.

An error a TUI user can hit also carries a ``code`` and its ``params``: the core catalogue
(:mod:`maturity.error_messages`) words it in every language, so the Korean TUI shows Korean,
and a message written for the command line ("use --replace") is not shown on a screen where
no flag can be typed. The English message (``str(error)``) stays what the command line prints.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

ECHO_LIMIT = 120
"""At most this many characters of a value a person gave are repeated in an error message:
a 5,000-character id or team name pasted by mistake is shown by its start and its length, so
the one error line stays one line a person can read."""

RUN_LIMIT = 300
"""An unquoted run without spaces (a path, as most messages name a file) is cut only beyond
this: longer than any real path a person types, shorter than a pasted blob."""

_QUOTED = re.compile("'([^'\\n]{" + str(ECHO_LIMIT + 1) + ",})'")
_RUN = re.compile("[^\\s':]{" + str(RUN_LIMIT + 1) + ",}")


def _cut_quoted(match: re.Match[str]) -> str:
    value = match.group(1)
    return f"'{value[: ECHO_LIMIT - 20]}…' ({len(value):,} characters)"


def _cut_run(match: re.Match[str]) -> str:
    value = match.group(0)
    return f"{value[: ECHO_LIMIT - 20]}… ({len(value):,} characters)"


def shorten_echoes(message: str) -> str:
    """``message`` with every quoted value longer than :data:`ECHO_LIMIT` (and any other run
    without spaces longer than :data:`RUN_LIMIT`) cut to its start and its length. Every
    error message goes through here (the English one and each language's, and the command
    line's last-resort OSError line), so no raise site has to remember to cut what it
    repeats."""
    return _RUN.sub(_cut_run, _QUOTED.sub(_cut_quoted, message))


class MaturityError(Exception):
    """A problem caused by input, with a message written for the person who typed it.

    ``MaturityError("text")`` is an error in English only. ``MaturityError(code=..., params=...)``
    takes its English message from the core catalogue; ``MaturityError("text", code=...)``
    keeps a command-line message (one naming flags or commands) while screens word the code.
    """

    def __init__(
        self,
        message: str | None = None,
        *,
        code: str | None = None,
        params: Mapping[str, object] | None = None,
    ) -> None:
        self.code = code
        self.params: dict[str, object] = dict(params or {})
        if message is None:
            if code is None:
                raise TypeError("MaturityError needs a message or a code")
            message = error_text(code, "en", self.params)
        super().__init__(shorten_echoes(message))

    def text(self, lang: str) -> str:
        """The message for a screen in ``lang``: the catalogue's words for the code (English
        fallback), or the message itself for an error without a code."""
        if self.code is None:
            return str(self)
        return error_text(self.code, lang, self.params)


def error_text(code: str, lang: str, params: Mapping[str, object]) -> str:
    """The core catalogue's text of ``code`` in ``lang`` with ``params`` filled in."""
    from maturity.error_messages import ERRORS

    if code not in ERRORS:
        raise KeyError(f"no error code {code!r} in maturity.error_messages")
    return shorten_echoes(ERRORS.text(code, lang, **params))


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
        # The problems themselves stay as found (paths and validator words); a screen in
        # another language leads them with one line in its language.
        lines = "\n".join(p.render(source) for p in problems)
        super().__init__(lines, code="file.invalid", params={"problems": lines})


class NotFoundError(MaturityError):
    """An id, team or questionnaire that does not exist (or an ambiguous prefix)."""


class StoreError(MaturityError):
    """The store cannot be used: corrupt, locked, not SQLite, or from a newer version."""
