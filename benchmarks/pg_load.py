"""PostgreSQL figures: team-mode load with LISTEN/NOTIFY, and 10,000-assessment history.

1. votes: 50 participant processes (separate connections, as on separate machines) vote on
   40 questions with one facilitator (this process). The facilitator opens one question after
   the other and waits on LISTEN (``wait_for_change``) instead of polling; it notes when each
   vote becomes visible to it. Participants follow the current question by reading it every
   --follow seconds (one connection each: 50 participants with a listening connection each
   would need 100 connections, PostgreSQL's default maximum; the TUI participant does listen).
   Printed: votes lost (acknowledged but not in the recorded answer: must be 0) and
   vote-to-visible p50/p95/p99 (key press -> the facilitator has read it).
2. history: 10,000 assessments (200 teams x 50) in PostgreSQL and in SQLite, the same data:
   ``list``, a team's ``trend`` and the ``portfolio``, median of --runs, side by side.

A database of its own is created on the server ($MATURITY_TEST_PG, default the local one with
trust access) and dropped at the end. Prints figures; asserts nothing about time.
Usage: uv run python benchmarks/pg_load.py [--participants 50] [--questions 40] [--skip-history]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from history_bench import fill_history
from vote_load import (
    check,
    collect,
    facilitate,
    figures,
    follow_and_vote,
    question_count,
    questionnaire_yaml,
    voter,
)

from maturity import questionnaire as qmod
from maturity.store import migrate, open_store
from maturity.workspace import Workspace


def participant(store: str, aid: str, name: str, follow: float, seed: int) -> None:
    """Follow the facilitator and vote; one JSON line per acknowledged vote."""
    rnd = random.Random(seed)
    ws = Workspace(open_store(store, create=False))
    ws.get(aid)  # warm up the models and the connection
    print(json.dumps({"ready": True}), flush=True)
    follow_and_vote(lambda: ws.store.current_question(aid), voter(ws, aid, name), rnd, follow)


def votes(url: str, n: int, questions: int, follow: float) -> None:
    folder = Path(tempfile.mkdtemp(prefix="maturity-pg-"))
    qfile = folder / "load.yaml"
    qfile.write_text(questionnaire_yaml(questions), encoding="utf-8")
    loaded = qmod.load_file(qfile)
    qids = loaded.questionnaire.question_ids()
    ws = Workspace(open_store(url))
    aid = ws.create("Load", loaded).id
    env = {**os.environ, "MATURITY_STORE": url}
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                __file__,
                "--participant",
                f"P{i:02d}",
                "--id",
                aid,
                "--follow",
                str(follow),
                "--seed",
                str(i),
            ],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        for i in range(n)
    ]
    for proc in procs:  # every participant connected before the first question
        assert proc.stdout is not None
        assert json.loads(proc.stdout.readline()).get("ready")
    store = ws.store
    store.wait_for_change(aid, 0.1)  # LISTEN from now on
    seen_at, elapsed = facilitate(ws, aid, qids, n, lambda: store.wait_for_change(aid, 1.0), 60)
    logs = collect(procs, timeout=120)
    visible = []
    for name, events in logs.items():
        firsts: dict[str, float] = {}
        for e in events:
            if "level" in e:
                firsts.setdefault(str(e["q"]), float(str(e["start"])))
        visible += [
            max(0.0, seen_at[(q, name)] - s) for q, s in firsts.items() if (q, name) in seen_at
        ]
    total, found = check(ws, aid, logs)
    print(f"votes: {n} participant processes x {len(qids)} questions on PostgreSQL in {elapsed:.1f} s;"
          " the facilitator waits on LISTEN/NOTIFY")  # fmt: skip
    print("  " + figures("vote-to-visible (key press -> facilitator has read it)", visible))
    print(
        f"  votes acknowledged {total}, found in the recorded answers {found}, lost {total - found}"
    )
    ws.store.close()


def fill(ws: Workspace, teams: int = 200, per_team: int = 50) -> str:
    """The data of benchmarks/history_bench.py (its own builder, so both stores hold the same
    history): 200 teams x 50 complete CALMS assessments; returns the team the trend uses."""
    fill_history(ws, teams, per_team)
    return "Team 007"


def history(url: str, runs: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="maturity-pg-hist-"))
    sqlite = folder / "history.db"
    t = time.perf_counter()
    team = fill(Workspace(open_store(sqlite)))
    print(f"history: 10,000 assessments written to SQLite in {time.perf_counter() - t:.1f} s")
    t = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "maturity", "store", "copy", "--from", str(sqlite), "--to", url],
        check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    print(f"  copied to PostgreSQL with `maturity store copy` in {time.perf_counter() - t:.1f} s")
    rows = []
    for label, target in (("SQLite", str(sqlite)), ("PostgreSQL", url)):
        ws = Workspace(open_store(target))
        got = {}
        for name, call in (
            ("list (10,000 rows)", lambda ws=ws: ws.list()),
            ("trend (one team, 50)", lambda ws=ws: ws.trend(team)),
            ("portfolio (200 teams)", lambda ws=ws: ws.portfolio()),
        ):
            call()  # warm
            times = []
            for _ in range(runs):
                t = time.perf_counter()
                call()
                times.append(time.perf_counter() - t)
            got[name] = statistics.median(times)
        rows.append((label, got))
        ws.store.close()
    print(
        f"  {'median of ' + str(runs):<24}"
        + "".join(f"{label:>14}" for label, _ in rows)
        + "   ratio"
    )
    for name in rows[0][1]:
        a, b = rows[0][1][name], rows[1][1][name]
        print(f"  {name:<24}{a * 1000:>11.0f} ms{b * 1000:>11.0f} ms   {b / a:.2f}x")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--participants", type=int, default=50)
    ap.add_argument("--questions", type=question_count, default=40)
    ap.add_argument("--follow", type=float, default=0.3)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--skip-history", action="store_true")
    ap.add_argument("--skip-votes", action="store_true")
    ap.add_argument("--participant")
    ap.add_argument("--id")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    if args.participant:
        participant(os.environ["MATURITY_STORE"], args.id, args.participant, args.follow, args.seed)
        return
    import psycopg
    from psycopg.conninfo import make_conninfo

    admin = os.environ.get("MATURITY_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
    name = f"maturity_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        info = psycopg.conninfo.conninfo_to_dict(make_conninfo(admin, dbname=name))
        url = f"postgresql://{info.get('user', 'postgres')}@{info.get('host', '127.0.0.1')}:{info.get('port', 5432)}/{name}"
        migrate(url, say=lambda _line: None)
        if not args.skip_votes:
            votes(url, args.participants, args.questions, args.follow)
        if not args.skip_history:
            history(url, args.runs)
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
