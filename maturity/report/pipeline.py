"""The one export pipeline every report kind goes through: check, load, render, write atomically.

Format, language and destination are checked before anything is loaded, so a mistake costs no
render time and writes nothing; the view is built, rendered to HTML (and, through
:mod:`maturity.report.pdf`, to PDF from the same HTML), and written with
:func:`maturity.fileio.write_atomic`, so PATH is either the old file or the complete new one.
Progress callbacks get (fraction, stage) in the report's language.

This module imports nothing of the report kinds (they import it), which is what keeps the
report package free of import cycles; WeasyPrint is imported only when a PDF is rendered.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypeVar

from maturity.catalogue import LANGUAGES
from maturity.errors import MaturityError

if TYPE_CHECKING:
    from maturity.report.env import Worded

Format = Literal["html", "pdf"]
FORMATS: tuple[str, ...] = ("html", "pdf")
LANGS: tuple[str, ...] = LANGUAGES  # the app's one list (maturity.catalogue)
Progress = Callable[[float, str], None]
"""Called with a fraction 0.0-1.0 and a short stage description (e.g. 'laying out pages')."""


V = TypeVar("V", bound="Worded")


def check_lang(lang: str) -> str:
    """``lang`` if the reports are written in it, else a MaturityError."""
    if lang not in LANGS:
        raise MaturityError(f"language must be one of {', '.join(LANGS)}, got '{lang}'")
    return lang


def check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise MaturityError(f"format must be html or pdf, got '{fmt}'")


def render_document(
    html_of: Callable[[], str],
    fmt: str,
    words: dict[str, str],
    progress: Progress | None,
    lang: str,
) -> tuple[bytes, int | None]:
    """Any report kind as bytes in ``fmt`` (its HTML from ``html_of``), and the PDF page count.

    The format is checked before the HTML is rendered; the PDF is laid out from the same HTML
    with the fonts of ``lang``.
    """
    check_format(fmt)
    html = html_of()
    if fmt == "html":
        return html.encode("utf-8"), None
    from maturity.report.pdf import render_pdf

    return render_pdf(html, progress=progress, words=words, lang=lang)


def write_report(
    fmt: str,
    path: Path | str,
    progress: Progress | None,
    *,
    words: dict[str, str],
    loading: str,
    make_view: Callable[[], V],
    render_view: Callable[[V, str, Progress | None], tuple[bytes, int | None]],
    lang_first: str | None = None,
) -> Path:
    """The one export pipeline of every report kind: check, load, render, write atomically.

    Format (and ``lang_first``, when given) and destination are checked before anything is
    loaded; ``progress`` gets (fraction, stage) in ``words`` until the view is built, then in
    the view's own language (``view.t``). ``loading`` is the key of the first stage.
    """
    from maturity.fileio import check_destination, user_path, write_atomic

    def step(fraction: float, key: str, **values: object) -> None:
        if progress is not None:
            progress(fraction, words[key].format(**values))

    check_format(fmt)
    if lang_first is not None:
        check_lang(lang_first)
    target = user_path(str(path))
    check_destination(target)  # fail before a second of rendering when PATH cannot be written
    step(0.0, loading)
    view = make_view()
    words = view.t  # the report's own language when none was asked for
    step(0.2, "stage_html")
    data, _pages = render_view(view, fmt, progress)
    step(0.95, "stage_writing", name=target.name)
    write_atomic(target, data)
    step(1.0, "stage_done")
    return target
