"""The TUI's start (issue 12 item 9): the first theme costs one stylesheet parse, and the home
list is not rebuilt by a resize that keeps its column widths."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.color import Color
from textual.css.stylesheet import Stylesheet
from textual.widgets import DataTable
from tui_support import seed_snapshot_store, settle

from maturity.tui.app import MaturityApp
from maturity.tui.screens.home import HomeScreen
from maturity.tui.themes import DARK_NAME, LIGHT_NAME, THEMES

pytestmark = pytest.mark.asyncio


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
