"""Results: overall level, a bar per dimension, what holds each back, DORA tier, roadmap.

Computed on the store thread with :func:`maturity.evaluate.evaluate` (the same function the
command line and the reports use) and recomputed whenever the screen comes back into view, so
changing an answer and returning shows the new result.
"""

from __future__ import annotations

import contextlib
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.console import Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from maturity.dora import ALL_METRICS, metric_definitions
from maturity.errors import MaturityError
from maturity.evaluate import evaluate
from maturity.model import terms
from maturity.model.plan import Plan
from maturity.model.questionnaire import Questionnaire
from maturity.model.results import Results
from maturity.model.text import tr
from maturity.questionnaire import LoadedQuestionnaire
from maturity.retro import arrow, previous_id, reviewed
from maturity.textfmt import format_score, format_share
from maturity.timefmt import format_time
from maturity.tui.messages import GoHome, OpenDora, OpenExport, OpenPlan, OpenQuestions, OpenSummary
from maturity.tui.safe import plain, safe_str, styled
from maturity.tui.screens.snapshot import SnapshotScreen, Target, snapshot_bindings
from maturity.tui.widgets.bars import score_bar
from maturity.tui.widgets.footer import KeyFooter
from maturity.tui.widgets.votes import disagreement_text
from maturity.tui.widgets.weekly_chart import WeeklyChart

HELD_BACK_SHOWN = 3
"""Held-back questions listed per dimension (the weakest first)."""
SHORT_CELLS = 32
"""A held-back question's text is cut to this many terminal cells in the dimension lines."""


def short(text: str, cells: int = SHORT_CELLS) -> str:
    """``text`` cut to ``cells`` terminal cells (wide Korean characters count twice), with …"""
    if cell_len(text) <= cells:
        return text
    return set_cell_size(text, cells - 1).rstrip() + "…"


