"""Measure from data: the DORA keys from a repository and records, stored beside the answers.

A small keyboard-driven form: paths are typed or picked (ctrl+o opens a folder tree for the
focused path field), ctrl+s measures in a worker with a progress bar, and the result is
stored with the same core call the command line's ``--into`` makes. Every refusal is the core's
one-line message; nothing is stored unless the whole measurement succeeded.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import DirectoryTree, Input, Label, ProgressBar, Static

from maturity.errors import MaturityError
from maturity.measure.model import Measurement, Stat
from maturity.tui.safe import plain
from maturity.tui.screens.base import BaseScreen
from maturity.tui.widgets.footer import KeyFooter
from maturity.tui.widgets.safe_input import SafeInput
from maturity.tui.widgets.weekly_chart import WeeklyChart

FIELDS: tuple[tuple[str, str, bool], ...] = (
    # (id, label key, optional)
    ("repo", "m.repo", False),
    ("deployments", "m.deployments", True),
    ("deploy_branch", "m.deploy_branch", True),
    ("deploy_tags", "m.deploy_tags", True),
    ("incidents", "m.incidents", True),
    ("reverts", "m.reverts", True),
    ("since", "m.since", False),
)
PATH_FIELDS = {"repo", "deployments", "incidents"}


class MeasureScreen(BaseScreen[bool]):
    """Dismisses with True once a measurement was stored."""

    HELP_GROUP = "m.heading"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "measure", "Measure", id="run_measure"),
        Binding("ctrl+o", "browse", "Browse", id="browse"),
        Binding("down", "move(1)", "Next field", show=False),
        Binding("up", "move(-1)", "Previous field", show=False),
        Binding("escape", "back", "Back", id="back"),
    ]

    def __init__(self, assessment_id: str, start: Path | None = None) -> None:
        super().__init__()
        self.assessment_id = assessment_id
        self.start = start or Path.cwd()
        self.browsing: str | None = None  # the field the open picker fills
        self.running = False
        self.stored = False
        self.last_field = "deployments"

    def compose(self) -> ComposeResult:
        with Horizontal(classes="topbar"):
            yield Static(id="m-title", classes="topbar-title")
        with VerticalScroll(id="m-main"):
            yield Static(id="m-intro")
            for fid, _key, _opt in FIELDS:
                with Horizontal(classes="metric-row"):
                    yield Label(id=f"m-lbl-{fid}", classes="m-label")
                    yield SafeInput(id=f"m-{fid}", classes="m-input", compact=True)
            with Vertical(id="m-picker"):
                yield Static(id="m-picker-hint", classes="dim")
            yield ProgressBar(id="m-progress", total=1.0, show_eta=False)
            yield Static(id="m-status")
            yield Static(id="m-error", classes="field-error")
            yield Static(id="m-result")
            yield WeeklyChart(id="m-chart")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#m-since", Input).value = "90d"
        self.query_one("#m-repo", Input).value = str(self.start)
        self.query_one("#m-picker").display = False
        self.query_one("#m-progress").display = False
        self.query_one("#m-error").display = False
        self.query_one("#m-chart").display = False
        self.refresh_view()
        self.query_one("#m-deployments", Input).focus()

    def refresh_view(self) -> None:
        self.query_one("#m-title", Static).update(f"[b]{self.t('m.heading')}[/b]")
        self.query_one("#m-intro", Static).update(self.t("m.intro"))
        for fid, key, optional in FIELDS:
            label = self.t(key) + (f" ({self.t('m.optional')})" if optional else "")
            self.query_one(f"#m-lbl-{fid}", Label).update(label)
        self.query_one("#m-picker-hint", Static).update(self.t("m.browse_hint"))

    # -- fields -----------------------------------------------------------------------------

    def _field(self) -> str | None:
        focused = self.focused
        if focused is not None and focused.id and focused.id.startswith("m-"):
            name = focused.id[2:]
            if name in {f for f, _, _ in FIELDS}:
                return name
        return None

    def action_move(self, step: int) -> None:
        ids = [f for f, _, _ in FIELDS]
        current = self._field()
        if current is None:  # back into the form where the user left it
            self.query_one(f"#m-{self.last_field}", Input).focus()
            return
        self.query_one(f"#m-{ids[(ids.index(current) + step) % len(ids)]}", Input).focus()

    def on_descendant_focus(self, event: object) -> None:
        field = self._field()
        if field is not None:
            self.last_field = field

    @on(Input.Submitted, ".m-input")
    def _submitted(self) -> None:
        self.action_move(1)

    def value(self, fid: str) -> str:
        return self.query_one(f"#m-{fid}", Input).value.strip()

    # -- the picker -------------------------------------------------------------------------

    def action_browse(self) -> None:
        field = self._field()
        if field not in PATH_FIELDS:
            field = "deployments"
        self.browsing = field
        typed = Path(self.value(field)).expanduser() if self.value(field) else self.start
        root = typed if typed.is_dir() else typed.parent if typed.parent.is_dir() else self.start
        # The tree is mounted only while it is open: it keeps a loader worker alive.
        for old in self.query("#m-tree"):
            old.remove()
        tree = DirectoryTree(root, id="m-tree")
        picker = self.query_one("#m-picker")
        picker.mount(tree)
        picker.display = True
        tree.focus()

    def _close_picker(self) -> None:
        field = self.browsing
        self.browsing = None
        for tree in self.query("#m-tree"):
            tree.remove()
        self.query_one("#m-picker").display = False
        if field:
            self.query_one(f"#m-{field}", Input).focus()

    @on(DirectoryTree.FileSelected)
    def _file(self, event: DirectoryTree.FileSelected) -> None:
        if self.browsing and self.browsing != "repo":
            self.query_one(f"#m-{self.browsing}", Input).value = str(event.path)
            self._close_picker()

    @on(DirectoryTree.DirectorySelected)
    def _folder(self, event: DirectoryTree.DirectorySelected) -> None:
        if self.browsing == "repo":
            self.query_one("#m-repo", Input).value = str(event.path)

    def action_back(self) -> None:
        if self.browsing:
            self._close_picker()
            return
        if not self.running:
            self.dismiss(self.stored)

    # -- measuring --------------------------------------------------------------------------

    def options(self) -> object:
        """The form as the core's Options; the core's parsers and checks say what is wrong."""
        from maturity.measure.compute import Options, check
        from maturity.measure.timeparse import parse_span

        def path(fid: str) -> Path | None:
            return Path(self.value(fid)).expanduser() if self.value(fid) else None

        reverts = self.value("reverts")
        if reverts and not reverts.isdigit():
            raise MaturityError(code="measure.reverts_number", params={"value": reverts})
        opts = Options(
            repo=path("repo"),
            deployments=path("deployments"),
            deploy_branch=self.value("deploy_branch") or None,
            deploy_tags=self.value("deploy_tags") or None,
            incidents=path("incidents"),
            failures_from_reverts=int(reverts) if reverts else None,
            since=parse_span(self.value("since") or "90d"),
        )
        check(opts)
        return opts

    def action_measure(self) -> None:
        if self.running:
            return
        self.run_measure()

    def _progress(self, step: str, fraction: float) -> None:
        self.query_one("#m-progress", ProgressBar).update(progress=fraction)
        self.query_one("#m-status", Static).update(f"{self.t('m.running')} {step}")

    @work(exclusive=True, group="measure", exit_on_error=False)
    async def run_measure(self) -> None:
        from maturity.measure import compute, text

        error = self.query_one("#m-error", Static)
        error.display = False
        try:
            opts = self.options()
            assert isinstance(opts, compute.Options)
            ws = self.gateway.workspace
            a = await self.gateway.run(ws.get, self.assessment_id)
            ws.check_measurable(a)
        except MaturityError as exc:
            self._fail(self.error_text(exc))
            return
        self.running = True
        bar = self.query_one("#m-progress", ProgressBar)
        bar.display = True
        bar.update(progress=0)

        def progress(step: str, fraction: float) -> None:
            self.app.call_from_thread(self._progress, step, fraction)

        try:
            m: Measurement = await asyncio.to_thread(compute.measure, opts, progress)
            await self.gateway.run(ws.set_measured, self.assessment_id, m)
        except MaturityError as exc:
            self._fail(self.error_text(exc))
            return
        finally:
            self.running = False
        self.stored = True
        self.query_one("#m-status", Static).update(f"[b]{self.t('m.stored')}[/b]")
        self.query_one("#m-result", Static).update(self._summary(m, text.stat_value))
        chart = self.query_one("#m-chart", WeeklyChart)
        chart.display = bool(m.weekly)
        chart.set_weeks(m.weekly)

    def _summary(self, m: Measurement, value: Callable[[str, Stat], str]) -> str:
        """One line per measured metric (title in the UI language, value, n, confidence)."""
        from maturity.dora import ALL_METRICS, metric_definitions
        from maturity.model.text import tr

        defs = metric_definitions()
        lines = []
        for metric in ALL_METRICS:
            stat = m.metrics.get(metric)
            if stat is not None:
                mark = " PROXY" if stat.proxy else ""
                lines.append(
                    f"[b]{tr(defs[metric].title, self.lang)}[/b]: {value(metric, stat)}"
                    f"  [dim]n={stat.n} {stat.confidence}{mark}[/dim]"
                )
        return "\n".join(lines)

    def _fail(self, message: str) -> None:
        error = self.query_one("#m-error", Static)
        error.update(plain(message.splitlines()[0] if message else "error"))  # paths are typed
        error.display = True
        self.query_one("#m-status", Static).update("")
        self.query_one("#m-progress").display = False
        self.query_one(f"#m-{self.last_field}", Input).focus()
        self.notify(message, title=self.t("error.title"), severity="error")
