"""Commands for the plan: targets, the phased plan, actions and the tracker exports.

Thin layers over :class:`maturity.workspace.Workspace` and :mod:`maturity.plan`; every rule
(what a valid target, owner or due date is, what overdue means) lives there.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from maturity.cli.common import EXIT_OK, Parser, dump, lang_code
from maturity.errors import MaturityError
from maturity.safetext import terminal_safe

if TYPE_CHECKING:
    from maturity.cli.context import CliContext


def cmd_target(args: argparse.Namespace, ctx: CliContext) -> int:
    from maturity import plan
    from maturity.cli import textout

    if not args.items:
        ws = ctx.workspace(create=False)
        print(textout.plan_targets(ws.plan(args.id)))
        return EXIT_OK
    levels = plan.parse_target_items(args.items)
    if args.by is None:
        raise MaturityError("give the target date: --by YYYY-MM-DD")
    by = plan.parse_date(args.by, "--by")
    ws = ctx.workspace(create=False)
    ws.set_targets(args.id, levels, by)
    print(textout.plan_targets(ws.plan(args.id)))
    return EXIT_OK


def cmd_plan(args: argparse.Namespace, ctx: CliContext) -> int:
    from maturity.cli import textout

    p = ctx.workspace(create=False).plan(args.id, args.lang)
    if args.json:
        print(dump(p.model_dump(mode="json")))
    else:
        print(textout.plan(p))
    return EXIT_OK


def cmd_actions(args: argparse.Namespace, ctx: CliContext) -> int:
    from maturity import plan
    from maturity.cli import textout
    from maturity.fileio import write_output

    if (args.id is None) == (args.team is None):
        raise MaturityError("give an assessment ID or --team T (one of them)")
    if args.json and args.format not in ("text", "json"):
        raise MaturityError(f"--json and --format {args.format} disagree; give one of them")
    fmt = "json" if args.json else args.format
    ws = ctx.workspace(create=False)
    rows = ws.action_views(args.id, args.team, open_only=args.open)
    if fmt == "jira-csv":
        practices: list[Any] = []
        seen: set[str] = set()
        for r in rows:
            if r.assessment not in seen:
                seen.add(r.assessment)
                a = ws.store.get(r.assessment)
                practices.extend(ws.questionnaire_for(a).practices)
        text = plan.jira_csv(rows, practices)
    elif fmt == "json":
        text = plan.actions_json(rows)
    elif fmt == "csv":
        text = plan.actions_csv(rows)
    elif fmt == "md":
        team = rows[0].team if rows else (args.team or "")
        text = plan.actions_markdown(rows, f"Actions: {team}" if team else "Actions")
    else:
        text = textout.actions(rows) + "\n"
    write_output(args.output, text)
    return EXIT_OK


def cmd_action(args: argparse.Namespace, ctx: CliContext) -> int:
    from maturity import plan
    from maturity.cli import textout

    ws = ctx.workspace(create=False)
    due = plan.parse_date(args.due, "--due") if getattr(args, "due", None) else None
    if args.action == "add":
        added = ws.add_action(
            args.id,
            args.title,
            practice=args.practice,
            owner=args.owner,
            due=due,
            notes=args.notes or "",
        )
        print(f"added {added.id}  {terminal_safe(added.title)}")
        return EXIT_OK
    if args.action == "set":
        changes: dict[str, Any] = {}
        for key in ("title", "owner", "status", "reason", "notes"):
            value = getattr(args, key)
            if value is not None:
                changes[key] = value
        if args.due is not None:
            if args.due.strip().lower() in ("", "none"):
                changes["clear_due"] = True
            else:
                changes["due"] = due
        if not changes:
            raise MaturityError(
                "nothing to change; give --title, --owner, --due, --status, --reason or --notes"
            )
        updated = ws.update_action(args.action_id, **changes)
    elif args.action == "done":
        updated = ws.update_action(args.action_id, status="done", notes=args.notes)
    else:
        updated = ws.update_action(args.action_id, status="dropped", reason=args.reason)
    a, _ = ws.action(updated.id)
    print(
        textout.actions(
            [plan.view(a, updated, ws.questionnaire_for(a).practices, plan.today_utc())]
        )
    )
    return EXIT_OK


def register(sub: Any) -> None:
    """Add the plan commands to the main parser's subcommands."""
    s = sub.add_parser(
        "target",
        help="set target levels and date: maturity target ID culture=4 automation=3 --by DATE",
    )
    s.add_argument("id", help="assessment id or a unique prefix")
    s.add_argument("items", nargs="*", metavar="DIMENSION=LEVEL", help="omit to show the targets")
    s.add_argument("--by", metavar="YYYY-MM-DD", help="the date the targets should be reached")
    s.set_defaults(func=cmd_target)

    s = sub.add_parser("plan", help="phases to the targets with projected levels")
    s.add_argument("id", help="assessment id or a unique prefix")
    s.add_argument("--json", action="store_true")
    s.add_argument("--lang", type=lang_code)
    s.set_defaults(func=cmd_plan)

    s = sub.add_parser("actions", help="list actions, or export them for a tracker")
    s.add_argument("id", nargs="?", help="one assessment's actions")
    s.add_argument("--team", metavar="T", help="every action of a team")
    s.add_argument("--open", action="store_true", help="only todo and doing")
    s.add_argument("--json", action="store_true", help="same as --format json")
    s.add_argument(
        "--format",
        choices=["text", "jira-csv", "json", "md", "csv"],
        default="text",
        help="jira-csv: Jira's CSV importer; md: a checklist for the retrospective notes;"
        " csv: every field, for spreadsheets",
    )
    s.add_argument(
        "-o", "--output", metavar="FILE", help="file to write (default: standard output)"
    )
    s.set_defaults(func=cmd_actions)

    s = sub.add_parser("action", help="add an action, or change, finish or drop one")
    asub = s.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=Parser)
    a = asub.add_parser("add", help='maturity action add ID "TITLE" [--practice P] [--owner N]')
    a.add_argument("id", help="assessment id or a unique prefix")
    a.add_argument("title", nargs="?", help="what to do (default: the practice's title)")
    a.add_argument("--practice", metavar="PRACTICE_ID", help="the recommended practice it adopts")
    a.add_argument("--owner", metavar="NAME")
    a.add_argument("--due", metavar="YYYY-MM-DD")
    a.add_argument("--notes")
    c = asub.add_parser("set", help="change an action's fields or status")
    c.add_argument("action_id")
    c.add_argument("--title")
    c.add_argument("--owner", metavar="NAME")
    c.add_argument("--due", metavar="YYYY-MM-DD", help="'none' clears it")
    c.add_argument("--status", choices=["todo", "doing", "done", "dropped"])
    c.add_argument("--reason", help="why it is dropped")
    c.add_argument("--notes")
    d = asub.add_parser("done", help="mark an action done")
    d.add_argument("action_id")
    d.add_argument("--notes")
    r = asub.add_parser("drop", help="drop an action (a reason is required)")
    r.add_argument("action_id")
    r.add_argument("--reason", required=True)
    s.set_defaults(func=cmd_action)
