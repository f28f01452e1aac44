"""Whoever writes keeps the quick read path's outputs current (issue 12 item 7, maturity.keep).

After a write made the way people make them (a command, a key press in the TUI, a team vote),
``maturity show ID --json``, ``trend`` and ``portfolio`` must be answered from the store (a
hit, no pydantic imported) with exactly what the command line prints; and nothing a writer
keeps may ever be served once something else changed the store.
"""

from __future__ import annotations

import ast
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CliResult
from test_fast import Run, served
from test_fast import normal as normal
from test_fast import writer as writer
from test_team_tui import MINI, Q1, Q2, facilitate, refresh
from textual.pilot import Pilot
from tui_support import press, reader, settle

from maturity import launch
from maturity.keep import Background, Keeper
from maturity.store import open_store
from maturity.tui.app import MaturityApp
from maturity.tui.participant import ParticipantApp, VoteScreen
from maturity.tui.screens.question import QuestionScreen
from maturity.workspace import Workspace

HEAVY = ("pydantic", "pydantic_core", "yaml", "argparse")
READS: list[tuple[str, ...]] = [
    ("trend", "--team", "Payments"),
    ("trend", "--team", "payments", "--json"),
    ("trend", "--team", "Cards"),
    ("portfolio",),
    ("portfolio", "--json", "--lang", "ko"),
    ("portfolio", "--sort", "alpha"),
]


def seed(store: Path) -> dict[str, str]:
    """Two teams with two assessments each (so both have a trend), written without keeping
    anything: ``{"first", "second", "cards"}`` ids."""
    ws = Workspace(open_store(store))
    try:
        first = ws.create("Payments", MINI)
        ws.answer(first.id, Q1, 2)
        second = ws.create_from(first.id)
        ws.create("Cards", MINI)
        cards = ws.create("Cards", MINI)
        ws.answer(cards.id, Q2, 4)
    finally:
        ws.store.close()
    return {"first": first.id, "second": second.id, "cards": cards.id}


def ask(store: Path, *args: str) -> str:
    """What someone reading sees: the launcher, whose miss keeps the output for next time."""
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert launch.main(["--store", str(store), *args]) == 0
    return out.getvalue()


def probe(store: Path, *args: str) -> tuple[str, list[str]]:
    """The console script in a fresh interpreter: its output, and what heavy modules it
    imported (none on a hit)."""
    code = (
        "import sys\n"
        "from maturity.launch import main\n"
        "code = main(sys.argv[1:])\n"
        f"heavy = sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r}"
        " or m in ('maturity.cli', 'maturity.workspace'))\n"
        "print(code, heavy, file=sys.stderr)\n"
    )
    r = subprocess.run(
        [sys.executable, "-c", code, "--store", str(store), *args],
        env=dict(os.environ),
        capture_output=True,
        text=True,
        check=True,
    )
    status, _, heavy = r.stderr.strip().partition(" ")
    assert status == "0", r.stderr
    return r.stdout, ast.literal_eval(heavy)  # the list of names the probe printed


def assert_kept(normal: Run, store: Path, *args: str) -> str:
    """``args`` is served (a hit) and is byte for byte what the command line prints now."""
    expected: CliResult = normal("--store", str(store), *args)
    assert expected.code == 0, expected.err
    assert served(store, "--store", str(store), *args) == expected.out, args
    return expected.out


# --- the command line ----------------------------------------------------------------------


def test_a_command_keeps_the_trends_and_portfolios_someone_asked_for(
    normal: Run, writer: Run, store_path: Path
) -> None:
    ids = seed(store_path)
    before = {args: ask(store_path, *args) for args in READS}
    r = writer("--store", str(store_path), "answer", ids["second"], Q1, "5")
    assert r.code == 0, r.err
    for args in READS:
        after = assert_kept(normal, store_path, *args)
        if "payments" in {a.lower() for a in args} or args[0] == "portfolio":
            assert after != before[args], args  # recomputed: Payments' answer moved
        else:
            assert after == before[args], args  # Cards' trend did not change
    assert_kept(normal, store_path, "show", ids["second"], "--json")
    # nobody asked for the show of 'first': a write does not keep what it did not change
    assert served(store_path, "--store", str(store_path), "show", ids["first"], "--json") is None


