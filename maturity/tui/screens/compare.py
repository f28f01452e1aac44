"""Compare two assessments: overall and per-dimension change, changed answers, DORA tiers.

The numbers come from :meth:`maturity.workspace.Workspace.compare` (the same computation as
``maturity compare``), run on the store thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len, set_cell_size
from rich.console import Group
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Footer, Static

from maturity.errors import MaturityError
from maturity.tui.screens.base import BaseScreen

if TYPE_CHECKING:
    from maturity.model.history import Comparison, DimensionDelta

CHANGES_SHOWN = 12


def _num(x: float | None) -> str:
    return f"{x:.2f}" if x is not None else "–"


def _delta(x: float | None) -> Text:
    if x is None:
        return Text("  ", style="dim")
    style = "green" if x > 0 else "red" if x < 0 else "dim"
    return Text(f"{x:+.2f}", style=style)


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
        self.titles: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        with Horizontal(classes="topbar"):
            yield Static(id="c-title", classes="topbar-title")
        with VerticalScroll(id="c-main"):
            yield Static(id="c-body")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.load()

    def on_language_changed(self, message: object) -> None:
        self.refresh_bindings()
        self.load()

    @work(exclusive=True, group="compare-load", exit_on_error=False)
    async def load(self) -> None:
        ws = self.gateway.workspace
        lang = self.lang

        def _compute() -> tuple[Comparison, dict[str, str]]:
            from maturity.model.text import tr

            comparison = ws.compare(self.a_id, self.b_id, lang)
            b = ws.get(self.b_id)
            q = ws.questionnaire_for(b).questionnaire
            titles = {d.id: tr(d.title, lang) for d in q.dimensions}
            titles.update({qq.id: tr(qq.text, lang) for _, qq in q.questions()})
            return comparison, titles

        try:
            self.comparison, self.titles = await self.gateway.run(_compute)
        except MaturityError as exc:
            self.notify(str(exc), title=self.t("error.title"), severity="error")
            self.dismiss()
            return
        self.refresh_view()

    def refresh_view(self) -> None:
        c = self.comparison
        if c is None:
            return
        self.query_one("#c-title", Static).update(
            f"[b]{self.t('compare.heading')}[/b] · {c.a.team} {c.a.created[:10]} → "
            f"{c.b.team} {c.b.created[:10]}"
        )
        parts: list[Text | Group] = [self._overall(c), Text(""), self._dimensions(c), Text("")]
        parts.append(self._changes(c))
        parts.append(Text(""))
        parts.append(self._dora(c))
        self.query_one("#c-body", Static).update(Group(*parts))

    def _row(self, title: str, width: int, d: DimensionDelta) -> Text:
        line = Text(set_cell_size(title, width) + "  ", style="bold")
        line.append(f"{_num(d.a_score):>5} → {_num(d.b_score):>5}  ")
        line.append_text(_delta(d.score_delta))
        a_level = str(d.a_level) if d.a_level is not None else "–"
        b_level = str(d.b_level) if d.b_level is not None else "–"
        line.append(f"   L{a_level} → L{b_level}", style="dim")
        return line

    def _overall(self, c: Comparison) -> Text:
        return self._row(self.t("compare.overall"), cell_len(self.t("compare.overall")), c.overall)

    def _dimensions(self, c: Comparison) -> Group:
        names = [self.titles.get(d.id, d.id) for d in c.dimensions]
        width = max((cell_len(n) for n in names), default=0)
        return Group(*(self._row(n, width, d) for n, d in zip(names, c.dimensions, strict=True)))

    def _changes(self, c: Comparison) -> Text:
        text = Text()
        text.append(self.t("compare.changed", count=len(c.changed)), style="bold underline")

        def level(x: int | None, answered: bool) -> str:
            if not answered:
                return "·"
            return str(x) if x is not None else "?"

        for ch in c.changed[:CHANGES_SHOWN]:
            text.append(
                f"\n  {level(ch.a_level, ch.a_answered)} → {level(ch.b_level, ch.b_answered)}  "
            )
            text.append(self.titles.get(ch.question, ch.question))
        if len(c.changed) > CHANGES_SHOWN:
            text.append(
                "\n  " + self.t("compare.more", count=len(c.changed) - CHANGES_SHOWN), style="dim"
            )
        if c.only_in_a or c.only_in_b:
            text.append(
                "\n" + self.t("compare.only", a=len(c.only_in_a), b=len(c.only_in_b)), style="dim"
            )
        return text

    def _dora(self, c: Comparison) -> Text:
        a, b = c.dora_overall

        def tier(x: str | None) -> str:
            return self.t(f"tier.{x}") if x else "–"

        text = Text()
        text.append(self.t("compare.dora", a=tier(a), b=tier(b)), style="bold")
        if c.done or c.new:
            text.append("\n" + self.t("compare.practices", done=len(c.done), new=len(c.new)))
        return text

    def action_back(self) -> None:
        self.dismiss()

    def action_home(self) -> None:
        self.mapp.go_home()
