"""Whole-command start-up: `show ID --json`, and `trend` / `portfolio` over 10,000 assessments.

Each figure is the median of several runs of the real command in a fresh process, printed with
its ratio to a bare ``python -c pass`` measured alternately in the same run (so a busy machine
moves both). Targets (issue 12): show --json <= 12x and <= 0.15 s; trend and portfolio over
10,000 assessments <= 0.3 s. Asserts nothing.

Bytecode is compiled first (as an installed wheel has it), so the figures do not include
compiling the sources when bytecode writing is off (PYTHONDONTWRITEBYTECODE).

The console script answers these three commands from the output they printed last time while
the store has not changed (maturity.launch, maturity.store.fastread). Each is therefore measured
twice: "kept" (the store unchanged since the previous run: the usual case for a script or a
dashboard) and "after a change" (one assessment's revision is bumped before every run, so each
run takes the normal path and keeps its output again).

Usage: uv run python benchmarks/cli_bench.py [--runs 9] [--teams 200] [--per-team 50]
The 10,000-assessment store is built once and kept in the temp folder for later runs (one
file per schema version, so a store of another branch is never migrated under it).
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import io
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from history_bench import fill_history

import maturity
from maturity.cli import main as cli_main
from maturity.store import open_store
from maturity.store.migrations import SCHEMA_VERSION
from maturity.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent


def big_store(teams: int, per_team: int) -> Path:
    """A store of ``teams`` x ``per_team`` complete assessments (built once, then reused)."""
    name = f"maturity-cli-bench-{teams}x{per_team}-schema{SCHEMA_VERSION}.db"
    path = Path(tempfile.gettempdir()) / name
    if path.exists():
        return path
    building = path.with_suffix(".building")
    building.unlink(missing_ok=True)
    ws = Workspace(open_store(building))
    t0 = time.perf_counter()
    fill_history(ws, teams, per_team)
    ws.store.close()
    building.rename(path)
    print(f"built {teams * per_team:,} assessments in {time.perf_counter() - t0:.0f} s: {path}")
    return path


def one_assessment(folder: Path) -> tuple[Path, str]:
    """A store with the README's example assessment (answers, notes, DORA metrics)."""
    path = folder / "one.db"
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = cli_main(
            ["--store", str(path), "new", "--answers", str(ROOT / "examples" / "payments.yaml")]
        )
    assert code == 0
    return path, out.getvalue().strip()


def timed(argv: list[str], env: dict[str, str]) -> float:
    t = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - t


def compare(
    label: str,
    argv: list[str],
    env: dict[str, str],
    runs: int,
    before: Callable[[], None] | None = None,
) -> None:
    """Median of ``argv`` and of ``python -c pass``, run alternately; one warm-up each.
    ``before`` (not timed) runs before every run of ``argv``."""
    bare = [sys.executable, "-c", "pass"]
    timed(bare, env)
    if before:
        before()
    timed(argv, env)
    base, cmd = [], []
    for _ in range(runs):
        base.append(timed(bare, env))
        if before:
            before()
        cmd.append(timed(argv, env))
    b, c = statistics.median(base), statistics.median(cmd)
    print(f"{label:<58} {c * 1000:7.1f} ms  {c / b:5.1f}x python -c pass ({b * 1000:.1f} ms)")


def changer(store: Path, assessment_id: str | None = None) -> Callable[[], None]:
    """A change that touches nothing the output shows but gives the assessment (the first
    one, when none is named) a new revision, so the next command cannot use its kept output."""

    def change() -> None:
        with sqlite3.connect(store) as conn:
            aid = assessment_id or conn.execute("SELECT min(id) FROM assessments").fetchone()[0]
            conn.execute("UPDATE assessments SET mode = mode WHERE id = ?", (aid,))
        conn.close()

    return change


def both(
    label: str, argv: list[str], env: dict[str, str], runs: int, store: Path, aid: str | None = None
) -> None:
    compare(f"{label}, kept", argv, env, runs)
    compare(f"{label}, after a change", argv, env, runs, before=changer(store, aid))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--teams", type=int, default=200)
    ap.add_argument("--per-team", type=int, default=50)
    args = ap.parse_args()
    compileall.compile_dir(Path(maturity.__file__).parent, quiet=1)
    exe = [sys.executable, "-m", "maturity"]
    with tempfile.TemporaryDirectory(prefix="maturity-cli-bench-") as tmp:
        one, aid = one_assessment(Path(tmp))
        env = {**os.environ, "MATURITY_STORE": str(one)}
        both("`maturity show ID --json`", [*exe, "show", aid, "--json"], env, args.runs, one, aid)
        compare("`maturity list`", [*exe, "list"], env, args.runs)
    big = big_store(args.teams, args.per_team)
    env = {**os.environ, "MATURITY_STORE": str(big)}
    n = f"{args.teams * args.per_team:,}"
    trend = [*exe, "trend", "--team", "Team 007"]
    both(f"`maturity trend --team T` ({n})", trend, env, args.runs, big)
    both(f"`maturity portfolio` ({n})", [*exe, "portfolio"], env, args.runs, big)


if __name__ == "__main__":
    main()
