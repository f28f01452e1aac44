"""The participant's first screen: pick an open team vote and a name (or join anonymously)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from maturity.errors import MaturityError
from maturity.tui.participant.vote import VoteScreen
from maturity.tui.safe import plain, safe_str
from maturity.tui.screens.base import BaseScreen
from maturity.tui.widgets.footer import KeyFooter
from maturity.tui.widgets.safe_input import SafeInput

if TYPE_CHECKING:
    from maturity.store.base import LiveSession

SESSIONS_POLL_S = 1.0
"""How often the list of open team votes is read while a participant picks one."""


class JoinScreen(BaseScreen[None]):
    """Pick an open team vote (when no id was given) and type a name (unless anonymous)."""

    HELP_GROUP = "help.screen.participant"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.quit", "Quit", id="quit", show=False),
    ]

    def __init__(self, assessment_id: str | None, name: str | None) -> None:
        super().__init__()
        self.assessment_id = assessment_id
        self.name_given = name
        self.sessions: list[LiveSession] = []
        self.chosen: LiveSession | None = None
        self.anonymous = False
        self.busy = False
        self.people: list[str] = []
        """The assessment's participant list: a participant picks their name from it."""

    def compose(self) -> ComposeResult:
        with Vertical(id="join"):
            yield Static(id="join-title", classes="screen-title")
            yield Static(id="join-sessions-label", classes="dim")
            yield OptionList(id="join-sessions")
            yield Static(id="join-people-label", classes="dim")
            yield OptionList(id="join-people")
            yield Static(id="join-anonymous", classes="hint")
            yield SafeInput(id="join-name")  # the core's check_name says when it is too long
            yield Static(id="join-error", classes="field-error")
            yield Static(id="join-hint", classes="hint")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#join-error").display = False
        self.refresh_view()
        self.start()

    @work(exclusive=True, group="join-start", exit_on_error=False)
    async def start(self) -> None:
        if not await self.host.ensure_store():
            return
        ws = self.gateway.workspace
        if self.assessment_id is None:
            self.set_interval(SESSIONS_POLL_S, self.load_sessions)
            self.load_sessions()
            return
        try:
            a = await self.gateway.run(ws.get, self.assessment_id)
        except MaturityError as exc:
            self.error(self.error_text(exc))
            return
        self.assessment_id, self.anonymous = a.id, a.anonymous
        self.people = list(a.participants)
        if self.anonymous or self.name_given:
            self.join(self.name_given or "")
        else:
            self.refresh_view()

    @work(exclusive=True, group="join-sessions", exit_on_error=False)
    async def load_sessions(self) -> None:
        try:
            self.sessions = await self.gateway.run(self.gateway.workspace.live_sessions)
        except MaturityError:
            return
        self.refresh_view()

    def refresh_view(self) -> None:
        self.query_one("#join-title", Static).update(self.t("join.heading"))
        sessions = self.query_one("#join-sessions", OptionList)
        picking = self.assessment_id is None
        sessions.display = picking
        label = self.query_one("#join-sessions-label", Static)
        label.display = picking
        label.update(self.t("join.sessions") if self.sessions else self.t("join.none"))
        if picking:
            highlighted = sessions.highlighted
            sessions.clear_options()
            for s in self.sessions:
                row = Text(safe_str(s.team), style="bold")
                row.append(f"  {safe_str(s.questionnaire_id)} · {s.assessment_id[:8]}", "dim")
                if s.anonymous:
                    row.append(f"  ({self.t('team.badge_anonymous')})", style="dim")
                sessions.add_option(Option(row, id=s.assessment_id))
            if self.sessions:
                sessions.highlighted = min(highlighted or 0, len(self.sessions) - 1)
                if not self.query_one("#join-name", Input).has_focus:
                    sessions.focus()
        anonymous = self.anonymous or (self.chosen is not None and self.chosen.anonymous)
        name = self.query_one("#join-name", Input)
        name.placeholder = self.t("join.name_placeholder")
        name.border_title = self.t("join.name")
        name.display = not anonymous and (not picking or self.chosen is not None)
        people = self.query_one("#join-people", OptionList)
        people_label = self.query_one("#join-people-label", Static)
        people.display = people_label.display = name.display and bool(self.people)
        if people.display and people.option_count != len(self.people):
            people.clear_options()
            for i, person in enumerate(self.people):
                people.add_option(Option(Text(person), id=str(i)))
            people_label.update(self.t("retro.pick_name"))
            people.highlighted = 0
            people.focus()
        note = self.query_one("#join-anonymous", Static)
        note.update(self.t("join.anonymous"))
        note.display = anonymous
        self.query_one("#join-hint", Static).update(self.t("join.hint"))
        if (
            name.display
            and not people.display
            and not name.has_focus
            and (self.chosen or not picking)
        ):
            name.focus()

    def error(self, message: str) -> None:
        widget = self.query_one("#join-error", Static)
        widget.update(plain(message, multiline=True))
        widget.display = bool(message)

    @on(OptionList.OptionSelected, "#join-sessions")
    def _session_chosen(self, event: OptionList.OptionSelected) -> None:
        self.chosen = next((s for s in self.sessions if s.assessment_id == event.option.id), None)
        if self.chosen is None:
            return
        if self.chosen.anonymous:
            self.assessment_id = self.chosen.assessment_id
            self.join("")
        else:
            self.load_people(self.chosen.assessment_id)

    @work(exclusive=True, group="join-people", exit_on_error=False)
    async def load_people(self, assessment_id: str) -> None:
        try:
            a = await self.gateway.run(self.gateway.workspace.get, assessment_id)
        except MaturityError as exc:
            self.error(self.error_text(exc))
            return
        self.people = list(a.participants)
        self.refresh_view()

    @on(OptionList.OptionSelected, "#join-people")
    def _person_chosen(self, event: OptionList.OptionSelected) -> None:
        if self.chosen is not None:
            self.assessment_id = self.chosen.assessment_id
        self.join(self.people[int(event.option.id or 0)])

    @on(Input.Submitted, "#join-name")
    def _name_given(self, event: Input.Submitted) -> None:
        if self.assessment_id is None and self.chosen is None:
            self.error(self.t("join.pick_first"))
            return
        if self.chosen is not None:
            self.assessment_id = self.chosen.assessment_id
        self.join(event.value)

    @work(exclusive=True, group="join", exit_on_error=False)
    async def join(self, name: str) -> None:
        if self.busy or self.assessment_id is None:
            return
        self.busy = True
        aid = self.assessment_id
        try:
            voter = await self.gateway.run(self.gateway.workspace.voter, aid, name)
        except MaturityError as exc:
            self.error(self.error_text(exc))
            if self.chosen is not None:
                self.assessment_id = None
            return
        finally:
            self.busy = False
        self.error("")
        self.app.switch_screen(VoteScreen(aid, voter))
