"""Command line entry point: ``maturity [--store PATH] COMMAND ...``.

Exit codes: 0 success, 2 bad input (one ``error: ...`` line per problem on stderr, no
traceback), 1 only for bugs. Heavy front ends (Textual, WeasyPrint) are imported lazily,
inside the commands that need them, so ``maturity list`` starts fast.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from maturity import __version__
from maturity.errors import MaturityError
from maturity.safetext import terminal_safe

if TYPE_CHECKING:
    from maturity.store import Store
    from maturity.workspace import Workspace

EXIT_OK, EXIT_BUG, EXIT_INPUT = 0, 1, 2


class UsageError(MaturityError):
    """A bad flag or argument, found by argparse."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see: {self.prog} --help)")


def _dump(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


# --- helpers -------------------------------------------------------------------------------


_OPEN_STORES: list[Any] = []


def _store(args: argparse.Namespace, *, create: bool = True) -> Store:
    """Open the store for this command; main() closes it (checkpointing the WAL) on the way out."""
    from maturity.store import open_store

    store = open_store(args.store, create=create)
    _OPEN_STORES.append(store)
    return store


def _workspace(args: argparse.Namespace, *, create: bool = True) -> Workspace:
    from maturity.workspace import Workspace

    return Workspace(_store(args, create=create))


def _lang(value: str) -> str:
    from maturity.catalogue import language_problem

    if problem := language_problem(value):
        raise argparse.ArgumentTypeError(problem)
    return value


def _year(value: str) -> int | str:
    """A benchmark: a DORA year (``2024``) or a named table (``devlake-2023``)."""
    from maturity.dora import stored_benchmark

    try:
        return stored_benchmark(value)
    except MaturityError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


# --- commands ------------------------------------------------------------------------------


def cmd_list(args: argparse.Namespace) -> int:
    from maturity import textout

    # Straight to the store: listing needs neither questionnaires nor pydantic models.
    rows = _store(args, create=False).list(args.team)
    if args.json:
        print(_dump([r.__dict__ for r in rows]))
    else:
        print(textout.summaries(rows))
    return EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    from maturity import questionnaire as qmod
    from maturity.answers_file import load_answers

    if args.from_id and args.answers:
        raise MaturityError("give either --from or --answers, not both")
    if (args.done or args.drop or args.drop_reason) and not args.from_id:
        raise MaturityError("--done, --drop and --drop-reason go with --from ID")
    if args.from_id:
        ws = _workspace(args, create=False)
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
        ws = _workspace(args)
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
        ws = _workspace(args)
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
        print(_dump({"id": a.id, "team": a.team, "questionnaire": a.questionnaire.model_dump()}))
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
    from maturity.safetext import terminal_safe

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


def cmd_show(args: argparse.Namespace) -> int:
    from maturity import textout

    ws = _workspace(args, create=False)
    a = ws.get(args.id)
    lang = args.lang or a.language
    r = ws.results(a.id, lang, args.benchmark)
    p = ws.plan(a.id, lang)
    if args.json:
        data = r.model_dump(mode="json")
        data["targets"] = [g.model_dump(mode="json") for g in p.targets]
        data["actions"] = [v.model_dump(mode="json") for v in ws.action_views(a.id)]
        print(_dump(data))
    else:
        print(textout.results(r, ws.questionnaire_for(a).questionnaire, lang))
        print()
        print(textout.plan_targets(p))
        views = ws.action_views(a.id)
        if views:
            print()
            print(textout.actions(views))
    return EXIT_OK


def cmd_answer(args: argparse.Namespace) -> int:
    ws = _workspace(args, create=False)
    aid = ws.store.resolve_id(args.id)
    raw = args.level.strip().lower()
    if raw in ("unsure", "not-sure", "0", "?"):
        level = None
    elif raw in ("1", "2", "3", "4", "5"):  # not isdigit(): "²" is a digit to Python
        level = int(raw)
    else:
        raise MaturityError(f"level must be 1-5 or 'unsure', got '{args.level}'")
    ws.answer(aid, args.question, level, note=args.note)
    print(f"saved {args.question} = {level if level is not None else 'not sure'}")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from maturity import interchange
    from maturity.fileio import write_output

    ws = _workspace(args, create=False)
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


def cmd_report(args: argparse.Namespace) -> int:
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
    ws = _workspace(args, create=False)
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


def cmd_import(args: argparse.Namespace) -> int:
    """Import assessment documents and bundles: every file is checked, then everything is
    written in one store transaction (all or nothing, even under kill -9). A store file is
    never deleted: when the store does not exist yet, the files are first imported into an
    in-memory store, so a refused import does not create one."""
    from maturity import interchange
    from maturity import questionnaire as qmod
    from maturity.fileio import user_path
    from maturity.store import open_rehearsal
    from maturity.workspace import Workspace
    from maturity.yamlio import parse_json, read_text

    loaded = qmod.load_file(user_path(args.questionnaire)) if args.questionnaire else None
    prepared = []
    for name in args.files:
        path = user_path(name)
        prepared.append(interchange.prepare(path.name, parse_json(read_text(path), path.name)))
    interchange.check_repeats(prepared)
    if not _store(args, create=False).exists:
        rehearsal = Workspace(open_rehearsal())
        try:
            interchange.import_prepared(rehearsal, prepared, loaded, replace=args.replace)
        finally:
            rehearsal.store.close()
    results = interchange.import_prepared(_workspace(args), prepared, loaded, replace=args.replace)
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


def cmd_delete(args: argparse.Namespace) -> int:
    ws = _workspace(args, create=False)
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


def cmd_questionnaire(args: argparse.Namespace) -> int:
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
        print(_dump(schemas[args.kind] if args.kind else schemas))
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


def cmd_dora(args: argparse.Namespace) -> int:
    from maturity import dora, textout

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
        print(_dump(result.model_dump(mode="json")))
    else:
        print("\n".join(textout.dora_block(result)))
        print(textout.benchmark_note(result.benchmark_id))
    return EXIT_OK


def cmd_tui(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """``maturity`` with no command: the Textual app on --store / $MATURITY_STORE / default.

    Without a terminal (a pipe, CI) the app cannot run, so the command-line tour is printed.
    """
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        parser.print_help()
        return EXIT_OK
    from maturity.tui.app import run_app  # lazy: Textual only loads for the TUI

    return run_app(args.store)


# --- parser --------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
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
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

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
    s.add_argument("--language", type=_lang, help="en or ko")
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
    s.add_argument("--lang", type=_lang, help="en or ko (default: the assessment's language)")
    s.add_argument(
        "--benchmark", type=_year, metavar="YEAR", help="DORA benchmark year or devlake-2023"
    )
    s.set_defaults(func=cmd_show)

    s = sub.add_parser("answer", help="record one answer (level 1-5 or 'unsure')")
    s.add_argument("id")
    s.add_argument("question")
    s.add_argument("level")
    s.add_argument("--note")
    s.set_defaults(func=cmd_answer)

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
        type=_lang,
        help="en or ko (default: the assessment's; --compare: B's; --trend: the latest's; else en)",
    )
    s.add_argument(
        "--compare-to",
        metavar="ID",
        help="assessment to compare with (default: the team's previous assessment, if any)",
    )
    s.add_argument(
        "--benchmark",
        type=_year,
        metavar="YEAR",
        help="DORA benchmark year or devlake-2023 (default: latest)",
    )
    s.set_defaults(func=cmd_report)

    from maturity import cli_coach, cli_team

    cli_coach.register(sub, _lang)
    cli_team.register(sub)
    from maturity import cli_plan

    cli_plan.register(sub, _lang)

    s = sub.add_parser("delete", help="delete an assessment (asks first)")
    s.add_argument("id")
    s.add_argument("--yes", "-y", action="store_true", help="do not ask")
    s.set_defaults(func=cmd_delete)

    s = sub.add_parser("questionnaire", help="list, validate or describe questionnaires")
    qsub = s.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=_Parser)
    qsub.add_parser("list", help="built-in questionnaires")
    v = qsub.add_parser("validate", help="check questionnaire files, one line per problem")
    v.add_argument("files", nargs="+", metavar="FILE")
    sc = qsub.add_parser("schema", help="print the JSON Schemas of the file formats")
    sc.add_argument("--kind", choices=["questionnaire", "recommendations", "assessment"])
    s.set_defaults(func=cmd_questionnaire)

    s = sub.add_parser("dora", help="classify DORA metrics against a benchmark year")
    dsub = s.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=_Parser)
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
        type=_year,
        metavar="YEAR",
        help="benchmark year or devlake-2023 (default: latest)",
    )
    c.add_argument("--json", action="store_true")
    c.set_defaults(func=cmd_dora)
    from maturity import cli_measure

    cli_measure.register(dsub)
    _register_store(sub)
    return p


