"""TUI performance figures: keypress-to-saved latency and app start time.

Printed, never asserted (DESIGN.md: benchmarks report figures). Run with
``uv run python benchmarks/tui_bench.py [--runs 7] [--answers 30]``.

* **Keypress to saved, headless**: Pilot presses an answer key on the question screen; the
  clock stops when the store has committed the answer and the screen has been told (the
  ``AnswerSaved`` message the "saved" indicator follows).
* **Keypress to saved, in a terminal**: the real ``maturity`` command in tmux; ``send-keys``
  one answer, poll the screen until it shows ``saved k/N``. Includes tmux and rendering.
* **Start time**: from spawning the process in tmux to the first screen showing the home
  list, median of several runs, and the same for a bare Textual "hello" app started the same
  way (same interpreter, same tmux size); the ratio says what maturity adds.
* **Start CPU** (``--cpu``): the main thread's CPU time from interpreter start to the first
  frame written (headless; maturity: the first frame with the home list), for the same two
  apps, alternately. It moves less than the wall clock when other processes load the machine,
  but it does not see time spent waiting for the interpreter lock: a change that moves work
  to another thread can lower it and still make the start slower (opening the store on the
  store thread while Textual started did exactly that). The tmux ratio is the one that counts.
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HELLO_APP = """
from textual.app import App
from textual.widgets import Footer, Header, Static

class Hello(App[None]):
    BINDINGS = [("q", "quit", "Quit")]

    def compose(self):
        yield Header()
        yield Static("Hello. A paragraph of text, as a first screen would show it.")
        yield Footer()

Hello().run()
"""
"""The baseline: a bare Textual app with a header, a paragraph and a footer (issue 12)."""

CPU_PROBE = """
import sys, time
from textual.app import App

which, store = sys.argv[1], sys.argv[2]
display, run = App._display, App.run  # Textual writes each frame through _display
state = {}


def first_full_frame(app, screen, renderable):
    display(app, screen, renderable)
    full = which == "hello" or bool(getattr(screen, "rows", None))  # maturity: the home list
    if full and "cpu_ms" not in state:
        state["cpu_ms"] = time.thread_time() * 1000
        app.call_later(app.exit)


def headless(app, *args, **kwargs):
    return run(app, *args, **{**kwargs, "headless": True, "size": (100, 30)})


App._display, App.run = first_full_frame, headless
if which == "hello":
    from textual.widgets import Footer, Header, Static

    class Hello(App[None]):
        def compose(self):
            yield Header()
            yield Static("Hello. A paragraph of text, as a first screen would show it.")
            yield Footer()

    Hello().run()
else:
    # What the console script does for `maturity --store S` in a terminal (maturity.launch).
    sys.stdin.isatty = sys.stdout.isatty = lambda: True
    import maturity.launch

    maturity.launch.main(["--store", store])
print(state["cpu_ms"])
"""
"""Prints the main thread's CPU milliseconds to the first full frame of hello or maturity."""


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def seed(path: Path, assessments: int = 20) -> str:
    """A store with a few assessments (one of them for the latency runs); returns its id."""
    from maturity import questionnaire as qmod
    from maturity.store import open_store
    from maturity.workspace import Workspace

    loaded = qmod.builtin("calms")
    ws = Workspace(open_store(path))
    ids = loaded.questionnaire.question_ids()
    first = ""
    for i in range(assessments):
        a = ws.create(f"Team {i:02d}", loaded)
        for qid in ids[: (i * 3) % len(ids)]:
            ws.answer(a.id, qid, 3)
        first = first or a.id
    fresh = ws.create("Latency", loaded)
    ws.store.close()
    return fresh.id


# --- headless latency ----------------------------------------------------------------------


