"""Team mode in the core: live votes, reveal, the recorded team answer, anonymous mode,
migration 3, concurrent voters, and what ``show``/``export``/reports make of the votes."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import CliResult, count_rows, is_pg, store_at_schema

from maturity import questionnaire as qmod
from maturity.errors import MaturityError, NotFoundError
from maturity.model.assessment import Assessment
from maturity.store import open_store
from maturity.store.migrations import MIGRATIONS, SCHEMA_VERSION
from maturity.voting import Voter
from maturity.workspace import Workspace

DATA = Path(__file__).parent / "data"
MINI = qmod.load_file(DATA / "mini.yaml")
Q1, Q2 = "alpha.one", "alpha.two"
Cli = Callable[..., CliResult]


@pytest.fixture
def ws(store_url: str) -> Workspace:
    return Workspace(open_store(store_url))


def other(store_url: str) -> Workspace:
    """A second connection: what another participant's process sees."""
    return Workspace(open_store(store_url, create=False))


# -- votes before and after the reveal ----------------------------------------------------------


def test_votes_are_counted_but_hidden_until_revealed(ws: Workspace, store_url: str) -> None:
    a = ws.create("Payments", MINI, participants=["Mina"])
    mina = ws.voter(a.id, "Mina")
    joon = other(store_url).voter(a.id, "Joon")
    ws.cast_vote(a.id, Q1, mina, 2)
    other(store_url).cast_vote(a.id, Q1, joon, 5)
    ws.cast_vote(a.id, Q1, mina, 3)  # changed before the reveal

    seen = other(store_url).team_state(a.id, Q1, voter=joon)
    assert (seen.count, seen.voted, seen.mine, seen.revealed) == (2, True, 5, False)
    assert seen.votes is None  # the values were never handed out
    assert seen.voters == ("Joon", "Mina")  # who has voted, not what

    shown = ws.reveal(a.id, Q1)
    assert shown.revealed and shown.votes == {"Mina": 3, "Joon": 5}
    with pytest.raises(MaturityError, match="revealed") as late:
        ws.cast_vote(a.id, Q1, mina, 4)
    # a participant's Korean screen words it in Korean (the store raises it, not a screen)
    assert late.value.text("ko") == f"{Q1}의 투표가 이미 공개되어 더는 바꿀 수 없습니다"
    with pytest.raises(MaturityError, match="revealed"):
        ws.retract_vote(a.id, Q1, joon)
    assert other(store_url).team_state(a.id, Q1).votes == {"Mina": 3, "Joon": 5}
    # joining added the names to the participants, once
    assert ws.get(a.id).participants == ["Mina", "Joon"]


def test_record_team_answer_takes_the_median_and_keeps_the_votes(ws: Workspace) -> None:
    a = ws.create("Payments", MINI)
    votes: list[tuple[str, int | None]] = [
        ("Mina", 3),
        ("Joon", 4),
        ("Ana", 4),
        ("Bo", 3),
        ("Cy", 5),
    ]
    for name, level in votes:
        ws.cast_vote(a.id, Q1, name, level)
    ans = ws.record_team_answer(a.id, Q1, note="two camps")
    assert (ans.level, ans.note) == (4, "two camps")  # sorted 3 3 4 4 5
    stored = ws.get(a.id).answers[Q1]
    assert stored.votes == {"Mina": 3, "Joon": 4, "Ana": 4, "Bo": 3, "Cy": 5}
    state = ws.team_state(a.id, Q1)
    assert state.revealed and state.answered and state.answer == 4
    assert state.votes == stored.votes  # shown from the answer once recorded
    assert count_rows(ws.store.target, "votes") == 0

    # an even count rounds down; "not sure" takes no part
    votes = [("Mina", 3), ("Joon", 4), ("Ana", None)]
    for name, level in votes:
        ws.cast_vote(a.id, Q2, name, level)
    assert ws.record_team_answer(a.id, Q2).level == 3
    # the facilitator may record another level; the votes stay with it
    again = ws.record_team_answer(a.id, Q2, 5, use_median=False, note="agreed after talking")
    assert again.level == 5 and again.votes == {"Mina": 3, "Joon": 4, "Ana": None}


