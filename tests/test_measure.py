"""``maturity dora measure`` on real repositories built with pygit2, against hand-computed numbers.

The repository (tests/measure_support.py ``workflows_repo``) has, on main, oldest first:
c0 (day -10), c1 (day 1), a merge m1 (day 2 12:00) of a feature branch f1 (day 1 12:00) and
f2 (day 2), a squash commit s1 (authored day 7, committed day 8), two rebased commits r1 and r2
(authored day 14 and 14 12:00, committed day 15) and v1 (day 16 12:00), which reverts r2.
Day 0 is Monday 2024-01-01 00:00 UTC; the window is 2024-01-01 to 2024-01-29 (four weeks).
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pygit2
import pytest
from conftest import CliResult
from measure_support import RepoBuilder, at, workflows_repo, write

from maturity import dora

WINDOW = ("--from", "2024-01-01", "--to", "2024-01-29")

DEPLOYS = """time,commit,environment,status,id,unplanned
2023-12-23T00:00:00Z,bcf0b9e,production,success,d0,false
2024-01-04T09:00:00+09:00,0070297,production,success,d1,false
2024-01-09T06:00:00Z,78e5a33,production,success,d2,false
2024-01-09T07:00:00Z,78e5a33,production,failed,d2b,false
2024-01-17T00:00:00Z,fd49d37,production,success,d3,false
2024-01-18T00:00:00Z,c09267a,production,success,d4,true
2024-01-18T00:00:00Z,c09267a,production,success,d4,true
2024-01-17T12:00:00Z,c09267a,staging,success,st1,false
2024-01-21T00:00:00Z,deadbeefdeadbeef,production,success,d5,false
"""

INCIDENTS = """opened,resolved,severity,caused_by,id
2024-01-17T02:00:00Z,2024-01-17T05:00:00Z,sev2,d3,INC-1
2024-01-21T00:00:00Z,2024-01-22T00:00:00Z,sev1,c09267a,INC-2
2024-01-26T00:00:00Z,,sev3,,INC-3
"""


@pytest.fixture
def repo(tmp_path: Path) -> RepoBuilder:
    return workflows_repo(tmp_path / "repo")


def measure(cli: Callable[..., CliResult], *args: str) -> dict[str, Any]:
    r = cli("dora", "measure", *args, "--json")
    assert r.code == 0, r.err
    data: dict[str, Any] = json.loads(r.out)
    return data


def metric(data: dict[str, Any], name: str) -> dict[str, Any]:
    m: dict[str, Any] = data["measurement"]["metrics"][name]
    return m


def test_commit_ids_are_the_ones_the_docs_quote(repo: RepoBuilder) -> None:
    assert repo.ids["c0"].startswith("bcf0b9e")
    assert repo.ids["m1"].startswith("0070297")
    assert repo.ids["s1"].startswith("78e5a33")
    assert repo.ids["r2"].startswith("fd49d37")
    assert repo.ids["v1"].startswith("c09267a")


def test_worked_example_csv_records(
    cli: Callable[..., CliResult], repo: RepoBuilder, tmp_path: Path
) -> None:
    deploys = write(tmp_path / "deploys.csv", DEPLOYS)
    incidents = write(tmp_path / "incidents.csv", INCIDENTS)
    data = measure(
        cli, "--repo", str(repo.path), "--deployments", str(deploys),
        "--incidents", str(incidents), *WINDOW,
    )  # fmt: skip
    df = metric(data, "deployment_frequency")
    assert (df["n"], df["value"], df["input"]) == (5, 1.25, "1.250/week")
    assert df["extra"]["median_deploy_days_per_week"] == 1.0  # weeks: 1, 1, 3, 0 days
    lt = metric(data, "lead_time")
    # merge: c1 48h, f1 36h, f2 24h; squash s1 30h; rebase r1 48h, r2 36h; v1 12h
    assert (lt["n"], lt["median"], lt["p90"], lt["input"]) == (7, 36.0, 48.0, "36.00h")
    cfr = metric(data, "change_failure_rate")
    assert (cfr["n"], cfr["value"], cfr["extra"]["failed_deploys"]) == (5, 40.0, 2)
    assert cfr["proxy"] is False
    ttr = metric(data, "time_to_restore")
    assert (ttr["n"], ttr["median"], ttr["p90"], ttr["confidence"]) == (2, 13.5, 24.0, "low")
    assert ttr["note"] == "2 resolved incidents in 28 days: low confidence"
    rw = metric(data, "rework_rate")
    assert (rw["n"], rw["value"]) == (5, 20.0)
    assert data["measurement"]["provenance"]["quality"] == {
        "commits_merge": 1,
        "deploys_duplicate": 1,
        "deploys_not_successful": 1,
        "deploys_other_environment": 1,
        "deploys_outside_window": 1,
        "deploys_unknown_commit": 1,
        "incidents_unlinked": 1,
        "incidents_unresolved": 1,
    }
    weeks = data["measurement"]["weekly"]
    assert [w["deploys"] for w in weeks] == [1, 1, 3, 0]
    assert [w["median_lead_time_hours"] for w in weeks] == [36.0, 30.0, 36.0, None]
    assert [w["failures"] for w in weeks] == [0, 0, 2, 0]
    # the tiers are maturity.dora's classification of exactly these inputs, for every year
    inputs = {"deployment_frequency": "1.250/week", "lead_time": "36.00h",
              "change_failure_rate": "40.0%", "time_to_restore": "13.50h", "rework_rate": "20.0%"}  # fmt: skip
    for year in dora.benchmark_years():
        assert data["tiers"][str(year)] == dora.classify(inputs, year).model_dump(mode="json")
    assert data["tiers"]["2024"]["quickcheck"]["overall"] is not None


def test_text_output_names_n_confidence_and_quality(
    cli: Callable[..., CliResult], repo: RepoBuilder, tmp_path: Path
) -> None:
    deploys = write(tmp_path / "deploys.csv", DEPLOYS)
    r = cli("dora", "measure", "--repo", str(repo.path), "--deployments", str(deploys), *WINDOW)
    assert r.code == 0, r.err
    assert "1.25/week" in r.out and "n=5 deploys" in r.out
    assert "36.0h (p90 2.0d)" in r.out
    assert "7 commits in 28 days: medium confidence" in r.out
    assert "deploys naming a commit that is not in the repository" in r.out
    assert "Quick Check score" in r.out
    assert "not measured: give --incidents FILE" in r.out


def test_committer_time_changes_squash_and_rebase_lead_times(
    cli: Callable[..., CliResult], repo: RepoBuilder, tmp_path: Path
) -> None:
    deploys = write(tmp_path / "deploys.csv", DEPLOYS)
    data = measure(
        cli, "--repo", str(repo.path), "--deployments", str(deploys), *WINDOW,
        "--commit-time", "committer",
    )  # fmt: skip
    lt = metric(data, "lead_time")
    # s1 6h, r1 24h, r2 24h instead of 30h, 48h, 36h
    assert (lt["n"], lt["median"], lt["p90"]) == (7, 24.0, 48.0)


def test_revert_proxy_flags_the_reverted_deploy(
    cli: Callable[..., CliResult], repo: RepoBuilder, tmp_path: Path
) -> None:
    deploys = write(tmp_path / "deploys.csv", DEPLOYS)
    args = ("--repo", str(repo.path), "--deployments", str(deploys), *WINDOW)
    data = measure(cli, *args, "--failures-from-reverts", "2")
    cfr = metric(data, "change_failure_rate")
    assert (cfr["value"], cfr["extra"]["failed_deploys"], cfr["proxy"]) == (20.0, 1, True)
    assert "PROXY" in cfr["note"] and data["proxy_failures"] is True
    assert [w["failures"] for w in data["measurement"]["weekly"]] == [0, 0, 1, 0]
    text = cli("dora", "measure", *args, "--failures-from-reverts", "2")
    assert "Change failure rate is a PROXY" in text.out
    # v1 ships one day after d3: a zero-day horizon would not count it, one day does
    one = metric(measure(cli, *args, "--failures-from-reverts", "1"), "change_failure_rate")
    assert one["extra"]["failed_deploys"] == 1


def test_deploy_tags_annotated_and_lightweight(
    cli: Callable[..., CliResult], repo: RepoBuilder
) -> None:
    repo.tag("v0.1", "m1", at(3))
    repo.tag("v0.2", "s1")  # lightweight: the commit's committer time, day 8
    repo.tag("v0.3", "v1", at(17))
    repo.tag("nightly", "r1", at(15))
    data = measure(cli, "--repo", str(repo.path), "--deploy-tags", "v*", *WINDOW)
    assert metric(data, "deployment_frequency")["n"] == 3
    lt = metric(data, "lead_time")
    # v0.1 is the first recorded deploy: c0, c1, f1, f2 are counted, not measured
    # v0.2: s1 24h; v0.3: r1 72h, r2 60h, v1 12h
    assert (lt["n"], lt["median"], lt["p90"]) == (4, 42.0, 72.0)
    q = data["measurement"]["provenance"]["quality"]
    assert q["commits_in_first_recorded_deploy"] == 4 and q["commits_merge"] == 1


def test_deploy_branch_each_first_parent_commit(
    cli: Callable[..., CliResult], repo: RepoBuilder
) -> None:
    data = measure(cli, "--repo", str(repo.path), "--deploy-branch", "main", *WINDOW)
    df = metric(data, "deployment_frequency")
    assert (df["n"], df["value"], df["extra"]["median_deploy_days_per_week"]) == (6, 1.5, 1.5)
    lt = metric(data, "lead_time")
    # f1 24h, f2 12h (merged by m1), s1 24h, r1 24h, r2 12h; c1 and v1 ship as committed
    assert (lt["n"], lt["median"], lt["p90"]) == (5, 24.0, 24.0)
    assert data["measurement"]["provenance"]["quality"]["commits_zero_lead_time"] == 2


def test_bare_repository_gives_the_same_numbers(
    cli: Callable[..., CliResult], repo: RepoBuilder, tmp_path: Path
) -> None:
    bare = pygit2.clone_repository(str(repo.path), str(tmp_path / "bare.git"), bare=True)
    assert bare.is_bare
    deploys = write(tmp_path / "deploys.csv", DEPLOYS)
    a = measure(cli, "--repo", str(repo.path), "--deployments", str(deploys), *WINDOW)
    b = measure(cli, "--repo", str(tmp_path / "bare.git"), "--deployments", str(deploys), *WINDOW)
    assert a["measurement"]["metrics"] == b["measurement"]["metrics"]


def test_branch_flag_follows_another_branch(
    cli: Callable[..., CliResult], repo: RepoBuilder
) -> None:
    data = measure(
        cli, "--repo", str(repo.path), "--branch", "feature", "--deploy-branch", "feature", *WINDOW
    )
    # feature's first-parent chain: c0, c1, f1, f2 -> f1 and f2 in the window, each at 0 h
    assert metric(data, "deployment_frequency")["n"] == 3  # c1, f1, f2
    assert data["measurement"]["provenance"]["branch"] == "feature"


def test_shallow_clone_is_reported(
    cli: Callable[..., CliResult], repo: RepoBuilder, tmp_path: Path
) -> None:
    target = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "3", f"file://{repo.path}", str(target)], check=True
    )
    deploys = write(tmp_path / "deploys.csv", DEPLOYS)
    data = measure(cli, "--repo", str(target), "--deployments", str(deploys), *WINDOW)
    q = data["measurement"]["provenance"]["quality"]
    assert q["shallow_clone"] == 1 and q["shallow_boundary_commits"] == 1
    # d1 (m1) and d2 (s1) are beyond the depth-3 boundary (r1, r2, v1): unknown commits now
    assert q["deploys_unknown_commit"] == 3
    assert metric(data, "lead_time")["n"] == 1  # only v1 (r1 and r2 sit in the first deploy)


def test_github_deployments_json_with_statuses(
    cli: Callable[..., CliResult], repo: RepoBuilder, tmp_path: Path
) -> None:
    deployments = [
        {"id": 10, "sha": repo.ids["c0"], "ref": "main", "environment": "production",
         "created_at": "2023-12-23T00:00:00Z", "statuses": [
             {"id": 9, "state": "success", "created_at": "2023-12-23T00:00:00Z"}]},
        {"id": 11, "sha": repo.ids["m1"], "ref": "main", "environment": "production",
         "created_at": "2024-01-03T23:50:00Z", "statuses_url": "x"},
        {"id": 12, "sha": repo.ids["s1"], "ref": "main", "environment": "production",
         "created_at": "2024-01-09T05:50:00Z", "statuses_url": "x"},
        {"id": 13, "sha": repo.ids["v1"], "ref": "main", "environment": "production",
         "created_at": "2024-01-17T23:00:00Z", "statuses_url": "x"},
    ]  # fmt: skip
    statuses = [
        {"id": 1, "state": "success", "created_at": "2024-01-04T00:00:00Z",
         "deployment_url": "https://api.github.com/repos/o/r/deployments/11"},
        {"id": 2, "state": "success", "created_at": "2024-01-09T06:00:00Z",
         "deployment_url": "https://api.github.com/repos/o/r/deployments/12"},
        {"id": 3, "state": "failure", "created_at": "2024-01-18T00:00:00Z",
         "deployment_url": "https://api.github.com/repos/o/r/deployments/13"},
    ]  # fmt: skip
    path = write(tmp_path / "gh.json", json.dumps(deployments) + "\n" + json.dumps(statuses))
    data = measure(cli, "--repo", str(repo.path), "--deployments", str(path), *WINDOW)
    assert metric(data, "deployment_frequency")["n"] == 2  # 13 never succeeded
    assert metric(data, "lead_time")["median"] == 33.0  # c1 48, f1 36, f2 24, s1 30
    assert data["measurement"]["provenance"]["quality"]["deploys_not_successful"] == 1
    assert "GitHub deployments JSON" in data["measurement"]["provenance"]["sources"][0]


def test_gitlab_deployments_json(
    cli: Callable[..., CliResult], repo: RepoBuilder, tmp_path: Path
) -> None:
    items = [
        {"id": 101, "iid": 1, "ref": "main", "sha": repo.ids["m1"], "status": "success",
         "created_at": "2024-01-03T23:00:00Z", "updated_at": "2024-01-04T00:00:00Z",
         "environment": {"id": 1, "name": "production"}},
        {"id": 102, "iid": 2, "ref": "main", "sha": repo.ids["r2"], "status": "success",
         "created_at": "2024-01-16T23:00:00Z", "finished_at": "2024-01-17T00:00:00Z",
         "environment": {"id": 1, "name": "production"}},
        {"id": 103, "iid": 3, "ref": "main", "sha": repo.ids["v1"], "status": "failed",
         "created_at": "2024-01-17T23:00:00Z", "environment": {"id": 1, "name": "production"}},
        {"id": 104, "iid": 4, "ref": "main", "sha": repo.ids["v1"], "status": "success",
         "created_at": "2024-01-17T23:00:00Z", "updated_at": "2024-01-18T00:00:00Z",
         "environment": {"id": 2, "name": "staging"}},
    ]  # fmt: skip
    items.insert(0, {"id": 100, "iid": 0, "ref": "main", "sha": repo.ids["c0"], "status": "success",
         "created_at": "2023-12-22T23:00:00Z", "updated_at": "2023-12-23T00:00:00Z",
         "environment": {"id": 1, "name": "production"}})  # fmt: skip
    path = write(tmp_path / "gl.json", json.dumps(items))
    data = measure(cli, "--repo", str(repo.path), "--deployments", str(path), *WINDOW)
    assert metric(data, "deployment_frequency")["n"] == 2
    # d1: c1 48, f1 36, f2 24; d(r2): s1 (day 7) 9 days = 216h, r1 48, r2 36
    lt = metric(data, "lead_time")
    assert (lt["n"], lt["median"], lt["p90"]) == (6, 42.0, 216.0)
    q = data["measurement"]["provenance"]["quality"]
    assert q["deploys_not_successful"] == 1 and q["deploys_other_environment"] == 1


def test_pagerduty_csv_export(
    cli: Callable[..., CliResult], repo: RepoBuilder, tmp_path: Path
) -> None:
    deploys = write(tmp_path / "deploys.csv", DEPLOYS)
    pd = write(
        tmp_path / "pd.csv",
        "incident_number,title,urgency,status,created_on,resolved_on\n"
        f"41,DB down root cause: {repo.ids['r2'][:10]},high,resolved,"
        "2024-01-17T01:00:00Z,2024-01-17T03:00:00Z\n"
        "42,Slow pages,low,resolved,2024-01-10T10:00:00+01:00,2024-01-10T19:00:00+01:00\n",
    )
    data = measure(
        cli, "--repo", str(repo.path), "--deployments", str(deploys), "--incidents", str(pd),
        *WINDOW,
    )  # fmt: skip
    cfr = metric(data, "change_failure_rate")
    assert cfr["extra"]["failed_deploys"] == 1  # r2 shipped in d3
    ttr = metric(data, "time_to_restore")
    assert (ttr["n"], ttr["median"]) == (2, 5.5)  # 2h and 9h


def test_csv_without_repo_measures_frequency_failures_and_rework(
    cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    deploys = write(tmp_path / "deploys.csv", DEPLOYS)
    incidents = write(tmp_path / "incidents.csv", INCIDENTS)
    data = measure(cli, "--deployments", str(deploys), "--incidents", str(incidents), *WINDOW)
    assert "lead_time" not in data["measurement"]["metrics"]
    assert metric(data, "deployment_frequency")["n"] == 5
    assert metric(data, "change_failure_rate")["extra"]["failed_deploys"] == 2


def test_times_without_offset_are_counted(
    cli: Callable[..., CliResult], repo: RepoBuilder, tmp_path: Path
) -> None:
    deploys = write(
        tmp_path / "d.csv",
        "time,commit,environment,status\n"
        f"2023-12-23 00:00:00,{repo.ids['c0']},production,success\n"
        f"2024-01-04 00:00:00,{repo.ids['m1']},production,success\n"
        f"2024-01-09 06:00:00,{repo.ids['s1']},Production,SUCCESS\n",
    )
    data = measure(cli, "--repo", str(repo.path), "--deployments", str(deploys), *WINDOW)
    assert data["measurement"]["provenance"]["quality"]["times_without_offset"] == 3
    assert metric(data, "lead_time")["median"] == 33.0  # 48, 36, 24, 30


def test_future_deploys_and_commits_are_counted(
    cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    b = RepoBuilder(tmp_path / "r")
    b.commit("a", at(0))
    b.commit("b", at(20000))  # far in the future
    deploys = write(
        tmp_path / "d.csv",
        "time,commit,environment,status\n"
        f"2024-01-02T00:00:00Z,{b.ids['a']},production,success\n"
        f"2079-01-01T00:00:00Z,{b.ids['b']},production,success\n",
    )
    data = measure(cli, "--repo", str(b.path), "--deployments", str(deploys), *WINDOW)
    assert data["measurement"]["provenance"]["quality"]["deploys_future"] == 1
    data = measure(cli, "--repo", str(b.path), "--deploy-branch", "main", "--since", "90d")
    assert data["measurement"]["provenance"]["quality"]["deploys_future"] == 1


def test_clock_skew_commit_older_than_parent(cli: Callable[..., CliResult], tmp_path: Path) -> None:
    b = RepoBuilder(tmp_path / "r")
    b.commit("a", at(0))
    b.commit("b", at(2))
    b.commit("c", at(1))  # committed before its parent: a wrong clock
    b.commit("d", at(5))
    deploys = write(
        tmp_path / "d.csv",
        "time,commit,environment,status\n"
        f"2024-01-01T06:00:00Z,{b.ids['a']},production,success\n"
        f"2024-01-06T12:00:00Z,{b.ids['d']},production,success\n",
    )
    data = measure(cli, "--repo", str(b.path), "--deployments", str(deploys), *WINDOW)
    assert data["measurement"]["provenance"]["quality"]["commits_clock_skew"] == 1
    assert metric(data, "lead_time")["n"] == 3  # b 84h, c 108h, d 12h
    assert metric(data, "lead_time")["median"] == 84.0


def test_release_tag_on_a_side_branch_and_a_rollback(
    cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    """A release commit on a side branch ships its ancestors; redeploying an older commit (a
    rollback) ships nothing new, so no commit gets a second, later lead time."""
    b = RepoBuilder(tmp_path / "r")
    b.commit("a", at(0))
    b.commit("b", at(1))
    b.commit("rel", at(2), parents=["b"], branch="release")  # tagged and deployed off main
    b.commit("c", at(3))
    b.commit("m", at(4), parents=["c", "rel"])  # release merged back later
    deploys = write(
        tmp_path / "d.csv",
        "time,commit,environment,status\n"
        f"2023-12-30T00:00:00Z,{b.ids['a']},production,success\n"
        f"2024-01-03T12:00:00Z,{b.ids['rel']},production,success\n"
        f"2024-01-04T00:00:00Z,{b.ids['b']},production,success\n"
        f"2024-01-06T00:00:00Z,{b.ids['m']},production,success\n",
    )
    data = measure(cli, "--repo", str(b.path), "--deployments", str(deploys), *WINDOW)
    lt = metric(data, "lead_time")
    # rel (day 2.5) ships b (36h) and rel (12h); the rollback to b ships nothing;
    # m (day 5) ships c (48h) and the merge m itself (counted, not a change)
    assert (lt["n"], lt["median"], lt["p90"]) == (3, 36.0, 48.0)
    q = data["measurement"]["provenance"]["quality"]
    assert q["deploys_off_branch"] == 1 and q["commits_merge"] == 1
    assert q["deploys_nothing_new"] == 1  # the rollback to b
