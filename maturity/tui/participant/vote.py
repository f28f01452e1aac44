"""The participant's vote screen: the facilitator's current question, this participant's vote
and the count of votes (never who voted what before the reveal).
"""

from __future__ import annotations

import contextlib
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from maturity.errors import MaturityError
from maturity.model.text import tr
from maturity.tui.live import OneRead, keep_up
from maturity.tui.safe import plain, safe_str, styled
from maturity.tui.screens.base import BaseScreen
from maturity.tui.widgets.answers import (
    NOT_SURE,
    AnswerOptions,
    answer_choices,
    level_bindings,
    question_widgets,
)
from maturity.tui.widgets.footer import KeyFooter
from maturity.tui.widgets.saved import PendingWrites
from maturity.tui.widgets.votes import VotePanel, participant_text

if TYPE_CHECKING:
    from maturity.model.questionnaire import Dimension, Question
    from maturity.questionnaire import LoadedQuestionnaire
    from maturity.store.base import TeamState
    from maturity.voting import Voter

"""How often the participant's screen reads the store: it follows within about this long."""


class VoteScreen(BaseScreen[None]):
    """One question at a time, the facilitator's; the participant's vote and the count."""

    HELP_GROUP = "help.screen.participant"
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
        self.reads = OneRead(lambda: self._poll())
        self.followed = False
        """Whether a question was ever shown (then "no question" means the facilitator left)."""

    def compose(self) -> ComposeResult:
        with Horizontal(classes="topbar"):
            yield Static(id="p-title", classes="topbar-title")
            yield Static(id="p-who", classes="p-who")
        with Vertical(id="p-main"):
            yield from question_widgets("p")
            yield VotePanel(id="p-votes")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#p-help").display = False
        self.load()
        store = self.gateway.workspace.store
        keep_up(self, store, self.assessment_id, self.poll, self.beat)
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
        """Read the session and the current question's votes (one read at a time: asked for
        while one runs, it runs right after, see :class:`~maturity.tui.live.OneRead`)."""
        if self.loaded is None:
            return
        self.reads.request()

    @work(group="p-poll", exit_on_error=False)
    async def _poll(self) -> None:
        ws = self.gateway.workspace
        try:
            state = await self.gateway.run(ws.team_state, self.assessment_id, None, self.voter)
        except MaturityError:
            return  # locked for a moment, or deleted: the next poll tries again
        finally:
            self.reads.finished()
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
                self.poll()  # after a read that may have begun before the vote, if one runs

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
