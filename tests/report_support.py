"""Reading reports back in tests: HTML parsed into text and tags, PDF text without layout breaks."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

EXTERNAL = re.compile(r"(?:https?|file|ftp|data):|//", re.IGNORECASE)
"""Anything that would make a viewer fetch something: no report may contain it in a URL."""


def squash(text: str) -> str:
    """Whitespace-free text: PDF extraction puts line breaks wherever the layout wrapped."""
    return re.sub(r"[\s\u200b]+", "", text)  # and the zero-width break points of long runs


def pdf_text(pdf: Path) -> str:
    """The text of every page of ``pdf`` (pypdf), pages joined by a line break."""
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(pdf).pages)


def pdf_text_until(pdf: Path, *needles: str) -> str:
    """The PDF's text, pages joined by a line break, up to the first page by which every one
    of ``needles`` has appeared (all pages when one never does).

    For tests that check what a report *contains*: the pages after the one where the last
    needle turned up cannot change that, and pypdf takes about 60 ms of CPU a page. The
    caller still asserts each needle; a check that something is *absent* needs every page
    (read them all instead).
    """
    from pypdf import PdfReader

    text = ""
    for page in PdfReader(pdf).pages:
        text += page.extract_text() + "\n"
        if all(needle in text for needle in needles):
            break
    return text.removesuffix("\n")


class Page(HTMLParser):
    """Text, tags and attributes of an HTML document (style element content kept apart)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.styles: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self._in: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in.append(tag)

    def handle_endtag(self, tag: str) -> None:
        while self._in and self._in.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        (self.styles if self._in and self._in[-1] == "style" else self.text).append(data)

    @property
    def all_text(self) -> str:
        return " ".join(self.text)


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page
