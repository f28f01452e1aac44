"""Team-mode load test: 12 participant processes vote on 40 questions against one store.

Two phases, each ending with a check that no acknowledged vote was lost (every participant's
last acknowledged vote on every question is in the recorded answer):

1. session: a facilitator (this process) opens one question after the other, like the TUI;
   participants follow it by polling the store (as ``maturity join`` does), think for a
   moment, vote, and some change their vote. The facilitator polls every --poll seconds (the
   TUI's 0.3 s) and notes when each vote becomes visible to it. Printed: vote-to-visible
   latency (from the participant pressing the key to the facilitator's screen showing the
   vote) and the write latency of a vote (the committed ``cast_vote`` call).
2. burst: every participant votes (and changes) on all 40 questions as fast as it can, at the
   same time, with no pacing: the worst contention on the write lock. Printed: write latency
   and throughput.

Prints figures; asserts nothing about time (only the nothing-lost check can fail it).
Usage: uv run python benchmarks/vote_load.py [--participants 12] [--questions 40] [--poll 0.3]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from maturity import questionnaire as qmod
from maturity.store import open_store
from maturity.workspace import Workspace

THINK_S = 0.15  # a participant reads the question for up to this long before voting
CHANGE_P = 0.3  # share of votes changed shortly after being cast


def question_count(text: str) -> int:
    """``--questions``: at least one per dimension (a dimension without questions is invalid)."""
    n = int(text)
    if n < 5:
        raise argparse.ArgumentTypeError("at least 5 (one per dimension)")
    return n


def questionnaire_yaml(n: int) -> str:
    """A valid questionnaire with ``n`` questions in five dimensions."""
    dims = ["culture", "automation", "lean", "measurement", "sharing"]
    lines = [
        "schema: maturity/questionnaire@1",
        "id: load",
        "version: '1.0'",
        "title: Load test",
        "levels: {1: Initial, 2: Developing, 3: Defined, 4: Managed, 5: Optimizing}",
        "dimensions:",
    ]
    per = [n // len(dims) + (1 if i < n % len(dims) else 0) for i in range(len(dims))]
    for d, count in zip(dims, per, strict=True):
        lines += [
            f"  - id: {d}",
            f"    title: {d.capitalize()}",
            "    weight: 1",
            "    descriptors: {1: one, 2: two, 3: three, 4: four, 5: five}",
            "    questions:",
        ]
        for i in range(count):
            lines.append(
                f"      - {{id: {d}.q{i:02d}, text: 'Question {d} {i}?', help: Why., weight: 1,"
                " source: load test, options: [{level: 1, text: a}, {level: 2, text: b},"
                " {level: 3, text: c}, {level: 4, text: d}, {level: 5, text: e}]}"
            )
    return "\n".join(lines) + "\n"


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def figures(label: str, values: list[float]) -> str:
    return (
        f"{label}: n={len(values)}  p50 {ms(statistics.median(values))}  p95 {ms(pct(values, 0.95))}"
        f"  p99 {ms(pct(values, 0.99))}  max {ms(max(values))}"
    )


# -- a participant process -------------------------------------------------------------------


def voter(ws: Workspace, aid: str, name: str) -> Callable[[str, int], None]:
    """Cast ``name``'s vote and print one JSON line per vote: question, level, start, end (or
    the refusal, expected for a change that arrives after the reveal)."""

    def vote(qid: str, level: int) -> None:
        start = time.time()
        try:
            ws.cast_vote(aid, qid, name, level)
        except Exception as exc:  # a refusal after the reveal is expected; anything else too
            print(json.dumps({"q": qid, "refused": str(exc)}), flush=True)
            return
        print(
            json.dumps({"q": qid, "level": level, "start": start, "end": time.time()}), flush=True
        )

    return vote


def follow_and_vote(
    current: Callable[[], str | None],
    vote: Callable[[str, int], None],
    rnd: random.Random,
    pause: float,
) -> None:
    """Vote once on every question the facilitator opens (sometimes changing the vote), until
    the session closes; ``current`` reads the open question, every ``pause`` seconds."""
    seen: set[str] = set()
    started = False
    while True:
        question = current()
        if question is None and started:
            return  # the facilitator closed the session
        if question is not None and question not in seen:
            started = True
            seen.add(question)
            time.sleep(rnd.random() * THINK_S)
            vote(question, rnd.randint(1, 5))
            if rnd.random() < CHANGE_P:
                time.sleep(rnd.random() * 0.1)
                vote(question, rnd.randint(1, 5))
        time.sleep(pause)


def participant(store: Path, aid: str, name: str, mode: str, poll: float, seed: int) -> None:
    """Vote; print one JSON line per acknowledged vote: question, level, start, end."""
    rnd = random.Random(seed)
    ws = Workspace(open_store(store, create=False))
    qids = ws.get(aid).answers  # warm up the models and the connection
    del qids
    vote = voter(ws, aid, name)
    if mode == "burst":
        loaded = ws.questionnaire_for(ws.get(aid))
        for qid in loaded.questionnaire.question_ids():
            vote(qid, rnd.randint(1, 5))
            if rnd.random() < CHANGE_P:
                vote(qid, rnd.randint(1, 5))
        return
    follow_and_vote(lambda: ws.team_state(aid).question_id, vote, rnd, poll)


# -- the facilitator (this process) -----------------------------------------------------------


def spawn(store: Path, aid: str, n: int, mode: str, poll: float) -> list[subprocess.Popen[str]]:
    procs = []
    for i in range(n):
        argv = [sys.executable, __file__, "--participant", f"P{i:02d}", "--store", str(store)]
        argv += ["--id", aid, "--mode", mode, "--poll", str(poll), "--seed", str(i)]
        procs.append(subprocess.Popen(argv, stdout=subprocess.PIPE, text=True))
    return procs


def collect(
    procs: list[subprocess.Popen[str]], timeout: float = 300
) -> dict[str, list[dict[str, object]]]:
    out: dict[str, list[dict[str, object]]] = {}
    for i, proc in enumerate(procs):
        stdout, _ = proc.communicate(timeout=timeout)
        if proc.returncode != 0:
            raise SystemExit(f"participant {i} failed with exit code {proc.returncode}")
        out[f"P{i:02d}"] = [json.loads(line) for line in stdout.splitlines() if line.strip()]
    return out


def expected_votes(logs: dict[str, list[dict[str, object]]]) -> dict[str, dict[str, int]]:
    """Question -> participant -> the last vote that was acknowledged (committed)."""
    last: dict[str, dict[str, int]] = {}
    for name, events in logs.items():
        for e in events:
            if "level" in e:
                last.setdefault(str(e["q"]), {})[name] = int(str(e["level"]))
    return last


def check(ws: Workspace, aid: str, logs: dict[str, list[dict[str, object]]]) -> tuple[int, int]:
    """(votes expected, votes found as expected) over every question."""
    expected = expected_votes(logs)
    answers = ws.get(aid).answers
    total = found = 0
    for qid, votes in expected.items():
        recorded = answers[qid].votes if qid in answers else {}
        for name, level in votes.items():
            total += 1
            found += recorded.get(name) == level
    return total, found


def facilitate(
    ws: Workspace, aid: str, qids: list[str], n: int, wait: Callable[[], object], limit: float
) -> tuple[dict[tuple[str, str], float], float]:
    """The facilitator's side of a load run: open each question, note when each participant's
    vote first becomes visible (``wait`` between looks: a poll or a LISTEN), record the team
    answer. Returns when each (question, voter) was seen, and the run's duration."""
    seen_at: dict[tuple[str, str], float] = {}
    t0 = time.perf_counter()
    for qid in qids:
        ws.follow(aid, qid)
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            state = ws.team_state(aid, qid)
            now = time.time()
            for who in state.voters:
                seen_at.setdefault((qid, who), now)
            if len(state.voters) == n:
                break
            wait()
        time.sleep(0.25)  # changes of mind land before the reveal (or are refused)
        ws.record_team_answer(aid, qid)
    ws.follow(aid, None)
    return seen_at, time.perf_counter() - t0


