"""Starting the TUI: the store opens while Textual is still being imported.

``maturity`` with no command comes here (the command line imports this module, not the app).
The one thing the first screen needs from the store, the list of assessments, is queued on
the store thread *before* Textual and the screens are imported (about a quarter of a second):
by the time the home screen mounts, the list is usually there and the first frame is already
the full list, instead of an empty table that waits for the store. This module imports
nothing heavy itself: only the gateway (standard library) before the app.
"""

from __future__ import annotations

from pathlib import Path


def run_app(store_path: str | Path | None = None) -> int:
    """Run the facilitator's app until the user quits; the exit code for the command line."""
    from maturity.tui.gateway import Gateway

    gateway = Gateway()
    gateway.start_open(store_path)  # on the store thread, while the next import runs

    from maturity.tui.app import MaturityApp

    app = MaturityApp(store_path, gateway=gateway)
    app.run()
    return app.return_code or 0


__all__ = ["run_app"]
