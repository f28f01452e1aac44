"""The TUI writes numbers with the core's one formatting rule (issue 12 item 1)."""

from __future__ import annotations

import re
from pathlib import Path

import maturity.tui
from maturity.textfmt import format_delta
from maturity.tui.widgets.levels import delta_text

TUI = Path(maturity.tui.__file__).parent

OWN_FORMAT = re.compile(r"""\{[^{}"']*:\+?\.2f\}|\{[^{}"']*:\.0%\}""")
"""A score ("{x:.2f}", "{x:+.2f}") or a share ("{x:.0%}") formatted by hand in an f-string."""


def test_no_tui_module_formats_scores_or_shares_itself() -> None:
    """Scores, score changes and shares go through maturity.textfmt, not private copies."""
    offenders = [
        f"{path.relative_to(TUI)}:{n}: {line.strip()}"
        for path in sorted(TUI.rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if OWN_FORMAT.search(line)
    ]
    assert offenders == []


def test_the_pattern_would_see_a_private_copy() -> None:
    assert OWN_FORMAT.search('score = f"{d.score:.2f}" if d.score is not None else "–"')
    assert OWN_FORMAT.search('entry.append(f"{change:+.2f}", style=style)')
    assert OWN_FORMAT.search('pct=f"{d.coverage:.0%}"')
    assert not OWN_FORMAT.search("score=format_score(d.score)")


def test_delta_cells_use_the_core_rule_and_keep_columns_aligned() -> None:
    """The compare screen's change column: the core's text, right-aligned in five cells."""
    for delta, text in [(0.25, "+0.25"), (-1.5, "-1.50"), (0.0, " 0.00"), (-0.001, " 0.00")]:
        cell = delta_text(delta)
        assert cell.plain == text
        assert cell.plain.strip() == format_delta(delta)
    assert delta_text(0.25).style == "green"
    assert delta_text(-0.25).style == "red"
    assert delta_text(None).plain == "–"
