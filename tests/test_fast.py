"""The quick read path (issue 12 item 7): ``maturity.launch`` and ``maturity.store.fastread``.

What is served from ``results_cache`` must be byte for byte what the command line prints, for
every kind of assessment and after every kind of change; anything else must not be served.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import zlib
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from conftest import DATA, ROOT, CliResult, store_at_schema
from measure_support import workflows_repo, write
from test_measure import DEPLOYS, INCIDENTS, WINDOW

from maturity import keep, launch
from maturity.cli import main as cli_main
from maturity.cli.context import CliContext
from maturity.store import fastread
from maturity.store.fastread import Request
from maturity.store.migrations import SCHEMA_VERSION, statements
from maturity.timefmt import format_time, now_text

PAYMENTS = str(ROOT / "examples" / "payments.yaml")
Run = Callable[..., CliResult]


@pytest.fixture
def normal(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    """The command line itself (never the launcher), keeping nothing after a write, so the
    stamps alone say what is current (:func:`writer` is the command line as it is)."""

    def run(*args: str) -> CliResult:
        with monkeypatch.context() as patch:
            patch.setattr(CliContext, "keep_outputs", lambda self: None)
            code = cli_main(list(args))
        out = capsys.readouterr()
        return CliResult(code, out.out, out.err)

    return run


@pytest.fixture
def writer(cli: Run) -> Run:
    """The command line as it is (conftest's ``cli``): a write command keeps the outputs of
    what it changed."""
    return cli


@pytest.fixture
def launched(capsys: pytest.CaptureFixture[str]) -> Run:
    """The console script's entry: ``maturity.launch.main``."""

    def run(*args: str) -> CliResult:
        code = launch.main(list(args))
        out = capsys.readouterr()
        return CliResult(code, out.out, out.err)

    return run


def served(store: Path, *args: str) -> str | None:
    """What the quick path would print for ``args`` now, without running anything else."""
    recognised = launch.recognise(list(args))
    assert recognised is not None, args
    body, _ = fastread.lookup(str(store), recognised[1], now_text())
    return body


def new(normal: Run, *args: str) -> str:
    r = normal("new", *args)
    assert r.code == 0, r.err
    return r.out.strip()


def assert_same_both_ways(normal: Run, launched: Run, store: Path, *args: str) -> str:
    """The launcher prints what the command line prints, on a miss and then on a hit (which
    must really be a hit); returns that output."""
    expected = normal(*args)
    assert expected.code == 0, expected.err
    assert served(store, *args) is None  # nothing kept yet (or stale)
    first = launched(*args)
    assert first == expected
    assert served(store, *args) == expected.out  # kept, under a current stamp
    second = launched(*args)
    assert second == expected
    return expected.out


# --- which command lines are recognised --------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["show", "abc", "--json"], (None, Request("show", (), "abc"))),
        (["show", "--json", "abc"], (None, Request("show", (), "abc"))),
        (["--store", "s.db", "show", "abc", "--json"], ("s.db", Request("show", (), "abc"))),
        (["--store=s.db", "show", "abc", "--json"], ("s.db", Request("show", (), "abc"))),
        (["trend", "--team", "A B"], (None, Request("trend", (("--team", "A B"),)))),
        (
            ["trend", "--json", "--team=A", "--lang", "ko"],
            (None, Request("trend", (("--json", ""), ("--lang", "ko"), ("--team", "A")))),
        ),
        (["portfolio"], (None, Request("portfolio"))),
        (
            ["portfolio", "--sort", "date", "--json"],
            (None, Request("portfolio", (("--json", ""), ("--sort", "date")))),
        ),
    ],
)
def test_the_exact_shapes_are_recognised(
    argv: list[str], expected: tuple[str | None, Request]
) -> None:
    assert launch.recognise(argv) == expected


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["show", "abc"],  # text output: the normal path
        ["show", "abc", "--json", "--lang", "ko"],
        ["show", "abc", "--json", "--benchmark", "2021"],
        ["show", "--json"],
        ["show", "-x", "--json"],
        ["show", "abc", "--jso"],  # argparse would expand it; the launcher does not guess
        ["--store", "show", "abc", "--json"],
        ["--store", "-", "show", "abc", "--json"],
        ["--st", "s.db", "show", "abc", "--json"],
        ["show", "abc", "--json", "--store", "s.db"],
        ["trend"],
        ["trend", "--team"],
        ["trend", "--team", "--json"],
        ["trend", "--team", "-A"],
        ["trend", "--team", "A", "--team", "B"],
        ["trend", "--te", "A"],
        ["trend", "--team", "A", "--json=1"],
        ["trend", "--team", "A", "--sort", "date"],
        ["portfolio", "--json", "--json"],
        ["portfolio", "--sort="],
        ["portfolio", "--", "--json"],
        ["list"],
        ["--version"],
        ["new", "--team", "A"],
    ],
)
def test_anything_else_goes_to_the_command_line(argv: list[str]) -> None:
    assert launch.recognise(argv) is None


