"""``maturity serve``: the page loads nothing from another host, and a browser participant's
vote (through the join form, then textual-serve's WebSocket, as the page's script drives it)
reaches the store. The gate itself (Host, Origin, join code, cap) is in tests/hostile."""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from serve_support import TIMEOUT_S, Served, serving

from maturity import questionnaire as qmod
from maturity.serve import content_security_policy, participant_command
from maturity.store import open_store
from maturity.workspace import Workspace

aiohttp = pytest.importorskip("aiohttp")
pytest.importorskip("textual_serve")
pytestmark = pytest.mark.slow

DATA = Path(__file__).parent / "data"


@pytest.fixture
def served(store_path: Path) -> Iterator[tuple[Served, str]]:
    ws = Workspace(open_store(store_path))
    aid = ws.create("Payments", qmod.load_file(DATA / "mini.yaml")).id
    ws.follow(aid, "alpha.one")
    ws.store.close()
    with serving(store_path, aid) as server:
        yield server, aid


def test_participant_command_and_policy_are_local() -> None:
    cmd = participant_command(Path("/tmp/a store.db"), "abcd")
    assert cmd.endswith("--store '/tmp/a store.db' join abcd")
    policy = content_security_policy("127.0.0.1:8000")
    assert "default-src 'none'" in policy and "ws://127.0.0.1:8000" in policy
    assert "http" not in policy.replace("ws://", "").replace("wss://", "")


def test_page_is_self_contained_and_a_browser_vote_is_recorded(
    served: tuple[Served, str], store_path: Path
) -> None:
    server, aid = served
    asyncio.run(_browser_participant(server))
    ws = Workspace(open_store(store_path, create=False))
    deadline = time.monotonic() + TIMEOUT_S
    while ws.team_state(aid, "alpha.one", "Rita").mine != 4 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert ws.team_state(aid, "alpha.one", "Rita").mine == 4
    assert "Rita" in ws.get(aid).participants


async def _browser_participant(server: Served) -> None:
    base = server.base
    async with aiohttp.ClientSession() as http:
        async with http.get(base + "/") as r:  # the join form
            assert r.status == 200
            assert 'name="code"' in await r.text()
            assert "form-action 'self'" in r.headers["Content-Security-Policy"]
        async with http.post(
            base + "/", data={"code": server.code.lower()}, headers={"Origin": base}
        ) as r:
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
        async with http.ws_connect(ws_url.group(1) + "?width=90&height=30", origin=base) as sock:
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
