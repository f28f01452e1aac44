"""``maturity dora measure`` on a generated repository: 100,000 commits, 5,000 deploys, 300 incidents.

The repository (made once with ``git fast-import`` and cached in the temp folder) has a merge
workflow: blocks of six direct commits, a three-commit feature branch and its merge. Every
deploy is a first-parent commit, one hour after it was made; incidents link to deploys.

Prints the whole command's time (median of --runs, interpreter start included) and peak memory,
next to ``git log --first-parent --format='%H %ct'`` over the same repository, as a ratio.
Targets: <= 2 s, <= 3x the baseline, <= 300 MB. Asserts nothing.
Usage: uv run python benchmarks/measure_bench.py [--commits 100000] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

START = int(datetime(2023, 1, 2, tzinfo=UTC).timestamp())
STEP = 600  # ten minutes between commits


def generate(root: Path, commits: int, deploys: int, incidents: int) -> None:
    """Repository, deployments CSV and incidents CSV under ``root`` (reused when present)."""
    done = root / "done"
    if done.exists():
        return
    if root.exists():
        shutil.rmtree(root)
    repo = root / "repo.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(repo)], check=True)
    lines: list[str] = []
    mainline: list[tuple[int, int]] = []  # (mark, time)
    mark = 0
    t = START
    tip = 0

    def commit(parent: int, msg: str, merge: int = 0, ref: str = "refs/heads/main") -> int:
        nonlocal mark, t
        mark += 1
        t += STEP
        who = f"Dev <dev@example.com> {t} +0000"
        lines.extend([f"commit {ref}", f"mark :{mark}", f"author {who}", f"committer {who}"])
        data = msg.encode()
        lines.append(f"data {len(data)}")
        lines.append(msg)
        if parent:
            lines.append(f"from :{parent}")
        if merge:
            lines.append(f"merge :{merge}")
        lines.append(f"M 644 inline f{mark % 97}.txt")
        body = f"{mark}\n"
        lines.extend([f"data {len(body)}", body.rstrip("\n"), ""])
        return mark

    while mark < commits:
        for _ in range(6):
            tip = commit(tip, f"change {mark + 1}")
            mainline.append((tip, t))
        f = tip
        for _ in range(3):
            f = commit(f, f"feature {mark + 1}", ref="refs/heads/feature")
        tip = commit(tip, f"merge feature at {mark + 1}", merge=f)
        mainline.append((tip, t))
    marks = root / "marks"
    subprocess.run(
        ["git", "-C", str(repo), "fast-import", "--quiet", f"--export-marks={marks}"],
        input="\n".join(lines).encode(),
        check=True,
    )
    sha = dict(line.split() for line in marks.read_text().splitlines())
    rng = random.Random(7)
    chosen = sorted(rng.sample(range(len(mainline)), deploys))
    rows = ["time,commit,environment,status,id,unplanned"]
    deployed: list[tuple[str, int]] = []
    for n, i in enumerate(chosen):
        m, when = mainline[i]
        stamp = datetime.fromtimestamp(when + 3600, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        rows.append(
            f"{stamp},{sha[f':{m}']},production,success,d{n},{'true' if n % 17 == 0 else 'false'}"
        )
        deployed.append((f"d{n}", when + 3600))
    (root / "deploys.csv").write_text("\n".join(rows) + "\n")
    inc = ["opened,resolved,severity,caused_by,id"]
    for n, (did, when) in enumerate(rng.sample(deployed, incidents)):
        o = datetime.fromtimestamp(when + 1800, UTC)
        r = o + timedelta(minutes=rng.randint(10, 600))
        inc.append(f"{o:%Y-%m-%dT%H:%M:%SZ},{r:%Y-%m-%dT%H:%M:%SZ},sev{n % 3 + 1},{did},INC-{n}")
    (root / "incidents.csv").write_text("\n".join(inc) + "\n")
    (root / "window").write_text(
        f"{datetime.fromtimestamp(START, UTC):%Y-%m-%d} {datetime.fromtimestamp(t + 86400 * 2, UTC):%Y-%m-%d}"
    )
    done.write_text("ok")


def run(cmd: list[str]) -> tuple[float, float, float]:
    """Wall time (s), CPU time (user + system, s) and peak resident memory (MB) of one child.

    CPU time is printed too because the machine is shared: wall time includes waiting for a
    core, which says more about the neighbours than about the code."""
    # An installed maturity has compiled bytecode; a PYTHONDONTWRITEBYTECODE environment
    # would recompile every module on every run and measure the compiler instead.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        err = proc.stderr.read().decode() if proc.stderr else ""
        raise SystemExit(f"{' '.join(cmd[:4])}... failed: {err}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--commits", type=int, default=100_000)
    ap.add_argument("--deploys", type=int, default=5_000)
    ap.add_argument("--incidents", type=int, default=300)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    if shutil.which("git") is None:
        raise SystemExit("this benchmark needs a git binary (fast-import and the baseline)")
    root = Path(tempfile.gettempdir()) / f"maturity-measure-bench-{args.commits}-{args.deploys}"
    t = time.perf_counter()
    generate(root, args.commits, args.deploys, args.incidents)
    print(f"data: {root.name} ready in {time.perf_counter() - t:.1f} s")
    start, end = (root / "window").read_text().split()
    repo = str(root / "repo.git")
    measure = [
        sys.executable, "-m", "maturity.cli", "--store", str(root / "store.db"),
        "dora", "measure", "--repo", repo, "--deployments", str(root / "deploys.csv"),
        "--incidents", str(root / "incidents.csv"), "--from", start, "--to", end, "--json",
    ]  # fmt: skip
    baseline = ["git", "-C", repo, "log", "--first-parent", "--format=%H %ct"]
    run(measure)  # warm-up: writes the bytecode cache, as an installed package has it
    m_runs = [run(measure) for _ in range(args.runs)]
    b_runs = [run(baseline) for _ in range(args.runs)]
    m_time = statistics.median(r[0] for r in m_runs)
    b_time = statistics.median(r[0] for r in b_runs)
    m_cpu = statistics.median(r[1] for r in m_runs)
    b_cpu = statistics.median(r[1] for r in b_runs)
    m_mem = max(r[2] for r in m_runs)
    b_mem = max(r[2] for r in b_runs)
    out = subprocess.run(measure, capture_output=True, text=True, check=True).stdout
    import json

    metrics = json.loads(out)["measurement"]["metrics"]
    print(
        f"commits {args.commits:,}  deploys {args.deploys:,}  incidents {args.incidents:,}"
        f"  (lead-time sample n={metrics['lead_time']['n']:,}, deploys counted"
        f" {metrics['deployment_frequency']['n']:,})"
    )
    print(f"{'':<44} {'wall s':>7} {'cpu s':>7} {'peak MB':>8}   (medians of {args.runs})")
    print(
        f"{'maturity dora measure (whole command)':<44} {m_time:>7.2f} {m_cpu:>7.2f} {m_mem:>8.0f}"
    )
    print(
        f"{'git log --first-parent --format=%H %ct':<44} {b_time:>7.2f} {b_cpu:>7.2f} {b_mem:>8.0f}"
    )
    print(
        f"ratio {m_time / b_time:.1f}x wall, {m_cpu / b_cpu:.1f}x cpu"
        f"  (targets: <= 2 s, <= 3x, <= 300 MB; load average {os.getloadavg()[0]:.1f})"
    )
    # The everyday case: the last 90 days of the same history. With 5,000 deploy records the
    # walk still reads everything (more than 64 earlier deploys: see compute.HIDE_LIMIT).
    last = datetime.strptime(end, "%Y-%m-%d").replace(tzinfo=UTC)
    recent = [*measure[: measure.index("--from")], "--from",
              f"{last - timedelta(days=90):%Y-%m-%d}", "--to", end, "--json"]  # fmt: skip
    r_runs = [run(recent) for _ in range(args.runs)]
    r_time = statistics.median(r[0] for r in r_runs)
    r_cpu = statistics.median(r[1] for r in r_runs)
    r_mem = max(r[2] for r in r_runs)
    print(f"{'maturity dora measure, last 90 days':<44} {r_time:>7.2f} {r_cpu:>7.2f} {r_mem:>8.0f}")
    print(f"ratio {r_time / b_time:.1f}x wall, {r_cpu / b_cpu:.1f}x cpu against the same git log")


if __name__ == "__main__":
    main()
