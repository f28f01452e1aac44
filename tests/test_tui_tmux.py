"""The real ``maturity`` command in a real terminal (tmux): answers survive a SIGKILL.

Types a short assessment, waits for the "saved" indicator after each answer (that is the
acknowledgement), presses one more key and kills the process with SIGKILL at once. A new
process must find every acknowledged answer, open the store cleanly, and resume at the first
unanswered question.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from tmux_support import MATURITY, Terminals, terminals

from maturity import questionnaire as qmod
from maturity.model.text import tr
from maturity.store import open_store
from maturity.tui.screens.question import BURST_GAP_S
from maturity.workspace import Workspace

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]


@pytest.fixture
def term() -> Iterator[Terminals]:
    yield from terminals("maturity-test", 80, 24)


def test_sigkill_mid_assessment_loses_no_acknowledged_answer(
    term: Terminals, store_path: Path
) -> None:
    assert MATURITY.exists(), "the maturity console script is not installed in this venv"
    questions = qmod.builtin("calms").questionnaire.questions()
    total = len(questions)
    command = f"{MATURITY} --store {store_path}"

    term.start("one", command)
    term.wait_for("one", "Welcome to maturity")
    term.keys("one", "n")
    term.wait_for("one", "New assessment")
    term.keys("one", "Payments", literal=True)
    term.keys("one", "C-s")
    term.wait_for("one", f"question 1 of {len(questions[0][0].questions)}")

    acknowledged: dict[str, int | None] = {}
    for i, key in enumerate(["3", "4", "0", "2", "5"]):
        term.keys("one", key)
        term.wait_for("one", f"saved {i + 1}/{total}")
        acknowledged[questions[i][1].id] = None if key == "0" else int(key)
        time.sleep(BURST_GAP_S)  # a person's pace: faster digits are a burst and are held
    # one more answer, and SIGKILL before it can be acknowledged
    term.keys("one", "1")
    os.kill(term.pid("one"), signal.SIGKILL)

    with sqlite3.connect(store_path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    ws = Workspace(open_store(store_path, create=False))
    [summary] = ws.list()
    stored = ws.get(summary.id).answers
    for qid, level in acknowledged.items():
        assert qid in stored and stored[qid].level == level
    extra = set(stored) - set(acknowledged)
    assert extra <= {questions[5][1].id}  # the unacknowledged one may or may not have landed
    if extra:
        assert stored[questions[5][1].id].level == 1
    ws.store.close()

    # a new process resumes at the first unanswered question with everything kept
    first_open = len(stored)
    term.start("two", command)
    term.wait_for("two", "Payments")
    term.keys("two", "Enter")
    screen = term.wait_for("two", f"{first_open}/{total} answered")
    expected = tr(questions[first_open][1].text, "en")
    assert expected[:40] in " ".join(screen.split())
    term.keys("two", "q")
    term.wait_for("two", "Assessments")
    term.keys("two", "q")
