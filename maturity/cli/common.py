"""What every command module shares: exit codes, the parser class, JSON output and the
argument types used by several command groups.

Public on purpose: the command modules import these names from here rather than reaching
into each other's private helpers, so a module can move or change without breaking another.
Stdlib only at import time, so building the parser stays cheap for ``maturity list``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, NoReturn, TypeAlias

from maturity.catalogue import language_problem
from maturity.errors import MaturityError
from maturity.readouts import dump as dump  # re-exported: the one JSON shape for scripts

if TYPE_CHECKING:
    from maturity.cli.context import CliContext

EXIT_OK, EXIT_BUG, EXIT_INPUT = 0, 1, 2
"""0 success, 1 only for bugs, 2 bad input (one ``error: ...`` line per problem on stderr)."""

Command: TypeAlias = Callable[[argparse.Namespace, "CliContext"], int]
"""A command: the parsed arguments and the context holding the open stores -> exit code."""


class UsageError(MaturityError):
    """A bad flag or argument, found by argparse."""


class Parser(argparse.ArgumentParser):
    """argparse, but a usage mistake is a :class:`UsageError` (one ``error:`` line, exit 2)
    instead of argparse's own exit, so ``main`` reports it like every other bad input."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see: {self.prog} --help)")


def lang_code(value: str) -> str:
    """``--lang`` / ``--language``: a language the app ships (the one check, in the core)."""
    if problem := language_problem(value):
        raise argparse.ArgumentTypeError(problem)
    return value


def benchmark_year(value: str) -> int | str:
    """``--benchmark``: a DORA year (``2024``) or a named table (``devlake-2023``)."""
    from maturity.dora import stored_benchmark

    try:
        return stored_benchmark(value)
    except MaturityError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
