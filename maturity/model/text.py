"""Localised text: a plain string, or a map of language -> string with ``en`` required."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, PlainSerializer, WithJsonSchema

# The one list of languages; defined in the pydantic-free catalogue module so the core's error
# messages and the command line's fast paths can use it without importing the models.
from maturity.catalogue import DEFAULT_LANGUAGE, LANGUAGES, language_choices, tr

__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "LText", "Language", "tr"]


def _coerce(value: Any) -> dict[str, str]:
    if isinstance(value, str):
        if not value.strip():
            raise ValueError("text must not be empty")
        return {"en": value}
    if isinstance(value, dict):
        out: dict[str, str] = {}
        for lang, text in value.items():
            if not isinstance(lang, str) or not isinstance(text, str):
                raise ValueError("expected a string or a map of language -> string")
            if not text.strip():
                raise ValueError(f"text for language '{lang}' must not be empty")
            out[lang] = text
        if "en" not in out:
            raise ValueError("missing 'en' text (English is required)")
        return out
    raise ValueError("expected a string or a map of language -> string")


def _serialize(value: dict[str, str]) -> str | dict[str, str]:
    # A string stays a string when only English was given, so files round-trip as written.
    return value["en"] if list(value) == ["en"] else dict(value)


LText = Annotated[
    dict[str, str],
    BeforeValidator(_coerce),
    PlainSerializer(_serialize),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "minLength": 1},
                {
                    "type": "object",
                    "required": ["en"],
                    "additionalProperties": {"type": "string", "minLength": 1},
                },
            ],
            "description": "Text, or a map of language code -> text; 'en' is required.",
        }
    ),
]
"""Localised text as stored after validation: always a dict with an ``en`` key."""


def _known_language(value: str) -> str:
    if value not in LANGUAGES:
        raise ValueError(f"expected {language_choices()}, got {value!r}")
    return value


Language = Annotated[
    str,
    AfterValidator(_known_language),
    WithJsonSchema({"type": "string", "enum": list(LANGUAGES)}),
]
"""A language code of :data:`LANGUAGES` (an assessment's language, a report's)."""
