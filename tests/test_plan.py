"""The plan: targets, the phased plan with projected levels, actions, follow-through, payoff,
and the tracker exports. Numbers are worked out by hand from tests/data/mini.yaml:

alpha (weight 1): alpha.one (w2), alpha.two (w1), alpha.three (w1)
beta  (weight 2): beta.one (w1), beta.two (w1)
practices: alpha.p3a (L3, alpha.one, M), alpha.p3b (L3, alpha.two, S), alpha.p4 (L4, alpha.three),
           beta.p3 (L3, beta.one), beta.p4 (L4, beta.two), beta.p5 (L5, beta.two)
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from conftest import DATA, CliResult, digest, is_pg, store_at_schema

from maturity import plan
from maturity import questionnaire as qmod
from maturity.errors import MaturityError, NotFoundError
from maturity.store import open_store
from maturity.workspace import Workspace

MINI = qmod.load_file(DATA / "mini.yaml")
ANSWERS = {"alpha.one": 2, "alpha.two": 1, "alpha.three": 3, "beta.one": 2, "beta.two": 3}
TODAY = date(2026, 1, 1)
FAR = "2099-06-30"  # the command line checks dates against the real today


@pytest.fixture
def ws(tmp_path: Path, store_url: str) -> Iterator[Workspace]:
    """The plan on both backends (SQLite: a file of its own, apart from the CLI's store)."""
    w = Workspace(open_store(store_url if is_pg(store_url) else tmp_path / "plan.db"))
    yield w
    w.store.close()


def answered(ws: Workspace, answers: dict[str, int] = ANSWERS, team: str = "Mini") -> str:
    a = ws.create(team, MINI)
    for qid, level in answers.items():
        ws.answer(a.id, qid, level)
    return a.id


# --- targets and the phased plan ---------------------------------------------------------------


def test_projected_scores_per_phase_by_hand(ws: Workspace) -> None:
    """alpha today (2*2 + 1 + 3)/4 = 2.00, beta (2 + 3)/2 = 2.50; targets alpha 4, beta 3.

    Gaps: alpha 2 (the widest: starts Now), beta 1 (starts Next). alpha's level-3 practices
    ranked weakest linked answer first: p3b (alpha.two is 1), then p3a (alpha.one is 2).
    Now   = p3b (alpha.two 1 -> 3): alpha (2*2 + 3 + 3)/4 = 2.50; beta 2.50;
            overall (2.50 + 2*2.50)/3 = 2.50 -> 2.
    Next  = + p3a (second-ranked: one phase later; alpha.one 2 -> 3), alpha.p4 (one level
            further; alpha.three 3 -> 4), beta.p3 (beta.one 2 -> 3): alpha (6 + 3 + 4)/4 = 3.25,
            beta 3.00 (reaches its target); overall (3.25 + 6)/3 = 3.08 -> 3 (cap 3 + 1).
    Later = nothing new: the same as Next.
    """
    aid = answered(ws)
    ws.set_targets(aid, {"alpha": 4, "beta": 3}, date(2026, 4, 1), today=TODAY)
    p = ws.plan(aid, today=TODAY)
    assert not p.suggested
    assert [(g.dimension, g.level, g.score, g.target, g.levels) for g in p.targets] == [
        ("alpha", 2, 2.0, 4, 2),
        ("beta", 2, 2.5, 3, 1),
    ]
    now, nxt, later = p.phases
    assert [x.id for x in now.practices] == ["alpha.p3b"]
    assert [x.id for x in nxt.practices] == ["alpha.p3a", "alpha.p4", "beta.p3"]
    assert later.practices == []
    proj = {ph.name: {x.dimension: (x.score, x.level, x.reaches_target) for x in ph.projected}
            for ph in p.phases}  # fmt: skip
    assert proj["now"] == {"alpha": (2.5, 2, False), "beta": (2.5, 2, False)}
    assert proj["next"] == {"alpha": (3.25, 3, False), "beta": (3.0, 3, True)}
    assert proj["later"] == proj["next"]
    assert (now.overall_score, now.overall_level) == (2.5, 2)
    assert (nxt.overall_score, nxt.overall_level) == (3.0833, 3)
    # 90 days to the target, in thirds
    assert [ph.ends for ph in p.phases] == ["2026-01-31", "2026-03-02", "2026-04-01"]


def test_projection_never_lowers_and_leaves_unsure_alone() -> None:
    practices = [p for p in MINI.practices if p.id in ("alpha.p3a", "beta.p3")]
    raised = plan.raise_answers({"alpha.one": 4, "beta.one": None}, practices)
    assert raised == {"alpha.one": 4, "beta.one": None}


def test_suggested_targets_one_above_the_weakest(ws: Workspace) -> None:
    aid = answered(ws, {**ANSWERS, "beta.one": 4, "beta.two": 4})  # beta 4.0, alpha 2.0
    p = ws.plan(aid, today=TODAY)
    assert p.suggested
    assert [(g.dimension, g.target) for g in p.targets] == [("alpha", 3)]
    assert p.targets[0].by == "2026-07-01"


@pytest.mark.parametrize(
    ("levels", "by", "message"),
    [
        ({"alpha": 1}, date(2026, 2, 1), "alpha: target level 1 is below today's level 2"),
        ({"alpha": 6}, date(2026, 2, 1), "alpha: target level must be 1-5, got 6"),
        ({"gamma": 3}, date(2026, 2, 1), "unknown dimension 'gamma'; known: alpha, beta"),
        ({"alpha": 3}, date(2025, 12, 31), "target date 2025-12-31 is in the past"),
    ],
)
def test_bad_targets_refused_and_nothing_saved(
    ws: Workspace, levels: dict[str, int], by: date, message: str
) -> None:
    aid = answered(ws)
    with pytest.raises(MaturityError, match=message.replace("(", r"\(").replace(")", r"\)")):
        ws.set_targets(aid, levels, by, today=TODAY)
    assert ws.get(aid).targets == []


# --- actions -----------------------------------------------------------------------------------


def test_action_from_practice_uses_its_title_and_overdue_is_derived(ws: Workspace) -> None:
    aid = answered(ws)
    act = ws.add_action(aid, None, practice="alpha.p3b", owner="  Mina ", due=date(2026, 2, 1),
                        today=TODAY)  # fmt: skip
    assert act.title == "Alpha to 3 via two"
    assert act.owner == "Mina"
    [v] = ws.action_views(aid, today=date(2026, 2, 1))
    assert not v.overdue and v.dimension == "alpha"
    [v] = ws.action_views(aid, today=date(2026, 2, 2))
    assert v.overdue
    ws.update_action(act.id, status="done", today=date(2026, 2, 2))
    [v] = ws.action_views(aid, today=date(2026, 3, 1))
    assert not v.overdue and v.status == "done" and v.done_at is not None


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"practice": "alpha.nope"}, "unknown practice 'alpha.nope'"),
        ({"owner": "Mi\x1bna"}, "owner must not contain control characters"),
        ({"due": date(2025, 1, 1)}, "due date 2025-01-01 is in the past"),
    ],
)
def test_bad_actions_refused(ws: Workspace, kwargs: dict[str, object], message: str) -> None:
    aid = answered(ws)
    with pytest.raises(MaturityError, match=message):
        ws.add_action(aid, "Do it", today=TODAY, **kwargs)  # type: ignore[arg-type]
    assert ws.get(aid).actions == []


