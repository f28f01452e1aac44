"""The compact key footer every screen shows, built once per change of the keys it lists.

Textual's :class:`~textual.widgets.Footer` rebuilds its keys (a dozen widgets) for every
``bindings_updated`` signal, and a screen that starts sends several (mount, focus, data
loaded), each a full remove-and-mount, although most change nothing the footer shows. In compact mode each new key is also
styled twice: mounted without the ``-compact`` class, then restyled when its ``compact``
reactive adds the class. On the home screen both happen before the first full screen.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class KeyFooter(Footer):
    """A compact :class:`Footer` that rebuilds once for a burst of binding changes, only when
    what it shows changed, and mounts its keys already compact (what Textual's footer shows,
    with less work)."""

    def __init__(self) -> None:
        super().__init__(compact=True)
        self._rebuild_queued = False
        self._built: tuple[tuple[object, ...], ...] | None = None

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                # The class its compact watcher would add after mounting (and restyle for).
                widget.set_class(self.compact, "-compact", update=False)
            yield widget

    def on_mount(self) -> None:
        """Show the keys without waiting for the screen's next bindings signal (Footer's own
        ``on_mount``, which subscribes to it, runs too): the first screen may send its first
        one before the footer is mounted, and the footer would stay empty until the next."""
        self.bindings_changed(self.screen)

    def bindings_changed(self, screen: Screen[object]) -> None:
        """Queue one rebuild; signals that come before it runs are covered by it, since the
        keys are read from the screen when it runs."""
        self._bindings_ready = True
        if not screen.app.app_focus or self._rebuild_queued:
            return
        if self.is_attached and screen is self.screen:
            self._rebuild_queued = True
            self.call_after_refresh(self._rebuild)

    def _shown(self) -> tuple[tuple[object, ...], ...]:
        """What the footer shows: each listed key with its words, state and tooltip."""
        return tuple(
            (key, binding.action, binding.description, binding.key_display, enabled, tooltip)
            for key, (_node, binding, enabled, tooltip) in self.screen.active_bindings.items()
            if binding.show or binding.action == "command_palette"
        )

    async def _rebuild(self) -> None:
        self._rebuild_queued = False
        await self.show_current()

    async def show_current(self) -> None:
        """Rebuild now if what the screen's bindings show changed (a screen that is about to
        show new data awaits this first, so the data and its keys appear in the same frame)."""
        if not self.is_attached or self._pruning:  # its screen closed meanwhile
            return
        shown = self._shown()
        if shown != self._built:  # a signal that changed nothing shown rebuilds nothing
            self._built = shown
            # As the footer itself: its keys bind to its ``compact`` (Textual's data binding
            # takes the active message pump as the owner), whoever awaits this.
            with self._context():
                await self.recompose()
