"""Targets, the phased plan, actions and follow-through (pure; see docs/scoring.md "Plan").

* **Targets**: per dimension a level (not below today's, at most 5) and a date (not past).
  The suggested default is one level above today for the weakest dimensions.
* **Phases**: Now / Next / Later, ending a third, two thirds and all of the way to the latest
  target date. The practices that close a dimension's gap are those of the catalogue at each
  level from today's + 1 up to the target (the best three per level, ranked as the roadmap
  ranks them). The dimensions with the largest gap start Now, the others Next; each further
  level, and each next-ranked practice of a level, goes one phase later (Later at most).
* **Projection**: for each phase, the practices of that phase and the ones before are taken as
  done: every *answered* question linked to one of them is raised to the practice's level
  (never lowered; unanswered and "not sure" stay as they are, since nobody said where they
  stand), and the raised answers are scored by :func:`maturity.scoring.score`, the same code
  that scores the assessment.
* **Actions**: owner, due date, status todo / doing / done / dropped (with a reason), notes.
  An action is *overdue* when it is open and its due date has passed.
* **Follow-through**: ``new --from`` reviews the previous assessment's open actions: done,
  dropped or carried over (copied into the new assessment, both linked).
* **Did it pay off**: for each action done between two assessments, the answers linked to its
  practice before and after, and its dimension's change. Association, not proof.
"""

from __future__ import annotations

import json
import math
import secrets
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Literal

from maturity import recommend, scoring
from maturity.errors import MaturityError
from maturity.model.assessment import Assessment
from maturity.model.plan import (
    ACTION_STATUSES,
    Action,
    ActionView,
    DoneShare,
    Gap,
    LinkedAnswer,
    Payoff,
    Phase,
    Plan,
    PlannedPractice,
    Projection,
    Target,
    control_characters,
)
from maturity.model.questionnaire import Practice, Questionnaire
from maturity.model.results import DimensionResult
from maturity.model.text import tr
from maturity.safetext import csv_cell, csv_rows
from maturity.timefmt import format_time, now

PHASES: tuple[Literal["now", "next", "later"], ...] = ("now", "next", "later")
PER_STEP = 3
"""Practices per dimension and level in a phase (the best-ranked ones, as in the roadmap)."""
SUGGESTED_MONTHS = 6
"""The suggested target date: about two quarters ahead."""
MAX_TITLE = 300
MAX_OWNER = 120


def today_utc() -> date:
    return datetime.now(UTC).date()


# -- small parsers shared by the CLI and the TUI ---------------------------------------------


def parse_date(text: str, what: str = "date") -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise MaturityError(
            f"{what} must be a date YYYY-MM-DD, got '{text}'",
            code="plan.bad_date",
            params={"text": text},
        ) from None


def check_future(day: date, today: date, what: str = "date") -> date:
    if day < today:
        raise MaturityError(
            f"{what} {day.isoformat()} is in the past (today is {today.isoformat()})",
            code="plan.past_date",
            params={"day": day.isoformat(), "today": today.isoformat()},
        )
    return day


def check_owner(owner: str | None) -> str | None:
    """A person's name: no control characters (they would corrupt a terminal or a CSV)."""
    if owner is None:
        return None
    if control_characters(owner):
        raise MaturityError(code="plan.owner_control")
    owner = " ".join(owner.split())
    if len(owner) > MAX_OWNER:
        raise MaturityError(code="plan.owner_long", params={"limit": MAX_OWNER})
    return owner or None


def check_title(title: str) -> str:
    if control_characters(title):
        raise MaturityError(code="plan.title_control")
    title = " ".join(title.split())
    if not title:
        raise MaturityError(code="plan.title_missing")
    if len(title) > MAX_TITLE:
        raise MaturityError(code="plan.title_long", params={"limit": MAX_TITLE})
    return title


