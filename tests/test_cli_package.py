"""The shape of the command line package (issue 12, item 5): one module per command group,
no private imports between modules, and the open stores held by one context that closes
them all however the command ends.

A SQLite store in WAL mode keeps ``-wal`` and ``-shm`` files beside it while a connection is
open, and the last connection to close checkpoints and removes them: that is how these tests
see, from the outside, whether every store a command opened was closed.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import CliResult

from maturity import questionnaire as qmod
from maturity.cli.context import CliContext
from maturity.errors import MaturityError

ROOT = Path(__file__).resolve().parent.parent
CLI = ROOT / "maturity" / "cli"
Cli = Callable[..., CliResult]


def _left_open(path: Path) -> list[str]:
    """The WAL side files of a SQLite store: present while a connection is open."""
    return sorted(p.name for p in path.parent.glob(path.name + "-*"))


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _private_imports(source: str) -> list[str]:
    """``from maturity... import _name`` (or ``import maturity.x._y``) in ``source``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("maturity"):
            found += [f"{node.module}.{a.name}" for a in node.names if _private(a.name)]
        elif isinstance(node, ast.Import):
            found += [
                a.name
                for a in node.names
                if a.name.startswith("maturity") and any(map(_private, a.name.split(".")))
            ]
    return found


def test_the_checker_sees_a_private_import() -> None:
    source = (
        "from maturity import __version__\n"
        "from maturity.cli.common import dump, _secret\n"
        "import maturity.cli._hidden\n"
    )
    assert _private_imports(source) == ["maturity.cli.common._secret", "maturity.cli._hidden"]


def test_no_cli_module_imports_a_private_name() -> None:
    offenders = {
        path.name: found
        for path in sorted(CLI.glob("*.py"))
        if (found := _private_imports(path.read_text(encoding="utf-8")))
    }
    assert offenders == {}


SHARED = {"common", "context", "textout"}
"""What a command group may import from the package; ``dora`` also registers ``measure``."""


def _package_imports(path: Path) -> set[str]:
    """The ``maturity.cli`` modules that ``path`` imports (top level or inside functions)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.ImportFrom) or node.module is None:
            continue
        if node.module == "maturity.cli":
            found |= {a.name for a in node.names}
        elif node.module.startswith("maturity.cli."):
            found.add(node.module.split(".")[2])
    return found


def test_command_groups_do_not_import_each_other() -> None:
    groups = {p.stem for p in CLI.glob("*.py")} - SHARED - {"__init__", "__main__", "entry"}
    assert {"assessments", "coach", "dora", "measure", "plan", "report", "store"} <= groups
    allowed = {name: SHARED | ({"measure"} if name == "dora" else set()) for name in groups}
    crossing = {
        name: sorted(extra)
        for name in sorted(groups)
        if (extra := _package_imports(CLI / f"{name}.py") - allowed[name])
    }
    assert crossing == {}


def test_the_group_checker_sees_a_crossing(tmp_path: Path) -> None:
    module = tmp_path / "coach.py"
    module.write_text(
        "from maturity.cli.common import dump\n"
        "def f():\n    from maturity.cli import textout, plan\n"
        "    from maturity.cli.report import cmd_report\n",
        encoding="utf-8",
    )
    assert _package_imports(module) - SHARED == {"plan", "report"}


def test_only_the_context_opens_stores() -> None:
    """Commands ask the context; nothing else in the package opens a store of its own."""
    opening = ("open_store", "open_rehearsal", "Workspace")
    openers = {
        path.name
        for path in CLI.glob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name | ast.Attribute)
        and (node.func.id if isinstance(node.func, ast.Name) else node.func.attr) in opening
    }
    assert openers == {"context.py"}


def test_the_old_flat_modules_are_gone() -> None:
    old = ["cli.py", "cli_coach.py", "cli_team.py", "cli_measure.py", "cli_plan.py", "textout.py"]
    assert [name for name in old if (ROOT / "maturity" / name).exists()] == []


# --- the context ---------------------------------------------------------------------------


def test_the_store_opens_on_first_use_once_and_closes_at_exit(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with CliContext(str(path)) as ctx:
        assert not path.exists()  # nothing asked for a store yet
        ws = ctx.workspace(create=True)
        assert ctx.workspace() is ws and ctx.store() is ws.store  # one store, one workspace
        ws.create("Payments", qmod.resolve("quick"))
        assert _left_open(path) == ["s.db-shm", "s.db-wal"]
    assert _left_open(path) == []


def test_a_missing_store_stays_missing_until_a_command_creates_it(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with CliContext(str(path)) as ctx:
        assert ctx.store(create=False).list() == []
        assert not path.exists()
        created = ctx.store(create=True)  # reopened, now creating the file
        assert created.exists and path.exists()
        assert ctx.store(create=False) is created
    assert _left_open(path) == []


def test_every_store_is_closed_when_the_command_fails(tmp_path: Path) -> None:
    main_path, other_path = tmp_path / "main.db", tmp_path / "other.db"
    with pytest.raises(MaturityError), CliContext(str(main_path)) as ctx:
        ctx.workspace(create=True).create("Payments", qmod.resolve("quick"))
        ctx.open_other(str(other_path), True).list()
        assert _left_open(main_path) and _left_open(other_path)
        raise MaturityError("the command failed")
    assert _left_open(main_path) == [] and _left_open(other_path) == []


def test_close_lets_a_later_request_reopen(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with CliContext(str(path)) as ctx:
        first = ctx.store(create=True)
        ctx.close()  # as join/serve do before their user interface starts
        assert _left_open(path) == []
        assert ctx.store() is not first and ctx.store().exists


# --- through main ----------------------------------------------------------------------------


def test_a_failing_command_leaves_no_store_open(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    aid = cli("--store", str(path), "new", "--team", "Payments").out.strip()
    bad = cli("--store", str(path), "answer", aid, "no.such-question", "3")
    assert bad.code == 2 and bad.err.startswith("error: ")
    assert _left_open(path) == []


def test_store_copy_closes_both_stores_and_creates_nothing_from_a_missing_source(
    cli: Cli, tmp_path: Path
) -> None:
    src, dst = tmp_path / "src.db", tmp_path / "dst.db"
    cli("--store", str(src), "new", "--team", "Payments")
    copied = cli("store", "copy", "--from", str(src), "--to", str(dst))
    assert copied.code == 0, copied.err
    assert "copied 1 assessment(s)" in copied.out
    assert _left_open(src) == [] and _left_open(dst) == []
    nowhere = tmp_path / "nowhere.db"
    missing = cli("store", "copy", "--from", str(tmp_path / "none.db"), "--to", str(nowhere))
    assert missing.code == 2 and "does not exist yet" in missing.err
    assert not nowhere.exists()


@pytest.mark.slow
def test_python_dash_m_maturity_cli_is_the_same_command_line(tmp_path: Path) -> None:
    r = subprocess.run(
        [sys.executable, "-m", "maturity.cli", "--store", str(tmp_path / "s.db"), "list"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("No assessments yet.")
