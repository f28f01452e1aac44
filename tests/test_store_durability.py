"""Acknowledged answers survive what users really do before a kill -9.

The interleaving that used to lose answers: the app answers, exports a report (which opened
and closed a second handle on the store file in the same process, releasing the app's POSIX
locks), another process opens and closes the store while a third holds a connection, the app
answers again, and is killed. Every answer the app acknowledged must be in the store.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from maturity import questionnaire as q
from maturity.store import open_store
from maturity.workspace import Workspace

pytestmark = pytest.mark.slow

CALMS = q.builtin("calms")

# A stand-in for the TUI process: one long-lived store, commands on stdin, "ok" after each
# committed answer (the moment the app would show "✓ saved").
WRITER = """
import sys
from pathlib import Path
from maturity.store import open_store
from maturity.workspace import Workspace
from maturity.report import export

store_path, assessment_id, out = sys.argv[1], sys.argv[2], Path(sys.argv[3])
ws = Workspace(open_store(store_path))
for line in sys.stdin:
    parts = line.split()
    if parts[0] == "answer":
        ws.answer(assessment_id, parts[1], int(parts[2]))
    elif parts[0] == "export":
        # what the TUI's export worker does: its own store on the same path, then closed
        own = Workspace(open_store(store_path, create=False))
        try:
            export(own, assessment_id, parts[1], out.with_suffix("." + parts[1]), "en")
        finally:
            own.store.close()
    elif parts[0] == "reopen":
        open_store(store_path, create=False).close()
    print("ok", flush=True)
"""

HOLDER = """
import sys, time
from maturity.store import open_store
s = open_store(sys.argv[1], create=False)
s.list()
print("holding", flush=True)
time.sleep(60)
"""


def _cli(store: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MATURITY_STORE": str(store)}
    return subprocess.run(
        [sys.executable, "-m", "maturity", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize("second_open", ["export", "reopen"])
def test_answers_after_export_and_other_processes_survive_kill(
    tmp_path: Path, second_open: str
) -> None:
    store_path = tmp_path / "team.db"
    ws = Workspace(open_store(store_path))
    assessment = ws.create("Payments", CALMS)
    ws.store.close()
    ids = CALMS.questionnaire.question_ids()

    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(store_path), assessment.id, str(tmp_path / "report")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    holder = None
    acknowledged: dict[str, int] = {}

    def send(command: str) -> None:
        assert writer.stdin is not None and writer.stdout is not None
        writer.stdin.write(command + "\n")
        writer.stdin.flush()
        assert writer.stdout.readline().strip() == "ok", command

    def answer(index: int, level: int) -> None:
        send(f"answer {ids[index]} {level}")
        acknowledged[ids[index]] = level

    try:
        for i in range(3):
            answer(i, 3)
        send("export html" if second_open == "export" else "reopen")
        # a participant's process holds the store while another one opens and closes it
        holder = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(store_path)], stdout=subprocess.PIPE, text=True
        )
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "holding"
        listed = _cli(store_path, "list")
        assert listed.returncode == 0, listed.stderr
        assert "Payments" in listed.stdout
        holder.kill()  # the participant leaves without closing anything
        holder.wait()
        holder = None
        assert _cli(store_path, "list").returncode == 0  # the last one out checkpoints
        for i in range(3, 8):
            answer(i, 4)
    finally:
        writer.kill()  # SIGKILL: the app dies without closing its store
        writer.wait()
        if holder is not None:
            holder.kill()
            holder.wait()

    with sqlite3.connect(store_path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    reopened = Workspace(open_store(store_path))
    try:
        answers = reopened.get(assessment.id).answers
    finally:
        reopened.store.close()
    missing = {qid: lvl for qid, lvl in acknowledged.items() if qid not in answers}
    assert not missing, f"acknowledged answers lost: {missing}"
    assert {qid: answers[qid].level for qid in acknowledged} == acknowledged
