"""The Jinja2 environment and the packaged stylesheets the templates inline.

Templates live in the top-level ``reports/`` folder (shipped in the wheel as
``maturity/_data/reports``), not inside the package, so ``PackageLoader`` cannot find them;
:func:`maturity.resources.reports_dir` can, in a checkout and in a wheel alike.

Safety settings are not optional: ``autoescape=True`` for every template whatever its name
(``select_autoescape`` would leave ``*.j2`` unescaped) and ``StrictUndefined`` so a missing
field fails the render instead of silently printing nothing.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from markupsafe import Markup

from maturity.resources import reports_dir

if TYPE_CHECKING:
    import jinja2

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
    )


@cache
def inline_styles() -> Markup:
    """The packaged CSS as one trusted block for a ``<style>`` element."""
    parts = []
    for name in INLINE_CSS:
        text = (reports_dir() / "css" / name).read_text(encoding="utf-8")
        if "</" in text:  # would end the <style> element early; packaged CSS never needs it
            raise RuntimeError(f"reports/css/{name} must not contain '</'")
        parts.append(f"/* {name} */\n{text}")
    return Markup("\n".join(parts))


def pdf_font_css() -> str:
    """The @font-face rules for the PDF (bundled Pretendard through the packaged-resource scheme)."""
    return (reports_dir() / "css" / "fonts-pdf.css").read_text(encoding="utf-8")
