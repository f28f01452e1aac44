"""Text from an assessment is text: it is escaped, and it can never make the PDF writer read a
local file or reach the network.

Two independent defences are tested: Jinja2 autoescaping (hostile markup arrives as visible
characters, not as elements) and the WeasyPrint URL fetcher (even markup that did reach
WeasyPrint could fetch nothing but packaged resources and data: URLs).
"""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import jinja2
import pytest
from pypdf import PdfReader

from maturity import questionnaire as qmod
from maturity.limits import PERSON_MAX
from maturity.model.assessment import Answer, Assessment, DoraInputs, QuestionnaireRef
from maturity.report import charts, prepare
from maturity.report.env import environment
from maturity.report.export_assessment import render_html
from maturity.report.pdf import make_fetcher, render_pdf
from maturity.resources import reports_dir
from maturity.safetext import ZERO_WIDTH_SPACE as ZWSP
from maturity.store import open_store
from maturity.workspace import Workspace

SECRET = "TOPSECRET-7f3a"


def hostile(secret_file: Path) -> list[str]:
    url = secret_file.as_uri()
    return [
        "<script>alert('x')</script>",
        "{{ 7 * 7 }} {% if true %}jinja{% endif %} {# c #}",
        f"<img src={url}>",
        "<img src=file:///etc/passwd>",
        "<link rel=stylesheet href=http://127.0.0.1:9/x.css>",
        f'<a rel="attachment" href="{url}">attach</a>',
        f"<style>@import url({url}); body {{ background: url({url}) }}</style>",
        f'"><svg onload=alert(1)><image href="{url}"/></svg>',
        "</style></title><base href=http://127.0.0.1:9/>",
    ]


class Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    path = tmp_path / "secret.css"
    path.write_text(f'body::before {{ content: "{SECRET}" }}', encoding="utf-8")
    return path


@pytest.fixture
def nasty_html(tmp_path: Path, secret_file: Path) -> tuple[str, list[str]]:
    """Report HTML for an assessment whose every free-text field is hostile."""
    strings = hostile(secret_file)
    loaded = qmod.builtin("calms")
    stamp = datetime(2025, 1, 2, tzinfo=UTC)
    qids = loaded.questionnaire.question_ids()
    answers = {
        qid: Answer(
            level=(i % 5) + 1,
            note=strings[i % len(strings)],
            votes={strings[(i + 1) % len(strings)][:40]: 3},
        )
        for i, qid in enumerate(qids)
    }
    doc = Assessment(
        id="badc0ffee123",
        team="<script>alert(1)</script>{{ team }}",
        created=stamp,
        updated=stamp,
        # names are capped at input (maturity.limits.PERSON_MAX); the notes carry them whole
        facilitator=strings[4][:PERSON_MAX],
        participants=[s[:PERSON_MAX] for s in strings[:3]],
        questionnaire=QuestionnaireRef(id=loaded.id, version=loaded.version),
        answers=answers,
        dora=DoraInputs(deployment_frequency="2/week", lead_time="3d"),
    )
    ws = Workspace(open_store(tmp_path / "s.db", create=True))
    ws.import_document(doc, loaded)
    html = render_html(prepare(ws, doc.id))
    ws.store.close()
    return html, [doc.team, *strings]


def test_autoescape_and_strict_undefined_are_on() -> None:
    env = environment()
    assert env.autoescape is True
    assert env.undefined is jinja2.StrictUndefined
    with pytest.raises(jinja2.UndefinedError):
        env.get_template("report.html").render()


def test_hostile_text_arrives_as_text_in_html(nasty_html: tuple[str, list[str]]) -> None:
    html, strings = nasty_html
    page = Collect()
    page.feed(html)
    tags = {t for t, _ in page.tags}
    assert not tags & {"script", "img", "link", "base", "image", "iframe"}
    links = [attrs for t, attrs in page.tags if t == "a"]
    assert links and all((a.get("href") or "").startswith("#") and "rel" not in a for a in links)
    assert [t for t, _ in page.tags].count("style") == 1  # ours, in <head>
    assert [t for t, _ in page.tags].count(
        "svg"
    ) == 5  # the five charts (plan too), nothing injected
    for _, attrs in page.tags:
        assert not any(name.startswith("on") for name in attrs)
    text = "".join(page.text).replace(ZWSP, "")  # long runs get invisible break points
    for s in strings:
        assert s in text, s  # shown verbatim, as characters


def test_jinja_syntax_in_user_text_is_not_evaluated(nasty_html: tuple[str, list[str]]) -> None:
    html, _ = nasty_html
    assert "{{ 7 * 7 }}" in html and "{% if true %}jinja{% endif %}" in html
    assert "{{ team }}" in html


@pytest.mark.slow
def test_hostile_text_reaches_the_pdf_as_text_and_nothing_is_fetched(
    nasty_html: tuple[str, list[str]],
) -> None:
    html, _ = nasty_html
    fetcher = make_fetcher()
    data, _pages = render_pdf(html, fetcher=fetcher)
    assert fetcher.requested == []  # WeasyPrint never even asked for a URL
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    text = re.sub(r"\s+", "", text.replace(ZWSP, ""))
    assert SECRET not in text
    for s in ("<script>alert('x')</script>", "<img src=file:///etc/passwd>"):
        assert re.sub(r"\s+", "", s) in text


