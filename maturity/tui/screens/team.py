"""The facilitator's question screen in team mode: everyone votes, ``r`` reveals, the team
records its answer (the median by default) and the spread says where to talk first.

It is the question screen with a vote panel and different meanings for a few keys:

* before the reveal, ``1``-``5`` / ``0`` enter the votes of a room with one keyboard, one
  participant after the other in the order given at creation (``34435``); backspace undoes;
* ``r`` reveals every vote at once (votes are locked from then on);
* after the reveal, enter records the median (the highlighted option), ``1``-``5`` / ``0``
  another answer; ``x`` clears the votes so the team votes again; ``R`` shows the results.

Where it is shown is published to the store as the session's current question, so
participants who joined (``maturity join`` or a browser through ``maturity serve``) follow
it. The panel reads the votes on the store thread every :data:`POLL_S` seconds.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import secrets
from concurrent.futures import Future
from typing import Any, ClassVar, cast

from textual import work
from textual.binding import Binding, BindingType

from maturity.errors import MaturityError
from maturity.model.assessment import Answer
from maturity.store.base import TeamState
from maturity.tui.screens.question import QuestionScreen
from maturity.tui.widgets.answers import NOT_SURE, AnswerOptions, level_bindings
from maturity.tui.widgets.votes import VotePanel, facilitator_text, roster_next
from maturity.voting import Voter, median_down

POLL_S = 0.3
"""How often the vote panel reads the store (a vote shows up within about this long)."""


class TeamQuestionScreen(QuestionScreen):
    """Questions with votes: counts until the reveal, then every vote, median and spread."""

    HELP_GROUP = "help.screen.team"
    BINDINGS: ClassVar[list[BindingType]] = [
        *level_bindings("answer", "Vote", "team_vote", show_not_sure=False),
        Binding("backspace", "undo_vote", "Undo vote", id="undo_vote", show=False),
        Binding("r", "reveal", "Reveal", id="reveal"),
        Binding("x", "revote", "Vote again", id="revote"),
        Binding("v", "solo", "Solo answers", id="solo", show=False),
        Binding("R", "results", "Results", id="results", key_display="R", show=False),
    ]

    def __init__(self, assessment_id: str, *, start_at: str | None = None) -> None:
        super().__init__(assessment_id, start_at=start_at)
        self.state: TeamState | None = None
        self.published: str | None = None
        self.typed: dict[str, list[str | Voter]] = {}
        """Votes typed on this screen per question (newest last), so backspace can undo them."""
        self._secret = secrets.token_bytes(32)
        self._polling = False

    def on_mount(self) -> None:
        # QuestionScreen.on_mount (which loads the assessment) runs after this one: Textual
        # calls the handlers of base classes too.
        panel = VotePanel(id="team-votes")
        self.query_one("#q-main").mount(panel, before="#q-status")
        self.set_interval(POLL_S, self.poll)

    def on_unmount(self) -> None:
        # Participants see "waiting for the facilitator" instead of a question nobody drives.
        if self.published is not None:
            # RuntimeError: the app is closing and the store thread is already gone.
            with contextlib.suppress(RuntimeError):
                self.gateway.submit(self.gateway.workspace.follow, self.assessment_id, None)

    # -- state ------------------------------------------------------------------------------

    @property
    def question_id(self) -> str | None:
        return self.current[1].id if self.current else None

    @property
    def anonymous(self) -> bool:
        return self.assessment is not None and self.assessment.anonymous

    def next_name(self) -> str | None:
        """Whose vote the next typed digit is (None in anonymous mode: nobody is named)."""
        if self.assessment is None or self.anonymous or self.question_id is None:
            return None
        taken = {str(v) for v in self.typed.get(self.question_id, [])}
        if self.state is not None and self.state.question_id == self.question_id:
            taken |= set(self.state.voters)
        return roster_next(self.assessment.participants, taken)

    def poll(self) -> None:
        """Read the current question's votes on the store thread (skipped while one runs)."""
        if self._polling or self.question_id is None or not self.gateway.is_open:
            return
        self._polling = True
        self._poll(self.question_id)

    @work(group="team-poll", exit_on_error=False)
    async def _poll(self, question_id: str) -> None:
        ws = self.gateway.workspace
        try:
            state = await self.gateway.run(ws.team_state, self.assessment_id, question_id)
        except MaturityError:
            return  # a locked store or a deleted assessment: the next poll says it again
        finally:
            self._polling = False
        self.apply_state(state)

    def apply_state(self, state: TeamState) -> None:
        if not self.is_attached or state.question_id != self.question_id:
            return
        old, self.state = self.state, state
        if old is None or (old.question_id, old.revealed, old.answered) != (
            state.question_id,
            state.revealed,
            state.answered,
        ):
            self.refresh_view()  # the options' highlight follows the reveal (the median)
        else:
            self.refresh_votes()

    # -- view -------------------------------------------------------------------------------

    def refresh_view(self) -> None:
        super().refresh_view()
        qid = self.question_id
        if qid is None or not self.is_attached:
            return
        if self.state is not None and self.state.question_id != qid:
            self.state = None
        if qid != self.published:
            self.published = qid
            self.gateway.submit(self.gateway.workspace.follow, self.assessment_id, qid)
            self.call_after_refresh(self.poll)
        state = self.state
        if state is not None and state.revealed and not state.answered:
            median = median_down((state.votes or {}).values())
            if median is not None:
                self.query_one("#q-options", AnswerOptions).highlighted = median - 1
        self.refresh_votes()

    def refresh_votes(self) -> None:
        panels = self.query("#team-votes")
        if not panels or self.assessment is None:
            return
        panel = cast(VotePanel, panels.first())
        badge = "team.badge_anonymous" if self.anonymous else "team.badge"
        panel.border_title = self.t(badge)
        panel.update(
            facilitator_text(
                self.state,
                self.lang,
                next_name=self.next_name(),
                assessment_id=self.assessment_id,
            )
        )

    # -- keys -------------------------------------------------------------------------------

    def action_answer(self, key: int) -> None:
        """A digit (or enter on an option): a typed vote before the reveal, the team's answer
        after it."""
        if self.assessment is None or self.current is None or self.refuse_if_read_only():
            return
        level = None if key == NOT_SURE else key
        state = self.state
        if state is not None and state.question_id == self.question_id and state.revealed:
            self.record_team(level)
        elif state is None:
            return  # the first read of the votes is on its way; do not guess
        else:
            self.type_vote(level)

    def type_vote(self, level: int | None) -> None:
        qid = self.question_id
        if qid is None:
            return
        voter: str | Voter
        if self.anonymous:
            # One secret per typed slot: each typed vote is its own (unnamed) voter.
            slot = len(self.typed.get(qid, []))
            secret = hmac.new(self._secret, f"slot-{slot}".encode(), hashlib.sha256).digest()
            voter = Voter("typed", anonymous=True, secret=secret)
        else:
            voter = self.next_name() or "P1"
        self.typed.setdefault(qid, []).append(voter)
        ws = self.gateway.workspace
        future = self.gateway.submit(ws.cast_vote, self.assessment_id, qid, voter, level)
        self.refresh_votes()
        self.watch_vote(future, qid, voter)

    @work(group="team-write", exit_on_error=False)
    async def watch_vote(self, future: Future[None], question_id: str, voter: str | Voter) -> None:
        try:
            await self.gateway.wait(future)
        except MaturityError as exc:
            typed = self.typed.get(question_id, [])
            if voter in typed:
                typed.remove(voter)
            self.notify(str(exc), title=self.t("team.vote_failed"), severity="error", timeout=8)
        if self.is_attached:
            self.poll()

    def action_undo_vote(self) -> None:
        qid = self.question_id
        typed = self.typed.get(qid, []) if qid else []
        if qid is None or not typed:
            self.notify(self.t("team.nothing_to_undo"), severity="warning", timeout=3)
            return
        voter = typed.pop()
        ws = self.gateway.workspace
        future = self.gateway.submit(ws.retract_vote, self.assessment_id, qid, voter)
        self.watch_write(future)

    def action_reveal(self) -> None:
        qid = self.question_id
        if qid is None or self.refuse_if_read_only():
            return
        ws = self.gateway.workspace
        self.watch_write(self.gateway.submit(ws.reveal, self.assessment_id, qid))

    def action_revote(self) -> None:
        qid = self.question_id
        if qid is None or self.refuse_if_read_only():
            return
        self.typed.pop(qid, None)
        ws = self.gateway.workspace
        self.watch_write(self.gateway.submit(ws.reset_votes, self.assessment_id, qid))
        self.notify(self.t("team.revoted"), timeout=3)

    @work(group="team-write", exit_on_error=False)
    async def watch_write(self, future: Future[Any]) -> None:
        try:
            result = await self.gateway.wait(future)
        except MaturityError as exc:
            self.notify(str(exc), title=self.t("error.title"), severity="error", timeout=8)
            return
        if isinstance(result, TeamState):
            self.apply_state(result)
        elif self.is_attached:
            self.poll()

    def record_team(self, level: int | None) -> None:
        """Record the team's answer with the revealed votes, then go to the next question."""
        qid = self.question_id
        if qid is None or self.assessment is None:
            return
        previous = self.answers.get(qid)
        note = self.pending_notes.pop(qid, None)
        votes = dict(self.state.votes or {}) if self.state is not None else {}
        self.answers[qid] = Answer(
            level=level,
            note=note if note is not None else (previous.note if previous else ""),
            votes=votes or (previous.votes if previous else {}),
        )
        ws = self.gateway.workspace
        future = self.gateway.submit(
            ws.record_team_answer, self.assessment_id, qid, level, use_median=False, note=note
        )
        self.writes.begin()
        self._show_saved()
        self.watch_save(cast("Future[Answer | None]", future), qid, level, previous)
        self.advance()

    def action_solo(self) -> None:
        """Back to answering alone (the plain question screen) at the same question."""
        self.app.switch_screen(QuestionScreen(self.assessment_id, start_at=self.question_id))

    def palette_commands(self) -> list[tuple[str, str, str]]:
        solo = [c for c in super().palette_commands() if c[2] != "team"]  # already in team mode
        return [("binding.reveal", "cmd.team.help", "reveal"), *solo]
