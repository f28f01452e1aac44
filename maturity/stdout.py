"""Standard output after it failed (a closed pipe, a full disk behind ``> file``).

Shared by the command line and the launcher's kept-output path, which must not import the
command line; standard library only.
"""

from __future__ import annotations

import os
import sys


def silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again (and print
    a traceback at exit after the one error line was already said)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass
