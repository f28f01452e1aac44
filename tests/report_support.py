"""Reading reports back in tests: HTML parsed into text and tags, PDF text without layout breaks."""

from __future__ import annotations

import re
from html.parser import HTMLParser

EXTERNAL = re.compile(r"(?:https?|file|ftp|data):|//", re.IGNORECASE)
"""Anything that would make a viewer fetch something: no report may contain it in a URL."""


def squash(text: str) -> str:
    """Whitespace-free text: PDF extraction puts line breaks wherever the layout wrapped."""
    return re.sub(r"[\s\u200b]+", "", text)  # and the zero-width break points of long runs


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
