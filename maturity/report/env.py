"""The Jinja2 environment and the packaged stylesheets the templates inline.

Templates live in the top-level ``reports/`` folder (shipped in the wheel as
``maturity/_data/reports``), not inside the package, so ``PackageLoader`` cannot find them;
:func:`maturity.resources.reports_dir` can, in a checkout and in a wheel alike.

Safety settings are not optional: ``autoescape=True`` for every template whatever its name
(``select_autoescape`` would leave ``*.j2`` unescaped) and ``StrictUndefined`` so a missing
field fails the render instead of silently printing nothing; ``finalize`` keeps NUL and other
control characters people typed out of every page.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Protocol

from markupsafe import Markup

from maturity.resources import reports_dir
from maturity.safetext import document_text

if TYPE_CHECKING:
    import jinja2


class Worded(Protocol):
    """What every report view has: its words (``t``) in the report's language, and that language."""

    @property
    def t(self) -> dict[str, str]: ...

    @property
    def lang(self) -> str: ...


# Stylesheets inlined into every report, in cascade order. fonts-pdf.css is not among them: it
# points at the bundled font files, which only the PDF writer may fetch.
INLINE_CSS: tuple[str, ...] = ("report.css", "print.css")


@cache
def environment() -> jinja2.Environment:
    """One shared environment: compiled templates are cached, so later renders are fast."""
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(reports_dir() / "templates")),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        finalize=_document_safe,
    )


def _document_safe(value: object) -> object:
    """Every ``{{ value }}`` loses NUL and the other characters no document may carry
    (:func:`maturity.safetext.document_text`), names and notes included; Markup stays Markup."""
    if isinstance(value, Markup):
        return Markup(document_text(str(value)))
    if isinstance(value, str):
        return document_text(value)
    return value


def css_block(name: str) -> str:
    """One packaged stylesheet, headed by its name, checked safe to inline in ``<style>``."""
    text = (reports_dir() / "css" / name).read_text(encoding="utf-8")
    if "</" in text:  # would end the <style> element early; packaged CSS never needs it
        raise RuntimeError(f"reports/css/{name} must not contain '</'")
    return f"/* {name} */\n{text}"


@cache
def inline_styles() -> Markup:
    """The packaged CSS as one trusted block for a ``<style>`` element."""
    return Markup("\n".join(css_block(name) for name in INLINE_CSS))


def render_page(template: str, view: Worded, styles: Markup) -> str:
    """Any report kind's self-contained HTML: ``template`` with the view as ``r``, its words
    as ``t`` and ``styles`` inlined (no script, no external resource, nothing to fetch)."""
    return environment().get_template(template).render(r=view, t=view.t, styles=styles)


HANGUL_LANGS: frozenset[str] = frozenset({"ko"})
"""Report languages written in Hangul: their PDFs set all text in the full Pretendard faces.

Every other language also gets the Pretendard Std faces (``fonts-pdf-latin.css``), first in the
font stack: the same design without Hangul, so the PDF writer subsets a 3,100-glyph face
instead of a 14,700-glyph one for the same Latin text (the largest part of a PDF's cost)."""


def pdf_font_files(lang: str) -> tuple[str, ...]:
    """The packaged stylesheets of @font-face rules a PDF in ``lang`` uses, in order."""
    if lang in HANGUL_LANGS:
        return ("fonts-pdf.css",)
    return ("fonts-pdf-latin.css", "fonts-pdf.css")


def pdf_font_css(lang: str) -> str:
    """The @font-face rules for a PDF in ``lang`` (bundled faces, packaged-resource scheme)."""
    return "\n".join(
        (reports_dir() / "css" / name).read_text(encoding="utf-8") for name in pdf_font_files(lang)
    )
