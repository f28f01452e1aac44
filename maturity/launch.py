"""The ``maturity`` console script: a few read-only commands answered from stored output.

A script that runs ``maturity show ID --json`` for every assessment, or a dashboard that runs
``maturity portfolio`` every minute, pays each time for importing pydantic, building the
models, loading the questionnaire and scoring, although nothing changed since the last run.
This launcher recognises only the exact argument shapes of

- ``show ID --json``
- ``trend --team T [--json] [--lang L]``
- ``portfolio [--json] [--sort KEY] [--lang L]``

(each after an optional ``--store S``), and asks :mod:`maturity.store.fastread` for what the
same command printed before, stamped with the assessment's (or the store's) revision, the app
version and how long it stays true. A hit is printed as it is: the same bytes, computed by the
same code, never imported here. Anything else, and every miss, is :func:`maturity.cli.main`
itself, so every message, error and exit code stays the command line's own; after a miss
the output is kept for the next time (SQLite only, best effort). Writers keep the outputs
current themselves (:mod:`maturity.keep`: the command line after a write command, the TUI
and a participant's app after each write), so a read after a change is normally a hit too.
A PostgreSQL store always takes the normal path (reading it needs psycopg). ``maturity``
alone (or with ``--store S``) opens the app straight away, without the command line's parser.

This module imports nothing heavy at the top: a hit loads the standard library's ``sqlite3``
and ``zlib`` and nothing of pydantic (a test checks ``sys.modules``).
"""

from __future__ import annotations

import sys

from maturity.stdout import silence_stdout

TYPE_CHECKING = False  # not typing itself: every command (the TUI too) starts here
if TYPE_CHECKING:
    from collections.abc import Sequence

    from maturity.store.fastread import Entry, Request

# flag -> takes a value; the only options of each recognised command
_OPTIONS: dict[str, dict[str, bool]] = {
    "trend": {"--team": True, "--json": False, "--lang": True},
    "portfolio": {"--json": False, "--sort": True, "--lang": True},
}


def _split_store(argv: Sequence[str]) -> tuple[str | None, list[str]] | None:
    """A leading ``--store S`` / ``--store=S`` and the rest; None when it is malformed."""
    rest = list(argv)
    store = None
    if rest[:1] == ["--store"] and len(rest) >= 2:
        store, rest = rest[1], rest[2:]
    elif rest and rest[0].startswith("--store="):
        store, rest = rest[0].removeprefix("--store="), rest[1:]
    if store is not None and (not store or store.startswith("-")):
        return None
    return store, rest


def recognise(argv: Sequence[str]) -> tuple[str | None, Request] | None:
    """``(--store value or None, the request)`` when ``argv`` is exactly one of the shapes
    above; None for anything else (abbreviated flags, repeats, ``--`` or a value that starts
    with ``-`` included), which then goes to the command line untouched."""
    split = _split_store(argv)
    if split is None or not split[1] or split[1][0] not in ("show", *_OPTIONS):
        return None
    from maturity.store.fastread import Request

    store, rest = split
    command, args = rest[0], rest[1:]
    if command == "show":
        if len(args) != 2 or "--json" not in args:
            return None
        ident = args[1 - args.index("--json")]
        return None if ident.startswith("-") else (store, Request("show", (), ident))
    flags = _OPTIONS.get(command)
    if flags is None:
        return None
    options: dict[str, str] = {}
    i = 0
    while i < len(args):
        flag, _, inline = args[i].partition("=")
        takes = flags.get(flag)
        if takes is None or flag in options:
            return None
        if not takes:
            if inline or "=" in args[i]:
                return None
            options[flag] = ""
            i += 1
            continue
        if "=" in args[i]:
            value, i = inline, i + 1
        elif i + 1 < len(args):
            value, i = args[i + 1], i + 2
        else:
            return None
        if not value or value.startswith("-"):
            return None
        options[flag] = value
    if command == "trend" and "--team" not in options:
        return None
    return store, Request(command, tuple(sorted(options.items())))


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``maturity`` with ``argv`` (default: the process's arguments); the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    recognised = recognise(args)
    if recognised is None:  # a write command keeps what it changed itself (maturity.keep)
        split = _split_store(args)
        if split is not None and not split[1]:
            return _app(split[0], args)
        return _command_line(args)
    store, request = recognised
    from maturity.store import store_target
    from maturity.store.fastread import lookup
    from maturity.timefmt import now_text

    started = now_text()
    try:
        body, entry = lookup(store_target(store), request, started)
    except Exception as exc:  # e.g. "~nouser/x": the command line says what is wrong
        from maturity.errors import MaturityError  # not before: it costs the quick path

        if not isinstance(exc, MaturityError | OSError | ValueError):
            raise
        body, entry = None, None
    if body is not None:
        return _write(body)
    if entry is None:
        return _command_line(args)
    return _command_line_kept(args, request, entry, started)


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())


def _app(store: str | None, args: list[str]) -> int:
    """``maturity`` or ``maturity --store S``: the app, without the command line's parser
    (building it costs some 10 ms before the first screen); without a terminal, the command
    line prints its tour. Interrupted while it loads: the command line's message and code."""
    from maturity.tui import start

    try:
        code = start(store)
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    return _command_line(args) if code is None else code


def _command_line(args: list[str]) -> int:
    from maturity.cli import main as cli_main

    return cli_main(args)


def _command_line_kept(args: list[str], request: Request, entry: Entry, started: str) -> int:
    """The command line with its standard output caught, printed, and kept when it succeeded."""
    import io

    from maturity.keep import valid_until
    from maturity.store.fastread import remember

    real, caught = sys.stdout, io.StringIO()
    sys.stdout = caught
    try:
        code = _command_line(args)
    finally:
        sys.stdout = real
    text = caught.getvalue()
    written = _write(text)
    if code == 0 and written == 0:
        remember(entry, text, valid_until(request, entry, started))
    return code or written


def _write(text: str) -> int:
    """Print ``text`` as the command line does, with its answers to a closed pipe (exit 0,
    quietly) and a full disk (one error line, exit 2)."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        silence_stdout()
        return 0
    except OSError as exc:
        silence_stdout()
        reason = exc.strerror or str(exc)
        print(f"error: cannot write the output ({reason}); it is incomplete", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":  # pragma: no cover
    run()
