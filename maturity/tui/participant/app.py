"""The participant's app: a :class:`MaturityApp` that starts on the join screen."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, on
from textual._path import CSSPathType
from textual.app import App
from textual.screen import Screen

from maturity.tui.app import MaturityApp
from maturity.tui.i18n import t
from maturity.tui.participant.help import ParticipantHelp
from maturity.tui.participant.join import JoinScreen

if TYPE_CHECKING:
    from maturity.workspace import Workspace


class ParticipantApp(MaturityApp):
    """A participant's view of a team vote on the same store as the facilitator's app."""

    # Relative to this module: the facilitator app's sheets, then the participant's screens.
    CSS_PATH: ClassVar[CSSPathType | None] = ["../app.tcss", "../plan.tcss", "participant.tcss"]

    def __init__(
        self,
        store_path: str | Path | None = None,
        *,
        workspace: Workspace | None = None,
        assessment_id: str | None = None,
        name: str | None = None,
        lang: str | None = None,
        theme: str | None = None,
    ) -> None:
        super().__init__(store_path, workspace=workspace, lang=lang, theme=theme)
        self.assessment_id = assessment_id
        self.participant_name = name

    def get_default_screen(self) -> Screen[Any]:
        """Textual's empty default screen, not the facilitator's home (the join screen is
        pushed over it)."""
        return App.get_default_screen(self)

    @on(events.Mount)
    def _start(self, event: events.Mount) -> None:
        # Textual also calls the handlers of base classes: stop MaturityApp.on_mount.
        event.prevent_default()
        self.title = t("app.title", self.lang)
        self.push_screen(JoinScreen(self.assessment_id, self.participant_name))

    def action_show_keys(self) -> None:
        if isinstance(self.screen, ParticipantHelp):
            self.screen.dismiss()
            return
        self.push_screen(ParticipantHelp())

    def palette_commands(self) -> list[tuple[str, str, str]]:
        return [
            ("cmd.language", "cmd.language.help", "app.toggle_language"),
            ("cmd.theme", "cmd.theme.help", "app.toggle_theme"),
            ("cmd.help", "cmd.help.help", "app.show_keys"),
        ]


def run_participant(
    store_path: str | Path | None, assessment_id: str | None, name: str | None
) -> int:
    app = ParticipantApp(store_path, assessment_id=assessment_id, name=name)
    app.run()
    return app.return_code or 0
