"""Score bars for the results screen (1.0 is empty, 5.0 is full)."""

from __future__ import annotations

from rich.text import Text

FULL, EMPTY = "█", "░"


def score_bar(score: float | None, width: int = 16) -> Text:
    """A bar for a 1.0-5.0 score, coloured by the level it reaches."""
    if score is None:
        return Text(EMPTY * width, style="dim")
    filled = max(0, min(width, round((score - 1) / 4 * width)))
    colour = {1: "red", 2: "bright_red", 3: "yellow", 4: "green", 5: "bright_green"}
    level = max(1, min(5, int(score)))
    bar = Text(FULL * filled, style=colour[level])
    bar.append(EMPTY * (width - filled), style="dim")
    return bar
