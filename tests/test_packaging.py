"""The built wheel works like the checkout, and light commands stay light."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import InstalledWheel

ROOT = Path(__file__).resolve().parent.parent


def _run(cmd: list[str], **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, capture_output=True, text=True, timeout=600, **kw)  # type: ignore[call-overload, no-any-return]


@pytest.mark.slow
def test_wheel_installs_and_runs_outside_the_checkout(
    installed_wheel: InstalledWheel, tmp_path: Path
) -> None:
    py, exe = installed_wheel.python, installed_wheel.maturity
    venv = py.parent.parent
    env = {**os.environ, "MATURITY_STORE": str(tmp_path / "w.db")}
    work = tmp_path / "elsewhere"
    work.mkdir()

    where = _run(
        [
            str(py),
            "-c",
            "import maturity.resources as r; print(r.questionnaires_dir()); print(r.reports_dir())",
        ],
        cwd=work,
        env=env,
    )
    assert where.returncode == 0, where.stderr
    assert all("_data" in line and str(venv) in line for line in where.stdout.splitlines())

    listed = _run([str(exe), "questionnaire", "list"], cwd=work, env=env)
    assert listed.returncode == 0 and "calms" in listed.stdout and "quick" in listed.stdout
    answers = work / "a.yaml"
    answers.write_text((ROOT / "examples" / "payments.yaml").read_text())
    made = _run([str(exe), "new", "--answers", str(answers)], cwd=work, env=env)
    assert made.returncode == 0, made.stderr
    shown = _run([str(exe), "show", made.stdout.strip(), "--json"], cwd=work, env=env)
    data = json.loads(shown.stdout)
    assert data["team"] == "Payments" and data["dora"]["benchmark"] == 2024
    assert data["recommendations"], "the recommendations catalogue must be packaged"
    dora = _run([str(exe), "dora", "classify", "--lead-time", "2d", "--json"], cwd=work, env=env)
    assert json.loads(dora.stdout)["metrics"]["lead_time"]["tier"] == "high"


HEAVY = ("textual", "weasyprint", "jinja2")


@pytest.mark.parametrize(
    "argv",
    [
        ["list"],
        ["list", "--json"],
        ["questionnaire", "list"],
        ["dora", "classify", "--lead-time", "1d"],
    ],
)
def test_light_commands_do_not_import_ui_or_pdf(argv: list[str], tmp_path: Path) -> None:
    code = (
        "import sys, json; from maturity.cli import main; rc = main(sys.argv[1:]);"
        f"heavy = sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r}));"
        "print(json.dumps(heavy), file=sys.stderr); sys.exit(rc)"
    )
    env = {**os.environ, "MATURITY_STORE": str(tmp_path / "s.db")}
    r = _run([sys.executable, "-c", code, *argv], env=env)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stderr.strip().splitlines()[-1]) == []


def test_core_modules_import_no_ui_or_pdf() -> None:
    core = [
        "model",
        "scoring",
        "dora",
        "recommend",
        "store",
        "questionnaire",
        "workspace",
        "evaluate",
    ]
    code = (
        "import sys, importlib, json;"
        f"[importlib.import_module('maturity.' + m) for m in {core!r}];"
        f"print(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r}))))"
    )
    r = _run([sys.executable, "-c", code])
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) == []
