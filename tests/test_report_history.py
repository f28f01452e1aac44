"""Comparison, trend and portfolio reports read back: PDF through pypdf, HTML through html.parser.

The store holds the hand-computed history of ``test_history.py`` (four assessments of one team
over two questionnaire versions, tests/data/mini.yaml and mini-v2.yaml), a second team last
assessed long ago and a team with a single assessment. Every number the tests look for is
worked out by hand in the comments from those answers, not read from a rendered report.

mini: alpha (weight 1) = alpha.one (weight 2), alpha.two, alpha.three (v1 only);
      beta (weight 2) = beta.one, beta.two, beta.three (v2 only).
overall = (alpha + 2 * beta) / 3, level rounded down and capped at the weakest level + 1.
"""

from __future__ import annotations

import io
import itertools
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from xml.etree import ElementTree

import pytest
from conftest import DATA, CliResult, built_once
from pypdf import PdfReader
from pypdf.generic import Destination, DictionaryObject
from report_support import EXTERNAL, parse, pdf_text, squash

from maturity import questionnaire as qmod
from maturity.errors import MaturityError
from maturity.model.assessment import Answer, Assessment, DoraInputs, QuestionnaireRef
from maturity.report import charts_history, export_compare, export_portfolio, export_trend
from maturity.report.export_history import prepare_compare, render_history_html
from maturity.report.pdf import make_fetcher, render_pdf
from maturity.report.shared import fmt_date
from maturity.report.strings_history import EN, KO, history_strings
from maturity.report.strings_plan import plan_strings
from maturity.safetext import ZERO_WIDTH_SPACE as ZWSP
from maturity.store import open_store
from maturity.workspace import Workspace

V1 = qmod.load_file(DATA / "mini.yaml")
V2 = qmod.load_file(DATA / "mini-v2.yaml")
NOW = datetime(2026, 11, 27, tzinfo=UTC)
HANGUL = re.compile(r"[\uac00-\ud7a3]")
Cli = Callable[..., CliResult]

TEAMS = {
    "en": {"main": "Payments", "old": "Search", "solo": "Solo"},
    "ko": {"main": "결제 플랫폼", "old": "검색", "solo": "단독 팀"},
}
NOTES = {
    "en": ("pairing on every incident", "now owned by the platform team"),
    "ko": ("사고마다 짝으로 일한다", "이제 플랫폼 팀이 맡는다"),
}

Spec = int | None | tuple[int | None, str]


def doc(
    aid: str,
    when: str,
    q: qmod.LoadedQuestionnaire,
    answers: dict[str, Spec],
    team: str,
    dora: dict[str, str] | None = None,
    lang: str = "en",
) -> Assessment:
    """An assessment; an answer is a level or (level, note)."""
    t = datetime.fromisoformat(when).replace(tzinfo=UTC)
    built = {}
    for qid, spec in answers.items():
        level, note = spec if isinstance(spec, tuple) else (spec, "")
        built[qid] = Answer(level=level, note=note, updated=t)
    return Assessment(
        id=aid,
        team=team,
        created=t,
        updated=t,
        facilitator="Mina Park",
        questionnaire=QuestionnaireRef(id=q.id, version=q.version),
        language=lang,
        answers=built,
        dora=DoraInputs(**(dora or {})),
    )


