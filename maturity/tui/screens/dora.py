"""DORA inputs: the four key metrics (and optional rework rate), typed or picked from buckets.

Every field is validated as it is typed with the same parser the command line uses; the Quick
Check score and the tier per metric, and the overall score and tier, are recomputed live. The
Quick Check 0-10 score comes first: DORA's current yardstick. Tiers are shown "against" the
chosen benchmark (a DORA year or DevLake's table) because DORA last published them in 2024.
Valid values are saved shortly after typing stops (and at once when leaving the screen); an
invalid field is marked, explained, and never saved.
"""

from __future__ import annotations

import asyncio
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from maturity import dora
from maturity.errors import MaturityError
from maturity.model.assessment import DoraInputs
from maturity.model.text import tr
from maturity.tui.messages import OpenResults, StatusChanged
from maturity.tui.safe import plain, styled
from maturity.tui.screens.base import BaseScreen
from maturity.tui.screens.confirm import ConfirmScreen
from maturity.tui.widgets.footer import KeyFooter
from maturity.tui.widgets.safe_input import SafeInput
from maturity.tui.widgets.saved import PendingWrites, SavedIndicator

SAVE_DELAY_S = 0.4
"""Typing pause before a valid value is saved (leaving the screen saves at once)."""


class DoraScreen(BaseScreen[None]):
    """One row per metric: title, input, tier; below, the focused metric's question and buckets."""

    HELP_GROUP = "help.screen.dora"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "move(1)", "Next field", id="next_field", show=False),
        Binding("up", "move(-1)", "Previous field", show=False),
        # Tab moves between fields as everywhere else; the Quick Check picker has its own key.
        Binding("tab", "move(1)", "Next field", show=False),
        Binding("shift+tab", "move(-1)", "Previous field", show=False),
        Binding("ctrl+o", "buckets", "Quick Check", id="quick_check"),
        Binding("ctrl+r", "results", "Results", id="results"),
        Binding("ctrl+g", "measure", "Measure from data", id="measure"),
        Binding("escape", "back", "Back", id="back"),
    ]

    def __init__(self, assessment_id: str) -> None:
        super().__init__()
        self.assessment_id = assessment_id
        self.defs = dora.metric_definitions()
        self.values: dict[str, str] = {m: "" for m in dora.ALL_METRICS}
        self.errors: dict[str, str] = {}
        self.year: str = str(dora.default_year())
        """The chosen benchmark's id: a DORA year ("2024") or a named table ("devlake-2023")."""
        self.team = ""
        self.focused_metric = dora.ALL_METRICS[0]
        self.ready = False
        self.saved_inputs: DoraInputs | None = None
        self.queued_inputs: DoraInputs | None = None
        self.writes = PendingWrites()
        self.read_only = False

    def compose(self) -> ComposeResult:
        with Horizontal(classes="topbar"):
            yield Static(id="d-title", classes="topbar-title")
            yield SavedIndicator(id="saved")
        with VerticalScroll(id="d-main"):
            with Horizontal(classes="metric-row"):
                yield Label(id="lbl-benchmark", classes="metric-title")
                yield Select[str](
                    [(dora.benchmark(k).short_label, k) for k in dora.benchmark_ids()],
                    id="benchmark",
                    value=self.year,
                    allow_blank=False,
                    compact=True,
                )
                yield Static(classes="metric-spacer")
                yield Static(id="d-colhead", classes="metric-tier")
            for metric in dora.ALL_METRICS:
                with Horizontal(classes="metric-row"):
                    yield Label(id=f"lbl-{metric}", classes="metric-title")
                    yield SafeInput(id=f"in-{metric}", classes="metric-input", compact=True)
                    yield Static(id=f"tier-{metric}", classes="metric-tier")
            yield Static(id="d-error", classes="field-error")
            yield Static(id="d-quick")
            yield Static(id="d-overall")
            yield Static(id="d-historical")
            yield Static(id="d-question")
            yield OptionList(id="buckets")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.load()

    @work(exclusive=True, group="dora-load", exit_on_error=False)
    async def load(self) -> None:
        ws = self.gateway.workspace
        try:
            a = await self.gateway.run(ws.get, self.assessment_id)
        except MaturityError as exc:
            self.notify(self.error_text(exc), title=self.t("error.title"), severity="error")
            self.dismiss()
            return
        self.team = a.team
        self.saved_inputs = a.dora
        self.set_read_only(a.status == "complete")
        for metric in dora.ALL_METRICS:
            value = getattr(a.dora, metric) or ""
            self.values[metric] = value
            self.query_one(f"#in-{metric}", Input).value = value
        if a.dora.benchmark is not None and str(a.dora.benchmark) in dora.benchmark_ids():
            self.year = str(a.dora.benchmark)
            self.query_one("#benchmark", Select).value = self.year
        self.ready = True
        self.validate_all()
        self.refresh_view()
        self.query_one(f"#in-{self.focused_metric}", Input).focus()

    # -- validation and classification ------------------------------------------------------

    def validate_all(self) -> None:
        self.errors = {}
        for metric, text in self.values.items():
            if text.strip():
                try:
                    dora.parse_metric(metric, text)
                except MaturityError as exc:
                    title = tr(self.defs[metric].title, self.lang)
                    self.errors[metric] = (
                        f"{title}: {self.error_text(exc).removeprefix(metric + ': ')}"
                    )

    def valid_inputs(self) -> dict[str, str]:
        return {m: v.strip() for m, v in self.values.items() if v.strip() and m not in self.errors}

    def classification(self) -> dora.DoraResult | None:
        inputs = self.valid_inputs()
        if not inputs:
            return None
        try:
            return dora.classify(inputs, self.year)
        except MaturityError:
            return None

    # -- view -------------------------------------------------------------------------------

    def refresh_view(self) -> None:
        lang = self.lang
        self.query_one("#d-title", Static).update(
            styled("[b]$team[/b] · $heading", team=self.team, heading=self.t("dora.heading"))
        )
        self.query_one("#lbl-benchmark", Label).update(self.t("dora.benchmark"))
        self.query_one("#d-colhead", Static).update(f"[dim]{self.t('dora.colhead')}[/dim]")
        result = self.classification()
        for metric in dora.ALL_METRICS:
            d = self.defs[metric]
            title = tr(d.title, lang)
            if d.optional:
                title += f" ({self.t('dora.optional')})"
            self.query_one(f"#lbl-{metric}", Label).update(title)
            field = self.query_one(f"#in-{metric}", Input)
            field.placeholder = self.t("dora.examples", examples=d.examples)
            field.set_class(metric in self.errors, "-invalid-field")
            tier_text = ""
            if metric in self.errors:
                tier_text = "[red]✗[/red]"
            elif result and metric in result.metrics:
                m = result.metrics[metric]  # Quick Check score first, then the historical tier
                tier_text = f"{m.quickcheck:4.1f}"
                if m.tier:
                    tier_text += f"  [b]{self.t(f'tier.{m.tier}')}[/b]"
            tier = self.query_one(f"#tier-{metric}", Static)
            tier.update(tier_text)
            for name in ("elite", "high", "medium", "low"):
                tier.set_class(
                    bool(
                        result and metric in result.metrics and result.metrics[metric].tier == name
                    ),
                    f"-tier-{name}",
                )
        error = self.errors.get(self.focused_metric) or next(iter(self.errors.values()), "")
        error_widget = self.query_one("#d-error", Static)
        error_widget.update(plain(error))  # it quotes what was typed
        error_widget.display = bool(error)
        quick = self.query_one("#d-quick", Static)
        qc = result.quickcheck if result else {}
        if qc.get("overall") is not None:
            text = self.t("dora.quick", score=f"{qc['overall']:.1f}")
            if qc.get("throughput") is not None and qc.get("stability") is not None:
                text += self.t(
                    "dora.quick_parts",
                    throughput=f"{qc['throughput']:.1f}",
                    stability=f"{qc['stability']:.1f}",
                )
            quick.update(f"[b]{text}[/b]")
        else:
            quick.update(self.t("dora.quick_missing"))
        bench = dora.benchmark(self.year).label
        overall = self.query_one("#d-overall", Static)
        if result and result.overall:
            overall.update(
                self.t(
                    "dora.overall",
                    bench=bench,
                    tier=f"[b]{self.t(f'tier.{result.overall}')}[/b]",
                )
            )
        else:
            overall.update(self.t("dora.overall_missing", bench=bench))
        self.query_one("#d-historical", Static).update(
            f"[dim]{self.t('dora.historical', year=dora.tiers_last_published())}[/dim]"
        )
        d = self.defs[self.focused_metric]
        self.query_one("#d-question", Static).update(
            f"[b]{tr(d.title, lang)}[/b]: {tr(d.question, lang)}\n[dim]{self.t('dora.buckets')}[/dim]"
        )
        buckets = self.query_one("#buckets", OptionList)
        highlighted = buckets.highlighted
        buckets.clear_options()
        for b in reversed(d.buckets):  # best first, as the Quick Check lists them
            buckets.add_option(Option(tr(b.text, lang), id=str(b.value)))
        buckets.highlighted = highlighted if highlighted is not None else 0
        self._show_saved()

    def set_read_only(self, read_only: bool) -> None:
        """A complete assessment shows its metrics but takes no input until it is reopened."""
        self.read_only = read_only
        for widget in self.query(".metric-input, #benchmark, #buckets"):
            widget.disabled = read_only
        if read_only:
            self.notify(self.t("snap.read_only"), severity="warning", timeout=6)

    def on_status_changed(self, message: StatusChanged) -> None:
        if message.assessment_id == self.assessment_id and self.ready:
            self.set_read_only(message.status == "complete")
            self._show_saved()

    def _show_saved(self) -> None:
        indicator = self.query_one("#saved", SavedIndicator)
        if self.read_only:
            indicator.show("idle", self.t("snap.badge"))
        elif self.errors and not self.writes.pending:
            indicator.show("failed", self.t("dora.not_saved"))  # an invalid field is never saved
        elif self.saved_inputs is not None or self.writes.pending or self.writes.failed:
            indicator.show_writes(
                self.writes,
                saving=self.t("q.saving"),
                failed=self.t("dora.not_saved"),
                saved=self.t("dora.saved"),
            )

    # -- events -----------------------------------------------------------------------------

    def _metric_of(self, widget_id: str | None) -> str | None:
        if widget_id and widget_id.startswith("in-"):
            return widget_id[3:]
        return None

    @on(Input.Changed, ".metric-input")
    def _changed(self, event: Input.Changed) -> None:
        metric = self._metric_of(event.input.id)
        if metric is None or not self.ready:
            return
        self.values[metric] = event.value
        self.validate_all()
        self.refresh_view()
        if metric not in self.errors:
            self.schedule_save()

    @on(Input.Submitted, ".metric-input")
    def _submitted(self) -> None:
        self.action_move(1)

    def on_descendant_focus(self, event: object) -> None:
        focused = self.focused
        metric = self._metric_of(focused.id if focused else None)
        if metric is not None and metric != self.focused_metric:
            self.focused_metric = metric
            self.query_one("#buckets", OptionList).highlighted = 0
            if self.ready:
                self.refresh_view()

    @on(Select.Changed, "#benchmark")
    def _benchmark_changed(self, event: Select.Changed) -> None:
        if isinstance(event.value, str) and event.value != self.year and self.ready:
            self.year = event.value
            self.refresh_view()
            self.schedule_save()

    @on(OptionList.OptionSelected, "#buckets")
    def _bucket_chosen(self, event: OptionList.OptionSelected) -> None:
        """A bucket fills the field with its text (the parser knows every bucket's wording)."""
        field = self.query_one(f"#in-{self.focused_metric}", Input)
        field.value = str(event.option.prompt)
        self.action_move(1)

    def action_move(self, step: int) -> None:
        metrics = list(dora.ALL_METRICS)
        i = (metrics.index(self.focused_metric) + step) % len(metrics)
        self.query_one(f"#in-{metrics[i]}", Input).focus()

    def action_buckets(self) -> None:
        """ctrl+o: from a field to its Quick Check answers; from the list back to the field."""
        if self.focused is not None and self.focused.id == "buckets":
            self.action_move(0)
        else:
            self.query_one("#buckets", OptionList).focus()

    # -- saving -----------------------------------------------------------------------------

    def current_inputs(self) -> DoraInputs:
        """What to store: valid fields as typed, empty fields cleared; an invalid field keeps
        the value last saved for it (it is shown as not saved)."""
        saved = self.saved_inputs or DoraInputs()
        data: dict[str, object] = {"benchmark": dora.stored_benchmark(self.year)}
        for metric, text in self.values.items():
            if metric in self.errors:
                data[metric] = getattr(saved, metric)
            else:
                data[metric] = text.strip() or None
        return DoraInputs.model_validate(data)

    @work(exclusive=True, group="dora-save", exit_on_error=False)
    async def schedule_save(self) -> None:
        await asyncio.sleep(SAVE_DELAY_S)
        self.save_now()

    def save_now(self) -> None:
        if self.read_only:
            return
        inputs = self.current_inputs()
        if inputs in (self.saved_inputs, self.queued_inputs):
            self._show_saved()
            return
        future = self.gateway.submit(self.gateway.workspace.set_dora, self.assessment_id, inputs)
        self.queued_inputs = inputs
        self.writes.begin()
        self._show_saved()
        self.watch_save(future, inputs)

    @work(group="dora-watch", exit_on_error=False)
    async def watch_save(self, future: object, inputs: DoraInputs) -> None:
        from concurrent.futures import Future

        assert isinstance(future, Future)
        try:
            await self.writes.settle(self.gateway.wait(future))
        except Exception as exc:
            self.queued_inputs = None
            if not isinstance(exc, MaturityError):
                raise  # shown and logged by the app's worker handler
            self.notify(self.error_text(exc), title=self.t("error.title"), severity="error")
        else:
            self.saved_inputs = inputs
        finally:
            if self.is_attached:
                self._show_saved()

    def on_unmount(self) -> None:
        """Leaving by any route (home, command palette) still saves what was typed."""
        if self.ready and not self.read_only:
            inputs = self.current_inputs()
            if inputs not in (self.saved_inputs, self.queued_inputs):
                self.gateway.submit(self.gateway.workspace.set_dora, self.assessment_id, inputs)

    def _flush(self) -> None:
        """Save at once what the debounce has not saved yet (the write is queued, not awaited)."""
        if self.ready:
            self.workers.cancel_group(self, "dora-save")
            self.save_now()

    def action_back(self) -> None:
        """Escape: an invalid value is never saved silently: ask before leaving it behind."""
        if self.errors and not self.read_only:
            metric = next(iter(self.errors))
            field = tr(self.defs[metric].title, self.lang)

            def answer(yes: bool | None) -> None:
                if yes:
                    self._flush()
                    self.dismiss()
                else:
                    self.query_one(f"#in-{metric}", Input).focus()

            self.app.push_screen(
                ConfirmScreen(self.t("retro.dora_invalid_leave", field=field)), answer
            )
            return
        self._flush()
        self.dismiss()

    def action_results(self) -> None:
        self._flush()
        self.navigate(OpenResults(self.assessment_id))

    def action_measure(self) -> None:
        """Measure the keys from the team's repository and records (a worker, with progress);
        the result is stored beside these self-reported values and shown on Results."""
        from maturity.tui.screens.measure import MeasureScreen

        self._flush()
        self.app.push_screen(MeasureScreen(self.assessment_id))

    def palette_commands(self) -> list[tuple[str, str, str]]:
        return [("cmd.results", "cmd.results.help", "results")]
