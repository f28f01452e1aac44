"""Commands for one assessment's life: ``new``, ``list``, ``show``, ``answer`` and ``delete``.

Thin layers over :class:`maturity.workspace.Workspace`; the store comes from the command's
:class:`~maturity.cli.context.CliContext`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from maturity.catalogue import language_choices
from maturity.cli.common import EXIT_OK, benchmark_year, dump, lang_code
from maturity.errors import MaturityError
from maturity.readouts import show_json
from maturity.safetext import terminal_safe

if TYPE_CHECKING:
    from maturity.cli.context import CliContext
    from maturity.workspace import Workspace


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from maturity.cli import textout

    # Straight to the store: listing needs neither questionnaires nor pydantic models.
    rows = ctx.store(create=False).list(args.team)
    if args.json:
        print(dump([r.__dict__ for r in rows]))
    else:
        print(textout.summaries(rows))
    return EXIT_OK


def cmd_new(args: argparse.Namespace, ctx: CliContext) -> int:
    from maturity import questionnaire as qmod
    from maturity.answers_file import load_answers

    if args.from_id and args.answers:
        raise MaturityError("give either --from or --answers, not both")
    if (args.done or args.drop or args.drop_reason) and not args.from_id:
        raise MaturityError("--done, --drop and --drop-reason go with --from ID")
    if args.from_id:
        ws = ctx.workspace(create=False)
        prev = ws.get(args.from_id)
        decisions = _review_decisions(ws, prev, args.done or [], args.drop or [])
        a, changes = ws.create_from_with_changes(
            prev.id,
            qmod.resolve(args.questionnaire) if args.questionnaire else None,
            decisions=decisions,
            drop_reason=args.drop_reason or "",
            team=args.team,
            facilitator=args.facilitator,
            participants=args.participant,
            language=args.language,
            **({} if args.anonymous is None else {"anonymous": True}),
        )
        if changes is not None:
            # stderr: stdout stays the new id (or JSON) for scripts.
            print("\n".join(terminal_safe(x) for x in changes.lines()), file=sys.stderr)
    elif args.answers:
        af = load_answers(Path(args.answers), args.questionnaire)
        team = args.team or af.team
        if not team:
            raise MaturityError(f"{Path(args.answers).name}: team: required (or pass --team)")
        ws = ctx.workspace(create=True)
        a = ws.create(
            team,
            af.questionnaire,
            facilitator=args.facilitator or af.facilitator,
            participants=args.participant or af.participants,
            language=args.language or af.language,
            answers=af.answers,
            dora=af.dora,
            anonymous=bool(args.anonymous),
        )
    else:
        if not args.team or not args.team.strip():
            raise MaturityError("--team is required (or give an --answers file with a team)")
        loaded = qmod.resolve(args.questionnaire)
        ws = ctx.workspace(create=True)
        a = ws.create(
            args.team,
            loaded,
            facilitator=args.facilitator,
            participants=args.participant or [],
            language=args.language or "en",
            anonymous=bool(args.anonymous),
        )
    if args.from_id:
        _print_review(ws, prev.id, a, decisions)
    if args.json:
        print(dump({"id": a.id, "team": a.team, "questionnaire": a.questionnaire.model_dump()}))
    else:
        print(a.id)
    return EXIT_OK


def _review_decisions(ws: Workspace, prev: Any, done: list[str], drop: list[str]) -> dict[str, Any]:
    """``--done``/``--drop`` action ids (or unique prefixes) of the previous assessment's open
    actions; everything not named is carried over."""
    open_ids = [x.id for x in prev.actions if x.is_open]
    out: dict[str, Any] = {}
    for choice, given in (("done", done), ("drop", drop)):
        for prefix in given:
            p = prefix.strip().lower()
            match = [i for i in open_ids if p and i.startswith(p)]
            if len(match) != 1:
                raise MaturityError(
                    f"--{choice} {prefix}: not {'a unique' if match else 'an'} open action of {prev.id[:8]}"
                )
            if match[0] in out:
                raise MaturityError(f"action {match[0]} is named twice")
            out[match[0]] = choice
    return out


def _print_review(ws: Workspace, prev_id: str, new: Any, decisions: dict[str, Any]) -> None:
    """What the follow-through review did, on stderr (stdout stays the new id for scripts)."""
    prev = ws.store.get(prev_id)
    carried = {x.carried_from: x for x in new.actions if x.carried_from}
    closed = [x for x in prev.actions if x.id in carried or x.id in decisions]
    if not closed:
        return
    print(f"Review of {prev.id[:8]}'s open actions:", file=sys.stderr)
    for x in closed:
        if x.id in carried:
            what = f"carried over as {carried[x.id].id}"
        elif x.status == "done":
            what = "done"
        else:
            what = f"dropped ({x.reason})"
        print(f"  {x.id[:8]}  {terminal_safe(what):<28} {terminal_safe(x.title)}", file=sys.stderr)


def cmd_show(args: argparse.Namespace, ctx: CliContext) -> int:
    from maturity.cli import textout

    ws = ctx.workspace(create=False)
    if args.json:  # the one builder the quick read path's kept outputs come from too
        sys.stdout.write(show_json(ws, args.id, args.lang, args.benchmark))
        return EXIT_OK
    a = ws.get(args.id)
    lang = args.lang or a.language
    r = ws.results(a.id, lang, args.benchmark)
    p = ws.plan(a.id, lang)
    print(textout.results(r, ws.questionnaire_for(a).questionnaire, lang))
    print()
    print(textout.plan_targets(p))
    views = ws.action_views(a.id)
    if views:
        print()
        print(textout.actions(views))
    return EXIT_OK


def cmd_answer(args: argparse.Namespace, ctx: CliContext) -> int:
    from maturity.levels import parse_level

    ws = ctx.workspace(create=False)
    aid = ws.store.resolve_id(args.id)
    level = parse_level(args.level)
    ws.answer(aid, args.question, level, note=args.note)
    print(f"saved {args.question} = {level if level is not None else 'not sure'}")
    return EXIT_OK


def cmd_delete(args: argparse.Namespace, ctx: CliContext) -> int:
    ws = ctx.workspace(create=False)
    a = ws.get(args.id)
    if not args.yes:
        if not sys.stdin.isatty():
            raise MaturityError("refusing to delete without confirmation; pass --yes")
        reply = input(f"Delete {a.id} ({terminal_safe(a.team)}, {len(a.answers)} answers)? [y/N] ")
        if reply.strip().lower() not in ("y", "yes"):
            print("kept")
            return EXIT_OK
    ws.delete(a.id)
    print(f"deleted {a.id}")
    return EXIT_OK


def register(sub: Any) -> None:
    """Add ``new``, ``list``, ``show`` and ``answer`` to the main parser's subcommands."""
    s = sub.add_parser("new", help="start an assessment (from flags or an answers file)")
    s.add_argument("--team", help="team name")
    s.add_argument(
        "--questionnaire", "-q", help="built-in id (calms, quick) or a questionnaire file"
    )
    s.add_argument("--answers", metavar="FILE", help="answers file (YAML) to fill it from")
    s.add_argument(
        "--from",
        dest="from_id",
        metavar="ID",
        help="pre-fill from an earlier assessment of the team",
    )
    s.add_argument(
        "--done",
        action="append",
        metavar="ACTION_ID",
        help="with --from: an open action of the previous assessment that was done (repeat)",
    )
    s.add_argument(
        "--drop",
        action="append",
        metavar="ACTION_ID",
        help="with --from: an open action to drop (repeat); the rest are carried over",
    )
    s.add_argument("--drop-reason", metavar="TEXT", help="why the --drop actions are dropped")
    s.add_argument("--facilitator")
    s.add_argument("--participant", action="append", metavar="NAME", help="repeat for each person")
    s.add_argument("--language", type=lang_code, help=language_choices())
    s.add_argument(
        "--anonymous",
        action="store_true",
        default=None,
        help="team votes keep no names, only how many voted each level",
    )
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_new)

    s = sub.add_parser("list", help="list assessments, newest first")
    s.add_argument("--team")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_list)

    s = sub.add_parser("show", help="results of one assessment")
    s.add_argument("id", help="assessment id or a unique prefix")
    s.add_argument("--json", action="store_true")
    s.add_argument(
        "--lang", type=lang_code, help=f"{language_choices()} (default: the assessment's language)"
    )
    s.add_argument(
        "--benchmark",
        type=benchmark_year,
        metavar="YEAR",
        help="DORA benchmark year or devlake-2023",
    )
    s.set_defaults(func=cmd_show)

    s = sub.add_parser("answer", help="record one answer (level 1-5 or 'unsure')")
    s.add_argument("id")
    s.add_argument("question")
    s.add_argument("level")
    s.add_argument("--note")
    s.set_defaults(func=cmd_answer)


def register_delete(sub: Any) -> None:
    """Add ``delete`` (listed after the plan commands in ``maturity --help``, as always)."""
    s = sub.add_parser("delete", help="delete an assessment (asks first)")
    s.add_argument("id")
    s.add_argument("--yes", "-y", action="store_true", help="do not ask")
    s.set_defaults(func=cmd_delete)
