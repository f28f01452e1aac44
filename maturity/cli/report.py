"""``maturity report``: an HTML or PDF report of one assessment, two compared, a team's trend
or the portfolio. Jinja2 (and WeasyPrint, for PDF) load only inside the command.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from maturity.catalogue import language_choices
from maturity.cli.common import EXIT_OK, benchmark_year, lang_code
from maturity.errors import MaturityError
from maturity.safetext import terminal_safe

if TYPE_CHECKING:
    from maturity.cli.context import CliContext


def cmd_report(args: argparse.Namespace, ctx: CliContext) -> int:
    """``maturity report ID -o PATH``, or a coach report: ``--compare A B``, ``--trend --team T``
    or ``--portfolio``. Jinja2 (and WeasyPrint for PDF) load only here.

    Combinations are checked before the store is opened, so a wrong one writes nothing.
    """
    from maturity import report

    kinds = [
        name
        for name, given in (
            ("an assessment ID", args.id is not None),
            ("--compare A B", args.compare is not None),
            ("--trend", args.trend),
            ("--portfolio", args.portfolio),
        )
        if given
    ]
    if len(kinds) != 1:
        got = f" (got {' and '.join(kinds)})" if kinds else ""
        raise MaturityError(
            f"give one of: an assessment ID, --compare A B, --trend --team T or --portfolio{got}"
        )
    if args.team is not None and not args.trend:
        raise MaturityError("--team goes with --trend: maturity report --trend --team T -o PATH")
    if args.trend and not (args.team and args.team.strip()):
        raise MaturityError("--trend needs --team T: maturity report --trend --team T -o PATH")
    if args.compare_to is not None and args.id is None:
        raise MaturityError("--compare-to goes with an assessment ID; for two, use --compare A B")
    if args.benchmark is not None and (args.trend or args.portfolio):
        raise MaturityError("--benchmark goes with an assessment ID or --compare A B")
    from maturity.fileio import check_destination, is_stdout, user_path

    fmt = args.format
    check_destination(user_path(args.output))  # a folder, a device, a name too long: say so now
    if fmt is None:
        suffix = Path(args.output).suffix.lower().lstrip(".")
        fmt = {"htm": "html", "html": "html", "pdf": "pdf"}.get(suffix)
        if fmt is None:
            raise MaturityError("give --format html or pdf (or an -o PATH ending in .html or .pdf)")
    ws = ctx.workspace(create=False)
    fmt = fmt or "pdf"
    target = Path(args.output)
    if args.compare is not None:
        a, b = args.compare
        path = report.export_compare(ws, a, b, fmt, target, args.lang, benchmark=args.benchmark)
    elif args.trend:
        path = report.export_trend(ws, args.team, fmt, target, args.lang)
    elif args.portfolio:
        path = report.export_portfolio(ws, fmt, target, args.lang)
    else:
        path = report.export(
            ws, args.id, fmt, target, args.lang, args.compare_to, benchmark=args.benchmark
        )
    if not is_stdout(path):
        print(f"wrote {terminal_safe(str(path))}", file=sys.stderr)
    return EXIT_OK


def register(sub: Any) -> None:
    """Add ``report`` to the main parser's subcommands."""
    s = sub.add_parser(
        "report",
        help="write an HTML or PDF report: one assessment, two compared, a trend or the portfolio",
    )
    s.add_argument("id", nargs="?", help="assessment id or a unique prefix")
    s.add_argument(
        "--compare", nargs=2, metavar=("A", "B"), help="what changed from assessment A to B"
    )
    s.add_argument("--trend", action="store_true", help="a team's trend (with --team T)")
    s.add_argument("--team", metavar="T", help="the team of --trend")
    s.add_argument("--portfolio", action="store_true", help="every team's latest levels")
    s.add_argument(
        "--format", "-f", choices=["html", "pdf"], help="html or pdf (default: from PATH's suffix)"
    )
    s.add_argument(
        "-o", "--output", metavar="PATH", required=True, help="file to write (replaced atomically)"
    )
    s.add_argument(
        "--lang",
        type=lang_code,
        help=f"{language_choices()} (default: the assessment's; --compare: B's; --trend: the latest's; else en)",
    )
    s.add_argument(
        "--compare-to",
        metavar="ID",
        help="assessment to compare with (default: the team's previous assessment, if any)",
    )
    s.add_argument(
        "--benchmark",
        type=benchmark_year,
        metavar="YEAR",
        help="DORA benchmark year or devlake-2023 (default: latest)",
    )
    s.set_defaults(func=cmd_report)
