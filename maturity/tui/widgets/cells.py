"""Table cells of one line of plain text, drawn straight to a segment.

A :class:`rich.text.Text` cell goes through Rich's whole text layout for every cell the first
time a table is drawn (wrapping, justifying, joining lines, cropping them again): for the
home list (21 rows of 6 cells) that was the larger part of drawing the first full screen. A
home cell is one line of plain text with no style of its own, so it can be cut or padded to
the cell's width directly, as Rich would (a cell never wraps: its row is one line high).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from rich.cells import cell_len, set_cell_size
from rich.measure import Measurement
from rich.segment import Segment

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult

Justify = Literal["left", "center", "right"]


class Cell:
    """One line of plain text (never markup), cropped or justified to the cell's width."""

    __slots__ = ("justify", "text", "width")

    def __init__(self, text: str, justify: Justify = "left") -> None:
        self.text = text
        self.justify = justify
        self.width = cell_len(text)

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return f"Cell({self.text!r}, {self.justify!r})"

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(self.width, self.width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        excess = width - self.width
        if excess <= 0:
            yield Segment(set_cell_size(self.text, width) if excess else self.text)
        elif self.justify == "right":
            yield Segment(" " * excess + self.text)
        elif self.justify == "center":
            left = excess // 2
            yield Segment(" " * left + self.text + " " * (excess - left))
        else:
            yield Segment(self.text + " " * excess)