def test_drop_needs_a_reason_and_complete_assessment_refuses_changes(ws: Workspace) -> None:
    aid = answered(ws)
    act = ws.add_action(aid, "Try WIP limits", today=TODAY)
    with pytest.raises(MaturityError, match="needs a reason"):
        ws.update_action(act.id, status="dropped", today=TODAY)
    ws.complete(aid)
    with pytest.raises(MaturityError, match="is complete"):
        ws.update_action(act.id, status="done", today=TODAY)
    with pytest.raises(MaturityError, match="is complete"):
        ws.add_action(aid, "More", today=TODAY)
    assert [a.status for a in ws.get(aid).actions] == ["todo"]


# --- follow-through ----------------------------------------------------------------------------


def test_carry_over_across_two_generations(ws: Workspace) -> None:
    a = answered(ws)
    one = ws.add_action(a, "One", owner="Ana", today=TODAY)
    two = ws.add_action(a, "Two", today=TODAY)
    three = ws.add_action(a, "Three", today=TODAY)
    ws.set_targets(a, {"alpha": 3}, date(2099, 1, 1), today=TODAY)
    ws.complete(a)
    b = ws.create_from(a, decisions={one.id: "done", three.id: "drop"}, drop_reason="no time")
    old = {x.title: x for x in ws.get(a).actions}
    assert old["One"].status == "done" and old["One"].done_at is not None
    assert old["Three"].status == "dropped" and old["Three"].reason == "no time"
    [carried] = b.actions
    assert (carried.title, carried.owner, carried.carried_from) == ("Two", None, two.id)
    assert old["Two"].carried_to == carried.id and not old["Two"].is_open
    assert [t.dimension for t in b.targets] == ["alpha"]  # targets still ahead come along
    # second generation: the carried copy is still open and carries on again
    c = ws.create_from(b.id)
    [again] = c.actions
    assert again.carried_from == carried.id and again.title == "Two"
    assert ws.get(b.id).actions[0].carried_to == again.id
    # counted once, where each ended: One done, Three dropped, Two still open in C
    [share] = ws.done_share("Mini")
    assert (share.done, share.total) == (1, 3)


