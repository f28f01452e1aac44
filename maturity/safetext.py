"""Showing text people typed, safely, wherever it goes: a terminal, a spreadsheet, a document.

Names and notes are stored exactly as given; only their *display* is made safe, here, once, and
every front end (the command line, the TUI, the CSV export, the HTML/PDF report) calls these
functions instead of carrying its own rule.

* :func:`terminal_safe` -- for a terminal. An ESC in a team name would otherwise let the name
  recolour, retitle or clear the facilitator's terminal; a bidi override (U+202E) would make
  ``evil.txt\u202egnp.exe`` read as something it is not; a NUL or a lone surrogate breaks the
  output. Such characters are shown as visible escapes (``\\x1b``, ``\\u202e``) instead.
* :func:`document_text` -- for HTML and CSV: characters no document may carry (NUL and the other
  C0/C1 controls, lone surrogates) are dropped; tab and line breaks are kept.
* :func:`csv_cell` -- a free-text spreadsheet cell. OWASP's CSV-injection guidance: a cell that
  starts with ``=``, ``+``, ``-``, ``@``, tab or carriage return is a formula to Excel, LibreOffice
  and Google Sheets (``=HYPERLINK(...)``, ``-2+3``, ``@SUM(...)``), so it is prefixed with a single
  quote, which spreadsheets show as text and do not evaluate.

Pure Python: the command line's ``list`` imports this without loading anything heavy.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

# Bidirectional formatting characters: embeddings and overrides (U+202A-202E), isolates
# (U+2066-2069) and the marks (LRM, RLM, ALM). In a terminal they reorder what follows them.
BIDI_CONTROLS: Final = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
# Unicode categories a terminal must never receive raw: controls (C0, DEL, C1), lone
# surrogates (cannot even be encoded as UTF-8), line and paragraph separators.
_UNSAFE_CATEGORIES: Final = frozenset({"Cc", "Cs", "Zl", "Zp"})
# Spreadsheets read a cell starting with one of these as a formula (OWASP CSV injection).
FORMULA_TRIGGERS: Final = ("=", "+", "-", "@", "\t", "\r")
# What a document (HTML, CSV) may not contain: NUL, the other C0 controls except tab and line
# breaks, DEL, the C1 controls and lone surrogates.
_NOT_IN_DOCUMENTS: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def _unsafe_for_terminal(ch: str) -> bool:
    return ch in BIDI_CONTROLS or unicodedata.category(ch) in _UNSAFE_CATEGORIES


_SHORT_ESCAPES: Final = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _visible_escape(ch: str) -> str:
    if ch in _SHORT_ESCAPES:
        return _SHORT_ESCAPES[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: str, *, multiline: bool = False) -> str:
    """``text`` with every character that could act on a terminal shown as a visible escape.

    Control characters (ESC sequences, C0 and C1, NUL, newlines and tabs included: a name is
    one line), bidi overrides and isolates, lone surrogates and line separators become ``\\x1b``,
    ``\\u202e`` and so on. Everything else -- Korean, emoji, accents -- is left alone, so an
    ordinary name prints exactly as it was typed. ``multiline`` keeps line feeds (a note, an
    error message of several lines).
    """
    if text.isprintable() and not any(ch in BIDI_CONTROLS for ch in text):
        return text  # the common case, without a per-character walk
    return "".join(
        _visible_escape(ch) if _unsafe_for_terminal(ch) and not (multiline and ch == "\n") else ch
        for ch in text
    )


def document_text(text: str) -> str:
    """``text`` without the characters no HTML page or CSV file should carry (NUL above all).

    Tab, line feed and carriage return stay (a note may have several lines); everything else in
    C0/C1, DEL and lone surrogates is dropped.
    """
    return _NOT_IN_DOCUMENTS.sub("", text)


def csv_cell(value: object) -> str:
    """One free-text CSV cell: document-safe and never read as a formula by a spreadsheet.

    A cell starting with a formula trigger (``=``, ``+``, ``-``, ``@``, tab, CR) gets a leading
    single quote. Quoting a field that contains a bare CR is :func:`csv_field`'s part.
    """
    text = document_text("" if value is None else str(value))
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def csv_field(value: object) -> str:
    """One field as CSV text: quoted (quotes doubled) when it holds a comma, a quote, a line
    feed or a carriage return. Python's csv module leaves a bare CR unquoted when the line
    ending is LF, which lets a note ``\\r=1+1`` start a new row in a spreadsheet."""
    text = "" if value is None else str(value)
    if any(ch in text for ch in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def csv_rows(rows: list[list[object]]) -> str:
    """CSV text, one line per row (LF endings), for every CSV the app writes.

    Every string cell goes through :func:`csv_cell` (document-safe, never a formula) and every
    field through :func:`csv_field` (quoted when needed, bare CR included). Numbers pass
    through as they are.
    """
    lines = []
    for row in rows:
        line = ",".join(csv_field(csv_cell(v) if isinstance(v, str) else v) for v in row)
        lines.append((line or '""') + "\n")  # a row of one empty field is not a blank line
    return "".join(lines)


# --- long text in documents ----------------------------------------------------------------

ZERO_WIDTH_SPACE: Final = "\u200b"
LONG_TOKEN: Final = 48  # a run without a break opportunity longer than this gets some
BREAK_EVERY: Final = 16  # ... every this many characters
_LONG_RUN: Final = re.compile(rf"[^\s\u200b]{{{LONG_TOKEN + 1},}}")


def breakable(text: str) -> str:
    """``text`` with a zero-width space every :data:`BREAK_EVERY` characters inside any run of
    more than :data:`LONG_TOKEN` characters without a space.

    Why: WeasyPrint lays a paragraph out line by line, and for a word wider than the line it
    measures the rest of the paragraph again for every line it breaks -- a 2,000-character
    note without spaces took 8 s, 50,000 over 200 s. With a break opportunity every few
    characters each line is cheap. Ordinary words, sentences and Korean text (which has
    spaces) are untouched; the zero-width spaces are invisible.
    """
    if len(text) <= LONG_TOKEN:
        return text

    def split(match: re.Match[str]) -> str:
        run = match.group(0)
        return ZERO_WIDTH_SPACE.join(
            run[i : i + BREAK_EVERY] for i in range(0, len(run), BREAK_EVERY)
        )

    return _LONG_RUN.sub(split, text)


def excerpt(text: str, limit: int) -> tuple[str, bool]:
    """At most ``limit`` characters of ``text`` ending in "…" when cut (at a space in the last
    fifth if there is one), and whether it was cut."""
    if len(text) <= limit:
        return text, False
    cut = text[:limit]
    space = cut.rfind(" ", limit * 4 // 5)
    return (cut[:space] if space > 0 else cut).rstrip() + "…", True
