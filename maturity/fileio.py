"""Writing files safely: never leave a half-written file at the destination, and never turn
something that is not a regular file into one.

``-o PATH`` may name many things besides a new file; each gets what a person expects:

* ``-`` writes to standard output;
* an existing FIFO or character device (``/dev/stdout``, ``/dev/null``, a terminal, a pipe a
  program reads from) is written through, never replaced (a FIFO nobody reads is refused
  instead of hanging); a block device or socket is refused;
* a symbolic link is followed: the file it points to is written and the link stays a link;
* an existing regular file keeps its permission bits (a 0600 file stays private); one with
  several hard links is rewritten in place so every link sees the new content;
* anything else is written to a temporary file beside it, fsynced and renamed over it.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import stat
import sys
import tempfile
from pathlib import Path

from maturity.errors import MaturityError

STDOUT = "-"


def user_path(text: str) -> Path:
    """A path as typed, with ``~`` expanded; ``~nouser/x`` is an error, not a RuntimeError."""
    try:
        return Path(text).expanduser()
    except RuntimeError:
        raise MaturityError(code="path.no_home", params={"path": text}) from None


def _fail(path: Path, exc: OSError) -> MaturityError:
    reason = exc.strerror or str(exc)
    if exc.errno == errno.ENAMETOOLONG:
        reason = "the file name is too long"
    return MaturityError(code="write.failed", params={"path": path, "reason": reason})


def is_stdout(path: Path | str) -> bool:
    return str(path) == STDOUT


def write_output(output: str | None, text: str) -> None:
    """What a command's ``-o`` means, in one place: no ``-o`` or ``-o -`` writes ``text`` to
    standard output; a path is written atomically (special files as :func:`write_atomic`
    says) and named on standard error, made safe for the terminal."""
    import sys

    from maturity.safetext import terminal_safe

    if output is None or is_stdout(output):
        sys.stdout.write(text)
        return
    write_atomic(user_path(output), text)
    print(f"wrote {terminal_safe(output)}", file=sys.stderr)


def check_destination(path: Path, *, probe: bool = True) -> None:
    """Fail before any slow work when ``path`` clearly cannot be written. ``probe`` also tries
    a new file in the folder; :func:`write_atomic` skips it, its own temporary file is that
    same attempt a moment later, with the same message."""
    if is_stdout(path):
        return
    st = _stat_or_none(path)
    folder = path.parent if str(path.parent) else Path(".")
    if st is not None:
        if stat.S_ISDIR(st.st_mode):
            raise MaturityError(code="write.folder", params={"path": path})
        if not (stat.S_ISREG(st.st_mode) or stat.S_ISFIFO(st.st_mode) or stat.S_ISCHR(st.st_mode)):
            raise MaturityError(
                f"{path}: {_kind(st.st_mode)}; refusing to write to it",
                code="write.special",
                params={"path": path},
            )
        if not os.access(path, os.W_OK):
            # os.replace would succeed over a read-only file; refusing matches what people expect.
            raise MaturityError(code="write.read_only", params={"path": path})
        return
    try:
        if not folder.is_dir():
            raise MaturityError(code="write.no_folder", params={"path": path, "folder": folder})
    except OSError as exc:
        raise _fail(path, exc) from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise MaturityError(code="write.permission", params={"path": path})
    if len(os.fsencode(path.name)) > 255:
        raise MaturityError(code="write.name_too_long", params={"path": path})
    if probe:
        _probe(folder, path)


def _probe(folder: Path, path: Path) -> None:
    """Create and remove a file where ``path`` will be written, the way :func:`_replace` will:
    the only test that a folder takes new files that root (who passes every permission
    check), a read-only or full mount, or a pseudo file system such as /proc cannot fool.
    Costs one create and unlink, so a 30-page PDF is not laid out for seconds only to fail
    at the write."""
    try:
        fd, probe = tempfile.mkstemp(prefix=".maturity-", suffix=".probe", dir=folder)
    except OSError as exc:
        raise _fail(path, exc) from None
    os.close(fd)
    with contextlib.suppress(OSError):
        os.unlink(probe)


def _stat_or_none(path: Path) -> os.stat_result | None:
    """``path``'s stat (following links), None when nothing is there yet; any other failure is
    the one clear MaturityError both the early check and the write itself give."""
    try:
        return os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _fail(path, exc) from None


def _kind(mode: int) -> str:
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write ``data`` to ``path`` as the module docstring describes; one MaturityError on failure."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if is_stdout(path):
        _write_stdout(payload)
        return
    check_destination(path, probe=False)
    st = _stat_or_none(path)
    if st is not None and not stat.S_ISREG(st.st_mode):
        _write_through(path, payload, st.st_mode)
        return
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    if st is not None and st.st_nlink > 1:
        _write_in_place(target, payload)
        return
    _replace(target, payload, None if st is None else stat.S_IMODE(st.st_mode), st)


def _write_stdout(payload: bytes) -> None:
    sys.stdout.flush()
    out = getattr(sys.stdout, "buffer", None)
    if out is None:  # a text-only stream (tests capture stdout this way)
        sys.stdout.write(payload.decode("utf-8", errors="replace"))
    else:
        out.write(payload)
    sys.stdout.flush()


def _write_all(fd: int, payload: bytes) -> None:
    view = memoryview(payload)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _write_through(path: Path, payload: bytes, mode: int) -> None:
    """A FIFO or character device: open it for writing and write, never replace it."""
    flags = os.O_WRONLY | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0)
    if stat.S_ISFIFO(mode):
        flags |= os.O_NONBLOCK  # fails with ENXIO instead of hanging when nobody reads
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise MaturityError(
                f"{path}: a named pipe nobody is reading from; start the reader first"
            ) from None
        raise _fail(path, exc) from None
    try:
        if stat.S_ISFIFO(mode):
            fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) & ~os.O_NONBLOCK)
        _write_all(fd, payload)
    except BrokenPipeError:
        raise  # the reader went away (| head): as quiet as for standard output
    except OSError as exc:
        raise _fail(path, exc) from None
    finally:
        os.close(fd)


def _write_in_place(path: Path, payload: bytes) -> None:
    """A file with several hard links: truncate and rewrite it, so every link sees the new
    content (renaming over it would leave the other links with the old one)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise _fail(path, exc) from None
    try:
        _write_all(fd, payload)
        os.fsync(fd)
    except OSError as exc:
        raise _fail(path, exc) from None
    finally:
        os.close(fd)


def _replace(path: Path, payload: bytes, mode: int | None, st: os.stat_result | None) -> None:
    """Write to a temporary file beside ``path``, fsync, then rename over it."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        # A short fixed prefix: a long file name plus a prefix would exceed NAME_MAX.
        fd, tmp = tempfile.mkstemp(prefix=".maturity-", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise _fail(path, exc) from None
    try:
        if mode is None:
            # mkstemp makes the file private (0600); a new report or export gets the usual mode.
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)  # an existing file keeps its mode (a 0600 export stays private)
        if st is not None and os.geteuid() == 0:
            os.chown(tmp, st.st_uid, st.st_gid)  # root overwriting a user's file keeps its owner
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise _fail(path, exc) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