def test_review_refuses_an_unknown_action_and_creates_nothing(ws: Workspace) -> None:
    a = answered(ws)
    ws.add_action(a, "One", today=TODAY)
    with pytest.raises(MaturityError, match="not an open action"):
        ws.create_from(a, decisions={"deadbeef": "done"})
    assert len(ws.list()) == 1


# --- did it pay off ----------------------------------------------------------------------------


def test_compare_payoff_on_a_hand_built_pair(ws: Workspace) -> None:
    """A: alpha.two 1 (alpha 2.00, level 2); the team adopts alpha.p3b and does it.
    B: alpha.two 3: alpha (2*2 + 3 + 3)/4 = 2.50, still level 2."""
    a = answered(ws)
    act = ws.add_action(a, None, practice="alpha.p3b", today=TODAY)
    own = ws.add_action(a, "Our own idea", today=TODAY)
    ws.add_action(a, "Not done", today=TODAY)
    ws.update_action(act.id, status="done", today=TODAY)
    ws.update_action(own.id, status="done", today=TODAY)
    b = ws.create_from(a)
    ws.answer(b.id, "alpha.two", 3)
    c = ws.compare(a, b.id)
    assert [p.action for p in c.payoff] == [act.id, own.id]
    first, second = c.payoff
    assert first.dimension == "alpha"
    assert [(x.question, x.before, x.after) for x in first.answers] == [("alpha.two", 1, 3)]
    assert (first.score_before, first.score_after) == (2.0, 2.5)
    assert (first.level_before, first.level_after) == (2, 2)
    assert second.practice is None and second.answers == [] and second.dimension is None


# --- interchange -------------------------------------------------------------------------------


