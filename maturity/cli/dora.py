"""``maturity dora classify``: tiers of self-reported DORA metrics against a benchmark.

``dora measure`` (metrics from git history and records) is in :mod:`maturity.cli.measure`.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from maturity.cli import measure
from maturity.cli.common import EXIT_OK, Parser, benchmark_year, dump
from maturity.errors import MaturityError

if TYPE_CHECKING:
    from maturity.cli.context import CliContext


def cmd_dora(args: argparse.Namespace, ctx: CliContext) -> int:
    from maturity import dora
    from maturity.cli import textout

    inputs = {
        "deployment_frequency": args.deploy_frequency,
        "lead_time": args.lead_time,
        "change_failure_rate": args.change_failure_rate,
        "time_to_restore": args.time_to_restore,
        "rework_rate": args.rework_rate,
    }
    given = {k: v for k, v in inputs.items() if v is not None}
    if not given:
        raise MaturityError("give at least one metric, e.g. --deploy-frequency 2/week")
    result = dora.classify(given, args.benchmark)
    if args.json:
        print(dump(result.model_dump(mode="json")))
    else:
        print("\n".join(textout.dora_block(result)))
        print(textout.benchmark_note(result.benchmark_id))
    return EXIT_OK


def register(sub: Any) -> None:
    """Add ``dora classify`` and ``dora measure`` to the main parser's subcommands."""
    s = sub.add_parser("dora", help="classify DORA metrics against a benchmark year")
    dsub = s.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=Parser)
    c = dsub.add_parser("classify", help="tier per metric and overall")
    c.add_argument(
        "--deploy-frequency",
        "--deployment-frequency",
        metavar="F",
        help="deployments (20/day, 3/week, monthly) or deployment days (5 days/week)",
    )
    c.add_argument("--lead-time", metavar="D", help="e.g. 45m, 6h, 2d, 3w, 4mo")
    c.add_argument("--change-failure-rate", metavar="R", help="e.g. 12%% or 30")
    c.add_argument("--time-to-restore", "--recovery-time", metavar="D", help="e.g. 1h, 2d")
    c.add_argument("--rework-rate", metavar="R", help="optional, e.g. 8%%")
    c.add_argument(
        "--benchmark",
        type=benchmark_year,
        metavar="YEAR",
        help="benchmark year or devlake-2023 (default: latest)",
    )
    c.add_argument("--json", action="store_true")
    c.set_defaults(func=cmd_dora)
    measure.register(dsub)
