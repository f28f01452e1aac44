"""The measured window week by week (deploys and failed deploys), drawn with textual-plotext.

ASCII only inside the plot (plotext measures labels in characters, not cells); deploys are
bars, failures are ``x`` markers, so the two read apart without colour.
"""

from __future__ import annotations

from typing import Any

from textual_plotext import PlotextPlot

from maturity.measure.model import Week


class WeeklyChart(PlotextPlot):
    """Deploys per week as bars and failed deploys as markers over the same weeks."""

    DEFAULT_CSS = "WeeklyChart { height: 12; }"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.weeks: list[Week] = []

    def set_weeks(self, weeks: list[Week]) -> None:
        self.weeks = list(weeks)
        self.replot()

    def on_mount(self) -> None:
        self.replot()

    def replot(self) -> None:
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        if not self.weeks:
            self.refresh()
            return
        xs = list(range(1, len(self.weeks) + 1))
        plt.bar(xs, [w.deploys for w in self.weeks], marker="sd", width=0.6)
        fails = [(x, w.failures) for x, w in zip(xs, self.weeks, strict=True) if w.failures]
        if fails:
            plt.scatter([x for x, _ in fails], [y for _, y in fails], marker="x")
        step = max(1, len(xs) // 6)
        ticks = xs[::step]
        plt.xticks(
            [float(i) for i in ticks], [self.weeks[i - 1].start.strftime("%m-%d") for i in ticks]
        )
        top = max(1, max(w.deploys for w in self.weeks))
        plt.ylim(0, top * 1.15)
        every = max(1, top // 4)
        plt.yticks([float(v) for v in range(0, top + 1, every)])
        self.refresh()