def parse_target_items(items: Sequence[str]) -> dict[str, int]:
    """``["culture=4", "automation=3"]`` -> ``{"culture": 4, "automation": 3}``."""
    out: dict[str, int] = {}
    for item in items:
        dim, sep, raw = item.partition("=")
        dim, raw = dim.strip(), raw.strip()
        if not sep or not dim:
            raise MaturityError(f"expected DIMENSION=LEVEL (e.g. culture=4), got '{item}'")
        if not raw.isdigit():
            raise MaturityError(f"{dim}: target level must be a whole number 1-5, got '{raw}'")
        if dim in out:
            raise MaturityError(f"{dim}: target given twice")
        out[dim] = int(raw)
    if not out:
        raise MaturityError("give at least one target, e.g. culture=4")
    return out


# -- targets ---------------------------------------------------------------------------------


def today_levels(dimensions: Sequence[DimensionResult]) -> dict[str, int]:
    """The level each dimension starts from (the recommendation engine's base level)."""
    return {d.id: recommend.base_level(d) for d in dimensions}


def check_targets(
    q: Questionnaire,
    dimensions: Sequence[DimensionResult],
    levels: Mapping[str, int],
    by: date,
    today: date,
    existing: Sequence[Target] = (),
) -> list[Target]:
    """Validate new targets and merge them into the existing ones (one error for the first
    problem; nothing is returned half-checked)."""
    check_future(by, today, "target date")
    base = today_levels(dimensions)
    known = [d.id for d in q.dimensions]
    for dim, level in levels.items():
        if dim not in known:
            raise MaturityError(
                code="plan.unknown_dimension", params={"dimension": dim, "known": ", ".join(known)}
            )
        if not 1 <= level <= 5:
            raise MaturityError(code="plan.target_range", params={"dimension": dim, "level": level})
        if level < base[dim]:
            raise MaturityError(
                code="plan.target_below",
                params={"dimension": dim, "level": level, "today": base[dim]},
            )
    merged = {t.dimension: t for t in existing}
    for dim, level in levels.items():
        merged[dim] = Target(dimension=dim, level=level, by=by)
    return [merged[d] for d in known if d in merged]


def suggested_targets(dimensions: Sequence[DimensionResult], today: date) -> list[Target]:
    """One level above today for the weakest dimensions (those with answers, below 5)."""
    base = today_levels(dimensions)
    open_dims = [d for d in dimensions if d.score is not None and base[d.id] < 5]
    if not open_dims:
        return []
    weakest = min(base[d.id] for d in open_dims)
    by = add_months(today, SUGGESTED_MONTHS)
    return [
        Target(dimension=d.id, level=weakest + 1, by=by) for d in open_dims if base[d.id] == weakest
    ]


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def gaps(
    dimensions: Sequence[DimensionResult], targets: Sequence[Target], suggested: bool = False
) -> list[Gap]:
    by_id = {d.id: d for d in dimensions}
    base = today_levels(dimensions)
    return [
        Gap(
            dimension=t.dimension,
            score=by_id[t.dimension].score,
            level=by_id[t.dimension].level,
            target=t.level,
            by=t.by.isoformat(),
            levels=max(0, t.level - base[t.dimension]),
            suggested=suggested,
            status=gap_status(by_id[t.dimension].level, t.level - base[t.dimension]),
        )
        for t in targets
        if t.dimension in by_id
    ]


def gap_status(level: int | None, to_go: int) -> Literal["reached", "to_go", "unknown"]:
    """Whether a target is reached. Only a dimension with a level can have reached one: a
    score of 4.00 from too few answers is no level 4, so it is "unknown", never "reached"."""
    if to_go > 0:
        return "to_go"
    return "reached" if level is not None else "unknown"


# -- the phased plan -------------------------------------------------------------------------


def raise_answers(
    levels: Mapping[str, int | None], practices: Iterable[Practice]
) -> dict[str, int | None]:
    """Answers as they would be with ``practices`` done: each answered linked question raised
    to the practice's level (never lowered; unanswered and "not sure" left alone)."""
    raised = dict(levels)
    for p in practices:
        for qid in p.questions:
            current = raised.get(qid)
            if current is not None and current < p.level:
                raised[qid] = p.level
    return raised