def test_nothing_to_record_without_votes_and_complete_closes_voting(ws: Workspace) -> None:
    a = ws.create("Payments", MINI)
    with pytest.raises(MaturityError, match="nobody has voted"):
        ws.record_team_answer(a.id, Q1)
    with pytest.raises(NotFoundError):
        ws.cast_vote(a.id, "no.such.question", "Mina", 3)
    with pytest.raises(MaturityError, match="level"):
        ws.cast_vote(a.id, Q1, "Mina", 7)
    with pytest.raises(MaturityError, match="name"):
        ws.cast_vote(a.id, Q1, "   ", 3)
    ws.complete(a.id)
    with pytest.raises(MaturityError, match="complete"):
        ws.cast_vote(a.id, Q1, "Mina", 3)


def test_reset_votes_hides_the_question_again(ws: Workspace) -> None:
    a = ws.create("Payments", MINI)
    ws.cast_vote(a.id, Q1, "Mina", 1)
    ws.reveal(a.id, Q1)
    ws.reset_votes(a.id, Q1)
    state = ws.team_state(a.id, Q1)
    assert (state.revealed, state.count, state.votes) == (False, 0, None)
    ws.cast_vote(a.id, Q1, "Mina", 4)
    assert ws.retract_vote(a.id, Q1, "Mina") is True
    assert ws.team_state(a.id, Q1).count == 0


def test_the_session_follows_the_facilitator(ws: Workspace, store_url: str) -> None:
    a = ws.create("Payments", MINI)
    assert ws.live_sessions() == []
    ws.follow(a.id, Q2)
    participant = other(store_url)
    assert participant.team_state(a.id).question_id == Q2
    [live] = participant.live_sessions()
    assert (live.assessment_id, live.current_question, live.team) == (a.id, Q2, "Payments")
    ws.follow(a.id, None)  # the facilitator left team mode
    assert participant.team_state(a.id).question_id is None
    assert participant.live_sessions() == []
    with pytest.raises(NotFoundError):
        ws.follow(a.id, "nope")


# -- anonymous mode -----------------------------------------------------------------------------

SECRET_NAMES = ("Zelda Quarterfield", "Yusuf Oakhampton", "Xiomara Pennyworth")


def _all_bytes(url: str) -> bytes:
    """Everything the store holds: the SQLite file and its companions, or every row."""
    if is_pg(url):
        import psycopg

        with psycopg.connect(url) as conn:
            tables = conn.execute(
                "SELECT table_name FROM information_schema.tables"
                " WHERE table_schema = current_schema()"
            ).fetchall()
            rows = [repr(r) for (t,) in tables for r in conn.execute(f"SELECT * FROM {t}")]
        assert rows
        return "\n".join(rows).encode()
    path = Path(url)
    return b"".join(p.read_bytes() for p in path.parent.iterdir() if p.name.startswith(path.name))