# --- byte-identical output ---------------------------------------------------------------


def test_show_json_is_identical_for_many_kinds_of_assessment(
    normal: Run, launched: Run, store_path: Path
) -> None:
    full = new(normal, "--answers", PAYMENTS)  # answers, notes, "unsure", DORA inputs
    korean = new(normal, "--answers", PAYMENTS, "--team", "Cards", "--language", "ko")
    empty = new(normal, "--team", "Empty")
    partial = new(normal, "--team", "Partial", "-q", "quick")
    assert normal("answer", partial, "culture.postmortems", "4").code == 0
    own = new(normal, "--team", "Own", "-q", str(DATA / "mini.yaml"))
    for qid, level in (("alpha.one", "3"), ("alpha.two", "unsure"), ("beta.one", "2")):
        assert normal("answer", own, qid, level).code == 0
    far = (datetime.now(UTC) + timedelta(days=400)).date().isoformat()
    assert normal("target", own, "alpha=4", "--by", far).code == 0
    assert normal("action", "add", own, "--practice", "alpha.p3b", "--owner", "Mina").code == 0
    anonymous = new(normal, "--team", "Anon", "--anonymous", "-q", "quick")
    outputs = set()
    for aid in (full, korean, empty, partial, own, anonymous):
        outputs.add(assert_same_both_ways(normal, launched, store_path, "show", aid, "--json"))
        # a unique prefix is served too, from the same entry
        assert launched("show", aid[:6], "--json").out in outputs
        assert served(store_path, "show", aid[:6], "--json") is not None
    assert len(outputs) == 6
    assert json.loads(next(o for o in outputs if '"Own"' in o))["targets"]


def test_a_change_to_the_assessment_makes_its_entry_stale(
    normal: Run, launched: Run, store_path: Path
) -> None:
    aid = new(normal, "--answers", PAYMENTS)
    other = new(normal, "--team", "Other")
    far = (datetime.now(UTC) + timedelta(days=400)).date().isoformat()
    changes: list[tuple[str, ...]] = [
        ("answer", aid, "culture.postmortems", "5"),
        ("answer", aid, "culture.postmortems", "5", "--note", "now with a note"),
        ("target", aid, "culture=5", "--by", far),
        ("action", "add", aid, "Write the runbook"),
        ("team", "rename", "Payments", "Payments Core"),
        ("complete", aid),
        ("reopen", aid, "--reason", "one more answer"),
    ]
    before = assert_same_both_ways(normal, launched, store_path, "show", aid, "--json")
    before_other = launched("show", other, "--json").out
    for change in changes:
        assert normal(*change).code == 0, change
        assert served(store_path, "show", aid, "--json") is None, change
        after = assert_same_both_ways(normal, launched, store_path, "show", aid, "--json")
        if "--note" not in change and change[0] not in ("complete", "reopen"):
            assert after != before, change  # (notes and the status are not in the JSON)
        before = after
    # changes to one assessment leave the other's entry current
    assert served(store_path, "show", other, "--json") == before_other