def history(lang: str) -> list[tuple[Assessment, qmod.LoadedQuestionnaire]]:
    names, notes = TEAMS[lang], NOTES[lang]
    main = names["main"]
    return [
        (doc("a1a1a1a1", "2026-01-10T09:00:00", V1,
             {"alpha.one": 1, "alpha.two": 2, "alpha.three": 1, "beta.one": 2, "beta.two": 2},
             main, lang=lang), V1),
        (doc("a2a2a2a2", "2026-04-10T09:00:00", V1,
             {"alpha.one": 2, "alpha.two": 2, "alpha.three": 2, "beta.one": 3, "beta.two": 3},
             main, {"deployment_frequency": "monthly", "lead_time": "3w",
                    "change_failure_rate": "30%", "time_to_restore": "2d"}, lang), V1),
        (doc("a3a3a3a3", "2026-07-10T09:00:00", V2,
             {"alpha.one": (3, notes[0]), "alpha.two": 3, "beta.one": (3, notes[1]),
              "beta.two": 4, "beta.three": 5},
             main, {"deployment_frequency": "3/day", "lead_time": "2d",
                    "change_failure_rate": "8%", "time_to_restore": "3h"}, lang), V2),
        (doc("a4a4a4a4", "2026-10-10T09:00:00", V2,
             {"alpha.one": 4, "alpha.two": 3, "beta.one": 4, "beta.two": 4, "beta.three": 4},
             main, lang=lang), V2),
        (doc("b1b1b1b1", "2026-02-01T09:00:00", V1,
             {"alpha.one": 5, "alpha.two": 5, "alpha.three": 5, "beta.one": 1, "beta.two": 2},
             names["old"], lang=lang), V1),
        (doc("c1c1c1c1", "2026-09-01T09:00:00", V2, {"alpha.one": 3}, names["solo"], lang=lang),
         V2),
    ]  # fmt: skip


def fill(ws: Workspace, lang: str) -> None:
    for a, q in history(lang):
        ws.import_document(a, q)


@dataclass
class Rendered:
    lang: str
    folder: Path

    def pdf(self, kind: str) -> PdfReader:
        return PdfReader(self.folder / f"{kind}.pdf")

    def pdf_text(self, kind: str) -> str:
        """Extracted once per session, with the render (pypdf is slow)."""
        return (self.folder / f"{kind}.txt").read_text(encoding="utf-8")

    def html(self, kind: str) -> str:
        return (self.folder / f"{kind}.html").read_text(encoding="utf-8")

    @property
    def t(self) -> dict[str, str]:
        return history_strings(self.lang)

    @property
    def team(self) -> str:
        return TEAMS[self.lang]["main"]


