"""Render report HTML to PDF with WeasyPrint: bundled fonts, locked-down fetcher, metadata.

WeasyPrint (and Pango behind it) is heavy to import, so it is imported here, inside the
functions, and this module is only imported when a PDF is asked for. The font configuration
with the bundled Pretendard faces is built once per process (per set of faces) and reused:
loading two 1.5 MB fonts into Fontconfig on every export would cost more than the layout of a
short report. Reports not written in Hangul also get the Pretendard Std faces (the same design
without Hangul): WeasyPrint subsets every embedded face, and that subsetting of the full
14,700-glyph faces was the largest single cost of an English PDF.
WeasyPrint is not documented as thread-safe, so renders are serialised with a lock (the TUI
runs exports in a worker thread). The cyclic garbage collector is paused during a render:
WeasyPrint allocates hundreds of thousands of small objects, and the collections they trigger
cost 10-15 % of the render time; anything cyclic is collected as soon as it is switched back on.
"""

from __future__ import annotations

import atexit
import gc
import logging
import re
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from maturity.errors import MaturityError
from maturity.resources import reports_dir

Progress = Callable[[float, str], None]

_LOCK = threading.Lock()
_FONTS: dict[tuple[str, ...], tuple[Any, Any]] = {}
"""(FontConfiguration, CSS with the @font-face rules), per set of font stylesheets."""


def make_fetcher() -> Any:
    """A fresh :class:`~maturity.report.fetcher.PackagedResourceFetcher` for ``reports_dir()``."""
    from maturity.report.fetcher import PackagedResourceFetcher

    return PackagedResourceFetcher(reports_dir())


def _release_fonts() -> None:
    """Drop the cached font configuration while the interpreter is still whole.

    Left to garbage collection at shutdown, FontConfiguration.__del__ runs after ``shutil``
    is torn down and prints an ignored TypeError; its temporary font folder would remain.
    """
    _FONTS.clear()


def _fonts(lang: str) -> tuple[Any, Any]:
    """The font configuration and @font-face CSS for a report in ``lang``, built once."""
    from maturity.report.env import pdf_font_css, pdf_font_files

    key = pdf_font_files(lang)
    if key not in _FONTS:
        if not _FONTS:
            atexit.register(_release_fonts)
        _weasyprint()
        from weasyprint import CSS
        from weasyprint.text.fonts import FontConfiguration

        config = FontConfiguration()
        css = CSS(string=pdf_font_css(lang), font_config=config, url_fetcher=make_fetcher())
        _FONTS[key] = (config, css)
    return _FONTS[key]


TYPICAL_PAGES = 24  # a full calms report has about 20; progress just waits at 0.8 past this
_PAGE = re.compile(r"Creating layout - Page (\d+)$")


STAGES: dict[str, str] = {
    "stage_layout": "laying out pages",
    "stage_layout_page": "laying out page {page}",
    "stage_drawing": "drawing {pages} pages",
}
"""Stage messages; :func:`maturity.report.export` passes the report language's instead."""


class _ProgressHandler(logging.Handler):
    """Turns WeasyPrint's progress log ("Step 5 - Creating layout - Page 7") into callbacks,
    so the TUI's progress bar moves during the long layout step instead of jumping at the end."""

    def __init__(self, progress: Progress, words: Mapping[str, str]) -> None:
        super().__init__(logging.INFO)
        self.progress = progress
        self.words = words
        self.last = 0.0

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if m := _PAGE.search(message):
            page = int(m.group(1))
            fraction = 0.3 + 0.5 * min(page / TYPICAL_PAGES, 1.0)
            self.report(fraction, self.words["stage_layout_page"].format(page=page))

    def report(self, fraction: float, message: str) -> None:
        if fraction > self.last:  # layout passes can revisit pages; never go backwards
            self.last = fraction
            self.progress(fraction, message)


@contextmanager
def _progress_log(progress: Progress | None, words: Mapping[str, str]) -> Iterator[None]:
    """Listen to ``weasyprint.progress`` for the duration of one render (under the lock)."""
    if progress is None:
        yield
        return
    logger = logging.getLogger("weasyprint.progress")
    handler = _ProgressHandler(progress, words)
    level, propagate = logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False  # our callback only; not the application's log
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate


PDF_VARIANT = "pdf/ua-1"
"""WeasyPrint's PDF/UA-1 variant (implies ``pdf_tags=True``): every report PDF is tagged."""


def _weasyprint() -> Any:
    """Import WeasyPrint, turning missing system libraries into a message a user can act on."""
    try:
        import weasyprint
    except (ImportError, OSError) as exc:  # OSError: Pango/HarfBuzz shared library not found
        raise MaturityError(
            "PDF export needs WeasyPrint and the Pango library"
            f" (e.g. apt-get install libpango-1.0-0 libpangoft2-1.0-0): {exc}"
        ) from None
    return weasyprint


def render_pdf(
    html: str,
    *,
    progress: Progress | None = None,
    fetcher: Any | None = None,
    words: Mapping[str, str] | None = None,
    lang: str = "en",
) -> tuple[bytes, int]:
    """PDF bytes and page count for report ``html``.

    ``fetcher`` defaults to a new packaged-resource fetcher; tests pass their own to inspect
    what was requested. A refused URL means a template references something it must not:
    that is a bug, reported as RuntimeError rather than a user error. ``words`` holds the
    progress stage messages (``stage_layout``, ``stage_layout_page``, ``stage_drawing``);
    ``lang``, the report's language, chooses the bundled faces (:func:`~maturity.report.env.pdf_font_files`).
    """
    _weasyprint()
    from weasyprint import HTML
    from weasyprint.urls import FatalURLFetchingError

    words = {**STAGES, **(words or {})}

    def step(fraction: float, message: str) -> None:
        if progress is not None:
            progress(fraction, message)

    with _LOCK:
        config, font_css = _fonts(lang)
        fetcher = fetcher if fetcher is not None else make_fetcher()
        collecting = gc.isenabled()
        gc.disable()
        try:
            step(0.3, words["stage_layout"])
            with _progress_log(progress, words):
                document = HTML(string=html, url_fetcher=fetcher).render(
                    font_config=config, stylesheets=[font_css]
                )
                pages = len(document.pages)
                step(0.8, words["stage_drawing"].format(pages=pages))
                # PDF/UA-1: a tagged PDF (structure tree, reading order = document order), the
                # SVG charts' <title> becoming each figure's /Alt text.
                data: bytes = document.write_pdf(pdf_variant=PDF_VARIANT)
        except FatalURLFetchingError as exc:
            raise RuntimeError(f"PDF render stopped: {exc}") from exc
        finally:
            if collecting:
                gc.enable()
    return data, pages