def test_a_trend_is_stamped_by_its_own_team(normal: Run, store_path: Path) -> None:
    """The command line that keeps nothing: the stamps alone say what is current."""
    ids = seed(store_path)
    for args in READS:
        ask(store_path, *args)
    s = ("--store", str(store_path))
    assert normal(*s, "answer", ids["second"], Q1, "5").code == 0
    assert served(store_path, *s, "trend", "--team", "Payments") is None
    assert served(store_path, *s, "portfolio") is None  # every team is in it
    assert served(store_path, *s, "trend", "--team", "Cards") == ask(
        store_path, "trend", "--team", "Cards"
    )
    # a Cards assessment deleted (not the newest: the highest revision stays) or moved away
    # changes its count; one moved in gets a new revision
    ws = Workspace(open_store(store_path))
    try:
        extra = ws.create("Cards", MINI)
        ask(store_path, "trend", "--team", "Cards")
        older = ws.store.ids_for_team("Cards")[0]
        assert older != extra.id
        ws.delete(older)
        assert served(store_path, *s, "trend", "--team", "Cards") is None
        ask(store_path, "trend", "--team", "Cards")
        ws.create("Search", MINI)
        ws.merge_teams("Search", "Cards")
        assert served(store_path, *s, "trend", "--team", "Cards") is None
    finally:
        ws.store.close()
    assert_same = ask(store_path, "trend", "--team", "Cards")
    assert assert_same == normal(*s, "trend", "--team", "Cards").out


def test_nothing_kept_is_served_after_a_raw_write_and_the_next_pass_recomputes(
    normal: Run, store_path: Path
) -> None:
    """The keeper reuses results by revision: a change it did not make (raw SQL, another
    version of the app) must make it compute them again, never reuse the old ones."""
    ids = seed(store_path)
    for args in READS:
        ask(store_path, *args)
    ws = Workspace(open_store(store_path))
    keeper = Keeper(str(store_path))
    try:
        ws.answer(ids["cards"], Q1, 1)
        kept = keeper.keep(ws)
        assert kept.shown == [ids["cards"]] and kept.trends == 1 and kept.portfolios == 3
        for args in READS:
            assert_kept(normal, store_path, *args)
        with sqlite3.connect(store_path) as conn:  # no app involved
            conn.execute(
                "UPDATE answers SET level = 5 WHERE assessment_id = ? AND question_id = ?",
                (ids["cards"], Q1),
            )
        conn.close()
        s = ("--store", str(store_path))
        assert served(store_path, *s, "trend", "--team", "Cards") is None
        assert served(store_path, *s, "portfolio") is None
        kept = keeper.keep(ws)
        assert kept.trends == 1 and kept.portfolios == 3
        for args in READS:
            assert_kept(normal, store_path, *args)  # level 5 now, as the command says
        assert keeper.keep(ws).portfolios == 0  # nothing changed since: nothing to do
    finally:
        ws.store.close()


def test_a_later_writer_rescores_only_the_team_that_changed(normal: Run, store_path: Path) -> None:
    """Portfolio rows are kept per assessment and revision, so a writer in another process
    (a command has no results in memory) rescores the team that changed, not every team."""
    ids = seed(store_path)
    for args in READS:
        ask(store_path, *args)
    ws = Workspace(open_store(store_path))
    try:
        keeper = Keeper(str(store_path))
        ws.answer(ids["cards"], Q1, 1)
        assert keeper.keep(ws).rows == 4  # 2 teams x 2 languages asked (none and ko)
    finally:
        ws.store.close()
    ws = Workspace(open_store(store_path))  # a new process: nothing in memory
    try:
        keeper = Keeper(str(store_path))
        ws.answer(ids["second"], Q1, 5)
        kept = keeper.keep(ws)
        assert kept.portfolios == 3 and kept.rows == 2  # Payments' row, in each language
        for args in READS:
            assert_kept(normal, store_path, *args)
        with sqlite3.connect(store_path) as conn:  # Cards' kept row is now out of date
            conn.execute(
                "UPDATE answers SET level = 5 WHERE assessment_id = ? AND question_id = ?",
                (ids["cards"], Q2),
            )
        conn.close()
        assert keeper.keep(ws).rows == 2
        for args in READS:
            assert_kept(normal, store_path, *args)
    finally:
        ws.store.close()