@pytest.fixture(scope="module", params=["en", "ko"])
def rendered(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    """The three kinds rendered once per session in each language (the first xdist worker to
    ask renders them; the files are only read afterwards)."""
    lang: str = request.param

    def build(folder: Path) -> None:
        ws = Workspace(open_store(folder / "store.db", create=True))
        fill(ws, lang)
        for fmt in ("pdf", "html"):
            export_compare(ws, "a2a2", "a3a3", fmt, folder / f"compare.{fmt}", lang)
            team = f"  {TEAMS[lang]['main'].upper()} "
            export_trend(ws, team, fmt, folder / f"trend.{fmt}", lang)
            export_portfolio(ws, fmt, folder / f"portfolio.{fmt}", lang, at=NOW)
        ws.store.close()
        for kind in KINDS:
            (folder / f"{kind}.txt").write_text(pdf_text(folder / f"{kind}.pdf"), encoding="utf-8")

    return Rendered(lang, built_once(tmp_path_factory, f"history-{lang}", build))


KINDS = ("compare", "trend", "portfolio")

# --- what each report must say, worked out by hand ---------------------------------------------

# compare a2 -> a3:
#   alpha a2 (2*2 + 2 + 2) / 4 = 2.00 -> a3 (2*3 + 3) / 3 = 3.00: +1.00, level 2 -> 3
#   beta  a2 (3 + 3) / 2 = 3.00       -> a3 (3 + 4 + 5) / 3 = 4.00: +1.00, level 3 -> 4
#   overall a2 (2 + 2*3) / 3 = 2.67 (level 2) -> a3 (3 + 2*4) / 3 = 3.67 (level 3): +1.00
COMPARE_NUMBERS = ("2.00→3.00", "3.00→4.00", "2.67→3.67", "+1.00", "2→3", "3→4")
# answers changed: alpha.one 2 -> 3 (and a note), alpha.two 2 -> 3, beta.one note only,
# beta.two 3 -> 4; alpha.three only in v1, beta.three only in v2
CHANGED = ("alpha.one", "alpha.two", "beta.one", "beta.two")
ONLY = ("alpha.three", "beta.three")
# DORA: a2 monthly/3w/30%/2d -> medium; a3 3/day/2d/8%/3h -> high; deploys medium -> elite
# done (in a2's roadmap; a3's alpha level 3 and beta level 4 reach them): by their titles
DONE = ("Alpha to 3 via one", "Alpha to 3 via two", "Beta to 4")

# trend of the main team, oldest first:
#   alpha 1.25 ((2*1 + 2 + 1) / 4), 2.00, 3.00, 3.67 ((2*4 + 3) / 3)
#   beta  2.00, 3.00, 4.00, 4.00
#   overall 1.75 (level 1), 2.67 (2), 3.67 (3), 3.89 ((3.6667 + 8) / 3, level 3)
#   since the first: alpha +2.42, beta +2.00, overall +2.14; DORA –, Medium, High, –
TREND_NUMBERS = ("1.25", "3.67", "3.89", "1.75", "+2.42", "+2.00", "+2.14", "1.75→3.89")

# portfolio at 2026-11-27: main team latest a4 (alpha 3.67 level 3, beta 4.00 level 4,
# overall level 3); the old team b1 (2026-02-01, over 182 days: stale): alpha 5.00 level 5,
# beta (1 + 2) / 2 = 1.50 level 1, overall (5 + 3) / 3 = 2.67 capped at 1 + 1 = 2;
# solo c1: alpha 3.00 (alpha.one only: coverage 2/3), beta unanswered.
# means: alpha (3.67 + 5 + 3) / 3 = 3.89, beta (4 + 1.5) / 2 = 2.75 -> beta is the weakest.
PORTFOLIO_NUMBERS = ("3.89", "2.75", "1.50", "5.00")


def test_the_core_agrees_with_the_hand_computation(tmp_path: Path) -> None:
    """Guard for the figures above: if the scoring changes, fix them here first."""
    ws = Workspace(open_store(tmp_path / "s.db", create=True))
    fill(ws, "en")
    c = ws.compare("a2a2", "a3a3")
    assert [(x.question) for x in c.changed] == list(CHANGED)
    assert (c.only_in_a, c.only_in_b) == (["alpha.three"], ["beta.three"])
    p = ws.portfolio(at=NOW)
    assert p.dimension_means == pytest.approx({"alpha": 3.8889, "beta": 2.75}, abs=1e-3)
    assert p.weakest_dimension == "beta"
    assert [r.stale for r in p.rows] == [False, True, False]  # Payments, Search, Solo
    ws.store.close()


# --- PDF -----------------------------------------------------------------------------------------


def test_compare_pdf_has_deltas_changes_and_unmatched_questions(rendered: Rendered) -> None:
    text = squash(rendered.pdf_text("compare"))
    t = rendered.t
    for needle in (rendered.team, "Alpha", "Beta", *COMPARE_NUMBERS, *CHANGED, *ONLY, *DONE):
        assert squash(needle) in text, needle
    # the answer texts themselves, old and new, and the notes
    for needle in ("does a little", "does it by hand", *NOTES[rendered.lang]):
        assert squash(needle) in text, needle
    for needle in (t["cmp_changed"], t["cmp_unmatched"], t["tier_medium"], t["tier_high"]):
        assert squash(needle) in text, needle
    assert squash(f"{t['tier_medium']} → {t['tier_high']}") in text  # the overall DORA tier
    assert squash(t["cmp_gain_sentence"].format(title="Alpha, Beta", delta="+1.00")) in text
    assert squash(f"{t['tier_medium']} → {t['tier_elite']}") not in text  # (not a real change)


def test_trend_pdf_has_every_point_and_the_dora_tiers(rendered: Rendered) -> None:
    text = squash(rendered.pdf_text("trend"))
    for needle in (rendered.team, "Alpha", "Beta", *TREND_NUMBERS):
        assert squash(needle) in text, needle
    for aid in ("a1a1a1a1", "a2a2a2a2", "a3a3a3a3", "a4a4a4a4"):
        assert aid in text
    assert "mini1.0" in text and "mini2.0" in text  # both questionnaire versions
    t = rendered.t
    first, last = (fmt_date(datetime(2026, m, 10, tzinfo=UTC), rendered.lang) for m in (1, 10))
    assert squash(t["trend_points_sentence"].format(count=4, first=first, last=last)) in text


def test_portfolio_pdf_has_teams_levels_stale_and_the_weakest(rendered: Rendered) -> None:
    text = squash(rendered.pdf_text("portfolio"))
    names = TEAMS[rendered.lang]
    t = rendered.t
    for needle in (*names.values(), "Alpha", "Beta", *PORTFOLIO_NUMBERS):
        assert squash(needle) in text, needle
    weakest = t["pf_weakest_sentence"].format(title="Beta", score="2.75")
    assert squash(weakest) in text
    assert squash(f"◇ {t['pf_stale']}") in text
    assert squash(f"▼ {t['pf_weakest_mark']}") in text  # the chart marks it too


def test_pdf_furniture_bookmarks_metadata_and_page_numbers(rendered: Rendered) -> None:
    t = rendered.t
    pt = plan_strings(rendered.lang)
    expected = {
        "compare": [
            t["summary"],
            t["cmp_scores"],
            t["cmp_changed"],
            t["dora"],
            t["cmp_recs"],
            pt["payoff"],
        ],
        "trend": [t["summary"], t["trend_points"], pt["share"]],
        "portfolio": [t["summary"], t["pf_heatmap"], pt["share"]],
    }
    for kind in KINDS:
        reader = rendered.pdf(kind)
        top = [o.title for o in reader.outline if isinstance(o, Destination)]
        assert top == expected[kind], kind
        meta = reader.metadata
        assert meta is not None and meta.subject == t[f"{kind}_subject"]
        assert t[f"{kind}_title"] in (meta.title or "")
        total = len(reader.pages)
        cover = squash(reader.pages[0].extract_text())
        assert squash(t["page_of"].format(page=1, pages=total)) not in cover
        second = squash(reader.pages[1].extract_text())
        assert squash(t["page_of"].format(page=2, pages=total)) in second, kind
        header = t["portfolio_team"] if kind == "portfolio" else rendered.team
        assert squash(header) in second, kind  # running header
        assert not EXTERNAL.search(rendered.pdf_text(kind))
        for page in reader.pages:
            for ref in page.get("/Annots") or []:
                action = ref.get_object().get("/A")
                if isinstance(action, DictionaryObject):
                    assert action.get("/S") != "/URI"
    nested = [o for o in rendered.pdf("compare").outline if isinstance(o, list)]
    assert [x.title for x in nested[0] if isinstance(x, Destination)] == [t["cmp_unmatched"]]


def test_pdf_text_is_in_the_report_language(rendered: Rendered) -> None:
    for kind in KINDS:
        text = rendered.pdf_text(kind)
        hangul = HANGUL.findall(text)
        if rendered.lang == "en":
            assert not hangul, kind
            continue
        assert len(hangul) > 100, kind
        for key in ("summary", f"{kind}_title"):
            assert squash(rendered.t[key]) in squash(text), key
    if rendered.lang == "ko":
        text = squash(rendered.pdf_text("compare"))
        for key in ("cmp_changed", "cmp_unmatched", "cmp_recs", "cmp_done"):
            assert squash(KO[key]) in text, key


# --- HTML ----------------------------------------------------------------------------------------


def test_html_has_the_same_numbers(rendered: Rendered) -> None:
    for kind, numbers in (
        ("compare", (*COMPARE_NUMBERS, *CHANGED, *ONLY, *DONE)),
        ("trend", TREND_NUMBERS),
        ("portfolio", PORTFOLIO_NUMBERS),
    ):
        page = parse(rendered.html(kind))
        text = squash(" ".join(page.text))
        for needle in (*numbers, "Alpha", "Beta"):
            assert squash(needle) in text, (kind, needle)
        assert ("html", {"lang": rendered.lang}) in page.tags


def test_html_is_self_contained(rendered: Rendered) -> None:
    for kind in KINDS:
        raw = rendered.html(kind)
        page = parse(raw)
        tags = [tag for tag, _ in page.tags]
        for forbidden in ("script", "link", "img", "iframe", "object", "embed", "base", "form"):
            assert forbidden not in tags, (kind, forbidden)
        assert tags.count("style") == 1
        for tag, attrs in page.tags:
            for name, value in attrs.items():
                assert not name.startswith("on"), (kind, tag, name)
                assert name != "src", (kind, tag)
                if name in ("href", "xlink:href"):
                    assert value and value.startswith("#"), (kind, tag, value)
        assert not EXTERNAL.search(raw), kind
        assert "url(" not in raw.replace("url(#chart-", ""), kind  # only in-document patterns
        csp = [a for t, a in page.tags if t == "meta" and a.get("http-equiv")]
        assert csp and "default-src 'none'" in (csp[0].get("content") or "")


def test_html_charts(rendered: Rendered) -> None:
    ids = {
        kind: [a.get("id") for t, a in parse(rendered.html(kind)).tags if t == "svg"]
        for kind in KINDS
    }
    # two dimensions make no radar polygon, so the comparison shows paired bars only
    assert ids == {
        "compare": ["chart-pairs"],
        "trend": ["chart-trend"],
        "portfolio": ["chart-means"],
    }


@pytest.mark.slow
def test_user_text_is_escaped_in_html_and_pdf(tmp_path: Path) -> None:
    evil = "<script>alert(1)</script>{{ 7 * 7 }}"
    img = f"<img src={(tmp_path / 'secret.txt').as_uri()}>"
    (tmp_path / "secret.txt").write_text("TOPSECRET")
    ws = Workspace(open_store(tmp_path / "s.db", create=True))
    for aid, when, level in (("e1e1e1e1", "2026-01-01T00:00:00", 2), ("e2e2e2e2", "2026-02-01T00:00:00", 3)):  # fmt: skip
        ws.import_document(
            doc(aid, when, V1, {"alpha.one": (level, f"{img} {aid}"), "beta.one": 2}, evil), V1
        )
    html = render_history_html(prepare_compare(ws, "e1e1", "e2e2"))
    trend_html = (
        export_trend(ws, evil, "html", tmp_path / "t.html").read_text(encoding="utf-8"),
        export_portfolio(ws, "html", tmp_path / "p.html").read_text(encoding="utf-8"),
    )
    ws.store.close()
    for raw in (html, *trend_html):
        page = parse(raw)
        tags = {t for t, _ in page.tags}
        assert not tags & {"script", "img", "iframe", "link"}
        assert evil in "".join(page.text)  # shown as characters, Jinja2 syntax not evaluated
        assert "{{ 7 * 7 }}" in raw and ">49<" not in raw
    assert img in "".join(parse(html).text).replace(ZWSP, "")  # long runs get break points
    fetcher = make_fetcher()
    data, _ = render_pdf(html, fetcher=fetcher)
    assert fetcher.requested == []  # nothing in the document made WeasyPrint fetch anything
    text = squash("".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages))
    assert "TOPSECRET" not in text and squash(evil) in text


