"""Bad input to ``maturity dora measure``: each exits 2 with one clear line and changes nothing."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pygit2
import pytest
from conftest import CliResult, digest
from measure_support import workflows_repo, write

Cli = Callable[..., CliResult]
OK_CSV = "time,commit,environment,status\n2024-01-04T00:00:00Z,0070297,production,success\n"


def _repo(t: Path) -> str:
    path = t / "repo"
    if not path.exists():
        workflows_repo(path)
    return str(path)


def _f(t: Path, name: str, text: str) -> str:
    return str(write(t / name, text))


def _sparse(t: Path) -> str:
    path = t / "huge.csv"
    with path.open("wb") as fh:
        fh.truncate(2 * 1024**3)  # 2 GiB, sparse: no disk used, no byte read
    return str(path)


def _binary(t: Path) -> str:
    path = t / "blob.csv"
    path.write_bytes(b"\x00\x01\x02" * 100)
    return str(path)


def _latin1(t: Path) -> str:
    path = t / "latin.csv"
    path.write_bytes(
        "time,commit,environment,status\n2024-01-04,0070297,caf\xe9,ok\n".encode("latin-1")
    )
    return str(path)


def _empty_repo(t: Path) -> str:
    pygit2.init_repository(str(t / "empty"))
    return str(t / "empty")


# (case, args from tmp_path, the start of the one error line)
CASES: list[tuple[str, Callable[[Path], list[str]], str]] = [
    ("repo missing", lambda t: ["--repo", str(t / "nope"), "--deploy-branch", "main"],
     "error: --repo {t}/nope: no such folder"),
    ("repo is a file", lambda t: ["--repo", _f(t, "x.txt", "x"), "--deploy-branch", "main"],
     "error: --repo {t}/x.txt: not a folder"),
    ("not a repository", lambda t: ["--repo", str(t), "--deploy-branch", "main"],
     "error: --repo {t}: not a git repository"),
    ("empty repository", lambda t: ["--repo", _empty_repo(t), "--deploy-branch", "main"],
     "error: --repo {t}/empty: the repository has no commits yet"),
    ("unknown branch", lambda t: ["--repo", _repo(t), "--branch", "nope", "--deploy-branch", "nope"],
     "error: --branch nope: no such branch"),
    ("deploy branch is not --branch", lambda t: ["--repo", _repo(t), "--branch", "main", "--deploy-branch", "feature"],
     "error: --deploy-branch feature: lead time follows --branch main"),
    ("no tag matches", lambda t: ["--repo", _repo(t), "--deploy-tags", "v*"],
     "error: --deploy-tags v*: no tag matches"),
    ("tags without repo", lambda t: ["--deploy-tags", "v*"],
     "error: --deploy-tags reads the repository: give --repo PATH too"),
    ("no deploy source", lambda t: ["--repo", _repo(t)],
     "error: no deploys to measure"),
    ("two deploy sources", lambda t: ["--repo", _repo(t), "--deploy-tags", "v*", "--deploy-branch", "main"],
     "error: give one deploy source, not --deploy-tags and --deploy-branch"),
    ("deployments missing", lambda t: ["--deployments", str(t / "none.csv")],
     "error: --deployments {t}/none.csv: no such file"),
    ("deployments is a folder", lambda t: ["--deployments", str(t)],
     "error: --deployments {t}: is a folder, expected a file"),
    ("empty file", lambda t: ["--deployments", _f(t, "e.csv", "")],
     "error: --deployments {t}/e.csv: the file is empty"),
    ("2 GiB file", lambda t: ["--deployments", _sparse(t)],
     "error: --deployments {t}/huge.csv: 2,048 MiB is larger than the 64 MiB"),
    ("binary file", lambda t: ["--deployments", _binary(t)],
     "error: --deployments {t}/blob.csv: a binary file"),
    ("not UTF-8", lambda t: ["--deployments", _latin1(t)],
     "error: --deployments {t}/latin.csv: not UTF-8 text"),
    ("CSV missing column", lambda t: ["--deployments", _f(t, "d.csv", "time,commit,status\n")],
     "error: d.csv line 1: missing column 'environment' for deployments (need time, commit, environment, status; found time, commit, status)"),
    ("CSV short row", lambda t: ["--deployments", _f(t, "d.csv", OK_CSV + "2024-01-05T00:00:00Z,0070297\n")],
     "error: d.csv line 3: column 'environment': missing (the row is short)"),
    ("CSV long row", lambda t: ["--deployments", _f(t, "d.csv", OK_CSV + "2024-01-05T00:00:00Z,0070297,p,success,x\n")],
     "error: d.csv line 3: 5 fields, the header has 4"),
    ("CSV bad time", lambda t: ["--deployments", _f(t, "d.csv", OK_CSV + "yesterday,0070297,production,success\n")],
     "error: d.csv line 3: column 'time': cannot read time 'yesterday'"),
    ("CSV bad commit", lambda t: ["--deployments", _f(t, "d.csv", OK_CSV + "2024-01-05T00:00:00Z,main,production,success\n")],
     "error: d.csv line 3: column 'commit': 'main' is not a commit id"),
    ("CSV unknown status", lambda t: ["--deployments", _f(t, "d.csv", OK_CSV + "2024-01-05T00:00:00Z,0070297,production,maybe\n")],
     "error: d.csv line 3: column 'status': 'maybe' is neither a success"),
    ("CSV bad unplanned", lambda t: ["--deployments", _f(t, "d.csv", "time,commit,environment,status,unplanned\n2024-01-05T00:00:00Z,0070297,production,ok,perhaps\n")],
     "error: d.csv line 2: column 'unplanned': expected true or false, got 'perhaps'"),
    ("mixed time zones", lambda t: ["--deployments", _f(t, "d.csv", OK_CSV + "2024-01-05 10:00,0070297,production,success\n")],
     "error: d.csv line 3: column 'time': time without a UTC offset, but d.csv line 2 has one"),
    ("offset out of range", lambda t: ["--deployments", _f(t, "d.csv", "time,commit,environment,status\n2024-01-05T10:00+23:00,0070297,production,success\n")],
     "error: d.csv line 2: column 'time': offset beyond ±14:00"),
    ("invalid JSON", lambda t: ["--deployments", _f(t, "d.json", '[{"id": 1,')],
     "error: d.json: not valid JSON (line 1"),
    ("unknown JSON shape", lambda t: ["--deployments", _f(t, "d.json", json.dumps([{"name": "x", "when": "today"}]))],
     "error: d.json item 1: not a GitHub deployment, GitHub deployment status or GitLab deployment (found: name, when)"),
    ("GitHub without statuses", lambda t: ["--deployments", _f(t, "d.json", json.dumps([{"id": 1, "sha": "0070297", "environment": "production", "created_at": "2024-01-04T00:00:00Z"}]))],
     "error: d.json: GitHub deployments without their statuses"),
    ("GitLab missing sha", lambda t: ["--deployments", _f(t, "d.json", json.dumps([{"id": 1, "iid": 1, "sha": None, "status": "success", "updated_at": "2024-01-04T00:00:00Z", "environment": {"name": "production"}}]))],
     "error: d.json item 1: field 'sha': missing"),
    ("incidents missing column", lambda t: ["--deployments", _f(t, "d.csv", OK_CSV), "--incidents", _f(t, "i.csv", "opened,resolved\n")],
     "error: i.csv line 1: missing column 'severity' for incidents"),
    ("incidents bad resolved", lambda t: ["--deployments", _f(t, "d.csv", OK_CSV), "--incidents", _f(t, "i.csv", "opened,resolved,severity,caused_by\n2024-01-05T00:00Z,soon,s1,\n")],
     "error: i.csv line 2: column 'resolved': cannot read time 'soon'"),
    ("incidents as JSON", lambda t: ["--deployments", _f(t, "d.csv", OK_CSV), "--incidents", _f(t, "i.json", "[]")],
     "error: --incidents i.json: JSON is not read for incidents"),
    ("reverts with incidents", lambda t: ["--repo", _repo(t), "--deploy-branch", "main", "--incidents", _f(t, "i.csv", "x"), "--failures-from-reverts", "3"],
     "error: give either --incidents FILE or --failures-from-reverts N"),
    ("reverts zero days", lambda t: ["--repo", _repo(t), "--deploy-branch", "main", "--failures-from-reverts", "0"],
     "error: --failures-from-reverts: days must be 1 to 365"),
    ("reverts not a number", lambda t: ["--repo", _repo(t), "--deploy-branch", "main", "--failures-from-reverts", "two"],
     "error: argument --failures-from-reverts: expected a number of days, got 'two'"),
    ("reverts without repo", lambda t: ["--deployments", _f(t, "d.csv", OK_CSV), "--failures-from-reverts", "3"],
     "error: --failures-from-reverts reads commit messages: give --repo PATH"),
    ("bad --since", lambda t: ["--deployments", _f(t, "d.csv", OK_CSV), "--since", "ninety"],
     "error: --since: expected a span like 90d, 12w, 6mo or 1y, got 'ninety'"),
    ("--since with --from", lambda t: ["--deployments", _f(t, "d.csv", OK_CSV), "--since", "90d", "--from", "2024-01-01"],
     "error: give either --since or --from/--to, not both"),
    ("--from after --to", lambda t: ["--deployments", _f(t, "d.csv", OK_CSV), "--from", "2024-02-01", "--to", "2024-01-01"],
     "error: --from must be before --to"),
    ("bad --to", lambda t: ["--deployments", _f(t, "d.csv", OK_CSV), "--to", "31/01/2024"],
     "error: --to: column 'time': cannot read time '31/01/2024'"),
    ("empty --environment", lambda t: ["--deployments", _f(t, "d.csv", OK_CSV), "--environment", " "],
     "error: --environment: empty"),
    ("--branch without repo", lambda t: ["--deployments", _f(t, "d.csv", OK_CSV), "--branch", "main"],
     "error: --branch needs --repo PATH"),
]  # fmt: skip


@pytest.mark.parametrize(("case", "make", "expected"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_exits_2_with_one_line(
    cli: Cli, tmp_path: Path, store_path: Path, case: str, make: Callable[[Path], list[str]],
    expected: str,
) -> None:  # fmt: skip
    args = make(tmp_path)
    before = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*") if p.is_file()}
    r = cli("dora", "measure", *args)
    assert r.code == 2, (case, r.out, r.err)
    assert r.out == ""
    lines = r.err.splitlines()
    assert len(lines) == 1, r.err
    assert lines[0].startswith(expected.format(t=tmp_path)), lines[0]
    assert "Traceback" not in r.err
    assert digest(store_path) is None  # no store was created
    after = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*") if p.is_file()}
    assert after == before  # no input file (nor the repository) was touched


def test_unreadable_file(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run as root here, where chmod 000 does not stop reading: ask os.access to refuse."""
    path = write(tmp_path / "d.csv", OK_CSV)
    path.chmod(0)
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == path else real(p, mode))
    r = cli("dora", "measure", "--deployments", str(path))
    assert (r.code, r.err) == (2, f"error: --deployments {path}: permission denied\n")


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_a_pipe_or_a_device_is_refused_not_read_as_empty(
    cli: Cli, tmp_path: Path, kind: str
) -> None:
    """Their st_size is 0: they used to read as "the file is empty" (a FIFO with a writer would
    have hung). The one reader of user files refuses them."""
    if kind == "fifo":
        path = tmp_path / "deploys.csv"
        os.mkfifo(path)
        expected = "a named pipe"
    else:
        path = Path("/dev/zero")
        expected = "a character device"
    r = cli("dora", "measure", "--repo", _repo(tmp_path), "--deployments", str(path))
    assert r.code == 2 and len(r.err.splitlines()) == 1, r.err
    assert r.err.startswith(f"error: --deployments {path}: not a regular file ({expected})")


