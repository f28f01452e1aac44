"""The participant's app: ``maturity join ID --as NAME``, and what ``maturity serve`` serves.

It follows the facilitator: every :data:`POLL_S` seconds it reads the session's current
question from the store (on the store thread, like every store call in the TUI) and shows it.
The participant votes 1-5 or 0 ("not sure") and may change or withdraw the vote until the
facilitator reveals the question. Before the reveal the store hands this app only the count of
votes and its own vote, so nothing on this screen can show what others voted.

In an anonymous assessment the app votes under per-question tokens derived from a secret that
lives only in this process (:class:`maturity.voting.Voter`); the name, if typed, never leaves
it. A consequence, documented in docs/team-mode.md: after restarting the app, a participant
cannot change a vote cast before the restart (it still counts; the facilitator can ``x`` to
let the team vote again).
"""

from __future__ import annotations

import contextlib
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rich.table import Table
from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from maturity.errors import MaturityError
from maturity.model.text import tr
from maturity.tui.app import MaturityApp
from maturity.tui.i18n import t
from maturity.tui.live import SAFETY_POLL_S, follow_changes
from maturity.tui.safe import plain, safe_str, styled
from maturity.tui.screens.base import BaseModal, BaseScreen
from maturity.tui.widgets.answers import (
    NOT_SURE,
    AnswerOptions,
    answer_choices,
    level_bindings,
    question_widgets,
)
from maturity.tui.widgets.safe_input import SafeInput
from maturity.tui.widgets.saved import PendingWrites
from maturity.tui.widgets.votes import VotePanel, participant_text
from maturity.voting import BEAT_S

if TYPE_CHECKING:
    from maturity.model.questionnaire import Dimension, Question
    from maturity.questionnaire import LoadedQuestionnaire
    from maturity.store.base import LiveSession, TeamState
    from maturity.voting import Voter
    from maturity.workspace import Workspace

POLL_S = 0.3
"""How often the participant's screen reads the store: it follows within about this long."""
SESSIONS_POLL_S = 1.0


