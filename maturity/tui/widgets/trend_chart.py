"""A team's dimension scores over time, with its DORA tier, drawn with textual-plotext.

Every text plotext draws inside the chart is ASCII on purpose (numbers, dates, one-character
markers): plotext measures labels in characters, not terminal cells, so a Korean label would
push the frame out of line. Dimension names therefore live in a legend the screen draws with
Rich (see :mod:`maturity.tui.screens.trend`), keyed by the same markers and colours.

Each series is readable without colour too: its points carry its marker (``1``, ``2``, …).
The DORA tier of each assessment is a row of letters (``L``, ``M``, ``H``, ``E``; ``-`` when
there are not enough metrics) along the bottom of the plot, under that assessment's points:
tiers drawn on the score scale were hidden under the score lines wherever they crossed, and
a separate plot would cost rows an 80x24 terminal does not have.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from textual.app import RenderResult
from textual_plotext import PlotextPlot

SERIES_COLOURS: tuple[tuple[int, int, int], ...] = (
    (0, 135, 255),
    (255, 135, 0),
    (0, 175, 95),
    (215, 0, 175),
    (175, 135, 0),
    (0, 175, 215),
    (215, 95, 95),
    (135, 95, 255),
)
"""Line colours, chosen to stay visible on both the light and the dark theme."""

DORA_COLOUR: tuple[int, int, int] = (128, 128, 128)
MARKERS = "123456789abcdefghijklmnopqrstuvwxyz"
TIER_LETTERS: dict[str, str] = {"low": "L", "medium": "M", "high": "H", "elite": "E"}
NO_TIER = "-"
TIER_ROW_Y = 0.45
"""Height of the DORA row, below the lowest score (1.0) so no line ever crosses it."""
Y_RANGE = (0.2, 5.15)

DATE_WIDTH = 10
RIGHT_AXIS = 2
"""plotext's number for the right y axis (its type stubs accept the number, not "right")."""


def series_colour(index: int) -> tuple[int, int, int]:
    return SERIES_COLOURS[index % len(SERIES_COLOURS)]


def series_marker(index: int) -> str:
    return MARKERS[index % len(MARKERS)]


def tick_indices(count: int, width: int, label_width: int = DATE_WIDTH) -> list[int]:
    """The points that get a date under the axis: all when they fit, else evenly spaced ones
    (always the first and the last), so labels never run into each other."""
    if count <= 0:
        return []
    fit = max(2, width // (label_width + 2))
    if count <= fit:
        return list(range(count))
    step = (count - 1) / (fit - 1)
    return sorted({round(i * step) for i in range(fit)})


def segments(values: list[float | None]) -> list[list[tuple[int, float]]]:
    """Runs of consecutive known values as (x, y), x counted from 1: a dimension without
    enough answers in one assessment leaves a gap instead of a line drawn through it."""
    runs: list[list[tuple[int, float]]] = []
    current: list[tuple[int, float]] = []
    for x, y in enumerate(values, start=1):
        if y is None:
            if current:
                runs.append(current)
            current = []
        else:
            current.append((x, y))
    if current:
        runs.append(current)
    return runs


def marker_points(
    series: list[list[float | None]], plot_width: int, count: int
) -> list[tuple[int, float, float]]:
    """(series index, x, y) of every marker. Series with the same value at the same point
    are spread over neighbouring cells instead of drawn on one (where the last would hide the
    others): identical lines keep distinct markers."""
    cell = (count + 0.4 - 0.6) / plot_width  # x units per terminal cell
    at: dict[tuple[int, float], list[int]] = {}
    for i, values in enumerate(series):
        for run in segments(values):
            for x, y in run:
                at.setdefault((x, round(y, 1)), []).append(i)
    out: list[tuple[int, float, float]] = []
    for (x, y), group in at.items():
        m = len(group)
        for k, i in enumerate(group):
            out.append((i, x + (k - (m - 1) / 2) * cell, y))
    return out


@dataclass(frozen=True)
class ChartData:
    """What the chart shows: one x position per assessment, oldest first."""

    dates: list[str]
    series: list[list[float | None]] = field(default_factory=list)
    """Per dimension (in legend order), its score in each assessment (None: not enough answers)."""
    tiers: list[str | None] = field(default_factory=list)
    """The DORA tier of each assessment (None: not enough metrics)."""


class TrendChart(PlotextPlot):
    """Scores on the left axis (1-5); the DORA tier on the right axis (L, M, H, E)."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        super().__init__(id=id)
        self.data: ChartData | None = None

    def show(self, data: ChartData) -> None:
        self.data = data
        self.refresh()

    def render(self) -> RenderResult:
        # Drawn at render time: which dates fit under the axis depends on the current width.
        self._draw()
        return super().render()

    def _draw(self) -> None:
        plt = self.plt
        plt.clear_data()
        data = self.data
        if data is None or not data.dates:
            return
        n = len(data.dates)
        # Lines first, then the markers on top of them (a later drawing covers an earlier one).
        for i, values in enumerate(data.series):
            for run in segments(values):
                if len(run) > 1:
                    xs, ys = zip(*run, strict=True)
                    plt.plot(list(xs), list(ys), color=series_colour(i), marker="braille")
        for x, tier in enumerate(data.tiers, start=1):
            letter = TIER_LETTERS.get(tier or "", NO_TIER)
            plt.scatter(
                [x], [TIER_ROW_Y], color=DORA_COLOUR, marker=letter, style="bold", yside="right"
            )
        points = marker_points(data.series, max(self.size.width - 8, 10), n)
        for i, px, py in points:
            plt.scatter([px], [py], color=series_colour(i), marker=series_marker(i))
        plt.xlim(0.6, n + 0.4)
        plt.ylim(*Y_RANGE)
        plt.yticks([1, 2, 3, 4, 5])
        plt.ylim(*Y_RANGE, yside=RIGHT_AXIS)
        plt.yticks([TIER_ROW_Y], ["DORA"], yside=RIGHT_AXIS)
        shown = tick_indices(n, max(self.size.width - 6, 0))
        plt.xticks([i + 1 for i in shown], [data.dates[i][:DATE_WIDTH] for i in shown])
