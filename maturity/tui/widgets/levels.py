"""Level cells for the coach screens: a coloured block that still shows the number.

The colour makes a heat map scannable; the digit keeps it readable without colour (a
monochrome terminal, a screenshot in a grey-scale report, a colour-blind reader).
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text

from maturity.textfmt import format_delta

LEVEL_STYLES: dict[int, str] = {
    1: "bold #000000 on #ff8787",
    2: "bold #000000 on #ffaf5f",
    3: "bold #000000 on #ffd75f",
    4: "bold #000000 on #afd787",
    5: "bold #000000 on #5fd75f",
}
"""Dark digits on light fills: the same cells read well on the dark and the light theme."""


def level_cell(level: int | None, width: int = 3) -> Text:
    """``level`` centred in a block ``width`` cells wide; "–" (uncoloured) when unknown."""
    if level is None:
        return Text("–".center(width), style="dim")
    label = str(level)
    pad = max(width - cell_len(label), 0)
    left = pad // 2
    return Text(" " * left + label + " " * (pad - left), style=LEVEL_STYLES.get(level, "bold"))


def delta_text(delta: float | None) -> Text:
    """A signed score change (the core's :func:`format_delta`), five cells wide so columns
    after it line up ("+0.25", " 0.00"); green when it went up, red when it went down."""
    if delta is None:
        return Text("–", style="dim")
    style = "green" if delta > 0 else "red" if delta < 0 else "dim"
    return Text(format_delta(delta).rjust(5), style=style)
