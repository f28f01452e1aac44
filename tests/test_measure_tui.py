""" "Measure from data" in the app: DORA screen -> form -> picker -> worker -> stored -> Results."""

from __future__ import annotations

from pathlib import Path

import pytest
from measure_support import workflows_repo, write
from rich.console import Console
from test_measure import DEPLOYS, INCIDENTS
from textual.widgets import DirectoryTree, Input, Static
from tui_support import SEARCH, press, reader, running, seed_snapshot_store, settle

from maturity.tui.screens.dora import DoraScreen
from maturity.tui.screens.measure import MeasureScreen
from maturity.tui.screens.results import ResultsScreen
from maturity.tui.widgets.weekly_chart import WeeklyChart

pytestmark = pytest.mark.asyncio


def _files(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    workflows_repo(folder / "repo")
    write(folder / "deploys.csv", DEPLOYS)
    write(folder / "incidents.csv", INCIDENTS)
    return folder


async def test_measure_from_data_with_the_picker(store_path: Path, tmp_path: Path) -> None:
    seed_snapshot_store(store_path)
    folder = _files(tmp_path)
    async with running(store_path) as (app, pilot):
        app.open_dora(SEARCH)
        await settle(pilot)
        assert isinstance(app.screen, DoraScreen)
        await press(pilot, "ctrl+g")
        screen = app.screen
        assert isinstance(screen, MeasureScreen)
        screen.query_one("#m-repo", Input).value = str(folder / "repo")
        # the deployments field: type the folder, pick the file in the tree with the keyboard
        field = screen.query_one("#m-deployments", Input)
        field.focus()
        field.value = str(folder) + "/"
        # (no settle() while the tree is open: its loader worker runs until the tree closes)
        await pilot.press("ctrl+o")
        await pilot.pause(0.5)
        tree = screen.query_one("#m-tree", DirectoryTree)
        assert screen.query_one("#m-picker").display and tree.has_focus
        assert tree.path == folder
        labels = [str(tree.get_node_at_line(i).label) for i in range(1, 4)]  # type: ignore[union-attr]
        await pilot.press(*["down"] * (1 + labels.index("deploys.csv")), "enter")
        await pilot.pause(0.3)
        await settle(pilot)
        assert field.value == str(folder / "deploys.csv")
        assert not screen.query_one("#m-picker").display and field.has_focus
        screen.query_one("#m-incidents", Input).value = str(folder / "incidents.csv")
        screen.query_one("#m-since", Input).value = "3y"
        await press(pilot, "ctrl+s")
        await settle(pilot, 6)
        assert screen.stored, screen.query_one("#m-error", Static).render()
        stored = reader(store_path).get(SEARCH).measured
        assert stored is not None
        assert stored.metrics["lead_time"].median == 36.0
        assert screen.query_one("#m-chart", WeeklyChart).display
        await press(pilot, "escape")  # back on the DORA screen
        assert isinstance(app.screen, DoraScreen)
        await press(pilot, "ctrl+r")
        assert isinstance(app.screen, ResultsScreen)
        results = app.screen
        assert results.results is not None and results.results.measured is not None
        console = Console(width=80, record=True)
        console.print(results._measured(results.results))
        text = console.export_text()
        n = results.results.measured.disagreements
        assert f"Self-reported vs measured (2024): {n} disagreement(s)" in text
        assert sum(line.startswith("!") for line in text.splitlines()) == n
        # a three-year window takes d0 in too: 2 failed of 6 deploys
        assert "Change failure rate" in text and "33.3%" in text
        assert results.query_one("#r-measured").display
        assert app.screen.query_one("#r-weekly", WeeklyChart).display


async def test_measure_refuses_bad_input_and_stores_nothing(
    store_path: Path, tmp_path: Path
) -> None:
    seed_snapshot_store(store_path)
    folder = _files(tmp_path)
    async with running(store_path) as (app, pilot):
        app.open_dora(SEARCH)
        await settle(pilot)
        await press(pilot, "ctrl+g")
        screen = app.screen
        assert isinstance(screen, MeasureScreen)
        screen.query_one("#m-repo", Input).value = str(folder / "repo")
        bad = write(folder / "bad.csv", "time,commit,status\n")
        screen.query_one("#m-deployments", Input).value = str(bad)
        await press(pilot, "ctrl+s")
        await settle(pilot, 4)
        error = str(screen.query_one("#m-error", Static).render())
        assert error.startswith("bad.csv line 1: missing column 'environment'")
        assert not screen.stored
        assert reader(store_path).get(SEARCH).measured is None
        # the form kept what was typed; focus is back in it
        assert screen.query_one("#m-deployments", Input).value == str(bad)
        assert screen.focused is not None and screen.focused.id in {"m-deployments", "m-repo"}