class ResultsScreen(SnapshotScreen):
    HELP_GROUP = "help.screen.results"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "answers", "Answers", id="answers"),
        Binding("d", "dora", "DORA", id="dora"),
        Binding("x", "export", "Export", id="export"),
        Binding("p", "plan", "Plan", id="plan"),
        Binding("t", "targets", "Targets", id="targets"),
        Binding("m", "summary", "Summary", id="summary"),
        *snapshot_bindings(show=True),
        Binding("escape", "back", "Back", id="back"),
        Binding("q", "home", "Home", id="home"),
    ]

    def __init__(self, assessment_id: str) -> None:
        super().__init__()
        self.assessment_id = assessment_id
        self.results: Results | None = None
        self.loaded: LoadedQuestionnaire | None = None
        self.target: Target | None = None
        self.plan: Plan | None = None
        self.before: Results | None = None
        """The results of the assessment this one was started from (for change arrows)."""
        self.reviewed: int | None = None
        self._scrolled_once = False

    def compose(self) -> ComposeResult:
        with Horizontal(classes="topbar"):
            yield Static(id="r-title", classes="topbar-title")
        with VerticalScroll(id="r-main"):
            yield Static(id="r-overall")
            yield Static(id="r-dimensions")
            yield Static(id="r-targets")
            yield Static(id="r-disagreement")
            yield Static(id="r-dora")
            yield Static(id="r-measured")
            yield WeeklyChart(id="r-weekly")
            yield Static(id="r-roadmap")
            yield Static(id="r-change-hint", classes="dim")
            yield OptionList(id="r-held")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.load()

    def on_screen_resume(self) -> None:
        if self.results is not None:
            self.load()

    @work(exclusive=True, group="results-load", exit_on_error=False)
    async def load(self) -> None:
        ws = self.gateway.workspace
        lang = self.lang

        def _compute() -> tuple[
            Results, LoadedQuestionnaire, Target, Results | None, int | None, Plan
        ]:
            a = ws.get(self.assessment_id)
            loaded = ws.questionnaire_for(a)
            target = Target(a.id, a.team, a.created.isoformat()[:10], a.status)
            before: Results | None = None
            count: int | None = None
            prev = previous_id(a)
            if prev is not None:
                # "New from the last assessment": arrows against last time, and how far the
                # team has got re-checking the carried-over answers.
                with contextlib.suppress(MaturityError):
                    before = ws.results(prev, lang)
                count = reviewed(
                    a.answers, loaded.questionnaire.question_ids(), format_time(a.created)
                )
            return evaluate(a, loaded, lang), loaded, target, before, count, ws.plan(a.id, lang)

        try:
            (
                self.results,
                self.loaded,
                self.target,
                self.before,
                self.reviewed,
                self.plan,
            ) = await self.gateway.run(_compute)
        except MaturityError as exc:
            self.notify(self.error_text(exc), title=self.t("error.title"), severity="error")
            self.dismiss()
            return
        self.refresh_view()
        self.refresh_bindings()

    def snapshot_target(self) -> Target | None:
        return self.target

    def snapshot_changed(self, assessment_id: str, status: str) -> None:
        if self.target is not None and assessment_id == self.target.id:
            self.load()

    def on_language_changed(self, message: object) -> None:
        # Level names and practice titles are computed in the language: evaluate again.
        self.refresh_bindings()
        self.load()

    # -- view -------------------------------------------------------------------------------

    def refresh_view(self) -> None:
        r, loaded = self.results, self.loaded
        if r is None or loaded is None:
            return
        lang = self.lang
        q = loaded.questionnaire
        badge = ""
        if self.target is not None and self.target.status == "complete":
            badge = f" · [b]{self.t('snap.badge')}[/b]"
        self.query_one("#r-title", Static).update(
            styled(
                f"[b]$heading[/b] · $title{badge}",
                heading=self.tc("r.heading", team=r.team),
                title=tr(q.title, lang),
            )
        )
        self.query_one("#r-overall", Static).update(self._overall(r, q))
        self.query_one("#r-dimensions", Static).update(self._dimensions(r, q))
        if self.plan is not None:
            from maturity.tui.screens.plan import targets_text

            self.query_one("#r-targets", Static).update(targets_text(self, self.plan, q))
        disagreement = disagreement_text(r.disagreement, q, lang)  # team votes, if any
        self.query_one("#r-disagreement", Static).update(disagreement or "")
        self.query_one("#r-disagreement").display = disagreement is not None
        self.query_one("#r-dora", Static).update(self._dora(r))
        self.query_one("#r-measured", Static).update(self._measured(r))
        self.query_one("#r-measured").display = r.measured is not None
        chart = self.query_one("#r-weekly", WeeklyChart)
        chart.display = bool(r.measured and r.measured.measurement.weekly)
        if r.measured is not None:
            chart.set_weeks(r.measured.measurement.weekly)
        self.query_one("#r-roadmap", Static).update(self._roadmap(r, q))
        held = self.query_one("#r-held", OptionList)
        held.clear_options()
        for d in r.dimensions:
            dim = q.dimension(d.id)
            for h in d.held_back_by[:HELD_BACK_SHOWN]:
                found = q.find_question(h.question)
                text = tr(found[1].text, lang) if found else h.question
                title = tr(dim.title, lang) if dim else d.id
                held.add_option(Option(plain(f"{title} · {text} ({h.level})"), id=h.question))
        held.display = held.option_count > 0
        if held.option_count:
            held.highlighted = 0
        hint = self.query_one("#r-change-hint", Static)
        hint.update(self.t("r.change_hint"))
        hint.display = held.display
        # The page starts at the top with the scroll area focused (PageDown reaches the DORA
        # tiers and the roadmap); Tab moves to the held-back list below.
        main = self.query_one("#r-main", VerticalScroll)
        if not self._scrolled_once:
            main.focus()
            main.scroll_home(animate=False)
            self._scrolled_once = True

    def _overall(self, r: Results, q: Questionnaire) -> Text:
        text = self._overall_line(r, q)
        if self.reviewed is not None:
            total = len(q.question_ids())
            text.append("  " + self.t("retro.reviewed", n=self.reviewed, total=total), style="dim")
        return text

    def _overall_line(self, r: Results, q: Questionnaire) -> Text:
        o = r.overall
        if o.level is not None and o.score is not None:
            text = Text()
            text.append(
                self.t(
                    "r.overall", level=o.level, name=o.level_name or "", score=format_score(o.score)
                ),
                style="bold",
            )
            if o.capped_by:
                dim = q.dimension(o.capped_by)
                name = tr(dim.title, self.lang) if dim else o.capped_by
                text.append("\n" + self.t("r.capped", dimension=name), style="dim")
            return text
        if o.score is not None:
            return Text(self.t("r.partial", score=format_score(o.score)), style="bold")
        return Text(self.t("r.no_answers"), style="bold")

    def _dimensions(self, r: Results, q: Questionnaire) -> Group:
        """One line per dimension (title, bar, score, level, coverage), aligned by terminal
        cells so Korean titles line up, and an indented "held back by" line under it."""
        titles = {
            d.id: safe_str(tr(dim.title, self.lang) if (dim := q.dimension(d.id)) else d.id)
            for d in r.dimensions
        }
        width = max((cell_len(x) for x in titles.values()), default=0)
        lines: list[Text | Padding] = []
        before = {d.id: d for d in self.before.dimensions} if self.before is not None else {}
        for d in r.dimensions:
            score = format_score(d.score)
            old = before.get(d.id)
            delta = (
                round(d.score - old.score, 2)
                if old is not None and old.score is not None and d.score is not None
                else None
            )
            level = (
                self.t("r.level", level=d.level, name=q.level_name(d.level, self.lang))
                if d.level is not None
                else self.t("r.not_enough")
            )
            line = Text(set_cell_size(titles[d.id], width) + " ", style="bold")
            line.append_text(score_bar(d.score, 12))
            line.append(f" {score:>4}")
            if delta is not None:
                style = "green" if delta > 0 else "red" if delta < 0 else "dim"
                line.append(f" {arrow((delta > 0) - (delta < 0))}", style=style)
            line.append("  ")
            line.append(level, style="bold" if d.level is not None else "dim")
            line.append("  " + self.t("r.coverage", pct=format_share(d.coverage)), style="dim")
            lines.append(line)
            if d.next_level and d.distance_to_next is not None and d.held_back_by:
                names = []
                for h in d.held_back_by[:HELD_BACK_SHOWN]:
                    found = q.find_question(h.question)
                    name = tr(found[1].text, self.lang) if found else h.question
                    names.append(f"{short(name)} ({h.level})")
                more = len(d.held_back_by) - HELD_BACK_SHOWN
                held = self.t(
                    "r.held_back", distance=format_score(d.distance_to_next), next=d.next_level
                )
                held += " " + ", ".join(names) + (f" +{more}" if more > 0 else "")
                lines.append(Padding(Text(held, style="dim"), (0, 0, 0, width + 1)))
        return Group(*lines)

    def _dora(self, r: Results) -> Text:
        """Quick Check score first (DORA's current yardstick), then the tier against the chosen
        benchmark, marked historical (DORA published tiers last in 2024)."""
        if r.dora is None:
            return Text(self.t("r.dora_none"))
        d = r.dora
        tier = self.t(f"tier.{d.overall}") if d.overall else self.t("r.dora_incomplete")
        text = Text()
        qc = d.quickcheck
        if qc.get("overall") is not None:
            text.append(self.t("dora.quick", score=f"{qc['overall']:.1f}"), style="bold")
            if qc.get("throughput") is not None and qc.get("stability") is not None:
                text.append(
                    self.t(
                        "dora.quick_parts",
                        throughput=f"{qc['throughput']:.1f}",
                        stability=f"{qc['stability']:.1f}",
                    )
                )
            text.append("\n")
        bench = d.benchmark_label or f"DORA {d.benchmark}"
        text.append(self.t("r.dora", bench=bench, tier=tier), style="bold")
        defs = metric_definitions()
        for metric in ALL_METRICS:
            m = d.metrics.get(metric)
            if m is None:
                continue
            grade = f"{m.quickcheck:.1f}/10"
            if m.tier:
                grade += f" · {self.t(f'tier.{m.tier}')}"
            text.append(f"\n  {tr(defs[metric].title, self.lang)}: {safe_str(m.input)} → {grade}")
        if d.tiers_last_published:
            text.append("\n" + self.t("dora.historical", year=d.tiers_last_published), style="dim")
        if d.optimistic_flag and d.implied_band:
            lo, hi = d.implied_band
            text.append("\n" + self.t("r.optimistic", lo=lo, hi=hi), style="bold yellow")
        return text

    def _measured(self, r: Results) -> Group | Text:
        """Self-reported vs measured per metric; ``!`` marks a gap of one tier or more."""
        mv = r.measured
        if mv is None:
            return Text("")
        from maturity.measure.text import stat_value

        p = mv.measurement.provenance
        table = Table.grid(padding=(0, 1))
        table.add_column(width=1, no_wrap=True)
        table.add_column(ratio=2)
        table.add_column(ratio=2)
        table.add_column(ratio=3)
        defs = metric_definitions()
        for pair in mv.comparison:
            stat = mv.measurement.metrics.get(pair.metric)
            own = f"{pair.self_reported or '–'} {self.t(f'tier.{pair.self_tier}') if pair.self_tier else ''}"
            got = stat_value(pair.metric, stat) if stat else "–"
            tier = self.t(f"tier.{pair.measured_tier}") if pair.measured_tier else ""
            n = f" n={stat.n} {stat.confidence}" if stat else ""
            table.add_row(
                Text("!", style="bold yellow") if pair.disagree else "",
                Text(tr(defs[pair.metric].title, self.lang)),
                Text(safe_str(own.strip())),  # typed by the team: text, never markup
                Text(f"{got} {tier}{n}", style="bold" if pair.disagree else ""),
            )
        note = self.t(
            "r.measured_window",
            start=f"{p.window.start:%Y-%m-%d}",
            end=f"{p.window.end:%Y-%m-%d}",
            days=f"{p.window.days:g}",
            version=p.tool_version,
        )
        if p.failures_from_reverts is not None:
            note += "; " + self.t("r.measured_proxy", days=p.failures_from_reverts)
        if mv.measurement.weekly:
            note += "\n" + self.t("r.weekly")
        parts: list[Text | Table | Padding] = [Padding(Text(note, style="dim"), (0, 0, 0, 2))]
        if r.dora is None and mv.effective.optimistic_flag and mv.effective.implied_band:
            lo, hi = mv.effective.implied_band
            parts.append(Text(self.t("r.optimistic", lo=lo, hi=hi), style="bold yellow"))
        title = Text(self.t("r.measured", year=mv.dora.benchmark, n=mv.disagreements), style="bold")
        return Group(title, table, *parts)

    def _roadmap(self, r: Results, q: Questionnaire) -> Table:
        table = Table.grid(padding=(0, 1))
        table.add_column(no_wrap=True, style="bold")
        table.add_column(width=1, no_wrap=True)
        table.add_column(ratio=1)
        table.add_row(Text(self.t("r.roadmap"), style="bold underline"), "", "")
        if not r.recommendations:
            table.add_row("", "", self.t("r.no_recommendations"))
            return table
        for horizon in ("now", "next", "later"):
            items = [x for x in r.recommendations if x.horizon == horizon]
            for i, x in enumerate(items):
                dim = q.dimension(x.dimension)
                where = safe_str(tr(dim.title, self.lang) if dim else x.dimension)
                item = Text(f"{safe_str(x.title)} ")
                who = (
                    f", {terms.who_acts_name(x.who_acts, self.lang)}"
                    if x.who_acts != "team"  # the team is the default actor: only say otherwise
                    else ""
                )
                item.append(f"[{where}, {self.t('r.effort', effort=x.effort)}{who}]", style="dim")
                table.add_row(self.t(f"r.horizon.{horizon}") if i == 0 else "", "•", item)
        return table

    # -- actions ----------------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#r-held")
    def _change(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.navigate(OpenQuestions(self.assessment_id, event.option.id))

    def action_answers(self) -> None:
        self.navigate(OpenQuestions(self.assessment_id))

    def action_dora(self) -> None:
        self.navigate(OpenDora(self.assessment_id))

    def action_export(self) -> None:
        self.navigate(OpenExport(self.assessment_id))

    def action_plan(self) -> None:
        self.navigate(OpenPlan(self.assessment_id))

    def action_targets(self) -> None:
        """Set the targets here, on the results (the same dialog as on the Plan screen)."""
        if self.plan is None or self.loaded is None or self.target is None:
            return
        if self.target.status == "complete":
            self.notify(self.t("plan.read_only"), severity="warning", timeout=6)
            return
        from maturity.tui.screens.plan import open_targets_form

        def done(changed: bool | None) -> None:
            if changed:
                self.notify(self.t("plan.saved"), timeout=2)
                self.load()

        open_targets_form(self, self.plan, self.loaded, done)

    def action_summary(self) -> None:
        self.navigate(OpenSummary(self.assessment_id))

    def action_back(self) -> None:
        self.dismiss()

    def action_home(self) -> None:
        self.navigate(GoHome())

    def palette_commands(self) -> list[tuple[str, str, str]]:
        return [
            ("cmd.dora", "cmd.dora.help", "dora"),
            ("cmd.plan", "cmd.plan.help", "plan"),
            ("cmd.targets", "cmd.targets.help", "targets"),
            ("cmd.export", "cmd.export.help", "export"),
            ("cmd.resume", "cmd.resume.help", "answers"),
            *self.snapshot_palette(),
        ]
