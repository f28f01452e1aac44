"""Trend: one team's dimension scores over time, its DORA tier, and the points as a table.

The numbers are :meth:`maturity.workspace.Workspace.trend` (the same computation as
``maturity trend``), read on the store thread. A team with a single assessment gets a message
saying how to start the next one instead of a chart with one dot on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len, set_cell_size
from rich.style import Style
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import DataTable, Static

from maturity.errors import MaturityError, NotFoundError
from maturity.textfmt import format_delta, format_score
from maturity.tui.messages import GoHome, OpenResults
from maturity.tui.safe import safe_str, styled
from maturity.tui.screens.snapshot import SNAPSHOT_ACTIONS, SnapshotScreen, Target
from maturity.tui.widgets.footer import KeyFooter
from maturity.tui.widgets.trend_chart import (
    DORA_COLOUR,
    TIER_LETTERS,
    ChartData,
    TrendChart,
    series_colour,
    series_marker,
)

if TYPE_CHECKING:
    from maturity.model.history import Trend, TrendPoint


@dataclass(frozen=True)
class Single:
    """The only assessment of a team that has just one."""

    id: str
    team: str
    created: str


class TrendScreen(SnapshotScreen):
    HELP_GROUP = "help.screen.trend"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r,enter", "results", "Results", id="results", key_display="⏎"),
        Binding("c", "compare", "Compare with previous", id="compare_previous"),
        Binding("f", "new_from", "New from this", id="new_from", show=False),
        Binding("escape", "back", "Back", id="back"),
        Binding("q", "home", "Home", id="home"),
    ]

    def __init__(self, team: str) -> None:
        super().__init__()
        self.team = team
        self.trend: Trend | None = None
        self.single: Single | None = None
        self.titles: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        with Horizontal(classes="topbar"):
            yield Static(id="t-title", classes="topbar-title")
        with Vertical(id="t-main"):
            yield TrendChart(id="t-chart")
            yield Static(id="t-legend")
            yield Static(id="t-actions-done", classes="dim")
            yield DataTable(id="t-points", cursor_type="row", zebra_stripes=True)
            yield Static(id="t-single")
        yield KeyFooter()

    def on_mount(self) -> None:
        for widget_id in ("#t-chart", "#t-legend", "#t-points", "#t-single", "#t-actions-done"):
            self.query_one(widget_id).display = False
        self.load()

    def on_screen_resume(self) -> None:
        # Back from a new assessment started here ("f"), or from changed answers.
        if self.trend is not None or self.single is not None:
            self.load()

    def on_language_changed(self, message: object) -> None:
        # Titles and tiers are computed in the language: read them again.
        self.refresh_bindings()
        self.load()

    # -- data -------------------------------------------------------------------------------

    @work(exclusive=True, group="trend-load", exit_on_error=False)
    async def load(self) -> None:
        ws = self.gateway.workspace
        lang = self.lang
        team = self.team

        def _compute() -> tuple[Trend | None, Single | None, dict[str, str]]:
            from maturity.tui.titles import dimension_titles

            ids = ws.store.ids_for_team(team)
            if not ids:
                raise NotFoundError(code="team.not_found", params={"team": team.strip()})
            if len(ids) < 2:
                a = ws.get(ids[0])
                return None, Single(a.id, a.team, a.created.isoformat()[:10]), {}
            trend = ws.trend(team, lang)
            samples = [(p.questionnaire, p.id) for p in trend.points]
            return trend, None, dimension_titles(ws, samples, lang)

        try:
            self.trend, self.single, self.titles = await self.gateway.run(_compute)
        except MaturityError as exc:
            self.notify(self.error_text(exc), title=self.t("error.title"), severity="error")
            self.dismiss()
            return
        if self.trend is not None:
            self.team = self.trend.team
        elif self.single is not None:
            self.team = self.single.team
        self.refresh_view()
        self.refresh_bindings()

    # -- view -------------------------------------------------------------------------------

    def refresh_view(self) -> None:
        title = self.query_one("#t-title", Static)
        single = self.query_one("#t-single", Static)
        has_trend = self.trend is not None
        for widget_id in ("#t-chart", "#t-legend", "#t-points"):
            self.query_one(widget_id).display = has_trend
        single.display = self.single is not None
        if self.single is not None:
            s = self.single
            title.update(styled("[b]$heading[/b]", heading=self.tc("trend.heading", team=s.team)))
            single.update(
                styled(
                    "[b]$one[/b]\n\n$next",
                    one=self.tc("trend.one", team=s.team, date=s.created),
                    next=Content(self.t("trend.one.next")),  # ours: its line breaks stay
                )
            )
            return
        trend = self.trend
        shares = self.query_one("#t-actions-done", Static)
        shares.display = trend is not None and bool(trend.actions_done)
        if trend is None:
            return
        if trend.actions_done:
            from maturity.tui.screens.plan import done_share_text

            shares.update(done_share_text(self, trend.actions_done, with_team=False))
        first, last = trend.points[0], trend.points[-1]
        title.update(
            styled(
                "[b]$heading[/b] · $count",
                heading=self.tc("trend.heading", team=trend.team),
                count=self.t(
                    "trend.count",
                    count=len(trend.points),
                    first=first.created[:10],
                    last=last.created[:10],
                ),
            )
        )
        self.query_one("#t-chart", TrendChart).show(
            ChartData(
                dates=[p.created[:10] for p in trend.points],
                series=[[p.dimensions.get(d) for p in trend.points] for d in trend.dimensions],
                tiers=[p.dora_tier for p in trend.points],
            )
        )
        self.query_one("#t-legend", Static).update(self._legend(trend))
        self._fill_table(trend)

    def _dimension_title(self, dim: str) -> str:
        """A dimension's title, terminal-safe (a user's questionnaire may carry anything)."""
        return safe_str(self.titles.get(dim, dim))

    def _legend(self, trend: Trend) -> Text:
        """Marker, title and change since the first assessment for each dimension; then what
        the letters in the DORA row mean. Lines break between entries, never inside one."""
        first, last = trend.points[0], trend.points[-1]
        width = max(self.app.size.width - 4, 20)
        legend = Text()
        line_width = 0
        for i, dim in enumerate(trend.dimensions):
            entry = Text()
            colour = Style(color=f"rgb{series_colour(i)}", bold=True)
            entry.append(series_marker(i), style=colour)
            entry.append(f" {self._dimension_title(dim)} ")
            x, y = first.dimensions.get(dim), last.dimensions.get(dim)
            if x is not None and y is not None:
                change = y - x
                style = "green" if change > 0 else "red" if change < 0 else "dim"
                entry.append(format_delta(change), style=style)
            else:
                entry.append("–", style="dim")
            if line_width and line_width + 2 + entry.cell_len > width:
                legend.append("\n")
                line_width = 0
            elif line_width:
                legend.append("  ")
                line_width += 2
            legend.append_text(entry)
            line_width += entry.cell_len
        legend.append("\n")
        legend.append(self.t("trend.legend.dora"), style=Style(color=f"rgb{DORA_COLOUR}"))
        return legend

    def _fill_table(self, trend: Trend) -> None:
        table = self.query_one("#t-points", DataTable)
        selected = self.selected_id()
        table.clear(columns=True)
        table.add_column(self.t("trend.col.date"), key="date")
        # Full titles when they fit, else shortened ones (the legend above has them in full).
        fixed = [10, 8, max([cell_len(self.t(f"tier.{x}")) for x in TIER_LETTERS] + [4])]
        columns = len(fixed) + len(trend.dimensions)
        room = self.app.size.width - 6 - sum(fixed) - 2 * columns
        per_dim = max(room // max(len(trend.dimensions), 1), 4)
        for i, dim in enumerate(trend.dimensions):
            header = f"{series_marker(i)} {self._dimension_title(dim)}"
            if cell_len(header) > per_dim:
                header = set_cell_size(header, per_dim - 1).rstrip() + "…"
            table.add_column(Text(header), key=f"dim:{dim}")  # Text: a str label is markup
        table.add_column(self.t("trend.col.overall"), key="overall")
        table.add_column(self.t("trend.col.dora"), key="dora")
        for p in trend.points:
            table.add_row(*self._row(trend, p), key=p.id)
        # Its height now, from the rows given (a header line and one per point; the sheet's
        # max-height caps it): with "auto" the table learns its size only when it next goes
        # idle, so a frame drawn before that showed the chart over the whole screen and no
        # table (seen as a snapshot that differed on a loaded machine).
        table.styles.height = 1 + len(trend.points)
        ids = [p.id for p in trend.points]
        index = ids.index(selected) if selected in ids else len(ids) - 1
        table.move_cursor(row=index)
        table.focus()

    def _row(self, trend: Trend, p: TrendPoint) -> list[Text | str]:
        cells: list[Text | str] = [p.created[:10]]
        for dim in trend.dimensions:
            cells.append(Text(format_score(p.dimensions.get(dim)), justify="right"))
        overall = (
            f"L{p.overall_level} {format_score(p.overall_score)}"
            if p.overall_level is not None
            else format_score(p.overall_score)
        )
        cells.append(Text(overall, justify="right"))
        cells.append(self.t(f"tier.{p.dora_tier}") if p.dora_tier else "–")
        return cells

    def on_resize(self) -> None:
        # Headers and legend lines follow the width; the chart redraws itself.
        if self.trend is not None:
            self.query_one("#t-legend", Static).update(self._legend(self.trend))
            self._fill_table(self.trend)

    # -- actions ----------------------------------------------------------------------------

    def selected_id(self) -> str | None:
        return self.cursor_row_key("#t-points")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("results", "compare"):
            return self.trend is not None or (action == "results" and self.single is not None)
        if action in SNAPSHOT_ACTIONS:
            return self.snapshot_allowed(action)
        return True

    def snapshot_target(self) -> Target | None:
        """ "New from this" starts from the selected point (or the only assessment)."""
        if self.single is not None:
            s = self.single
            return Target(s.id, s.team, s.created, "")
        if self.trend is None:
            return None
        selected = self.selected_id()
        point = next((p for p in self.trend.points if p.id == selected), None)
        if point is None:
            return None
        return Target(point.id, self.trend.team, point.created[:10], point.status)

    @on(DataTable.RowSelected, "#t-points")
    def _row_selected(self) -> None:
        self.action_results()

    def action_results(self) -> None:
        if self.single is not None:
            self.navigate(OpenResults(self.single.id))
            return
        selected = self.selected_id()
        if selected is not None:
            self.navigate(OpenResults(selected))

    def action_compare(self) -> None:
        """Compare the selected assessment with the one before it (what changed since)."""
        if self.trend is None:
            return
        ids = [p.id for p in self.trend.points]
        selected = self.selected_id()
        if selected not in ids:
            return
        index = ids.index(selected)
        if index == 0:
            self.notify(self.t("trend.first_selected"), severity="warning")
            return
        from maturity.tui.screens.compare import CompareScreen

        self.app.push_screen(CompareScreen(ids[index - 1], ids[index]))

    def action_back(self) -> None:
        self.dismiss()

    def palette_commands(self) -> list[tuple[str, str, str]]:
        return [
            ("cmd.results", "cmd.results.help", "results"),
            ("cmd.compare_previous", "cmd.compare_previous.help", "compare"),
            ("cmd.new_from", "cmd.new_from.help", "new_from"),
        ]

    def action_home(self) -> None:
        self.navigate(GoHome())
