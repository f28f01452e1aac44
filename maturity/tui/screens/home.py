"""Home: every assessment in the store, sortable and filterable, and the actions on them."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import DataTable, Input, Static

from maturity.errors import MaturityError
from maturity.textfmt import format_level
from maturity.tui.messages import OpenExport, OpenPortfolio, OpenQuestions, OpenResults, OpenTrend
from maturity.tui.safe import plain, safe_str, styled
from maturity.tui.screens.snapshot import (
    SNAPSHOT_ACTIONS,
    SnapshotScreen,
    Target,
    snapshot_bindings,
)
from maturity.tui.widgets.cells import Cell
from maturity.tui.widgets.footer import KeyFooter
from maturity.tui.widgets.safe_input import SafeInput

if TYPE_CHECKING:
    from maturity.store.base import Summary

NARROW_WIDTH = 100
"""Below this terminal width the home table caps its widest columns."""
COLUMNS: tuple[str, ...] = ("team", "date", "questionnaire", "progress", "level", "status")


def _sort_key(column: str, s: Summary) -> tuple[object, ...]:
    """Sort values per column; progress sorts by share answered, level puts "–" last."""
    if column == "team":
        return (s.team.casefold(),)
    if column == "date":
        return (s.created,)
    if column == "questionnaire":
        return (s.questionnaire_id, s.questionnaire_version)
    if column == "progress":
        return (s.answered / s.total if s.total else 0.0,)
    if column == "level":
        return (s.level if s.level is not None else 0, s.score or 0.0)
    return (s.status,)


class HomeScreen(SnapshotScreen):
    """The list of assessments; the first run (an empty store) shows a short welcome."""

    HELP_GROUP = "help.screen.home"
    SHEETS = ()  # app.tcss has home's rules: the first screen parses no other sheet
    AUTO_FOCUS = None
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", "New", id="new"),
        Binding("o", "open", "Resume", id="open", key_display="⏎"),
        Binding("r", "results", "Results", id="results"),
        Binding("x", "export", "Export", id="export"),
        Binding("delete,D", "delete", "Delete", id="delete", key_display="D", show=False),
        Binding("m", "mark", "Mark", id="mark", show=False),
        Binding("c", "compare", "Compare", id="compare", show=False),
        Binding("slash", "filter", "Filter", id="filter", key_display="/"),
        Binding("s", "sort", "Sort", id="sort", show=False),
        Binding("t", "trend", "Trend", id="trend", show=False),
        Binding("p", "portfolio", "Portfolio", id="portfolio", show=False),
        *snapshot_bindings(show=False),
        Binding("q", "quit", "Quit", id="quit"),
        Binding("f2", "app.toggle_language", "한국어", id="language"),
        Binding("escape", "clear_filter", "Clear filter", id="clear_filter", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Summary] = []
        self.loaded = False
        self.first_resume = True
        self.filter_text = ""
        self.sort_column = "date"
        self.sort_reverse = True
        self.marked: str | None = None
        self.widths: dict[str, int] = {}
        """The column widths the table was last built with (see :meth:`on_resize`)."""

    def compose(self) -> ComposeResult:
        rows = self.gateway.take_first_list()
        if rows is not None:  # read before the app started (run_app): in the first frame
            self.rows, self.loaded = rows, True
        # Straight on the screen, no container around them: each widget is styled and laid
        # out before the first frame. The table comes first in focus order; the title and
        # filter are docked above it. The welcome (an empty store or a store error) is
        # mounted when it is first shown (:meth:`_welcome`): with a list it never is.
        yield DataTable(id="assessments", cursor_type="row", zebra_stripes=True)
        with Vertical(id="home-top"):
            yield Static(id="home-title", classes="screen-title")
            yield SafeInput(id="filter", compact=True)
        yield Static(id="home-status", classes="status-line")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.refresh_view()
        if not self.loaded:  # not read before the start (tests) or not in time: on its way
            self.load()
        else:
            self.call_after_refresh(self.gateway.warm_up)

    def on_screen_resume(self) -> None:
        if self.first_resume:  # the start: the list is loaded or on its way
            self.first_resume = False
        elif self.loaded:
            self.load()

    # -- data -------------------------------------------------------------------------------

    @work(exclusive=True, group="home-load", exit_on_error=False)
    async def load(self) -> None:
        """Read the list on the store thread (opening the store on first use)."""
        if not await self.host.ensure_store():
            self.loaded = True
            self.refresh_view()
            return
        first = not self.loaded
        try:
            self.rows = await self.gateway.run(self.gateway.store.list)
        except MaturityError as exc:
            self.notify(self.error_text(exc), title=self.t("error.title"), severity="error")
        self.loaded = True
        if first:
            # The keys on a listed assessment (resume, results, ...) appear with the list, in
            # the same first full screen, not a frame or two after it. (Later lists rely on
            # the bindings signal: no await here that a newer load could cancel.)
            await self.query_one(KeyFooter).show_current()
        self.refresh_view()
        if first:
            # After the list is painted: the warm-up imports pydantic on the store thread, and
            # holding the GIL meanwhile would delay the first full screen.
            self.call_after_refresh(self.gateway.warm_up)
        self.refresh_bindings()

    def visible_rows(self) -> list[Summary]:
        needle = self.filter_text.strip().casefold()
        rows = [
            r
            for r in self.rows
            if not needle
            or needle in r.team.casefold()
            or needle in r.questionnaire_id.casefold()
            or needle in r.status.replace("_", " ")
            or needle in self.t(f"status.{r.status}").casefold()
        ]
        rows.sort(key=lambda s: _sort_key(self.sort_column, s), reverse=self.sort_reverse)
        return rows

    # -- view -------------------------------------------------------------------------------

    def column_widths(self) -> dict[str, int]:
        """On a narrow terminal every column gets a fixed width and the team and questionnaire
        columns give way, so the Status column always fits on an 80-column screen."""
        width = self.app.size.width
        if width >= NARROW_WIDTH:
            return {}
        labels = {c: cell_len(self.t(f"home.col.{c}")) + 2 for c in COLUMNS}  # + sort arrow
        statuses = max(cell_len(self.t(f"status.{s}")) for s in ("in_progress", "complete"))
        out = {
            "date": max(10, labels["date"]),
            "questionnaire": max(14, labels["questionnaire"]),
            "progress": max(5, labels["progress"]),
            "level": max(3, labels["level"]),
            "status": max(statuses, labels["status"]),
        }
        padding = 2 * len(COLUMNS) + 4  # cell padding, the table's border and scrollbar
        out["team"] = max(8, width - sum(out.values()) - padding)
        return out

    def on_resize(self) -> None:
        # Rebuild the table only when its column widths change: at 100 columns and wider they
        # never do, and rebuilding draws every cell of the list again.
        if self.rows and self.column_widths() != self.widths:
            self.refresh_view()

    def refresh_view(self) -> None:
        self.query_one("#home-title", Static).update(self.t("home.heading"))
        self.query_one("#filter", Input).placeholder = self.t("home.filter")
        table = self.query_one("#assessments", DataTable)
        rows = self.visible_rows()
        if self.rows or table.columns:  # else hidden and empty: nothing to build (the start)
            self._fill_table(table, rows)
        empty = self.loaded and not self.rows
        table.display = bool(self.rows)
        self.query_one("#filter", Input).display = bool(self.rows)
        shown = empty or self.host.store_error is not None
        if shown or self.query("#welcome"):
            welcome = self._welcome()
            welcome.display = shown
            if self.host.store_error is not None:
                welcome.update(
                    styled(
                        "[b]$title[/b]\n\n$error\n\n$hint",
                        title=self.t("error.store"),
                        error=plain(self.host.store_error, multiline=True),
                        hint=Content(self.t("error.no_store")),
                    )
                )
            else:
                welcome.update(
                    f"[b]{self.t('home.welcome.title')}[/b]\n\n{self.t('home.welcome.body')}"
                )
        status = ""
        if self.rows:
            status = self.t("home.count", shown=len(rows), total=len(self.rows))
            status += f"  [dim]· {self.t('home.hint')}[/dim]"
            status += f"\n[dim]{self.t('home.hint.coach')}[/dim]"
            if not rows:
                status = self.t("home.no_match") + "  " + status
        self.query_one("#home-status", Static).update(status)
        if self.rows and not self.query_one("#filter", Input).has_focus:
            # After the refresh: a table that was hidden a moment ago cannot take focus yet.
            self.call_after_refresh(table.focus)
        elif not self.rows:
            self.set_focus(None)

    def _welcome(self) -> Static:
        """The welcome text, mounted the first time it is needed (in the place it had in the
        layout: above the status line), so a start with a list builds and styles no widget
        it does not show."""
        found = self.query("#welcome")
        if found:
            return found.only_one(Static)
        welcome = Static(id="welcome")
        self.mount(welcome, before="#home-status")
        return welcome

    def _fill_table(self, table: DataTable[object], rows: list[Summary]) -> None:
        """Rebuild the table with ``rows``, keeping the cursor on the selected assessment.

        No cell is a ``str``, which would be parsed as markup (a team named ``x[/]``; parsing
        also loads Rich's emoji table, some milliseconds of the start): the labels are
        :class:`Text`, the cells :class:`Cell` (plain text, drawn without Rich's text layout).
        """
        selected = self.selected_id()
        table.clear(columns=True)
        widths = self.widths = self.column_widths()
        for column in COLUMNS:
            label = self.t(f"home.col.{column}")
            if column == self.sort_column:
                label += " ▼" if self.sort_reverse else " ▲"
            table.add_column(Text(label), key=column, width=widths.get(column))
        for r in rows:
            team = safe_str(r.team)
            table.add_row(
                Cell(f"● {team}" if r.id == self.marked else team),
                Cell(r.created[:10]),
                Cell(safe_str(f"{r.questionnaire_id} {r.questionnaire_version}")),
                Cell(f"{r.answered}/{r.total}", justify="right"),
                Cell(format_level(r.level), justify="center"),
                Cell(self.t(f"status.{r.status}")),
                key=r.id,
            )
        if selected is not None:
            index = next((i for i, r in enumerate(rows) if r.id == selected), 0)
            table.move_cursor(row=index)

    def selected_id(self) -> str | None:
        return self.cursor_row_key("#assessments")

    def _selected_or_warn(self) -> Summary | None:
        aid = self.selected_id()
        row = next((r for r in self.rows if r.id == aid), None)
        if row is None:
            self.notify(self.t("home.select_first"), severity="warning")
        return row

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide the actions on a selected assessment while there is none to select."""
        if action in ("open", "results", "export", "delete", "filter", "sort", "clear_filter"):
            return bool(self.rows)
        if action in ("mark", "compare"):
            return len(self.rows) > 1
        if action == "trend":
            return bool(self.rows)
        if action in SNAPSHOT_ACTIONS:
            return self.snapshot_allowed(action)
        return True

    # -- events and actions -----------------------------------------------------------------

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.filter_text = event.value
        self.refresh_view()

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        self.query_one("#assessments", DataTable).focus()

    @on(DataTable.RowSelected)
    def _row_selected(self) -> None:
        self.action_open()

    @on(DataTable.HeaderSelected)
    def _header_selected(self, event: DataTable.HeaderSelected) -> None:
        column = str(event.column_key.value)
        if column == self.sort_column:
            self.sort_reverse = not self.sort_reverse
        else:
            self.sort_column, self.sort_reverse = column, column in ("date", "progress", "level")
        self.refresh_view()

    def action_sort(self) -> None:
        i = COLUMNS.index(self.sort_column)
        self.sort_column = COLUMNS[(i + 1) % len(COLUMNS)]
        self.sort_reverse = self.sort_column in ("date", "progress", "level")
        self.refresh_view()
        self.notify(self.t("home.sorted", column=self.t(f"home.col.{self.sort_column}")), timeout=2)

    def action_filter(self) -> None:
        if self.rows:
            self.query_one("#filter", Input).focus()

    def action_clear_filter(self) -> None:
        field = self.query_one("#filter", Input)
        field.value = ""
        self.query_one("#assessments", DataTable).focus()

    def action_new(self) -> None:
        if not self.gateway.is_open:
            return
        from maturity.tui.screens.new_assessment import NewAssessmentScreen

        teams = sorted({r.team for r in self.rows}, key=str.casefold)

        def created(assessment_id: str | None) -> None:
            if assessment_id:
                self.navigate(OpenQuestions(assessment_id))

        self.app.push_screen(NewAssessmentScreen(teams), created)

    def action_open(self) -> None:
        row = self._selected_or_warn()
        if row is not None:
            self.navigate(OpenQuestions(row.id))

    def action_results(self) -> None:
        row = self._selected_or_warn()
        if row is not None:
            self.navigate(OpenResults(row.id))

    def action_export(self) -> None:
        row = self._selected_or_warn()
        if row is not None:
            self.navigate(OpenExport(row.id))

    def action_delete(self) -> None:
        row = self._selected_or_warn()
        if row is None:
            return
        from maturity.tui.screens.confirm import ConfirmScreen

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.delete(row)

        message = self.tc("home.confirm_delete", team=row.team, id=row.id, answered=row.answered)
        self.app.push_screen(ConfirmScreen(message), confirmed)

    def action_mark(self) -> None:
        row = self._selected_or_warn()
        if row is None:
            return
        self.marked = None if self.marked == row.id else row.id
        self.refresh_view()
        if self.marked:
            self.notify(self.t("compare.marked", team=row.team, date=row.created[:10]), timeout=4)

    def action_compare(self) -> None:
        row = self._selected_or_warn()
        if row is None:
            return
        if self.marked is None or self.marked not in {r.id for r in self.rows}:
            self.notify(self.t("compare.need_mark"), severity="warning")
            return
        if self.marked == row.id:
            self.notify(self.t("compare.same"), severity="warning")
            return
        from maturity.tui.screens.compare import CompareScreen

        # Older first, so the arrows read "then -> now".
        first, second = sorted(
            (next(r for r in self.rows if r.id == self.marked), row), key=lambda r: r.created
        )
        self.app.push_screen(CompareScreen(first.id, second.id))

    def action_trend(self) -> None:
        row = self._selected_or_warn()
        if row is not None:
            self.navigate(OpenTrend(row.team))

    def action_portfolio(self) -> None:
        if self.gateway.is_open:
            self.navigate(OpenPortfolio())

    def snapshot_target(self) -> Target | None:
        aid = self.selected_id()
        row = next((r for r in self.rows if r.id == aid), None)
        if row is None:
            return None
        return Target(row.id, row.team, row.created[:10], row.status)

    def snapshot_changed(self, assessment_id: str, status: str) -> None:
        self.load()

    @work(group="home-delete", exit_on_error=False)
    async def delete(self, row: Summary) -> None:
        try:
            await self.gateway.run(self.gateway.workspace.delete, row.id)
        except MaturityError as exc:
            self.notify(self.error_text(exc), title=self.t("error.title"), severity="error")
            return
        self.notify(self.t("home.deleted", team=row.team, id=row.id))
        self.load()

    async def action_quit(self) -> None:
        self.app.exit()

    def palette_commands(self) -> list[tuple[str, str, str]]:
        return [
            ("cmd.new", "cmd.new.help", "new"),
            ("cmd.resume", "cmd.resume.help", "open"),
            ("cmd.results", "cmd.results.help", "results"),
            ("cmd.export", "cmd.export.help", "export"),
            ("cmd.compare", "cmd.compare.help", "compare"),
            ("cmd.trend", "cmd.trend.help", "trend"),
            *self.snapshot_palette(),
        ]
