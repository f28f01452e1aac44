"""Issue 10 item 3 (and the long file name of item 12): where ``-o`` may point.

A FIFO, a device or a symlink to one is written through or refused, never replaced by a
regular file; an existing file keeps its mode and its hard links; ``-o -`` is stdout."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import CliResult

Cli = Callable[..., CliResult]


@pytest.fixture
def aid(cli: Cli) -> str:
    r = cli("new", "--team", "Payments")
    assert r.code == 0, r.err
    return r.out.strip()


def test_export_to_a_fifo_writes_through_it(cli: Cli, aid: str, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def reader() -> None:
        with open(fifo, "rb") as fh:
            received.append(fh.read())

    t = threading.Thread(target=reader)
    t.start()
    # the reader must have opened the FIFO before we write (else we refuse: nobody reads)
    for _ in range(200):
        r = cli("export", aid, "-o", str(fifo))
        if r.code == 0 or "nobody is reading" not in r.err:
            break
    t.join(timeout=10)
    assert r.code == 0, r.err
    assert stat.S_ISFIFO(fifo.lstat().st_mode), "the FIFO was replaced by a regular file"
    assert b'"schema": "maturity/assessment@1"' in received[0]


def test_a_fifo_nobody_reads_is_refused_not_a_hang(cli: Cli, aid: str, tmp_path: Path) -> None:
    fifo = tmp_path / "lonely"
    os.mkfifo(fifo)
    r = cli("export", aid, "-o", str(fifo))
    assert r.code == 2 and "nobody is reading" in r.err
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_symlink_to_a_device_stays_and_the_device_too(cli: Cli, aid: str, tmp_path: Path) -> None:
    link = tmp_path / "null"
    link.symlink_to("/dev/null")
    assert cli("export", aid, "-o", str(link)).code == 0
    assert link.is_symlink() and os.readlink(link) == "/dev/null"
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    r = cli("report", aid, "-o", "/dev/null", "--format", "html")
    assert r.code == 0, r.err
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_symlink_to_a_file_writes_the_file(cli: Cli, aid: str, tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real.name)
    assert cli("export", aid, "-o", str(link)).code == 0
    assert link.is_symlink()
    assert '"team": "Payments"' in real.read_text()


def test_a_full_device_is_one_error_line(cli: Cli, aid: str) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    r = cli("export", aid, "-o", "/dev/full")
    assert r.code == 2 and r.err.startswith("error: /dev/full: cannot write")
    assert "Traceback" not in r.err


def test_block_devices_are_refused(cli: Cli, aid: str) -> None:
    blocks = [p for p in Path("/dev").glob("loop*") if stat.S_ISBLK(p.stat().st_mode)]
    if not blocks:
        pytest.skip("no block device to point at")
    r = cli("export", aid, "-o", str(blocks[0]))
    assert r.code == 2 and "block device" in r.err


def test_an_existing_file_keeps_its_mode_and_hard_links(cli: Cli, aid: str, tmp_path: Path) -> None:
    private = tmp_path / "private.json"
    private.write_text("old")
    private.chmod(0o600)
    assert cli("export", aid, "-o", str(private)).code == 0
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    linked = tmp_path / "linked.json"
    linked.write_text("old")
    other = tmp_path / "other-name.json"
    os.link(linked, other)
    assert cli("export", aid, "-o", str(linked)).code == 0
    assert other.read_text() == linked.read_text() != "old"
    assert linked.stat().st_ino == other.stat().st_ino
    r = cli("report", aid, "-o", str(private.with_suffix(".html")))
    assert r.code == 0
    private.with_suffix(".html").chmod(0o640)
    assert cli("report", aid, "-o", str(private.with_suffix(".html"))).code == 0
    assert stat.S_IMODE(private.with_suffix(".html").stat().st_mode) == 0o640


@pytest.mark.slow  # renders PDFs
def test_dash_writes_to_standard_output(aid: str, tmp_path: Path) -> None:
    store = os.environ["MATURITY_STORE"]
    for args in (["export", aid, "-o", "-"], ["report", aid, "-o", "-", "--format", "html"]):
        r = subprocess.run(
            [sys.executable, "-m", "maturity", "--store", store, *args],
            capture_output=True,
            cwd=tmp_path,
        )
        assert r.returncode == 0, r.stderr
        assert not (tmp_path / "-").exists()
        assert r.stdout.lstrip().startswith((b"{", b"<!DOCTYPE html>"))
    r = subprocess.run(
        [sys.executable, "-m", "maturity", "--store", store, "report", aid, "-o", "-", "-f", "pdf"],
        capture_output=True,
        cwd=tmp_path,
    )
    assert r.returncode == 0 and r.stdout.startswith(b"%PDF-")


def test_a_file_name_too_long_is_one_error_line(cli: Cli, aid: str, tmp_path: Path) -> None:
    name = str(tmp_path / ("a" * 300 + ".json"))
    for args in (["export", aid, "-o", name], ["report", aid, "-o", name[:-5] + ".html"]):
        r = cli(*args)
        assert r.code == 2 and "file name is too long" in r.err, r.err
    # just under the limit still works (the temporary name is short)
    ok = str(tmp_path / ("b" * 250 + ".json"))
    assert cli("export", aid, "-o", ok).code == 0
    assert Path(ok).exists()
