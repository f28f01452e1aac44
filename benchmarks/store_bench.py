"""Store performance: import, list and single-answer save on a store of 10,000 assessments.

Prints figures (medians of several runs, p95 where it matters); asserts nothing.
Usage: uv run python benchmarks/store_bench.py [--assessments N] [--keep PATH]
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from maturity import questionnaire as qmod
from maturity.model.assessment import Answer, Assessment, DoraInputs, QuestionnaireRef, now
from maturity.store import open_store
from maturity.workspace import Workspace, new_id


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def make_doc(
    rnd: random.Random, qids: list[str], loaded: qmod.LoadedQuestionnaire, team: int
) -> Assessment:
    stamp = now()
    return Assessment(
        id=new_id(),
        team=f"Team {team:03d}",
        created=stamp,
        updated=stamp,
        facilitator="Bench",
        questionnaire=QuestionnaireRef(id=loaded.id, version=loaded.version),
        answers={
            q: Answer(level=rnd.choice([None, 1, 2, 3, 4, 5]), note="", updated=stamp) for q in qids
        },
        dora=DoraInputs(
            deployment_frequency="2/week",
            lead_time="3d",
            change_failure_rate="12%",
            time_to_restore="6h",
        ),
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--assessments", type=int, default=10_000)
    ap.add_argument("--keep", type=Path, help="build the store here and keep it")
    args = ap.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="maturity-bench-"))
    path = args.keep or folder / "bench.db"
    path.unlink(missing_ok=True)
    loaded = qmod.builtin("calms")
    qids = loaded.questionnaire.question_ids()
    rnd = random.Random(42)
    ws = Workspace(open_store(path))

    print(
        f"store: {args.assessments:,} assessments x {len(qids)} answers (calms), synchronous=FULL, WAL"
    )
    import_times = []
    t_all = time.perf_counter()
    for i in range(args.assessments):
        doc = make_doc(rnd, qids, loaded, i % 200)
        t = time.perf_counter()
        ws.import_document(doc, loaded)
        import_times.append(time.perf_counter() - t)
    total = time.perf_counter() - t_all
    print(
        f"import: {ms(statistics.median(import_times))} median per assessment, p95 {ms(p95(import_times))}, total {total:.1f} s"
    )

    runs = []
    for _ in range(5):
        t = time.perf_counter()
        rows = ws.list()
        runs.append(time.perf_counter() - t)
    print(f"list (in process): {ms(statistics.median(runs))} median of 5 for {len(rows):,} rows")

    env = {**os.environ, "MATURITY_STORE": str(path)}
    cmd_runs = []
    for _ in range(5):
        t = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "maturity", "list"],
            env=env,
            stdout=subprocess.DEVNULL,
            check=True,
        )
        cmd_runs.append(time.perf_counter() - t)
    bare = []
    for _ in range(5):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        bare.append(time.perf_counter() - t)
    print(
        f"`maturity list` command: {ms(statistics.median(cmd_runs))} median of 5 (interpreter start alone:"
        f" {ms(statistics.median(bare))}; ratio {statistics.median(cmd_runs) / statistics.median(bare):.1f}x)"
    )

    target = rows[len(rows) // 2].id
    saves = []
    for i in range(300):
        t = time.perf_counter()
        ws.answer(target, qids[i % len(qids)], (i % 5) + 1)
        saves.append(time.perf_counter() - t)
    # Baseline in the same process: one raw INSERT-OR-REPLACE + commit with the same pragmas.
    raw = sqlite3.connect(folder / "raw.db", isolation_level=None)
    raw.execute("PRAGMA journal_mode=WAL")
    raw.execute("PRAGMA synchronous=FULL")
    raw.execute("CREATE TABLE IF NOT EXISTS t (k TEXT PRIMARY KEY, v INTEGER)")
    base = []
    for i in range(300):
        t = time.perf_counter()
        raw.execute("BEGIN IMMEDIATE")
        raw.execute("INSERT OR REPLACE INTO t VALUES (?, ?)", (f"k{i % 36}", i))
        raw.execute("COMMIT")
        base.append(time.perf_counter() - t)
    med, bmed = statistics.median(saves), statistics.median(base)
    print(
        f"save one answer (committed, progress updated): median {ms(med)}, p95 {ms(p95(saves))}"
        f" (raw SQLite commit baseline median {ms(bmed)}; ratio {med / bmed:.1f}x)"
    )
    print(f"store file: {path.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
