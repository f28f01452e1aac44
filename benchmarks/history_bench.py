"""Coach views on a store of 200 teams x 50 assessments (10,000): teams, trend, portfolio, compare.

Prints medians of 5 runs, in process and as the full command; asserts nothing.
Usage: uv run python benchmarks/history_bench.py [--teams 200] [--per-team 50]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from maturity import questionnaire as qmod
from maturity.model.assessment import Answer, Assessment, DoraInputs, QuestionnaireRef
from maturity.store import open_store
from maturity.workspace import Workspace, new_id


def median_ms(fn: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def fill_history(ws: Workspace, teams: int, per_team: int) -> None:
    """``teams`` x ``per_team`` complete calms assessments, 70 days apart, from a fixed seed.

    The same history every run, so figures compare across runs and across the benchmarks that
    share it (this one and cli_bench.py).
    """
    loaded = qmod.builtin("calms")
    qids = loaded.questionnaire.question_ids()
    rnd = random.Random(7)
    start = datetime(2014, 1, 1, tzinfo=UTC)
    for team in range(teams):
        for k in range(per_team):
            when = start + timedelta(days=70 * k + team % 60)
            ws.import_document(
                Assessment(
                    id=new_id(), team=f"Team {team:03d}", created=when, updated=when, status="complete",
                    questionnaire=QuestionnaireRef(id=loaded.id, version=loaded.version),
                    answers={q: Answer(level=rnd.randint(1, 5), updated=when) for q in qids},
                    dora=DoraInputs(deployment_frequency=rnd.choice(["monthly", "2/week", "daily"]),
                                    lead_time=rnd.choice(["3w", "2d", "6h"]), change_failure_rate=f"{rnd.randint(2, 40)}%",
                                    time_to_restore=rnd.choice(["2d", "6h", "30m"])),
                ),
                loaded,
            )  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--teams", type=int, default=200)
    ap.add_argument("--per-team", type=int, default=50)
    args = ap.parse_args()
    path = Path(tempfile.mkdtemp(prefix="maturity-hist-")) / "hist.db"
    ws = Workspace(open_store(path))
    t0 = time.perf_counter()
    fill_history(ws, args.teams, args.per_team)
    n = args.teams * args.per_team
    print(
        f"store: {args.teams} teams x {args.per_team} assessments = {n:,} ({time.perf_counter() - t0:.0f} s to build)"
    )
    ids = ws.store.ids_for_team("Team 007")
    figures = {
        "teams": median_ms(ws.teams),
        "trend (one team, 50 points)": median_ms(lambda: ws.trend("Team 007")),
        "portfolio (200 teams)": median_ms(ws.portfolio),
        "compare (two assessments)": median_ms(lambda: ws.compare(ids[0], ids[-1])),
    }
    for name, value in figures.items():
        print(f"{name:<30} {value:8.1f} ms median of 5, in process")
    env = {**os.environ, "MATURITY_STORE": str(path)}
    for argv in (
        ["teams"],
        ["trend", "--team", "Team 007"],
        ["portfolio"],
        ["compare", ids[0], ids[-1]],
    ):
        ms = median_ms(lambda argv=argv: subprocess.run([sys.executable, "-m", "maturity", *argv], env=env,
                                                        stdout=subprocess.DEVNULL, check=True))  # fmt: skip
        label = f"`maturity {' '.join(argv[:2])}`"
        print(f"{label:<30} {ms:8.1f} ms median of 5, whole command (imports included)")


if __name__ == "__main__":
    main()
