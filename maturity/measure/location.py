"""Where in a records file a value came from: the file, and its line (CSV) or item (JSON).

Every problem found in a records file names its place, and a Korean screen should read it in
Korean ("deploys.csv 3행") while the command line keeps "deploys.csv line 3". A location
is therefore a value that knows its words in each language (``localize``, which
:meth:`maturity.catalogue.Catalogue.text` uses for any parameter that has it), and ``str()``
of it is the English form kept on each record for later messages.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from maturity.catalogue import DEFAULT_LANGUAGE, Words
from maturity.errors import error_text

_UNIT_CODES = {"line": "records.line", "item": "records.item"}


@dataclass(frozen=True)
class Location:
    """Line ``number`` (CSV, counted as an editor does) or JSON item ``number`` of ``file``."""

    file: str
    unit: Literal["line", "item"]
    number: int

    def localize(self, lang: str) -> str:
        return error_text(_UNIT_CODES[self.unit], lang, {"file": self.file, "n": self.number})

    def __str__(self) -> str:
        return self.localize(DEFAULT_LANGUAGE)


def line(file: str, number: int) -> Location:
    return Location(file, "line", number)


def item(file: str, number: int) -> Location:
    return Location(file, "item", number)


def word(code: str) -> Words:
    """A word a records message fills in (``records.nothing``: "nothing" / "없음"), in each
    language, from the core catalogue."""
    from maturity.error_messages import ERRORS

    return Words(ERRORS[code])