async def headless_latency(store: Path, assessment_id: str, answers: int) -> list[float]:
    from maturity.tui.app import MaturityApp
    from maturity.tui.messages import AnswerSaved

    saved = asyncio.Event()
    saved_at: list[float] = []

    def hook(message: object) -> None:
        # Timestamp here, not after pilot.press returns: Pilot waits for the screen to go
        # idle after a key, which is test harness time, not latency a person would feel.
        if isinstance(message, AnswerSaved):
            saved_at.append(time.perf_counter())
            saved.set()

    from maturity.tui.screens.question import BURST_GAP_S, QuestionScreen

    app = MaturityApp(store, lang="en")
    timings: list[float] = []
    async with app.run_test(size=(100, 30), message_hook=hook) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        app.open_questions(assessment_id)
        for _ in range(100):  # until the question is shown (a loaded machine is slower)
            await pilot.pause(0.1)
            await app.workers.wait_for_complete()
            screen = app.screen
            if isinstance(screen, QuestionScreen) and screen.current is not None:
                break
        for i in range(answers):
            # Digits closer together than BURST_GAP_S are held as a burst (someone typing
            # the room's votes) and answer nothing: a person's pace, untimed.
            await asyncio.sleep(BURST_GAP_S + 0.1)
            saved.clear()
            t0 = time.perf_counter()
            await pilot.press(str(1 + i % 5))
            await asyncio.wait_for(saved.wait(), 10)
            timings.append(saved_at[-1] - t0)
    return timings


# --- tmux ------------------------------------------------------------------------------------


class Tmux:
    """A timing cousin of tests/tmux_support.Terminals, kept here on purpose: a benchmark runs
    as a script and does not import from tests/ (not a package, not on its path), and this one
    measures: it polls every 2 ms and returns the instant the text appeared."""

    def __init__(self) -> None:
        self.socket = f"maturity-bench-{os.getpid()}"
        # Keep the server up between runs: it exits with its last session otherwise, and the
        # next start would race the dying server ("server exited unexpectedly").
        subprocess.run(
            ["tmux", "-L", self.socket, "new-session", "-d", "-s", "_keepalive", "sleep 86400"],
            check=True,
        )

    def run(self, *args: str) -> str:
        return subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=True
        ).stdout

    def start(self, name: str, argv: list[str]) -> None:
        env = {**os.environ, "MATURITY_LANG": "en", "TERM": "xterm-256color"}
        cmd = "exec " + " ".join(argv)
        subprocess.run(
            [
                "tmux",
                "-L",
                self.socket,
                "new-session",
                "-d",
                "-s",
                name,
                "-x",
                "100",
                "-y",
                "30",
                cmd,
            ],
            check=True,
            env=env,
        )

    def wait_for(self, name: str, text: str, timeout: float = 30.0) -> float:
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if text in self.run("capture-pane", "-p", "-t", name):
                return time.perf_counter()
            time.sleep(0.002)
        raise RuntimeError(f"{text!r} did not appear in {name}")

    def kill(self, name: str) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-session", "-t", name], capture_output=True)

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


def start_time(tmux: Tmux, argv: list[str], marker: str, runs: int) -> list[float]:
    times = []
    for i in range(runs):
        name = f"start{i}-{time.monotonic_ns()}"
        t0 = time.perf_counter()
        tmux.start(name, argv)
        times.append(tmux.wait_for(name, marker) - t0)
        tmux.kill(name)
        time.sleep(0.2)
    return times


def start_cpu(probe: Path, store: Path, runs: int) -> tuple[list[float], list[float]]:
    """Main-thread CPU ms to the first full frame, hello and maturity alternately."""
    hello: list[float] = []
    app: list[float] = []
    for _ in range(runs):
        for which, out in (("hello", hello), ("maturity", app)):
            r = subprocess.run(
                [sys.executable, str(probe), which, str(store)],
                env={**os.environ, "MATURITY_LANG": "en"},  # as in tmux
                capture_output=True,
                text=True,
                check=True,
                timeout=60,
            )
            out.append(float(r.stdout.strip().splitlines()[-1]))
    return hello, app


