"""What a screen may ask of the app it runs in, without importing the app.

Screens are shown by :class:`maturity.tui.app.MaturityApp` (and the participant's app); they
read the shared session state through this protocol and ask for navigation by posting the
messages in :mod:`maturity.tui.messages`. So no screen imports the app module: the app knows
its screens, the screens only know this contract (checked by an import-linter contract in
pyproject.toml), and a screen can run under any app that provides it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from maturity.tui.gateway import Gateway


class Host(Protocol):
    """The session state every maturity app offers its screens."""

    lang: str
    """UI language (en/ko)."""
    gateway: Gateway
    """The store thread (every store call of a screen runs through it)."""

    @property
    def store_error(self) -> str | None:
        """Why the store could not be opened (in the UI's language), once that has failed."""
        ...

    timebox_min: int
    """The session's time box in minutes (the question screens pace against it)."""
    exported: dict[str, Path]
    """Reports exported in this session, per assessment (the summary offers to open them)."""

    async def ensure_store(self) -> bool:
        """Open the store on first use; False, with a message shown, if it cannot be opened."""
        ...

    def palette_commands(self) -> list[tuple[str, str, str]]:
        """App-wide command palette entries: (title key, help key, action)."""
        ...
