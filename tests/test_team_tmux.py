"""The real commands in two real terminals (tmux): a facilitator in team mode and a
participant who joined with ``maturity join ID --as NAME`` on the same store."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from maturity import questionnaire as qmod
from maturity.store import open_store
from maturity.workspace import Workspace

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

MATURITY = Path(sys.executable).parent / "maturity"
DATA = Path(__file__).parent / "data"
TIMEOUT_S = 30.0


class Terminals:
    """One tmux server (own socket); each command in its own 100x32 session."""

    def __init__(self, socket: str) -> None:
        self.socket = socket

    def tmux(self, *args: str) -> str:
        out = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=True
        )
        return out.stdout

    def start(self, name: str, command: str) -> None:
        env = {**os.environ, "MATURITY_LANG": "en", "TERM": "xterm-256color"}
        subprocess.run(
            ["tmux", "-L", self.socket, "new-session", "-d", "-s", name, "-x", "100", "-y", "32",
             f"exec {command}"],
            check=True,
            env=env,
        )  # fmt: skip

    def screen(self, name: str) -> str:
        return self.tmux("capture-pane", "-p", "-t", name)

    def keys(self, name: str, *keys: str) -> None:
        self.tmux("send-keys", "-t", name, *keys)

    def wait_for(self, name: str, *texts: str) -> str:
        deadline = time.monotonic() + TIMEOUT_S
        while time.monotonic() < deadline:
            screen = self.screen(name)
            if all(t in screen for t in texts):
                return screen
            time.sleep(0.05)
        raise AssertionError(f"{texts!r} never appeared; screen:\n{self.screen(name)}")


@pytest.fixture
def terms() -> Iterator[Terminals]:
    t = Terminals(f"maturity-team-{os.getpid()}-{time.monotonic_ns()}")
    yield t
    subprocess.run(["tmux", "-L", t.socket, "kill-server"], capture_output=True)


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
    terms.wait_for("facilitator", "0 voted", "team vote")

    terms.start("mina", f"{MATURITY} --store {store_path} join {aid[:6]} --as Mina")
    terms.wait_for("mina", "One?", "not voted yet", "you: Mina")
    terms.keys("mina", "4")
    terms.wait_for("mina", "Your vote: 4")
    terms.wait_for("facilitator", "1 voted", "✓ Mina")
    terms.keys("facilitator", "2")  # Joon's vote, typed by the facilitator
    terms.wait_for("facilitator", "2 voted", "✓ Joon")
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
