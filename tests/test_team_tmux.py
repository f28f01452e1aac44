"""The real commands in two real terminals (tmux): a facilitator in team mode and a
participant who joined with ``maturity join ID --as NAME`` on the same store."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from tmux_support import MATURITY, Terminals, terminals

from maturity import questionnaire as qmod
from maturity.store import open_store
from maturity.workspace import Workspace

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

DATA = Path(__file__).parent / "data"


@pytest.fixture
def terms() -> Iterator[Terminals]:
    yield from terminals("maturity-team", 100, 32)


def test_join_follows_the_facilitator_in_another_terminal(
    terms: Terminals, store_path: Path
) -> None:
    assert MATURITY.exists(), "the maturity console script is not installed in this venv"
    ws = Workspace(open_store(store_path))
    aid = ws.create("Payments", qmod.load_file(DATA / "mini.yaml"), participants=["Joon"]).id
    ws.store.close()

    terms.start("facilitator", f"{MATURITY} --store {store_path}")
    terms.wait_for("facilitator", "Payments")
    terms.keys("facilitator", "Enter")
    terms.wait_for("facilitator", "One?")
    terms.keys("facilitator", "v")
    terms.wait_for("facilitator", "0/1 voted · waiting: Joon", "team vote")

    terms.start("mina", f"{MATURITY} --store {store_path} join {aid[:6]} --as Mina")
    terms.wait_for("mina", "One?", "not voted yet", "you: Mina")
    terms.keys("mina", "4")
    terms.wait_for("mina", "Your vote: 4")
    # Mina joined: she is on the list now and votes herself; the typed digit is Joon's
    terms.wait_for("facilitator", "1/2 voted · waiting: Joon · typed → Joon")
    terms.keys("facilitator", "2")  # Joon's vote, typed by the facilitator
    terms.wait_for("facilitator", "2/2 voted")
    screen = terms.screen("mina")
    assert "Joon" not in screen  # nothing about others before the reveal

    terms.keys("facilitator", "r")
    terms.wait_for("facilitator", "Median 3", "spread 2", "DISCUSS")
    terms.wait_for("mina", "Median 3", "Joon", "revealed")
    terms.keys("facilitator", "Enter")  # records the median
    terms.wait_for("mina", "Two?", "not voted yet")  # the participant follows

    ws = Workspace(open_store(store_path, create=False))
    saved = ws.get(aid).answers["alpha.one"]
    assert (saved.level, saved.votes) == (3, {"Mina": 4, "Joon": 2})
    terms.keys("mina", "q")
    terms.keys("facilitator", "q")
    terms.wait_for("facilitator", "Assessments")
    terms.keys("facilitator", "q")
