"""User text on screen as plain text, never markup.

Textual parses a ``str`` given to ``Static.update``, ``Label``, a ``DataTable`` cell, an
``Option``/``Select`` prompt or ``notify`` as markup: a team named ``x[/]`` raised MarkupError
on the home screen, a note ``[WIP] canary`` lost its first word and ``[@click=app.quit]`` became
a live action. Every name, note, questionnaire text and error message therefore reaches a widget
as :class:`~textual.content.Content` built here:

* :func:`plain` -- the text itself, literally, with control characters and bidi overrides shown
  as escapes (:func:`maturity.safetext.terminal_safe`, the one rule for terminals);
* :func:`styled` -- our own markup (``"[b]$team[/b] · $title"``) with user values filled in
  through Textual's ``$variable`` substitution, which inserts them as text, never as tags.

Our own strings (the i18n table) may carry markup; values typed by people never do.
"""

from __future__ import annotations

import re

from textual.content import Content

from maturity.safetext import terminal_safe


def plain(text: object, *, multiline: bool = False) -> Content:
    """``text`` shown exactly as typed: no markup, no control characters."""
    return Content(terminal_safe("" if text is None else str(text), multiline=multiline))


def safe_str(text: object, *, multiline: bool = False) -> str:
    """``text`` made terminal-safe, for places that take plain strings (rich ``Text``)."""
    return terminal_safe("" if text is None else str(text), multiline=multiline)


def styled(markup: str, **values: object) -> Content:
    """Our ``markup`` with ``$name`` / ``${name}`` replaced by ``values`` as literal text.

    A str value is one line (a team name with a line feed shows ``\\n``); pass
    ``plain(text, multiline=True)`` for a value that may span lines."""
    return Content.from_markup(
        markup,
        **{k: v if isinstance(v, Content) else terminal_safe(str(v)) for k, v in values.items()},
    )


_FIELD = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def ui(key: str, lang: str = "en", **values: object) -> Content:
    """The UI string ``key`` (see :func:`maturity.tui.i18n.t`) as Content, its ``{name}`` fields
    filled with ``values`` as literal text: for any UI string that carries a name or a note."""
    from maturity.tui.i18n import STRINGS

    entry = STRINGS.get(key)
    if entry is None:
        return Content(key)
    template = (entry.get(lang) or entry["en"]).replace("$", "$$")
    return styled(_FIELD.sub(r"${\1}", template), **values)
