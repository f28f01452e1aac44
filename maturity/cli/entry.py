"""Command line entry point: ``maturity [--store STORE] COMMAND ...``.

Builds the parser from the command groups (one module each in :mod:`maturity.cli`), runs the
chosen command with one :class:`~maturity.cli.context.CliContext` that owns the stores it
opens, and turns every user error into one ``error:`` line.

Exit codes: 0 success, 2 bad input (one ``error: ...`` line per problem on stderr, no
traceback), 1 only for bugs. Heavy front ends (Textual, WeasyPrint) are imported lazily,
inside the commands that need them, so ``maturity list`` starts fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from maturity import __version__
from maturity.cli import (
    assessments,
    coach,
    dora,
    exchange,
    plan,
    questionnaire,
    report,
    store,
    team,
)
from maturity.cli.common import EXIT_INPUT, EXIT_OK, Command, Parser
from maturity.cli.context import CliContext
from maturity.errors import MaturityError, shorten_echoes
from maturity.safetext import terminal_safe
from maturity.stdout import silence_stdout


def cmd_tui(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """``maturity`` with no command: the Textual app on --store / $MATURITY_STORE / default.

    Without a terminal (a pipe, CI) the app cannot run, so the command-line tour is printed.
    """
    from maturity.tui import start  # light: Textual only loads for the TUI

    code = start(args.store)
    if code is None:
        parser.print_help()
        return EXIT_OK
    return code


def build_parser() -> argparse.ArgumentParser:
    """The whole command line; ``maturity --help`` lists the commands in this order."""
    p = Parser(
        prog="maturity",
        description="DevOps maturity self-assessment: CALMS questions, DORA metrics, reports.",
        epilog="Run 'maturity COMMAND --help' for the options of one command.",
    )
    p.add_argument("--version", action="version", version=f"maturity {__version__}")
    p.add_argument(
        "--store",
        metavar="STORE",
        help="SQLite file or postgresql:// URL (default: $MATURITY_STORE or maturity.db in the"
        " user data folder)",
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    assessments.register(sub)  # new, list, show, answer
    exchange.register(sub)  # import, export
    report.register(sub)
    coach.register(sub)  # teams, team, complete, reopen, compare, trend, portfolio
    team.register(sub)  # join, serve
    plan.register(sub)  # target, plan, actions, action
    assessments.register_delete(sub)
    questionnaire.register(sub)
    dora.register(sub)  # dora classify, dora measure
    store.register(sub)  # store migrate, store copy
    return p


def _flush_stdout() -> None:
    """Flush now, so a full disk behind ``> file`` is one error line, not a traceback at exit."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        silence_stdout()
        raise MaturityError(
            f"cannot write the output ({exc.strerror or exc}); it is incomplete"
        ) from None


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command line (``argv`` without the program name; default: ``sys.argv[1:]``)
    and return its exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        func: Command | None = getattr(args, "func", None)
        if func is None:
            return cmd_tui(args, parser)
        with CliContext(args.store) as ctx:  # closes every store it opened, on any way out
            code = func(args, ctx)
            _flush_stdout()
            if code == EXIT_OK:
                ctx.keep_outputs()
        return code
    except MaturityError as exc:
        for line in str(exc).splitlines() or ["invalid input"]:
            print(f"error: {terminal_safe(line)}", file=sys.stderr)
        return EXIT_INPUT
    except SystemExit as exc:  # --help and --version
        return exc.code if isinstance(exc.code, int) else EXIT_OK
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        silence_stdout()
        return EXIT_OK
    except OSError as exc:  # the environment (a full disk, a vanished folder), not a bug
        reason = exc.strerror or str(exc)
        if exc.filename:
            print(shorten_echoes(f"error: {exc.filename}: {reason}"), file=sys.stderr)
        else:  # writing to standard output (> /dev/full, a full disk)
            print(f"error: cannot write the output ({reason}); it is incomplete", file=sys.stderr)
        silence_stdout()
        return EXIT_INPUT


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
