"""``maturity serve``: the participant view in a browser, through textual-serve.

Each browser tab that joins gets its own ``maturity join`` process on the same store, driven
over a WebSocket (textual-serve's design). What differs from textual-serve's own server:

* **Offline page.** Its page loads the Roboto Mono font from fonts.googleapis.com; ours
  (``web/app_index.html``) declares the same font with ``@font-face`` from textual-serve's
  bundled static folder, and every page carries a Content-Security-Policy that allows nothing
  from another host.
* **Host and Origin.** Every request must name this server in its ``Host`` header (the address
  it listens on, ``localhost`` for a loopback address, this machine's name or an IP address for
  a wildcard address, the ``--public-url`` host), on the served port; anything else is 403. That
  defeats DNS rebinding: a page at ``evil.example`` that re-points its name at this machine still
  sends ``Host: evil.example``. The join form and the WebSocket also need an ``Origin`` equal to
  the host the browser used, so a page from any other origin can neither join nor start a
  participant (browsers always send Origin on both; a script cannot forge it).
* **Join code.** Each run draws a code (``ABC-234``), printed on the facilitator's terminal.
  The page asks for it; only the right code earns a one-time ticket (valid
  :data:`TICKET_TTL_S` seconds) for the WebSocket. Without a ticket nothing is started. Wrong
  codes are counted per client address and refused for a while after :data:`MAX_FAILURES`.
* **Session cap.** Each session is a ~57 MB process. At most ``--max-sessions`` run at once
  (tickets handed out and not yet used count too); when full, the page says so.
* **Strict parameters.** ``fontsize``, ``width`` and ``height`` must be plain ASCII numbers in a
  sane range, else 400 (``int("²")`` and a 5,000-digit number used to give 500); a resize from
  the page is clamped to the same range, and a malformed message from it is ignored.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
import os
import re
import secrets
import shlex
import socket
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from maturity.errors import MaturityError
from maturity.limits import SESSIONS_DEFAULT, SESSIONS_MAX

TEMPLATES = Path(__file__).parent / "web"
TITLE = "maturity · team vote"
DEFAULT_MAX_SESSIONS = SESSIONS_DEFAULT
MAX_SESSIONS_LIMIT = SESSIONS_MAX
TICKET_TTL_S = 120.0
MAX_FAILURES = 10  # wrong join codes from one address ...
FAILURE_WINDOW_S = 300.0  # ... within this many seconds, then refused until the window passes
FONT_SIZE = (6, 64)
TERMINAL_COLUMNS = (10, 500)
TERMINAL_ROWS = (5, 300)
_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read aloud and typed
_NAME = re.compile(r"^[A-Za-z0-9.\-]{1,253}$")
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
WILDCARD = frozenset({"", "0.0.0.0", "::"})


def new_join_code() -> str:
    """A fresh code for one ``serve`` run: six characters (about 30 bits), shown as ``ABC-234``."""
    raw = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(6))
    return f"{raw[:3]}-{raw[3:]}"


def normalise_code(text: str) -> str:
    """What a participant typed, compared without case, spaces or dashes (``abc 234`` works)."""
    return "".join(ch for ch in text.upper() if ch.isascii() and ch.isalnum())[:64]


def code_matches(typed: str, code: str) -> bool:
    """Constant-time comparison of a typed code with the run's code."""
    return hmac.compare_digest(normalise_code(typed).encode(), normalise_code(code).encode())


def parse_number(value: str | None, default: int, bounds: tuple[int, int]) -> int:
    """A query parameter as an int in ``bounds``; ``ValueError`` for anything else.

    Only ASCII digits, at most six of them: ``"²".isdigit()`` is true and ``int("²")`` fails,
    and ``int`` of a 5,000-digit string fails too (Python's digit limit) -- both were a 500.
    """
    if value is None:
        return default
    if not (value.isascii() and value.isdigit() and len(value) <= 6):
        raise ValueError(f"expected a number, got {value[:20]!r}")
    number = int(value)
    lo, hi = bounds
    if not lo <= number <= hi:
        raise ValueError(f"expected {lo}-{hi}, got {number}")
    return number


def clamp(value: object, default: int, bounds: tuple[int, int]) -> int:
    """A size from a resize message, forced into ``bounds`` (a bool or junk gives ``default``)."""
    if isinstance(value, bool) or not isinstance(value, int):
        return default
    return max(bounds[0], min(bounds[1], value))


def _split_host(value: str) -> tuple[str, int | None] | None:
    """``host[:port]`` or ``[v6][:port]`` as (lowercase host, port); None when malformed."""
    try:
        parts = urlsplit("//" + value)
        host, port = parts.hostname, parts.port
    except ValueError:
        return None
    if not host or parts.username is not None or parts.path or parts.query or parts.fragment:
        return None
    return host.lower().rstrip("."), port


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _with_port(value: str, scheme: str) -> tuple[str, int] | None:
    """(host, port) with the scheme's default port filled in; None when malformed."""
    split = _split_host(value)
    if split is None:
        return None
    return split[0], split[1] or (443 if scheme in ("https", "wss") else 80)


