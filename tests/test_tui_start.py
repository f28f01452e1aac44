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