def test_chart_labels_are_escaped_and_well_formed() -> None:
    label = '<script>alert(1)</script>"&'
    svgs = [
        charts_history.paired_bars(
            [charts_history.PairedBar(label, 2.0, None, "+1.00", "▲")] * 3,
            uid="p",
            title=label,
            a_label=label,
            b_label=label,
        ),
        charts_history.trend_lines(
            [charts_history.Series(label, [1.0, None, 3.5, 4.0])] * 9,
            [0.0, 0.1, 0.5, 1.0],
            [label] * 4,
            ["high", None, "elite", "nonsense"],
            [("elite", label), ("high", label)],
            uid="t",
            title=label,
            axis_label=label,
            tier_title=label,
            none_label=label,
        ),
    ]
    allowed = {"svg", "title", "defs", "pattern", "rect", "circle", "line", "polygon", "polyline", "text", "tspan"}  # fmt: skip
    for svg in svgs:
        assert "<script" not in svg
        root = ElementTree.fromstring(str(svg))
        assert {el.tag.split("}")[-1] for el in root.iter()} <= allowed
        assert any(label in "".join(el.itertext()) for el in root.iter())


def test_trend_labels_never_overlap() -> None:
    placed = charts_history.spread_labels([50, 51, 52, 200, 199], 14, 30, 240)
    assert placed[:3] == [50, 64, 78]  # pushed down in order, never reordered
    ordered = sorted(placed)
    assert all(b - a >= 14 - 1e-9 for a, b in itertools.pairwise(ordered))
    crowded = charts_history.spread_labels([239, 240, 240, 238], 14, 30, 240)
    assert max(crowded) <= 240 and min(crowded) >= 30
    ordered = sorted(crowded)
    assert all(b - a >= 14 - 1e-9 for a, b in itertools.pairwise(ordered))


