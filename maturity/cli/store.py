"""``maturity store migrate|copy``: a store's schema, and copying between two stores.

``migrate`` works on the command's own store (``--store`` / ``$MATURITY_STORE``); ``copy``
opens its two stores through the command's context, which closes both at exit.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from maturity.cli.common import EXIT_OK

if TYPE_CHECKING:
    from maturity.cli.context import CliContext


def cmd_store_migrate(args: argparse.Namespace, ctx: CliContext) -> int:
    from maturity.store import migrate

    migrate(ctx.target, say=print, apply=not args.dry_run)
    return EXIT_OK


def cmd_store_copy(args: argparse.Namespace, ctx: CliContext) -> int:
    from maturity.store import store_target
    from maturity.store.copy import copy_store

    src, dst = store_target(args.source), store_target(args.dest)
    copy_store(src, dst, open_=ctx.open_other, say=print, progress=sys.stderr.isatty())
    return EXIT_OK


def register(sub: Any) -> None:
    """Add ``store migrate`` and ``store copy`` to the main parser's subcommands."""
    s = sub.add_parser("store", help="create or upgrade a store's schema, copy between stores")
    ssub = s.add_subparsers(dest="store_command", metavar="ACTION", required=True)
    m = ssub.add_parser(
        "migrate", help="say which schema migrations the store needs, then apply them"
    )
    m.add_argument("--dry-run", action="store_true", help="only say what would be applied")
    m.set_defaults(func=cmd_store_migrate)
    c = ssub.add_parser(
        "copy", help="copy every assessment not yet in DST from SRC (all or nothing)"
    )
    c.add_argument("--from", dest="source", required=True, metavar="SRC", help="file or URL")
    c.add_argument("--to", dest="dest", required=True, metavar="DST", help="file or URL")
    c.set_defaults(func=cmd_store_copy)
