"""``maturity serve``: the participant view in a browser, through textual-serve.

Each browser tab that opens the page gets its own ``maturity join`` process on the same store,
driven over a WebSocket (textual-serve's design). Two things differ from textual-serve's own
server, both so the page works on a network without internet access and stays self-contained:

* its page loads the Roboto Mono font from fonts.googleapis.com; ours (``web/app_index.html``)
  declares the same font with ``@font-face`` from textual-serve's bundled static folder, and the
  page carries a Content-Security-Policy that allows nothing from another host;
* the page's WebSocket and static URLs are built from the address the browser used (checked),
  unless ``--public-url`` is given, so ``--host 0.0.0.0`` works for colleagues on the LAN.

There is no authentication: whoever reaches the port can vote under any name. The default host
is 127.0.0.1; bind another address only on a network you trust.
"""

from __future__ import annotations

import os
import re
import shlex
import sys
from pathlib import Path
from typing import Any

from maturity.errors import MaturityError

TEMPLATES = Path(__file__).parent / "web"
TITLE = "maturity · team vote"
_HOST = re.compile(r"^[A-Za-z0-9.\-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$")


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


def content_security_policy(host: str) -> str:
    """Only this server: scripts, styles, fonts and the WebSocket; nothing from elsewhere."""
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
            "form-action 'none'",
        ]
    )


def make_server(
    store: str | Path,
    assessment_id: str | None,
    host: str,
    port: int,
    public_url: str | None = None,
) -> Any:
    """A textual-serve Server serving our offline page (imported here: an optional extra)."""
    import aiohttp_jinja2
    import jinja2
    from aiohttp import web
    from textual_serve.server import Server

    class OfflineServer(Server):
        async def _make_app(self) -> web.Application:
            app = web.Application()
            aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True)
            app.add_routes(
                [
                    web.get("/", self.handle_page, name="index"),
                    web.get("/ws", self.handle_websocket, name="websocket"),
                    web.static("/static", self.statics_path, show_index=False, name="static"),
                ]
            )
            app.on_startup.append(self.on_startup)
            app.on_shutdown.append(self.on_shutdown)
            return app

        async def handle_page(self, request: web.Request) -> web.Response:
            host = request.host
            if public_url is None and not _HOST.match(host):
                raise web.HTTPBadRequest(text="bad Host header")
            base = (public_url or f"{request.scheme}://{host}").rstrip("/")
            ws_base = ("wss:" if base.startswith("https:") else "ws:") + base.split(":", 1)[1]
            font_size = request.query.get("fontsize", "16")
            context = {
                "font_size": int(font_size) if font_size.isdigit() else 16,
                "app_websocket_url": f"{ws_base}/ws",
                "config": {"static": {"url": f"{base}/static/"}},
                "application": {"name": TITLE},
                "ping_url": "",
            }
            response = aiohttp_jinja2.render_template("app_index.html", request, context)
            ws_host = base.split("://", 1)[1]
            response.headers["Content-Security-Policy"] = content_security_policy(ws_host)
            response.headers["X-Content-Type-Options"] = "nosniff"
            response.headers["Referrer-Policy"] = "no-referrer"
            return response

    return OfflineServer(
        participant_command(store, assessment_id),
        host=host,
        port=port,
        title=TITLE,
        public_url=public_url,
    )


def serve(
    store: str | Path,
    assessment_id: str | None,
    host: str = "127.0.0.1",
    port: int = 8000,
    public_url: str | None = None,
) -> None:
    """Serve until interrupted (ctrl+c)."""
    try:
        server = make_server(store, assessment_id, host, port, public_url)
    except ImportError:
        raise MaturityError(
            "maturity serve needs the textual-serve package (pip install textual-serve)"
        ) from None
    try:
        server.serve()
    except OSError as exc:
        raise MaturityError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
