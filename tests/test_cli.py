"""The command line as a user runs it: happy paths, and 30+ bad inputs that change nothing."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from conftest import DATA, CliResult, digest, fingerprint

from maturity.store.migrations import SCHEMA_VERSION

_EXAMPLE = yaml.safe_load(
    (Path(__file__).resolve().parent.parent / "examples" / "payments.yaml").read_text(
        encoding="utf-8"
    )
)
EXAMPLE_ANSWERED = len(_EXAMPLE["answers"])  # "unsure" is recorded too

Cli = Callable[..., CliResult]
ROOT = Path(__file__).resolve().parent.parent


def new(cli: Cli, *args: str) -> str:
    r = cli("new", *args)
    assert r.code == 0, r.err
    return r.out.strip()


@pytest.fixture
def seeded(cli: Cli, store_url: str) -> str:
    return new(cli, "--answers", str(ROOT / "examples" / "payments.yaml"))


def test_new_show_json_matches_design_keys(cli: Cli, seeded: str) -> None:
    r = cli("show", seeded, "--json")
    assert r.code == 0
    data = json.loads(r.out)
    assert set(data) >= {
        "id",
        "team",
        "questionnaire",
        "overall",
        "dimensions",
        "dora",
        "recommendations",
    }
    assert set(data["overall"]) >= {"score", "level", "level_name"}
    assert set(data["dimensions"][0]) >= {"id", "score", "level", "coverage", "held_back_by"}
    assert set(data["dora"]) >= {"benchmark", "overall", "metrics", "optimistic_flag"}
    assert set(data["dora"]["metrics"]["lead_time"]) >= {"input", "tier"}
    assert {r["horizon"] for r in data["recommendations"]} <= {"now", "next", "later"}
    assert data["team"] == "Payments"
    # culture answers in examples/payments.yaml: 3, 2, 3(w2), 3(w2), 4, 3 -> (3+2+6+6+4+3)/8 = 3.0
    # (8 of the 12 culture weight answered: above the 60 % needed for a level)
    culture = next(d for d in data["dimensions"] if d["id"] == "culture")
    assert culture["score"] == 3.0 and culture["level"] == 3


def test_show_chooses_any_benchmark_and_adds_fields_without_breaking_keys(
    cli: Cli, seeded: str
) -> None:
    default = json.loads(cli("show", seeded, "--json").out)["dora"]
    devlake = json.loads(cli("show", seeded, "--json", "--benchmark", "devlake-2023").out)["dora"]
    assert isinstance(default["benchmark"], int) and default["benchmark_id"] == str(
        default["benchmark"]
    )
    assert devlake["benchmark"] == 2023 and devlake["benchmark_id"] == "devlake-2023"
    for d in (default, devlake):
        assert d["tiers_historical"] is True and d["tiers_last_published"] == 2024
        assert set(d["quickcheck"]) == {"overall", "throughput", "stability"}
    text = cli("show", seeded, "--benchmark", "devlake-2023").out
    qc = text.index("DORA Quick Check score")
    assert qc < text.index("Tier against the Apache DevLake (DORA 2023) benchmark")


def test_show_human_and_korean(cli: Cli, seeded: str) -> None:
    en = cli("show", seeded[:6])
    assert (
        en.code == 0 and "Payments" in en.out and "Culture" in en.out and "held back by" in en.out
    )
    ko = cli("show", seeded, "--lang", "ko")
    assert "문화" in ko.out and "정의 단계" in ko.out  # level names: maturity.model.terms


def test_list_and_team_filter(cli: Cli, seeded: str) -> None:
    new(cli, "--team", "Search")
    r = cli("list", "--team", "PAYMENTS", "--json")
    rows = json.loads(r.out)
    assert [row["team"] for row in rows] == ["Payments"] and rows[0]["answered"] == EXAMPLE_ANSWERED
    assert "Search" in cli("list").out


def test_answer_command(cli: Cli, seeded: str) -> None:
    r = cli("answer", seeded, "sharing.documentation", "4", "--note", "docs in repo")
    assert r.code == 0
    data = json.loads(cli("export", seeded).out)
    assert data["answers"]["sharing.documentation"]["level"] == 4
    assert cli("answer", seeded, "sharing.documentation", "unsure").code == 0
    assert (
        json.loads(cli("export", seeded).out)["answers"]["sharing.documentation"]["level"] is None
    )


def test_export_import_round_trip_is_exact(cli: Cli, seeded: str, tmp_path: Path) -> None:
    out = tmp_path / "a.json"
    assert cli("export", seeded, "-o", str(out)).code == 0
    other = tmp_path / "other.db"
    r = cli("--store", str(other), "import", str(out))
    assert r.code == 0 and r.out.startswith("added")
    again = cli("--store", str(other), "import", str(out))
    assert again.out.startswith("unchanged")
    assert cli("--store", str(other), "export", seeded).out == out.read_text()


def test_import_conflict_needs_replace(
    cli: Cli, seeded: str, tmp_path: Path, store_url: str
) -> None:
    doc = json.loads(cli("export", seeded).out)
    doc["team"] = "Payments Platform"
    path = tmp_path / "changed.json"
    path.write_text(json.dumps(doc))
    before = fingerprint(store_url)
    r = cli("import", str(path))
    assert r.code == 2 and "already exists with different content; use --replace" in r.err
    assert fingerprint(store_url) == before
    assert cli("import", "--replace", str(path)).out.startswith("replaced")
    assert json.loads(cli("export", seeded).out)["team"] == "Payments Platform"


def test_delete_with_yes(cli: Cli, seeded: str) -> None:
    assert cli("delete", seeded, "--yes").code == 0
    assert cli("list", "--json").out.strip() == "[]"


def test_user_questionnaire_works_everywhere(cli: Cli) -> None:
    aid = new(cli, "--team", "Mini team", "--questionnaire", str(DATA / "mini.yaml"))
    for qid, level in [
        ("alpha.one", "3"),
        ("alpha.two", "4"),
        ("alpha.three", "2"),
        ("beta.one", "4"),
        ("beta.two", "5"),
    ]:
        assert cli("answer", aid, qid, level).code == 0
    data = json.loads(cli("show", aid, "--json").out)
    assert (data["overall"]["score"], data["overall"]["level"]) == (4.0, 4)  # see test_scoring
    assert data["questionnaire"] == {"id": "mini", "version": "1.0"}
    assert next(r["id"] for r in data["recommendations"] if r["horizon"] == "now") == "alpha.p4"


def test_dora_classify_text_and_json(cli: Cli) -> None:
    args = ["dora", "classify", "--deploy-frequency", "monthly", "--lead-time", "3w",
            "--change-failure-rate", "30%", "--time-to-restore", "2d"]  # fmt: skip
    r = cli(*args)
    assert r.code == 0 and "Benchmark DORA 2024" in r.out
    lines = r.out.splitlines()
    # the Quick Check score comes first, the tier second and labelled with its benchmark
    # (tier names: maturity.model.terms)
    assert lines[0].startswith("DORA Quick Check score 5.2/10")
    assert lines[1] == "Tier against the DORA 2024 benchmark: Medium"
    assert "Tiers are historical: DORA last published them in 2024" in r.out
    j = json.loads(cli(*args, "--benchmark", "2023", "--json").out)
    # 2023: CFR 30% is nearer Medium's median (15%) than Low's (64%): all four reach medium
    assert j["benchmark"] == 2023 and j["overall"] == "medium"
    assert j["metrics"]["change_failure_rate"]["tier"] == "medium"
    # DevLake's table uses the medians as upper bounds: 30% is Low there
    d = json.loads(cli(*args, "--benchmark", "devlake-2023", "--json").out)
    assert (d["benchmark"], d["benchmark_id"]) == (2023, "devlake-2023")
    assert d["metrics"]["change_failure_rate"]["tier"] == "low"
    assert d["benchmark_label"] == "Apache DevLake (DORA 2023)"
    t = cli(*args, "--benchmark", "devlake-2023")
    assert "Tier against the Apache DevLake (DORA 2023) benchmark: Medium" in t.out


def test_version(cli: Cli) -> None:
    from maturity import __version__

    r = cli("--version")
    assert r.code == 0 and r.out.strip() == f"maturity {__version__}"


def test_questionnaire_list(cli: Cli) -> None:
    r = cli("questionnaire", "list")
    from maturity import questionnaire as qmod

    n = len(qmod.builtin("calms").questionnaire.question_ids())
    assert "calms" in r.out and "quick" in r.out and f"{n} questions" in r.out


# --- bad inputs ------------------------------------------------------------------------------


def _answers_file(tmp_path: Path, body: str) -> str:
    p = tmp_path / "answers.yaml"
    p.write_text(body)
    return str(p)


BAD: list[tuple[str, Callable[[Path], list[str]], str]] = [
    ("unknown command", lambda t: ["frobnicate"], "invalid choice: 'frobnicate'"),
    ("unknown flag", lambda t: ["list", "--colour"], "unrecognized arguments: --colour"),
    ("show unknown id", lambda t: ["show", "abcdef12"], "no assessment with id 'abcdef12'"),
    ("show non-hex id", lambda t: ["show", "payments"], "'payments' is not an assessment id"),
    ("show bad lang", lambda t: ["show", "abcd", "--lang", "fr"], "expected en or ko, got 'fr'"),
    ("show bad benchmark", lambda t: ["show", "abcd", "--benchmark", "2020"], "no DORA benchmark '2020'"),
    ("new without team", lambda t: ["new"], "--team is required"),
    ("new blank team", lambda t: ["new", "--team", "   "], "--team is required"),
    ("new unknown questionnaire", lambda t: ["new", "--team", "A", "-q", "nosuch"], "no built-in questionnaire 'nosuch'"),
    ("new questionnaire file missing", lambda t: ["new", "--team", "A", "-q", str(t / "q.yaml")], "q.yaml: no such file"),
    ("new bad language", lambda t: ["new", "--team", "A", "--language", "de"], "expected en or ko"),
    ("answers file missing", lambda t: ["new", "--answers", str(t / "none.yaml")], "none.yaml: no such file"),
    ("answers unknown question", lambda t: ["new", "--answers", _answers_file(t, "team: A\nanswers: {culture.nope: 3}\n")],
     "answers.yaml: answers.culture.nope: unknown question id in calms"),
    ("answers level out of range", lambda t: ["new", "--answers", _answers_file(t, "team: A\nanswers: {culture.on-call-rotation: 7}\n")],
     "answers.yaml: answers.culture.on-call-rotation: level must be 1-5 or 'unsure', got 7"),
    ("answers level text", lambda t: ["new", "--answers", _answers_file(t, "team: A\nanswers: {culture.on-call-rotation: high}\n")],
     "answers.culture.on-call-rotation: level must be 1-5 or 'unsure', got 'high'"),
    ("answers bad dora", lambda t: ["new", "--answers", _answers_file(t, "team: A\ndora: {lead_time: 3 fortnights}\n")],
     "answers.yaml: dora.lead_time: cannot read '3 fortnights'"),
    ("answers unknown dora metric", lambda t: ["new", "--answers", _answers_file(t, "team: A\ndora: {mttr: 3h}\n")],
     "answers.yaml: dora.mttr: unknown metric"),
    ("answers unknown key", lambda t: ["new", "--answers", _answers_file(t, "team: A\nteem: B\n")], "answers.yaml: teem: unknown key"),
    ("answers no team", lambda t: ["new", "--answers", _answers_file(t, "answers: {culture.on-call-rotation: 3}\n")], "team: required"),
    ("answers yaml syntax", lambda t: ["new", "--answers", _answers_file(t, "team: [A\n")], "answers.yaml: line 2, column 1: YAML syntax error"),
    ("answers not mapping", lambda t: ["new", "--answers", _answers_file(t, "- a\n")], "expected a YAML mapping"),
    ("answers binary", lambda t: ["new", "--answers", _bytes(t, b"\xff\xfe\x00bin")], "not a UTF-8 text file"),
    ("answer bad level", lambda t: ["answer", "abcd", "culture.on-call-rotation", "9"], "no assessment with id 'abcd'"),
    ("export to missing folder", lambda t: ["export", "abcd", "-o", str(t / "no" / "a.json")], "no assessment with id 'abcd'"),
    ("import missing file", lambda t: ["import", str(t / "a.json")], "a.json: no such file"),
    ("import not json", lambda t: ["import", _text(t, "a.json", "{not json")], "a.json: not valid JSON (line 1, column 2"),
    ("import other json", lambda t: ["import", _text(t, "a.json", '{"hello": 1}')], "a.json: not a maturity assessment"),
    ("import invalid document", lambda t: ["import", _text(t, "a.json", json.dumps({"schema": "maturity/assessment@1", "id": "zz"}))],
     "a.json: id: String should match pattern"),
    ("delete without confirmation", lambda t: ["delete", "abcd"], "no assessment with id 'abcd'"),
    ("dora nothing given", lambda t: ["dora", "classify"], "give at least one metric"),
    ("dora bad frequency", lambda t: ["dora", "classify", "--deploy-frequency", "sometimes"], "deployment_frequency: cannot read 'sometimes'"),
    ("dora bad rate", lambda t: ["dora", "classify", "--change-failure-rate", "140%"], "change_failure_rate: cannot read '140%'"),
    ("dora bad year", lambda t: ["dora", "classify", "--lead-time", "1d", "--benchmark", "1999"], "no DORA benchmark '1999'"),
    ("dora bad named benchmark", lambda t: ["dora", "classify", "--lead-time", "1d", "--benchmark", "devlake-2021"], "available: 2019, 2021, 2022, 2023, 2024, devlake-2023"),
    ("dora deploy days beyond a week", lambda t: ["dora", "classify", "--deploy-frequency", "9 days/week"], "a week has at most 7 days"),
    ("questionnaire no action", lambda t: ["questionnaire"], "the following arguments are required: ACTION"),
    ("validate a folder", lambda t: ["questionnaire", "validate", str(t)], "is a folder, expected a file"),
    ("store not sqlite", lambda t: ["--store", _text(t, "notes.txt", "hello" * 100), "list"], "not a SQLite database"),
    ("store folder missing", lambda t: ["--store", str(t / "nowhere" / "s.db"), "new", "--team", "A"], "does not exist"),
    ("store is a folder", lambda t: ["--store", str(t), "list"], "is a folder"),
    ("store newer schema", lambda t: ["--store", _newer_store(t), "list"], "written by a newer maturity"),
]  # fmt: skip


def _text(t: Path, name: str, body: str) -> str:
    (t / name).write_text(body)
    return str(t / name)


def _bytes(t: Path, body: bytes) -> str:
    (t / "answers.yaml").write_bytes(body)
    return str(t / "answers.yaml")


def _newer_store(t: Path) -> str:
    p = t / "newer.db"
    with sqlite3.connect(p) as c:
        c.execute("CREATE TABLE assessments (id TEXT)")
        c.execute("CREATE TABLE answers (id TEXT)")
        c.execute("CREATE TABLE questionnaires (id TEXT)")
        c.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    return str(p)


def _snapshot(folder: Path) -> dict[str, str | None]:
    return {
        str(p.relative_to(folder)): digest(p) if p.is_file() else None
        for p in sorted(folder.rglob("*"))
    }


SQLITE_FILE_ONLY = {
    "store not sqlite",
    "store folder missing",
    "store is a folder",
    "store newer schema",
}
"""Cases that name a SQLite file with ``--store`` themselves: the seeded store's backend is
irrelevant to them, so they run once, on SQLite (the PostgreSQL targets have their own table in
test_store_postgres)."""

SEVERAL_PROBLEMS = {"import invalid document"}
"""Inputs wrong in several places at once: one ``error:`` line per problem."""

BAD_ON_BACKENDS = [
    pytest.param(backend, *case, id=f"{backend}-{case[0]}")
    for case in BAD
    for backend in ("sqlite", "postgresql")
    if backend == "sqlite" or case[0] not in SQLITE_FILE_ONLY
]


@pytest.mark.parametrize(
    ("store_url", "name", "make_args", "message"), BAD_ON_BACKENDS, indirect=["store_url"]
)
def test_bad_input_is_one_clear_error_and_changes_nothing(
    cli: Cli,
    store_url: str,
    seeded: str,
    tmp_path: Path,
    name: str,
    make_args: Callable[[Path], list[str]],
    message: str,
) -> None:
    """Every bad input on a seeded store of each backend: exit 2, one ``error:`` line, and
    neither the files around it nor the store's rows (SQLite: the file's bytes; PostgreSQL:
    every row of every table in the test's schema) change."""
    work = tmp_path / "work"
    work.mkdir()
    args = make_args(work)
    before = _snapshot(tmp_path)
    store_before = fingerprint(store_url)
    assert store_before is not None  # seeded: there is a store to change
    r = cli(*args)
    assert r.code == 2, (r.out, r.err)
    assert "Traceback" not in r.err
    lines = r.err.strip().splitlines()
    assert lines and all(line.startswith("error: ") for line in lines), lines
    # one line, except where the input has several problems: each is named, all at once
    assert len(lines) == 1 or name in SEVERAL_PROBLEMS, lines
    assert any(message in line for line in lines), lines
    assert _snapshot(tmp_path) == before
    assert fingerprint(store_url) == store_before


