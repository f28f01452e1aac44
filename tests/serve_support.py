"""Start ``maturity serve`` in a subprocess for a test, and join through its gate as a browser
would: the join code comes from the facilitator's terminal (the server's stdout)."""

from __future__ import annotations

import os
import re
import select
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

TIMEOUT_S = 60.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Served:
    base: str  # http://127.0.0.1:PORT
    port: int
    code: str  # the join code the server printed
    proc: subprocess.Popen[bytes]

    @property
    def origin(self) -> str:
        return self.base


@contextmanager
def serving(store: Path, *args: str) -> Iterator[Served]:
    """``maturity --store STORE serve ARGS --port P`` until the block ends (its whole group)."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "maturity", "--store", str(store), "serve", *args,
         "--port", str(port)],
        env={**os.environ, "MATURITY_LANG": "en"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )  # fmt: skip
    assert proc.stdout is not None
    out = b""
    code = None
    deadline = time.monotonic() + TIMEOUT_S
    try:
        while code is None and time.monotonic() < deadline and proc.poll() is None:
            ready, _, _ = select.select([proc.stdout], [], [], 0.5)
            if ready:
                out += os.read(proc.stdout.fileno(), 4096)
                found = re.search(rb"join code: ([A-Z0-9]{3}-[A-Z0-9]{3})", out)
                code = found.group(1).decode() if found else None
        assert code is not None, f"serve printed no join code: {out.decode(errors='replace')}"
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        yield Served(f"http://127.0.0.1:{port}", port, code, proc)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


def participants(store: Path) -> int:
    """How many ``maturity join`` processes run on ``store`` (with the shell that starts each)."""
    found = subprocess.run(
        ["pgrep", "-f", "--", f"maturity --store {store} join"],
        capture_output=True,
        text=True,
        check=False,
    )
    return len(found.stdout.split())