def test_anonymous_names_never_reach_the_store_exports_or_reports(
    ws: Workspace, store_url: str, tmp_path: Path, cli: Cli
) -> None:
    a = ws.create("Payments", MINI, anonymous=True)
    voters = [other(store_url).voter(a.id, name) for name in SECRET_NAMES]
    for voter, level in zip(voters, [1, 3, 3], strict=True):
        ws.cast_vote(a.id, Q1, voter, level)
    ws.cast_vote(a.id, Q1, voters[0], 2)  # a participant changes their own vote
    ws.cast_vote(a.id, Q2, voters[1], None)
    seen = ws.team_state(a.id, Q1, voter=voters[0])
    assert (seen.count, seen.mine, seen.voters) == (3, 2, ())  # nobody is listed
    with pytest.raises(MaturityError, match="anonymous"):
        ws.cast_vote(a.id, Q1, "Zelda Quarterfield", 5)  # a bare name is refused
    ans = ws.record_team_answer(a.id, Q1)
    assert ans.votes == {"#01": 2, "#02": 3, "#03": 3} and ans.level == 3
    assert ws.reveal(a.id, Q2).votes == {"#01": None}

    exported = ws.export(a.id)
    assert json.loads(exported)["anonymous"] is True
    report = tmp_path / "r.html"
    ws.store.close()
    assert cli("report", a.id, "-o", str(report)).code == 0
    html = report.read_text(encoding="utf-8")
    assert "Anonymous votes: 2 ×1 · 3 ×2" in html
    shown = cli("show", a.id, "--json").out
    everything = _all_bytes(store_url) + exported.encode() + html.encode() + shown.encode()
    for name in SECRET_NAMES:
        for part in name.split():
            assert part.encode() not in everything, part
    assert Workspace(open_store(store_url)).get(a.id).participants == []


def test_an_anonymous_document_with_named_votes_is_refused(tmp_path: Path, cli: Cli) -> None:
    doc = json.loads((DATA / "pre-team-export.json").read_text(encoding="utf-8"))
    doc["anonymous"] = True
    path = tmp_path / "named.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    r = cli("import", str(path), "--questionnaire", str(DATA / "mini.yaml"))
    assert r.code == 2 and "name their voters" in r.err
    with pytest.raises(ValueError, match="name their voters"):
        Assessment.model_validate(doc)


# -- documents, show and reports ----------------------------------------------------------------


def test_a_pre_team_mode_export_round_trips_byte_for_byte(tmp_path: Path, cli: Cli) -> None:
    original = (DATA / "pre-team-export.json").read_text(encoding="utf-8")
    r = cli(
        "import", str(DATA / "pre-team-export.json"), "--questionnaire", str(DATA / "mini.yaml")
    )
    assert r.code == 0, r.err
    exported = json.loads(cli("export", "d4d4d4d4d4d4").out)
    # A user's questionnaire travels with the export (issue 10 item 15), as the last key;
    # everything before it is the original document byte for byte.
    assert exported.pop("questionnaire_snapshot")["id"] == "mini"
    assert json.dumps(exported, ensure_ascii=False, indent=2) + "\n" == original
    assert "anonymous" not in original


def test_show_lists_the_widest_disagreement(cli: Cli) -> None:
    assert (
        cli(
            "import", str(DATA / "pre-team-export.json"), "--questionnaire", str(DATA / "mini.yaml")
        ).code
        == 0
    )
    data = json.loads(cli("show", "d4d4", "--json").out)
    d = data["disagreement"]
    assert d["threshold"] == 2
    [q] = d["questions"]
    assert (q["question"], q["spread"], q["median"], q["discuss"], q["level"]) == (
        "alpha.one",
        3,
        3,
        True,
        3,
    )
    assert q["distribution"] == {"1": 0, "2": 1, "3": 1, "4": 0, "5": 1, "unsure": 0}
    alpha = next(x for x in d["dimensions"] if x["id"] == "alpha")
    assert (alpha["voted"], alpha["max_spread"], alpha["discuss"]) == (1, 3, 1)
    # the existing keys are all still there
    assert {
        "id",
        "team",
        "questionnaire",
        "overall",
        "dimensions",
        "dora",
        "recommendations",
    } <= set(data)
    text = cli("show", "d4d4").out
    assert "Disagreement" in text and "! alpha.one" in text and "spread 3" in text


def test_report_shows_votes_spread_and_the_widest_disagreement(cli: Cli, tmp_path: Path) -> None:
    cli("import", str(DATA / "pre-team-export.json"), "--questionnaire", str(DATA / "mini.yaml"))
    out = tmp_path / "r.html"
    assert cli("report", "d4d4", "-o", str(out)).code == 0
    html = out.read_text(encoding="utf-8")
    assert "Where the team disagreed" in html
    assert "Ana 2, Joon 5, Mina 3" in html
    assert "median 3, spread 3" in html
    assert "mean 3.0 · widest 3" in html  # the spread column next to the levels


