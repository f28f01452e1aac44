"""Issue 10: several processes race imports, answers and deletes against one store. After
each round every acknowledged write is present (and every acknowledged delete absent) and the
store passes SQLite's integrity_check."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from hostile.import_support import CALMS, assessment, bundle

pytestmark = pytest.mark.slow

MATURITY = [sys.executable, "-m", "maturity"]

# Answers one question after another, printing "ok QID LEVEL" once each is committed
# (the moment a user would see "saved").
ANSWERER = """
import sys
from maturity.store import open_store
from maturity.workspace import Workspace

store, aid, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
ws = Workspace(open_store(store))
qids = sys.argv[4:]
for r in range(rounds):
    for i, qid in enumerate(qids):
        level = (r + i) % 5 + 1
        ws.answer(aid, qid, level)
        print("ok", qid, level, flush=True)
"""


def _cli(store: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*MATURITY, "--store", str(store), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_imports_answers_and_deletes_race_without_losing_acknowledged_writes(
    tmp_path: Path,
) -> None:
    store = tmp_path / "shared.db"
    qids = CALMS.questionnaire.question_ids()[:8]
    seed_docs = [assessment(f"Seed {i}") for i in range(6)]
    seed = bundle(tmp_path / "seed.json", seed_docs)
    assert _cli(store, "import", str(seed)).wait(timeout=120) == 0
    answered_id = str(seed_docs[0]["id"])
    deletable = [str(d["id"]) for d in seed_docs[1:]]
    present: set[str] = {str(d["id"]) for d in seed_docs}
    last_level: dict[str, int] = {}

    for rnd in range(3):
        docs = [assessment(f"Round {rnd} team {i}") for i in range(40)]
        incoming = bundle(tmp_path / f"round{rnd}.json", docs)
        victim = deletable.pop()
        procs = {
            "import-a": _cli(store, "import", str(incoming)),
            "import-b": _cli(store, "import", str(incoming)),  # the same bundle, at once
            "delete": _cli(store, "delete", "--yes", victim),
            "answers": subprocess.Popen(
                [sys.executable, "-c", ANSWERER, str(store), answered_id, "2", *qids],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            ),
        }
        results = {name: (p, *p.communicate(timeout=180)) for name, p in procs.items()}
        for name, (p, _out, err) in results.items():
            assert p.returncode == 0, f"{name}: {err}"
        # acknowledged: the import printed its counts; both report the same 40 assessments
        counts = sorted(results[n][1].strip() for n in ("import-a", "import-b"))
        assert counts == [
            f"round{rnd}.json: 0 added, 40 unchanged, 0 replaced",
            f"round{rnd}.json: 40 added, 0 unchanged, 0 replaced",
        ]
        present |= {str(d["id"]) for d in docs}
        assert results["delete"][1].strip() == f"deleted {victim}"
        present.discard(victim)
        for line in results["answers"][1].splitlines():
            _, answered_q, answered_level = line.split()
            last_level[answered_q] = int(answered_level)
        assert len(last_level) == len(qids)

        with sqlite3.connect(store) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
            ids = {r[0] for r in conn.execute("SELECT id FROM assessments")}
            stored = dict(
                conn.execute(
                    "SELECT question_id, level FROM answers WHERE assessment_id = ?",
                    (answered_id,),
                ).fetchall()
            )
        assert ids == present
        for qid, level in last_level.items():
            assert stored[qid] == level, (qid, stored.get(qid), level)

    exported = subprocess.run(
        [*MATURITY, "--store", str(store), "export", "--all"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert len(json.loads(exported.stdout)["assessments"]) == len(present)
