"""WeasyPrint URL fetcher that serves packaged report resources and data: URLs, nothing else.

WeasyPrint fetches whatever a document references: stylesheets, images, fonts, SVG ``href``
targets, attachments. A report contains text typed by users, so the fetcher is the last line
of defence (after autoescaping) against a report that reads ``/etc/passwd`` or calls a
server. It allows exactly:

* ``maturity-report:<path>`` - a file under :func:`maturity.resources.reports_dir`;
* ``file://`` URLs whose resolved path lies strictly under that folder (symlinks resolved);
* ``data:`` URLs, decoded by WeasyPrint's own handler.

Everything else raises :class:`weasyprint.urls.FatalURLFetchingError`, which aborts the render:
a report is never produced with a resource silently missing, and a refusal is loud in tests.
Every URL asked for is recorded in :attr:`PackagedResourceFetcher.requested` (and refusals in
``refused``) so tests can show what WeasyPrint tried to read. WeasyPrint itself swallows errors
inside SVG drawing, so a refusal there leaves the image out instead of stopping the render;
either way nothing outside the package is read.

This module imports WeasyPrint at the top; only the PDF writer imports it, lazily.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

SCHEME = "maturity-report"
_MIME = {
    ".css": "text/css",
    ".otf": "font/otf",
    ".ttf": "font/ttf",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".svg": "image/svg+xml",
    ".png": "image/png",
}


class RefusedURLError(FatalURLFetchingError):  # type: ignore[misc]  # weasyprint is untyped
    """A URL the report is not allowed to fetch. Fatal: the render stops."""


class PackagedResourceFetcher(URLFetcher):  # type: ignore[misc]  # weasyprint is untyped
    """Serve files under ``root`` and data: URLs; refuse everything else."""

    def __init__(self, root: Path) -> None:
        super().__init__(
            timeout=5, allowed_protocols={"data"}, allow_redirects=False, fail_on_errors=True
        )
        self.root = root.resolve()
        self.requested: list[str] = []
        self.refused: list[str] = []

    def _path_for(self, url: str) -> Path | None:
        scheme, _, rest = url.partition(":")
        scheme = scheme.lower()
        if scheme == SCHEME:
            relative = unquote(rest.split("?", 1)[0].split("#", 1)[0]).lstrip("/")
            candidate = self.root / relative
        elif scheme == "file":
            parts = urlsplit(url)
            if parts.netloc not in ("", "localhost"):
                return None
            candidate = Path(url2pathname(parts.path))
        else:
            return None
        try:
            resolved = candidate.resolve(strict=True)
        except (OSError, RuntimeError):
            return None
        if resolved == self.root or not resolved.is_relative_to(self.root):
            return None
        return resolved if resolved.is_file() else None

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        self.requested.append(url)
        if url[:5].lower() == "data:":
            return super().fetch(url, headers)
        path = self._path_for(url)
        if path is None:
            self.refused.append(url)
            shown = url if len(url) <= 120 else url[:117] + "..."
            raise RefusedURLError(f"report resource refused: {shown}")
        mime = _MIME.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0]
        return URLFetcherResponse(
            url=path.as_uri(),
            body=path.read_bytes(),
            headers={"Content-Type": mime or "application/octet-stream"},
        )
