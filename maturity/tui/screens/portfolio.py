"""Portfolio: every team's latest levels as a heat map, with DORA tier and date, sortable.

The numbers are :meth:`maturity.workspace.Workspace.portfolio` (the same computation as
``maturity portfolio``): each team's latest complete assessment, or its latest one when none
is complete yet. Teams last assessed more than six months ago are marked stale, and the
dimension with the lowest mean score across teams is named under the table.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Static

from maturity.dora import TIER_RANK
from maturity.errors import MaturityError
from maturity.history import PORTFOLIO_SORTS, sort_portfolio
from maturity.textfmt import format_score
from maturity.tui.messages import GoHome, OpenResults, OpenTrend
from maturity.tui.safe import safe_str
from maturity.tui.screens.base import BaseScreen
from maturity.tui.widgets.footer import KeyFooter
from maturity.tui.widgets.levels import level_cell

if TYPE_CHECKING:
    from maturity.model.history import Portfolio, PortfolioRow

FIXED_KEYS: tuple[str, ...] = PORTFOLIO_SORTS
TEAM_MAX_WIDTH = 20
TEAM_NARROW_WIDTH = 12
DATE_WIDTH = 10
MIN_DIMENSION_WIDTH = 4


@dataclass(frozen=True)
class Layout:
    """Column widths (terminal cells) and how a stale date is marked."""

    team: int
    dimension: int
    overall: int
    stale: str


def dimension_key(dim: str) -> str:
    return f"dim:{dim}"


def sort_rows(portfolio: Portfolio, key: str, reverse: bool) -> list[PortfolioRow]:
    """Rows in the order of the screen's ``key`` (team, date, overall, dora or ``dim:ID``),
    by the core's one portfolio ordering (teams without a value last, ties by team)."""
    return sort_portfolio(portfolio, key.removeprefix("dim:"), reverse=reverse)


