"""``maturity serve``: the page loads nothing from another host, and a browser participant's
vote (driven over textual-serve's WebSocket, as the page's script does) reaches the store."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from maturity import questionnaire as qmod
from maturity.serve import content_security_policy, participant_command
from maturity.store import open_store
from maturity.workspace import Workspace

aiohttp = pytest.importorskip("aiohttp")
pytest.importorskip("textual_serve")
pytestmark = pytest.mark.slow

DATA = Path(__file__).parent / "data"
TIMEOUT_S = 60.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def served(store_path: Path) -> Iterator[tuple[str, str]]:
    ws = Workspace(open_store(store_path))
    aid = ws.create("Payments", qmod.load_file(DATA / "mini.yaml")).id
    ws.follow(aid, "alpha.one")
    ws.store.close()
    port = free_port()
    env = {**os.environ, "MATURITY_LANG": "en"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "maturity", "--store", str(store_path), "serve", aid,
         "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + TIMEOUT_S
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    try:
        yield base, aid
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


def test_participant_command_and_policy_are_local() -> None:
    cmd = participant_command(Path("/tmp/a store.db"), "abcd")
    assert cmd.endswith("--store '/tmp/a store.db' join abcd")
    policy = content_security_policy("127.0.0.1:8000")
    assert "default-src 'none'" in policy and "ws://127.0.0.1:8000" in policy
    assert "http" not in policy.replace("ws://", "").replace("wss://", "")


def test_page_is_self_contained_and_a_browser_vote_is_recorded(
    served: tuple[str, str], store_path: Path
) -> None:
    base, aid = served
    asyncio.run(_browser_participant(base, aid))
    ws = Workspace(open_store(store_path, create=False))
    deadline = time.monotonic() + TIMEOUT_S
    while ws.team_state(aid, "alpha.one", "Rita").mine != 4 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert ws.team_state(aid, "alpha.one", "Rita").mine == 4
    assert "Rita" in ws.get(aid).participants


async def _browser_participant(base: str, aid: str) -> None:
    async with aiohttp.ClientSession() as http:
        async with http.get(base + "/") as r:
            assert r.status == 200
            page = await r.text()
            assert "default-src 'none'" in r.headers["Content-Security-Policy"]
        # every absolute URL in the page is on this server (the SVG namespace is no request)
        absolute = set(re.findall(r"""(?:https?|wss?):(?://)[^"'\s)<>]+""", page))
        absolute.discard("http://www.w3.org/2000/svg")
        host = base.split("://", 1)[1]
        assert absolute and all(u.split("://", 1)[1].startswith(host + "/") for u in absolute)
        absolute = {u for u in absolute if u.startswith("http")}
        assert "googleapis" not in page and "@import" not in page
        for u in absolute:  # the stylesheet, script, fonts and background are all served
            async with http.get(u) as r:
                assert r.status == 200, u
        ws_url = re.search(r'data-session-websocket-url="([^"]+)"', page)
        assert ws_url is not None and ws_url.group(1).startswith("ws://127.0.0.1")
        async with http.ws_connect(ws_url.group(1) + "?width=90&height=30") as sock:
            screen = bytearray()

            async def until(text: bytes) -> None:
                deadline = time.monotonic() + TIMEOUT_S
                while text not in screen and time.monotonic() < deadline:
                    try:
                        msg = await sock.receive(timeout=1)
                    except TimeoutError:
                        continue
                    if msg.type == aiohttp.WSMsgType.BINARY:
                        screen.extend(msg.data)
                    elif msg.type == aiohttp.WSMsgType.TEXT:
                        screen.extend(msg.data.encode())
                    elif msg.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
                        break
                assert text in screen, f"{text!r} never appeared"

            await until(b"Join")  # the join screen asks for a name
            await sock.send_json(["stdin", "Rita"])
            await sock.send_json(["stdin", "\r"])
            await until(b"not voted yet")
            await sock.send_json(["stdin", "4"])
            await until(b"vote: 4")
