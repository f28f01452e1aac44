"""Plain-text rendering for the command line (no colour codes; pipes and logs stay clean).

Every name and note passes through :func:`maturity.safetext.terminal_safe` (as ``shown``) on
its way out: stored as typed, printed without control characters or bidi overrides.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from maturity.model.terms import tier_name
from maturity.safetext import terminal_safe as shown
from maturity.textfmt import format_delta, format_level, format_score

if TYPE_CHECKING:  # listing must stay light: the models and DORA tables load on first use
    from maturity.dora import DoraResult
    from maturity.model.history import Comparison
    from maturity.model.plan import ActionView, Plan
    from maturity.model.questionnaire import Questionnaire
    from maturity.model.results import Results
    from maturity.store.base import Summary, TeamRow

BAR_WIDTH = 20


def bar(score: float | None, width: int = BAR_WIDTH) -> str:
    """A 1.0-5.0 score as a bar: 1.0 is empty, 5.0 is full."""
    if score is None:
        return "·" * width
    filled = round((score - 1) / 4 * width)
    return "█" * filled + "·" * (width - filled)


def summaries(rows: list[Summary]) -> str:
    if not rows:
        return "No assessments yet. Start one with: maturity new --team NAME"
    head = f"{'ID':<12}  {'TEAM':<24}  {'CREATED':<10}  {'QUESTIONNAIRE':<14}  {'PROGRESS':>8}  {'LEVEL':>5}  STATUS"
    lines = [head]
    for r in rows:
        level = format_level(r.level)
        lines.append(
            f"{r.id:<12}  {shown(r.team)[:24]:<24}  {r.created[:10]:<10}  "
            f"{shown(r.questionnaire_id + ' ' + r.questionnaire_version)[:14]:<14}  "
            f"{f'{r.answered}/{r.total}':>8}  {level:>5}  {r.status.replace('_', ' ')}"
        )
    return "\n".join(lines)


def dora_block(d: DoraResult, lang: str = "en") -> list[str]:
    """Quick Check scores first (DORA's current yardstick), then the tiers, labelled as measured
    against the last benchmark that published them."""
    from maturity.dora import ALL_METRICS, metric_definitions
    from maturity.model.text import tr

    defs = metric_definitions()
    qc = d.quickcheck
    lines = []
    if qc["overall"] is not None:
        parts = [f"DORA Quick Check score {qc['overall']:.1f}/10"]
        if qc["throughput"] is not None:
            parts.append(f"throughput {qc['throughput']:.1f}")
        if qc["stability"] is not None:
            parts.append(f"stability {qc['stability']:.1f}")
        lines.append(parts[0] + (f" ({', '.join(parts[1:])})" if parts[1:] else ""))
    label = d.benchmark_label or f"DORA {d.benchmark}"
    overall = tier_name(d.overall, lang) if d.overall else "not enough metrics (need 3 of 4)"
    lines.append(f"Tier against the {label} benchmark: {overall}")
    for metric in ALL_METRICS:
        m = d.metrics.get(metric)
        if m is None:
            continue
        title = tr(defs[metric].title, lang)
        lines.append(
            f"  {title:<34} {m.input:<14} quick check {m.quickcheck:4.1f}/10  {tier_name(m.tier, lang)}"
        )
    if d.tiers_last_published:
        lines.append(
            f"  Tiers are historical: DORA last published them in {d.tiers_last_published};"
            " the 2025 report describes seven team profiles instead (not assessed here)."
        )
    if d.optimistic_flag and d.implied_band:
        lo, hi = d.implied_band
        lines.append(
            f"  ! The answers sit above the maturity band this DORA tier implies (levels {lo}-{hi}):"
            " the self-assessment may be optimistic."
        )
    return lines


def measured_block(r: Results, lang: str = "en") -> list[str]:
    """Self-reported vs measured per metric; ``!`` marks a disagreement of a tier or more."""
    from maturity.dora import metric_definitions
    from maturity.model.text import tr

    mv = r.measured
    if mv is None:
        return []
    defs = metric_definitions()
    p = mv.measurement.provenance
    lines = [
        f"Self-reported vs measured (benchmark {mv.dora.benchmark}):"
        f" {mv.disagreements} disagreement(s) of a tier or more",
        f"  {'':<34} {'self-reported':<22} {'measured':<22} n",
    ]
    for pair in mv.comparison:
        title = tr(defs[pair.metric].title, lang)
        own = shown(f"{pair.self_reported or '–'} {pair.self_tier or ''}".strip())
        got = f"{pair.measured or '–'} {pair.measured_tier or ''}".strip()
        mark = "!" if pair.disagree else " "
        tail = f"{pair.n if pair.n is not None else '–'} ({pair.confidence or 'no data'})"
        if pair.proxy:
            tail += " PROXY: reverts"
        lines.append(f"{mark} {title:<34} {own:<22} {got:<22} {tail}")
    lines.append(
        f"  measured overall {mv.dora.overall or '–'}; window {p.window.start:%Y-%m-%d} to"
        f" {p.window.end:%Y-%m-%d} ({p.window.days:g} days), maturity {p.tool_version}"
    )
    lines += [f"  source: {shown(src)}" for src in p.sources]
    if mv.dora.optimistic_flag and r.dora is None and mv.dora.implied_band:
        lo, hi = mv.dora.implied_band
        lines.append(
            f"  ! The answers sit above the maturity band the measured tier implies (levels"
            f" {lo}-{hi}): the self-assessment may be optimistic."
        )
    return lines


def results(r: Results, q: Questionnaire, lang: str = "en") -> str:
    from maturity.model.text import tr

    o = r.overall
    lines = [f"{shown(r.team)} · {shown(q.id)} {shown(q.version)} · {r.id}"]
    if o.level is not None:
        lines.append(f"Overall: level {o.level} {o.level_name} (score {format_score(o.score)})")
        if o.capped_by:
            lines.append(f"  capped at weakest dimension + 1 ({o.capped_by})")
    elif o.score is not None:
        lines.append(f"Overall: not enough answers yet (partial score {format_score(o.score)})")
    else:
        lines.append("Overall: no answers yet")
    lines.append("")
    for d in r.dimensions:
        dim = q.dimension(d.id)
        title = tr(dim.title, lang) if dim else d.id
        score = format_score(d.score, missing="  – ")
        level = (
            f"level {d.level} {q.level_name(d.level, lang)}" if d.level else "not enough answers"
        )
        lines.append(f"{title:<14} {bar(d.score)} {score}  {level:<24} {d.coverage:>4.0%} answered")
        if d.next_level and d.distance_to_next is not None and d.held_back_by:
            names = ", ".join(f"{h.question} ({h.level})" for h in d.held_back_by[:4])
            more = f" and {len(d.held_back_by) - 4} more" if len(d.held_back_by) > 4 else ""
            lines.append(
                f"{'':<14} {format_score(d.distance_to_next)} below level {d.next_level}; held back by {names}{more}"
            )
    lines += disagreement_block(r, q, lang)
    if r.dora:
        lines += ["", *dora_block(r.dora, lang)]
    if r.measured:
        lines += ["", *measured_block(r, lang)]
    if r.recommendations:
        lines += ["", "Roadmap"]
        for h in ("now", "next", "later"):
            items = [x for x in r.recommendations if x.horizon == h]
            if items:
                lines.append(f"  {h.capitalize()}:")
                lines += [
                    f"    - {shown(x.title)} [{x.dimension}, effort {x.effort}]" for x in items
                ]
    return "\n".join(lines)


def disagreement_block(r: Results, q: Questionnaire, lang: str = "en") -> list[str]:
    """Team votes: spread per dimension and the widest disagreements (nothing without votes)."""
    from maturity.model.text import tr
    from maturity.voting import TOP_DISAGREEMENTS as top

    d = r.disagreement
    if d is None or not any(x.voted for x in d.dimensions):
        return []
    lines = ["", f"Disagreement (team votes; discuss when the spread is {d.threshold} or more)"]
    for x in d.dimensions:
        if not x.voted:
            continue
        dim = q.dimension(x.id)
        title = tr(dim.title, lang) if dim else x.id
        mean = f"{x.mean_spread:.1f}" if x.mean_spread is not None else "–"
        lines.append(
            f"  {title:<14} mean spread {mean:>3}  widest {x.max_spread}  discuss {x.discuss}"
            f"  ({x.voted} voted)"
        )
    widest = [qs for qs in d.questions if qs.spread > 0][:top]
    if widest:
        lines.append("  Widest:")
        for qs in widest:
            answer = "not sure" if qs.level is None else str(qs.level)
            median = format_level(qs.median)
            mark = "!" if qs.discuss else " "
            lines.append(
                f"  {mark} {qs.question:<40} spread {qs.spread}  median {median}"
                f"  answer {answer}  ({qs.votes} votes)"
            )
    return lines


def benchmark_note(key: int | str) -> str:
    from maturity.dora import benchmark

    b = benchmark(key)
    return f"Benchmark {b.label}: {b.title}. Source: {b.source}"


def teams(rows: list[TeamRow]) -> str:
    if not rows:
        return "No teams yet. Start an assessment with: maturity new --team NAME"
    lines = [f"{'TEAM':<28}  {'ASSESSMENTS':>11}  {'LATEST':<10}  {'LEVEL':>5}  STATUS"]
    for r in rows:
        level = format_level(r.latest_level)
        lines.append(
            f"{shown(r.team)[:28]:<28}  {r.assessments:>11}  {r.latest_created[:10]:<10}  {level:>5}  "
            f"{r.latest_status.replace('_', ' ')}"
        )
    return "\n".join(lines)


def comparison(c: Comparison) -> str:
    lines = [
        f"{shown(c.a.team)}: {c.a.id} ({c.a.created[:10]}, {c.a.questionnaire}) -> {c.b.id} ({c.b.created[:10]}, {c.b.questionnaire})",
        "",
        f"{'':<14} {'SCORE':>13}  {'DELTA':>6}  {'LEVEL':>7}  CHANGE",
    ]
    for d in [c.overall, *c.dimensions]:
        lvl = f"{format_level(d.a_level)} -> {format_level(d.b_level)}"
        move = {None: "", 0: "same"}.get(
            d.level_delta, "up" if (d.level_delta or 0) > 0 else "down"
        )
        lines.append(
            f"{d.id:<14} {format_score(d.a_score):>5} -> {format_score(d.b_score):<5}  {format_delta(d.score_delta):>6}  {lvl:>7}  {move}"
        )
    if c.changed:
        lines += ["", f"Answers changed ({len(c.changed)}):"]
        for ch in c.changed:

            def show(answered: bool, level: int | None) -> str:
                return "–" if not answered else ("not sure" if level is None else str(level))

            lines.append(
                f"  {ch.question:<40} {show(ch.a_answered, ch.a_level)} -> {show(ch.b_answered, ch.b_level)}"
            )
            if ch.a_note != ch.b_note:
                lines.append(
                    f"    note: '{shown(ch.a_note or '–')}' -> '{shown(ch.b_note or '–')}'"
                )
    else:
        lines += ["", "No answer changed."]
    if c.only_in_a or c.only_in_b:
        lines += ["", "Questions not in both questionnaire versions:"]
        lines += [f"  only in {c.a.id[:8]}: {q}" for q in c.only_in_a]
        lines += [f"  only in {c.b.id[:8]}: {q}" for q in c.only_in_b]
    if c.dora:
        lines += [
            "",
            f"DORA overall: {tier_name(c.dora_overall[0])} -> {tier_name(c.dora_overall[1])}",
        ]
        for m in c.dora:
            lines.append(
                f"  {m.metric:<22} {m.a_input or '–':>8} ({tier_name(m.a_tier)}) -> {m.b_input or '–'} ({tier_name(m.b_tier)})"
            )
    if c.done:
        lines += ["", "Recommendations now done: " + ", ".join(c.done)]
    if c.new:
        lines += ["New recommendations: " + ", ".join(c.new)]
    lines += payoff(c)
    return "\n".join(lines)


# -- the plan ---------------------------------------------------------------------------------


def plan_targets(p: Plan) -> str:
    """Today -> target per dimension and the gap (the suggestion when none are set)."""
    if not p.targets:
        return "Targets: none set, and nothing to suggest yet (no answers)."
    head = "Suggested targets (none set yet):" if p.suggested else "Targets:"
    lines = [head]
    for g in p.targets:
        gap = {
            "reached": "reached",
            "unknown": "not enough answers to tell",
            "to_go": f"{g.levels} level{'s' if g.levels > 1 else ''} to go",
        }[g.status]
        lines.append(
            f"  {g.dimension:<14} today {format_level(g.level)} ({format_score(g.score)}) -> target {g.target}"
            f" by {g.by}  {gap}"
        )
    if p.suggested:
        dims = " ".join(f"{g.dimension}={g.target}" for g in p.targets)
        lines.append(
            f"  set them with: maturity target {p.assessment[:8]} {dims} --by {p.targets[0].by}"
        )
    return "\n".join(lines)


def plan(p: Plan) -> str:
    lines = [plan_targets(p)]
    for ph in p.phases:
        lines += ["", f"{ph.name.capitalize()} (until {ph.ends})"]
        if not ph.practices:
            lines.append("  nothing new in this phase")
        for x in ph.practices:
            adopted = f"  [action {x.action[:8]}: {x.action_status}]" if x.action else ""
            lines.append(
                f"  - {shown(x.title)} [{x.id}, level {x.level}, effort {x.effort}]{adopted}"
            )
        proj = ", ".join(
            f"{d.dimension} {format_level(d.level)} ({format_score(d.score)})"
            + ("" if d.target is None else (" ✓" if d.reaches_target else f" <{d.target}"))
            for d in ph.projected
        )
        lines.append(f"  projected if done: {proj}; overall {format_level(ph.overall_level)}")
    lines += [
        "",
        "Projected: each answered question linked to a practice is raised to the practice's level"
        " and scored as usual (docs/scoring.md).",
    ]
    return "\n".join(lines)


def action_status(r: ActionView) -> str:
    if r.carried_to:
        return "carried"
    if r.overdue:
        return f"{r.status} OVERDUE"
    return r.status


def actions(rows: Sequence[ActionView]) -> str:
    if not rows:
        return "No actions."
    lines = [f"{'ID':<9} {'STATUS':<14} {'DUE':<10}  {'OWNER':<16} TITLE"]
    for r in rows:
        mark = "!" if r.overdue else " "
        title = shown(r.title) + (f" (dropped: {shown(r.reason)})" if r.status == "dropped" else "")
        owner = shown(r.owner or "–")[:16]
        lines.append(
            f"{r.id[:8]:<9}{mark}{action_status(r):<14} {r.due or '–':<10}  {owner:<16} {title}"
        )
    n_over = sum(r.overdue for r in rows)
    if n_over:
        lines.append(f"! {n_over} overdue")
    return "\n".join(lines)


def payoff(c: Comparison) -> list[str]:
    if not c.payoff:
        return []
    lines = [
        "",
        f"Actions done between the two ({len(c.payoff)}) and what moved"
        " (association, not proof: other things changed too):",
    ]
    for p in c.payoff:
        lines.append(f"  {shown(p.title)} [{p.practice or 'own action'}]")
        for ans in p.answers:
            before = format_level(ans.before) if ans.answered_before else "–"
            after = format_level(ans.after) if ans.answered_after else "–"
            lines.append(f"    {ans.question:<40} {before} -> {after}")
        if p.dimension:
            lines.append(
                f"    {p.dimension}: {format_score(p.score_before)} -> {format_score(p.score_after)}"
                f" (level {format_level(p.level_before)} -> {format_level(p.level_after)})"
            )
    return lines