# --- store administration ------------------------------------------------------------------


def cmd_store_migrate(args: argparse.Namespace) -> int:
    from maturity.store import migrate, store_target

    migrate(store_target(args.store), say=print, apply=not args.dry_run)
    return EXIT_OK


def cmd_store_copy(args: argparse.Namespace) -> int:
    from maturity.store import store_target
    from maturity.store.copy import copy_store

    src, dst = store_target(args.source), store_target(args.dest)
    copy_store(src, dst, say=print, progress=sys.stderr.isatty())
    return EXIT_OK


def _register_store(sub: Any) -> None:
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


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _flush_stdout() -> None:
    """Flush now, so a full disk behind ``> file`` is one error line, not a traceback at exit."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        _silence_stdout()
        raise MaturityError(
            f"cannot write the output ({exc.strerror or exc}); it is incomplete"
        ) from None


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        func: Callable[..., int] | None = getattr(args, "func", None)
        if func is None:
            return cmd_tui(args, parser)
        code = func(args)
        _flush_stdout()
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
        _silence_stdout()
        return EXIT_OK
    except OSError as exc:  # the environment (a full disk, a vanished folder), not a bug
        reason = exc.strerror or str(exc)
        if exc.filename:
            print(f"error: {exc.filename}: {reason}", file=sys.stderr)
        else:  # writing to standard output (> /dev/full, a full disk)
            print(f"error: cannot write the output ({reason}); it is incomplete", file=sys.stderr)
        _silence_stdout()
        return EXIT_INPUT
    finally:
        while _OPEN_STORES:
            _OPEN_STORES.pop().close()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
