"""The report's Plan section: targets, phases with projected levels, actions, and what was done
since the last assessment. Every number comes from :mod:`maturity.plan` (the same phased plan
and projection the CLI and the TUI show); this module only words and formats it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from maturity import plan as plan_mod
from maturity.model.assessment import Assessment
from maturity.model.questionnaire import Practice, Questionnaire
from maturity.model.results import DimensionResult
from maturity.model.text import tr
from maturity.report import charts
from maturity.report.strings_plan import plan_strings
from maturity.textfmt import format_level, format_score


@dataclass(frozen=True)
class TargetRow:
    dimension: str
    today: str  # "2 (2.40)": level (score)
    target: str
    by: str
    gap: str


@dataclass(frozen=True)
class PhaseRow:
    label: str
    until: str
    practices: list[str]
    projected: list[str]  # "Culture 3 (reaches the target)"


@dataclass(frozen=True)
class ActionRow:
    title: str
    owner: str
    due: str
    status: str
    overdue: bool


@dataclass(frozen=True)
class DoneRow:
    title: str
    owner: str
    changes: list[str]  # "culture.on-call: 2 → 3", "Culture: 2.10 → 2.60"


@dataclass(frozen=True)
class PlanView:
    t: dict[str, str]
    intro: str
    suggested: bool
    targets: list[TargetRow]
    phases: list[PhaseRow]
    chart: Markup | None
    chart_alt: str
    actions: list[ActionRow]
    done_heading: str | None  # None: no previous assessment
    done: list[DoneRow]


def build_plan_view(
    a: Assessment,
    q: Questionnaire,
    practices: tuple[Practice, ...],
    dimensions: list[DimensionResult],
    lang: str,
    today: date,
    previous: tuple[Assessment, list[DimensionResult], str] | None = None,
) -> PlanView:
    """``previous``: the last assessment, its dimension results and its date (formatted)."""
    t = plan_strings(lang)
    p = plan_mod.build_plan(a, q, practices, dimensions, today, lang)

    def title(dim: str) -> str:
        d = q.dimension(dim)
        return tr(d.title, lang) if d else dim

    targets = [
        TargetRow(
            dimension=title(g.dimension),
            today=f"{format_level(g.level)} ({format_score(g.score)})",
            target=str(g.target),
            by=g.by,
            gap=(
                t["plan_gap_reached"]
                if g.status == "reached"
                else t["plan_gap_unknown"]
                if g.status == "unknown"
                else t["plan_gap_one"]
                if g.levels == 1
                else t["plan_gap_levels"].format(n=g.levels)
            ),
        )
        for g in p.targets
    ]
    phases = []
    for ph in p.phases:
        projected = [
            f"{title(x.dimension)} {format_level(x.level)} ({format_score(x.score)})"
            + (f" · {t['plan_reaches']}" if x.reaches_target else "")
            for x in ph.projected
            if x.target is not None
        ]
        phases.append(
            PhaseRow(
                label=t[f"plan_phase_{ph.name}"],
                until=t["plan_until"].format(date=ph.ends),
                practices=[x.title for x in ph.practices] or [t["plan_phase_empty"]],
                projected=projected,
            )
        )
    chart: Markup | None = None
    alt = ""
    if p.targets:
        by_dim = {d.id: d for d in dimensions}
        rows = []
        alts = []
        for g in p.targets:
            scores: list[float | None] = [
                next((x.score for x in ph.projected if x.dimension == g.dimension), None)
                for ph in p.phases
            ]
            rows.append(
                charts.PlanRow(title(g.dimension), by_dim[g.dimension].score, scores, g.target)
            )
            alts.append(
                t["plan_chart_alt_dim"].format(
                    dimension=title(g.dimension),
                    today=format_score(by_dim[g.dimension].score),
                    now=format_score(scores[0]),
                    next=format_score(scores[1]),
                    later=format_score(scores[2]),
                    target=g.target,
                )
            )
        alt = f"{t['plan_chart_title']} — " + "; ".join(alts) + "."
        chart = charts.plan_progress(
            rows,
            uid="chart-plan",
            title=alt,
            phase_labels=[t[f"plan_phase_{n}"] for n in plan_mod.PHASES],
            today_label=t["plan_chart_today"],
            target_label=t["plan_chart_target"],
        )
    actions = []
    for act in a.actions:
        v = plan_mod.view(a, act, practices, today)
        status = t["plan_carried"] if v.carried_to else t[f"plan_status_{v.status}"]
        if v.overdue:
            status += f" · {t['plan_overdue']}"
        actions.append(ActionRow(v.title, v.owner or "–", v.due or "–", status, v.overdue))
    done_heading = None
    done: list[DoneRow] = []
    if previous is not None:
        prev, prev_dims, when = previous
        done_heading = t["plan_done_since"].format(date=when)
        for pay in plan_mod.payoff(prev, a, practices, prev_dims, dimensions):
            changes = [
                f"{x.question}: {format_level(x.before) if x.answered_before else '–'} → {format_level(x.after) if x.answered_after else '–'}"
                for x in pay.answers
            ]
            if pay.dimension:
                changes.append(
                    t["plan_done_change"].format(
                        dimension=title(pay.dimension),
                        before=format_score(pay.score_before),
                        after=format_score(pay.score_after),
                    )
                )
            owner = next((x.owner for x in prev.actions if x.id == pay.action), None)
            done.append(DoneRow(pay.title, owner or "–", changes or ["–"]))
    return PlanView(
        t=t,
        intro=t["plan_intro"],
        suggested=p.suggested,
        targets=targets,
        phases=phases,
        chart=chart,
        chart_alt=alt,
        actions=actions,
        done_heading=done_heading,
        done=done,
    )