@pytest.mark.parametrize(
    "markup",
    [
        '<link rel="stylesheet" href="{url}">',
        '<img src="{url}">',
        '<style>@import url("{url}");</style>',
        '<p style="background: url({url})">x</p>',
        '<a rel="attachment" href="{url}">a</a>',
        '<svg width="10" height="10"><image href="{url}" width="10" height="10"/></svg>',
        '<img src="http://127.0.0.1:9/x.png">',
    ],
)
def test_fetcher_refuses_local_files_even_when_markup_gets_through(
    markup: str, secret_file: Path
) -> None:
    """Bypassing the templates entirely: raw markup straight into WeasyPrint still reads nothing."""
    html = f"<html><body><p>before</p>{markup.format(url=secret_file.as_uri())}</body></html>"
    fetcher = make_fetcher()
    try:
        data, _ = render_pdf(html, fetcher=fetcher)
    except RuntimeError as exc:  # the usual outcome: a refused fetch stops the render
        assert "refused" in str(exc)
    else:  # inside SVG, WeasyPrint logs fetch errors and leaves the image out
        assert SECRET not in "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    assert fetcher.requested, "WeasyPrint asked the fetcher"
    assert fetcher.refused == fetcher.requested  # and every request was refused


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "file://localhost/etc/hostname",
        "http://127.0.0.1:9/",
        "https://example.com/font.otf",
        "ftp://127.0.0.1/x",
        "maturity-report:../../../../etc/passwd",
        "maturity-report:%2e%2e/%2e%2e/etc/passwd",
        "maturity-report:",
        "maturity-report:fonts",
        "file://otherhost/" + str(reports_dir() / "fonts" / "OFL.txt").lstrip("/"),
    ],
)
def test_fetcher_refuses(url: str) -> None:
    from maturity.report.fetcher import RefusedURLError

    fetcher = make_fetcher()
    with pytest.raises(RefusedURLError):
        fetcher.fetch(url)


def test_fetcher_serves_packaged_resources_and_data_urls() -> None:
    fetcher = make_fetcher()
    font = reports_dir() / "fonts" / "Pretendard-Regular.otf"
    by_scheme = fetcher.fetch("maturity-report:fonts/Pretendard-Regular.otf")
    assert by_scheme.read()[:4] == font.read_bytes()[:4]
    by_file = fetcher.fetch(font.as_uri())
    assert by_file.read(4) == font.read_bytes()[:4]
    css = fetcher.fetch("maturity-report:css/fonts-pdf.css")
    assert css.content_type == "text/css"
    inline = fetcher.fetch("data:text/plain;charset=utf-8,hello")
    assert inline.read() == b"hello"


def test_fetcher_does_not_follow_symlinks_out_of_the_package(tmp_path: Path) -> None:
    from maturity.report.fetcher import PackagedResourceFetcher, RefusedURLError

    root = tmp_path / "reports"
    root.mkdir()
    (tmp_path / "outside.txt").write_text(SECRET)
    (root / "link.txt").symlink_to(tmp_path / "outside.txt")
    (root / "inside.txt").write_text("ok")
    fetcher = PackagedResourceFetcher(root)
    assert fetcher.fetch("maturity-report:inside.txt").read() == b"ok"
    with pytest.raises(RefusedURLError):
        fetcher.fetch("maturity-report:link.txt")
    with pytest.raises(RefusedURLError):
        fetcher.fetch((root / "link.txt").as_uri())


def test_chart_labels_are_escaped_and_charts_are_well_formed_svg() -> None:
    label = '<script>alert(1)</script>"&'
    svgs = [
        charts.radar(
            [charts.RadarAxis(label, 3.0, 2.0)] * 5,
            uid="r",
            title=label,
            this_label=label,
            previous_label=label,
        ),
        charts.dimension_bars(
            [charts.Bar(label, 2.5, label, previous=2.0)],
            uid="b",
            title=label,
            this_label=label,
            previous_label=label,
        ),
        charts.dora_tiers(
            [charts.TierRow(label, label, "high", "low")],
            [("elite", label), ("high", label), ("medium", "M"), ("low", "L")],
            uid="d",
            title=label,
            previous_label=label,
        ),
        charts.quickcheck(
            [charts.ScoreRow(label, 5.0, 6.0)],
            uid="q",
            title=label,
            team_label=label,
            mean_label=label,
        ),
    ]
    for svg in svgs:
        assert "<script" not in svg
        root = ElementTree.fromstring(str(svg))  # well-formed XML, no injected elements
        tags = {el.tag for el in root.iter()}
        assert tags <= {
            "svg",
            "title",
            "defs",
            "pattern",
            "rect",
            "circle",
            "line",
            "polygon",
            "text",
        }
        assert any(el.text and label in el.text for el in root.iter("text"))
