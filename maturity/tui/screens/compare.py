"""Compare two assessments: what changed per dimension, answer by answer, in DORA and in the
roadmap.

The numbers come from :func:`maturity.history.compare` (the same computation as ``maturity
compare``), run on the store thread. Everything is named in the UI language: dimensions,
questions (from each side's questionnaire, so questions only one version asks keep their
text), DORA metrics and practices; ids are never shown in their place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len, set_cell_size
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Static

from maturity.errors import MaturityError
from maturity.textfmt import format_delta, format_score
from maturity.tui.messages import GoHome
from maturity.tui.safe import safe_str, styled
from maturity.tui.screens.base import BaseScreen
from maturity.tui.widgets.footer import KeyFooter
from maturity.tui.widgets.levels import delta_text

if TYPE_CHECKING:
    from maturity.model.history import AnswerChange, Comparison, DimensionDelta


@dataclass(frozen=True)
class Names:
    """Display names in the UI language, looked up on the store thread with the comparison."""

    titles: dict[str, str] = field(default_factory=dict)
    """Dimension and question id -> title (the later assessment's questionnaire wins)."""
    practices: dict[str, str] = field(default_factory=dict)
    metrics: dict[str, str] = field(default_factory=dict)


def _level(x: int | None) -> str:
    return f"L{x}" if x is not None else "–"


class CompareScreen(BaseScreen[None]):
    HELP_GROUP = "help.screen.compare"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="back"),
        Binding("q", "home", "Home", id="home"),
    ]

    def __init__(self, a_id: str, b_id: str) -> None:
        super().__init__()
        self.a_id, self.b_id = a_id, b_id
        self.comparison: Comparison | None = None
        self.names = Names()

    @property
    def titles(self) -> dict[str, str]:
        return self.names.titles

    def compose(self) -> ComposeResult:
        with Horizontal(classes="topbar"):
            yield Static(id="c-title", classes="topbar-title")
        with VerticalScroll(id="c-main"):
            yield Static(id="c-body")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.load()
        self.query_one("#c-main").focus()

    def on_language_changed(self, message: object) -> None:
        self.refresh_bindings()
        self.load()

    @work(exclusive=True, group="compare-load", exit_on_error=False)
    async def load(self) -> None:
        ws = self.gateway.workspace
        lang = self.lang

        def _compute() -> tuple[Comparison, Names]:
            from maturity import history
            from maturity.dora import metric_definitions
            from maturity.model.text import tr

            ea, eb = ws.evaluated(self.a_id, lang), ws.evaluated(self.b_id, lang)
            titles: dict[str, str] = {}
            for e in (ea, eb):
                q = e.questionnaire.questionnaire
                titles.update({d.id: tr(d.title, lang) for d in q.dimensions})
                titles.update({qq.id: tr(qq.text, lang) for _, qq in q.questions()})
            recs = [*ea.results.recommendations, *eb.results.recommendations]
            names = Names(
                titles=titles,
                practices={r.id: r.title for r in recs},
                metrics={m: tr(d.title, lang) for m, d in metric_definitions().items()},
            )
            return history.compare(ea, eb), names

        try:
            self.comparison, self.names = await self.gateway.run(_compute)
        except MaturityError as exc:
            self.notify(self.error_text(exc), title=self.t("error.title"), severity="error")
            self.dismiss()
            return
        self.refresh_view()

    # -- view -------------------------------------------------------------------------------

    def refresh_view(self) -> None:
        c = self.comparison
        if c is None:
            return
        self.query_one("#c-title", Static).update(
            styled(
                "[b]$heading[/b] · $a → $b",
                heading=self.t("compare.heading"),
                a=f"{c.a.team} {c.a.created[:10]}",
                b=f"{c.b.team} {c.b.created[:10]}",
            )
        )
        parts: list[RenderableType] = []
        if c.a.questionnaire != c.b.questionnaire:
            versions = self.t("compare.versions", a=c.a.questionnaire, b=c.b.questionnaire)
            parts += [Text(safe_str(versions), "dim"), Text("")]
        parts += [self._scores(c), Text(""), self._changes(c)]
        if c.only_in_a or c.only_in_b:
            parts += [Text(""), self._unmatched(c)]
        parts += [Text(""), self._dora(c)]
        parts += [Text(""), self._practices(c)]
        if c.payoff:
            parts += [Text(""), self._payoff(c)]
        self.query_one("#c-body", Static).update(Group(*parts))

    def _payoff(self, c: Comparison) -> Group:
        """Actions of A done by B: the linked answers and the dimension, then and now
        (association, not proof; the numbers come from maturity.plan.payoff)."""
        parts: list[RenderableType] = [
            Text(self.t("compare.payoff", count=len(c.payoff)), style="bold"),
            Text("  " + self.t("compare.payoff.note"), style="dim"),
        ]
        for p in c.payoff:
            parts.append(Text(f" • {safe_str(p.title)}"))
            for a in p.answers:
                before = str(a.before) if a.answered_before and a.before is not None else "–"
                after = str(a.after) if a.answered_after and a.after is not None else "–"
                parts.append(Text(f"    {a.question}: {before} → {after}", style="dim"))
            if p.dimension:
                dim = self.titles.get(p.dimension, p.dimension)
                parts.append(
                    Text(
                        f"    {dim}: {format_score(p.score_before)} → {format_score(p.score_after)}",
                        style="dim",
                    )
                )
        return Group(*parts)

    def _scores(self, c: Comparison) -> Group:
        """Overall, then one line per dimension: score then -> now, change, level then -> now."""
        names = [
            self.t("compare.overall"),
            *(safe_str(self.titles.get(d.id, d.id)) for d in c.dimensions),
        ]
        width = max(cell_len(n) for n in names)
        rows = [c.overall, *c.dimensions]
        return Group(*(self._row(n, width, d) for n, d in zip(names, rows, strict=True)))

    def _row(self, title: str, width: int, d: DimensionDelta) -> Text:
        line = Text(set_cell_size(title, width) + "  ", style="bold")
        line.append(f"{format_score(d.a_score):>5} → {format_score(d.b_score):>5}  ")
        line.append_text(delta_text(d.score_delta) if d.score_delta is not None else Text("     "))
        line.append(f"   {_level(d.a_level):>2} → {_level(d.b_level):>2}", style="dim")
        if d.level_delta:
            line.append(
                f"  {format_delta(d.level_delta)}", style="green" if d.level_delta > 0 else "red"
            )
        return line

    def _answer(self, answered: bool, level: int | None) -> str:
        if not answered:
            return "·"
        return str(level) if level is not None else "?"

    def _changes(self, c: Comparison) -> RenderableType:
        heading = Text(self.t("compare.changed", count=len(c.changed)), style="bold underline")
        if not c.changed:
            return Group(heading, Text("  " + self.t("compare.none_changed"), style="dim"))
        heading.append("  " + self.t("compare.legend"), style="dim not underline not bold")
        table = Table.grid(padding=(0, 1))
        table.add_column(width=1, no_wrap=True)
        table.add_column(no_wrap=True)
        table.add_column(ratio=1, overflow="fold")
        current = ""
        for ch in c.changed:
            if ch.dimension != current:
                current = ch.dimension
                title = safe_str(self.titles.get(current, current))
                table.add_row("", "", Text(title, style="italic dim"))
            question = Text(safe_str(self.titles.get(ch.question, ch.question)))
            table.add_row("", self._levels(ch), question)  # Text cells: str would be markup
            if ch.a_note != ch.b_note:
                a, b = safe_str(ch.a_note or "–"), safe_str(ch.b_note or "–")
                table.add_row("", "", Text(self.t("compare.note", a=a, b=b), style="dim"))
        return Group(heading, table)

    def _levels(self, ch: AnswerChange) -> Text:
        a, b = self._answer(ch.a_answered, ch.a_level), self._answer(ch.b_answered, ch.b_level)
        text = Text(f"{a} → {b}", style="bold")
        if ch.a_level is not None and ch.b_level is not None and ch.a_level != ch.b_level:
            text.stylize("green" if ch.b_level > ch.a_level else "red", 4)
        return text

    def _unmatched(self, c: Comparison) -> Group:
        """Questions only one questionnaire version asks: listed, never silently dropped."""
        table = Table.grid(padding=(0, 1))
        table.add_column(width=1, no_wrap=True)
        table.add_column(no_wrap=True, style="dim")
        table.add_column(ratio=1, overflow="fold")
        for side, ids, version in (
            ("compare.only_a", c.only_in_a, c.a.questionnaire),
            ("compare.only_b", c.only_in_b, c.b.questionnaire),
        ):
            for i, qid in enumerate(ids):
                label = self.t(side, version=safe_str(version)) if i == 0 else ""
                table.add_row("", Text(label), Text(safe_str(self.titles.get(qid, qid))))
        heading = Text(self.t("compare.unmatched"), style="bold underline")
        return Group(heading, table)

    def _tier(self, tier: str | None) -> str:
        return self.t(f"tier.{tier}") if tier else "–"

    def _dora(self, c: Comparison) -> Group:
        a, b = c.dora_overall
        heading = Text(self.t("compare.dora", a=self._tier(a), b=self._tier(b)), style="bold")
        if not c.dora:
            return Group(heading, Text("  " + self.t("compare.no_dora"), style="dim"))
        table = Table.grid(padding=(0, 1))
        table.add_column(width=1, no_wrap=True)
        table.add_column(no_wrap=True)
        table.add_column(ratio=1, overflow="fold")
        for m in c.dora:
            before = f"{m.a_input} ({self._tier(m.a_tier)})" if m.a_input else "–"
            after = f"{m.b_input} ({self._tier(m.b_tier)})" if m.b_input else "–"
            metric = self.names.metrics.get(m.metric, m.metric)
            table.add_row("", Text(safe_str(metric)), Text(safe_str(f"{before} → {after}")))
        return Group(heading, table)

    def _practices(self, c: Comparison) -> Group:
        """Practices the later assessment no longer needs (now done) and the ones it adds."""
        parts: list[RenderableType] = []
        for key, ids in (("compare.done", c.done), ("compare.new", c.new)):
            parts.append(Text(self.t(key, count=len(ids)), style="bold"))
            if not ids:
                parts.append(Text("  " + self.t("common.none"), style="dim"))
            table = Table.grid(padding=(0, 1))
            table.add_column(width=2, no_wrap=True)
            table.add_column(ratio=1, overflow="fold")
            for pid in ids:
                table.add_row(" •", Text(safe_str(self.names.practices.get(pid, pid))))
            parts.append(table)
        return Group(*parts)

    def action_back(self) -> None:
        self.dismiss()

    def action_home(self) -> None:
        self.navigate(GoHome())
