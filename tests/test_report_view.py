"""The view model and the charts, without rendering a PDF: fast checks of every decision."""

from __future__ import annotations

import re
import string
from datetime import UTC, datetime
from xml.etree import ElementTree

import pytest
from report_sample import sample_assessment

from maturity import questionnaire as qmod
from maturity.evaluate import evaluate
from maturity.model.assessment import Answer, Assessment, DoraInputs, QuestionnaireRef
from maturity.model.results import Results
from maturity.model.text import tr
from maturity.report import charts
from maturity.report.export_assessment import render_html
from maturity.report.shared import css_content, css_string, fmt_date
from maturity.report.strings import EN, KO
from maturity.report.view_assessment import Previous, ReportView, build_view, evidence_links

CALMS = qmod.builtin("calms")


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_korean_has_every_english_string_with_the_same_placeholders() -> None:
    assert set(KO) == set(EN)
    for key, en in EN.items():
        assert placeholders(KO[key]) == placeholders(en), key
        assert KO[key].strip(), key


def test_css_string_cannot_break_out() -> None:
    for hostile in ('"; } body { x', "a\\b", "</style>", "line\nbreak"):
        literal = css_string(hostile)
        inner = literal[1:-1]
        assert literal.startswith('"') and literal.endswith('"')
        assert '"' not in inner and "<" not in inner and "\n" not in inner
        assert not re.search(r"(?<!\\)\\(?![0-9a-f])", inner)  # only hex escapes
    assert str(css_content("Page {page} of {pages}")) == (
        '"Page " counter(page) " of " counter(pages)'
    )
    assert str(css_content("{pages}쪽 중 {page}쪽")) == (
        'counter(pages) "쪽 중 " counter(page) "쪽"'
    )


def test_evidence_links_are_found_in_notes() -> None:
    note = "See https://wiki.example.com/pm/42. Also www.example.org/x, and not this."
    assert evidence_links(note) == ["https://wiki.example.com/pm/42", "www.example.org/x"]
    assert evidence_links("no links here") == []


def test_dates_in_both_languages() -> None:
    when = datetime(2025, 3, 7, 23, 30, tzinfo=UTC)
    assert fmt_date(when, "en") == "7 March 2025"
    assert fmt_date(when, "ko") == "2025년 3월 7일"


def _view(
    lang: str = "en", previous: bool = True, **changes: object
) -> tuple[ReportView, Assessment, Results]:
    current = sample_assessment(CALMS, lang=lang)
    if changes:
        current = current.model_copy(update=changes)
    prev = None
    if previous:
        earlier = sample_assessment(CALMS, lang=lang, assessment_id="0e1a2b3c4d5e", shift=1)
        prev = Previous(earlier, evaluate(earlier, CALMS, lang))
    results = evaluate(current, CALMS, lang)
    return build_view(current, CALMS, results, lang, prev), current, results


def test_comparison_directions_follow_the_scores() -> None:
    view, _, results = _view()
    comparison = view.summary.comparison
    assert comparison is not None
    earlier = sample_assessment(CALMS, assessment_id="0e1a2b3c4d5e", shift=1)
    before = {d.id: d for d in evaluate(earlier, CALMS).dimensions}
    titles = {d.id: tr(d.title, "en") for d in CALMS.questionnaire.dimensions}
    rows = {c.label: c for c in comparison.rows}
    for d in results.dimensions:
        old, new = before[d.id].level, d.level
        assert old is not None and new is not None
        expected = "up" if new > old else "down" if new < old else "same"
        assert rows[titles[d.id]].direction == expected, d.id
    assert comparison.dora is not None and comparison.dora.direction == "up"


def test_dimension_view_picks_strongest_weakest_and_held_back() -> None:
    view, current, results = _view(previous=False)
    for dv, dr in zip(view.dimensions, results.dimensions, strict=True):
        dim = CALMS.questionnaire.dimension(dr.id)
        assert dim is not None
        levels = [current.answers[q.id].level for q in dim.questions]
        answered = [lv for lv in levels if lv is not None]
        assert dv.strongest[0].level == max(answered)
        assert dv.weakest and dv.weakest[0].level == min(answered)
        assert len(dv.held_back) == len(dr.held_back_by)
        notes = [q.id for q in dim.questions if current.answers[q.id].note]
        assert [a.question_id for a in dv.notes] == notes


