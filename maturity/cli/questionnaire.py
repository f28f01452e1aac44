"""``maturity questionnaire list|validate|schema``: the built-in questionnaires, checking
questionnaire files (every problem of every file, then exit 2) and the file formats' schemas.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from maturity.cli.common import EXIT_OK, Parser, dump
from maturity.errors import MaturityError
from maturity.safetext import terminal_safe

if TYPE_CHECKING:
    from maturity.cli.context import CliContext


def cmd_questionnaire(args: argparse.Namespace, ctx: CliContext) -> int:
    from maturity import questionnaire as qmod
    from maturity.model.text import tr

    if args.action == "list":
        for qid in qmod.builtin_ids():
            q = qmod.builtin(qid).questionnaire
            n = len(q.question_ids())
            print(f"{qid:<10} {q.version:<8} {n:>3} questions  {terminal_safe(tr(q.title))}")
        return EXIT_OK
    if args.action == "schema":
        schemas = qmod.json_schemas()
        print(dump(schemas[args.kind] if args.kind else schemas))
        return EXIT_OK
    # validate: all files checked; problems from every file printed, then exit 2
    failed: list[str] = []
    for name in args.files:
        try:
            loaded = qmod.load_file(Path(name))
        except MaturityError as exc:
            failed.append(str(exc))
            continue
        q = loaded.questionnaire
        print(
            f"{terminal_safe(name)}: ok ({terminal_safe(q.id)} {terminal_safe(q.version)},"
            f" {len(q.dimensions)} dimensions,"
            f" {len(q.question_ids())} questions, {len(loaded.practices)} practices)"
        )
    if failed:
        raise MaturityError("\n".join(failed))
    return EXIT_OK


def register(sub: Any) -> None:
    """Add ``questionnaire`` to the main parser's subcommands."""
    s = sub.add_parser("questionnaire", help="list, validate or describe questionnaires")
    qsub = s.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=Parser)
    qsub.add_parser("list", help="built-in questionnaires")
    v = qsub.add_parser("validate", help="check questionnaire files, one line per problem")
    v.add_argument("files", nargs="+", metavar="FILE")
    sc = qsub.add_parser("schema", help="print the JSON Schemas of the file formats")
    sc.add_argument("--kind", choices=["questionnaire", "recommendations", "assessment"])
    s.set_defaults(func=cmd_questionnaire)