def phase_of(step: int, starts_now: bool, rank: int = 0) -> int:
    """Phase index (0 now, 1 next, 2 later) of the ``rank``-th best practice (0-based) of a
    level ``step`` levels above today: a dimension's best practice for its next level goes
    first, the others one phase after another, so no phase gets every practice at once."""
    return min(2, step - 1 + rank + (0 if starts_now else 1))


def phase_ends(today: date, end: date) -> list[date]:
    span = max(0, (end - today).days)
    return [today + timedelta(days=math.ceil(span * k / 3)) for k in (1, 2, 3)]


def build_plan(
    assessment: Assessment,
    q: Questionnaire,
    practices: Sequence[Practice],
    dimensions: Sequence[DimensionResult],
    today: date,
    lang: str = "en",
) -> Plan:
    """The phased plan to the targets (or to the suggested ones when none are set)."""
    levels = assessment.levels()
    targets = list(assessment.targets)
    suggested = not targets
    if suggested:
        targets = suggested_targets(dimensions, today)
    base = today_levels(dimensions)
    goal = {t.dimension: t.level for t in targets}
    gap = {d: max(0, lv - base[d]) for d, lv in goal.items() if d in base}
    widest = max(gap.values(), default=0)
    adopted = {a.practice: a for a in assessment.actions if a.practice}
    buckets: list[list[Practice]] = [[], [], []]
    for dim in [d.id for d in q.dimensions]:
        if gap.get(dim, 0) <= 0:
            continue
        for step in range(1, gap[dim] + 1):
            at = [p for p in practices if p.dimension == dim and p.level == base[dim] + step]
            ranked = recommend.rank_practices(at, levels)[:PER_STEP]
            for rank, practice in enumerate(ranked):
                buckets[phase_of(step, gap[dim] == widest, rank)].append(practice)
    end = max((t.by for t in targets), default=today)
    ends = phase_ends(today, end)
    phases: list[Phase] = []
    done: list[Practice] = []
    for name, bucket, ends_on in zip(PHASES, buckets, ends, strict=True):
        done.extend(bucket)
        projected = scoring.score(q, raise_answers(levels, done), lang)
        phases.append(
            Phase(
                name=name,
                ends=ends_on.isoformat(),
                practices=[
                    PlannedPractice(
                        id=p.id,
                        dimension=p.dimension,
                        level=p.level,
                        title=tr(p.title, lang),
                        effort=p.effort,
                        questions=list(p.questions),
                        action=adopted[p.id].id if p.id in adopted else None,
                        action_status=adopted[p.id].status if p.id in adopted else None,
                    )
                    for p in bucket
                ],
                projected=[
                    Projection(
                        dimension=d.id,
                        score=d.score,
                        level=d.level,
                        target=goal.get(d.id),
                        reaches_target=(
                            None
                            if d.id not in goal
                            else d.level is not None and d.level >= goal[d.id]
                        ),
                    )
                    for d in projected.dimensions
                ],
                overall_score=projected.overall.score,
                overall_level=projected.overall.level,
            )
        )
    return Plan(
        assessment=assessment.id,
        today=today.isoformat(),
        targets=gaps(dimensions, targets, suggested),
        suggested=suggested,
        levels=base,
        phases=phases,
    )


# -- actions ---------------------------------------------------------------------------------


def new_action_id() -> str:
    return secrets.token_hex(4)


def writable(a: Assessment) -> None:
    """The plan of a complete assessment is part of its snapshot: it changes only after a reopen
    (or, for its open actions, in the follow-through review of the next assessment)."""
    if a.status == "complete":
        raise MaturityError(
            f"assessment {a.id} is complete; reopen it to change its plan, or carry its open"
            f" actions into a new assessment with: maturity new --from {a.id[:8]}",
            code="plan.complete",
            params={"id": a.id},
        )


