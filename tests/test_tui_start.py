"""The TUI's start (issue 12 item 9): ``maturity`` alone opens the app without the command
line's parser, the first theme costs one stylesheet parse, the footer is built once for a burst
of binding changes, and the home list is not rebuilt by a resize that keeps its widths."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from textual.color import Color
from textual.css.stylesheet import Stylesheet
from textual.widgets import DataTable
from tui_support import seed_snapshot_store, settle

from maturity import launch
from maturity.tui.app import MaturityApp
from maturity.tui.screens.home import HomeScreen
from maturity.tui.themes import DARK_NAME, LIGHT_NAME, THEMES


@pytest.mark.parametrize(
    ("argv", "store"),
    [([], None), (["--store", "team.db"], "team.db"), (["--store=team.db"], "team.db")],
)
def test_maturity_alone_opens_the_app_without_the_command_line_parser(
    argv: list[str], store: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[str | Path | None] = []

    def run_app(store_path: str | Path | None = None) -> int:
        started.append(store_path)
        return 0

    def no_parser() -> None:
        raise AssertionError("the command line's parser was built")

    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setattr("maturity.tui.app.run_app", run_app)
    monkeypatch.setattr("maturity.cli.entry.build_parser", no_parser)
    assert launch.main(argv) == 0
    assert started == [store]


def test_without_a_terminal_maturity_alone_prints_the_command_line_tour(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from maturity.cli import main as cli_main

    assert cli_main([]) == 0
    tour = capsys.readouterr().out
    assert "Run 'maturity COMMAND --help'" in tour
    assert launch.main(["--store", "team.db"]) == 0
    assert capsys.readouterr().out == tour


@pytest.mark.asyncio
@pytest.mark.parametrize("theme", [LIGHT_NAME, DARK_NAME])
async def test_the_first_theme_is_applied_without_a_second_parse(
    store_path: Path, theme: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The screens take the chosen theme's colours from the first parse (no re-parse, which
    Textual's theme watcher would queue for a theme set in __init__)."""
    reparses: list[int] = []
    original = Stylesheet.reparse

    def counting(self: Stylesheet) -> None:
        reparses.append(1)
        original(self)

    monkeypatch.setattr(Stylesheet, "reparse", counting)
    app = MaturityApp(store_path, lang="en", theme=theme)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.theme == theme
        assert app.has_class("-light-mode") == (theme == LIGHT_NAME)
        assert app.has_class(f"-theme-{theme}")
        assert theme in {t.name for t in THEMES}
        colours = app.get_css_variables()  # the theme's own colours
        assert app.screen.styles.background == Color.parse(colours["background"])
        assert reparses == []
        app.action_toggle_theme()  # switching while running still restyles everything
        await settle(pilot)
        assert app.theme != theme and reparses