def test_bad_inputs_are_at_least_thirty() -> None:
    assert len(BAD) >= 30
    # the exceptions name real cases (a renamed case must not silently lose its PostgreSQL run)
    assert {b[0] for b in BAD} >= SQLITE_FILE_ONLY | SEVERAL_PROBLEMS


def test_answers_file_reports_every_problem_at_once(
    cli: Cli, tmp_path: Path, store_path: Path
) -> None:
    path = _answers_file(
        tmp_path,
        "team: A\nanswers:\n  culture.nope: 3\n  culture.on-call-rotation: 0.5\ndora: {lead_time: soon, change_failure_rate: 200}\n",
    )
    r = cli("new", "--answers", path)
    assert r.code == 2
    assert len(r.err.strip().splitlines()) == 4
    assert not store_path.exists()


def test_delete_refuses_without_tty_or_yes(cli: Cli, seeded: str, store_url: str) -> None:
    before = fingerprint(store_url)
    r = cli("delete", seeded)
    assert r.code == 2 and "refusing to delete without confirmation; pass --yes" in r.err
    assert fingerprint(store_url) == before


def test_export_to_missing_folder(cli: Cli, seeded: str, tmp_path: Path) -> None:
    r = cli("export", seeded, "-o", str(tmp_path / "no" / "a.json"))
    assert r.code == 2 and "does not exist" in r.err
    assert not (tmp_path / "no").exists()