def session(ws: Workspace, store: Path, aid: str, qids: list[str], n: int, poll: float) -> None:
    procs = spawn(store, aid, n, "session", poll)
    time.sleep(1.0)  # let the participants start (imports) before the first question
    seen_at, elapsed = facilitate(ws, aid, qids, n, lambda: time.sleep(poll), 30)
    logs = collect(procs)
    visible, writes = [], []
    refused = 0
    for name, events in logs.items():
        firsts: dict[str, float] = {}
        for e in events:
            if "refused" in e:
                refused += 1
                continue
            writes.append(float(str(e["end"])) - float(str(e["start"])))
            firsts.setdefault(str(e["q"]), float(str(e["start"])))
        for qid, start in firsts.items():
            if (qid, name) in seen_at:
                visible.append(max(0.0, seen_at[(qid, name)] - start))
    total, found = check(ws, aid, logs)
    print(
        f"session: {n} participants x {len(qids)} questions in {elapsed:.1f} s; facilitator polls every {poll} s"
    )
    print("  " + figures("vote-to-visible (key press -> facilitator sees it)", visible))
    print("  " + figures("vote write (committed cast_vote)", writes))
    print(f"  votes acknowledged {total}, found in the recorded answers {found}, lost {total - found};"
          f" changes refused after the reveal {refused}")  # fmt: skip


def burst(ws: Workspace, store: Path, aid: str, qids: list[str], n: int) -> None:
    t0 = time.perf_counter()
    procs = spawn(store, aid, n, "burst", 0.0)
    logs = collect(procs)
    elapsed = time.perf_counter() - t0
    for qid in qids:
        ws.record_team_answer(aid, qid)
    writes = [
        float(str(e["end"])) - float(str(e["start"]))
        for events in logs.values()
        for e in events
        if "level" in e
    ]
    total, found = check(ws, aid, logs)
    print(f"burst: {n} processes x {len(qids)} questions, no pacing: {len(writes)} writes in {elapsed:.1f} s"
          f" (process start included), {len(writes) / elapsed:.0f} writes/s")  # fmt: skip
    print("  " + figures("vote write (committed cast_vote)", writes))
    print(
        f"  votes acknowledged {total}, found in the recorded answers {found}, lost {total - found}"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--participants", type=int, default=12)
    ap.add_argument("--questions", type=question_count, default=40)
    ap.add_argument("--poll", type=float, default=0.3)
    ap.add_argument("--participant")
    ap.add_argument("--store", type=Path)
    ap.add_argument("--id")
    ap.add_argument("--mode", default="session")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    if args.participant:
        participant(args.store, args.id, args.participant, args.mode, args.poll, args.seed)
        return
    folder = Path(tempfile.mkdtemp(prefix="maturity-votes-"))
    qfile = folder / "load.yaml"
    qfile.write_text(questionnaire_yaml(args.questions), encoding="utf-8")
    loaded = qmod.load_file(qfile)
    qids = loaded.questionnaire.question_ids()
    store = folder / "votes.db"
    ws = Workspace(open_store(store))
    print(f"store {store} (WAL, synchronous=FULL); {len(qids)} questions")
    a = ws.create("Load", loaded)
    session(ws, store, a.id, qids, args.participants, args.poll)
    b = ws.create("Burst", loaded)
    burst(ws, store, b.id, qids, args.participants)
    ws.store.close()


if __name__ == "__main__":
    main()
