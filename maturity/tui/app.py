"""The maturity Textual app: screens on a stack, one store thread, English and Korean.

Home -> new assessment -> questions -> DORA -> results. Every answer is queued on the store
thread the moment its key is pressed and the screen says "saved" only once it is committed
(see :mod:`maturity.tui.gateway`). App-wide keys live here; each screen owns its own.
"""

from __future__ import annotations

import gc
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual._path import CSSPathType
from textual.app import App
from textual.binding import Binding, BindingType
from textual.notifications import SeverityLevel
from textual.reactive import reactive
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from maturity.errors import MaturityError
from maturity.retro import DEFAULT_BOX_MIN
from maturity.safetext import terminal_safe
from maturity.tui.commands import MaturityCommands
from maturity.tui.gateway import Gateway
from maturity.tui.i18n import default_language, other, t
from maturity.tui.messages import (
    GoHome,
    LanguageChanged,
    OpenDora,
    OpenExport,
    OpenPlan,
    OpenPortfolio,
    OpenQuestions,
    OpenResults,
    OpenSummary,
    OpenTeam,
    OpenTrend,
)
from maturity.tui.themes import ANSI_DARK, ANSI_LIGHT, DARK_NAME, LIGHT_NAME, THEMES

if TYPE_CHECKING:
    # Imported on the store thread at first use: the core's pydantic models cost ~0.2 s to
    # import, which would otherwise delay the first screen.
    from maturity.workspace import Workspace

DARK, LIGHT = DARK_NAME, LIGHT_NAME
_STOCK = {"textual-dark": DARK_NAME, "textual-light": LIGHT_NAME}

log = logging.getLogger(__name__)