def test_answer_out_of_range_on_real_assessment(cli: Cli, seeded: str, store_url: str) -> None:
    before = fingerprint(store_url)
    r = cli("answer", seeded, "culture.on-call-rotation", "9")
    assert r.code == 2 and "level must be 1-5 or 'unsure', got '9'" in r.err
    r = cli("answer", seeded, "culture.nope", "3")
    assert r.code == 2 and "question 'culture.nope' is not in questionnaire calms" in r.err
    assert fingerprint(store_url) == before


def test_corrupt_store_via_cli(cli: Cli, store_path: Path) -> None:
    new(cli, "--answers", str(ROOT / "examples" / "payments.yaml"))
    with sqlite3.connect(store_path) as c:
        c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(store_path.read_bytes())
    data[100:4096] = b"\x00\x13" * ((4096 - 100) // 2)
    store_path.write_bytes(bytes(data))
    before = digest(store_path)
    r = cli("list")
    assert r.code == 2 and "corrupt or unreadable" in r.err and "Traceback" not in r.err
    assert digest(store_path) == before


def test_import_of_a_user_questionnaire_assessment(cli: Cli, tmp_path: Path) -> None:
    aid = new(cli, "--team", "Mini team", "--questionnaire", str(DATA / "mini.yaml"))
    assert cli("answer", aid, "alpha.one", "4").code == 0
    carried = tmp_path / "carried.json"
    assert cli("export", aid, "-o", str(carried)).code == 0
    # The export carries its questionnaire snapshot, so it imports anywhere (issue 10 item 15).
    moved = tmp_path / "moved.db"
    r = cli("--store", str(moved), "import", str(carried))
    assert r.code == 0 and r.out.startswith("added"), r.err
    assert json.loads(cli("--store", str(moved), "export", aid).out) == json.loads(
        carried.read_text()
    )
    # A document without the snapshot (written by an earlier version) needs the file.
    doc = tmp_path / "mini.json"
    data = json.loads(carried.read_text())
    del data["questionnaire_snapshot"]
    doc.write_text(json.dumps(data))
    other = tmp_path / "other.db"
    r = cli("--store", str(other), "import", str(doc))
    assert r.code == 2
    assert (
        "questionnaire 'mini' version 1.0 is not in this store; give its file with --questionnaire FILE"
        in r.err
    )
    assert not other.exists()  # a refused import leaves no empty store behind
    ok = cli("--store", str(other), "import", "--questionnaire", str(DATA / "mini.yaml"), str(doc))
    assert ok.code == 0 and ok.out.startswith("added")
    shown = json.loads(cli("--store", str(other), "show", aid, "--json").out)
    assert shown["questionnaire"] == {"id": "mini", "version": "1.0"}


def test_exported_file_gets_the_usual_mode(cli: Cli, seeded: str, tmp_path: Path) -> None:
    import os

    out = tmp_path / "a.json"
    assert cli("export", seeded, "-o", str(out)).code == 0
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask


def test_import_of_several_files_is_all_or_nothing(cli: Cli, seeded: str, tmp_path: Path) -> None:
    good = tmp_path / "good.json"
    assert cli("export", seeded, "-o", str(good)).code == 0
    doc = json.loads(good.read_text())
    doc["id"] = "0123456789ab"
    doc["answers"]["culture.nope"] = {"level": 3, "note": "", "votes": {}, "updated": None}
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc))
    other = tmp_path / "other.db"
    r = cli("--store", str(other), "import", str(good), str(bad))
    assert r.code == 2 and "bad.json" in r.err and "answers.culture.nope" in r.err
    assert not other.exists()
    store_before = cli("list", "--json").out
    r2 = cli("import", str(bad), str(good))
    assert r2.code == 2
    assert cli("list", "--json").out == store_before


