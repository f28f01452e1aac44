"""The app's two themes, readable on a projector: every colour the app writes text in reaches
WCAG AA contrast (4.5:1) against every background it is drawn on, in both themes.

Textual's stock light theme draws amber and green text at 1.3-1.9:1 on its grey background;
these themes keep its look and move the text colours (and the ANSI colours that Rich styles
such as ``"green"`` map to) far enough from the backgrounds. ``tests/test_contrast.py``
computes every pair.
"""

from __future__ import annotations

from typing import Final

from rich.terminal_theme import TerminalTheme
from textual.theme import Theme

DARK_NAME: Final = "maturity-dark"
LIGHT_NAME: Final = "maturity-light"

MATURITY_DARK: Final = Theme(
    name=DARK_NAME,
    primary="#0178D4",
    secondary="#004578",
    accent="#FFA62B",
    warning="#FFA62B",
    error="#F0707E",
    success="#4EBF71",
    foreground="#E0E0E0",
    dark=True,
)

MATURITY_LIGHT: Final = Theme(
    name=LIGHT_NAME,
    primary="#004578",
    secondary="#0178D4",
    accent="#7A4A00",
    warning="#7A4A00",
    error="#A3213F",
    success="#1A5E2E",
    surface="#D8D8D8",
    panel="#D0D0D0",
    background="#E0E0E0",
    dark=False,
    variables={"footer-key-foreground": "#004578"},
)

THEMES: Final = (MATURITY_DARK, MATURITY_LIGHT)

# ANSI colours as Rich styles name them ("red", "green", ...): black, red, green, yellow, blue,
# magenta, cyan, white, then the bright ones. Only the ones text is written in matter; the rest
# keep sensible values.
ANSI_DARK: Final = TerminalTheme(
    (18, 18, 18),
    (224, 224, 224),
    [
        (26, 26, 26),
        (255, 107, 122),  # red
        (78, 191, 113),  # green
        (230, 200, 74),  # yellow
        (122, 167, 255),  # blue
        (214, 140, 240),  # magenta
        (95, 208, 224),  # cyan
        (224, 224, 224),  # white
    ],
    [
        (140, 140, 140),
        (255, 154, 77),  # bright red: the orange of level 2
        (126, 224, 138),  # bright green
        (240, 220, 120),  # bright yellow
        (150, 190, 255),
        (230, 170, 250),
        (140, 225, 240),
        (246, 246, 246),
    ],
)

ANSI_LIGHT: Final = TerminalTheme(
    (224, 224, 224),
    (31, 31, 31),
    [
        (0, 0, 0),
        (163, 33, 63),  # red
        (26, 94, 46),  # green
        (94, 77, 0),  # yellow (a dark olive: yellow itself cannot be read on light grey)
        (31, 79, 160),  # blue
        (122, 46, 142),  # magenta
        (11, 95, 110),  # cyan
        (60, 60, 60),  # white (as text on a light background)
    ],
    [
        (80, 80, 80),
        (138, 59, 0),  # bright red: the orange of level 2
        (20, 96, 42),  # bright green
        (94, 77, 0),  # bright yellow
        (31, 79, 160),
        (122, 46, 142),
        (11, 95, 110),
        (40, 40, 40),
    ],
)

TEXT_ANSI: Final = (
    "red",
    "green",
    "yellow",
    "bright_red",
    "bright_green",
    "blue",
    "magenta",
    "cyan",
)
"""The ANSI colours the app writes text in (the contrast test checks each)."""
TEXT_VARIABLES: Final = (
    "foreground",
    "text-muted",
    "success",
    "success-darken-1",
    "warning",
    "error",
    "accent",
    "footer-key-foreground",
)
"""The theme variables the app writes text in (app.tcss and the Rich styles)."""
BACKGROUND_VARIABLES: Final = ("background", "surface", "panel", "boost")
"""The theme variables text is drawn on."""