class VoteScreen(BaseScreen[None]):
    """One question at a time, the facilitator's; the participant's vote and the count."""

    HELP_GROUP = "help.screen.participant"
    DEFAULT_CSS = """
    VoteScreen #p-main { height: 1fr; padding: 0 1; }
    VoteScreen #p-position { height: 1; }
    VoteScreen #p-text { height: auto; margin: 0 0 1 0; }
    VoteScreen #p-help { height: auto; max-height: 40%; background: $boost; padding: 0 1; margin-bottom: 1; }
    VoteScreen #p-help-text { height: auto; }
    VoteScreen #p-options { height: 1fr; border: none; padding: 0; }
    VoteScreen .p-who { width: auto; height: 1; color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        *level_bindings("vote", "Vote", "team_vote"),
        Binding("backspace", "withdraw", "Withdraw vote", id="withdraw"),
        Binding("h", "toggle_help", "Why", id="toggle_help"),
        Binding("q", "app.quit", "Quit", id="quit"),
    ]

    def __init__(self, assessment_id: str, voter: Voter) -> None:
        super().__init__()
        self.assessment_id = assessment_id
        self.voter = voter
        self.team = ""
        self.loaded: LoadedQuestionnaire | None = None
        self.state: TeamState | None = None
        self.shown: tuple[str | None, bool, int | None, bool] | None = None
        """(question, voted, my vote, revealed) the option list was last built for."""
        self.show_help = False
        self.writes = PendingWrites()
        self._polling = False
        self.followed = False
        """Whether a question was ever shown (then "no question" means the facilitator left)."""

    def compose(self) -> ComposeResult:
        with Horizontal(classes="topbar"):
            yield Static(id="p-title", classes="topbar-title")
            yield Static(id="p-who", classes="p-who")
        with Vertical(id="p-main"):
            yield from question_widgets("p")
            yield VotePanel(id="p-votes")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#p-help").display = False
        self.load()
        store = self.gateway.workspace.store
        if follow_changes(self, store, self.assessment_id, self.poll):  # PostgreSQL: told
            self.set_interval(SAFETY_POLL_S, self.poll)
        else:
            self.set_interval(POLL_S, self.poll)
        self.set_interval(BEAT_S, self.beat)
        self.beat()

    def beat(self, *, leave: bool = False) -> None:
        """Say this participant is here (their vote is theirs alone: the facilitator's digits
        skip them); anonymous voters write nothing."""
        if self.voter.anonymous or not self.gateway.is_open:
            return
        with contextlib.suppress(RuntimeError):  # the store thread is already gone
            self.gateway.submit(
                self.gateway.workspace.present, self.assessment_id, self.voter, leave=leave
            )

    def on_unmount(self) -> None:
        self.beat(leave=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # After the reveal the footer stops offering keys that can no longer do anything.
        if action in ("vote", "withdraw"):
            return self.state is None or not self.state.revealed
        return True

    @work(exclusive=True, group="p-load", exit_on_error=False)
    async def load(self) -> None:
        ws = self.gateway.workspace

        def _read() -> tuple[str, LoadedQuestionnaire]:
            a = ws.get(self.assessment_id)
            return a.team, ws.questionnaire_for(a)

        try:
            self.team, self.loaded = await self.gateway.run(_read)
        except MaturityError as exc:
            self.notify(
                self.error_text(exc), title=self.t("error.title"), severity="error", timeout=30
            )
            return
        self.refresh_view()
        self.poll()

    # -- following the facilitator ----------------------------------------------------------

    def poll(self) -> None:
        """Read the session and the current question's votes (skipped while a read runs)."""
        if self._polling or self.loaded is None:
            return
        self._polling = True
        self._poll()

    @work(group="p-poll", exit_on_error=False)
    async def _poll(self) -> None:
        ws = self.gateway.workspace
        try:
            state = await self.gateway.run(ws.team_state, self.assessment_id, None, self.voter)
        except MaturityError:
            return  # locked for a moment, or deleted: the next poll tries again
        finally:
            self._polling = False
        if self.is_attached:
            self.apply_state(state)

    def apply_state(self, state: TeamState) -> None:
        if (
            self.writes.pending
            and self.state is not None
            and state.question_id == self.state.question_id
        ):
            # Our own vote is still on its way: keep showing it rather than the older value.
            state = _with_mine(state, self.state)
        old, self.state = self.state, state
        if state.question_id is not None:
            self.followed = True
        if old is None or (old.question_id, old.revealed) != (state.question_id, state.revealed):
            self.refresh_bindings()
        self.refresh_view()

    @property
    def question(self) -> tuple[Dimension, Question] | None:
        if self.loaded is None or self.state is None or self.state.question_id is None:
            return None
        found = self.loaded.questionnaire.find_question(self.state.question_id)
        return (found[0], found[1]) if found else None

    # -- view -------------------------------------------------------------------------------

    def refresh_view(self) -> None:
        if self.loaded is None:
            return
        lang = self.lang
        q = self.loaded.questionnaire
        title = Text(safe_str(self.team), style="bold")  # Text, not markup: typed by people
        title.append(f" · {safe_str(tr(q.title, lang))}")
        self.query_one("#p-title", Static).update(title)
        who = (
            self.t("p.you_anonymous")
            if self.voter.anonymous
            else self.t("p.you", name=safe_str(self.voter.name))
        )
        self.query_one("#p-who", Static).update(Text(who))
        state, current = self.state, self.question
        options = self.query_one("#p-options", AnswerOptions)
        panel = self.query_one("#p-votes", VotePanel)
        panel.border_title = self.t("team.badge")
        if state is None or current is None:
            self.query_one("#p-position", Static).update("")
            key = "p.waiting"
            if state is not None and state.status == "complete":
                key = "p.closed"
            elif self.followed:
                key = "retro.facilitator_gone"
            self.query_one("#p-text", Static).update(Text(self.t(key)))
            self.query_one("#p-help").display = False
            options.display = False
            panel.display = False
            self.shown = None
            return
        dim, question = current
        in_dim = [x.id for x in dim.questions]
        self.query_one("#p-position", Static).update(
            plain(f"{tr(dim.title, lang)} · {in_dim.index(question.id) + 1}/{len(in_dim)}")
        )
        self.query_one("#p-text", Static).update(
            Text(safe_str(tr(question.text, lang), multiline=True), style="bold")
        )
        self.query_one("#p-help-text", Static).update(
            styled(
                "[b]$title[/b]  $help",
                title=self.t("q.help_title"),
                help=plain(tr(question.help, lang), multiline=True),
            )
        )
        self.query_one("#p-help").display = self.show_help
        shown = (question.id, state.voted, state.mine, state.revealed)
        if shown != self.shown:
            mine = (NOT_SURE if state.mine is None else state.mine) if state.voted else None
            options.show(answer_choices(question, lang), mine)
            options.disabled = state.revealed or state.status == "complete"
            self.shown = shown
            if not options.disabled:
                options.focus()
        options.display = True
        panel.display = True
        panel.update(participant_text(state, lang))

    def on_language_changed(self, _message: object) -> None:
        self.shown = None
        self.refresh_view()
        self.refresh_bindings()

    # -- voting -----------------------------------------------------------------------------

    def action_vote(self, key: int) -> None:
        state = self.state
        if state is None or state.question_id is None or state.revealed:
            if state is not None and state.revealed:
                self.notify(self.t("p.locked"), severity="warning", timeout=3)
            return
        level = None if key == NOT_SURE else key
        ws = self.gateway.workspace
        future = self.gateway.submit(
            ws.cast_vote, self.assessment_id, state.question_id, self.voter, level
        )
        self.state = _with_mine(state, None, voted=True, mine=level)
        self.writes.begin()
        self.refresh_view()
        self.watch_vote(future)

    @on(AnswerOptions.Chosen)
    def _chosen(self, event: AnswerOptions.Chosen) -> None:
        self.action_vote(event.key)

    def action_withdraw(self) -> None:
        state = self.state
        if state is None or state.question_id is None or state.revealed or not state.voted:
            return
        ws = self.gateway.workspace
        future = self.gateway.submit(
            ws.retract_vote, self.assessment_id, state.question_id, self.voter
        )
        self.state = _with_mine(state, None, voted=False, mine=None)
        self.writes.begin()
        self.refresh_view()
        self.watch_vote(future)
        self.notify(self.t("p.withdrawn"), timeout=2)

    @work(group="p-vote", exit_on_error=False)
    async def watch_vote(self, future: Future[Any]) -> None:
        try:
            await self.writes.settle(self.gateway.wait(future))
        except MaturityError as exc:
            self.notify(
                self.error_text(exc), title=self.t("team.vote_failed"), severity="error", timeout=8
            )
        finally:
            if self.is_attached:
                self._polling = False
                self.poll()

    def action_toggle_help(self) -> None:
        self.show_help = not self.show_help
        self.refresh_view()


