"""Issue 10 item 14: messages that say what happened to the store's environment, and an exact
id that is also the prefix of another id addresses its own assessment."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import CliResult

from hostile.import_support import CALMS, assessment, bundle
from maturity.errors import StoreError
from maturity.store import open_store
from maturity.store import sqlite as sqlite_store
from maturity.workspace import Workspace

Cli = Callable[..., CliResult]


def test_an_exact_id_that_prefixes_another_addresses_itself(cli: Cli, tmp_path: Path) -> None:
    short, long = "af8a9db4", "af8a9db404ef"
    docs = [assessment("Short", short), assessment("Long", long)]
    assert cli("import", str(bundle(tmp_path / "b.json", docs))).code == 0
    assert json.loads(cli("show", short, "--json").out)["team"] == "Short"
    assert json.loads(cli("show", long, "--json").out)["team"] == "Long"
    assert json.loads(cli("show", "AF8A9DB4", "--json").out)["team"] == "Short"
    r = cli("show", "af8a9db")
    assert r.code == 2 and "ambiguous" in r.err


def test_a_read_only_mount_still_lists_and_says_why_it_cannot_save(
    cli: Cli, store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    aid = cli("new", "--team", "Payments").out.strip()
    monkeypatch.setattr(sqlite_store, "_read_only_fs", lambda _path: True)
    r = cli("list")
    assert r.code == 0 and "Payments" in r.out, r.err
    assert cli("show", aid).code == 0
    r = cli("answer", aid, "culture.shared-goals", "3")
    assert r.code == 2
    assert (
        r.err.strip()
        == f"error: store {store_path}: on a read-only file system; maturity cannot open it for changes there"
    )


def test_read_only_folder_and_file_are_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As root nothing is read-only to us, so the mapping is checked on SQLite's own errors."""
    store = tmp_path / "s.db"
    store.write_bytes(b"")
    readonly = sqlite3.OperationalError("attempt to write a readonly database")
    monkeypatch.setattr(sqlite_store, "_read_only_fs", lambda _path: False)
    monkeypatch.setattr(sqlite_store, "_disk_full", lambda _path: False)
    folder_ro = lambda p, mode: Path(p) != tmp_path  # noqa: E731
    monkeypatch.setattr(os, "access", folder_ro)
    said = sqlite_store.diagnose(store, readonly)
    assert said is not None and said.code == "store.read_only_folder"
    assert str(said) == (
        f"store {store}: the folder {tmp_path} is read-only; maturity keeps its write-ahead log"
        " beside the store and cannot save there"
    )
    monkeypatch.setattr(os, "access", lambda p, mode: Path(p) != store)
    assert (
        str(sqlite_store.diagnose(store, readonly))
        == f"store {store}: the file is read-only; cannot save"
    )


def test_a_full_disk_says_so_and_the_store_stays_usable(store_path: Path) -> None:
    store = sqlite_store.SQLiteStore(store_path)
    ws = Workspace(store)
    a = ws.create("Payments", CALMS)
    conn = store._conn
    assert conn is not None
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own "disk is full"
    with pytest.raises(StoreError) as caught:
        for i in range(50):  # until the pages run out; the COMMIT or a write fails
            ws.create(f"Team {i}" + "x" * 150, CALMS)
    assert "the disk is full; this change was not saved" in str(caught.value)
    conn.execute("PRAGMA max_page_count = 1073741823")
    ws.answer(a.id, "culture.shared-goals", 4)
    assert ws.get(a.id).answers["culture.shared-goals"].level == 4
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


HOLDER = """
import os, sys
from maturity.store import open_store
from maturity.workspace import Workspace
ws = Workspace(open_store(sys.argv[1]))
ws.answer(sys.argv[2], "culture.shared-goals", 3)
print("answered", flush=True)
sys.stdin.readline()
ws.store.close()
"""


def test_a_deleted_wal_is_named(store_path: Path, cli: Cli) -> None:
    aid = cli("new", "--team", "Payments").out.strip()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(store_path), aid],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "answered"
        os.unlink(f"{store_path}-wal")
        r = subprocess.run(
            [sys.executable, "-m", "maturity", "--store", str(store_path), "list"],
            capture_output=True,
            text=True,
        )
        assert r.returncode == 2
        assert "write-ahead log (store.db-wal) is missing or empty" in r.stderr
        assert "corrupt" not in r.stderr
    finally:
        holder.communicate("\n", timeout=30)
    # the holder wrote its changes back when it closed: nothing acknowledged was lost
    shown = json.loads(cli("show", aid, "--json").out)
    assert shown["id"] == aid
    assert Workspace(open_store(store_path)).get(aid).answers["culture.shared-goals"].level == 3