def test_measured_dora_values_make_the_entry_stale(
    normal: Run, launched: Run, store_path: Path
) -> None:
    aid = new(normal, "--answers", PAYMENTS)
    assert_same_both_ways(normal, launched, store_path, "show", aid, "--json")
    with sqlite3.connect(store_path) as conn:  # as save_measured writes it, minus the model
        conn.execute(
            "INSERT INTO measurements (assessment_id, body, updated) VALUES (?, '{}', ?)",
            (aid, now_text()),
        )
    assert served(store_path, "show", aid, "--json") is None


def test_a_store_whose_name_means_something_in_a_uri(
    normal: Run, launched: Run, tmp_path: Path
) -> None:
    store = tmp_path / "we?ird #1 %41.db"  # the quick path opens it by URI, read-only
    args = ("--store", str(store))
    r = normal(*args, "new", "--answers", PAYMENTS)
    assert r.code == 0, r.err
    assert_same_both_ways(normal, launched, store, *args, "show", r.out.strip(), "--json")
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".db") == [store.name]


def test_identical_with_measured_dora_values(
    normal: Run, launched: Run, store_path: Path, tmp_path: Path
) -> None:
    sources = [
        *("--repo", str(workflows_repo(tmp_path / "repo").path)),
        *("--deployments", str(write(tmp_path / "deploys.csv", DEPLOYS))),
        *("--incidents", str(write(tmp_path / "incidents.csv", INCIDENTS))),
        *WINDOW,
    ]  # as in test_measure_store
    first = new(normal, "--answers", PAYMENTS)
    second = new(normal, "--from", first)
    r = launched("dora", "measure", *sources, "--into", second)  # a write: keeps its show
    assert r.code == 0, r.err
    kept = served(store_path, "show", second, "--json")
    assert kept is not None and '"measured"' in kept
    assert kept == normal("show", second, "--json").out
    assert_same_both_ways(normal, launched, store_path, "trend", "--team", "Payments", "--json")
    assert_same_both_ways(normal, launched, store_path, "portfolio")


def test_many_random_assessments_are_identical(
    normal: Run, launched: Run, store_path: Path
) -> None:
    import random

    from maturity import questionnaire as qmod
    from maturity.model.assessment import Answer, DoraInputs
    from maturity.store import open_store
    from maturity.workspace import Workspace

    rnd = random.Random(12)
    ws = Workspace(open_store(store_path))
    ids = []
    try:
        for k in range(12):
            loaded = qmod.builtin(rnd.choice(["calms", "quick"]))
            qids = loaded.questionnaire.question_ids()
            answers = {
                q: Answer(level=rnd.choice([None, 1, 2, 3, 4, 5]), note=rnd.choice(["", "n"]))
                for q in rnd.sample(qids, rnd.randint(0, len(qids)))
            }
            dora = DoraInputs(
                deployment_frequency=rnd.choice([None, "monthly", "2/week", "3/day"]),
                lead_time=rnd.choice([None, "3w", "2d", "45m"]),
                change_failure_rate=rnd.choice([None, "5%", "30"]),
                time_to_restore=rnd.choice([None, "2d", "1h"]),
            )
            language = rnd.choice(["en", "ko"])
            a = ws.create(f"Team {k % 4}", loaded, answers=answers, dora=dora, language=language)
            ids.append(a.id)
    finally:
        ws.store.close()
    for aid in ids:
        assert_same_both_ways(normal, launched, store_path, "show", aid, "--json")
    for team in range(4):
        assert_same_both_ways(normal, launched, store_path, "trend", "--team", f"Team {team}")
    assert_same_both_ways(normal, launched, store_path, "portfolio", "--json")