@pytest.mark.asyncio
async def test_a_resize_that_keeps_the_columns_does_not_rebuild_the_list(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed_snapshot_store(store_path).store.close()
    rebuilds: list[int] = []
    original = HomeScreen.refresh_view

    def counting(self: HomeScreen) -> None:
        rebuilds.append(1)
        original(self)

    monkeypatch.setattr(HomeScreen, "refresh_view", counting)
    app = MaturityApp(store_path, lang="en")
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#assessments", DataTable).row_count == 3
        before = len(rebuilds)
        await pilot.resize_terminal(140, 32)  # wide either way: the same column widths
        await settle(pilot)
        assert len(rebuilds) == before
        await pilot.resize_terminal(80, 24)  # narrow: the widest columns give way
        await settle(pilot)
        assert len(rebuilds) == before + 1


@pytest.mark.asyncio
async def test_the_footer_is_rebuilt_once_per_change_of_what_it_shows(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual's footer rebuilds for every bindings signal; ours once for a burst, only when
    the keys it shows changed, with its keys mounted compact (the class their watcher would
    add, and restyle for, later), and with the list's keys in the list's first frame."""
    from textual.widgets._footer import FooterKey

    from maturity.tui.widgets.footer import KeyFooter

    seed_snapshot_store(store_path).store.close()
    rebuilds: list[int] = []
    original = KeyFooter.recompose

    async def counting(self: KeyFooter) -> None:
        rebuilds.append(1)
        await original(self)

    monkeypatch.setattr(KeyFooter, "recompose", counting)
    app = MaturityApp(store_path, lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        footer = app.screen.query_one(KeyFooter)
        keys = list(footer.query(FooterKey))
        assert keys and all(key.has_class("-compact") for key in keys)
        assert {"o", "r", "x"} <= {key.key for key in keys}  # the keys on a listed assessment
        before = len(rebuilds)

        def burst() -> None:  # three signals in a row, as a screen's start sends them
            for _ in range(3):
                footer.bindings_changed(app.screen)

        footer.call_next(burst)  # in the footer's context, as the screen's signal calls it
        await settle(pilot)
        assert len(rebuilds) == before  # nothing it shows changed
        app.action_toggle_language()
        await settle(pilot)
        assert len(rebuilds) == before + 1
        assert "이어 하기" in [key.description for key in footer.query(FooterKey)]


@pytest.mark.asyncio
async def test_a_new_screen_is_not_restyled_on_its_first_resume(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its widgets were styled as they were mounted; Textual's push restyles them all again
    (a screen pushed a second time still is)."""
    from textual.dom import DOMNode

    seed_snapshot_store(store_path).store.close()
    restyled: list[str] = []
    original = DOMNode.update_node_styles

    def counting(self: DOMNode, animate: bool = True) -> None:
        if isinstance(self, HomeScreen):
            restyled.append(type(self).__name__)
        original(self, animate)

    monkeypatch.setattr(DOMNode, "update_node_styles", counting)
    app = MaturityApp(store_path, lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert app.screen_stack == [app.screen]  # home is the default screen, not pushed
        assert restyled == []
        assert app.screen.query_one("#assessments", DataTable).row_count == 3


@pytest.mark.asyncio
async def test_the_other_screens_sheets_are_read_when_one_of_them_opens(store_path: Path) -> None:
    """Home needs app.tcss only; the first other screen adds screens.tcss and plan.tcss, with
    the app sheet's priority, and its rules apply to it."""
    from maturity.tui.screens.portfolio import PortfolioScreen

    seed_snapshot_store(store_path).store.close()
    app = MaturityApp(store_path, lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        sheets = {Path(path).name for path, _ in app.stylesheet.source if path.endswith(".tcss")}
        assert sheets == {"app.tcss"}
        app.open_portfolio()
        await settle(pilot)
        assert isinstance(app.screen, PortfolioScreen)
        sheets = {Path(path).name for path, _ in app.stylesheet.source if path.endswith(".tcss")}
        assert sheets == {"app.tcss", "screens.tcss", "plan.tcss"}
        assert not any(
            app.stylesheet.source[key].is_defaults
            for key in app.stylesheet.source
            if key[0].endswith(".tcss")
        )
        main = app.screen.query_one("#p-main")
        assert main.styles.padding.left == 1  # screens.tcss: #p-main { padding: 0 1; }


@pytest.mark.parametrize("justify", ["left", "center", "right"])
@pytest.mark.parametrize(
    "value", ["21/50", "–", "in progress", "calms 2.0.0 long", "팀 이름이 아주 긴 팀"]
)
@pytest.mark.parametrize("width", [1, 5, 10, 24])
def test_a_home_cell_draws_as_the_same_text_would(value: str, justify: str, width: int) -> None:
    """Cell skips Rich's text layout; in a table cell (padded, styled, one line high) it must
    give the same segments a Text would, cut or justified, wide characters included."""
    from typing import Literal, cast

    from rich.console import Console
    from rich.padding import Padding
    from rich.segment import Segment
    from rich.style import Style
    from rich.text import Text
    from textual.renderables.styled import Styled

    from maturity.tui.widgets.cells import Cell

    mode = cast(Literal["left", "center", "right"], justify)
    console = Console(width=100)
    options = console.options.update_dimensions(width + 2, 1).update(no_wrap=True)

    def draw(cell: Cell | Text) -> list[Segment]:
        styled = Styled(Padding(cell, (0, 1)), Style(bold=True), Style(italic=True))
        return console.render_lines(styled, options, style=Style(color="red"))[0]

    assert draw(Cell(value, mode)) == draw(Text(value, justify=mode))
    assert str(Cell(value, mode)) == value


# --- the home list read before the app runs (run_app) ---------------------------------------


def _first_home_frame(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, set[str]]]:
    """Records, for the first frame Textual draws of home: its rows and its footer's keys."""
    from textual.app import App
    from textual.widgets._footer import FooterKey

    from maturity.tui.widgets.footer import KeyFooter

    frames: list[tuple[int, set[str]]] = []
    original = App._display

    def recording(self: App[object], screen: object, renderable: object) -> None:
        if isinstance(screen, HomeScreen) and not frames:
            rows = screen.query_one("#assessments", DataTable).row_count
            frames.append((rows, {k.key for k in screen.query_one(KeyFooter).query(FooterKey)}))
        original(self, screen, renderable)  # type: ignore[arg-type]

    monkeypatch.setattr(App, "_display", recording)
    return frames


def _counting_lists(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    from maturity.store.sqlite import SQLiteStore

    lists: list[int] = []
    original = SQLiteStore.list

    def counting(self: SQLiteStore, team: str | None = None) -> list[object]:
        lists.append(1)
        return original(self, team)  # type: ignore[return-value]

    monkeypatch.setattr(SQLiteStore, "list", counting)
    return lists


def test_run_app_reads_the_list_before_the_app_runs(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed_snapshot_store(store_path).store.close()
    seen: list[int] = []

    def run(self: MaturityApp) -> None:
        rows = self.gateway.take_first_list()
        seen.append(-1 if rows is None else len(rows))
        self.gateway.close()

    monkeypatch.setattr(MaturityApp, "run", run)
    from maturity.tui.app import run_app

    assert run_app(store_path) == 0
    assert seen == [3]


@pytest.mark.asyncio
async def test_the_first_frame_has_the_list_read_before_the_start_and_its_keys(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read before the app runs, the list is in the first frame with the keys on a listed
    assessment (resume, results, export), and home does not read it a second time."""
    seed_snapshot_store(store_path).store.close()
    frames = _first_home_frame(monkeypatch)
    lists = _counting_lists(monkeypatch)
    app = MaturityApp(store_path, lang="en")
    app.gateway.open_and_list(store_path, 10.0)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert frames and frames[0][0] == 3
        assert {"o", "r", "x"} <= frames[0][1]
        assert app.screen.query_one("#assessments", DataTable).row_count == 3
    assert lists == [1]


@pytest.mark.asyncio
async def test_without_a_list_read_before_the_start_home_loads_it(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A store that does not answer in time: the app starts without the list, and home
    shows it once the (already queued) open finishes, as it does when nothing was read."""
    import threading

    import maturity.store

    seed_snapshot_store(store_path).store.close()
    release = threading.Event()
    original = maturity.store.open_store

    def slow(*args: object, **kwargs: object) -> object:
        release.wait(10)
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(maturity.store, "open_store", slow)
    frames = _first_home_frame(monkeypatch)
    app = MaturityApp(store_path, lang="en")
    app.gateway.open_and_list(store_path, 0.05)
    assert app.gateway.take_first_list() is None
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert frames and frames[0][0] == 0  # drawn without it
        release.set()
        await settle(pilot)
        assert app.screen.query_one("#assessments", DataTable).row_count == 3


@pytest.mark.asyncio
async def test_a_store_that_fails_before_the_start_is_reported_by_home(tmp_path: Path) -> None:
    from textual.widgets import Static

    bogus = tmp_path / "notes.txt"
    bogus.write_text("this is not SQLite\n", encoding="utf-8")
    app = MaturityApp(bogus, lang="en")
    app.gateway.open_and_list(bogus, 10.0)
    assert app.gateway.take_first_list() is None
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.store_error is not None and "not a SQLite database" in app.store_error
        welcome = str(app.screen.query_one("#welcome", Static).render())
        assert "not a SQLite database" in welcome
    assert bogus.read_text(encoding="utf-8") == "this is not SQLite\n"


def test_the_keeper_is_attached_with_the_first_call_after_the_start(store_path: Path) -> None:
    """Not before the first frame (checking the store and the package's files costs some
    milliseconds), but before any call made after the open: it follows every write."""
    from maturity.tui.gateway import Gateway

    seed_snapshot_store(store_path).store.close()
    gateway = Gateway()
    gateway.open_and_list(store_path, 10.0)
    assert gateway.take_first_list() is not None
    before_any_call = gateway.keeper
    assert before_any_call is None
    gateway.submit(lambda: None).result()
    assert gateway.keeper is not None
    assert gateway.store.on_commit == gateway.keeper.nudge
    gateway.close()


@pytest.mark.asyncio
async def test_home_builds_the_welcome_only_when_it_shows(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A start with a list builds no welcome widget (nor a container around home's widgets);
    an empty store has it, shown, in the first frame; a list that becomes empty shows it
    above the status line."""
    from textual.app import App
    from textual.widgets import Static
    from tui_support import reader

    seed_snapshot_store(store_path).store.close()
    app = MaturityApp(store_path, lang="en")
    app.gateway.open_and_list(store_path, 10.0)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert not app.screen.query("#welcome")
        assert [w.id for w in app.screen.children][:3] == ["assessments", "home-top", "home-status"]
        workspace = reader(store_path)
        for summary in workspace.store.list():
            workspace.delete(summary.id)
        workspace.store.close()
        assert isinstance(app.screen, HomeScreen)
        app.screen.load()
        await settle(pilot)
        welcome = app.screen.query_one("#welcome", Static)
        assert welcome.display and "Welcome" in str(welcome.render())
        ids = [w.id for w in app.screen.children]
        assert ids.index("welcome") == ids.index("home-status") - 1

    first: list[bool] = []
    original = App._display

    def recording(self: App[object], screen: object, renderable: object) -> None:
        if isinstance(screen, HomeScreen) and not first:
            found = screen.query("#welcome")
            first.append(bool(found) and found.only_one(Static).display)
        original(self, screen, renderable)  # type: ignore[arg-type]

    monkeypatch.setattr(App, "_display", recording)
    empty = store_path.with_name("empty.db")
    app = MaturityApp(empty, lang="en")
    app.gateway.open_and_list(empty, 10.0)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
    assert first == [True]


@pytest.mark.asyncio
async def test_a_compact_input_is_styled_once_when_mounted(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Input's constructor sets ``compact``, whose class toggle restyled the new widget before
    it was mounted (home's filter, before the first frame); SafeInput starts compact instead."""
    from maturity.tui.widgets.safe_input import SafeInput

    styled: list[object] = []
    original = Stylesheet.apply

    def recording(self: Stylesheet, node: object, *args: object, **kwargs: object) -> None:
        styled.append(node)
        original(self, node, *args, **kwargs)  # type: ignore[arg-type]

    app = MaturityApp(store_path, lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        monkeypatch.setattr(Stylesheet, "apply", recording)
        field = SafeInput(id="probe", compact=True)
        assert field.compact and field.has_class("-textual-compact")
        assert not any(node is field for node in styled)
        await app.screen.mount(field)
        await pilot.pause()
        assert [node for node in styled if node is field] == [field]
        assert field.styles.border_top[0] == ""  # drawn compact: no border
        assert not SafeInput(id="wide").has_class("-textual-compact")
