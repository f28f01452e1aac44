"""The dimension sidebar of the question screen: progress per dimension, and jumps."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from maturity.tui.safe import safe_str


@dataclass(frozen=True)
class DimensionProgress:
    id: str
    title: str
    answered: int
    total: int
    current: bool


class DimensionSidebar(OptionList):
    """Lists the dimensions with ``answered/total``; choosing one posts :class:`Jump`."""

    @dataclass
    class Jump(Message):
        """The user chose a dimension to jump to."""

        dimension_id: str

    def show(self, rows: list[DimensionProgress]) -> None:
        """Replace the rows, keeping the highlight on the current dimension."""
        highlighted = self.highlighted
        self.clear_options()
        for row in rows:
            label = Text(no_wrap=True, overflow="ellipsis")
            label.append("▸ " if row.current else "  ", style="bold")
            label.append(safe_str(row.title), style="bold" if row.current else "")
            done = row.answered == row.total
            label.append(f" {row.answered}/{row.total}", style="green" if done else "dim")
            self.add_option(Option(label, id=row.id))
        if highlighted is None:
            highlighted = next((i for i, r in enumerate(rows) if r.current), 0)
        if rows:
            self.highlighted = min(highlighted, len(rows) - 1)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Jump(event.option.id))