def _with_mine(
    state: TeamState,
    source: TeamState | None,
    *,
    voted: bool | None = None,
    mine: int | None = None,
) -> TeamState:
    """``state`` with the participant's own vote taken from ``source`` or given."""
    from dataclasses import replace

    if source is not None:
        return replace(state, voted=source.voted, mine=source.mine)
    return replace(state, voted=bool(voted), mine=mine)


class JoinScreen(BaseScreen[None]):
    """Pick an open team vote (when no id was given) and type a name (unless anonymous)."""

    HELP_GROUP = "help.screen.participant"
    DEFAULT_CSS = """
    JoinScreen #join { height: 1fr; padding: 0 1; }
    JoinScreen #join-sessions { height: auto; max-height: 12; border: round $primary; }
    JoinScreen #join-name { margin-top: 1; }
    JoinScreen #join-people { height: auto; max-height: 10; border: round $primary; }
    """
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
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#join-error").display = False
        self.refresh_view()
        self.start()

    @work(exclusive=True, group="join-start", exit_on_error=False)
    async def start(self) -> None:
        if not await self.mapp.ensure_store():
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


class ParticipantHelp(BaseModal[None]):
    """``?`` for participants: their keys only (not the facilitator's)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q", "close", "Close", show=False)]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(id="phelp-heading", classes="dialog-title")
            yield Static(id="phelp-table")

    def on_mount(self) -> None:
        from maturity.tui.screens.help import _rows

        self.query_one("#phelp-heading", Static).update(self.t("help.heading"))
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for bindings in (VoteScreen.BINDINGS, ParticipantApp.BINDINGS):
            for keys, desc in _rows(list(bindings), self.lang):
                table.add_row(Text(keys, style="bold"), desc)
        self.query_one("#phelp-table", Static).update(table)

    def action_close(self) -> None:
        self.dismiss()


class ParticipantApp(MaturityApp):
    """A participant's view of a team vote on the same store as the facilitator's app."""

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

    @on(events.Mount)
    def _start(self, event: events.Mount) -> None:
        # Textual also calls the handlers of base classes: stop MaturityApp.on_mount (which
        # would push the home screen over the join screen).
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


__all__ = ["JoinScreen", "ParticipantApp", "VoteScreen", "run_participant"]
