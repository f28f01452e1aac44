"""The worked example of docs/measurement.md is this test: its files, its repository, its numbers."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import CliResult
from measure_support import workflows_repo

DOC = Path(__file__).resolve().parent.parent / "docs" / "measurement.md"


def blocks() -> dict[str, str]:
    """Fenced blocks whose info string names them: ```csv deploys.csv, ```json expected."""
    found = re.findall(r"```\w+ ([\w.]+)\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    return dict(found)


def test_worked_example(
    cli: Callable[..., CliResult], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    b = blocks()
    assert set(b) >= {"deploys.csv", "incidents.csv", "expected"}
    repo = workflows_repo(tmp_path / "repo")
    doc = DOC.read_text(encoding="utf-8")
    for name in ("c0", "c1", "f1", "f2", "m1", "s1", "r1", "r2", "v1"):
        assert f"`{repo.ids[name][:7]}` {name}" in doc  # the table quotes the real ids
    (tmp_path / "deploys.csv").write_text(b["deploys.csv"])
    (tmp_path / "incidents.csv").write_text(b["incidents.csv"])
    command = re.search(r"`maturity dora measure (--repo REPO [^`]+)`", doc)
    assert command is not None
    args = command.group(1).replace("REPO", str(repo.path)).split()
    monkeypatch.chdir(tmp_path)  # the command names the files as a user in that folder would
    r = cli("dora", "measure", *args, "--json")
    assert r.code == 0, r.err
    got = json.loads(r.out)["measurement"]
    expected = json.loads(b["expected"])
    for metric, want in expected.items():
        if metric == "quality":
            assert got["provenance"]["quality"] == want
            continue
        m = got["metrics"][metric]
        flat = {**m, **m["extra"]}
        assert {k: flat[k] for k in want} == want, metric
