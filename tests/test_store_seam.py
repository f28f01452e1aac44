"""The store seam holds: callers see only the protocol (import-linter contract in
pyproject.toml), never a backend's private parts, and SQLite users never load psycopg."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]


def test_the_import_linter_contract_is_kept() -> None:
    linter = Path(sys.executable).parent / "lint-imports"
    r = subprocess.run(
        [str(linter), "--config", str(ROOT / "pyproject.toml")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    assert "The store seam: nothing outside maturity.store imports a backend KEPT" in r.stdout


def test_no_caller_reaches_into_a_store() -> None:
    """Private attributes and backend files (the SQLite WAL) are the store's business."""
    pattern = re.compile(r"store\._\w|store\.path\b|-wal\b|-shm\b|SQLiteStore|PostgresStore")
    offenders = [
        f"{path.relative_to(ROOT)}:{n}: {line.strip()}"
        for path in (ROOT / "maturity").rglob("*.py")
        if "store" not in path.relative_to(ROOT / "maturity").parts[:1]
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert offenders == []


def test_list_on_sqlite_does_not_load_the_postgresql_driver(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from maturity.cli import main\n"
        "assert main(['list']) == 0\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('psycopg', 'textual',"
        " 'weasyprint')))\n"
    )
    env = {**os.environ, "MATURITY_STORE": str(tmp_path / "s.db")}
    r = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert r.stdout.strip().splitlines()[-1] == "[]"