def test_identical_after_import_and_import_replace(
    normal: Run, launched: Run, store_path: Path, tmp_path: Path
) -> None:
    own = new(normal, "--team", "Own", "-q", str(DATA / "mini.yaml"))
    assert normal("answer", own, "alpha.one", "4").code == 0
    doc = tmp_path / "own.json"
    assert normal("export", own, "-o", str(doc)).code == 0
    other = tmp_path / "other.db"
    assert normal("--store", str(other), "import", str(doc)).code == 0
    out = assert_same_both_ways(
        normal, launched, other, "--store", str(other), "show", own, "--json"
    )
    assert out == normal("show", own, "--json").out  # the same results in both stores

    # --replace deletes and inserts again: the entry goes with the old row, and the new row
    # gets a revision the old one never had
    data = json.loads(doc.read_text(encoding="utf-8"))
    data["answers"]["alpha.one"]["level"] = 1
    doc.write_text(json.dumps(data), encoding="utf-8")
    assert normal("--store", str(other), "import", "--replace", str(doc)).code == 0
    again = assert_same_both_ways(
        normal, launched, other, "--store", str(other), "show", own, "--json"
    )
    assert again != out


def _back_to_schema_6(path: Path) -> None:
    """What a store written by the previous maturity looks like: no revision, no cache."""
    with sqlite3.connect(path, isolation_level=None) as conn:
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'"):
            conn.execute(f"DROP TRIGGER {name}")
        conn.execute("DROP TABLE results_cache")
        conn.execute("DROP TABLE revision_counter")
        conn.execute("ALTER TABLE assessments DROP COLUMN revision")
        conn.execute("PRAGMA user_version = 6")
    conn.close()