@dataclass(frozen=True)
class HostPolicy:
    """Which ``Host`` headers name this server (see the module docstring)."""

    pairs: frozenset[tuple[str, int]]
    any_ip_port: int | None = None  # listening on a wildcard address: any IP literal reaches us
    public_origin: tuple[str, str, int] | None = None  # (scheme, host, port) of --public-url

    @classmethod
    def for_server(cls, host: str, port: int, public_url: str | None = None) -> HostPolicy:
        bind = host.strip("[]").lower()
        names = {bind}
        if bind in LOOPBACK_NAMES:
            names |= LOOPBACK_NAMES
        any_ip = bind in WILDCARD
        if any_ip:
            names |= {"localhost"}
            for name in (socket.gethostname(), socket.getfqdn()):
                if name and _NAME.match(name):
                    names.add(name.lower())
        names.discard("")
        pairs = {(name, port) for name in names}
        public: tuple[str, str, int] | None = None
        if public_url:
            parts = urlsplit(public_url)
            pub = (
                _with_port(parts.netloc, parts.scheme)
                if parts.scheme in ("http", "https")
                else None
            )
            if pub is None:
                raise MaturityError(f"--public-url: cannot read a host in '{public_url}'")
            pairs.add(pub)  # behind a proxy that passes the Host header on
            public = (parts.scheme, *pub)
        return cls(frozenset(pairs), port if any_ip else None, public)

    def allows(self, header: str | None) -> bool:
        """Is ``header`` (a ``Host`` header) this server? Without a port it means 80 or 443."""
        split = _split_host(header) if header else None
        if split is None:
            return False
        host, port = split
        ports = (port,) if port is not None else (80, 443)
        return any(
            (host, p) in self.pairs or (p == self.any_ip_port and _is_ip(host)) for p in ports
        )


def origin_allowed(origin: str | None, host_header: str | None, policy: HostPolicy) -> bool:
    """A browser's ``Origin`` must be this very server: the ``--public-url`` origin, or else the
    same host and port as the (already checked) ``Host`` header the page was fetched with."""
    if not origin or not host_header:
        return False
    try:
        parts = urlsplit(origin)
    except ValueError:
        return False
    if parts.scheme not in ("http", "https"):
        return False
    seen = _with_port(parts.netloc, parts.scheme)
    if seen is None:
        return False
    if policy.public_origin is not None and (parts.scheme, *seen) == policy.public_origin:
        return True
    return policy.allows(host_header) and seen == _with_port(host_header, parts.scheme)