def test_csv_of_one_assessment_keeps_multiline_notes(cli: Cli, seeded: str) -> None:
    import csv
    import io

    assert (
        cli("answer", seeded, "culture.on-call-rotation", "3", "--note", "line one\nline two").code
        == 0
    )
    other = new(cli, "--team", "Payments")  # same team: its rows must not appear
    assert cli("answer", other, "culture.on-call-rotation", "1").code == 0
    rows = list(csv.DictReader(io.StringIO(cli("export", seeded, "--format", "csv").out)))
    assert {r["assessment_id"] for r in rows} == {seeded}
    assert len(rows) == EXAMPLE_ANSWERED  # every answer of examples/payments.yaml
    on_call = next(r for r in rows if r["question_id"] == "culture.on-call-rotation")
    assert on_call["note"] == "line one\nline two"


def test_answers_file_chooses_devlake_and_keeps_it(cli: Cli, tmp_path: Path) -> None:
    body = (
        "team: Lake\nquestionnaire: calms\nbenchmark: devlake-2023\n"
        "dora: {deployment_frequency: 5 days/week, lead_time: 3d,"
        " change_failure_rate: 20%, time_to_restore: 6h}\n"
    )
    r = cli("new", "--answers", _answers_file(tmp_path, body))
    assert r.code == 0, r.err
    aid = r.out.strip().split()[-1]
    d = json.loads(cli("show", aid, "--json").out)["dora"]
    assert d["benchmark_id"] == "devlake-2023"
    assert d["metrics"]["change_failure_rate"]["tier"] == "low"  # DevLake: above 15% is Low
    assert d["metrics"]["deployment_frequency"]["tier"] == "elite"
    doc = json.loads(cli("export", aid).out)
    assert doc["dora"]["benchmark"] == "devlake-2023"
    year = _answers_file(tmp_path, body.replace("devlake-2023", "2022"))
    aid2 = cli("new", "--answers", year).out.strip().split()[-1]
    assert json.loads(cli("export", aid2).out)["dora"]["benchmark"] == 2022


def test_answers_file_with_unknown_benchmark_changes_nothing(cli: Cli, tmp_path: Path) -> None:
    body = "team: Lake\nquestionnaire: calms\nbenchmark: devlake-2019\n"
    r = cli("new", "--answers", _answers_file(tmp_path, body))
    assert r.code == 2 and "benchmark: expected one of 2019" in r.err
    assert "devlake-2023, got 'devlake-2019'" in r.err
    assert "No assessments yet" in cli("list").out


def test_import_refuses_an_unknown_benchmark(cli: Cli, tmp_path: Path) -> None:
    aid = cli("new", "--team", "Lake").out.strip().split()[-1]
    doc = json.loads(cli("export", aid).out)
    doc["id"], doc["dora"]["benchmark"] = "cd" * 6, "devlake-1999"
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    r = cli("import", str(path))
    assert r.code == 2 and "dora.benchmark: no DORA benchmark 'devlake-1999'" in r.err
    assert "cdcdcdcdcdcd" not in cli("list").out
