"""``maturity dora measure``: the DORA keys from a team's git history and records.

Every flag is checked, and ``--into ID`` resolved, before a file is read, so a mistake costs
nothing and changes nothing; the store is written only after the whole measurement succeeded.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from maturity.cli.common import EXIT_OK, dump

if TYPE_CHECKING:
    from maturity.cli.context import CliContext
    from maturity.measure.compute import Options


def _path(value: str) -> Path:
    if not value.strip():
        raise argparse.ArgumentTypeError("empty path")
    return Path(value).expanduser()


def register(dsub: Any) -> None:
    m = dsub.add_parser(
        "measure",
        help="measure the DORA keys from git history, deployment and incident records",
        description=(
            "Measure deployment frequency, lead time, change failure rate, recovery time and"
            " rework rate from files the team already has. Formulas: docs/measurement.md."
        ),
    )
    m.add_argument("--repo", type=_path, metavar="PATH", help="git repository (clone or bare)")
    m.add_argument("--branch", metavar="NAME", help="branch to follow (default: HEAD's branch)")
    m.add_argument(
        "--deployments",
        type=_path,
        metavar="FILE",
        help="deploy records: CSV, or GitHub / GitLab deployments JSON",
    )
    m.add_argument("--deploy-tags", metavar="GLOB", help="each tag matching GLOB is a deploy")
    m.add_argument(
        "--deploy-branch", metavar="NAME", help="each first-parent commit of NAME is a deploy"
    )
    m.add_argument(
        "--environment", default="production", help="environment to count (default: production)"
    )
    m.add_argument(
        "--incidents", type=_path, metavar="FILE", help="incidents CSV or PagerDuty CSV export"
    )
    m.add_argument(
        "--failures-from-reverts",
        type=_days,
        metavar="N",
        help="no incident records: a deploy failed when one within N days reverts its commits",
    )
    m.add_argument("--since", metavar="SPAN", help="window up to now: 90d (default), 12w, 6mo")
    m.add_argument("--from", dest="start", metavar="DATE", help="window start (UTC date or time)")
    m.add_argument("--to", dest="end", metavar="DATE", help="window end (default: now)")
    m.add_argument(
        "--commit-time",
        choices=["author", "committer"],
        default="author",
        help="which commit time starts the lead time clock (default: author)",
    )
    m.add_argument(
        "--into", metavar="ID", help="store the measured values in this assessment, by its answers"
    )
    m.add_argument("--json", action="store_true", help="print JSON for scripts")
    m.set_defaults(func=cmd_measure)


def _days(value: str) -> int:
    if not value.strip().isdigit():
        raise argparse.ArgumentTypeError(f"expected a number of days, got '{value}'")
    return int(value)


def options(args: argparse.Namespace) -> Options:
    from maturity.measure.compute import Options
    from maturity.measure.timeparse import parse_bound, parse_span

    return Options(
        repo=args.repo,
        branch=args.branch,
        deployments=args.deployments,
        deploy_tags=args.deploy_tags,
        deploy_branch=args.deploy_branch,
        environment=args.environment,
        incidents=args.incidents,
        failures_from_reverts=args.failures_from_reverts,
        since=parse_span(args.since) if args.since is not None else None,
        start=parse_bound(args.start, "--from") if args.start else None,
        end=parse_bound(args.end, "--to") if args.end else None,
        commit_time=args.commit_time,
    )


def cmd_measure(args: argparse.Namespace, ctx: CliContext) -> int:
    from maturity.measure import assess, compute, text

    opts = options(args)
    compute.check(opts)
    ws = None
    target = None
    if args.into is not None:
        ws = ctx.workspace(create=False)
        target = ws.get(args.into)  # a wrong id fails here, before any file is read
        ws.check_measurable(target)
    m = compute.measure(opts)
    tiers = assess.classify_years(m)
    if ws is not None and target is not None:
        ws.set_measured(target.id, m)
    if args.json:
        data: dict[str, Any] = {
            "measurement": m.to_json(),
            "tiers": {str(y): r.model_dump(mode="json") for y, r in tiers.items()},
            "proxy_failures": m.provenance.failures_from_reverts is not None,
            "into": target.id if target else None,
        }
        print(dump(data))
    else:
        print(text.render(m, tiers))
        if target is not None:
            print(
                f"\nstored in assessment {target.id} ({target.team}); see: maturity show {target.id}"
            )
    return EXIT_OK
