"""What every maturity screen shares: the UI language, translated footer keys, a view refresh.

Screens keep their state in plain attributes and write it to their widgets in
:meth:`BaseScreen.refresh_view`; switching the language just calls it again, so nothing the
user typed or chose is lost (no recompose).
"""

from __future__ import annotations

import os
from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar, cast

from textual import events
from textual.binding import ActiveBinding
from textual.content import Content
from textual.screen import ModalScreen, Screen, ScreenResultType
from textual.widgets import DataTable
from textual.worker import Worker, WorkerState

from maturity.errors import MaturityError
from maturity.tui.i18n import t
from maturity.tui.messages import LanguageChanged, Navigate
from maturity.tui.safe import ui

if TYPE_CHECKING:
    from textual.app import App

    from maturity.tui.gateway import Gateway
    from maturity.tui.host import Host


_TUI = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class BaseScreen(Screen[ScreenResultType]):
    """A screen whose labels follow the app's language."""

    HELP_GROUP: ClassVar[str] = ""
    """i18n key of this screen's section on the help screen ("" = not listed)."""

    SHEETS: ClassVar[tuple[str, ...]] = ("screens.tcss", "plan.tcss")
    """Stylesheets (in maturity/tui) this screen needs beyond the app's ``app.tcss``, added
    when the first screen that needs them is mounted. The first screen (home) needs none, so
    the start does not parse the rules of the other screens."""

    def _post_register(self, app: App[object]) -> None:
        # Before the screen and its widgets are styled, like a widget's DEFAULT_CSS, but with
        # the priority of the app's own sheets (what CSS_PATH gives): only the new sheet is
        # parsed (Textual keeps the others parsed), and nothing already on screen is restyled.
        super()._post_register(app)
        stylesheet = app.stylesheet
        for name in self.SHEETS:
            path = os.path.join(_TUI, name)
            if not stylesheet.has_source(path):
                with open(path, encoding="utf-8") as sheet:
                    stylesheet.add_source(sheet.read(), read_from=(path, ""))

    @property
    def host(self) -> Host:
        """The app's session state (language, store thread, ...), without importing the app."""
        return cast("Host", self.app)

    @property
    def lang(self) -> str:
        return self.host.lang

    @property
    def gateway(self) -> Gateway:
        return self.host.gateway

    def navigate(self, request: Navigate) -> None:
        """Ask the app to show another screen (it decides how: push, reuse, swap).

        Posted to the app itself, not bubbled from this screen: a screen that dismisses
        itself right after asking would otherwise drop the request with its message queue.
        """
        self.app.post_message(request)

    def t(self, key: str, **values: object) -> str:
        """A UI string with values filled in: for our own words and numbers only (it is
        markup to most widgets); a name or a note goes through :meth:`tc`."""
        return t(key, self.lang, **values)

    def error_text(self, error: MaturityError) -> str:
        """A user error in the UI's language: the core catalogue's words for its code (which
        never name a command-line flag), or its message when it has no code."""
        return error.text(self.lang)

    def tc(self, key: str, **values: object) -> Content:
        """A UI string as Content, ``values`` (names, notes) inserted as literal text."""
        return ui(key, self.lang, **values)

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The footer's bindings with descriptions in the UI language (looked up by binding id)."""
        out: dict[str, ActiveBinding] = {}
        for key, active in super().active_bindings.items():
            binding = active.binding
            key_id = "commands" if binding.action == "command_palette" else binding.id
            if key_id and binding.description:
                binding = replace(binding, description=t(f"binding.{key_id}", self.lang))
            out[key] = active._replace(binding=binding)
        return out

    _bindings_refresh_queued = False

    def refresh_bindings(self) -> None:
        """Ask for the footer to be rebuilt, at most once per screen refresh.

        Textual rebuilds the footer (a dozen widgets) for every call, and a screen start calls
        it many times in a row (mount, focus, stack update, data loaded, language): coalesced,
        the first full screen comes sooner and the footer is built once per change it shows.
        """
        if not self._bindings_refresh_queued:
            self._bindings_refresh_queued = True
            self.call_after_refresh(self._publish_bindings)

    def _publish_bindings(self) -> None:
        self._bindings_refresh_queued = False
        super().refresh_bindings()

    _resumed = False

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        """Spare a new screen Textual's restyle on its first resume.

        Textual restyles every widget of a screen when it is pushed or switched to, for a
        screen instance that was shown before and may have missed a change (a theme switch).
        A new screen was mounted a moment ago and each widget styled as it was mounted:
        restyling them all again only costs time (on home, 5-10 ms before the first full
        screen). Runs before Textual's own handler (subclass first), which reads the flag.
        """
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False

    def refresh_view(self) -> None:
        """Write the screen's state to its widgets, in the current language."""

    def on_language_changed(self, _message: LanguageChanged) -> None:
        self.refresh_view()
        self.refresh_bindings()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Worker messages do not bubble: hand a failed worker to the app's one handler."""
        if event.state == WorkerState.ERROR:
            self.app.post_message(Worker.StateChanged(event.worker, event.state))

    def palette_commands(self) -> list[tuple[str, str, str]]:
        """Command palette entries for this screen: (title key, help key, action name)."""
        return []

    def cursor_row_key(self, table_selector: str) -> str | None:
        """The key of the row under the cursor of the table ``table_selector`` (None if none)."""
        table = self.query_one(table_selector, DataTable)
        if table.row_count == 0:
            return None
        try:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        except Exception:  # cursor outside the rows (table being rebuilt)
            return None
        return key.value


class BaseModal(BaseScreen[ScreenResultType], ModalScreen[ScreenResultType]):
    """A modal dialog: Textual's :class:`ModalScreen` (dims the screen below, its bindings
    come before the app's) with the language and footer handling of :class:`BaseScreen`."""

    DEFAULT_CLASSES = "modal"
