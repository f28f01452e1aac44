"""Render report HTML to PDF with WeasyPrint: bundled fonts, locked-down fetcher, metadata.

WeasyPrint (and Pango behind it) is heavy to import, so it is imported here, inside the
functions, and this module is only imported when a PDF is asked for. The font configuration
with the bundled Pretendard faces is built once per process and reused: loading two 1.5 MB
fonts into Fontconfig on every export would cost more than the layout of a short report.
WeasyPrint is not documented as thread-safe, so renders are serialised with a lock (the TUI
runs exports in a worker thread).
"""

from __future__ import annotations

import atexit
import threading
from collections.abc import Callable
from typing import Any

from maturity.resources import reports_dir

Progress = Callable[[float, str], None]

_LOCK = threading.Lock()
_FONTS: tuple[Any, Any] | None = None  # (FontConfiguration, CSS with @font-face rules)


def make_fetcher() -> Any:
    """A fresh :class:`~maturity.report.fetcher.PackagedResourceFetcher` for ``reports_dir()``."""
    from maturity.report.fetcher import PackagedResourceFetcher

    return PackagedResourceFetcher(reports_dir())


def _release_fonts() -> None:
    """Drop the cached font configuration while the interpreter is still whole.

    Left to garbage collection at shutdown, FontConfiguration.__del__ runs after ``shutil``
    is torn down and prints an ignored TypeError; its temporary font folder would remain.
    """
    global _FONTS
    _FONTS = None


def _fonts() -> tuple[Any, Any]:
    global _FONTS
    if _FONTS is None:
        atexit.register(_release_fonts)
        from weasyprint import CSS
        from weasyprint.text.fonts import FontConfiguration

        from maturity.report.env import pdf_font_css

        config = FontConfiguration()
        css = CSS(string=pdf_font_css(), font_config=config, url_fetcher=make_fetcher())
        _FONTS = (config, css)
    return _FONTS


def render_pdf(
    html: str, *, progress: Progress | None = None, fetcher: Any | None = None
) -> tuple[bytes, int]:
    """PDF bytes and page count for report ``html``.

    ``fetcher`` defaults to a new packaged-resource fetcher; tests pass their own to inspect
    what was requested. A refused URL means a template references something it must not:
    that is a bug, reported as RuntimeError rather than a user error.
    """
    from weasyprint import HTML
    from weasyprint.urls import FatalURLFetchingError

    def step(fraction: float, message: str) -> None:
        if progress is not None:
            progress(fraction, message)

    with _LOCK:
        config, font_css = _fonts()
        fetcher = fetcher if fetcher is not None else make_fetcher()
        try:
            step(0.35, "laying out pages")
            document = HTML(string=html, url_fetcher=fetcher).render(
                font_config=config, stylesheets=[font_css]
            )
            pages = len(document.pages)
            step(0.8, f"writing {pages} pages")
            data: bytes = document.write_pdf()
        except FatalURLFetchingError as exc:
            raise RuntimeError(f"PDF render stopped: {exc}") from exc
    return data, pages
