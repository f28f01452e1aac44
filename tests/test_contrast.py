"""Item 13 of issue 16: every colour the app writes text in reaches WCAG AA contrast (4.5:1)
against every background it is drawn on, in both themes (a projector washes colours out)."""

from __future__ import annotations

import pytest
from textual.color import Color

from maturity.tui.app import DARK, LIGHT, MaturityApp
from maturity.tui.themes import BACKGROUND_VARIABLES, TEXT_ANSI, TEXT_VARIABLES

AA = 4.5
ANSI_INDEX = {"red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6}


def luminance(c: Color) -> float:
    """WCAG relative luminance of an sRGB colour."""

    def channel(v: int) -> float:
        x = v / 255
        return x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)


def contrast(a: Color, b: Color) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_contrast_formula_matches_known_values() -> None:
    assert contrast(Color(0, 0, 0), Color(255, 255, 255)) == pytest.approx(21.0)
    assert contrast(Color(119, 119, 119), Color(255, 255, 255)) == pytest.approx(4.48, abs=0.01)
    # the stock light theme's amber on its grey background: what issue 16 measured
    assert contrast(Color.parse("#ffa62b"), Color.parse("#E0E0E0")) < 1.6


def resolve(value: str, background: Color) -> Color:
    """A theme variable's colour as drawn on ``background`` ("auto 60%" is the contrasting
    text colour at that alpha; translucent colours are blended)."""
    if value.startswith("auto"):
        alpha = float(value.split()[1].rstrip("%")) / 100 if " " in value else 1.0
        return background.blend(background.get_contrast_text(1.0), alpha)
    colour = Color.parse(value)
    return background.blend(colour.with_alpha(1.0), colour.a) if colour.a < 1 else colour


@pytest.mark.parametrize("theme", [DARK, LIGHT])
def test_every_text_colour_reaches_aa_on_every_background(theme: str) -> None:
    app = MaturityApp(theme=theme)
    variables = app.get_css_variables()
    base = Color.parse(variables["background"])
    backgrounds = {name: resolve(variables[name], base) for name in BACKGROUND_VARIABLES}
    ansi = app.ansi_theme
    foregrounds = {name: variables[name] for name in TEXT_VARIABLES}
    failures = []
    for bg_name, bg in backgrounds.items():
        for fg_name, value in foregrounds.items():
            ratio = contrast(resolve(value, bg), bg)
            if ratio < AA:
                failures.append(f"{fg_name} on {bg_name}: {ratio:.2f}")
        for name in TEXT_ANSI:
            bright = name.startswith("bright_")
            index = ANSI_INDEX[name.removeprefix("bright_")]
            triplet = ansi.ansi_colors[index + 8] if bright else ansi.ansi_colors[index]
            ratio = contrast(Color(*triplet), bg)
            if ratio < AA:
                failures.append(f"ANSI {name} on {bg_name}: {ratio:.2f}")
    assert not failures, f"{theme}: " + "; ".join(failures)
    assert len(backgrounds) * (len(foregrounds) + len(TEXT_ANSI)) >= 60  # every pair checked
