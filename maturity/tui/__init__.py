"""The Textual front end: ``maturity`` with no command opens it (see :mod:`maturity.tui.app`)."""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # typing itself is not imported: the console script starts here
if TYPE_CHECKING:
    from pathlib import Path


def start(store: str | Path | None) -> int | None:
    """Run the app on ``store`` until the user quits and return its exit code; None, without
    importing Textual, when there is no terminal to run it in (a pipe, CI), where the caller
    prints the command-line tour instead.

    Both ways in use it: the console script (:mod:`maturity.launch`) for ``maturity`` and
    ``maturity --store S``, which it recognises without building the command line's parser
    (some 10 ms of the first screen), and the command line's ``cmd_tui`` for the rest.
    """
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        return None
    from maturity.tui.app import run_app

    return run_app(store)
