"""Commands that move assessments in and out of the store as files: ``import`` and ``export``.

The rules (what a valid document or bundle is, all-or-nothing writing) live in
:mod:`maturity.interchange`; these commands only read the arguments and print the outcome.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from maturity.cli.common import EXIT_OK
from maturity.errors import MaturityError
from maturity.safetext import terminal_safe

if TYPE_CHECKING:
    from maturity.cli.context import CliContext


def cmd_import(args: argparse.Namespace, ctx: CliContext) -> int:
    """Import assessment documents and bundles: every file is checked, then everything is
    written in one store transaction (all or nothing, even under kill -9). A store file is
    never deleted: when the store does not exist yet, the files are first imported into an
    in-memory store, so a refused import does not create one."""
    from maturity import interchange
    from maturity import questionnaire as qmod
    from maturity.fileio import user_path
    from maturity.yamlio import parse_json, read_text

    loaded = qmod.load_file(user_path(args.questionnaire)) if args.questionnaire else None
    prepared = []
    for name in args.files:
        path = user_path(name)
        prepared.append(interchange.prepare(path.name, parse_json(read_text(path), path.name)))
    interchange.check_repeats(prepared)
    if not ctx.store(create=False).exists:
        rehearsal = ctx.rehearsal()
        try:
            interchange.import_prepared(rehearsal, prepared, loaded, replace=args.replace)
        finally:
            rehearsal.store.close()  # its memory is freed now rather than at exit
    results = interchange.import_prepared(
        ctx.workspace(create=True), prepared, loaded, replace=args.replace
    )
    for result in results:  # printed after the commit: what is printed is in the store
        if result.bundle:
            print(
                f"{terminal_safe(result.source)}: "
                + ", ".join(f"{v} {k}" for k, v in result.counts().items())
            )
        else:
            for outcome in result.outcomes:
                print(f"{outcome.action:<9} {outcome.id}  {terminal_safe(outcome.team)}")
    return EXIT_OK


def cmd_export(args: argparse.Namespace, ctx: CliContext) -> int:
    from maturity import interchange
    from maturity.fileio import write_output

    ws = ctx.workspace(create=False)
    chosen = sum(x is not None and x is not False for x in (args.id, args.team, args.all))
    if chosen != 1:
        raise MaturityError("give one of: an assessment ID, --team T or --all")
    if args.format == "csv":
        text = interchange.export_csv(ws, args.team, assessment_id=args.id)
    elif args.id:
        text = ws.export(args.id)
    else:
        text = interchange.export_bundle(ws, args.team)
    write_output(args.output, text)
    return EXIT_OK


def register(sub: Any) -> None:
    """Add ``import`` and ``export`` to the main parser's subcommands."""
    s = sub.add_parser("import", help="import assessment JSON documents")
    s.add_argument("files", nargs="+", metavar="FILE")
    s.add_argument(
        "--questionnaire", metavar="FILE", help="questionnaire file the documents were taken with"
    )
    s.add_argument("--replace", action="store_true", help="overwrite assessments that differ")
    s.set_defaults(func=cmd_import)

    s = sub.add_parser("export", help="write an assessment, a team or everything as JSON or CSV")
    s.add_argument("id", nargs="?", help="one assessment (omit with --team or --all)")
    s.add_argument("--team", help="a bundle of every assessment of this team")
    s.add_argument("--all", action="store_true", help="a bundle of every assessment in the store")
    s.add_argument(
        "--format", choices=["json", "csv"], default="json", help="csv: one row per answer"
    )
    s.add_argument(
        "-o", "--output", metavar="FILE", help="file to write (default: standard output)"
    )
    s.set_defaults(func=cmd_export)