def make_action(
    assessment: Assessment,
    practices: Sequence[Practice],
    title: str | None,
    *,
    practice: str | None = None,
    owner: str | None = None,
    due: date | None = None,
    notes: str = "",
    today: date,
    lang: str = "en",
) -> Action:
    """A new action (validated: known practice, clean owner, due date not past)."""
    writable(assessment)
    chosen: Practice | None = None
    if practice is not None:
        chosen = next((p for p in practices if p.id == practice), None)
        if chosen is None:
            raise MaturityError(
                f"unknown practice '{practice}' (see the roadmap: maturity show {assessment.id[:8]})",
                code="plan.unknown_practice",
                params={"practice": practice},
            )
        if any(a.practice == practice and a.is_open for a in assessment.actions):
            raise MaturityError(code="plan.practice_open", params={"practice": practice})
    if title is None or not title.strip():
        if chosen is None:
            raise MaturityError(
                "an action needs a title (or --practice to use the practice's)",
                code="plan.title_missing",
            )
        title = tr(chosen.title, lang)
    if due is not None:
        check_future(due, today, "due date")
    stamp = now()
    return Action(
        id=new_action_id(),
        title=check_title(title),
        practice=practice,
        owner=check_owner(owner),
        due=due,
        notes=notes,
        created=stamp,
        updated=stamp,
    )


def change_action(
    assessment: Assessment,
    action: Action,
    *,
    title: str | None = None,
    owner: str | None = None,
    due: date | None = None,
    clear_due: bool = False,
    status: str | None = None,
    reason: str | None = None,
    notes: str | None = None,
    today: date,
) -> Action:
    """The action with the given fields changed (validated; the store is not touched)."""
    writable(assessment)
    if action.carried_to is not None:
        raise MaturityError(code="plan.carried", params={"id": action.id, "to": action.carried_to})
    update: dict[str, object] = {"updated": now()}
    if title is not None:
        update["title"] = check_title(title)
    if owner is not None:
        update["owner"] = check_owner(owner)
    if clear_due:
        update["due"] = None
    elif due is not None:
        if due != action.due:
            check_future(due, today, "due date")
        update["due"] = due
    if notes is not None:
        if control_characters(notes, "\n\t"):
            raise MaturityError(code="plan.notes_control")
        update["notes"] = notes
    if status is not None:
        if status not in ACTION_STATUSES:
            raise MaturityError(
                f"status must be one of {', '.join(ACTION_STATUSES)}, got '{status}'"
            )
        update["status"] = status
        if status == "dropped":
            why = (reason if reason is not None else action.reason).strip()
            if not why:
                raise MaturityError(
                    "dropping an action needs a reason (--reason TEXT)", code="plan.drop_reason"
                )
            update["reason"] = why
        elif reason is not None:
            update["reason"] = reason.strip()
        if status == "done" and action.status != "done":
            update["done_at"] = now()
        if status != "done":
            update["done_at"] = None
    elif reason is not None:
        update["reason"] = reason.strip()
    return action.model_copy(update=update)


def view(a: Assessment, action: Action, practices: Sequence[Practice], today: date) -> ActionView:
    dim = next((p.dimension for p in practices if p.id == action.practice), None)
    return ActionView(
        id=action.id,
        assessment=a.id,
        team=a.team,
        title=action.title,
        practice=action.practice,
        dimension=dim,
        owner=action.owner,
        due=action.due.isoformat() if action.due else None,
        status=action.status,
        reason=action.reason,
        notes=action.notes,
        overdue=action.overdue(today),
        carried_from=action.carried_from,
        carried_to=action.carried_to,
        done_at=format_time(action.done_at) if action.done_at else None,
    )


# -- follow-through --------------------------------------------------------------------------

Decision = Literal["done", "carry", "drop"]


