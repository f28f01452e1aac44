"""Issue 10 item 4: ``maturity serve`` only answers requests that name it, only starts a
participant for a browser on its own origin that typed the join code, caps the sessions and
answers malformed parameters with 400."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import aiohttp
import pytest
from serve_support import Served, participants, serving

from maturity import questionnaire as qmod
from maturity.serve import (
    MAX_FAILURES,
    Gate,
    HostPolicy,
    code_matches,
    new_join_code,
    origin_allowed,
    parse_number,
)
from maturity.store import open_store
from maturity.workspace import Workspace

DATA = Path(__file__).parent.parent / "data"
FIVE_THOUSAND_DIGITS = "9" * 5000


# --- the rules, without a server -----------------------------------------------------------


def test_host_policy_names_only_this_server() -> None:
    local = HostPolicy.for_server("127.0.0.1", 8000)
    for ok in ("127.0.0.1:8000", "localhost:8000", "[::1]:8000", "LOCALHOST:8000"):
        assert local.allows(ok), ok
    for bad in (
        "evil.example.com", "evil.example.com:8000", "127.0.0.1:8001", "127.0.0.1",
        "10.0.0.5:8000", "user@127.0.0.1:8000", "127.0.0.1:8000/x", "", None, "[zz]:8000",
    ):  # fmt: skip
        assert not local.allows(bad), bad
    lan = HostPolicy.for_server("0.0.0.0", 8000)
    assert lan.allows("192.168.1.20:8000") and lan.allows("[fe80::1]:8000")
    assert not lan.allows("rebind.evil.example:8000")  # DNS rebinding uses a name, not an IP
    proxied = HostPolicy.for_server("127.0.0.1", 8000, "https://vote.example.org")
    assert proxied.allows("vote.example.org") and proxied.allows("127.0.0.1:8000")
    assert not proxied.allows("vote.example.org:8000")


def test_origin_must_be_the_page_s_own() -> None:
    policy = HostPolicy.for_server("127.0.0.1", 8000)
    host = "127.0.0.1:8000"
    assert origin_allowed("http://127.0.0.1:8000", host, policy)
    for bad in (
        None, "", "null", "http://evil.example.com", "http://localhost:8000",
        "http://127.0.0.1:8001", "file://", "chrome-extension://abc", "http://127.0.0.1",
    ):  # fmt: skip
        assert not origin_allowed(bad, host, policy), bad
    assert not origin_allowed("http://evil.example.com:8000", "evil.example.com:8000", policy)
    proxied = HostPolicy.for_server("127.0.0.1", 8000, "https://vote.example.org")
    assert origin_allowed("https://vote.example.org", host, proxied)
    assert not origin_allowed("http://vote.example.org", host, proxied)


def test_query_numbers_are_ascii_and_bounded() -> None:
    assert parse_number(None, 16, (6, 64)) == 16
    assert parse_number("20", 16, (6, 64)) == 20
    for bad in ("²", "١٢", "-3", "1e3", "", " 12", "65", FIVE_THOUSAND_DIGITS):
        with pytest.raises(ValueError):
            parse_number(bad, 16, (6, 64))


def test_gate_codes_tickets_cap_and_lockout() -> None:
    code = new_join_code()
    assert len(code) == 7 and code[3] == "-" and code != new_join_code()
    assert code_matches(code.lower().replace("-", " "), code)
    gate = Gate("ABC-234", max_sessions=2)
    assert gate.try_code("a", "ABC-235") is None
    first = gate.try_code("a", "abc234")
    second = gate.try_code("b", "ABC-234")
    assert first and second and first != second
    assert gate.full() and gate.try_code("c", "ABC-234") is None  # tickets hold the seats
    assert gate.redeem(first) and not gate.redeem(first)  # one use only
    assert not gate.redeem("forged")
    assert gate.full()  # one session runs, one ticket holds the other seat
    gate.release()  # the session ended
    assert not gate.full()
    single = Gate("ABC-234", max_sessions=1)
    assert single.try_code("a", "ABC-234") and single.full()
    assert not single.full(time.monotonic() + 10_000)  # an unused ticket expires
    for _ in range(MAX_FAILURES):
        gate.try_code("mallory", "nope")
    assert gate.locked_out("mallory") and not gate.locked_out("a")


# --- a real server -----------------------------------------------------------------------

pytest.importorskip("textual_serve")


@pytest.fixture
def server(store_path: Path) -> Served:  # type: ignore[misc]
    ws = Workspace(open_store(store_path))
    ws.create("Payments", qmod.load_file(DATA / "mini.yaml"))
    ws.store.close()
    with serving(store_path, "--max-sessions", "1") as served:
        yield served


async def _status(
    http: aiohttp.ClientSession, method: str, url: str, **kw: object
) -> tuple[int, str]:
    async with http.request(method, url, **kw) as r:  # type: ignore[arg-type]
        return r.status, await r.text()


@pytest.mark.slow
def test_served_gate_refuses_foreign_hosts_origins_and_codes(
    server: Served, store_path: Path
) -> None:
    base = server.base

    async def scenario() -> None:
        async with aiohttp.ClientSession() as http:
            # DNS rebinding: the page and the static files are refused for another Host
            for path in ("/", "/static/js/textual.js"):
                status, _ = await _status(
                    http, "GET", base + path, headers={"Host": "evil.example.com"}
                )
                assert status == 403, path
            status, page = await _status(http, "GET", base + "/")
            assert status == 200 and "Join code" in page and "websocket-url" not in page
            # malformed parameters: 400, not 500
            for value in ("%C2%B2", FIVE_THOUSAND_DIGITS, "-1", "999"):
                status, _ = await _status(http, "GET", f"{base}/?fontsize={value}")
                assert status == 400, value
            # the join form from another origin, or without one, or with a wrong code
            for origin in ("http://evil.example.com", None):
                headers = {"Origin": origin} if origin else {}
                status, _ = await _status(
                    http, "POST", base + "/", data={"code": server.code}, headers=headers
                )
                assert status == 403, origin
            status, page = await _status(
                http, "POST", base + "/", data={"code": "XXX-XXX"}, headers={"Origin": base}
            )
            assert status == 403 and "not the join code" in page
            # the old unauthenticated WebSocket route is gone, a forged ticket starts nothing
            for path in ("/ws", "/ws/forged"):
                with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                    await http.ws_connect(base + path, origin=base)
                assert refused.value.status in (403, 404), path
            # the right code: a ticket, which a foreign origin cannot use ...
            status, page = await _status(
                http, "POST", base + "/", data={"code": server.code}, headers={"Origin": base}
            )
            assert status == 200
            ws_url = page.split('data-session-websocket-url="', 1)[1].split('"', 1)[0]
            assert ws_url.startswith(f"ws://127.0.0.1:{server.port}/ws/")
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await http.ws_connect(ws_url, origin="http://evil.example.com")
            assert refused.value.status == 403
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await http.ws_connect(ws_url + f"?width={FIVE_THOUSAND_DIGITS}", origin=base)
            assert refused.value.status == 400
            # ... and, with --max-sessions 1, the seat it holds makes the session full
            status, page = await _status(
                http, "POST", base + "/", data={"code": server.code}, headers={"Origin": base}
            )
            assert status == 503 and "full" in page
            assert participants(store_path) == 0  # nothing above started a participant
            async with http.ws_connect(ws_url + "?width=80&height=24", origin=base) as sock:
                deadline = time.monotonic() + 60
                while participants(store_path) == 0 and time.monotonic() < deadline:
                    await asyncio.sleep(0.2)
                assert participants(store_path) >= 1  # the ticket holder's session runs
                await sock.close()

    asyncio.run(scenario())