def test_actions_survive_export_import_and_a_store_copy(ws: Workspace, tmp_path: Path) -> None:
    from maturity import interchange

    a = answered(ws)
    ws.set_targets(a, {"alpha": 3}, date(2099, 1, 1), today=TODAY)
    act = ws.add_action(a, "Ship it", owner="정민", due=date(2099, 2, 1), today=TODAY)
    ws.update_action(act.id, status="dropped", reason="replaced", notes="see ADR-7", today=TODAY)
    ws.add_action(a, None, practice="beta.p3", today=TODAY)
    bundle = json.loads(interchange.export_bundle(ws))
    other = Workspace(open_store(tmp_path / "other.db", create=True))
    try:
        interchange.import_bundle(other, bundle, "bundle.json")
        assert other.get(a).actions == ws.get(a).actions
        assert other.get(a).targets == ws.get(a).targets
        again = interchange.import_bundle(other, bundle, "bundle.json")
        assert [o.action for o in again] == ["unchanged"]
    finally:
        other.store.close()
    # a store copy moves whole documents (get, then replace) and so carries the plan too
    copy = open_store(tmp_path / "copy.db", create=True)
    try:
        doc = ws.get(a)
        from maturity.workspace import progress_of

        copy.replace(doc, MINI.to_json(), progress_of(doc, MINI))
        assert copy.get(a).actions == doc.actions and copy.get(a).targets == doc.targets
    finally:
        copy.close()


def test_documents_without_a_plan_export_as_before(ws: Workspace) -> None:
    a = answered(ws)
    text = ws.export(a)
    assert '"targets"' not in text and '"actions"' not in text


# --- tracker exports ---------------------------------------------------------------------------


def test_jira_csv_parsed_back_column_by_column(ws: Workspace) -> None:
    a = answered(ws)
    ws.add_action(a, None, practice="alpha.p3b", owner="Mina", due=date(2099, 2, 1), today=TODAY)
    ws.add_action(a, '=HYPERLINK("http://x","y")', owner="@jun", notes="line1\nline2",
                  today=TODAY)  # fmt: skip
    rows = ws.action_views(a)
    text = plan.jira_csv(rows, MINI.practices)
    parsed = list(csv.reader(io.StringIO(text, newline="")))
    assert parsed[0] == ["Summary", "Description", "Assignee", "Due date", "Labels"]
    first, second = parsed[1], parsed[2]
    assert first[0] == "Alpha to 3 via two"
    assert "Practice: Alpha to 3 via two (alpha.p3b)" in first[1]
    assert first[2:] == ["Mina", "2099-02-01", "maturity maturity-alpha"]
    assert second[0] == '\'=HYPERLINK("http://x","y")'  # a formula stays text
    assert second[1].endswith("line1\nline2")
    assert second[2:] == ["'@jun", "", "maturity"]
    assert len(parsed) == 3


def test_markdown_checklist_marks_done_dropped_and_overdue(ws: Workspace) -> None:
    a = answered(ws)
    x = ws.add_action(a, "Done one", today=TODAY)
    y = ws.add_action(a, "Dropped *one*", today=TODAY)
    ws.add_action(a, "Late", due=date(2026, 1, 2), today=TODAY)
    ws.update_action(x.id, status="done", today=TODAY)
    ws.update_action(y.id, status="dropped", reason="moot", today=TODAY)
    md = plan.actions_markdown(ws.action_views(a, today=date(2026, 2, 1)), "Actions")
    lines = md.splitlines()
    assert lines[2].startswith("- [x] Done one")
    assert lines[3].startswith(r"- [ ] ~~Dropped \*one\*~~ (dropped: moot)")
    assert "due 2026-01-02, **OVERDUE**" in lines[4]


# --- the command line --------------------------------------------------------------------------


def _new(cli: Callable[..., CliResult]) -> str:
    r = cli("new", "--team", "Mini", "--questionnaire", str(DATA / "mini.yaml"))
    assert r.code == 0, r.err
    aid = r.out.strip()
    for qid, level in ANSWERS.items():
        assert cli("answer", aid, qid, str(level)).code == 0
    return aid


