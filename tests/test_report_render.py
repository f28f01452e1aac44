"""Reports read back: the PDF through pypdf, the HTML through html.parser, in English and Korean.

Expectations come from the inputs (the questionnaire's titles and level names, the sample
assessment's team and facilitator, the scores computed by the core), never from a rendered
report, so these tests fail when the report drops or garbles something.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pytest
import report_sample
from conftest import built_once
from pypdf import PdfReader
from pypdf.generic import Destination, DictionaryObject
from report_sample import populate
from report_support import EXTERNAL, Page, pdf_text, squash

from maturity import questionnaire as qmod
from maturity.evaluate import evaluate
from maturity.model.assessment import Assessment
from maturity.model.results import Results
from maturity.model.text import tr
from maturity.questionnaire import LoadedQuestionnaire
from maturity.report import export
from maturity.report.strings import strings
from maturity.report.strings_plan import plan_strings
from maturity.store import open_store
from maturity.workspace import Workspace

SECTIONS_ON_OWN_PAGES = 1 + 1 + 1 + 5 + 1 + 1 + 1  # cover, summary, CALMS, 5 dimensions, ...


def parse_html(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


@dataclass
class Rendered:
    lang: str
    assessment: Assessment
    loaded: LoadedQuestionnaire
    results: Results
    pdf: Path
    html: Path
    pdf_text: str
    """Every page's text, extracted once per session (pypdf takes about two seconds of CPU
    for the 22 pages, which a dozen tests read)."""

    @cached_property
    def reader(self) -> PdfReader:
        return PdfReader(self.pdf)


@pytest.fixture(scope="module", params=["en", "ko"])
def rendered(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    """The sample assessment's report, rendered once per session in each language (the
    first xdist worker to ask renders it; the files are only read afterwards)."""
    lang: str = request.param
    loaded = qmod.builtin("calms")

    def build(folder: Path) -> None:
        ws = Workspace(open_store(folder / "store.db", create=True))
        current, _earlier = populate(ws, loaded, lang=lang)
        export(ws, current, "pdf", folder / "report.pdf", lang)
        export(ws, current, "html", folder / "report.html", lang)
        ws.store.close()
        (folder / "current").write_text(current, encoding="utf-8")
        (folder / "report.txt").write_text(pdf_text(folder / "report.pdf"), encoding="utf-8")

    folder = built_once(tmp_path_factory, f"report-{lang}", build)
    ws = Workspace(open_store(folder / "store.db", create=False))
    a = ws.get((folder / "current").read_text(encoding="utf-8"))
    ws.store.close()
    results = evaluate(a, loaded, lang)
    pdf, html = folder / "report.pdf", folder / "report.html"
    return Rendered(lang, a, loaded, results, pdf, html, (folder / "report.txt").read_text("utf-8"))


def expected_words(r: Rendered) -> list[str]:
    """What any reader of the report must find: team, every dimension title, the level names."""
    q = r.loaded.questionnaire
    words = [r.assessment.team]
    words += [tr(d.title, r.lang) for d in q.dimensions]
    words += [tr(q.levels[d.level], r.lang) for d in r.results.dimensions if d.level is not None]
    assert r.results.overall.level is not None  # the sample is complete
    words.append(tr(q.levels[r.results.overall.level], r.lang))
    # the comparison legend names all five levels
    words += [tr(q.levels[n], r.lang) for n in range(1, 6)]
    return words


# --- PDF ---------------------------------------------------------------------------------------


def test_pdf_page_count_in_expected_range(rendered: Rendered) -> None:
    pages = len(rendered.reader.pages)
    assert SECTIONS_ON_OWN_PAGES <= pages <= 40


def test_pdf_has_team_dimension_titles_and_level_names(rendered: Rendered) -> None:
    text = squash(rendered.pdf_text)
    missing = [w for w in expected_words(rendered) if squash(w) not in text]
    assert not missing


def test_pdf_lists_every_question_and_marks_not_sure(rendered: Rendered) -> None:
    text = squash(rendered.pdf_text)
    q = rendered.loaded.questionnaire
    absent = [qid for qid in q.question_ids() if qid not in text]
    assert not absent, "the appendix shows every question id"
    unsure = [qid for qid, a in rendered.assessment.answers.items() if a.level is None]
    assert unsure and squash(strings(rendered.lang)["not_sure"]) in text


def test_pdf_text_is_in_the_report_language(rendered: Rendered) -> None:
    """Korean glyphs come out of the PDF as Korean text; the English report has none."""
    text = squash(rendered.pdf_text)
    hangul = re.findall(r"[\uac00-\ud7a3]+", rendered.pdf_text)
    if rendered.lang == "en":
        assert not hangul
        return
    for d in rendered.loaded.questionnaire.dimensions:
        first = d.questions[0]
        assert squash(tr(first.text, "ko")) in text, first.id
    assert squash(strings("ko")["summary"]) in text
    assert squash(rendered.assessment.team) in text and len(hangul) > 500


def test_pdf_metadata(rendered: Rendered) -> None:
    meta = rendered.reader.metadata
    assert meta is not None
    assert rendered.assessment.team in (meta.title or "")
    assert meta.author == rendered.assessment.facilitator
    assert meta.subject == strings(rendered.lang)["doc_subject"]


def test_pdf_bookmarks_for_each_section_and_dimension(rendered: Rendered) -> None:
    t = strings(rendered.lang)
    outline = rendered.reader.outline
    top = [o.title for o in outline if isinstance(o, Destination)]
    plan = plan_strings(rendered.lang)["plan"]
    assert top == [t["summary"], "CALMS", t["dora"], t["roadmap"], plan, t["appendix"]]
    nested = [
        [x.title for x in o if isinstance(x, Destination)] for o in outline if isinstance(o, list)
    ]
    dims = [tr(d.title, rendered.lang) for d in rendered.loaded.questionnaire.dimensions]
    assert nested[0] == [f"{i} {title}" for i, title in enumerate(dims, start=1)]


def test_pdf_executive_summary_is_one_page_after_the_cover(rendered: Rendered) -> None:
    reader = rendered.reader
    pages: dict[str | None, int] = {}
    for o in reader.outline:
        if isinstance(o, Destination):
            page = reader.get_destination_page_number(o)
            assert page is not None, o.title
            pages[o.title] = page
    t = strings(rendered.lang)
    assert pages[t["summary"]] == 1  # page 2: the cover is alone on page 1
    assert pages["CALMS"] == pages[t["summary"]] + 1
    assert pages[t["dora"]] < pages[t["roadmap"]] < pages[t["appendix"]]


def test_pdf_cover_has_no_page_number_and_others_do(rendered: Rendered) -> None:
    reader = rendered.reader
    total = len(reader.pages)
    template = strings(rendered.lang)["page_of"]
    cover = squash(reader.pages[0].extract_text())
    assert squash(template.format(page=1, pages=total)) not in cover
    for n in (2, total):
        page_text = squash(reader.pages[n - 1].extract_text())
        assert squash(template.format(page=n, pages=total)) in page_text
        assert squash(rendered.assessment.team) in page_text  # running header


def test_pdf_has_no_external_url(rendered: Rendered) -> None:
    reader = rendered.reader
    assert not EXTERNAL.search(rendered.pdf_text)
    for page in reader.pages:
        for ref in page.get("/Annots") or []:
            annot = ref.get_object()
            assert isinstance(annot, DictionaryObject)
            action = annot.get("/A")
            if isinstance(action, DictionaryObject):
                assert action.get("/S") != "/URI", action
    root = reader.trailer["/Root"].get_object()
    assert isinstance(root, DictionaryObject)
    names = root.get("/Names")
    assert names is None or "/EmbeddedFiles" not in names.get_object()


# --- HTML --------------------------------------------------------------------------------------


def test_html_has_the_same_content(rendered: Rendered) -> None:
    page = parse_html(rendered.html)
    text = squash(page.all_text)
    missing = [w for w in expected_words(rendered) if squash(w) not in text]
    assert not missing
    q = rendered.loaded.questionnaire
    assert all(qid in page.all_text for qid in q.question_ids())
    assert ("html", {"lang": rendered.lang}) in page.tags


def test_html_is_self_contained(rendered: Rendered) -> None:
    page = parse_html(rendered.html)
    tags = [tag for tag, _ in page.tags]
    for forbidden in ("script", "link", "img", "iframe", "object", "embed", "base", "form"):
        assert forbidden not in tags
    for tag, attrs in page.tags:
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            if name in ("href", "xlink:href"):
                assert value and value.startswith("#"), (tag, value)
            assert name != "src", tag
            if name == "style" or (name == "fill" and value and "url(" in value):
                assert value is not None and not EXTERNAL.search(value), (tag, value)
    assert page.styles, "the CSS is inline"
    css = "\n".join(page.styles)
    assert "@page" in css and "url(" not in css
    raw = rendered.html.read_text(encoding="utf-8")
    assert not EXTERNAL.search(raw)
    csp = [
        a for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    ]
    assert csp and "default-src 'none'" in (csp[0].get("content") or "")


def test_same_charts_in_html_and_pdf(rendered: Rendered) -> None:
    page = parse_html(rendered.html)
    ids = [a.get("id") for t, a in page.tags if t == "svg"]
    assert ids == ["chart-radar", "chart-bars", "chart-quick", "chart-dora", "chart-plan"]
    t = strings(rendered.lang)
    pdf = squash(rendered.pdf_text)
    for legend in (t["chart_this"], t["chart_team"], t["chart_mean"]):
        assert squash(legend) in pdf and squash(legend) in squash(page.all_text)


def test_summary_shows_what_changed_since_the_earlier_assessment(rendered: Rendered) -> None:
    from maturity.report.shared import fmt_date

    t = strings(rendered.lang)
    heading = squash(t["changes"].format(date=fmt_date(report_sample.EARLIER, rendered.lang)))
    assert heading in squash(parse_html(rendered.html).all_text)
    assert heading.casefold() in squash(rendered.pdf_text).casefold()  # small caps label in print


def _figures(node: object, out: list[dict[str, object]]) -> None:
    """Every /Figure structure element under ``node`` (pypdf objects, resolved)."""
    obj = node.get_object() if hasattr(node, "get_object") else node
    if isinstance(obj, list):
        for kid in obj:
            _figures(kid, out)
        return
    if not isinstance(obj, dict):
        return
    if obj.get("/S") == "/Figure":
        out.append(obj)
    if "/K" in obj:
        _figures(obj["/K"], out)


def test_pdf_is_tagged_pdf_ua_with_a_text_alternative_per_chart(rendered: Rendered) -> None:
    import shutil
    import subprocess

    from pypdf.generic import DictionaryObject

    root = rendered.reader.trailer["/Root"].get_object()
    assert isinstance(root, DictionaryObject)
    mark_info = root["/MarkInfo"].get_object()
    assert isinstance(mark_info, DictionaryObject) and bool(mark_info["/Marked"])
    figures: list[dict[str, object]] = []
    _figures(root["/StructTreeRoot"], figures)
    alts = [str(f.get("/Alt", "")) for f in figures]
    assert len(alts) == 5 and all(alts), alts  # radar, bars, DORA, Quick Check, plan
    dims = [tr(d.title, rendered.lang) for d in rendered.loaded.questionnaire.dimensions]
    assert all(title in alts[0] for title in dims)  # the radar's alternative names every score
    assert any(plan_strings(rendered.lang)["plan_chart_title"] in a for a in alts)
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(rendered.pdf)], capture_output=True, text=True)
        assert "Tagged:          yes" in info.stdout


def test_pdf_appendix_shows_what_the_assessment_covers(rendered: Rendered) -> None:
    """Every DORA capability is in the appendix, each with a question of this questionnaire."""
    from maturity import capabilities as capmod

    t = strings(rendered.lang)
    text = squash(rendered.pdf_text)
    assert squash(t["coverage_title"]) in text
    for row in capmod.capability_map(rendered.loaded.questionnaire, rendered.loaded.practices):
        assert squash(tr(row.capability.name, rendered.lang)) in text, row.capability.id
        assert row.questions


def test_pdf_roadmap_groups_practices_by_who_acts(rendered: Rendered) -> None:
    from maturity.model import terms

    t = strings(rendered.lang)
    text = squash(rendered.pdf_text)
    assert squash(t["who_acts"]) in text
    start = text.index(squash(t["who_acts_intro"]))
    section = text[start:]
    actors = {i.who_acts for i in rendered.results.recommendations}
    assert actors, "the sample has a roadmap"
    for who in actors:
        assert squash(terms.who_acts_name(who, rendered.lang)) in section
    # Each roadmap practice is listed under its actor, in the order team, lead, organisation.
    for item in rendered.results.recommendations:
        assert squash(item.title) in section, item.id


def test_pdf_dora_section_scores_first_tiers_historical_and_2025_profiles(
    rendered: Rendered,
) -> None:
    """Read back from the PDF: the Quick Check score precedes the tier, the tier is labelled
    against the 2024 benchmark and historical, the 2025 profiles paragraph is there with its
    source, 2024's inverted medians are spelled out, and 4.3 is gone."""
    from maturity import dora

    t = strings(rendered.lang)
    text = squash(rendered.pdf_text)
    start = text.index(squash(t["qc_box_label"]))
    section = text[start:]
    tier_heading = squash(t["tier_against"].format(bench="DORA 2024"))
    assert tier_heading in section
    assert section.index(squash(t["qc_box_label"])) < section.index(tier_heading)
    assert squash(t["tiers_historical"].format(year=2024)) in section
    research = dora.research_2025()
    summary = research.summary[rendered.lang] if isinstance(research.summary, dict) else ""
    assert squash(summary) in section
    assert squash(t["profiles_heading"]) in section and "dora.dev/research/2025" in section
    note = dora.benchmark(2024).notes["change_failure_rate"]
    assert isinstance(note, dict) and squash(note[rendered.lang]) in section
    assert squash(t["qc_overall_mean_note"].format(performance="6.7")) in section
    assert squash(t["cluster_share"]) in section


