"""A wrong password, for real: a throwaway PostgreSQL cluster of this test session that
requires passwords (scram-sha-256), since the shared local server trusts every connection.

Outside CI the tests skip with the reason when PostgreSQL's ``initdb`` is not installed (or
the cluster cannot be made); under ``CI=true`` they fail instead, like every PostgreSQL test
(see ``pg_database`` in conftest): CI must test this.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

RIGHT = "Rt-7vKq2-only-in-PGPASSWORD"
WRONG = "Wr-3xNp9-never-shown"


@dataclass(frozen=True)
class AuthCluster:
    """A running cluster whose ``postgres`` role has password ``RIGHT`` and no trust rule."""

    port: int


def _unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true: {reason}", pytrace=False)
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_postgres(*cmd: str) -> subprocess.CompletedProcess[str]:
    """Run a server binary as the ``postgres`` user (initdb and the server refuse root)."""
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    return subprocess.run([*prefix, *cmd], capture_output=True, text=True, timeout=120, check=False)


@pytest.fixture(scope="session")
def auth_cluster() -> Iterator[AuthCluster]:
    bins = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    initdb = bins[-1] if bins else shutil.which("initdb")
    if not initdb:
        _unavailable(
            "PostgreSQL's initdb is not installed: cannot make a cluster that requires passwords"
        )
    assert initdb is not None
    pg_ctl = str(Path(initdb).with_name("pg_ctl"))
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        _unavailable("running as root without runuser: cannot run initdb as the postgres user")
    root = Path(tempfile.mkdtemp(prefix="maturity-pgauth-"))
    data = root / "data"
    pwfile = root / "pwfile"
    pwfile.write_text(RIGHT + "\n")
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
        shutil.chown(pwfile, "postgres", "postgres")
    root.chmod(0o700)
    port = _free_port()
    started = False
    try:
        made = _as_postgres(
            initdb, "-D", str(data), "--auth=scram-sha-256", f"--pwfile={pwfile}", "-U", "postgres"
        )
        if made.returncode != 0:
            _unavailable(f"initdb failed: {made.stderr.strip()[-300:]}")
        opts = f"-p {port} -k {root} -c listen_addresses=127.0.0.1"
        run = _as_postgres(
            pg_ctl, "-D", str(data), "-l", str(root / "log"), "-o", opts, "-w", "start"
        )
        if run.returncode != 0:
            _unavailable(f"pg_ctl start failed: {run.stderr.strip()[-300:]}")
        started = True
        yield AuthCluster(port)
    finally:
        if started:
            _as_postgres(pg_ctl, "-D", str(data), "-m", "fast", "-w", "stop")
        shutil.rmtree(root, ignore_errors=True)


def _maturity(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """The real command line in its own process: whatever libpq writes is seen too."""
    return subprocess.run(
        [sys.executable, "-m", "maturity", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )


@pytest.fixture
def clean_env() -> dict[str, str]:
    """This process's environment without any libpq variable that could supply a password."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    env.pop("MATURITY_STORE", None)
    return env


def test_wrong_password_is_one_error_and_never_shown(
    auth_cluster: AuthCluster, clean_env: dict[str, str]
) -> None:
    url = f"postgresql://postgres:{WRONG}@127.0.0.1:{auth_cluster.port}/postgres"
    for args in (("list",), ("store", "migrate"), ("new", "--team", "P", "-q", "calms")):
        r = _maturity("--store", url, *args, env=clean_env)
        assert r.returncode == 2, (args, r.stdout, r.stderr)
        lines = r.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: "), r.stderr
        assert "password authentication failed" in lines[0], lines[0]
        assert "Traceback" not in r.stderr
        assert WRONG not in r.stdout + r.stderr
        assert r.stdout == ""


def test_wrong_password_in_pgpassword_is_not_shown_either(
    auth_cluster: AuthCluster, clean_env: dict[str, str]
) -> None:
    env = {**clean_env, "PGPASSWORD": WRONG}
    r = _maturity(
        "--store", f"postgresql://postgres@127.0.0.1:{auth_cluster.port}/postgres", "list", env=env
    )
    assert r.returncode == 2, (r.stdout, r.stderr)
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "password authentication failed" in lines[0], r.stderr
    assert WRONG not in r.stdout + r.stderr


def test_no_password_at_all_is_one_clear_error(
    auth_cluster: AuthCluster, clean_env: dict[str, str], tmp_path: Path
) -> None:
    # no ~/.pgpass to fall back on either
    env = {**clean_env, "PGPASSFILE": str(tmp_path / "none")}
    r = _maturity(
        "--store", f"postgresql://postgres@127.0.0.1:{auth_cluster.port}/postgres", "list", env=env
    )
    assert r.returncode == 2, (r.stdout, r.stderr)
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "password" in lines[0], r.stderr


def test_right_password_from_pgpassword_works(
    auth_cluster: AuthCluster, clean_env: dict[str, str]
) -> None:
    env = {**clean_env, "PGPASSWORD": RIGHT}
    url = f"postgresql://postgres@127.0.0.1:{auth_cluster.port}/postgres"
    migrated = _maturity("--store", url, "store", "migrate", env=env)
    assert migrated.returncode == 0, (migrated.stdout, migrated.stderr)
    assert "schema is now" in migrated.stdout or "nothing to do" in migrated.stdout
    made = _maturity("--store", url, "new", "--team", "Auth Team", "-q", "calms", env=env)
    assert made.returncode == 0, made.stderr
    listed = _maturity("--store", url, "list", env=env)
    assert listed.returncode == 0, listed.stderr
    assert "Auth Team" in listed.stdout
    assert made.stdout.strip() in listed.stdout
    for r in (migrated, made, listed):
        assert RIGHT not in r.stdout + r.stderr