def test_top_three_next_steps_are_the_first_recommendations() -> None:
    view, _, results = _view(previous=False)
    assert [p.id for p in view.summary.next_steps] == [r.id for r in results.recommendations[:3]]
    assert all(p.steps for p in view.summary.next_steps)


def test_optimistic_flag_is_shown_when_dora_disagrees() -> None:
    slow = DoraInputs(
        deployment_frequency="1/year",
        lead_time="9mo",
        change_failure_rate="60%",
        time_to_restore="3mo",
    )
    high = {k: Answer(level=5) for k in CALMS.questionnaire.question_ids()}
    view, _, results = _view(previous=False, dora=slow, answers=high)
    assert results.dora is not None and results.dora.optimistic_flag
    assert view.dora is not None and view.dora.optimistic and view.summary.optimistic
    html = render_html(view)
    assert view.summary.optimistic in html


def test_empty_assessment_renders_with_empty_states() -> None:
    stamp = datetime(2025, 1, 1, tzinfo=UTC)
    empty = Assessment(
        id="00000000aaaa",
        team="New team",
        created=stamp,
        updated=stamp,
        questionnaire=QuestionnaireRef(id=CALMS.id, version=CALMS.version),
    )
    results = evaluate(empty, CALMS, "ko")
    view = build_view(empty, CALMS, results, "ko")
    html = render_html(view)
    assert view.dora is None and KO["dora_none"] in html
    assert KO["no_answers_sentence"] in html and KO["no_steps"] in html
    assert html.count(KO["not_answered"]) >= len(CALMS.questionnaire.question_ids())


def test_evidence_links_are_text_not_links() -> None:
    current = sample_assessment(CALMS, links=True)
    results = evaluate(current, CALMS, "en")
    html = render_html(build_view(current, CALMS, results, "en"))
    assert 'class="link">https://wiki.example.com/payments/' in html
    assert 'href="https://' not in html and "src=" not in html


# --- charts: greyscale-readable ----------------------------------------------------------------


def _svg(markup: object) -> ElementTree.Element:
    return ElementTree.fromstring(str(markup))


def test_radar_previous_series_differs_by_line_style_and_marker() -> None:
    axes = [charts.RadarAxis(f"D{i}", 2.0 + i / 2, 1.5 + i / 3) for i in range(5)]
    root = _svg(charts.radar(axes, uid="r", title="t", this_label="now", previous_label="then"))
    polygons = root.findall("polygon")
    dashed = [p for p in polygons if p.get("stroke-dasharray")]
    solid = [p for p in polygons if p.get("fill-opacity")]
    assert len(dashed) == 1 and len(solid) == 1
    assert len(root.findall("circle")) >= 5 and len(root.findall("rect")) >= 5  # two marker shapes
    labels = [t.text for t in root.iter("text")]
    assert all(f"D{i}" in labels for i in range(5)) and "2.00" in labels


def test_bars_use_patterns_and_print_their_values() -> None:
    bars = [charts.Bar("Culture", 3.25, "3.25 · Defined", previous=2.5)]
    root = _svg(charts.dimension_bars(bars, uid="b", title="t", this_label="n", previous_label="p"))
    assert {p.get("id") for p in root.iter("pattern")} == {"b-hatch", "b-dots"}
    fills = {r.get("fill") for r in root.iter("rect")}
    assert "url(#b-hatch)" in fills and "url(#b-dots)" in fills
    assert "3.25 · Defined" in [t.text for t in root.iter("text")]


def test_dora_chart_marks_the_team_tier_with_a_symbol_not_only_colour() -> None:
    rows = [charts.TierRow("Lead time", "3d", "high")]
    tiers = [("elite", "Elite"), ("high", "High"), ("medium", "Medium"), ("low", "Low")]
    root = _svg(charts.dora_tiers(rows, tiers, uid="d", title="t"))
    marked = [t.text for t in root.iter("text") if t.text and t.text.startswith("●")]
    assert marked == ["● High"]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_charts_ids_are_unique_in_a_report(lang: str) -> None:
    view, _, _ = _view(lang)
    html = render_html(view)
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids))