def test_cli_new_anonymous_and_team_commands_refuse_bad_input(cli: Cli, tmp_path: Path) -> None:
    r = cli("new", "--team", "Web", "--questionnaire", str(DATA / "mini.yaml"), "--anonymous")
    assert r.code == 0
    aid = r.out.strip()
    assert json.loads(cli("export", aid).out)["anonymous"] is True
    bad = cli("join", "ffff")
    assert bad.code == 2 and "no assessment" in bad.err
    bad = cli("join", aid, "--as", "Mina")  # pytest has no terminal
    assert bad.code == 2 and "needs a terminal" in bad.err
    bad = cli("serve", "--port", "70000")
    assert bad.code == 2 and "port" in bad.err
    missing = cli("--store", str(tmp_path / "none.db"), "join")
    assert missing.code == 2 and "does not exist" in missing.err


# -- schema -------------------------------------------------------------------------------------


def test_shipped_migrations_are_never_edited() -> None:
    digests = [hashlib.sha256(m.encode()).hexdigest() for m in MIGRATIONS]
    assert digests[:3] == [
        "faae218b7426e8d42e76c475184b19464efd3a175f310456c172a132096bd91e",
        "56a2ea23974ea05cb06c15b07a30d129f430383a1246770cbbce04817a38ea29",
        "6690fb7f07196f63e8e6b8a28d79da4e10724c5ba4ae4298b75b4bb95ff7d91f",
    ]


def test_a_schema_2_store_is_migrated_in_place(store_path: Path) -> None:
    conn = store_at_schema(store_path, 2)
    conn.execute("INSERT INTO questionnaires VALUES ('mini', '1.0', ?)", (MINI.to_json(),))
    conn.execute(
        "INSERT INTO assessments (id, team, team_key, created, updated, questionnaire_id,"
        " questionnaire_version, language, status) VALUES ('e5e5e5e5e5e5', 'Old', 'old',"
        " '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z', 'mini', '1.0', 'en',"
        " 'in_progress')"
    )
    conn.execute(
        "INSERT INTO answers VALUES ('e5e5e5e5e5e5', 'alpha.one', 2, '', '{\"Ana\": 2}', NULL)"
    )
    conn.close()
    ws = Workspace(open_store(store_path))
    a = ws.get("e5e5")
    assert (a.anonymous, a.answers["alpha.one"].votes) == (False, {"Ana": 2})
    ws.cast_vote(a.id, Q2, "Ana", 4)
    assert ws.team_state(a.id, Q2).count == 1
    ws.store.close()
    with sqlite3.connect(store_path) as check:
        assert check.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


# -- concurrency --------------------------------------------------------------------------------


def test_many_voters_at_once_lose_no_vote(ws: Workspace, store_url: str) -> None:
    """Eight participants, each with their own connection, vote and change their votes on
    every question at the same moment; every final vote is there."""
    a = ws.create("Payments", MINI)
    qids = MINI.questionnaire.question_ids()
    start = threading.Barrier(8)
    errors: list[BaseException] = []

    def participant(n: int) -> None:
        mine = Workspace(open_store(store_url, create=False))
        try:
            start.wait()
            for i, qid in enumerate(qids):
                mine.cast_vote(a.id, qid, f"P{n}", 1 + (n + i) % 5)
                mine.cast_vote(a.id, qid, f"P{n}", 1 + (n * 3 + i) % 5)
        except BaseException as exc:
            errors.append(exc)
        finally:
            mine.store.close()

    threads = [threading.Thread(target=participant, args=(n,)) for n in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert errors == []
    for i, qid in enumerate(qids):
        votes = ws.reveal(a.id, qid).votes
        assert votes == {f"P{n}": 1 + (n * 3 + i) % 5 for n in range(8)}


def test_voter_repr_names_nobody() -> None:
    assert "Zelda" not in repr(Voter("Zelda", anonymous=True))