def test_case_count() -> None:
    assert len(CASES) >= 20


def test_hostile_file_names_reach_the_terminal_as_text(cli: Cli, tmp_path: Path) -> None:
    """A records file named with an ESC sequence and markup is shown escaped, never obeyed."""
    name = "d\x1b[31m[b]x.csv"
    path = write(tmp_path / name, OK_CSV.replace("0070297", "0070297aa"))
    r = cli("dora", "measure", "--deployments", str(path), "--from", "2024-01-01",
            "--to", "2024-01-29")  # fmt: skip
    assert r.code == 0, r.err
    assert "\x1b" not in r.out and "d\\x1b[31m[b]x.csv" in r.out
    r = cli("dora", "measure", "--deployments", str(tmp_path / "n\x1bo.csv"))
    assert r.code == 2 and "\x1b" not in r.err and "n\\x1bo.csv" in r.err


@pytest.mark.parametrize(
    ("name", "text", "english", "korean"),
    [
        ("d.csv", "time,commit,environment,status\n2026-01-01T10:00Z,abcdef1,prod,meh\n",
         "d.csv line 2: column 'status': 'meh' is neither a success",
         "d.csv 2행: 'status' 열의 'meh'는 성공"),
        ("d.csv", "time,commit,environment,status\n2026-01-01T10:00Z,abcdef1,prod\n",
         "d.csv line 2: column 'status': missing (the row is short)",
         "d.csv 2행: 'status' 열의 값이 없습니다 (행이 짧습니다)"),
        ("d.csv", "time,commit,environment,status\nyesterday,abcdef1,prod,ok\n",
         "d.csv line 2: column 'time': cannot read time 'yesterday'",
         "d.csv 2행: 'time' 열의 시각 'yesterday'를 읽을 수 없습니다"),
        ("d.csv", "time,commit,environment,status\n2026-01-01T10:00Z,abcdef1,prod,ok\n"
                  "2026-01-02 10:00,abcdef2,prod,ok\n",
         "d.csv line 3: column 'time': time without a UTC offset, but d.csv line 2 has one",
         "d.csv 3행: 'time' 열의 시각에 UTC 시차가 없는데 d.csv 2행에는 있습니다"),
        ("d.csv", "when,what\n",
         "d.csv line 1: missing column 'time' for deployments (need time, commit",
         "d.csv 1행: 배포 기록에 필요한 'time' 열이 없습니다"),
        ("d.json", '[{"id": 1, "sha": "abcdef1", "environment": "prod"}]',
         "d.json: GitHub deployments without their statuses",
         "d.json: GitHub 배포에 상태(statuses)가 없어"),
        ("d.json", "[{}]",
         "d.json item 1: not a GitHub deployment, GitHub deployment status or GitLab deployment"
         " (found: empty object)",
         "d.json 1번째 항목: GitHub 배포, GitHub 배포 상태, GitLab 배포 중 어느 것도 아닙니다"
         " (있는 키: 빈 객체)"),
    ],
)  # fmt: skip
def test_a_problem_inside_a_records_file_is_worded_in_each_language(
    tmp_path: Path, name: str, text: str, english: str, korean: str
) -> None:
    """The command line's English is unchanged; a Korean screen reads the place ("2행") and
    the problem in Korean, with column names and states as the file spells them."""
    from maturity.errors import MaturityError
    from maturity.measure.records import read_deployments

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(MaturityError) as caught:
        read_deployments(path)
    assert str(caught.value).startswith(english)
    assert caught.value.text("en") == str(caught.value)
    assert caught.value.text("ko").startswith(korean)
    assert " line " not in caught.value.text("ko")