@dataclass
class Gate:
    """The join code, tickets and the session count of one ``serve`` run (no I/O: testable)."""

    code: str
    max_sessions: int = DEFAULT_MAX_SESSIONS
    active: int = 0
    tickets: dict[str, float] = field(default_factory=dict)
    failures: dict[str, list[float]] = field(default_factory=dict)

    def _purge(self, now: float) -> None:
        for ticket, expires in list(self.tickets.items()):
            if expires <= now:
                del self.tickets[ticket]

    def full(self, now: float | None = None) -> bool:
        self._purge(time.monotonic() if now is None else now)
        return self.active + len(self.tickets) >= self.max_sessions

    def locked_out(self, client: str, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        recent = [t for t in self.failures.get(client, []) if now - t < FAILURE_WINDOW_S]
        self.failures[client] = recent
        return len(recent) >= MAX_FAILURES

    def try_code(self, client: str, typed: str, now: float | None = None) -> str | None:
        """A one-time ticket for the right code (and a free seat), else None."""
        now = time.monotonic() if now is None else now
        if not code_matches(typed, self.code):
            self.failures.setdefault(client, []).append(now)
            return None
        if self.full(now):
            return None
        ticket = secrets.token_urlsafe(24)
        self.tickets[ticket] = now + TICKET_TTL_S
        return ticket

    def redeem(self, ticket: str, now: float | None = None) -> bool:
        """Use a ticket once: it becomes an active session (call :meth:`release` at its end)."""
        self._purge(time.monotonic() if now is None else now)
        if self.tickets.pop(ticket, None) is None:
            return False
        self.active += 1
        return True

    def release(self) -> None:
        self.active = max(0, self.active - 1)


def participant_command(store: str | Path, assessment_id: str | None) -> str:
    """The shell command textual-serve starts for each browser tab.

    A PostgreSQL URL (it may hold a password) is not put on a command line anyone can read
    with ``ps``: the participants inherit it through ``$MATURITY_STORE`` instead."""
    from maturity.store import ENV_VAR, is_postgres

    argv = [sys.executable, "-m", "maturity", "--store", str(store), "join"]
    if is_postgres(str(store)):
        os.environ[ENV_VAR] = str(store)
        argv = [sys.executable, "-m", "maturity", "join"]
    if assessment_id:
        argv.append(assessment_id)
    return shlex.join(argv)


def content_security_policy(host: str, form: bool = False) -> str:
    """Only this server: scripts, styles, fonts and the WebSocket; nothing from elsewhere.

    ``form``: the join page posts its code back to this server (``form-action 'self'``)."""
    return "; ".join(
        [
            "default-src 'none'",
            "script-src 'self' 'unsafe-inline'",
            "style-src 'self' 'unsafe-inline'",
            "font-src 'self'",
            "img-src 'self' data:",
            f"connect-src 'self' ws://{host} wss://{host}",
            "worker-src 'self' blob:",
            "base-uri 'none'",
            "form-action 'self'" if form else "form-action 'none'",
            "frame-ancestors 'none'",
        ]
    )


def make_server(
    store: str | Path,
    assessment_id: str | None,
    host: str,
    port: int,
    public_url: str | None = None,
    *,
    max_sessions: int = DEFAULT_MAX_SESSIONS,
    join_code: str | None = None,
) -> Any:
    """A textual-serve Server behind the gate above (imported here: an optional extra)."""
    import asyncio

    import aiohttp_jinja2
    import jinja2
    from aiohttp import WSMsgType, web
    from textual_serve.app_service import AppService
    from textual_serve.server import Server

    policy = HostPolicy.for_server(host, port, public_url)
    gate = Gate(join_code or new_join_code(), max_sessions)

    @web.middleware
    async def check_host(request: web.Request, handler: Any) -> web.StreamResponse:
        """DNS rebinding: a request that does not name this server gets nothing at all."""
        if not policy.allows(request.headers.get("Host")):
            return web.Response(status=403, text="403: unknown host\n")
        return await handler(request)  # type: ignore[no-any-return]

    class GatedServer(Server):
        gate: Gate
        policy: HostPolicy

        async def _make_app(self) -> web.Application:
            app = web.Application(middlewares=[check_host], client_max_size=64 * 1024)
            aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True)
            app.add_routes(
                [
                    web.get("/", self.handle_page, name="index"),
                    web.post("/", self.handle_join, name="join"),
                    web.get("/ws/{ticket}", self.handle_ticket, name="websocket"),
                    web.static("/static", self.statics_path, show_index=False, name="static"),
                ]
            )
            app.on_startup.append(self.on_startup)
            app.on_shutdown.append(self.on_shutdown)
            return app

        async def on_startup(self, app: web.Application) -> None:
            shown = public_url or f"http://{_url_host(host)}:{port}"
            print(
                f"maturity serve: participants open {shown}/ and type the join code\n"
                f"  join code: {gate.code}\n"
                f"  at most {gate.max_sessions} participants at once (--max-sessions)\n"
                "  press ctrl+c to stop",
                flush=True,
            )

        def _bases(self, request: web.Request) -> tuple[str, str]:
            base = (public_url or f"{request.scheme}://{request.host}").rstrip("/")
            ws_base = ("wss:" if base.startswith("https:") else "ws:") + base.split(":", 1)[1]
            return base, ws_base

        def _font_size(self, request: web.Request) -> int:
            try:
                return parse_number(request.query.get("fontsize"), 16, FONT_SIZE)
            except ValueError as exc:
                raise web.HTTPBadRequest(text=f"400: fontsize: {exc}\n") from None

        def _page(
            self, request: web.Request, template: str, context: dict[str, Any], status: int = 200
        ) -> web.Response:
            base, _ = self._bases(request)
            context = {
                "config": {"static": {"url": f"{base}/static/"}},
                "application": {"name": TITLE},
                "ping_url": "",
                **context,
            }
            response = aiohttp_jinja2.render_template(template, request, context, status=status)
            response.headers["Content-Security-Policy"] = content_security_policy(
                base.split("://", 1)[1], form=template == "join.html"
            )
            response.headers["X-Content-Type-Options"] = "nosniff"
            response.headers["Referrer-Policy"] = "no-referrer"
            response.headers["Cache-Control"] = "no-store"
            return response

        async def handle_page(self, request: web.Request) -> web.Response:
            """The join form: nothing is started until the right code comes back."""
            font_size = self._font_size(request)
            return self._page(request, "join.html", {"font_size": font_size, "problem": ""})

        async def handle_join(self, request: web.Request) -> web.Response:
            """The code from the form: the terminal page with a one-time ticket, or why not."""
            if not origin_allowed(
                request.headers.get("Origin"), request.headers.get("Host"), policy
            ):
                raise web.HTTPForbidden(text="403: this page may only be used from this server\n")
            font_size = self._font_size(request)
            client = request.remote or "?"
            if gate.locked_out(client):
                return self._page(
                    request,
                    "join.html",
                    {
                        "font_size": font_size,
                        "problem": "Too many wrong codes; wait a few minutes.",
                    },
                    status=429,
                )
            form = await request.post()
            typed = form.get("code")
            ticket = gate.try_code(client, typed if isinstance(typed, str) else "")
            if ticket is None:
                wrong = not code_matches(typed if isinstance(typed, str) else "", gate.code)
                problem = (
                    "That is not the join code. Ask the facilitator for it."
                    if wrong
                    else f"The session is full ({gate.max_sessions} participants). "
                    "Ask the facilitator, or try again when someone leaves."
                )
                context = {"font_size": font_size, "problem": problem}
                return self._page(request, "join.html", context, status=403 if wrong else 503)
            _, ws_base = self._bases(request)
            context = {"font_size": font_size, "app_websocket_url": f"{ws_base}/ws/{ticket}"}
            return self._page(request, "app_index.html", context)

        async def handle_ticket(self, request: web.Request) -> web.StreamResponse:
            """The WebSocket: right Origin, a valid unused ticket, sane sizes -- then a process."""
            if not origin_allowed(
                request.headers.get("Origin"), request.headers.get("Host"), policy
            ):
                raise web.HTTPForbidden(text="403: cross-origin WebSocket refused\n")
            try:
                width = parse_number(request.query.get("width"), 80, TERMINAL_COLUMNS)
                height = parse_number(request.query.get("height"), 24, TERMINAL_ROWS)
            except ValueError as exc:
                raise web.HTTPBadRequest(text=f"400: {exc}\n") from None
            if not gate.redeem(request.match_info["ticket"]):
                raise web.HTTPForbidden(
                    text="403: no valid join ticket; reload and type the code\n"
                )
            try:
                return await self._run_session(request, width, height)
            finally:
                gate.release()

        async def _run_session(
            self, request: web.Request, width: int, height: int
        ) -> web.WebSocketResponse:
            # textual-serve's handle_websocket, with the sizes checked above
            websocket = web.WebSocketResponse(heartbeat=15, max_msg_size=64 * 1024)
            service: AppService | None = None
            try:
                await websocket.prepare(request)
                service = AppService(
                    self.command,
                    write_bytes=websocket.send_bytes,
                    write_str=websocket.send_str,
                    close=websocket.close,  # type: ignore[arg-type]  # as upstream
                    download_manager=self.download_manager,
                    debug=self.debug,
                )
                await service.start(width, height)
                await self._process_messages(websocket, service)
            except asyncio.CancelledError:
                await websocket.close()
            finally:
                if service is not None:
                    await service.stop()
            return websocket

        async def _process_messages(
            self, websocket: web.WebSocketResponse, app_service: AppService
        ) -> None:
            """The page's messages; malformed ones are ignored, sizes clamped."""
            async for message in websocket:
                if message.type != WSMsgType.TEXT:
                    continue
                try:
                    envelope = json.loads(message.data)
                except ValueError:
                    continue
                if not isinstance(envelope, list) or not envelope:
                    continue
                kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
                if kind == "stdin" and isinstance(data, str):
                    await app_service.send_bytes(data.encode("utf-8", "replace"))
                elif kind == "resize" and isinstance(data, dict):
                    await app_service.set_terminal_size(
                        clamp(data.get("width"), 80, TERMINAL_COLUMNS),
                        clamp(data.get("height"), 24, TERMINAL_ROWS),
                    )
                elif kind == "ping" and isinstance(data, str | int | float):
                    await websocket.send_json(["pong", data])
                elif kind == "blur":
                    await app_service.blur()
                elif kind == "focus":
                    await app_service.focus()

    server = GatedServer(
        participant_command(store, assessment_id),
        host=host,
        port=port,
        title=TITLE,
        public_url=public_url,
    )
    server.gate = gate
    server.policy = policy
    return server


def _url_host(host: str) -> str:
    shown = "127.0.0.1" if host in WILDCARD else host
    return f"[{shown}]" if ":" in shown else shown


def serve(
    store: str | Path,
    assessment_id: str | None,
    host: str = "127.0.0.1",
    port: int = 8000,
    public_url: str | None = None,
    max_sessions: int = DEFAULT_MAX_SESSIONS,
) -> None:
    """Serve until interrupted (ctrl+c)."""
    try:
        server = make_server(
            store, assessment_id, host, port, public_url, max_sessions=max_sessions
        )
    except ImportError:
        raise MaturityError(
            "maturity serve needs the textual-serve package (pip install textual-serve)"
        ) from None
    try:
        server.serve()
    except OSError as exc:
        raise MaturityError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