def test_cli_target_action_and_show(cli: Callable[..., CliResult]) -> None:
    aid = _new(cli)
    r = cli("target", aid, "alpha=4", "beta=3", "--by", FAR)
    assert r.code == 0, r.err
    assert "alpha          today 2 (2.00) -> target 4 by 2099-06-30  2 levels to go" in r.out
    r = cli("action", "add", aid, "--practice", "alpha.p3b", "--owner", "Mina", "--due", FAR)
    assert r.code == 0 and r.out.startswith("added ")
    action_id = r.out.split()[1]
    r = cli("show", aid, "--json")
    data = json.loads(r.out)
    assert [(t["dimension"], t["target"]) for t in data["targets"]] == [("alpha", 4), ("beta", 3)]
    assert data["actions"][0]["id"] == action_id and data["actions"][0]["owner"] == "Mina"
    r = cli("action", "done", action_id[:5])
    assert r.code == 0 and "done" in r.out
    r = cli("actions", aid, "--open", "--json")
    assert json.loads(r.out) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["target", "{id}", "alpha=1", "--by", FAR],
            "alpha: target level 1 is below today's level 2",
        ),
        (["target", "{id}", "alpha=6", "--by", FAR], "alpha: target level must be 1-5, got 6"),
        (["target", "{id}", "gamma=3", "--by", FAR], "unknown dimension 'gamma'"),
        (
            ["target", "{id}", "alpha=3", "--by", "2001-01-01"],
            "target date 2001-01-01 is in the past",
        ),
        (["action", "add", "{id}", "X", "--practice", "nope"], "unknown practice 'nope'"),
        (["action", "add", "{id}", "X", "--owner", "a\x07b"], "owner must not contain control"),
        (["action", "add", "{id}", "X", "--due", "tomorrow"], "--due must be a date YYYY-MM-DD"),
    ],
)
def test_cli_bad_input_one_line_exit_2_nothing_changed(
    cli: Callable[..., CliResult], store_path: Path, args: list[str], message: str
) -> None:
    aid = _new(cli)
    before = digest(store_path)
    r = cli(*[a.replace("{id}", aid) for a in args])
    assert r.code == 2
    assert r.err.count("\n") == 1 and r.err.startswith("error: ") and message in r.err
    assert digest(store_path) == before


def test_cli_action_on_a_complete_assessment_refused(
    cli: Callable[..., CliResult], store_path: Path
) -> None:
    aid = _new(cli)
    action_id = cli("action", "add", aid, "Keep").out.split()[1]
    assert cli("complete", aid).code == 0
    before = digest(store_path)
    for args in (("action", "add", aid, "More"), ("action", "done", action_id),
                 ("action", "set", action_id, "--owner", "Ana")):  # fmt: skip
        r = cli(*args)
        assert r.code == 2 and "is complete" in r.err and r.err.count("\n") == 1
    assert digest(store_path) == before


def test_cli_new_from_carries_by_default_and_says_so(cli: Callable[..., CliResult]) -> None:
    a = _new(cli)
    keep = cli("action", "add", a, "Keep going", "--owner", "Ana").out.split()[1]
    done = cli("action", "add", a, "Finished").out.split()[1]
    r = cli("new", "--from", a, "--done", done[:6])
    assert r.code == 0, r.err
    b = r.out.strip()
    assert "carried over as" in r.err and "Keep going" in r.err and "done" in r.err
    views = json.loads(cli("actions", b, "--json").out)
    assert [(v["title"], v["carried_from"]) for v in views] == [("Keep going", keep)]
    r = cli("actions", "--team", "mini", "--format", "md")
    assert "- [x] Finished" in r.out and "Keep going" in r.out