def review(
    previous: Assessment,
    decisions: Mapping[str, Decision],
    reason: str = "",
    default: Decision = "carry",
) -> tuple[list[Action], list[Action]]:
    """Close out the previous assessment's open actions.

    Returns (the previous actions as updated, the copies to add to the new assessment).
    ``decisions`` maps action id -> done / carry / drop; open actions not named get ``default``.
    """
    unknown = set(decisions) - {a.id for a in previous.actions if a.is_open}
    if unknown:
        raise MaturityError(f"not an open action of {previous.id}: {', '.join(sorted(unknown))}")
    stamp = now()
    updated: list[Action] = []
    carried: list[Action] = []
    for a in previous.actions:
        if not a.is_open:
            continue
        choice = decisions.get(a.id, default)
        if choice == "done":
            updated.append(
                a.model_copy(update={"status": "done", "done_at": stamp, "updated": stamp})
            )
        elif choice == "drop":
            why = reason.strip() or "dropped at the follow-through review"
            updated.append(
                a.model_copy(update={"status": "dropped", "reason": why, "updated": stamp})
            )
        else:
            copy = a.model_copy(
                update={
                    "id": new_action_id(),
                    "created": stamp,
                    "updated": stamp,
                    "carried_from": a.id,
                    "carried_to": None,
                    "done_at": None,
                }
            )
            carried.append(copy)
            updated.append(a.model_copy(update={"carried_to": copy.id, "updated": stamp}))
    return updated, carried


def payoff(
    a: Assessment,
    b: Assessment,
    practices: Sequence[Practice],
    a_dims: Sequence[DimensionResult],
    b_dims: Sequence[DimensionResult],
) -> list[Payoff]:
    """Each action of ``a`` that was done (by the time ``b`` was taken), with the answers linked
    to its practice in ``a`` and ``b`` and its dimension's change. Association, not proof."""
    by_id = {p.id: p for p in practices}
    da = {d.id: d for d in a_dims}
    db = {d.id: d for d in b_dims}
    out: list[Payoff] = []
    for act in a.actions:
        if act.status != "done":
            continue
        p = by_id.get(act.practice or "")
        dim = p.dimension if p else None
        answers = [
            LinkedAnswer(
                question=qid,
                before=a.answers[qid].level if qid in a.answers else None,
                after=b.answers[qid].level if qid in b.answers else None,
                answered_before=qid in a.answers,
                answered_after=qid in b.answers,
            )
            for qid in (p.questions if p else [])
        ]
        out.append(
            Payoff(
                action=act.id,
                title=act.title,
                practice=act.practice,
                dimension=dim,
                answers=answers,
                score_before=da[dim].score if dim in da else None,
                score_after=db[dim].score if dim in db else None,
                level_before=da[dim].level if dim in da else None,
                level_after=db[dim].level if dim in db else None,
            )
        )
    return out


def quarter(day: datetime | date | str) -> str:
    """``2026-Q4`` for a date, a datetime or a stored timestamp (``2026-11-27T09:30:00.000Z``)."""
    if isinstance(day, str):
        year, month = int(day[:4]), int(day[5:7])
    else:
        year, month = day.year, day.month
    return f"{year}-Q{(month - 1) // 3 + 1}"


ShareRow = tuple[str, "datetime | date | str", str, "str | None"]
"""One action for :func:`done_share_rows`: team, its assessment's created time, status, carried_to."""


def done_share(assessments: Iterable[Assessment]) -> list[DoneShare]:
    """Per team and quarter (of the assessment that set the actions): actions done / actions."""
    return done_share_rows(
        (a.team, a.created, act.status, act.carried_to) for a in assessments for act in a.actions
    )