def terminal_latency(tmux: Tmux, store: Path, answers: int) -> list[float]:
    from maturity import questionnaire as qmod

    total = len(qmod.builtin("calms").questionnaire.question_ids())
    maturity = str(Path(sys.executable).parent / "maturity")
    name = "latency"
    tmux.start(name, [maturity, "--store", str(store)])
    tmux.wait_for(name, "Team 00")  # the list is loaded (the title shows before it)
    tmux.run("send-keys", "-t", name, "/")
    time.sleep(0.3)  # focus moves to the filter on the next event-loop turn
    tmux.run("send-keys", "-t", name, "-l", "Latency")
    tmux.wait_for(name, "1 of 21 assessments")
    tmux.run("send-keys", "-t", name, "Enter")  # leaves the filter for the table
    time.sleep(0.3)
    tmux.run("send-keys", "-t", name, "Enter")  # opens the assessment
    tmux.wait_for(name, f"saved 0/{total}", timeout=10)
    timings = []
    for i in range(answers):
        t0 = time.perf_counter()
        tmux.run("send-keys", "-t", name, str(1 + i % 5))
        timings.append(tmux.wait_for(name, f"saved {i + 1}/{total}") - t0)
    tmux.kill(name)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="start-time runs per app")
    parser.add_argument("--answers", type=int, default=30, help="answers per latency series")
    parser.add_argument("--start-only", action="store_true", help="only the start-time figures")
    parser.add_argument(
        "--cpu", action="store_true", help="only the start CPU figures (headless, no tmux)"
    )
    args = parser.parse_args()
    # Start from bytecode, as an installed app does, even where writing it is turned off
    # (PYTHONDONTWRITEBYTECODE): otherwise maturity's own modules are compiled at every start.
    # Textual and Rich too: a venv made by uv with PYTHONDONTWRITEBYTECODE has no bytecode for
    # them, and both apps then compile Textual at every start (the ratio shrinks towards 1).
    import rich
    import textual

    import maturity

    for package in (maturity, textual, rich):
        compileall.compile_dir(Path(package.__file__).parent, quiet=1)

    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "bench.db"
        aid = seed(store)
        if args.cpu:
            probe = Path(tmp) / "cpu_probe.py"
            probe.write_text(CPU_PROBE, encoding="utf-8")
            c_hello, c_app = start_cpu(probe, store, args.runs)
            m_hello, m_app = statistics.median(c_hello), statistics.median(c_app)
            print(f"start CPU, bare Textual hello (n={args.runs}): median {m_hello:.0f} ms")
            print(f"start CPU, maturity to home list (n={args.runs}): median {m_app:.0f} ms")
            print(f"start CPU ratio maturity / hello: {m_app / m_hello:.2f}x")
            return
        if not args.start_only:
            lat = asyncio.run(headless_latency(store, aid, args.answers))
            print(
                f"keypress -> saved, headless (n={len(lat)}): median {statistics.median(lat) * 1000:.1f} ms, p95 {p95(lat) * 1000:.1f} ms"
            )

        tmux = Tmux()
        try:
            if not args.start_only:
                store2 = Path(tmp) / "bench2.db"
                seed(store2)
                lat2 = terminal_latency(tmux, store2, args.answers)
                print(
                    f"keypress -> saved, in tmux  (n={len(lat2)}): median {statistics.median(lat2) * 1000:.1f} ms, p95 {p95(lat2) * 1000:.1f} ms"
                )

            hello = Path(tmp) / "hello.py"
            hello.write_text(HELLO_APP, encoding="utf-8")
            maturity = str(Path(sys.executable).parent / "maturity")
            start_time(tmux, [sys.executable, str(hello)], "Hello", 1)  # warm the disk cache
            start_time(tmux, [maturity, "--store", str(store)], "Team 00", 1)
            # Interleaved, so background load on the machine affects both alike.
            t_hello: list[float] = []
            t_app: list[float] = []
            for _ in range(args.runs):
                t_hello += start_time(tmux, [sys.executable, str(hello)], "Hello", 1)
                t_app += start_time(tmux, [maturity, "--store", str(store)], "Team 00", 1)
        finally:
            tmux.close()
        m_hello, m_app = statistics.median(t_hello), statistics.median(t_app)
        print(f"start, bare Textual hello (n={args.runs}): median {m_hello * 1000:.0f} ms")
        print(
            f"start, maturity to home list with 21 assessments (n={args.runs}): median {m_app * 1000:.0f} ms"
        )
        print(f"start ratio maturity / hello: {m_app / m_hello:.2f}x")


if __name__ == "__main__":
    main()
