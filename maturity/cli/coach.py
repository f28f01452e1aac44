"""Commands for coaches: teams, snapshots, comparison, trends and the portfolio.

Registered on the main parser by :func:`register`; each command is a thin layer over
:class:`maturity.workspace.Workspace` and :mod:`maturity.history`.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from maturity import readouts
from maturity.cli.common import EXIT_OK, Parser, dump, lang_code
from maturity.safetext import terminal_safe

if TYPE_CHECKING:
    from maturity.cli.context import CliContext


def cmd_teams(args: argparse.Namespace, ctx: CliContext) -> int:
    from maturity.cli import textout

    rows = ctx.store(create=False).teams()  # no questionnaires or models: stays light
    if args.json:
        print(dump([r.__dict__ for r in rows]))
    else:
        print(textout.teams(rows))
    return EXIT_OK


def cmd_team(args: argparse.Namespace, ctx: CliContext) -> int:
    ws = ctx.workspace(create=False)
    if args.action == "rename":
        n = ws.rename_team(args.old, args.new)
        print(
            f"renamed '{terminal_safe(args.old.strip())}' to '{terminal_safe(args.new.strip())}'"
            f" ({n} assessments)"
        )
    else:
        n = ws.merge_teams(args.source, args.target)
        print(
            f"merged '{terminal_safe(args.source.strip())}' into"
            f" '{terminal_safe(args.target.strip())}' ({n} assessments moved)"
        )
    return EXIT_OK


def cmd_complete(args: argparse.Namespace, ctx: CliContext) -> int:
    a = ctx.workspace(create=False).complete(args.id)
    print(f"{a.id} is complete; it is read-only until 'maturity reopen {a.id[:8]}'")
    return EXIT_OK


def cmd_reopen(args: argparse.Namespace, ctx: CliContext) -> int:
    a = ctx.workspace(create=False).reopen(args.id, args.reason or "")
    reason = f": {terminal_safe(args.reason)}" if args.reason else ""
    print(f"{a.id} reopened (recorded{reason})")
    return EXIT_OK


def cmd_compare(args: argparse.Namespace, ctx: CliContext) -> int:
    from maturity.cli import textout

    comparison = ctx.workspace(create=False).compare(args.a, args.b, args.lang)
    if args.json:
        print(dump(comparison.model_dump(mode="json")))
    else:
        print(textout.comparison(comparison))
    return EXIT_OK


def cmd_trend(args: argparse.Namespace, ctx: CliContext) -> int:
    ws = ctx.workspace(create=False)
    sys.stdout.write(readouts.trend_output(ws, args.team, args.lang, as_json=args.json))
    return EXIT_OK


def cmd_portfolio(args: argparse.Namespace, ctx: CliContext) -> int:
    portfolio = ctx.workspace(create=False).portfolio(lang=args.lang)
    sys.stdout.write(readouts.portfolio_output(portfolio, args.sort, as_json=args.json))
    return EXIT_OK


def register(sub: Any) -> None:
    """Add the coach commands to the main parser's subcommands."""
    s = sub.add_parser("teams", help="teams with assessment count, latest date and level")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_teams)

    s = sub.add_parser("team", help="rename a team or merge two (history is kept)")
    tsub = s.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=Parser)
    r = tsub.add_parser("rename", help="rename a team")
    r.add_argument("old")
    r.add_argument("new")
    m = tsub.add_parser("merge", help="move every assessment of SOURCE into TARGET")
    m.add_argument("source")
    m.add_argument("target")
    s.set_defaults(func=cmd_team)

    s = sub.add_parser("complete", help="mark an assessment complete (read-only)")
    s.add_argument("id")
    s.set_defaults(func=cmd_complete)

    s = sub.add_parser("reopen", help="make a complete assessment editable again (recorded)")
    s.add_argument("id")
    s.add_argument("--reason", help="why it is reopened (kept with the assessment)")
    s.set_defaults(func=cmd_reopen)

    s = sub.add_parser("compare", help="what changed between two assessments")
    s.add_argument("a", help="the earlier assessment")
    s.add_argument("b", help="the later assessment")
    s.add_argument("--json", action="store_true")
    s.add_argument("--lang", type=lang_code)
    s.set_defaults(func=cmd_compare)

    s = sub.add_parser("trend", help="a team's levels over time")
    s.add_argument("--team", required=True)
    s.add_argument("--json", action="store_true")
    s.add_argument("--lang", type=lang_code)
    s.set_defaults(func=cmd_trend)

    s = sub.add_parser("portfolio", help="latest levels of every team, and the weakest dimension")
    s.add_argument("--json", action="store_true")
    s.add_argument(
        "--sort", default="team", metavar="KEY", help="team, date, overall, dora or a dimension id"
    )
    s.add_argument("--lang", type=lang_code)
    s.set_defaults(func=cmd_portfolio)