def done_share_rows(rows: Iterable[ShareRow]) -> list[DoneShare]:
    """:func:`done_share` from plain rows (the store gives them in one query for the portfolio).

    A carried-over action counts once, where it ended: the original is left out."""
    counts: dict[tuple[str, str], list[int]] = {}
    names: dict[str, str] = {}
    for team, created, status, carried_to in rows:
        if carried_to is not None:
            continue
        key = " ".join(team.split()).casefold()
        names.setdefault(key, team)
        c = counts.setdefault((key, quarter(created)), [0, 0])
        c[1] += 1
        c[0] += status == "done"
    return [
        DoneShare(team=names[k], quarter=qt, done=d, total=t, share=round(d / t, 4) if t else None)
        for (k, qt), (d, t) in sorted(counts.items())
    ]


# -- into the team's tracker -----------------------------------------------------------------

JIRA_COLUMNS = ["Summary", "Description", "Assignee", "Due date", "Labels"]


def neutralise(cell: str) -> str:
    """A spreadsheet cell that stays text (:func:`maturity.safetext.csv_cell`, the one rule)."""
    return csv_cell(cell)


def jira_csv(rows: Sequence[ActionView], practices: Sequence[Practice], lang: str = "en") -> str:
    """Jira's CSV importer columns; dates ISO (importer date format ``yyyy-MM-dd``); labels
    space-separated (Jira labels never contain spaces). Cells neutralised and quoted by
    :func:`maturity.safetext.csv_rows`, like every CSV the app writes."""
    titles = {p.id: tr(p.title, lang) for p in practices}
    out: list[list[object]] = [list(JIRA_COLUMNS)]
    for r in rows:
        lines = [f"DevOps maturity action for team {r.team} (assessment {r.assessment[:8]})."]
        if r.practice:
            lines.append(f"Practice: {titles.get(r.practice, r.practice)} ({r.practice})")
        if r.status != "todo":
            lines.append(f"Status: {r.status}")
        if r.overdue:
            lines.append(f"Overdue: was due {r.due}")
        if r.notes:
            lines.append(r.notes)
        labels = ["maturity"] + ([f"maturity-{r.dimension}"] if r.dimension else [])
        out.append([r.title, "\n".join(lines), r.owner or "", r.due or "", " ".join(labels)])
    return csv_rows(out)


CSV_COLUMNS = [
    "action_id", "assessment_id", "team", "title", "practice", "dimension", "owner", "due",
    "status", "overdue", "reason", "notes", "done_at", "carried_from", "carried_to",
]  # fmt: skip


def actions_csv(rows: Sequence[ActionView]) -> str:
    """Every field of every action, for spreadsheets and BI tools (cells neutralised)."""
    out: list[list[object]] = [list(CSV_COLUMNS)]
    for r in rows:
        out.append([
            r.id, r.assessment, r.team, r.title, r.practice or "", r.dimension or "",
            r.owner or "", r.due or "", r.status, "true" if r.overdue else "false", r.reason,
            r.notes, r.done_at or "", r.carried_from or "", r.carried_to or "",
        ])  # fmt: skip
    return csv_rows(out)


def actions_json(rows: Sequence[ActionView]) -> str:
    return (
        json.dumps([r.model_dump(mode="json") for r in rows], ensure_ascii=False, indent=2) + "\n"
    )


def actions_markdown(rows: Sequence[ActionView], title: str = "Actions") -> str:
    """A checklist for the retrospective notes: done ticked, dropped struck through."""
    lines = [f"## {title}", ""]
    for r in rows:
        mark = "x" if r.status == "done" else " "
        text = _md(r.title)
        if r.status == "dropped":
            text = f"~~{text}~~ (dropped: {_md(r.reason)})"
        bits = [f"@{_md(r.owner)}" if r.owner else "", f"due {r.due}" if r.due else ""]
        if r.overdue:
            bits.append("**OVERDUE**")
        if r.status == "doing":
            bits.append("in progress")
        extra = ", ".join(b for b in bits if b)
        lines.append(f"- [{mark}] {text}" + (f" — {extra}" if extra else "") + f" `{r.id}`")
    if not rows:
        lines.append("_No actions._")
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    out = text.replace("\n", " ")
    for ch in "\\`*_[]<>|~":
        out = out.replace(ch, "\\" + ch)
    return out
