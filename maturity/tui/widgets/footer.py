"""The compact key footer every screen shows, built once per change of the keys it lists.

Textual's :class:`~textual.widgets.Footer` rebuilds its keys (a dozen widgets) for every
``bindings_updated`` signal, and a screen that starts sends two or three in a row (mount,
focus, data loaded), each a full remove-and-mount. In compact mode each new key is also
styled twice: mounted without the ``-compact`` class, then restyled when its ``compact``
reactive adds the class. On the home screen both happen before the first full screen.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class KeyFooter(Footer):
    """A compact :class:`Footer` that rebuilds once for a burst of binding changes and
    mounts its keys already compact (what Textual's footer shows, with less work)."""

    def __init__(self) -> None:
        super().__init__(compact=True)
        self._rebuild_queued = False

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                # The class its compact watcher would add after mounting (and restyle for).
                widget.set_class(self.compact, "-compact", update=False)
            yield widget

    def bindings_changed(self, screen: Screen[object]) -> None:
        """Queue one rebuild; signals that come before it runs are covered by it, since the
        keys are read from the screen when it runs."""
        self._bindings_ready = True
        if not screen.app.app_focus or self._rebuild_queued:
            return
        if self.is_attached and screen is self.screen:
            self._rebuild_queued = True
            self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._rebuild_queued = False
        await self.recompose()
