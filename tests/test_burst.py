"""The solo-mode burst guard of the question screen (issue 16 item 5)."""

from __future__ import annotations


def test_a_move_ends_a_digit_burst() -> None:
    """Found by CI on a fast run: "3 4 0", back, "5" were counted as one burst of four digits
    and the 5 was held for a question. Votes typed for the room are one run of digits; a move
    between questions ends it."""
    from maturity.tui.screens.question import BURST_GAP_S, BURST_MIN, Burst

    step = BURST_GAP_S / 4
    without_move = Burst()
    assert [without_move.digit(i * step) for i in range(BURST_MIN)][-1] is True
    burst = Burst()
    for i in range(BURST_MIN - 1):
        assert burst.digit(i * step) is False
    burst.reset()
    assert [burst.digit((BURST_MIN + i) * step) for i in range(BURST_MIN - 1)] == [False] * (
        BURST_MIN - 1
    )