def test_identical_after_a_migration_from_schema_6(
    normal: Run, launched: Run, store_path: Path
) -> None:
    aid = new(normal, "--answers", PAYMENTS)
    expected = normal("show", aid, "--json")
    _back_to_schema_6(store_path)
    assert served(store_path, "show", aid, "--json") is None  # an older schema: not read
    assert launched("show", aid, "--json") == expected  # migrates; nothing kept (no stamp yet)
    with sqlite3.connect(store_path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("SELECT count(*) FROM results_cache").fetchone()[0] == 0
    conn.close()
    assert_same_both_ways(normal, launched, store_path, "show", aid, "--json")


def test_trend_and_portfolio_are_identical_and_any_change_makes_them_stale(
    normal: Run, launched: Run, store_path: Path
) -> None:
    first = new(normal, "--answers", PAYMENTS)
    second = new(normal, "--from", first)
    assert normal("answer", second, "culture.postmortems", "5").code == 0
    new(normal, "--team", "Cards", "-q", "quick")
    commands = [
        ("trend", "--team", "Payments"),
        ("trend", "--team", "payments", "--json"),
        ("trend", "--team", "Payments", "--lang", "ko"),
        ("portfolio",),
        ("portfolio", "--json"),
        ("portfolio", "--sort", "culture"),
        ("portfolio", "--sort", "overall", "--lang", "ko"),
    ]
    outputs = {c: assert_same_both_ways(normal, launched, store_path, *c) for c in commands}
    assert len(set(outputs.values())) >= 3  # text, JSON, and another sort order
    # a change anywhere in the store (here: another team) is a new store revision
    assert normal("answer", first, "lean.wip-limits", "5").code == 0
    for c in commands:
        assert served(store_path, *c) is None, c
    assert_same_both_ways(normal, launched, store_path, "portfolio")
    assert normal("delete", second, "--yes").code == 0
    assert served(store_path, "portfolio") is None
    assert_same_both_ways(normal, launched, store_path, "portfolio")


def test_errors_are_the_command_lines_own(normal: Run, launched: Run, store_path: Path) -> None:
    a = new(normal, "--team", "A")
    firsts = {a[0]}
    while True:  # at most 16 more: two ids that start alike give an ambiguous prefix
        b = new(normal, "--team", "B")
        if b[0] in firsts:
            break
        firsts.add(b[0])
    unknown = next(c for c in "0123456789abcdef" if c not in firsts) * 12
    cases = [
        ("show", "zz", "--json"),
        ("show", unknown, "--json"),
        ("show", b[0], "--json"),  # ambiguous
        ("trend", "--team", "Nobody"),
        ("trend", "--team", "A"),  # one assessment: no trend yet
        ("show", "", "--json"),
        ("portfolio", "--sort", "nonsense"),
        ("trend", "--team", "A", "--lang", "xx"),
    ]
    for case in cases:
        expected = normal(*case)
        assert expected.code == 2 and expected.err.startswith("error: "), case
        assert launched(*case) == expected, case
        assert launched(*case) == expected, case  # and nothing was kept
    with sqlite3.connect(store_path) as conn:
        assert conn.execute("SELECT count(*) FROM results_cache").fetchone()[0] == 0
    conn.close()


def test_a_missing_store_or_one_that_is_not_a_file_takes_the_normal_path(
    normal: Run, launched: Run, tmp_path: Path
) -> None:
    missing = tmp_path / "missing.db"
    fifo = tmp_path / "fifo.db"
    os.mkfifo(fifo)
    for store in (missing, tmp_path, fifo):
        args = ("--store", str(store), "show", "abcdef", "--json")
        assert launched(*args) == normal(*args)
        assert fastread.sqlite_file(str(store)) is None
    assert not missing.exists()
    assert fastread.sqlite_file("postgresql://maturity@db/maturity") is None
    assert fastread.sqlite_file("postgres:") is None


def test_a_write_keeps_the_show_output_of_what_it_changed(
    normal: Run, launched: Run, store_path: Path, tmp_path: Path
) -> None:
    r = launched("new", "--answers", PAYMENTS)
    assert r.code == 0 and r.err == ""
    aid = r.out.strip()
    kept = served(store_path, "show", aid, "--json")  # kept by `new` itself
    assert kept is not None and kept == normal("show", aid, "--json").out
    other = new(normal, "--team", "Other")
    assert served(store_path, "show", other, "--json") is None

    # the write command prints and exits exactly as the command line does
    expected = normal("answer", aid, "culture.postmortems", "5")
    assert launched("answer", aid, "culture.postmortems", "5") == expected
    assert served(store_path, "show", aid, "--json") == normal("show", aid, "--json").out
    assert served(store_path, "show", other, "--json") is None  # not changed, not computed

    # a failed write keeps nothing new
    r = launched("answer", aid, "no.such-question", "5")
    assert r.code == 2 and r.err.startswith("error: ") and r.out == ""

    # more than a few changed (an import of a bundle): left for their first show
    bundle = tmp_path / "bundle.json"
    for _ in range(4):
        new(normal, "--team", "Many")
    assert normal("export", "--all", "-o", str(bundle)).code == 0
    fresh = tmp_path / "fresh.db"
    assert launched("--store", str(fresh), "import", str(bundle)).code == 0
    with sqlite3.connect(fresh) as conn:
        assert conn.execute("SELECT count(*) FROM results_cache").fetchone()[0] == 0
    conn.close()


def test_both_backends_print_the_same_and_only_sqlite_keeps(
    normal: Run, launched: Run, store_url: str
) -> None:
    r = launched("new", "--answers", PAYMENTS)
    assert r.code == 0, r.err
    aid = r.out.strip()
    second = launched("new", "--from", aid)
    assert second.code == 0, second.err
    for args in (("show", aid, "--json"), ("trend", "--team", "Payments"), ("portfolio",)):
        expected = normal(*args)
        assert expected.code == 0, expected.err
        assert launched(*args) == expected
        assert launched(*args) == expected
        kept = fastread.lookup(store_url, launch.recognise(args)[1], now_text())[0]  # type: ignore[index]
        assert kept == (None if store_url.startswith("postgresql:") else expected.out)


# --- the stamp -----------------------------------------------------------------------------


def test_a_new_app_version_or_cache_format_is_a_miss(
    normal: Run, launched: Run, store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    aid = new(normal, "--answers", PAYMENTS)
    assert_same_both_ways(normal, launched, store_path, "show", aid, "--json")
    monkeypatch.setattr(fastread, "__version__", "99.0")
    assert served(store_path, "show", aid, "--json") is None
    monkeypatch.undo()
    assert served(store_path, "show", aid, "--json") is not None
    monkeypatch.setattr(fastread, "CACHE_FORMAT", fastread.CACHE_FORMAT + 1)
    assert served(store_path, "show", aid, "--json") is None


def test_changed_code_is_a_miss(
    normal: Run, launched: Run, store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tree = tmp_path / "pkg"
    (tree / "sub" / "__pycache__").mkdir(parents=True)
    (tree / "scoring.py").write_text("x = 1\n")
    (tree / "sub" / "rules.yaml").write_text("a: 1\n")
    (tree / "sub" / "__pycache__" / "scoring.pyc").write_text("compiled")
    (tree / "README.txt").write_text("not code")
    roots = (str(tree), str(tmp_path / "missing"))
    first = fastread.code_stamp(roots)
    (tree / "README.txt").write_text("not code, changed")
    (tree / "sub" / "__pycache__" / "scoring.pyc").write_text("compiled again")
    assert fastread.code_stamp(roots) == first  # neither source nor data
    (tree / "sub" / "rules.yaml").write_text("a: 2\n")
    second = fastread.code_stamp(roots)
    assert second != first
    (tree / "new.py").write_text("")
    assert fastread.code_stamp(roots) not in (first, second)

    aid = new(normal, "--answers", PAYMENTS)
    assert_same_both_ways(normal, launched, store_path, "show", aid, "--json")
    monkeypatch.setattr(fastread, "code_stamp", lambda: "edited")
    assert served(store_path, "show", aid, "--json") is None


def test_a_damaged_entry_is_a_miss_and_is_written_again(
    normal: Run, launched: Run, store_path: Path
) -> None:
    aid = new(normal, "--answers", PAYMENTS)
    assert_same_both_ways(normal, launched, store_path, "show", aid, "--json")
    for damage in (b"not zlib", "text", zlib.compress(b"\xff\xfe")):
        with sqlite3.connect(store_path) as conn:
            conn.execute("UPDATE results_cache SET body = ?", (damage,))
        conn.close()
        assert served(store_path, "show", aid, "--json") is None
        assert_same_both_ways(normal, launched, store_path, "show", aid, "--json")


def test_entries_expire_at_midnight_utc(normal: Run, launched: Run, store_path: Path) -> None:
    aid = new(normal, "--answers", PAYMENTS)
    assert_same_both_ways(normal, launched, store_path, "show", aid, "--json")
    request = Request("show", (), aid)
    today = datetime.now(UTC).date()
    just_before = f"{today.isoformat()}T23:59:59.999Z"
    midnight = f"{(today + timedelta(days=1)).isoformat()}T00:00:00.000Z"
    assert fastread.lookup(str(store_path), request, just_before)[0] is not None
    assert fastread.lookup(str(store_path), request, midnight)[0] is None


def test_the_portfolio_expires_when_a_team_turns_stale(
    normal: Run, launched: Run, store_path: Path, tmp_path: Path
) -> None:
    from maturity.history import STALE_AFTER_DAYS

    aid = new(normal, "--answers", PAYMENTS)
    # make it an assessment that turns stale in one hour
    created = datetime.now(UTC) - timedelta(days=STALE_AFTER_DAYS) + timedelta(hours=1)
    with sqlite3.connect(store_path) as conn:
        conn.execute("UPDATE assessments SET created = ? WHERE id = ?", (format_time(created), aid))
    conn.close()
    before = assert_same_both_ways(normal, launched, store_path, "portfolio")
    assert "stale" not in before
    _, entry = fastread.lookup(str(store_path), Request("portfolio"), now_text())
    assert entry is not None
    until = keep.valid_until(Request("portfolio"), entry, now_text())
    assert until == format_time(created + timedelta(days=STALE_AFTER_DAYS))
    later = format_time(created + timedelta(days=STALE_AFTER_DAYS, milliseconds=1))
    assert fastread.lookup(str(store_path), Request("portfolio"), later)[0] is None


# --- schema 7 ------------------------------------------------------------------------------


def _revision(path: Path, aid: str) -> int:
    with sqlite3.connect(path) as conn:
        value = int(
            conn.execute("SELECT revision FROM assessments WHERE id = ?", (aid,)).fetchone()[0]
        )
    conn.close()
    return value


def test_every_write_gives_a_new_revision_and_votes_do_not(normal: Run, store_path: Path) -> None:
    from maturity.store import open_store
    from maturity.workspace import Workspace

    aid = new(normal, "--team", "A", "-q", "quick")
    seen = [_revision(store_path, aid)]
    ws = Workspace(open_store(store_path))
    try:
        question = ws.questionnaire_for(ws.get(aid)).questionnaire.question_ids()[0]
        ws.cast_vote(aid, question, "Mina", 3)  # live votes are not results
        assert _revision(store_path, aid) == seen[-1]
        writes: list[Callable[[], object]] = [
            lambda: ws.answer(aid, question, 4),
            lambda: ws.answer(aid, question, None, clear=True),
            lambda: ws.set_mode(aid, "team"),
            lambda: ws.complete(aid),
        ]
        for write in writes:
            write()
            seen.append(_revision(store_path, aid))
    finally:
        ws.store.close()
    assert seen == sorted(set(seen)), seen  # always a new, higher revision


def test_migration_7_applies_to_a_schema_6_store_and_is_sqlite_only(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    store_at_schema(path, 6).close()
    assert launch.main(["--store", str(path), "list"]) == 0
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 7
        assert conn.execute("SELECT n FROM revision_counter").fetchone()[0] == 0
    conn.close()
    assert statements(7, "postgresql") == []  # PostgreSQL takes the normal path


# --- the quick path loads nothing heavy ----------------------------------------------------


@pytest.mark.slow
def test_a_hit_imports_no_pydantic(normal: Run, store_path: Path) -> None:
    """A fresh interpreter, as the console script starts: the hit prints the same bytes and
    leaves pydantic (and the command line, the models, yaml) unimported."""
    aid = new(normal, "--answers", PAYMENTS)
    expected = normal("show", aid, "--json").out
    probe = (
        "import sys\n"
        "from maturity.launch import main\n"
        f"code = main(['show', {aid!r}, '--json'])\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in"
        " ('pydantic', 'pydantic_core', 'yaml', 'argparse') or m in ('maturity.cli',"
        " 'maturity.model.results', 'maturity.workspace'))\n"
        "print(code, heavy, file=sys.stderr)\n"
    )
    env = {**os.environ, "MATURITY_STORE": str(store_path)}
    runs = [
        subprocess.run(
            [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True
        )
        for _ in range(2)
    ]
    assert runs[0].stdout == runs[1].stdout == expected
    assert "pydantic" in runs[0].stderr  # the miss: the normal path, which kept its output
    assert runs[1].stderr.strip() == "0 []"


@pytest.mark.slow
def test_a_hit_written_to_a_full_disk_says_so_like_the_command_line(
    normal: Run, launched: Run, store_path: Path
) -> None:
    aid = new(normal, "--answers", PAYMENTS)
    assert launched("show", aid, "--json").code == 0  # kept: the next one is a hit
    env = {**os.environ, "MATURITY_STORE": str(store_path)}
    command_line = "import sys; from maturity.cli import main; sys.exit(main(sys.argv[1:]))"
    results = []
    for start in (["-m", "maturity"], ["-c", command_line]):  # the hit, the command line
        with open("/dev/full", "w") as full:
            r = subprocess.run(
                [sys.executable, *start, "show", aid, "--json"],
                env=env,
                stdout=full,
                stderr=subprocess.PIPE,
                text=True,
            )
        results.append((r.returncode, r.stderr))
    assert results[0] == results[1]
    assert results[0][0] == 2 and results[0][1].startswith("error: cannot write the output")
    assert served(store_path, "show", aid, "--json") is not None
