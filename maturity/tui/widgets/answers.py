"""The five anchored options of a question (plus "not sure") as a selectable list."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from maturity.model.text import tr
from maturity.tui.i18n import t
from maturity.tui.safe import safe_str

if TYPE_CHECKING:
    from maturity.model.questionnaire import Question

NOT_SURE = 0
"""The option id (and key) for "not sure"; stored as level None."""


def level_bindings(
    action: str, description: str, binding_id: str, *, show_not_sure: bool = True
) -> list[Binding]:
    """Keys 1-5 and 0 ("not sure") calling ``action(key)``; one footer entry "1-5" for all five."""
    return [
        Binding("1", f"{action}(1)", description, id=binding_id, key_display="1-5"),
        *(Binding(str(k), f"{action}({k})", description, show=False) for k in range(2, 6)),
        Binding("0", f"{action}({NOT_SURE})", "Not sure", id="not_sure", show=show_not_sure),
    ]


def question_widgets(prefix: str) -> ComposeResult:
    """A question's body for ``compose``: position line, text, the help (hidden until asked
    for) and the options, with ids ``{prefix}-position`` ... ``{prefix}-options``."""
    yield Static(id=f"{prefix}-position", classes="dim")
    yield Static(id=f"{prefix}-text")
    with VerticalScroll(id=f"{prefix}-help"):
        yield Static(id=f"{prefix}-help-text")
    yield AnswerOptions(id=f"{prefix}-options")


def answer_choices(question: Question, lang: str) -> list[tuple[int, str]]:
    """A question's options as (key, text) for :meth:`AnswerOptions.show`, "not sure" last."""
    choices = [(o.level, tr(o.text, lang)) for o in question.options]
    choices.append((NOT_SURE, t("q.not_sure", lang)))
    return choices


class AnswerOptions(OptionList):
    """Options keyed 1-5 and 0; enter on one posts :class:`Chosen` (the digit keys do too,
    through the screen's bindings, so the list need not have focus)."""

    @dataclass
    class Chosen(Message):
        key: int  # 1-5, or 0 for "not sure"

    def show(self, options: list[tuple[int, str]], current: int | None) -> None:
        """``options`` as (key, text); ``current`` is the key of the recorded answer, if any."""
        self.clear_options()
        for key, text in options:
            chosen = key == current
            # A grid gives the option text a hanging indent under its key.
            label = Table.grid(padding=(0, 1))
            label.add_column(width=3, no_wrap=True)
            label.add_column(width=1, no_wrap=True)
            # fold, not ellipsis: a wide (Korean) character at a line end must wrap, not vanish
            label.add_column(ratio=1, overflow="fold")
            label.add_row(
                Text(f" {key} ", style="reverse bold" if chosen else "bold"),
                Text("✓" if chosen else " ", style="bold green"),
                Text(safe_str(text, multiline=True), style="bold" if chosen else ""),
            )
            self.add_option(Option(label, id=str(key)))
        index = next((i for i, (k, _) in enumerate(options) if k == current), 0)
        self.highlighted = index

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Chosen(int(event.option.id)))