class PortfolioScreen(BaseScreen[None]):
    HELP_GROUP = "help.screen.portfolio"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("t", "trend", "Trend", id="trend", key_display="⏎"),
        Binding("r", "results", "Results", id="results"),
        Binding("s", "sort", "Sort", id="sort"),
        Binding("escape", "back", "Back", id="back"),
        Binding("q", "home", "Home", id="home"),
    ]

    def __init__(self, at: datetime | None = None) -> None:
        """``at`` is "now" for staleness (tests pin it; the app uses the clock)."""
        super().__init__()
        self.at = at
        self.portfolio: Portfolio | None = None
        self.titles: dict[str, str] = {}
        self.sort_key = "team"
        self.sort_reverse = False
        self.layout_used: Layout | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(classes="topbar"):
            yield Static(id="p-title", classes="topbar-title")
        with Vertical(id="p-main"):
            yield Static(id="p-intro", classes="dim")
            yield Static(id="p-summary")
            yield DataTable(id="p-table", cursor_type="row", zebra_stripes=False)
            yield Static(id="p-actions-done", classes="dim")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#p-table").display = False
        self.load()

    def on_language_changed(self, message: object) -> None:
        self.refresh_bindings()
        self.load()

    def on_screen_resume(self) -> None:
        # Back from a trend or results screen where an assessment may have been completed.
        if self.portfolio is not None:
            self.load()

    # -- data -------------------------------------------------------------------------------

    @work(exclusive=True, group="portfolio-load", exit_on_error=False)
    async def load(self) -> None:
        if not await self.host.ensure_store():
            self.dismiss()
            return
        ws = self.gateway.workspace
        lang, at = self.lang, self.at

        def _compute() -> tuple[Portfolio, dict[str, str]]:
            from maturity.tui.titles import dimension_titles

            portfolio = ws.portfolio(at, lang)
            refs = {s.id: f"{s.questionnaire_id} {s.questionnaire_version}" for s in ws.list()}
            samples = [(refs.get(r.assessment, r.assessment), r.assessment) for r in portfolio.rows]
            return portfolio, dimension_titles(ws, samples, lang)

        try:
            portfolio, self.titles = await self.gateway.run(_compute)
        except MaturityError as exc:
            self.notify(self.error_text(exc), title=self.t("error.title"), severity="error")
            self.dismiss()
            return
        self.portfolio = portfolio
        if self.sort_key not in self.sort_keys():  # a dimension no team has any more
            self.sort_key, self.sort_reverse = "team", False
        self.refresh_view()
        self.refresh_bindings()

    def sort_keys(self) -> list[str]:
        dims = self.portfolio.dimensions if self.portfolio else []
        return ["team", *(dimension_key(d) for d in dims), "overall", "dora", "date"]

    def rows(self) -> list[PortfolioRow]:
        if self.portfolio is None:
            return []
        p = self.portfolio
        return sort_rows(p, self.sort_key, self.sort_reverse)

    # -- view -------------------------------------------------------------------------------

    def _dimension_title(self, dim: str) -> str:
        """A dimension's title, terminal-safe (a user's questionnaire may carry anything)."""
        return safe_str(self.titles.get(dim, dim))

    def _column_label(self, key: str) -> str:
        if key.startswith("dim:"):
            return self._dimension_title(key[4:])
        return self.t(f"portfolio.col.{key}")

    def refresh_view(self) -> None:
        p = self.portfolio
        shares = self.query_one("#p-actions-done", Static)
        shares.display = p is not None and bool(p.actions_done)
        if p is None:
            return
        if p.actions_done:
            from maturity.tui.screens.plan import done_share_text

            shares.update(done_share_text(self, p.actions_done, with_team=True))
        self.query_one("#p-title", Static).update(
            f"[b]{self.t('portfolio.heading')}[/b] · {self.t('portfolio.count', teams=len(p.rows))}"
        )
        table = self.query_one("#p-table", DataTable)
        intro = self.query_one("#p-intro", Static)
        if not p.rows:
            table.display = False
            intro.update(self.t("portfolio.empty"))
            self.query_one("#p-summary", Static).update("")
            return
        intro.update(self.t("portfolio.intro"))
        table.display = True
        self._fill_table(p)  # first: the summary says how this layout marks stale dates
        self.query_one("#p-summary", Static).update(self._summary(p))

    def _layout(self, p: Portfolio) -> Layout:
        """Column widths for the terminal: full titles and the word "stale" when they fit;
        else a shorter team column, shortened titles and a "*" for stale (explained under
        the table); the table scrolls sideways only below ``MIN_DIMENSION_WIDTH``."""
        avail = self.app.size.width - 4  # screen padding and the vertical scrollbar
        longest = max([cell_len(self._dimension_title(d)) for d in p.dimensions] + [3])
        team_full = min(max([cell_len(r.team) for r in p.rows] + [4]), TEAM_MAX_WIDTH)
        overall_w = max(cell_len(self.t("portfolio.col.overall")), 3)
        dora_w = max([cell_len(self.t(f"tier.{x}")) for x in TIER_RANK] + [4])
        any_stale = any(r.stale for r in p.rows)
        n = max(len(p.dimensions), 1)
        for stale in (" " + self.t("portfolio.stale"), "*"):
            date_w = DATE_WIDTH + (cell_len(stale) if any_stale else 0)
            for team_w in (team_full, min(team_full, TEAM_NARROW_WIDTH)):
                fixed = team_w + overall_w + dora_w + date_w + 2 * 4
                dim_w = (avail - fixed) // n - 2
                if dim_w >= min(longest, MIN_DIMENSION_WIDTH):
                    # Room for the sort arrow (2 cells) next to a full title, when there is some.
                    return Layout(team_w, min(dim_w, longest + 2), overall_w, stale)
        return Layout(min(team_full, TEAM_NARROW_WIDTH), MIN_DIMENSION_WIDTH, overall_w, "*")

    def _fill_table(self, p: Portfolio) -> None:
        table = self.query_one("#p-table", DataTable)
        selected = self.selected_team()
        layout = self._layout(p)
        table.clear(columns=True)
        for key in ["team", *(dimension_key(d) for d in p.dimensions), "overall", "dora", "date"]:
            label = self._column_label(key)
            arrow = (" ▼" if self.sort_reverse else " ▲") if key == self.sort_key else ""
            if key.startswith("dim:") and cell_len(label + arrow) > layout.dimension:
                # At least one wide (Korean) character and the ellipsis stay visible.
                budget = max(layout.dimension - len(arrow), 3)
                label = set_cell_size(label, budget - 1).rstrip() + "…"
            # The organisation's weakest dimension is underlined (and named above the table).
            weakest = key == dimension_key(p.weakest_dimension or "")
            header = Text(label + arrow, style="underline" if weakest else "")
            # The team column's width fits its header too ("Team ▲" over short team names).
            width = max(layout.team, cell_len(header.plain)) if key == "team" else None
            table.add_column(header, key=key, width=width)
        for r in self.rows():
            cells: list[Text | str] = [Text(safe_str(r.team), overflow="ellipsis", no_wrap=True)]
            for d in p.dimensions:
                width = max(min(cell_len(self._dimension_title(d)), layout.dimension), 3)
                cells.append(level_cell(r.levels.get(d), width))
            cells.append(level_cell(r.overall_level, layout.overall))
            cells.append(self.t(f"tier.{r.dora_tier}") if r.dora_tier else "–")
            date = Text(r.date[:DATE_WIDTH])
            if r.stale:
                date.stylize("yellow")
                date.append(layout.stale, style="bold yellow")
            cells.append(date)
            table.add_row(*cells, key=r.team)
        teams = [r.team for r in self.rows()]
        table.move_cursor(row=teams.index(selected) if selected in teams else 0)
        table.focus()
        self.layout_used = layout

    def _summary(self, p: Portfolio) -> Text:
        text = Text()
        if p.weakest_dimension is not None:
            mean = p.dimension_means.get(p.weakest_dimension)
            text.append(
                self.t(
                    "portfolio.weakest",
                    dimension=self._dimension_title(p.weakest_dimension),
                    score=format_score(mean),
                ),
                style="bold",
            )
        else:
            text.append(self.t("portfolio.no_weakest"), style="bold")
        means = [
            f"{self._dimension_title(d)} {format_score(m)}"
            for d in p.dimensions
            if (m := p.dimension_means.get(d)) is not None
        ]
        if means:
            text.append("\n" + self.t("portfolio.means", means=" · ".join(means)), style="dim")
        stale = sum(r.stale for r in p.rows)
        if stale:
            mark = self.layout_used.stale.strip() if self.layout_used else ""
            text.append(
                "\n"
                + self.t("portfolio.stale_count", count=stale, days=p.stale_after_days, mark=mark),
                style="yellow",
            )
        return text

    def on_resize(self) -> None:
        if self.portfolio is not None and self.portfolio.rows:
            self.refresh_view()

    # -- actions ----------------------------------------------------------------------------

    def selected_team(self) -> str | None:
        return self.cursor_row_key("#p-table")

    def _selected_row(self) -> PortfolioRow | None:
        team = self.selected_team()
        return next((r for r in self.rows() if r.team == team), None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("trend", "results", "sort"):
            return bool(self.portfolio and self.portfolio.rows)
        return True

    @on(DataTable.RowSelected, "#p-table")
    def _row_selected(self) -> None:
        self.action_trend()

    @on(DataTable.HeaderSelected, "#p-table")
    def _header_selected(self, event: DataTable.HeaderSelected) -> None:
        key = str(event.column_key.value)
        if key == self.sort_key:
            self.sort_reverse = not self.sort_reverse
        else:
            self.sort_key, self.sort_reverse = key, key == "date"
        self.refresh_view()

    def action_sort(self) -> None:
        """Next column: team, each dimension, overall, DORA tier, date. Levels sort weakest
        first (where a coach's help is needed), dates newest first."""
        keys = self.sort_keys()
        i = keys.index(self.sort_key) if self.sort_key in keys else -1
        self.sort_key = keys[(i + 1) % len(keys)]
        self.sort_reverse = self.sort_key == "date"
        self.refresh_view()
        self.notify(self.t("home.sorted", column=self._column_label(self.sort_key)), timeout=2)

    def action_trend(self) -> None:
        row = self._selected_row()
        if row is not None:
            self.navigate(OpenTrend(row.team))

    def action_results(self) -> None:
        row = self._selected_row()
        if row is not None:
            self.navigate(OpenResults(row.assessment))

    def action_back(self) -> None:
        self.dismiss()

    def action_home(self) -> None:
        self.navigate(GoHome())