# --- Fonts: an English PDF does not pay for Hangul it does not use -------------------------------


def _embedded_fonts(reader: PdfReader) -> set[str]:
    """The BaseFont names of every font the pages use, without the subset tag ("ABCDEF+")."""
    names = set()
    for page in reader.pages:
        resources = page["/Resources"].get_object()
        assert isinstance(resources, DictionaryObject)
        fonts = resources.get("/Font")
        if fonts is None:
            continue
        fonts = fonts.get_object()
        assert isinstance(fonts, DictionaryObject)
        for ref in fonts.values():
            font = ref.get_object()
            assert isinstance(font, DictionaryObject)
            names.add(str(font["/BaseFont"]).split("+", 1)[1])
    return names


def test_pdf_embeds_only_the_faces_its_language_needs(rendered: Rendered) -> None:
    fonts = _embedded_fonts(rendered.reader)
    assert fonts, "no embedded font found"
    if rendered.lang == "ko":
        # Hangul text: the full Pretendard only (no second, Latin-only face embedded beside it),
        # and upright only: Korean emphasis is not slanted, so no oblique face is embedded
        assert all(f.startswith("Pretendard") and "Std" not in f for f in fonts), fonts
        assert not any("Oblique" in f for f in fonts), fonts
    else:
        # no Hangul in this report: only the 3,100-glyph Pretendard Std faces are subset
        assert all(f.startswith("Pretendard-Std") for f in fonts), fonts


def test_hangul_in_an_english_pdf_falls_back_to_the_full_face() -> None:
    from io import BytesIO

    from maturity.report.pdf import render_pdf

    html = (
        "<html><body style=\"font-family: 'Pretendard Std', Pretendard\">"
        "<p>Team 결제 플랫폼 review</p></body></html>"
    )
    data, pages = render_pdf(html, lang="en")
    reader = PdfReader(BytesIO(data))
    assert pages == 1
    assert squash("Team 결제 플랫폼 review") in squash(reader.pages[0].extract_text())
    fonts = _embedded_fonts(reader)
    assert "Pretendard-Std" in fonts  # the Latin words
    assert "Pretendard" in fonts  # the Hangul ones, from the full face
