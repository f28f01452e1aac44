"""The languages maturity speaks, and the one shape of every table of words it shows.

One list of languages (:data:`LANGUAGES`) and one catalogue shape (key -> {language: text}) for
the TUI's words, the reports' words and the core's error messages. Why one: each front end
used to keep its own list (``("en", "ko")`` in five places) and its own table shape, so a third
language or a duplicated key could be added in one place and silently missed in the others.

Pure Python (no pydantic): a core error renders through it, and the command line's fast
paths must not pay for the models.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Final

LANGUAGES: Final[tuple[str, ...]] = ("en", "ko")
"""Every language of the app, English first. The only list: everything else derives from it."""

DEFAULT_LANGUAGE: Final = "en"
"""English: required in every catalogue entry and every localised questionnaire text."""

LANGUAGE_NAMES: Final[dict[str, str]] = {"en": "English", "ko": "한국어"}
"""Each language's name in itself (a language picker shows these)."""


def tr(text: Mapping[str, str], lang: str = DEFAULT_LANGUAGE) -> str:
    """``text`` (a map of language -> text) in ``lang``, English when that translation is
    missing: the one fallback rule, for catalogues and for questionnaire and domain texts."""
    return text.get(lang) or text[DEFAULT_LANGUAGE]


def language_choices(separator: str = " or ") -> str:
    """The languages for a message: ``en or ko`` (``en, ko or ja`` once there are three)."""
    if len(LANGUAGES) < 3:
        return separator.join(LANGUAGES)
    return f"{', '.join(LANGUAGES[:-1])}{separator}{LANGUAGES[-1]}"


def language_problem(value: str) -> str | None:
    """Why ``value`` is not a language of the app (None when it is): the one check behind
    ``--lang``, ``--language`` and an answers file's ``language``."""
    if value in LANGUAGES:
        return None
    return f"expected {language_choices()}, got '{value}'"


class Words:
    """A value for a ``{field}`` that is itself words: its text in each language (English
    required), chosen by :meth:`Catalogue.text` for the language being written. ``str()`` is
    the English, so a message made once in English (the command line's) reads as before."""

    __slots__ = ("_text",)

    def __init__(self, text: Mapping[str, str]) -> None:
        self._text = text

    def localize(self, lang: str) -> str:
        return tr(self._text, lang)

    def __str__(self) -> str:
        return self.localize(DEFAULT_LANGUAGE)


def _localized(value: object, lang: str) -> object:
    """``value`` in ``lang`` when it knows its own words (:class:`Words`, a records file's
    location, ...: anything with ``localize(lang)``), else the value as it is."""
    localize = getattr(value, "localize", None)
    return localize(lang) if callable(localize) else value


def fields(text: str) -> frozenset[str]:
    """The ``{name}`` fields of a text (what :meth:`Catalogue.text` fills in)."""
    import string  # only the completeness checks need it, not a lookup

    return frozenset(name for _, name, _, _ in string.Formatter().parse(text) if name)


class Catalogue(Mapping[str, Mapping[str, str]]):
    """Words by key, each a map of language -> text with English required.

    A lookup never fails on screen: a language without the text falls back to English and an
    unknown key shows as the key itself (visible in a snapshot, never a crash). Mistakes are
    caught by tests instead, through :meth:`problems`.
    """

    __slots__ = ("_entries",)

    def __init__(self, entries: Mapping[str, Mapping[str, str]]) -> None:
        self._entries: dict[str, Mapping[str, str]] = dict(entries)

    def __getitem__(self, key: str) -> Mapping[str, str]:
        return self._entries[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def text(self, key: str, lang: str = DEFAULT_LANGUAGE, /, **params: object) -> str:
        """The text of ``key`` in ``lang`` (English fallback), ``{name}`` fields filled from
        ``params`` when any are given (a text without params is returned as written)."""
        entry = self._entries.get(key)
        if entry is None:
            return key
        text = tr(entry, lang)
        if not params:
            return text
        return text.format(**{name: _localized(v, lang) for name, v in params.items()})

    def table(self, lang: str) -> dict[str, str]:
        """Every key's text in ``lang``, English filling any gap (for a template's ``t``)."""
        return {key: tr(entry, lang) for key, entry in self._entries.items()}

    def texts(self, lang: str) -> dict[str, str]:
        """The texts written in ``lang``, without fallback (a completeness check compares these)."""
        return {key: entry[lang] for key, entry in self._entries.items() if lang in entry}

    def problems(self) -> list[str]:
        """What is missing or inconsistent: a language of :data:`LANGUAGES` without text, a
        language not in the list, or a translation whose ``{fields}`` differ from English's."""
        out: list[str] = []
        for key, entry in self._entries.items():
            if not (entry.get(DEFAULT_LANGUAGE) or "").strip():
                out.append(f"{key}: no English text")
                continue
            english = fields(entry[DEFAULT_LANGUAGE])
            for lang in LANGUAGES:
                text = entry.get(lang)
                if not (text or "").strip():
                    out.append(f"{key}: no '{lang}' text")
                elif fields(text or "") != english:
                    out.append(
                        f"{key}: '{lang}' fields {sorted(fields(text or ''))} != {sorted(english)}"
                    )
            out.extend(
                f"{key}: '{lang}' is not a language" for lang in entry if lang not in LANGUAGES
            )
        return out


def merged(*parts: Mapping[str, Mapping[str, str]]) -> Catalogue:
    """One catalogue from several tables; a key defined twice is an error at import
    (``dict.update`` would silently keep the last one, and a screen would show another
    screen's text)."""
    entries: dict[str, Mapping[str, str]] = {}
    for part in parts:
        twice = sorted(entries.keys() & part.keys())
        if twice:
            raise ValueError(f"catalogue keys defined twice: {', '.join(twice)}")
        entries.update(part)
    return Catalogue(entries)
