"""The import contracts in pyproject.toml hold, and they would catch a violation."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _lint_imports(config: Path, cwd: Path, pythonpath: Path) -> subprocess.CompletedProcess[str]:
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert exe, "import-linter is a dev dependency (uv sync)"
    env = {**os.environ, "PYTHONPATH": str(pythonpath)}
    return subprocess.run(
        [exe, "--no-logo", "--no-cache", str(config)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.mark.slow
def test_the_import_contracts_are_kept() -> None:
    config = ROOT / "pyproject.toml"
    contracts = tomllib.loads(config.read_text(encoding="utf-8"))["tool"]["importlinter"]
    r = _lint_imports(config, ROOT, ROOT)
    assert r.returncode == 0, r.stdout + r.stderr
    assert f"Contracts: {len(contracts['contracts'])} kept, 0 broken." in r.stdout


def _fake_package(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / "maturity" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def test_the_contracts_catch_a_core_module_importing_textual_and_a_model_importing_a_rule(
    tmp_path: Path,
) -> None:
    """The same contracts over a tiny package that breaks both: each is reported broken."""
    config = ROOT / "pyproject.toml"
    contracts = tomllib.loads(config.read_text(encoding="utf-8"))["tool"]["importlinter"]
    named = {
        m
        for c in contracts["contracts"]
        for m in [*c.get("source_modules", []), *c.get("forbidden_modules", [])]
        if m.startswith("maturity.") and "*" not in m  # wildcards name no file
    }
    files = {m.removeprefix("maturity.").replace(".", "/") + "/__init__.py": "" for m in named}
    for c in contracts["contracts"]:  # every module a layers contract names, empty
        for container in c.get("containers", []):
            folder = container.removeprefix("maturity.").replace(".", "/")
            for layer in c["layers"]:
                for name in layer.replace(":", "|").split("|"):
                    files[f"{folder}/{name.strip(' ()')}.py"] = ""
    files |= {
        "__init__.py": "",
        "model/results.py": "from maturity import dora\n",
        "scoring/__init__.py": "import textual\n",
        "catalogue/__init__.py": "import pydantic\n",
        # a report kind's view importing another kind's: the report layering is broken
        "report/view_trend.py": "from maturity.report import view_compare\n",
    }
    _fake_package(tmp_path, files)
    local = tmp_path / "pyproject.toml"
    local.write_text(config.read_text(encoding="utf-8"), encoding="utf-8")
    r = _lint_imports(local, tmp_path, tmp_path)
    assert r.returncode == 1, r.stdout + r.stderr
    broken = 4
    kept = len(contracts["contracts"]) - broken  # the store seam is not broken here
    assert f"Contracts: {kept} kept, {broken} broken." in r.stdout, r.stdout
    assert "maturity.scoring -> textual" in r.stdout, r.stdout
    assert "maturity.model.results -> maturity.dora" in r.stdout
    assert "maturity.report.view_trend -> maturity.report.view_compare" in r.stdout, r.stdout
    assert "maturity.catalogue -> pydantic" in r.stdout
