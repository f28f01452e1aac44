"""The ``?`` screen: every key binding, for the screen you came from first, then the rest."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from maturity.tui.i18n import t
from maturity.tui.screens.base import BaseModal


def binding_rows(bindings: list[BindingType], lang: str) -> list[tuple[str, str]]:
    """(keys, description) per action; bindings with the same action and description are merged
    into one row (the keys 1 to 5 are one "Answer" row)."""
    merged: dict[str, tuple[list[str], str]] = {}
    for b in bindings:
        if not isinstance(b, Binding) or b.system:
            continue
        desc = t(f"binding.{b.id}", lang) if b.id else b.description
        if not desc:
            continue
        keys = b.key_display or ", ".join(k.strip() for k in b.key.split(","))
        keys = keys.replace("question_mark", "?").replace("slash", "/")
        action = f"{b.action.split('(')[0]}:{desc}"
        if action in merged:
            merged[action][0].append(keys)
        else:
            merged[action] = ([keys], desc)
    rows: dict[str, list[str]] = {}
    for key_list, desc in merged.values():
        shown = list(dict.fromkeys(key_list))
        if "1-5" in shown:  # the range says it once; its single digits are not listed again
            shown = [k for k in shown if k not in {"1", "2", "3", "4", "5"}]
        # A key listed once: one key with two meanings (vote before the reveal, record after
        # it) is one row with both descriptions.
        descs = rows.setdefault(" ".join(shown), [])
        if desc not in descs:
            descs.append(desc)
    return [(keys, " / ".join(descs)) for keys, descs in rows.items()]


def screen_classes() -> list[type[Screen[Any]]]:
    """The screens the help lists, in the order a session meets them."""
    from maturity.tui.screens.compare import CompareScreen
    from maturity.tui.screens.dora import DoraScreen
    from maturity.tui.screens.home import HomeScreen
    from maturity.tui.screens.measure import MeasureScreen
    from maturity.tui.screens.new_assessment import NewAssessmentScreen
    from maturity.tui.screens.plan import PlanScreen
    from maturity.tui.screens.portfolio import PortfolioScreen
    from maturity.tui.screens.question import QuestionScreen
    from maturity.tui.screens.results import ResultsScreen
    from maturity.tui.screens.review import ReviewScreen
    from maturity.tui.screens.summary import SummaryScreen
    from maturity.tui.screens.team import TeamQuestionScreen
    from maturity.tui.screens.trend import TrendScreen

    return [
        HomeScreen,
        NewAssessmentScreen,
        QuestionScreen,
        TeamQuestionScreen,
        DoraScreen,
        MeasureScreen,
        ResultsScreen,
        PlanScreen,
        ReviewScreen,
        SummaryScreen,
        CompareScreen,
        TrendScreen,
        PortfolioScreen,
    ]


class HelpScreen(BaseModal[None]):
    """Lists the bindings of the current screen, then every other screen, then the global ones."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Close", show=False),
    ]

    def __init__(self, current: type[Screen[Any]] | None = None) -> None:
        super().__init__()
        self.current = current
        self.table: Table | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="help-dialog"):
            yield Static(id="help-heading", classes="dialog-title")
            with VerticalScroll(id="help-body"):
                yield Static(id="help-table")
            yield Static(id="help-footer", classes="hint")

    def on_mount(self) -> None:
        self.refresh_view()
        self.query_one("#help-body").focus()

    def refresh_view(self) -> None:
        lang = self.lang
        self.query_one("#help-heading", Static).update(self.t("help.heading"))
        self.query_one("#help-footer", Static).update(self.t("help.footer"))
        screens = screen_classes()
        if self.current in screens:
            screens.remove(self.current)
            screens.insert(0, self.current)
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        groups: list[tuple[str, list[BindingType]]] = [
            (t(getattr(cls, "HELP_GROUP", ""), lang), list(cls.BINDINGS)) for cls in screens
        ]
        groups.append((self.t("help.everywhere"), list(self.app.BINDINGS) + _palette()))
        for i, (title, bindings) in enumerate(groups):
            if i:
                table.add_row("", "")
            table.add_row(Text(title, style="bold underline"), "")
            for keys, desc in binding_rows(bindings, lang):
                table.add_row(Text(keys, style="bold"), desc)
        self.table = table
        self.query_one("#help-table", Static).update(table)

    def action_close(self) -> None:
        self.dismiss()


def _palette() -> list[BindingType]:
    return [Binding("ctrl+p", "command_palette", "Commands", id="commands")]
