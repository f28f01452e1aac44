"""Issue 10 items 10, 12, 13 and 16: hostile files and flags are one ``error:`` line with exit
code 2 (never a traceback, a hang or a memory blow-up), and nothing is written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import CliResult

from hostile.import_support import CALMS, assessment, bundle
from maturity.errors import MaturityError
from maturity.yamlio import MAX_FILE_BYTES, parse_json, parse_yaml

Cli = Callable[..., CliResult]
FIRST_Q = CALMS.questionnaire.question_ids()[0]


def _one_error(r: CliResult, *fragments: str) -> None:
    assert r.code == 2, (r.code, r.err)
    assert "Traceback" not in r.err
    assert r.err.startswith("error: ")
    for fragment in fragments:
        assert fragment in r.err, (fragment, r.err)


@pytest.fixture
def aid(cli: Cli) -> str:
    r = cli("new", "--team", "Payments")
    assert r.code == 0, r.err
    return r.out.strip()


# -- item 10: alias bombs and files without an end ------------------------------------------------


def _alias_bomb() -> str:
    lines = ['a0: &a0 ["xxxxxxxxxx", "xxxxxxxxxx"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    return "\n".join(["team: Bomb", *lines, "answers:", f"  {FIRST_Q}: {{level: 3, note: *a9}}"])


def test_a_yaml_alias_bomb_is_refused_before_it_expands(cli: Cli, tmp_path: Path) -> None:
    f = tmp_path / "bomb.yaml"
    f.write_text(_alias_bomb(), encoding="utf-8")
    assert f.stat().st_size < 700
    r = cli("new", "--answers", str(f))
    _one_error(r, "bomb.yaml", "too large once its aliases (*name) are expanded")
    loop = tmp_path / "loop.yaml"
    loop.write_text("team: &t [*t]\n", encoding="utf-8")
    _one_error(cli("new", "--answers", str(loop)), "refers to the value that contains it")
    assert cli("list").out.count("Bomb") == 0


def test_small_aliases_still_work() -> None:
    """Questionnaire files reuse option lists with anchors (tests/data/mini.yaml does)."""
    assert parse_yaml("a: &x [1, 2]\nb: *x\n", "f") == {"a": [1, 2], "b": [1, 2]}


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_devices_are_refused_not_read_forever(cli: Cli, device: str, tmp_path: Path) -> None:
    _one_error(cli("import", device), "not a regular file (a character device)")
    _one_error(cli("questionnaire", "validate", device), "not a regular file")
    f = tmp_path / "answers.yaml"
    f.write_text(f"team: T\nquestionnaire: {device}\n", encoding="utf-8")
    _one_error(cli("new", "--answers", str(f)), "not a regular file")


def test_a_fifo_is_refused_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "in.json"
    os.mkfifo(fifo)
    for args in (["import", str(fifo)], ["questionnaire", "validate", str(fifo)]):
        r = subprocess.run(
            [sys.executable, "-m", "maturity", "--store", str(tmp_path / "s.db"), *args],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert r.returncode == 2 and "not a regular file (a named pipe)" in r.stderr


def test_a_file_over_the_cap_is_refused(cli: Cli, tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (MAX_FILE_BYTES + 1))
    _one_error(cli("import", str(big)), "larger than 5 MB")


# -- item 12: tracebacks that become one line --------------------------------------------------


def test_yaml_complex_keys(cli: Cli, tmp_path: Path) -> None:
    f = tmp_path / "complex.yaml"
    f.write_text("team: T\n? [a, b]\n: 1\n", encoding="utf-8")
    _one_error(cli("new", "--answers", str(f)), "a key must be a plain value")


def test_bundle_with_null_assessments_leaves_no_store(cli: Cli, tmp_path: Path) -> None:
    f = tmp_path / "null.json"
    f.write_text('{"schema": "maturity/bundle@1", "assessments": null}', encoding="utf-8")
    store = tmp_path / "new.db"
    _one_error(cli("--store", str(store), "import", str(f)), "assessments: expected a list")
    assert not list(tmp_path.glob("new.db*"))


def test_huge_integers_and_deep_nesting_in_json(cli: Cli, tmp_path: Path) -> None:
    f = tmp_path / "digits.json"
    f.write_text('{"schema": "maturity/assessment@1", "id": ' + "9" * 5000 + "}")
    _one_error(cli("import", str(f)), "a number is too long")
    f.write_text("[" * 100_000 + "]" * 100_000)
    _one_error(cli("import", str(f)), "nested more than 100 levels deep")
    f.write_text("[" * 100_000)
    _one_error(cli("import", str(f)), "nested more than 100 levels deep")


def test_unicode_digits_are_not_levels_or_years(cli: Cli, aid: str) -> None:
    _one_error(cli("answer", aid, FIRST_Q, "²"), "level must be 1-5 or 'unsure', got '²'")
    r = cli("show", aid, "--benchmark", "²")
    _one_error(r, "no DORA benchmark '²'")
    assert "_year" not in r.err
    r = cli("dora", "classify", "--lead-time", "1d", "--benchmark", "٢٠٢٤")
    _one_error(r, "no DORA benchmark")


def test_a_home_folder_that_does_not_exist(cli: Cli, tmp_path: Path) -> None:
    _one_error(cli("--store", "~nouser-at-all/x.db", "list"), "cannot expand '~'")
    f = tmp_path / "a.json"
    f.write_text("{}")
    _one_error(cli("import", "~nouser-at-all/a.json"), "cannot expand '~'")


def test_stdout_on_a_full_disk(aid: str) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    with open("/dev/full", "w") as full:
        r = subprocess.run(
            [sys.executable, "-m", "maturity", "export", "--all"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=os.environ,
        )
    assert r.returncode == 2, r.stderr
    assert r.stderr.strip().splitlines() == [
        "error: cannot write the output (No space left on device); it is incomplete"
    ], r.stderr
    assert "Traceback" not in r.stderr and "Exception ignored" not in r.stderr


# -- item 13: only finite numbers ---------------------------------------------------------------


def test_a_400_digit_count_is_refused_and_json_stays_valid(cli: Cli, tmp_path: Path) -> None:
    huge = "9" * 50 + "/day"
    _one_error(
        cli("dora", "classify", "--deploy-frequency", huge, "--json"), "too large to be a real"
    )
    doc = assessment("Web")
    doc["dora"] = {"deployment_frequency": huge}
    _one_error(cli("import", str(bundle(tmp_path / "b.json", [doc]))), "too large to be a real")
    f = tmp_path / "answers.yaml"
    f.write_text(f"team: T\ndora: {{deployment_frequency: '{huge}'}}\n")
    _one_error(cli("new", "--answers", str(f)), "too large to be a real")
    for text in ("NaN", "Infinity", "-Infinity", "1e309"):
        with pytest.raises(MaturityError):
            parse_json(f'{{"x": {text}}}', "f.json")


# -- item 16: the smaller ones ------------------------------------------------------------------


def test_json_duplicate_keys_are_refused(cli: Cli, tmp_path: Path) -> None:
    f = tmp_path / "dup.json"
    f.write_text('{"schema": "maturity/assessment@1", "team": "A", "team": "B"}')
    _one_error(cli("import", str(f)), "duplicate key 'team'")


def test_unknown_bundle_keys_are_refused(cli: Cli, tmp_path: Path) -> None:
    f = tmp_path / "extra.json"
    f.write_text(json.dumps({"schema": "maturity/bundle@1", "assessments": [], "extra": 1}))
    _one_error(cli("import", str(f)), "unknown key 'extra' in a bundle")
    f.write_text(json.dumps({"schema": "maturity/bundle@1", "questionnaires": [1]}))
    r = cli("import", str(f))
    _one_error(r, "questionnaires[0]: expected an object with id, version and body")
    assert "subscriptable" not in r.err


def test_reopen_needs_a_reason(cli: Cli, aid: str) -> None:
    assert cli("complete", aid).code == 0
    _one_error(cli("reopen", aid), "give the reason for reopening")
    _one_error(cli("reopen", aid, "--reason", "  "), "give the reason for reopening")
    assert cli("reopen", aid, "--reason", "typo in the DORA inputs").code == 0


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("created", -1, "not a number"),
        ("updated", 1e12, "not a number"),
        ("questionnaire", {"id": "calms", "version": "1.0.0\n"}, "no control characters"),
        ("questionnaire", {"id": " calms", "version": "1.0.0"}, "no spaces around it"),
    ],
)
def test_odd_documents_are_refused(
    cli: Cli, tmp_path: Path, field: str, value: object, message: str
) -> None:
    doc = assessment("Web")
    doc[field] = value
    f = tmp_path / "odd.json"
    f.write_text(json.dumps(doc))
    _one_error(cli("import", str(f)), message)
    assert cli("list", "--json").out.strip() == "[]"


# -- found by benchmarks/fuzz_parsers.py --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "team: T\nfacilitator: " + "9" * 5000,
            "line 2, column 14: YAML syntax error: cannot read",
        ),
        ("team: T\nfacilitator: 0000-01-01", "year 0 is out of range"),
        ("team: T\n? {a: 1}\n: 2", "a key must be a plain value"),
    ],
)
def test_yaml_values_python_cannot_convert(
    cli: Cli, tmp_path: Path, text: str, message: str
) -> None:
    f = tmp_path / "answers.yaml"
    f.write_text(text, encoding="utf-8")
    _one_error(cli("new", "--answers", str(f)), message)