class MaturityApp(App[None]):
    """The assessment app. Give it a store path (the CLI) or a ready Workspace (tests)."""

    CSS_PATH: ClassVar[CSSPathType | None] = ["app.tcss"]  # the others: BaseScreen.SHEETS
    TITLE = "maturity"
    COMMANDS = App.COMMANDS | {MaturityCommands}
    COMMAND_PALETTE_BINDING = "ctrl+p"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "show_keys", "Keys", id="help", key_display="?"),
        # Shown in the footer on home only (HomeScreen repeats it); listed in help everywhere.
        Binding("f2", "toggle_language", "한국어", id="language", show=False),
        Binding("f3", "toggle_theme", "Theme", id="theme", show=False),
        Binding("ctrl+q", "quit", "Quit", id="quit", show=False, priority=True),
    ]

    lang: reactive[str] = reactive("en", init=False)
    """UI language (en/ko); chrome strings and questionnaire content both follow it."""

    def __init__(
        self,
        store_path: str | Path | None = None,
        *,
        workspace: Workspace | None = None,
        lang: str | None = None,
        theme: str | None = None,
    ) -> None:
        super().__init__()
        self.store_path = store_path
        self.exported: dict[str, Path] = {}
        """Reports exported in this session, per assessment (the summary offers to open them)."""
        self.timebox_min: int = DEFAULT_BOX_MIN
        """The session's time box (the question screens pace against it)."""
        self.gateway = Gateway(workspace)
        self.store_failure: MaturityError | None = None
        """Why the store could not be opened (kept as the error, so it follows the language)."""
        self.set_reactive(MaturityApp.lang, lang or default_language())
        # Our themes: every text colour reaches 4.5:1 on a projector (see themes.py).
        for custom in THEMES:
            self.register_theme(custom)
        self.set_reactive(App.ansi_theme_dark, ANSI_DARK)
        self.set_reactive(App.ansi_theme_light, ANSI_LIGHT)
        self._start_theme(_STOCK.get(theme or DARK, theme or DARK))

    def _start_theme(self, name: str) -> None:
        """Set the first theme without Textual's theme watcher.

        The watcher queues a second parse of every stylesheet and a restyle of the whole first
        screen, which is only needed when the theme changes while running: before the app
        runs, Textual's first parse already takes this theme's colours. So only the watcher's
        other effects are repeated here: the stylesheet's colour variables (App.__init__ made
        them for Textual's default theme), the theme classes and the ANSI colour mapping (our
        ANSI themes, set just above). An unknown name still fails as ``App.theme`` does.
        """
        if name not in self.available_themes:
            self.theme = name  # raises InvalidThemeError with Textual's message
        self.set_reactive(App.theme, name)
        self.stylesheet.set_variables(self.get_css_variables())  # made for the default theme
        dark = self.current_theme.dark
        self.set_class(dark, "-dark-mode", update=False)
        self.set_class(not dark, "-light-mode", update=False)
        self.set_class(True, f"-theme-{name}", update=False)
        self._refresh_truecolor_filter(self.ansi_theme)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification is plain text: messages carry names, notes, file paths and error
        text people typed (a team ``x[/]`` in an error must not raise MarkupError)."""
        super().notify(
            terminal_safe(message, multiline=True),
            title=terminal_safe(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    # -- lifecycle --------------------------------------------------------------------------

    def get_default_screen(self) -> Screen[Any]:
        """Home is the first screen on the stack, instead of being pushed over Textual's empty
        default screen: one screen to mount, style and lay out before the first full screen,
        not two."""
        from maturity.tui.screens.home import HomeScreen

        return HomeScreen()

    def on_mount(self) -> None:
        self.title = t("app.title", self.lang)

    async def ensure_store(self) -> bool:
        """Open the store on first use (on the store thread); False, with a message, if it fails."""
        if self.gateway.is_open:
            return True
        if self.store_failure is not None:
            return False
        try:
            await self.gateway.open(self.store_path)
        except MaturityError as exc:
            self.store_failure = exc
            self.notify(
                exc.text(self.lang), title=t("error.store", self.lang), severity="error", timeout=30
            )
            return False
        return True

    @property
    def store_error(self) -> str | None:
        """The store-open error in the UI's language (None when the store opened or was not
        opened yet)."""
        return None if self.store_failure is None else self.store_failure.text(self.lang)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """No worker fails in silence (every screen's workers run with ``exit_on_error=False``;
        screens forward their failed workers here, see ``BaseScreen``).

        Screens handle the errors a user can act on (:class:`MaturityError`: a locked store, a
        deleted assessment) where they happen. Anything else reaching here is a bug: it is
        shown, so the user knows the last action did not complete, and logged with its
        traceback. A user error a screen forgot to handle is shown as it is.
        """
        if event.state != WorkerState.ERROR or event.worker.error is None:
            return
        error = event.worker.error
        if isinstance(error, MaturityError):
            self.notify(
                error.text(self.lang),
                title=t("error.title", self.lang),
                severity="error",
                timeout=10,
            )
            return
        log.error("worker %r failed", event.worker.name, exc_info=error)
        self.log.error(f"worker {event.worker.name!r} failed", error)
        self.notify(
            t("error.unexpected", self.lang, error=f"{type(error).__name__}: {error}"),
            title=t("error.title", self.lang),
            severity="error",
            timeout=30,
        )

    def on_unmount(self) -> None:
        # Queued writes finish before the store closes: quitting never drops an answer.
        self.gateway.close()

    # -- language and theme -----------------------------------------------------------------

    def watch_lang(self, lang: str) -> None:
        self.title = t("app.title", lang)
        for screen in self.screen_stack:
            screen.post_message(LanguageChanged())
        self.refresh_bindings()

    def action_toggle_language(self) -> None:
        self.lang = other(self.lang)
        self.notify(t("lang.switched", self.lang), timeout=2)

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT if self.theme == DARK else DARK
        self.notify(t("theme.switched", self.lang, theme=self.theme), timeout=2)

    # -- navigation -------------------------------------------------------------------------
    # Screens ask by message (maturity.tui.messages; they never import this module); the
    # methods below do it and are what tests and the command palette call directly.

    def on_go_home(self, _request: GoHome) -> None:
        self.go_home()

    def on_open_questions(self, request: OpenQuestions) -> None:
        self.open_questions(request.assessment_id, request.question_id)

    def on_open_team(self, request: OpenTeam) -> None:
        self.open_team(request.assessment_id, request.question_id)

    def on_open_results(self, request: OpenResults) -> None:
        self.open_results(request.assessment_id)

    def on_open_dora(self, request: OpenDora) -> None:
        self.open_dora(request.assessment_id)

    def on_open_export(self, request: OpenExport) -> None:
        self.open_export(request.assessment_id)

    def on_open_plan(self, request: OpenPlan) -> None:
        self.open_plan(request.assessment_id)

    def on_open_summary(self, request: OpenSummary) -> None:
        self.open_summary(request.assessment_id)

    def on_open_trend(self, request: OpenTrend) -> None:
        self.open_trend(request.team)

    def on_open_portfolio(self, _request: OpenPortfolio) -> None:
        self.open_portfolio()

    def action_show_keys(self) -> None:
        from maturity.tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
            return
        self.push_screen(HelpScreen(type(self.screen)))

    def go_home(self) -> None:
        """Close every screen above home (all answers are already saved or queued)."""
        from maturity.tui.screens.home import HomeScreen

        while len(self.screen_stack) > 1 and not isinstance(self.screen, HomeScreen):
            self.pop_screen()

    def open_questions(self, assessment_id: str, question_id: str | None = None) -> None:
        """Show the question screen for an assessment, reusing one already on the stack."""
        from maturity.tui.screens.question import QuestionScreen

        found = [
            s
            for s in self.screen_stack
            if isinstance(s, QuestionScreen) and s.assessment_id == assessment_id
        ]
        if found:
            target: QuestionScreen = found[-1]
            while self.screen is not target:
                self.pop_screen()
            if question_id:
                target.jump_to(question_id)
            return
        self.push_screen(QuestionScreen(assessment_id, start_at=question_id))

    def open_team(self, assessment_id: str, question_id: str | None = None) -> None:
        """Swap the question screen on top for team mode (votes, reveal) at ``question_id``."""
        from maturity.tui.screens.question import QuestionScreen
        from maturity.tui.screens.team import TeamQuestionScreen

        team = TeamQuestionScreen(assessment_id, start_at=question_id)
        if isinstance(self.screen, QuestionScreen):
            self.switch_screen(team)
        else:
            self.push_screen(team)

    def open_results(self, assessment_id: str) -> None:
        from maturity.tui.screens.results import ResultsScreen

        self.push_screen(ResultsScreen(assessment_id))

    def open_plan(self, assessment_id: str) -> None:
        from maturity.tui.screens.plan import PlanScreen

        self.push_screen(PlanScreen(assessment_id))

    def open_dora(self, assessment_id: str) -> None:
        from maturity.tui.screens.dora import DoraScreen

        self.push_screen(DoraScreen(assessment_id))

    def open_export(self, assessment_id: str) -> None:
        from maturity.tui.screens.export import ExportScreen, export_available

        if not export_available():
            self.notify(t("export.unavailable", self.lang), severity="warning", timeout=8)
            return

        def done(path: Path | None) -> None:
            if path is not None:
                self.exported[assessment_id] = path  # the summary screen offers to open it

        self.push_screen(ExportScreen(assessment_id), done)

    def open_summary(self, assessment_id: str) -> None:
        from maturity.tui.screens.summary import SummaryScreen

        self.push_screen(SummaryScreen(assessment_id))

    def open_trend(self, team: str) -> None:
        from maturity.tui.screens.trend import TrendScreen

        self.push_screen(TrendScreen(team))

    def open_portfolio(self) -> None:
        from maturity.tui.screens.portfolio import PortfolioScreen

        if not isinstance(self.screen, PortfolioScreen):
            self.push_screen(PortfolioScreen())

    def action_open_portfolio(self) -> None:
        self.open_portfolio()

    def palette_commands(self) -> list[tuple[str, str, str]]:
        """App-wide palette entries: (title key, help key, action)."""
        return [
            ("cmd.home", "cmd.home.help", "app.go_home"),
            ("cmd.portfolio", "cmd.portfolio.help", "app.open_portfolio"),
            ("cmd.language", "cmd.language.help", "app.toggle_language"),
            ("cmd.theme", "cmd.theme.help", "app.toggle_theme"),
            ("cmd.help", "cmd.help.help", "app.show_keys"),
        ]

    def action_go_home(self) -> None:
        self.go_home()


def run_app(store_path: str | Path | None = None) -> int:
    """Run the app until the user quits; the exit code for the command line.

    Everything imported so far (Textual, Rich, our modules: some hundred thousand objects)
    lives as long as the process, so it is moved out of the cyclic garbage collector's
    sight (:func:`gc.freeze`) before the app starts. Otherwise the first full collection
    comes while the home list is drawn and walks all of it (20-30 ms of the first screen);
    afterwards every full collection only looks at objects made since.
    """
    app = MaturityApp(store_path)
    gc.freeze()
    app.run()
    return app.return_code or 0


__all__ = ["MaturityApp", "run_app"]