def test_postgresql_keeps_nothing_and_prints_the_same(normal: Run, store_url: str) -> None:
    ws = Workspace(open_store(store_url))
    try:
        a = ws.create("Payments", MINI)
        keeper = Background.attach(ws.store)
        if store_url.startswith("postgresql:"):
            assert keeper is None and ws.store.on_commit is None
            return
        assert keeper is not None
        ws.answer(a.id, Q1, 3)
        assert keeper.flush()
        keeper.close()
    finally:
        ws.store.close()
    assert served(Path(store_url), "show", a.id, "--json") == normal("show", a.id, "--json").out


# --- the TUI and a team vote ----------------------------------------------------------------


async def flush(pilot: Pilot[None]) -> None:
    """Let the app's writes and its keeper finish (the keeper waits for writes to pause)."""
    await settle(pilot)
    app = pilot.app
    assert isinstance(app, MaturityApp)
    keeper = app.gateway.keeper
    assert keeper is not None
    assert keeper.flush()


@pytest.mark.slow
@pytest.mark.asyncio
async def test_an_answer_in_the_tui_is_kept_and_served_without_pydantic(
    normal: Run, store_path: Path
) -> None:
    ids = seed(store_path)
    show = ("show", ids["second"], "--json")
    before = {args: ask(store_path, *args) for args in (show, *READS)}
    app = MaturityApp(store_path, lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.open_questions(ids["second"])
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
        await press(pilot, "5")  # Q1: 2 -> 5
        await flush(pilot)
        # kept while the app runs, not only when it closes
        kept = {args: served(store_path, *args) for args in (show, *READS)}
    for args in (show, *READS):
        out = assert_kept(normal, store_path, *args)
        assert kept[args] == out, args
        if args[0] == "portfolio" or "payments" in {a.lower() for a in args}:
            assert out != before[args], args
    for args in (show, ("trend", "--team", "Payments"), ("portfolio",)):
        printed, heavy = probe(store_path, *args)
        assert heavy == [], args  # a hit
        assert printed == normal("--store", str(store_path), *args).out


@pytest.mark.slow
@pytest.mark.asyncio
async def test_a_team_vote_is_kept_by_the_facilitators_app(normal: Run, store_path: Path) -> None:
    ids = seed(store_path)
    aid = ids["second"]
    show = ("show", aid, "--json")
    before = ask(store_path, *show)
    ask(store_path, "portfolio")
    fac = MaturityApp(store_path, lang="en")
    mina = ParticipantApp(store_path, assessment_id=aid, name="Mina", lang="en")
    async with fac.run_test(size=(100, 40)) as f, mina.run_test(size=(80, 30)) as m:
        await facilitate(f, aid)
        await refresh(m)
        assert isinstance(mina.screen, VoteScreen)
        await press(m, "4")
        await refresh(f)
        await press(f, "r")  # reveal
        await refresh(f)
        await press(f, "enter")  # record the median: 4
        await flush(f)
        await flush(m)
        kept = served(store_path, *show)
        kept_portfolio = served(store_path, "portfolio")
    answers = reader(store_path).get(aid).answers
    assert [q for q, a in answers.items() if a.votes == {"Mina": 4}] != []
    assert kept == assert_kept(normal, store_path, *show) != before
    assert kept_portfolio == assert_kept(normal, store_path, "portfolio")
    printed, heavy = probe(store_path, *show)
    assert heavy == [] and printed == kept


@pytest.mark.asyncio
async def test_the_app_keeps_what_is_due_when_it_closes(normal: Run, store_path: Path) -> None:
    ids = seed(store_path)
    app = MaturityApp(store_path, lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        keeper = app.gateway.keeper
        assert keeper is not None
        keeper.delay = 60.0  # never on its own during this test
        app.open_questions(ids["first"])
        await settle(pilot)
        await press(pilot, "3")
        assert served(store_path, "show", ids["first"], "--json") is None  # not yet
    assert keeper.last is not None and keeper.last.shown == [ids["first"]]
    assert_kept(normal, store_path, "show", ids["first"], "--json")
