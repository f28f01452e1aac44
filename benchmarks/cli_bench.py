"""Whole-command start-up: `show ID --json`, and `trend` / `portfolio` over 10,000 assessments.

Each figure is the median of several runs of the real command in a fresh process, printed with
its ratio to a bare ``python -c pass`` measured alternately in the same run (so a busy machine
moves both). Targets (issue 12): show --json <= 12x and <= 0.15 s; trend and portfolio over
10,000 assessments <= 0.3 s. Asserts nothing.

Bytecode is compiled first (as an installed wheel has it), so the figures do not include
compiling the sources when bytecode writing is off (PYTHONDONTWRITEBYTECODE).

The console script answers these three commands from the output kept in the store
(maturity.launch, maturity.store.fastread), and whoever writes keeps it current
(maturity.keep). Each command is measured four ways, the change (not timed) made before
every run:

- "kept": the store unchanged since the previous run (a script, a dashboard);
- "after `maturity answer`": an answer given by the command line in a separate process, as a
  script or a person in another terminal gives it (that command's own time is printed too);
- "after a TUI-style write": an answer written in this process through a Workspace whose
  store tells a background keeper (maturity.keep.Background), as the TUI's store thread does;
  the keeper's pass has finished before the read (its time is printed too);
- "after a raw SQL write (no app involved)": an UPDATE by sqlite3 alone gives an assessment a
  new revision; nothing keeps anything, so the read takes the normal path and keeps its
  output again (the cost of a miss).

The commands over 10,000 assessments run on a copy of the big store with one assessment of
"Team 007" in progress (the answers go there), so the cached store is never changed.

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
import shutil
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
from maturity.keep import Background
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
    before: Callable[[], float | None] | None = None,
    before_label: str = "",
) -> None:
    """Median of ``argv`` and of ``python -c pass``, run alternately; one warm-up each.
    ``before`` (not timed with ``argv``) runs before every run of ``argv``; when it returns
    a duration, its median is printed as ``before_label``."""
    bare = [sys.executable, "-c", "pass"]
    timed(bare, env)
    if before:
        before()
    timed(argv, env)
    base, cmd, pre = [], [], []
    for _ in range(runs):
        base.append(timed(bare, env))
        if before:
            took = before()
            if took is not None:
                pre.append(took)
        cmd.append(timed(argv, env))
    b, c = statistics.median(base), statistics.median(cmd)
    print(f"{label:<62} {c * 1000:7.1f} ms  {c / b:5.1f}x python -c pass ({b * 1000:.1f} ms)")
    if pre:
        print(f"{'':<4}{before_label}: median {statistics.median(pre) * 1000:.1f} ms")


def raw_write(store: Path, assessment_id: str) -> Callable[[], None]:
    """A change that touches nothing the output shows but gives the assessment a new
    revision, made by sqlite3 alone: nothing keeps the output, the next read is a miss."""

    def change() -> None:
        with sqlite3.connect(store) as conn:
            conn.execute("UPDATE assessments SET mode = mode WHERE id = ?", (assessment_id,))
        conn.close()

    return change


class Writer:
    """The two ways people change an assessment: ``maturity answer`` in another process, and
    an answer written through a Workspace in this one, kept by a background keeper as in the
    TUI. Each call gives the next level (1-5), so every write changes the outputs."""

    def __init__(self, store: Path, assessment_id: str, exe: list[str]) -> None:
        self.store, self.aid, self.exe = store, assessment_id, exe
        self.level = 0
        ws = Workspace(open_store(store, create=False))
        self.question = ws.questionnaire_for(ws.get(assessment_id)).questionnaire.question_ids()[0]
        ws.store.close()
        self.env = {**os.environ, "MATURITY_STORE": str(store)}
        self._ws: Workspace | None = None
        self._keeper: Background | None = None

    def _next(self) -> str:
        self.level = self.level % 5 + 1
        return str(self.level)

    def command(self) -> float:
        """``maturity answer`` in a separate process; returns how long that command took."""
        argv = [*self.exe, "answer", self.aid, self.question, self._next()]
        return timed(argv, self.env)

    def tui(self) -> float:
        """An answer through this process's Workspace, then the background keeper's pass
        (hurried: the TUI's waits for writes to pause); returns how long the pass took."""
        if self._ws is None:
            self._ws = Workspace(open_store(self.store, create=False))
            self._keeper = Background.attach(self._ws.store)
        assert self._keeper is not None
        self._ws.answer(self.aid, self.question, int(self._next()))
        t = time.perf_counter()
        self._keeper.flush()
        return time.perf_counter() - t

    def close(self) -> None:
        if self._keeper is not None:
            self._keeper.close()
        if self._ws is not None:
            self._ws.store.close()


def four_ways(label: str, argv: list[str], runs: int, writer: Writer) -> None:
    env = writer.env
    compare(f"{label}, kept", argv, env, runs)
    compare(
        f"{label}, after `maturity answer`",
        argv,
        env,
        runs,
        writer.command,
        "the `maturity answer` before it (whole command, keeping included)",
    )
    compare(
        f"{label}, after a TUI-style write",
        argv,
        env,
        runs,
        writer.tui,
        "the background keeper's pass after each write (in-process)",
    )
    compare(
        f"{label}, after a raw SQL write (no app involved)",
        argv,
        env,
        runs,
        raw_write(writer.store, writer.aid),
    )


def in_progress_copy(big: Path, folder: Path, team: str) -> tuple[Path, str]:
    """A copy of the big store with a new assessment of ``team`` in progress (from its
    latest), so answers can be given without changing the cached store."""
    copy = folder / "big.db"
    shutil.copyfile(big, copy)
    ws = Workspace(open_store(copy))
    try:
        latest = ws.store.ids_for_team(team)[-1]
        aid = ws.create_from(latest).id
    finally:
        ws.store.close()
    return copy, aid


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
        writer = Writer(one, aid, exe)
        try:
            four_ways("`maturity show ID --json`", [*exe, "show", aid, "--json"], args.runs, writer)
        finally:
            writer.close()
        compare("`maturity list`", [*exe, "list"], writer.env, args.runs)
        big = big_store(args.teams, args.per_team)
        n = f"{args.teams * args.per_team:,}"
        copy, changing = in_progress_copy(big, Path(tmp), "Team 007")
        writer = Writer(copy, changing, exe)
        try:
            trend = [*exe, "trend", "--team", "Team 007"]
            four_ways(f"`maturity trend --team T` ({n})", trend, args.runs, writer)
            four_ways(f"`maturity portfolio` ({n})", [*exe, "portfolio"], args.runs, writer)
        finally:
            writer.close()


if __name__ == "__main__":
    main()
