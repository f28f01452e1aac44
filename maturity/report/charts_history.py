"""SVG charts of the comparison, trend and portfolio reports: paired bars and a trend line chart.

They follow the rules of :mod:`maturity.report.charts` (and reuse its helpers and inks): each
returns one complete ``<svg>`` as Markup to inline in HTML and PDF alike, all text escaped, and
nothing rests on colour. A trend printed in greyscale must still say which line is which, so
every series has its own dash pattern *and* marker shape, and is named at the end of its line
(a legend would make the reader match patterns by eye); bars differ by fill pattern.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from maturity.report.charts import (
    GRID,
    INK,
    MID,
    PAPER,
    WASH,
    _clip,
    _dots,
    _hatch,
    _level_plot,
    _n,
    _row_label,
    _svg,
    _swatch,
    _t,
)
from maturity.textfmt import format_score

# ---------------------------------------------------------------------------------------------
# Paired bars: A and B per dimension


@dataclass(frozen=True)
class PairedBar:
    label: str
    a: float | None  # 1.0-5.0; None when the dimension had no score on that side
    b: float | None
    delta: str  # already formatted, e.g. "+1.00"; "" when there is nothing to compare
    symbol: str  # ▲ ▼ = ● ○


def paired_bars(
    bars: Sequence[PairedBar],
    *,
    uid: str,
    title: str,
    a_label: str,
    b_label: str,
) -> Markup:
    """Two bars per dimension on the 0-5 scale: A dotted above, B hatched below, values and
    the change printed beside them, so the chart reads without the table and without colour."""
    left, right, top, row = 130, 430, 26, 46
    width = 640
    height = top + row * len(bars) + 30
    unit, body = _level_plot(
        left, right, top, top + row * len(bars), _hatch(f"{uid}-hatch") + _dots(f"{uid}-dots")
    )
    for i, bar in enumerate(bars):
        y = top + i * row + 6
        body.append(_row_label(left, y + 19, bar.label))
        for value, dy, fill, stroke, tag in (
            (bar.a, 0, f"url(#{uid}-dots)", MID, "A"),
            (bar.b, 17, f"url(#{uid}-hatch)", INK, "B"),
        ):
            if value is not None:
                body.append(
                    f'<rect x="{left}" y="{y + dy}" width="{_n(unit * max(0.0, min(5.0, value)))}"'
                    f' height="14" fill="{fill}" stroke="{stroke}" stroke-width="1.1"/>'
                )
            shown = format_score(value)
            body.append(
                f'<text x="{right + 8}" y="{y + dy + 11}" font-size="11">'
                f'<tspan fill="{MID}">{tag}</tspan> {_t(shown)}</text>'
            )
        if bar.delta:
            body.append(
                f'<text x="{right + 70}" y="{y + 19}" font-size="12" font-weight="700">'
                f"{_t(bar.symbol)} {_t(bar.delta)}</text>"
            )
    ly = height - 10
    body.append(
        _swatch(left, ly, f"url(#{uid}-dots)", MID, f"A · {a_label}")
        + _swatch(left + 230, ly, f"url(#{uid}-hatch)", INK, f"B · {b_label}")
    )
    return _svg(uid, width, height, title, body)


# ---------------------------------------------------------------------------------------------
# Trend: one line per dimension over time, and the DORA tier per assessment

DASHES: tuple[str, ...] = ("", "7 4", "2 3", "10 3 2 3", "4 2", "1 3", "12 4", "6 2 1 2")
"""Dash patterns, one per series (cycled): the first line is solid."""

MARKERS: tuple[tuple[str, bool], ...] = (
    ("circle", True),
    ("square", False),
    ("triangle", True),
    ("diamond", False),
    ("down", True),
    ("circle", False),
    ("square", True),
    ("diamond", True),
)
"""(shape, filled) per series (cycled), so two lines never share both dash and marker."""


def marker(shape: str, filled: bool, x: float, y: float, size: float = 3.8) -> str:
    """One marker at (x, y); hollow markers are white inside so they read over grid lines."""
    fill = INK if filled else PAPER
    common = f'fill="{fill}" stroke="{INK}" stroke-width="1.3"'
    s = size
    if shape == "circle":
        return f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{_n(s)}" {common}/>'
    if shape == "square":
        return (
            f'<rect x="{_n(x - s * 0.85)}" y="{_n(y - s * 0.85)}" width="{_n(s * 1.7)}"'
            f' height="{_n(s * 1.7)}" {common}/>'
        )
    if shape == "triangle":
        pts = [(x, y - s * 1.15), (x + s * 1.05, y + s * 0.8), (x - s * 1.05, y + s * 0.8)]
    elif shape == "down":
        pts = [(x, y + s * 1.15), (x + s * 1.05, y - s * 0.8), (x - s * 1.05, y - s * 0.8)]
    else:  # diamond
        pts = [(x, y - s * 1.2), (x + s * 1.2, y), (x, y + s * 1.2), (x - s * 1.2, y)]
    return f'<polygon points="{" ".join(f"{_n(px)},{_n(py)}" for px, py in pts)}" {common}/>'


@dataclass(frozen=True)
class Series:
    label: str
    values: list[float | None]  # one per point, oldest first; None: not scored then


def spread_labels(wanted: Sequence[float], gap: float, low: float, high: float) -> list[float]:
    """Y positions for end-of-line labels: as close to ``wanted`` as possible, at least ``gap``
    apart and inside [low, high], in the same order (so a label never jumps over another)."""
    order = sorted(range(len(wanted)), key=lambda i: (wanted[i], i))
    placed = [0.0] * len(wanted)
    last = low - gap
    for i in order:
        last = max(wanted[i], last + gap)
        placed[i] = last
    overflow = placed[order[-1]] - high if order else 0.0
    if overflow > 0:  # pushed past the bottom: slide the stack up, keeping the gaps
        nxt = high + gap
        for i in reversed(order):
            nxt = min(placed[i], nxt - gap)
            placed[i] = max(low, nxt)
    return placed


def trend_lines(
    series: Sequence[Series],
    positions: Sequence[float],
    dates: Sequence[str],
    tiers: Sequence[str | None],
    ladder: Sequence[tuple[str, str]],
    *,
    uid: str,
    title: str,
    axis_label: str,
    tier_title: str,
    none_label: str,
) -> Markup:
    """Scores (1-5) per series over time, each line labelled at its end, and under it a panel
    with the overall DORA tier of every point on the ``ladder`` ((id, label), best first).

    ``positions`` place the points along the time axis (0.0 = first, 1.0 = latest), so uneven
    gaps between assessments show as uneven gaps; ``dates`` label them, thinned where they
    would overlap (the table beside the chart lists every one).
    """
    width = 640
    left, right, top, plot_h = 70, 470, 30, 210
    bottom = top + plot_h
    n = len(positions)
    pad = 14  # keep the first and last markers off the frame

    def x_at(i: int) -> float:
        return left + pad + (right - left - 2 * pad) * (positions[i] if n > 1 else 0.5)

    def y_at(score: float) -> float:
        return bottom - (max(1.0, min(5.0, score)) - 1.0) / 4.0 * plot_h

    small = n > 24
    size = 2.6 if small else 3.8
    body: list[str] = []
    # level bands and grid
    for level in range(1, 5):
        if level % 2:
            body.append(
                f'<rect x="{left}" y="{_n(y_at(level + 1))}" width="{right - left}"'
                f' height="{_n(plot_h / 4)}" fill="{WASH}" fill-opacity="0.6"/>'
            )
    for level in range(1, 6):
        y = y_at(level)
        body.append(
            f'<line x1="{left}" y1="{_n(y)}" x2="{right}" y2="{_n(y)}" stroke="{GRID}"'
            f' stroke-width="{1 if level in (1, 5) else 0.7}"/>'
            f'<text x="{left - 8}" y="{_n(y + 4)}" text-anchor="end" font-size="10"'
            f' fill="{MID}">{level}</text>'
        )
    body.append(
        f'<text x="{left - 8}" y="{top - 14}" text-anchor="end" font-size="10" font-weight="700"'
        f' fill="{MID}">{_t(axis_label)}</text>'
    )
    panel_top = bottom + 50
    row_h = 14
    rows = [*ladder, ("", none_label)]
    panel_bottom = panel_top + row_h * (len(rows) - 1)
    # a faint rule per assessment ties its scores to its DORA tier; with many points the
    # rules would only grey the chart (the markers still line up)
    for i in range(0 if small else n):
        body.append(
            f'<line x1="{_n(x_at(i))}" y1="{top}" x2="{_n(x_at(i))}" y2="{panel_bottom}"'
            f' stroke="{GRID}" stroke-width="0.6" stroke-dasharray="2 3"/>'
        )
    # date labels, thinned greedily from the left; the latest is always shown
    min_gap = 66.0
    shown: list[int] = []
    for i in range(n):
        if not shown or x_at(i) - x_at(shown[-1]) >= min_gap:
            shown.append(i)
    if n and shown[-1] != n - 1:
        if len(shown) > 1 and x_at(n - 1) - x_at(shown[-1]) < min_gap:
            shown.pop()
        shown.append(n - 1)
    for i in shown:
        body.append(
            f'<text x="{_n(x_at(i))}" y="{bottom + 20}" text-anchor="middle" font-size="10"'
            f' fill="{MID}">{_t(dates[i])}</text>'
        )
    # one line per series: runs between missing values are drawn separately
    ends: list[tuple[int, float, float]] = []  # (series index, last x, last y)
    for k, s in enumerate(series):
        dash = DASHES[k % len(DASHES)]
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        run: list[tuple[float, float]] = []
        runs: list[list[tuple[float, float]]] = []
        for i, v in enumerate(s.values):
            if v is None:
                if run:
                    runs.append(run)
                run = []
            else:
                run.append((x_at(i), y_at(v)))
        if run:
            runs.append(run)
        for r in runs:
            if len(r) > 1:
                body.append(
                    f'<polyline points="{" ".join(f"{_n(x)},{_n(y)}" for x, y in r)}"'
                    f' fill="none" stroke="{INK}" stroke-width="1.8" stroke-linejoin="round"'
                    f"{dash_attr}/>"
                )
        shape, filled = MARKERS[k % len(MARKERS)]
        for r in runs:
            body += [marker(shape, filled, x, y, size) for x, y in r]
        if runs:
            ends.append((k, runs[-1][-1][0], runs[-1][-1][1]))
    # direct labels at the right, spread so they never overlap, with a leader to the line end
    label_x = right + 22
    placed = spread_labels([y for _, _, y in ends], 14.0, top, bottom)
    for (k, ex, ey), ly in zip(ends, placed, strict=True):
        s = series[k]
        last = next(v for v in reversed(s.values) if v is not None)
        shape, filled = MARKERS[k % len(MARKERS)]
        dash = DASHES[k % len(DASHES)]
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        body.append(
            f'<line x1="{_n(ex + size + 2)}" y1="{_n(ey)}" x2="{label_x - 4}" y2="{_n(ly)}"'
            f' stroke="{MID}" stroke-width="0.6"/>'
            f'<line x1="{label_x}" y1="{_n(ly)}" x2="{label_x + 22}" y2="{_n(ly)}" stroke="{INK}"'
            f' stroke-width="1.8"{dash_attr}/>'
            + marker(shape, filled, label_x + 11, ly, 3.4)
            + f'<text x="{label_x + 28}" y="{_n(ly + 4)}" font-size="10.5">'
            f'<tspan font-weight="700">{_t(_clip(s.label, 14))}</tspan>'
            f' <tspan fill="{MID}">{format_score(last)}</tspan></text>'
        )
    # the DORA panel
    body.append(
        f'<text x="{left - 8}" y="{panel_top - 12}" text-anchor="end" font-size="10"'
        f' font-weight="700" fill="{MID}">{_t(tier_title)}</text>'
    )
    row_of = {tid: j for j, (tid, _) in enumerate(rows) if tid}
    for j, (_tid, label) in enumerate(rows):
        y = panel_top + j * row_h
        body.append(
            f'<line x1="{left}" y1="{y}" x2="{right}" y2="{y}" stroke="{GRID}" stroke-width="0.7"/>'
            f'<text x="{left - 8}" y="{y + 3.5}" text-anchor="end" font-size="9.5"'
            f' fill="{MID}">{_t(label)}</text>'
        )
    prev: tuple[float, float] | None = None
    for i, tier in enumerate(tiers):
        x = x_at(i)
        if tier is not None and tier in row_of:
            y = panel_top + row_of[tier] * row_h
            if prev is not None:
                body.append(
                    f'<line x1="{_n(prev[0])}" y1="{_n(prev[1])}" x2="{_n(x)}" y2="{_n(y)}"'
                    f' stroke="{INK}" stroke-width="1.4"/>'
                )
            body.append(marker("diamond", True, x, y, 3.6 if not small else 2.6))
            prev = (x, y)
        else:
            y = panel_bottom
            body.append(
                f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{2.2 if small else 3}" fill="{PAPER}"'
                f' stroke="{MID}" stroke-width="1.1"/>'
            )
            prev = None
    height = panel_bottom + 14
    return _svg(uid, width, height, title, body)
