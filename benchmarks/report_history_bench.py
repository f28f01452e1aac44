"""Render times of the comparison, trend and portfolio reports (figures, not assertions).

Data: the tests' ``tests/report_sample_history.py`` with the built-in calms questionnaire (every
question answered, notes, DORA inputs improving over time). Measured:

* compare: the first and the latest of one team's assessments (the most changed answers);
* trend: one team with ``--per-team`` quarterly assessments;
* portfolio: ``--teams`` teams, and a second store of ``--big`` teams for scale (each team
  with two assessments; the portfolio evaluates only each team's latest).

Warm, in-process: median of ``--runs`` after one warm-up (templates compiled, fonts loaded);
"view" is loading from the store and building the view model, "HTML" is view + Jinja2, "PDF" is
view + HTML + WeasyPrint. Cold: the real ``maturity report ... -o PATH`` in a fresh interpreter.
The single-assessment report's targets (issue 5) are the yardstick: HTML under 150 ms, PDF
under 1.5 s warm.

    uv run python benchmarks/report_history_bench.py [--lang en|ko] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from report_bench import cold, line, median_time  # puts tests/ on sys.path for the samples
from report_sample_history import populate_history

from maturity import questionnaire as qmod
from maturity.report.export_history import (
    prepare_compare,
    prepare_portfolio,
    prepare_trend,
    render_history,
)
from maturity.report.shared import DocView
from maturity.store import open_store
from maturity.workspace import Workspace

TARGETS = {"HTML": 0.150, "PDF": 1.5}
AT = datetime(2026, 11, 27, tzinfo=UTC)


def measure(label: str, make: Callable[[], DocView], runs: int) -> None:
    """Print view, HTML and PDF times for one report kind."""
    pages: list[int | None] = []

    def html() -> object:
        return render_history(make(), "html")

    def pdf() -> object:
        data, n = render_history(make(), "pdf")
        pages[:] = [n]
        return data

    wall, cpu = median_time(make, runs)
    print("  " + line(f"{label}: view", wall, cpu=cpu))
    wall, cpu = median_time(html, runs)
    print("  " + line(f"{label}: HTML", wall, TARGETS["HTML"], cpu))
    wall, cpu = median_time(pdf, runs)
    print("  " + line(f"{label}: PDF ({pages[0]} pages)", wall, TARGETS["PDF"], cpu))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=["en", "ko"], default="en")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--teams", type=int, default=5)
    parser.add_argument("--per-team", type=int, default=8)
    parser.add_argument("--big", type=int, default=200, help="teams in the scale portfolio")
    args = parser.parse_args()
    lang = args.lang
    loaded = qmod.builtin("calms")

    with tempfile.TemporaryDirectory(prefix="maturity-bench-") as tmp:
        folder = Path(tmp)
        store = folder / "history.db"
        ws = Workspace(open_store(store, create=True))
        ids = populate_history(ws, loaded, lang=lang, teams=args.teams, per_team=args.per_team)
        team = next(iter(ids))
        first, latest = ids[team][0], ids[team][-1]
        print(
            f"store: {args.teams} teams x {args.per_team} assessments of calms"
            f" ({len(loaded.questionnaire.question_ids())} questions); lang={lang}"
        )
        print(f"warm, in-process (load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs):")
        measure("compare first -> latest", lambda: prepare_compare(ws, first, latest, lang), args.runs)  # fmt: skip
        measure(f"trend of {args.per_team}", lambda: prepare_trend(ws, team, lang), args.runs)
        measure(
            f"portfolio of {args.teams}",
            lambda: prepare_portfolio(ws, lang, at=AT),
            args.runs,
        )
        ws.store.close()

        big_store = folder / "big.db"
        big = Workspace(open_store(big_store, create=True))
        populate_history(big, loaded, lang=lang, teams=args.big, per_team=2)
        measure(
            f"portfolio of {args.big}",
            lambda: prepare_portfolio(big, lang, at=AT),
            max(1, args.runs // 2),
        )
        big.store.close()

        env = {**os.environ, "MATURITY_STORE": str(store)}
        exe = [sys.executable, "-m", "maturity"]
        print("cold command (fresh interpreter, imports included):")
        for kind, extra in (
            ("compare", ["--compare", first, latest]),
            ("trend", ["--trend", "--team", team]),
            ("portfolio", ["--portfolio"]),
        ):
            for fmt in ("html", "pdf"):
                out = folder / f"{kind}.{fmt}"
                argv = [*exe, "report", *extra, "-o", str(out), "--lang", lang]
                print("  " + line(f"maturity report --{kind} -o {kind}.{fmt}", cold(argv, env, args.runs)))  # fmt: skip
        done = subprocess.run([*exe, "--version"], env=env, capture_output=True, text=True)
        print(f"({done.stdout.strip()})")


if __name__ == "__main__":
    main()
