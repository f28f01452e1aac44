"""Commands for team mode: ``join`` (a participant's terminal) and ``serve`` (their browser).

Registered on the main parser by :func:`register`. Both check everything they can (the store,
the id, the name, the address) before starting a user interface, so a mistake is one
``error:`` line and exit code 2 rather than a screen that fails later.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING, Any

from maturity.cli.common import EXIT_OK

if TYPE_CHECKING:
    from maturity.cli.context import CliContext


def _resolve(ctx: CliContext, assessment: str | None) -> tuple[str, str | None, bool]:
    """The store (absolute path or URL), the full assessment id (if given) and whether it is
    anonymous. The store is closed again before the user interface starts: it runs for hours
    and opens its own connections."""
    from maturity.errors import MaturityError

    path = ctx.target
    try:
        store = ctx.store(create=False)
        if not store.exists:
            raise MaturityError(f"store {store.label} does not exist yet (no assessments)")
        if assessment is None:
            return path, None, False
        aid = store.resolve_id(assessment)
        a = store.get(aid)
        if a.status == "complete":
            raise MaturityError(f"assessment {aid} is complete; reopen it to vote again")
        return path, aid, a.anonymous
    finally:
        ctx.close()


def _port(value: str) -> int:
    if (
        not (value.isascii() and value.isdigit() and len(value) <= 5)
        or not 1 <= int(value) <= 65535
    ):
        raise argparse.ArgumentTypeError(f"expected a port 1-65535, got '{value}'")
    return int(value)


def _max_sessions(value: str) -> int:
    from maturity.limits import SESSIONS_MAX as MAX_SESSIONS_LIMIT

    ok = value.isascii() and value.isdigit() and len(value) <= 4
    if not ok or not 1 <= int(value) <= MAX_SESSIONS_LIMIT:
        raise argparse.ArgumentTypeError(f"expected 1-{MAX_SESSIONS_LIMIT}, got '{value[:20]}'")
    return int(value)


def cmd_join(args: argparse.Namespace, ctx: CliContext) -> int:
    from maturity.errors import MaturityError
    from maturity.voting import check_name

    path, aid, anonymous = _resolve(ctx, args.id)
    if args.name is not None and not anonymous and (problem := check_name(args.name)):
        raise MaturityError(f"--as: {problem}")
    served = bool(os.environ.get("TEXTUAL_DRIVER"))  # a browser tab, through maturity serve
    if not served and not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise MaturityError("join needs a terminal (for a browser use: maturity serve)")
    from maturity.tui.participant import run_participant  # lazy: Textual loads only here

    return run_participant(path, aid, args.name)


def cmd_serve(args: argparse.Namespace, ctx: CliContext) -> int:
    from maturity.serve import serve

    path, aid, _ = _resolve(ctx, args.id)
    loopback = args.host in ("127.0.0.1", "localhost", "::1")
    if not loopback:
        print(
            f"warning: serving on {args.host}: anyone who can reach port {args.port} and knows"
            " the join code can vote under any name; use it only on a network you trust",
            file=sys.stderr,
        )
    serve(path, aid, args.host, args.port, args.public_url, args.max_sessions)
    return EXIT_OK


def register(sub: Any) -> None:
    """Add the team-mode commands to the main parser's subcommands."""
    from maturity.limits import SESSIONS_DEFAULT as DEFAULT_MAX_SESSIONS  # not maturity.serve:
    # its socket/http imports would cost every command ~10 ms

    s = sub.add_parser(
        "join", help="vote from this terminal on the question a facilitator has open"
    )
    s.add_argument(
        "id", nargs="?", help="assessment id or prefix (default: choose among open votes)"
    )
    s.add_argument(
        "--as", dest="name", metavar="NAME", help="your name (not asked in anonymous mode)"
    )
    s.set_defaults(func=cmd_join)

    s = sub.add_parser(
        "serve", help="serve the participant view to browsers (works without internet access)"
    )
    s.add_argument("id", nargs="?", help="assessment to join (default: participants choose)")
    s.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    s.add_argument("--port", type=_port, default=8000, help="port (default 8000)")
    s.add_argument(
        "--public-url",
        metavar="URL",
        help="the address browsers use, if not the one they reach this server at (a proxy)",
    )
    s.add_argument(
        "--max-sessions",
        type=_max_sessions,
        default=DEFAULT_MAX_SESSIONS,
        metavar="N",
        help=f"participants at once (default {DEFAULT_MAX_SESSIONS}; each is a ~57 MB process)",
    )
    s.set_defaults(func=cmd_serve)
