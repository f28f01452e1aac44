"""Issue 10 items 1 and 2: an import is one transaction, never deletes a store, and racing
imports of the same files are idempotent; a kill -9 in the middle leaves nothing behind."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import CliResult

from hostile.import_support import assessment, bundle, large_bundle

Cli = Callable[..., CliResult]

pytestmark = pytest.mark.slow

MATURITY = [sys.executable, "-m", "maturity"]


def _run(store: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*MATURITY, "--store", str(store), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _count(store: Path) -> int:
    """Assessments in the store (0 when it was killed before its tables were committed)."""
    with sqlite3.connect(store) as conn:
        if (
            conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'assessments'").fetchone()
            is None
        ):
            return 0
        return int(conn.execute("SELECT count(*) FROM assessments").fetchone()[0])


def test_a_failing_import_never_deletes_a_store_another_process_wrote(tmp_path: Path) -> None:
    """The old command deleted a store (and its WAL) it believed it had created when its
    own files were refused, even if another import had just written 1,200 assessments there."""
    large = large_bundle(tmp_path / "large.json", 300)
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema": "maturity/assessment@1", "id": "nothex"}', encoding="utf-8")
    for run in range(3):
        store = tmp_path / f"race{run}.db"
        failing = _run(store, "import", str(bad))
        time.sleep(0.02 * run)
        good = _run(store, "import", str(large))
        good_out, good_err = good.communicate(timeout=120)
        _, bad_err = failing.communicate(timeout=120)
        assert failing.returncode == 2 and "bad.json" in bad_err
        assert good.returncode == 0, good_err
        assert "300 added" in good_out
        assert store.exists(), "the store another process wrote was deleted"
        assert _count(store) == 300


def test_a_refused_import_writes_nothing_and_creates_no_store(cli: Cli, tmp_path: Path) -> None:
    run = cli
    store = tmp_path / "fresh.db"
    a, b = assessment("Alpha"), assessment("Beta")
    clash = dict(b, team="Beta changed")
    files = [bundle(tmp_path / "one.json", [a, b]), bundle(tmp_path / "two.json", [clash])]
    r = run("--store", str(store), "import", *map(str, files))
    assert r.code == 2 and "appears" in r.err and "different content" in r.err
    assert not store.exists()
    # The same id twice in ONE bundle, differently: refused too, even with --replace.
    twice = bundle(tmp_path / "twice.json", [a, dict(a, team="Alpha again")])
    r = run("--store", str(store), "import", "--replace", str(twice))
    assert r.code == 2 and "twice" in r.err
    assert not store.exists()
    # In an existing store: nothing of a refused import is written.
    assert run("--store", str(store), "import", str(files[0])).code == 0
    other = assessment("Gamma")
    mixed = bundle(tmp_path / "mixed.json", [other, clash])
    r = run("--store", str(store), "import", str(mixed))
    assert r.code == 2 and "already exists with different content" in r.err
    assert _count(store) == 2
    listed = run("--store", str(store), "list", "--json")
    assert {row["team"] for row in json.loads(listed.out)} == {"Alpha", "Beta"}


def test_a_repeated_identical_document_counts_once(cli: Cli, tmp_path: Path) -> None:
    a = assessment("Alpha")
    path = bundle(tmp_path / "rep.json", [a, a])
    single = tmp_path / "single.json"
    single.write_text(json.dumps(a), encoding="utf-8")
    r = cli("import", str(path), str(single))
    assert r.code == 0, r.err
    assert r.out.splitlines() == ["rep.json: 1 added, 0 unchanged, 0 replaced"]


def test_concurrent_imports_of_one_bundle_are_idempotent(tmp_path: Path) -> None:
    """Three processes import the same bundle into one new store at once: all succeed, the
    store holds each assessment once (the old code failed 1 run in 3 with UNIQUE)."""
    shared = large_bundle(tmp_path / "shared.json", 150)
    for run in range(3):
        store = tmp_path / f"idem{run}.db"
        procs = [_run(store, "import", str(shared)) for _ in range(3)]
        outs = [p.communicate(timeout=120) for p in procs]
        for p, (_out, err) in zip(procs, outs, strict=True):
            assert p.returncode == 0, err
        added = sorted(out.strip() for out, _ in outs)
        assert added.count("shared.json: 150 added, 0 unchanged, 0 replaced") == 1, added
        assert added.count("shared.json: 0 added, 150 unchanged, 0 replaced") == 2, added
        assert _count(store) == 150


def _wait_until_open(proc: subprocess.Popen[str], store: Path, timeout: float = 60) -> bool:
    """Wait until the process has the store file open (its real import is starting)."""
    deadline = time.monotonic() + timeout
    target = str(store.resolve())
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if any(
                os.readlink(f"/proc/{proc.pid}/fd/{fd}") == target
                for fd in os.listdir(f"/proc/{proc.pid}/fd")
            ):
                return True
        except OSError:
            pass
        time.sleep(0.005)
    return False


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to see open files")
def test_kill_9_during_a_large_import_leaves_nothing(tmp_path: Path) -> None:
    """The old import committed one assessment at a time: a kill -9 left 660 of 1,200.
    Killed at several moments after it opened the store, the store holds none or all."""
    big = large_bundle(tmp_path / "big.json", 600)
    outcomes = []
    for run, delay in enumerate((0.05, 0.3, 0.8)):
        store = tmp_path / f"killed{run}.db"
        proc = _run(store, "import", str(big))
        assert _wait_until_open(proc, store)
        time.sleep(delay)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        n = _count(store)
        outcomes.append(n)
        assert n in (0, 600), f"kill -9 left {n} of 600 assessments"
        with sqlite3.connect(store) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # and the store still works: the same import afterwards completes
        again = _run(store, "import", str(big))
        _out, err = again.communicate(timeout=120)
        assert again.returncode == 0, err
        assert _count(store) == 600
