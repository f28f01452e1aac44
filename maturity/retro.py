"""Running a retrospective: pacing against a time box, what changed since last time, and the
end-of-retro summary a team pastes into its chat or wiki.

Pure functions over the core models (no I/O, no Textual): the TUI shows them, tests check
them with hand-computed numbers.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from maturity.textfmt import format_score

if TYPE_CHECKING:
    from maturity.model.assessment import Answer, Assessment
    from maturity.model.questionnaire import Questionnaire
    from maturity.model.results import Results

DEFAULT_BOX_MIN: Final = 45
"""A retrospective's usual time box, in minutes."""

SLACK: Final = 1.15
"""Behind pace when the minutes the remaining questions need at the pace so far exceed the
minutes left by more than this factor (a little slack before nagging the facilitator)."""


@dataclass(frozen=True)
class Pace:
    """Where the session stands against its time box."""

    position: int  # 1-based number of the current question
    total: int
    reviewed: int  # questions answered (or re-confirmed) in this session
    elapsed_s: float
    left_s: float  # of the time box; negative when over
    per_question_s: float | None  # the pace so far; None before the first answer
    needed_s: float | None  # time the questions not yet reviewed need at that pace
    behind: bool  # suggest switching to the quick questionnaire / fewer discussions

    @property
    def left_min(self) -> int:
        return max(0, math.ceil(self.left_s / 60)) if self.left_s > 0 else 0


def pace(*, position: int, total: int, reviewed: int, elapsed_s: float, box_s: float) -> Pace:
    """The pace so far and whether the rest fits the time box.

    ``reviewed`` questions took ``elapsed_s``; the questions from ``position`` (1-based) to the
    end need as long each. Behind when that exceeds what is left by more than :data:`SLACK`,
    or when the time box is used up with questions still to go.
    """
    left = box_s - elapsed_s
    remaining = max(0, total - position + 1)
    per = elapsed_s / reviewed if reviewed > 0 else None
    needed = per * remaining if per is not None else None
    behind = remaining > 0 and (left <= 0 or (needed is not None and needed > left * SLACK))
    return Pace(position, total, reviewed, elapsed_s, left, per, needed, behind)


def reviewed(answers: Mapping[str, Answer], question_ids: Sequence[str], since: str | None) -> int:
    """How many of the questions were answered after ``since`` (an ISO timestamp, usually the
    assessment's creation): what the team has gone through, carried-over answers excluded."""
    from maturity.timefmt import format_time

    ids = set(question_ids)
    return sum(
        1
        for qid, a in answers.items()
        if qid in ids
        and a.updated is not None
        and (since is None or format_time(a.updated) > since)
    )


def previous_id(assessment: Assessment) -> str | None:
    """The assessment this one was started from (``new --from``), if any."""
    for event in assessment.events:
        if event.kind == "created-from" and event.detail:
            return event.detail.split(";", 1)[0].strip() or None
    return None


def changes(current: Assessment, previous: Assessment) -> dict[str, int]:
    """Per question answered in both, the level change since ``previous`` (0 = same).
    "Not sure" on either side is no comparison and left out."""
    out: dict[str, int] = {}
    for qid, ans in current.answers.items():
        old = previous.answers.get(qid)
        if old is None or ans.level is None or old.level is None:
            continue
        out[qid] = ans.level - old.level
    return out


def arrow(delta: int | None) -> str:
    """The change arrow shown next to an answer: ▲ up, ▼ down, = same, blank unknown."""
    if delta is None:
        return ""
    return "▲" if delta > 0 else "▼" if delta < 0 else "="


# -- end-of-retro summary ----------------------------------------------------------------------

SUMMARY_TOP: Final = 3
"""How many of the widest disagreements the summary lists."""


@dataclass(frozen=True)
class SummaryLabels:
    """The words of the summary, in the session's language (the TUI passes its translations)."""

    title: str = "Retro summary"
    overall: str = "Overall"
    partial: str = "partial"
    disagreements: str = "Where we disagreed"
    spread: str = "spread {spread}, median {median}, recorded {answer}"
    now: str = "Now"
    notes: str = "Notes"
    none: str = "none"
    not_sure: str = "not sure"


def summary_markdown(
    assessment: Assessment,
    questionnaire: Questionnaire,
    results: Results,
    lang: str,
    labels: SummaryLabels | None = None,
    *,
    top: int = SUMMARY_TOP,
) -> str:
    """The end-of-retro summary as Markdown: overall level, the top disagreements, the Now items
    of the roadmap and every note, for the team's chat or wiki. Text the team typed is escaped so
    it cannot break the Markdown around it."""
    from maturity.model.text import tr

    lb = labels or SummaryLabels()
    lines = [f"# {lb.title}: {md(assessment.team)}", ""]
    lines += [f"{tr(questionnaire.title, lang)} · {assessment.updated:%Y-%m-%d}", ""]
    overall = results.overall
    if overall.level is not None:
        name = overall.level_name or ""
        lines.append(f"**{lb.overall}: {overall.level} {name}** ({format_score(overall.score)})")
    elif overall.score is not None:
        lines.append(f"**{lb.overall}: {format_score(overall.score)}** ({lb.partial})")
    lines += ["", f"## {lb.disagreements}"]
    spreads = [
        x for x in (results.disagreement.questions if results.disagreement else []) if x.spread > 0
    ]
    if not spreads:
        lines.append(f"- {lb.none}")
    for x in spreads[:top]:
        found = questionnaire.find_question(x.question)
        text = tr(found[1].text, lang) if found else x.question
        answer = str(x.level) if x.level is not None else lb.not_sure
        median = str(x.median) if x.median is not None else "–"
        detail = lb.spread.format(spread=x.spread, median=median, answer=answer)
        lines.append(f"- {md(text)} ({detail})")
    lines += ["", f"## {lb.now}"]
    now_items = [r for r in results.recommendations if r.horizon == "now"]
    if not now_items:
        lines.append(f"- {lb.none}")
    lines += [f"- {md(r.title)}" for r in now_items]
    lines += ["", f"## {lb.notes}"]
    noted = False
    for _, q in questionnaire.questions():
        ans = assessment.answers.get(q.id)
        if ans is not None and ans.note.strip():
            noted = True
            lines.append(f"- **{md(tr(q.text, lang))}** {md(' '.join(ans.note.split()))}")
    if not noted:
        lines.append(f"- {lb.none}")
    return "\n".join(lines) + "\n"


_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>#|"})


def md(text: str) -> str:
    """Plain text made safe inside a Markdown line (emphasis, links, HTML and tables escaped)."""
    return text.translate(_MD_SPECIAL)