def test_actions_output_follows_the_one_o_rule(
    cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    """``-o -`` is standard output (not a file named "-"); ``-o FILE`` writes it and says so,
    exactly like ``export``."""
    a = _new(cli)
    cli("action", "add", a, "Trunk-based development", "--owner", "Ana")
    r = cli("actions", a, "--format", "md", "-o", "-")
    assert r.code == 0 and "Trunk-based development" in r.out and "wrote" not in r.err
    assert not Path("-").exists()
    target = tmp_path / "actions.md"
    r = cli("actions", a, "--format", "md", "-o", str(target))
    assert r.code == 0 and r.out == "" and f"wrote {target}" in r.err
    assert "Trunk-based development" in target.read_text(encoding="utf-8")


def test_actions_csv_has_every_field_and_neutralises(ws: Workspace) -> None:
    a = answered(ws)
    act = ws.add_action(a, "-1 bugs", owner="+Ana", due=date(2026, 1, 5), today=TODAY)
    [row] = list(
        csv.DictReader(io.StringIO(plan.actions_csv(ws.action_views(a, today=date(2026, 2, 1)))))
    )
    assert row["action_id"] == act.id and row["assessment_id"] == a
    assert (row["title"], row["owner"]) == ("'-1 bugs", "'+Ana")
    assert (row["due"], row["status"], row["overdue"]) == ("2026-01-05", "todo", "true")


def test_report_plan_section_in_html_escapes_and_marks_overdue(
    ws: Workspace, tmp_path: Path
) -> None:
    from maturity import report

    a = answered(ws)
    ws.set_targets(a, {"alpha": 4, "beta": 3}, date(2099, 6, 30))
    ws.add_action(a, "<script>alert(1)</script>", owner="<b>Mina</b>", due=date(2099, 1, 5))
    out = report.export(ws, a, "html", tmp_path / "r.html", "en")
    html = out.read_text(encoding="utf-8")
    section = html[html.index('id="plan"') :]
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in section
    assert "&lt;b&gt;Mina&lt;/b&gt;" in section
    assert "Alpha to 3 via two" in section and "Alpha 2 (2.50)" in section  # Now projected
    assert "Alpha 3 (3.25)" in section and "Beta 3 (3.00) · reaches the target" in section
    # the report's today is its generation date: a later one makes the action overdue
    from maturity import scoring
    from maturity.report.view_plan import build_plan_view

    doc = ws.get(a)
    dims = scoring.score(MINI.questionnaire, doc.levels()).dimensions
    for day, status in ((date(2099, 1, 5), "to do"), (date(2099, 1, 6), "to do · overdue")):
        view = build_plan_view(doc, MINI.questionnaire, MINI.practices, dims, "en", day)
        assert [(x.status, x.overdue) for x in view.actions] == [(status, "overdue" in status)]


def test_a_schema_3_store_migrates_to_the_plan_tables(tmp_path: Path) -> None:
    """Migration 6 only creates tables, so a round-1 store (schema 3) opens, keeps its data and
    takes targets and actions (4 and 5 are placeholders here, folded in at merge)."""
    import sqlite3

    from maturity.store.migrations import SCHEMA_VERSION

    path = tmp_path / "old.db"
    conn = store_at_schema(path, 3)
    conn.execute("INSERT INTO questionnaires VALUES ('mini', '1.0', ?)", (MINI.to_json(),))
    conn.execute(
        "INSERT INTO assessments (id, team, team_key, created, updated, questionnaire_id,"
        " questionnaire_version, language, status) VALUES ('e5e5e5e5e5e5', 'Old', 'old',"
        " '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z', 'mini', '1.0', 'en',"
        " 'in_progress')"
    )
    conn.execute("INSERT INTO answers VALUES ('e5e5e5e5e5e5', 'alpha.one', 2, '', '{}', NULL)")
    conn.close()
    ws = Workspace(open_store(path))
    try:
        assert ws.get("e5e5").answers["alpha.one"].level == 2
        ws.add_action("e5e5", "After the upgrade", today=TODAY)
        assert [x.title for x in ws.get("e5e5").actions] == ["After the upgrade"]
    finally:
        ws.store.close()
    with sqlite3.connect(path) as check:
        assert check.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        tables = {r[0] for r in check.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert {"targets", "actions"} <= tables


def test_import_refuses_an_action_owner_with_control_characters(
    cli: Callable[..., CliResult], ws: Workspace, tmp_path: Path, store_path: Path
) -> None:
    a = answered(ws)
    ws.add_action(a, "Fine", owner="Ana", today=TODAY)
    doc = json.loads(ws.export(a))
    doc["actions"][0]["owner"] = "An\x1b[31ma"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    r = cli("import", "--questionnaire", str(DATA / "mini.yaml"), str(bad))
    assert r.code == 2
    assert r.err == "error: bad.json: actions[0].owner: must not contain control characters\n"
    assert not store_path.exists()  # the store the command would have created is not left behind


def test_cli_shows_hostile_titles_and_owners_as_text(cli: Callable[..., CliResult]) -> None:
    aid = _new(cli)
    assert cli("action", "add", aid, "evil\u202etxt.exe", "--owner", "[red]x[/]").code == 0
    out = cli("actions", aid).out
    assert "evil\\u202etxt.exe" in out and "\u202e" not in out and "[red]x[/]" in out


def test_a_whole_action_id_addresses_itself_even_when_it_prefixes_another(ws: Workspace) -> None:
    """The rule for every id a person types (as for assessment ids): a whole id is never
    "ambiguous" because a longer id starts with it; a shorter prefix of both is."""
    a = answered(ws)
    first = ws.add_action(a, "Short id", today=TODAY)
    second = ws.add_action(a, "Long id", today=TODAY)
    short, long_ = "abcdef01", "abcdef0123"
    ws.store.put_actions(
        [
            (a, first.model_copy(update={"id": short})),
            (a, second.model_copy(update={"id": long_})),
        ]
    )
    assert ws.store.find_action(short) == (a, short)
    assert ws.store.find_action(long_[:9]) == (a, long_)
    with pytest.raises(NotFoundError, match="ambiguous"):
        ws.store.find_action("abcdef0")


def test_a_target_is_never_reached_by_a_dimension_without_a_level(tmp_path: Path) -> None:
    """One automation answer of 4 gives a score of 4.00 but no level (too few answers): a
    target of 4 is "unknown" in the core, and the CLI text says so instead of "reached"."""
    from maturity.cli.textout import plan_targets
    from maturity.model.plan import Target

    ws = Workspace(open_store(tmp_path / "s.db"))
    loaded = qmod.builtin("quick")
    a = ws.create("T", loaded)
    auto = next(d for d in loaded.questionnaire.dimensions if d.id == "automation")
    assert len(auto.questions) >= 2  # one answer cannot reach the coverage a level needs
    ws.answer(a.id, auto.questions[0].id, 4)
    dims = ws.results(a.id).dimensions
    got = next(d for d in dims if d.id == "automation")
    assert (got.score, got.level) == (4.0, None)
    by = date(2030, 1, 1)
    [unknown] = plan.gaps(dims, [Target(dimension="automation", level=4, by=by)])
    assert (unknown.status, unknown.levels) == ("unknown", 0)
    [to_go] = plan.gaps(dims, [Target(dimension="automation", level=5, by=by)])
    assert (to_go.status, to_go.levels) == ("to_go", 1)
    ws.answer(a.id, auto.questions[1].id, 4)
    dims = ws.results(a.id).dimensions
    [reached] = plan.gaps(dims, [Target(dimension="automation", level=4, by=by)])
    assert reached.status == "reached"
    b = ws.create("T", loaded)
    ws.answer(b.id, auto.questions[0].id, 4)
    ws.set_targets(b.id, {"automation": 4}, by, today=date(2026, 1, 1))
    text = plan_targets(ws.plan(b.id, today=date(2026, 1, 1)))
    assert "not enough answers to tell" in text and "reached" not in text
    ws.store.close()
