"""SVG charts drawn from the report data: CALMS radar, dimension bars, DORA tiers, Quick Check.

Each function returns a complete ``<svg>`` element as :class:`markupsafe.Markup`, because the
templates inline it (no file, no fetch, the same drawing in HTML and in the PDF). Every piece of
text that reaches the SVG goes through :func:`_t`, which escapes it: dimension titles can come
from a user's own questionnaire file and must arrive as text, never as markup.

Printed in greyscale the charts still read: series differ by line style (solid / dashed),
marker shape (circle / square / diamond) and fill pattern (hatched / dotted), and every value
carries a text label, so colour is never the only cue.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from maturity.textfmt import format_score

INK = "#1b2a3a"  # near-black blue: the team's own data
MID = "#5b6b7b"  # secondary ink: previous assessment, axis labels
GRID = "#c5ccd3"
PAPER = "#ffffff"
WASH = "#e9edf1"  # light fill behind tiers that are not the team's
FONT = "'Pretendard Std', Pretendard, 'Apple SD Gothic Neo', 'Malgun Gothic', 'Noto Sans KR', NanumGothic, 'DejaVu Sans', sans-serif"


def _t(text: object) -> str:
    """Escape text for an SVG text node or attribute."""
    return str(escape(str(text)))


def _n(value: float) -> str:
    """A coordinate with at most one decimal, so the SVG stays small and stable."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _clip(text: str, limit: int) -> str:
    """Shorten a label that would not fit beside the chart (the full text is in the tables)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _svg(uid: str, width: int, height: int, title: str, body: list[str]) -> Markup:
    head = (
        f'<svg class="chart" id="{uid}" role="img"'
        f' aria-labelledby="{uid}-title" viewBox="0 0 {width} {height}"'
        f' width="{width}" height="{height}" font-family="{_t(FONT)}" font-size="12"'
        f' fill="{INK}"><title id="{uid}-title">{_t(title)}</title>'
    )
    return Markup(head + "".join(body) + "</svg>")


def _hatch(pid: str, ink: str = INK, spacing: int = 5) -> str:
    """Diagonal hatching: reads as 'filled' in greyscale without a solid block of colour."""
    return (
        f'<pattern id="{pid}" patternUnits="userSpaceOnUse" width="{spacing}" height="{spacing}"'
        f' patternTransform="rotate(45)"><rect width="{spacing}" height="{spacing}" fill="{PAPER}"/>'
        f'<rect width="{spacing * 0.55:.2f}" height="{spacing}" fill="{ink}"/></pattern>'
    )


def _dots(pid: str, ink: str = MID) -> str:
    return (
        f'<pattern id="{pid}" patternUnits="userSpaceOnUse" width="4" height="4">'
        f'<rect width="4" height="4" fill="{PAPER}"/><circle cx="2" cy="2" r="0.9" fill="{ink}"/></pattern>'
    )


def _level_scale(left: float, unit: float, top: int, bottom: int) -> list[str]:
    """Vertical gridlines at levels 0-5 of a horizontal bar chart, numbered above the plot."""
    body: list[str] = []
    for level in range(0, 6):
        x = left + unit * level
        body.append(
            f'<line x1="{_n(x)}" y1="{top - 6}" x2="{_n(x)}" y2="{bottom}"'
            f' stroke="{GRID}" stroke-width="{1 if level in (0, 5) else 0.7}"/>'
        )
        if level:
            body.append(
                f'<text x="{_n(x)}" y="{top - 10}" text-anchor="middle" font-size="10"'
                f' fill="{MID}">{level}</text>'
            )
    return body


def _level_plot(
    left: float, right: float, top: int, bottom: int, defs: str
) -> tuple[float, list[str]]:
    """The frame every per-dimension chart on the 0-5 scale starts from: the width of one level
    and the first SVG pieces (the fill patterns in ``defs``, then the level gridlines)."""
    unit = (right - left) / 5
    return unit, [f"<defs>{defs}</defs>", *_level_scale(left, unit, top, bottom)]


def _row_label(left: float, y: float, label: str) -> str:
    """A dimension's name right-aligned just left of the plot, baseline ``y``, cut to 16 chars."""
    return f'<text x="{left - 10}" y="{y}" text-anchor="end" font-weight="700">{_t(_clip(label, 16))}</text>'


