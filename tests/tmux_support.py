"""The real ``maturity`` command in real terminals (tmux), for the end-to-end tests.

One tmux server on its own socket; each command runs in its own session of a fixed size.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

MATURITY = Path(sys.executable).parent / "maturity"
TIMEOUT_S = 30.0


class Terminals:
    """One tmux server (own socket); each command in its own ``width`` x ``height`` session."""

    def __init__(self, socket: str, width: int, height: int) -> None:
        self.socket = socket
        self.width = width
        self.height = height

    def tmux(self, *args: str) -> str:
        out = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=True
        )
        return out.stdout

    def start(self, name: str, command: str) -> None:
        env = {**os.environ, "MATURITY_LANG": "en", "TERM": "xterm-256color"}
        subprocess.run(
            ["tmux", "-L", self.socket, "new-session", "-d", "-s", name,
             "-x", str(self.width), "-y", str(self.height), f"exec {command}"],
            check=True,
            env=env,
        )  # fmt: skip

    def pid(self, name: str) -> int:
        return int(self.tmux("display-message", "-p", "-t", name, "#{pane_pid}").strip())

    def screen(self, name: str) -> str:
        return self.tmux("capture-pane", "-p", "-t", name)

    def keys(self, name: str, *keys: str, literal: bool = False) -> None:
        self.tmux("send-keys", "-t", name, *(["-l"] if literal else []), *keys)

    def wait_for(self, name: str, *texts: str) -> str:
        """The screen once every one of ``texts`` is on it (AssertionError after TIMEOUT_S)."""
        deadline = time.monotonic() + TIMEOUT_S
        while time.monotonic() < deadline:
            screen = self.screen(name)
            if all(t in screen for t in texts):
                return screen
            time.sleep(0.05)
        wanted = texts[0] if len(texts) == 1 else texts
        raise AssertionError(f"{wanted!r} never appeared; screen:\n{self.screen(name)}")


def terminals(prefix: str, width: int, height: int) -> Iterator[Terminals]:
    """Body of a fixture: a fresh tmux server, killed afterwards with all its sessions."""
    t = Terminals(f"{prefix}-{os.getpid()}-{time.monotonic_ns()}", width, height)
    # A server exits with its last session; a test that kills its app and starts the next one
    # would race the dying server ("server exited unexpectedly"). An idle session keeps it up.
    t.tmux("new-session", "-d", "-s", "_keepalive", "sleep 86400")
    yield t
    subprocess.run(["tmux", "-L", t.socket, "kill-server"], capture_output=True)