def test_strings_have_every_key_in_korean() -> None:
    assert set(EN) == set(KO)
    for key, text in EN.items():
        assert set(re.findall(r"\{(\w+)\}", text)) == set(re.findall(r"\{(\w+)\}", KO[key])), key


# --- export API and command line ----------------------------------------------------------------


@pytest.fixture
def store(store_path: Path) -> Path:
    ws = Workspace(open_store(store_path, create=True))
    fill(ws, "en")
    ws.store.close()
    return store_path


def one_error_line(result: CliResult) -> str:
    lines = result.err.strip().splitlines()
    assert result.code == 2, result
    assert len(lines) == 1 and lines[0].startswith("error: "), result.err
    return lines[0]


@pytest.mark.slow
def test_cli_writes_the_three_kinds(cli: Cli, store: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    r = cli("report", "--compare", "a2a2", "a3a3", "-o", str(out / "c.pdf"))
    assert r.code == 0, r.err
    assert (out / "c.pdf").read_bytes()[:5] == b"%PDF-" and "wrote" in r.err
    r = cli("report", "--trend", "--team", "payments", "-o", str(out / "t.htm"))
    assert r.code == 0, r.err
    assert "chart-trend" in (out / "t.htm").read_text(encoding="utf-8")
    r = cli("report", "--portfolio", "-o", str(out / "p.pdf"), "-f", "html", "--lang", "ko")
    assert r.code == 0, r.err
    html = (out / "p.pdf").read_text(encoding="utf-8")  # --format wins over the suffix
    assert html.startswith("<!DOCTYPE html>") and '<html lang="ko">' in html
    r = cli("report", "a4a4", "-o", str(out / "single.html"))  # the single report still works
    assert r.code == 0 and "CALMS" in (out / "single.html").read_text(encoding="utf-8")
    # --benchmark works with --compare: 3 deploys a day are Elite in the latest benchmark, but
    # 2022 published three clusters and no Elite
    for year, name in ((None, "latest.html"), ("2022", "2022.html")):
        extra = ["--benchmark", year] if year else []
        assert cli("report", "--compare", "a2a2", "a3a3", *extra, "-o", str(out / name)).code == 0
    latest = (out / "latest.html").read_text(encoding="utf-8")
    assert "Elite" in latest
    assert "Tier against the DORA 2024 benchmark" in latest
    assert "Tiers are historical: DORA last published them in 2024" in latest
    assert "Elite" not in (out / "2022.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in out.iterdir()) == [
        "2022.html",
        "c.pdf",
        "latest.html",
        "p.pdf",
        "single.html",
        "t.htm",
    ]


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["a1a1", "--portfolio"], "give one of"),
        (["a1a1", "--compare", "a1a1", "a2a2"], "got an assessment ID and --compare A B"),
        (["a1a1", "--trend", "--team", "payments"], "give one of"),
        (["--compare", "a1a1", "a2a2", "--portfolio"], "give one of"),
        (["--trend", "--team", "payments", "--portfolio"], "give one of"),
        ([], "give one of"),
        (["--trend"], "--trend needs --team"),
        (["--trend", "--team", "  "], "--trend needs --team"),
        (["--team", "payments"], "give one of"),
        (["a1a1", "--team", "payments"], "--team goes with --trend"),
        (["--portfolio", "--compare-to", "a1a1"], "--compare-to goes with an assessment ID"),
        (["--trend", "--team", "payments", "--benchmark", "2023"], "--benchmark goes with"),
        (["--compare", "a1a1"], "expected 2 arguments"),
        (["--compare", "a1a1", "a1a1a1a1"], "same assessment"),
        (["--compare", "a1a1", "ffffffff"], "ffffffff"),
        (["--trend", "--team", "nobody"], "no team 'nobody'"),
        (["--trend", "--team", "SOLO"], "has one assessment so far; a trend needs at least two"),
        (["--portfolio", "--lang", "fr"], "fr"),
    ],
)
def test_bad_combinations_are_one_error_line_and_no_file(
    cli: Cli, store: Path, tmp_path: Path, args: list[str], needle: str
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    line = one_error_line(cli("report", *args, "-o", str(out / "r.pdf")))
    assert needle in line
    assert list(out.iterdir()) == []


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--portfolio", "-o", "{out}/r.txt"], "--format"),
        (["--portfolio", "-o", "{out}/missing/r.pdf"], "does not exist"),
        (["--trend", "--team", "payments", "-o", "{out}"], "is a folder"),
        (["--portfolio"], "-o"),
    ],
)
def test_bad_destinations(
    cli: Cli, store: Path, tmp_path: Path, args: list[str], needle: str
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    line = one_error_line(cli("report", *[a.format(out=out) for a in args]))
    assert needle in line
    assert list(out.iterdir()) == []


def test_an_empty_store_has_no_portfolio(cli: Cli, store_path: Path, tmp_path: Path) -> None:
    Workspace(open_store(store_path, create=True)).store.close()
    line = one_error_line(cli("report", "--portfolio", "-o", str(tmp_path / "p.html")))
    assert "no assessments in this store yet" in line
    assert not (tmp_path / "p.html").exists()


def test_a_one_assessment_trend_is_refused_before_anything_is_written(store: Path) -> None:
    ws = Workspace(open_store(store, create=False))
    target = store.parent / "solo.pdf"
    with pytest.raises(MaturityError, match="one assessment so far"):
        export_trend(ws, "solo", "pdf", target)
    ws.store.close()
    assert not target.exists()


def test_failed_render_leaves_the_old_file(
    store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "p.pdf"
    target.write_bytes(b"previous")

    def explode(*_a: object, **_k: object) -> tuple[bytes, int]:
        raise MaturityError("layout failed half way")

    monkeypatch.setattr("maturity.report.pdf.render_pdf", explode)
    ws = Workspace(open_store(store, create=False))
    with pytest.raises(MaturityError, match="half way"):
        export_portfolio(ws, "pdf", target)
    ws.store.close()
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir() if ".tmp" in p.name] == []


@pytest.mark.parametrize("kind", KINDS)
def test_export_from_a_worker_thread_reports_progress(
    kind: str, store: Path, tmp_path: Path
) -> None:
    """What the TUI does: export in a thread with the same progress callback as export()."""
    seen: list[tuple[float, str]] = []
    result: list[Path | BaseException] = []
    target = tmp_path / f"{kind}.pdf"

    def progress(fraction: float, message: str) -> None:
        seen.append((fraction, message))

    def work() -> None:
        ws = Workspace(open_store(store, create=False))
        try:
            if kind == "compare":
                result.append(export_compare(ws, "a1a1", "a4a4", "pdf", target, "ko", progress=progress))  # fmt: skip
            elif kind == "trend":
                result.append(export_trend(ws, "Payments", "pdf", target, "ko", progress=progress))
            else:
                result.append(export_portfolio(ws, "pdf", target, "ko", progress=progress))
        except BaseException as exc:  # pragma: no cover - shown by the assert below
            result.append(exc)
        finally:
            ws.store.close()

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(timeout=120)
    assert result == [target]
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions) and fractions[0] == 0.0 and fractions[-1] == 1.0
    assert seen[0][1] == KO["stage_loading_many"] and seen[-1][1] == "완료"
    assert any("쪽 배치 중" in m for _, m in seen)