def _swatch(x: float, y: float, fill: str, stroke: str, label: str) -> str:
    """A legend entry: a 22x11 sample of a bar's fill, its label beside it (baseline ``y``)."""
    return (
        f'<rect x="{x}" y="{y - 10}" width="22" height="11" fill="{fill}" stroke="{stroke}"/>'
        f'<text x="{x + 28}" y="{y}" font-size="11">{_t(label)}</text>'
    )


# ---------------------------------------------------------------------------------------------
# CALMS radar


@dataclass(frozen=True)
class RadarAxis:
    label: str
    value: float | None  # 1.0-5.0, None when nothing was answered
    previous: float | None = None
    enough: bool = True  # False: not enough answers for a level (drawn hollow, marked *)


def radar(
    axes: Sequence[RadarAxis],
    *,
    uid: str,
    title: str,
    this_label: str,
    previous_label: str | None = None,
) -> Markup:
    """A five-axis radar on the 0-5 scale, rings at each level; previous assessment dashed."""
    width, height = 420, 362 if previous_label else 340
    cx, cy, radius = width / 2, 168, 116
    n = max(len(axes), 3)

    def point(i: int, value: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * i / n
        r = radius * max(0.0, min(5.0, value)) / 5
        return cx + r * math.cos(angle), cy + r * math.sin(angle)

    body: list[str] = []
    for level in range(1, 6):
        ring = " ".join(f"{_n(x)},{_n(y)}" for x, y in (point(i, level) for i in range(n)))
        body.append(
            f'<polygon points="{ring}" fill="none" stroke="{GRID}"'
            f' stroke-width="{1.2 if level == 5 else 0.8}"/>'
        )
    for i in range(n):
        x, y = point(i, 5)
        body.append(
            f'<line x1="{_n(cx)}" y1="{_n(cy)}" x2="{_n(x)}" y2="{_n(y)}" stroke="{GRID}" stroke-width="0.8"/>'
        )
    for level in range(1, 6):
        x, y = point(0, level)
        body.append(
            f'<text x="{_n(x + 4)}" y="{_n(y + 4)}" font-size="9" fill="{MID}">{level}</text>'
        )

    if previous_label and any(a.previous is not None for a in axes):
        pts = [point(i, a.previous or 0.0) for i, a in enumerate(axes)]
        body.append(
            f'<polygon points="{" ".join(f"{_n(x)},{_n(y)}" for x, y in pts)}" fill="none"'
            f' stroke="{MID}" stroke-width="1.6" stroke-dasharray="5 3"/>'
        )
        for (x, y), a in zip(pts, axes, strict=True):
            if a.previous is not None:
                body.append(
                    f'<rect x="{_n(x - 3)}" y="{_n(y - 3)}" width="6" height="6" fill="{PAPER}"'
                    f' stroke="{MID}" stroke-width="1.3"/>'
                )

    pts = [point(i, a.value or 0.0) for i, a in enumerate(axes)]
    body.append(
        f'<polygon points="{" ".join(f"{_n(x)},{_n(y)}" for x, y in pts)}" fill="{INK}"'
        f' fill-opacity="0.16" stroke="{INK}" stroke-width="2.2" stroke-linejoin="round"/>'
    )
    for (x, y), a in zip(pts, axes, strict=True):
        if a.value is not None:
            fill = INK if a.enough else PAPER
            body.append(
                f'<circle cx="{_n(x)}" cy="{_n(y)}" r="3.8" fill="{fill}" stroke="{INK}" stroke-width="1.5"/>'
            )

    for i, a in enumerate(axes):
        angle = -math.pi / 2 + 2 * math.pi * i / n
        lx, ly = cx + (radius + 16) * math.cos(angle), cy + (radius + 16) * math.sin(angle)
        cos, sin = math.cos(angle), math.sin(angle)
        anchor = "start" if cos > 0.3 else "end" if cos < -0.3 else "middle"
        if sin < -0.5:
            ly -= 14  # the top label sits above the axis end
        elif sin > 0.5:
            ly += 8
        value = format_score(a.value) + ("" if a.value is None or a.enough else "*")
        body.append(
            f'<text x="{_n(lx)}" y="{_n(ly)}" text-anchor="{anchor}" font-weight="700"'
            f' font-size="12.5">{_t(_clip(a.label, 18))}</text>'
            f'<text x="{_n(lx)}" y="{_n(ly + 14)}" text-anchor="{anchor}" font-size="11.5"'
            f' fill="{MID}">{_t(value)}</text>'
        )

    ly = height - (26 if previous_label else 10)
    body.append(
        f'<line x1="16" y1="{ly - 4}" x2="40" y2="{ly - 4}" stroke="{INK}" stroke-width="2.2"/>'
        f'<circle cx="28" cy="{ly - 4}" r="3.5" fill="{INK}"/>'
        f'<text x="48" y="{ly}" font-size="11">{_t(this_label)}</text>'
    )
    if previous_label:
        ly += 17
        body.append(
            f'<line x1="16" y1="{ly - 4}" x2="40" y2="{ly - 4}" stroke="{MID}"'
            f' stroke-width="1.6" stroke-dasharray="5 3"/>'
            f'<rect x="25" y="{ly - 7}" width="6" height="6" fill="{PAPER}" stroke="{MID}" stroke-width="1.3"/>'
            f'<text x="48" y="{ly}" font-size="11">{_t(previous_label)}</text>'
        )
    return _svg(uid, width, height, title, body)


# ---------------------------------------------------------------------------------------------
# Dimension bars


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None  # 1.0-5.0
    caption: str  # "3.25 · Defined" or "not enough answers"
    enough: bool = True
    previous: float | None = None


def dimension_bars(
    bars: Sequence[Bar],
    *,
    uid: str,
    title: str,
    this_label: str,
    previous_label: str | None = None,
) -> Markup:
    """Horizontal bars on the 0-5 scale with a gridline per level; earlier scores as thin bars."""
    has_prev = previous_label is not None and any(b.previous is not None for b in bars)
    row = 40 if has_prev else 32
    left, right, top = 120, 460, 26
    width = 640
    height = top + row * len(bars) + (34 if has_prev else 18)
    unit, body = _level_plot(
        left, right, top, top + row * len(bars), _hatch(f"{uid}-hatch") + _dots(f"{uid}-dots")
    )
    for i, b in enumerate(bars):
        y = top + i * row + 6
        body.append(_row_label(left, y + 12, b.label))
        if b.value is not None:
            w = unit * b.value
            if b.enough:
                body.append(
                    f'<rect x="{left}" y="{y}" width="{_n(w)}" height="16" fill="url(#{uid}-hatch)"'
                    f' stroke="{INK}" stroke-width="1.2"/>'
                )
            else:
                body.append(
                    f'<rect x="{left}" y="{y}" width="{_n(w)}" height="16" fill="{PAPER}"'
                    f' stroke="{INK}" stroke-width="1.2" stroke-dasharray="4 2"/>'
                )
        body.append(f'<text x="{right + 10}" y="{y + 12}" font-size="11.5">{_t(b.caption)}</text>')
        if has_prev and b.previous is not None:
            body.append(
                f'<rect x="{left}" y="{y + 20}" width="{_n(unit * b.previous)}" height="7"'
                f' fill="url(#{uid}-dots)" stroke="{MID}" stroke-width="0.8"/>'
            )
    if has_prev:
        ly = height - 10
        body.append(
            _swatch(left, ly, f"url(#{uid}-hatch)", INK, this_label)
            + f'<rect x="{left + 200}" y="{ly - 8}" width="22" height="7" fill="url(#{uid}-dots)" stroke="{MID}" stroke-width="0.8"/>'
            f'<text x="{left + 228}" y="{ly}" font-size="11">{_t(previous_label)}</text>'
        )
    return _svg(uid, width, height, title, body)


# ---------------------------------------------------------------------------------------------
# DORA: each metric's tier against the benchmark ladder


@dataclass(frozen=True)
class TierRow:
    label: str
    value: str  # the team's input, e.g. "2/week"
    tier: str | None  # tier id, None when the metric has no tiers
    previous_tier: str | None = None


def dora_tiers(
    rows: Sequence[TierRow],
    tiers: Sequence[tuple[str, str]],
    *,
    uid: str,
    title: str,
    previous_label: str | None = None,
) -> Markup:
    """One row of tier cells per metric, best tier first (as the benchmark table beside it);
    the team's tier is filled dark and marked with a dot, an earlier tier framed with dashes.

    ``tiers`` are (id, label) pairs best first, as the benchmark lists them.
    """
    ladder = list(tiers)
    left, cell, gap, top, row = 215, 86, 4, 28, 34
    width = left + len(ladder) * (cell + gap) + 8
    show_prev = previous_label is not None and any(r.previous_tier for r in rows)
    height = top + row * len(rows) + (26 if show_prev else 6)
    body: list[str] = []
    for j, (_, label) in enumerate(ladder):
        x = left + j * (cell + gap) + cell / 2
        body.append(
            f'<text x="{_n(x)}" y="{top - 10}" text-anchor="middle" font-size="10.5" font-weight="700"'
            f' fill="{MID}">{_t(label)}</text>'
        )
    for i, r in enumerate(rows):
        y = top + i * row
        body.append(
            f'<text x="{left - 12}" y="{y + 13}" text-anchor="end" font-weight="700" font-size="11.5">{_t(_clip(r.label, 34))}</text>'
            f'<text x="{left - 12}" y="{y + 26}" text-anchor="end" font-size="10.5" fill="{MID}">{_t(r.value)}</text>'
        )
        for j, (tid, label) in enumerate(ladder):
            x = left + j * (cell + gap)
            mine = tid == r.tier
            body.append(
                f'<rect x="{x}" y="{y}" width="{cell}" height="26" rx="3"'
                f' fill="{INK if mine else WASH}" stroke="{INK if mine else GRID}" stroke-width="{1.5 if mine else 0.8}"/>'
            )
            if mine:
                body.append(
                    f'<text x="{_n(x + cell / 2)}" y="{y + 17}" text-anchor="middle" font-size="11"'
                    f' font-weight="700" fill="{PAPER}">● {_t(label)}</text>'
                )
            if show_prev and tid == r.previous_tier:
                body.append(
                    f'<rect x="{x + 3}" y="{y + 3}" width="{cell - 6}" height="20" rx="2" fill="none"'
                    f' stroke="{PAPER if mine else MID}" stroke-width="1.3" stroke-dasharray="4 2"/>'
                )
    if show_prev:
        ly = height - 8
        body.append(
            f'<rect x="{left}" y="{ly - 11}" width="26" height="14" rx="2" fill="{WASH}" stroke="{MID}"'
            f' stroke-width="1.3" stroke-dasharray="4 2"/>'
            f'<text x="{left + 32}" y="{ly}" font-size="11">{_t(previous_label)}</text>'
        )
    return _svg(uid, width, height, title, body)


# ---------------------------------------------------------------------------------------------
# Quick Check scores against the all-industries mean


@dataclass(frozen=True)
class ScoreRow:
    label: str
    score: float  # 0-10
    mean: float | None
    emphasis: bool = False  # summary rows (throughput, stability, overall) in bold


def quickcheck(
    rows: Sequence[ScoreRow],
    *,
    uid: str,
    title: str,
    team_label: str,
    mean_label: str,
) -> Markup:
    """Bars on 0-10 for the team, a diamond and tick for DORA's all-industries mean."""
    left, right, top, row = 215, 545, 24, 26
    width = 640
    height = top + row * len(rows) + 30
    unit = (right - left) / 10
    body = [f"<defs>{_hatch(f'{uid}-hatch')}</defs>"]
    for k in range(0, 11, 2):
        x = left + unit * k
        body.append(
            f'<line x1="{_n(x)}" y1="{top - 4}" x2="{_n(x)}" y2="{top + row * len(rows)}"'
            f' stroke="{GRID}" stroke-width="0.7"/>'
            f'<text x="{_n(x)}" y="{top - 8}" text-anchor="middle" font-size="10" fill="{MID}">{k}</text>'
        )
    for i, r in enumerate(rows):
        y = top + i * row + 5
        weight = ' font-weight="700"' if r.emphasis else ""
        body.append(
            f'<text x="{left - 10}" y="{y + 11}" text-anchor="end" font-size="11.5"{weight}>{_t(_clip(r.label, 34))}</text>'
            f'<rect x="{left}" y="{y}" width="{_n(unit * max(0.0, min(10.0, r.score)))}" height="14"'
            f' fill="url(#{uid}-hatch)" stroke="{INK}" stroke-width="1"/>'
            f'<text x="{right + 10}" y="{y + 11}" font-size="11"{weight}>{r.score:.1f}</text>'
        )
        if r.mean is not None:
            mx = left + unit * r.mean
            body.append(
                f'<line x1="{_n(mx)}" y1="{y - 3}" x2="{_n(mx)}" y2="{y + 17}" stroke="{INK}" stroke-width="1.6"/>'
                f'<polygon points="{_n(mx)},{y - 7} {_n(mx + 4)},{y - 3} {_n(mx)},{y + 1} {_n(mx - 4)},{y - 3}"'
                f' fill="{PAPER}" stroke="{INK}" stroke-width="1.2"/>'
                f'<text x="{right + 44}" y="{y + 11}" font-size="10.5" fill="{MID}">◇ {r.mean:.1f}</text>'
            )
    ly = height - 8
    body.append(
        _swatch(left, ly, f"url(#{uid}-hatch)", INK, team_label)
        + f'<polygon points="{left + 190},{ly - 12} {left + 194},{ly - 8} {left + 190},{ly - 4} {left + 186},{ly - 8}"'
        f' fill="{PAPER}" stroke="{INK}" stroke-width="1.2"/>'
        f'<line x1="{left + 190}" y1="{ly - 4}" x2="{left + 190}" y2="{ly + 2}" stroke="{INK}" stroke-width="1.6"/>'
        f'<text x="{left + 200}" y="{ly}" font-size="11">{_t(mean_label)}</text>'
    )
    return _svg(uid, width, height, title, body)


@dataclass(frozen=True)
class WeekPoint:
    label: str  # the block's first day, e.g. "01-08"
    deploys: int
    lead_hours: float | None
    failures: int


def weekly_series(
    weeks: Sequence[WeekPoint],
    *,
    uid: str,
    title: str,
    deploys_label: str,
    lead_label: str,
    failures_label: str,
) -> Markup:
    """Three small panels over the same weeks: deploys (hatched bars), median lead time (a
    solid line with round markers; gaps where no commit shipped) and failed deploys (dotted
    bars with diamonds). Each panel states its largest value, so no colour is needed."""
    width, left, right = 640, 150, 14
    panel, gap, top = 62, 16, 10
    n = max(len(weeks), 1)
    step = (width - left - right) / n
    height = top + 3 * (panel + gap) + 24
    body: list[str] = [f"<defs>{_hatch(f'{uid}-h')}{_dots(f'{uid}-d', INK)}</defs>"]

    def frame(i: int, label: str, peak: str) -> tuple[float, float]:
        y0 = top + i * (panel + gap)
        body.append(
            f'<rect x="{left}" y="{y0}" width="{width - left - right}" height="{panel}"'
            f' fill="none" stroke="{GRID}"/>'
            f'<text x="{left - 8}" y="{y0 + 16}" text-anchor="end" font-weight="700"'
            f' font-size="11">{_t(_clip(label, 24))}</text>'
            f'<text x="{left - 8}" y="{y0 + 31}" text-anchor="end" font-size="10.5"'
            f' fill="{MID}">{_t(peak)}</text>'
        )
        return y0, y0 + panel

    # deploys per week
    most = max((w.deploys for w in weeks), default=0)
    _, y1 = frame(0, deploys_label, f"max {most}")
    for i, w in enumerate(weeks):
        if w.deploys:
            h = (panel - 6) * w.deploys / most
            body.append(
                f'<rect x="{_n(left + i * step + step * 0.18)}" y="{_n(y1 - h)}"'
                f' width="{_n(step * 0.64)}" height="{_n(h)}" fill="url(#{uid}-h)"'
                f' stroke="{INK}" stroke-width="0.8"/>'
            )
    # median lead time
    leads = [w.lead_hours for w in weeks if w.lead_hours is not None]
    peak = max(leads, default=0.0)
    _, y1 = frame(1, lead_label, f"max {peak:.0f} h" if leads else "–")
    segment: list[str] = []
    for i, w in enumerate([*weeks, WeekPoint("", 0, None, 0)]):
        if w.lead_hours is None or not peak:
            if len(segment) > 1:
                body.append(
                    f'<polyline points="{" ".join(segment)}" fill="none" stroke="{INK}"'
                    ' stroke-width="1.8"/>'
                )
            segment = []
            continue
        x = left + i * step + step / 2
        y = y1 - (panel - 8) * w.lead_hours / peak - 2
        segment.append(f"{_n(x)},{_n(y)}")
        body.append(f'<circle cx="{_n(x)}" cy="{_n(y)}" r="3" fill="{INK}"/>')
    # failures
    worst = max((w.failures for w in weeks), default=0)
    _, y1 = frame(2, failures_label, f"max {worst}")
    for i, w in enumerate(weeks):
        if w.failures:
            h = (panel - 6) * w.failures / worst
            x = left + i * step + step * 0.18
            body.append(
                f'<rect x="{_n(x)}" y="{_n(y1 - h)}" width="{_n(step * 0.64)}" height="{_n(h)}"'
                f' fill="url(#{uid}-d)" stroke="{INK}" stroke-width="0.8"/>'
                f'<path d="M{_n(x + step * 0.32)} {_n(y1 - h - 7)} l4 4 l-4 4 l-4 -4 z"'
                f' fill="{INK}"/>'
            )
    # week labels, at most ~10 so they never collide
    every = max(1, math.ceil(n / 10))
    for i, w in enumerate(weeks):
        if i % every == 0:
            body.append(
                f'<text x="{_n(left + i * step + step / 2)}" y="{height - 8}"'
                f' text-anchor="middle" font-size="10" fill="{MID}">{_t(w.label)}</text>'
            )
    return _svg(uid, width, height, title, body)


# ---------------------------------------------------------------------------------------------
# Plan: today, projected after each phase, and the target, per dimension


@dataclass(frozen=True)
class PlanRow:
    label: str
    today: float | None
    phases: Sequence[float | None]  # projected score after Now, Next, Later
    target: int


def plan_progress(
    rows: Sequence[PlanRow],
    *,
    uid: str,
    title: str,
    phase_labels: Sequence[str],
    today_label: str,
    target_label: str,
) -> Markup:
    """Per dimension on the 0-5 scale: today's score as a hatched bar, the projected score after
    each phase as a numbered tick, the target level as a diamond. ``title`` is the chart's text
    alternative (the PDF's /Alt): the view passes every number in words."""
    row = 40
    left, right, top = 120, 560, 26
    width = 640
    height = top + row * len(rows) + 30
    unit, body = _level_plot(left, right, top, top + row * len(rows), _hatch(f"{uid}-hatch"))
    for i, r in enumerate(rows):
        y = top + i * row + 8
        body.append(_row_label(left, y + 12, r.label))
        if r.today is not None:
            body.append(
                f'<rect x="{left}" y="{y}" width="{_n(unit * r.today)}" height="16"'
                f' fill="url(#{uid}-hatch)" stroke="{INK}" stroke-width="1.2"/>'
            )
        ticks = [(left + unit * v, k + 1) for k, v in enumerate(r.phases) if v is not None]
        for x, _ in ticks:
            body.append(
                f'<line x1="{_n(x)}" y1="{y - 3}" x2="{_n(x)}" y2="{y + 19}" stroke="{MID}" stroke-width="1.6"/>'
            )
        # Numbered below the bar, clear of the level scale; phases that land (almost) on the
        # same score share one label ("1–3") instead of overprinting each other.
        groups: list[list[tuple[float, int]]] = []
        for tick in ticks:
            if groups and tick[0] - groups[-1][-1][0] < 12:
                groups[-1].append(tick)
            else:
                groups.append([tick])
        for g in groups:
            label = str(g[0][1]) if len(g) == 1 else f"{g[0][1]}–{g[-1][1]}"
            x = (g[0][0] + g[-1][0]) / 2
            body.append(
                f'<text x="{_n(x)}" y="{y + 29}" text-anchor="middle" font-size="9" fill="{MID}">{label}</text>'
            )
        tx = left + unit * r.target
        body.append(
            f'<polygon points="{_n(tx)},{y + 1} {_n(tx + 7)},{y + 8} {_n(tx)},{y + 15} {_n(tx - 7)},{y + 8}"'
            f' fill="{PAPER}" stroke="{INK}" stroke-width="1.6"/>'
        )
    ly = height - 10
    legend = _swatch(left, ly, f"url(#{uid}-hatch)", INK, today_label)
    legend += (
        f'<polygon points="{left + 150},{ly - 9} {left + 157},{ly - 4} {left + 150},{ly + 1} {left + 143},{ly - 4}"'
        f' fill="{PAPER}" stroke="{INK}" stroke-width="1.4"/>'
        f'<text x="{left + 162}" y="{ly}" font-size="11">{_t(target_label)}</text>'
    )
    phases = " · ".join(f"{k + 1} {label}" for k, label in enumerate(phase_labels))
    legend += f'<text x="{left + 260}" y="{ly}" font-size="11" fill="{MID}">{_t(phases)}</text>'
    body.append(legend)
    return _svg(uid, width, height, title, body)
