"""Plain-text rendering for the command line (no colour codes; pipes and logs stay clean)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # listing must stay light: the models and DORA tables load on first use
    from maturity.dora import DoraResult
    from maturity.model.questionnaire import Questionnaire
    from maturity.model.results import Results
    from maturity.store.base import Summary

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
        level = str(r.level) if r.level is not None else "–"
        lines.append(
            f"{r.id:<12}  {r.team[:24]:<24}  {r.created[:10]:<10}  "
            f"{(r.questionnaire_id + ' ' + r.questionnaire_version)[:14]:<14}  "
            f"{f'{r.answered}/{r.total}':>8}  {level:>5}  {r.status.replace('_', ' ')}"
        )
    return "\n".join(lines)


def dora_block(d: DoraResult, lang: str = "en") -> list[str]:
    from maturity.dora import ALL_METRICS, metric_definitions
    from maturity.model.text import tr

    defs = metric_definitions()
    lines = [
        f"DORA (benchmark {d.benchmark}): overall {d.overall or 'not enough metrics (need 3 of 4)'}"
    ]
    for metric in ALL_METRICS:
        m = d.metrics.get(metric)
        if m is None:
            continue
        title = tr(defs[metric].title, lang)
        lines.append(
            f"  {title:<34} {m.input:<14} {(m.tier or '–'):<7} quick check {m.quickcheck:4.1f}/10"
        )
    qc = d.quickcheck
    if qc["overall"] is not None:
        lines.append(f"  Quick Check score {qc['overall']:.1f}/10")
    if d.optimistic_flag and d.implied_band:
        lo, hi = d.implied_band
        lines.append(
            f"  ! The answers sit above the maturity band this DORA tier implies (levels {lo}-{hi}):"
            " the self-assessment may be optimistic."
        )
    return lines


def results(r: Results, q: Questionnaire, lang: str = "en") -> str:
    from maturity.model.text import tr

    o = r.overall
    lines = [f"{r.team} · {q.id} {q.version} · {r.id}"]
    if o.level is not None:
        lines.append(f"Overall: level {o.level} {o.level_name} (score {o.score:.2f})")
        if o.capped_by:
            lines.append(f"  capped at weakest dimension + 1 ({o.capped_by})")
    elif o.score is not None:
        lines.append(f"Overall: not enough answers yet (partial score {o.score:.2f})")
    else:
        lines.append("Overall: no answers yet")
    lines.append("")
    for d in r.dimensions:
        dim = q.dimension(d.id)
        title = tr(dim.title, lang) if dim else d.id
        score = f"{d.score:.2f}" if d.score is not None else "  – "
        level = (
            f"level {d.level} {tr(q.levels[d.level], lang)}" if d.level else "not enough answers"
        )
        lines.append(f"{title:<14} {bar(d.score)} {score}  {level:<24} {d.coverage:>4.0%} answered")
        if d.next_level and d.distance_to_next is not None and d.held_back_by:
            names = ", ".join(f"{h.question} ({h.level})" for h in d.held_back_by[:4])
            more = f" and {len(d.held_back_by) - 4} more" if len(d.held_back_by) > 4 else ""
            lines.append(
                f"{'':<14} {d.distance_to_next:.2f} below level {d.next_level}; held back by {names}{more}"
            )
    if r.dora:
        lines += ["", *dora_block(r.dora, lang)]
    if r.recommendations:
        lines += ["", "Roadmap"]
        for h in ("now", "next", "later"):
            items = [x for x in r.recommendations if x.horizon == h]
            if items:
                lines.append(f"  {h.capitalize()}:")
                lines += [f"    - {x.title} [{x.dimension}, effort {x.effort}]" for x in items]
    return "\n".join(lines)


def benchmark_note(year: int) -> str:
    from maturity.dora import benchmark

    b = benchmark(year)
    return f"Benchmark {b.year}: {b.title}. Source: {b.source}"
