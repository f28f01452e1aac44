"""Command palette provider: the current screen's main actions plus the app-wide ones."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

from maturity.tui.i18n import t

if TYPE_CHECKING:
    from maturity.tui.host import Host


class MaturityCommands(Provider):
    """Offers what the keys offer, by name, in the UI language."""

    def _entries(self) -> list[tuple[str, str, str]]:
        app = cast("Host", self.app)
        screen_entries = getattr(self.screen, "palette_commands", None)
        entries: list[tuple[str, str, str]] = list(screen_entries()) if screen_entries else []
        entries += app.palette_commands()
        lang = app.lang
        return [(t(title, lang), t(help_key, lang), action) for title, help_key, action in entries]

    def _run(self, action: str) -> None:
        # Actions are "app.x" or a screen action; run them where the palette was opened from.
        self.app.call_later(self.app.run_action, action, self.screen)

    async def discover(self) -> Hits:
        for title, help_text, action in self._entries():
            yield DiscoveryHit(title, partial(self._run, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, action in self._entries():
            score = matcher.match(title)
            if score > 0:
                yield Hit(
                    score, matcher.highlight(title), partial(self._run, action), help=help_text
                )
