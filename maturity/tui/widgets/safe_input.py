"""An Input that never writes a control character to the terminal.

Textual's Input renders its value as it is: a note edited in the TUI that holds an ESC sequence
(it may have come from an import or ``maturity answer --note``) was written raw to the
facilitator's terminal, where it could recolour, retitle or clear the screen. The value itself
must stay exactly as typed -- saving the note must not change it -- so only the rendering
changes: each control character, bidi override or separator is drawn as one visible stand-in
character (ESC as ``␛``, NUL as ``␀``, others as ``�``), one character for one, so the cursor
and the selection stay where they belong. (Suggestions are typed into the value when accepted,
so they are not redrawn here: lists of suggestions leave out names that are not
terminal-safe; see :func:`suggestible`.)
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widgets import Input

from maturity.safetext import BIDI_CONTROLS

_UNSAFE_CATEGORIES = frozenset({"Cc", "Cs", "Zl", "Zp"})


def stand_in(text: str) -> str:
    """``text`` with each character that acts on a terminal replaced by a visible one."""
    import unicodedata

    if text.isprintable() and not any(ch in BIDI_CONTROLS for ch in text):
        return text
    out = []
    for ch in text:
        code = ord(ch)
        if code < 0x20:
            out.append(chr(0x2400 + code))  # ␀ ... ␟ (control pictures)
        elif code == 0x7F:
            out.append("\u2421")  # ␡
        elif ch in BIDI_CONTROLS or unicodedata.category(ch) in _UNSAFE_CATEGORIES:
            out.append("\ufffd")
        else:
            out.append(ch)
    return "".join(out)


def suggestible(names: list[str]) -> list[str]:
    """The names that may be offered as suggestions (drawn raw by Input): terminal-safe ones."""
    return [name for name in names if stand_in(name) == name]


class SafeInput(Input):
    """:class:`~textual.widgets.Input` whose value is drawn terminal-safe (and kept as typed)."""

    def __init__(self, *args: Any, compact: bool = False, **kwargs: Any) -> None:
        # Input sets ``compact`` in its constructor, and the reactive's class toggle restyles
        # the widget (and its four component styles) there and then, before it is mounted and
        # styled again: home's filter paid for it before the first frame. The same state --
        # the reactive and its class -- set without the restyle.
        super().__init__(*args, **kwargs)
        if compact:
            self.set_reactive(Input.compact, True)
            self.set_class(True, "-textual-compact", update=False)

    @property
    def _value(self) -> Text:
        # From the value itself: rich's Text() drops BEL, BS, VT, FF and CR (so the cursor
        # would drift) but lets ESC through.
        if self.password:
            return super()._value
        text = Text(stand_in(self.value), no_wrap=True, overflow="ignore", end="")
        return self.highlighter(text) if self.highlighter is not None else text
