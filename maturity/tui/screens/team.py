"""The facilitator's question screen in team mode: everyone votes, ``r`` reveals, the team
records its answer (the median by default) and the spread says where to talk first.

It is the question screen with a vote panel and different meanings for a few keys:

* before the reveal, ``1``-``5`` / ``0`` enter the votes of the people in the room with one
  keyboard, one after the other in the order given at creation (``34435``), skipping anyone
  who joined from their own terminal (a joined participant's vote is theirs alone); ``n``
  names who the next typed vote is for; backspace undoes;
* ``r`` reveals every vote at once (votes are locked from then on); with fewer votes than
  participants it asks first; ``a`` reveals by itself once everyone has voted;
* after the reveal, enter records the median (the highlighted option; an answer given before
  is shown as "last time"), ``1``-``5`` / ``0`` another answer; ``x`` clears the votes (after
  asking) so the team votes again; ``R`` shows the results.

Team mode is kept with the assessment (``v`` switches back to solo answers and is
remembered). The facilitator's app writes a heartbeat every few seconds so participants see
when it is gone and the join picker lists only live sessions.

Where it is shown is published to the store as the session's current question, so
participants who joined (``maturity join`` or a browser through ``maturity serve``) follow
it. The panel reads the votes on the store thread every :data:`maturity.tui.live.POLL_S` seconds, or, on
PostgreSQL, the moment a vote is notified (LISTEN/NOTIFY, :mod:`maturity.tui.live`).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import secrets
from concurrent.futures import Future
from typing import Any, ClassVar, cast

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from maturity.errors import MaturityError
from maturity.model.assessment import Answer
from maturity.store.base import TeamState
from maturity.timefmt import now
from maturity.tui.live import OneRead, keep_up
from maturity.tui.screens.base import BaseModal
from maturity.tui.screens.confirm import ConfirmScreen
from maturity.tui.screens.question import QuestionScreen
from maturity.tui.widgets.answers import NOT_SURE, AnswerOptions, level_bindings
from maturity.tui.widgets.votes import VotePanel, facilitator_text
from maturity.voting import Voter, median_down, name_key, room_next, waiting
from maturity.workspace import revise_answer

"""How often the vote panel reads the store (a vote shows up within about this long).
A PostgreSQL store notifies instead (:mod:`maturity.tui.live`)."""


class TeamQuestionScreen(QuestionScreen):
    """Questions with votes: counts until the reveal, then every vote, median and spread."""

    HELP_GROUP = "help.screen.team"
    # The room view: all five options stay visible at 80x24 while voting, so the panel is one
    # borderless line, the question sits right above the options and the status line only
    # appears for a note.
    # (The rules are in app.tcss: they must win over the question screen's own.)
    BINDINGS: ClassVar[list[BindingType]] = [
        # Before the reveal digits are votes; after it they record the team's answer (the
        # footer says which: check_action enables one set at a time).
        *level_bindings("answer", "Vote", "team_vote", show_not_sure=False),
        Binding("1", "record(1)", "Record", id="record", key_display="1-5"),
        *(Binding(str(k), f"record({k})", "Record", show=False) for k in range(2, 6)),
        Binding("0", f"record({NOT_SURE})", "Not sure", show=False),
        Binding("enter", "record_median", "Record median", id="record_median", show=False),
        Binding("backspace", "undo_vote", "Undo vote", id="undo_vote", show=False),
        Binding("n", "vote_for", "Vote for…", id="vote_for", show=False),
        Binding("r", "reveal", "Reveal", id="reveal"),
        Binding("x", "revote", "Vote again", id="revote"),
        Binding("a", "auto_reveal", "Auto-reveal", id="auto_reveal", show=False),
        Binding("j", "join_hint", "Join hint", id="join_hint", show=False),
        Binding("v", "solo", "Solo answers", id="solo"),
        Binding("R", "results", "Results", id="results", key_display="R", show=False),
    ]

    def __init__(self, assessment_id: str, *, start_at: str | None = None) -> None:
        super().__init__(assessment_id, start_at=start_at)
        self.state: TeamState | None = None
        self.published: str | None = None
        self.typed: dict[str, list[str | Voter]] = {}
        """Votes typed on this screen per question (newest last), so backspace can undo them."""
        self.explicit: str | None = None
        """Who the next typed vote is for, when the facilitator named someone (``n``)."""
        self.auto_reveal = False
        self.show_join = True
        """The big join hint: shown once, until the first answer is recorded here (j again)."""
        self.recorded_here = 0
        self._secret = secrets.token_bytes(32)
        self.reads = OneRead(lambda: self._poll(self.question_id))
        self._revealing = False

    def on_mount(self) -> None:
        # QuestionScreen.on_mount (which loads the assessment) runs after this one: Textual
        # calls the handlers of base classes too.
        panel = VotePanel(id="team-votes")
        main = self.query_one("#q-main")
        main.mount(panel, before="#q-status")
        main.mount(Static(id="team-join", classes="join-banner"), before="#q-position")
        self.query_one("#team-join").display = False
        store = self.gateway.workspace.store
        keep_up(self, store, self.assessment_id, self.poll, self.beat)

    def on_unmount(self) -> None:
        # Participants see "waiting for the facilitator" instead of a question nobody drives.
        if self.published is not None:
            # RuntimeError: the app is closing and the store thread is already gone.
            with contextlib.suppress(RuntimeError):
                self.gateway.submit(self.gateway.workspace.follow, self.assessment_id, None)

    def beat(self) -> None:
        """Tell participants (and the join picker) that the facilitator is still here."""
        if self.published is not None and self.gateway.is_open:
            with contextlib.suppress(RuntimeError):
                self.gateway.submit(self.gateway.workspace.beat, self.assessment_id)

    # -- state ------------------------------------------------------------------------------

    @property
    def question_id(self) -> str | None:
        return self.current[1].id if self.current else None

    @property
    def anonymous(self) -> bool:
        return self.assessment is not None and self.assessment.anonymous

    @property
    def revealed(self) -> bool:
        state = self.state
        return state is not None and state.question_id == self.question_id and state.revealed

    def expected(self) -> int:
        """How many votes make "everyone": the participant list (0 when nobody is listed)."""
        return len(self.assessment.participants) if self.assessment and not self.anonymous else 0

    def voters(self) -> list[str]:
        """Who has a vote on this question: the store's voters and votes typed here since."""
        qid = self.question_id
        names = [str(v) for v in self.typed.get(qid, []) if isinstance(v, str)] if qid else []
        if self.state is not None and self.state.question_id == qid:
            names += list(self.state.voters)
        return names

    def next_name(self) -> str | None:
        """Whose vote the next typed digit is (None in anonymous mode: nobody is named)."""
        if self.assessment is None or self.anonymous or self.question_id is None:
            return None
        if self.explicit is not None:
            return self.explicit
        joined = self.state.joined if self.state is not None else ()
        return room_next(self.assessment.participants, self.voters(), joined)

    def waiting_names(self) -> list[str]:
        if self.assessment is None or self.anonymous:
            return []
        return waiting(self.assessment.participants, self.voters())

    def poll(self) -> None:
        """Read the current question's votes on the store thread (one read at a time: asked
        for while one runs, it runs right after, see :class:`~maturity.tui.live.OneRead`)."""
        if self.question_id is None or not self.gateway.is_open:
            return
        self.reads.request()

    @work(group="team-poll", exit_on_error=False)
    async def _poll(self, question_id: str | None) -> None:
        ws = self.gateway.workspace
        try:
            if question_id is None:
                return
            state = await self.gateway.run(ws.team_state, self.assessment_id, question_id)
        except MaturityError:
            return  # a locked store or a deleted assessment: the next poll says it again
        finally:
            self.reads.finished()
        self.apply_state(state)

    def apply_state(self, state: TeamState) -> None:
        if not self.is_attached or state.question_id != self.question_id:
            return
        old, self.state = self.state, state
        if self.assessment is not None and not self.anonymous:
            # Someone who joined under a new name is on the list from now on ("4/7 voted").
            known = {name_key(p) for p in self.assessment.participants}
            for name in state.joined:
                if name_key(name) not in known:
                    self.assessment.participants.append(name)
                    known.add(name_key(name))
        if old is None or (old.question_id, old.revealed, old.answered) != (
            state.question_id,
            state.revealed,
            state.answered,
        ):
            self.refresh_view()  # the options' highlight follows the reveal (the median)
            self.refresh_bindings()
        else:
            self.refresh_votes()
        expected = self.expected()
        if (
            self.auto_reveal
            and not state.revealed
            and expected
            and len(self.waiting_names()) == 0
            and not self._revealing
        ):
            self.do_reveal()

    # -- view -------------------------------------------------------------------------------

    def title_badges(self) -> list[str]:
        return [
            *super().title_badges(),
            self.t("team.badge_anonymous" if self.anonymous else "team.badge"),
        ]

    def refresh_view(self) -> None:
        super().refresh_view()
        qid = self.question_id
        if qid is None or not self.is_attached:
            return
        if self.state is not None and self.state.question_id != qid:
            self.state = None
            self.refresh_bindings()
        if qid != self.published:
            self.published = qid
            self.gateway.submit(self.gateway.workspace.follow, self.assessment_id, qid)
            self.call_after_refresh(self.poll)
        state = self.state
        if state is not None and state.revealed and not state.answered:
            median = median_down((state.votes or {}).values())
            if median is not None:
                self.query_one("#q-options", AnswerOptions).highlighted = median - 1
        note = self.pending_notes.get(qid) or (
            self.answers[qid].note if qid in self.answers else ""
        )
        self.query_one("#q-status").display = bool(note) or self.show_help
        banner = self.query_one("#team-join", Static)
        banner.display = bool(self.show_join) and not self.read_only
        banner.update(self.t("retro.join_banner", id=self.assessment_id[:8]))
        self.refresh_votes()

    def refresh_votes(self) -> None:
        panels = self.query("#team-votes")
        if not panels or self.assessment is None:
            return
        panel = cast(VotePanel, panels.first())
        content = facilitator_text(
            self.state,
            self.lang,
            next_name=self.next_name(),
            expected=self.expected(),
            waiting=self.waiting_names(),
            explicit=self.explicit is not None,
        )
        if self.auto_reveal:
            content.append(" · " + self.t("retro.auto_on"), style="dim")
        panel.update(content)

    # -- keys -------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("answer", "undo_vote", "reveal", "vote_for"):
            if action == "vote_for" and self.anonymous:
                return False
            return not self.revealed
        if action in ("record", "record_median"):
            return self.revealed
        return True

    def action_answer(self, key: int) -> None:
        """A digit (or enter on an option): a typed vote before the reveal, the team's answer
        after it."""
        if self.assessment is None or self.current is None or self.refuse_if_read_only():
            return
        level = None if key == NOT_SURE else key
        state = self.state
        if self.revealed:
            self.record_team(level)
        elif state is None:
            return  # the first read of the votes is on its way; do not guess
        else:
            self.type_vote(level)

    def action_record(self, key: int) -> None:
        self.action_answer(key)

    def action_record_median(self) -> None:
        """Enter after the reveal: the median (or the option the facilitator highlighted)."""
        options = self.query_one("#q-options", AnswerOptions)
        if options.highlighted is None or options.highlighted_option is None:
            return
        option_id = options.highlighted_option.id
        if option_id is not None:
            self.action_answer(int(option_id))

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
            self.explicit = None
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
            self.notify(
                self.error_text(exc), title=self.t("team.vote_failed"), severity="error", timeout=8
            )
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

    def action_vote_for(self) -> None:
        """Name who the next typed vote is for (someone in the room, not a joined person)."""
        if self.assessment is None or self.anonymous:
            return
        joined = set(self.state.joined) if self.state is not None else set()
        names = [p for p in self.assessment.participants if p not in joined]

        def chosen(name: str | None) -> None:
            if name is not None:
                self.explicit = name
                self.refresh_votes()

        self.app.push_screen(PickNameScreen(names), chosen)

    def action_reveal(self) -> None:
        """Reveal; with fewer votes than participants, ask first ("reveal with 2 of 6?")."""
        qid = self.question_id
        if qid is None or self.refuse_if_read_only():
            return
        count = self.state.count if self.state is not None else 0
        expected = self.expected()
        if expected and count < expected:

            def answer(yes: bool | None) -> None:
                if yes:
                    self.do_reveal()

            self.app.push_screen(
                ConfirmScreen(self.t("retro.reveal_ask", count=count, total=expected)), answer
            )
            return
        self.do_reveal()

    def do_reveal(self) -> None:
        qid = self.question_id
        if qid is None:
            return
        self._revealing = True
        ws = self.gateway.workspace
        self.watch_write(self.gateway.submit(ws.reveal, self.assessment_id, qid))

    def action_revote(self) -> None:
        """Clear every vote of the question (remote ones included), after asking."""
        qid = self.question_id
        if qid is None or self.refuse_if_read_only():
            return
        count = self.state.count if self.state is not None else 0
        if count == 0 and not self.revealed:
            self.notify(self.t("team.no_votes"), timeout=3)
            return
        remote = len(set(self.state.voters) & set(self.state.joined)) if self.state else 0

        def answer(yes: bool | None) -> None:
            if yes:
                self.clear_votes(qid)

        self.app.push_screen(
            ConfirmScreen(self.t("retro.revote_ask", count=count, remote=remote)), answer
        )

    def clear_votes(self, qid: str) -> None:
        self.typed.pop(qid, None)
        ws = self.gateway.workspace
        self.watch_write(self.gateway.submit(ws.reset_votes, self.assessment_id, qid))
        self.notify(self.t("team.revoted"), timeout=3)

    def action_auto_reveal(self) -> None:
        self.auto_reveal = not self.auto_reveal
        self.notify(self.t("retro.auto_on" if self.auto_reveal else "retro.auto_off"), timeout=3)
        self.refresh_votes()

    def action_join_hint(self) -> None:
        self.show_join = not self.show_join
        self.refresh_view()

    def action_home(self) -> None:
        """Leaving in the middle of a vote asks first (the votes stay in the store)."""
        state = self.state
        midway = state is not None and (
            (not state.revealed and state.count > 0) or (state.revealed and not state.answered)
        )
        if not midway:
            super().action_home()
            return

        def answer(yes: bool | None) -> None:
            if yes:
                QuestionScreen.action_home(self)

        self.app.push_screen(ConfirmScreen(self.t("retro.leave_ask")), answer)

    @work(group="team-write", exit_on_error=False)
    async def watch_write(self, future: Future[Any]) -> None:
        try:
            result = await self.gateway.wait(future)
        except MaturityError as exc:
            self.notify(
                self.error_text(exc), title=self.t("error.title"), severity="error", timeout=8
            )
            return
        finally:
            self._revealing = False
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
        self.answers[qid] = revise_answer(previous, level, note=note, votes=votes, updated=now())
        ws = self.gateway.workspace
        future = self.gateway.submit(
            ws.record_team_answer, self.assessment_id, qid, level, use_median=False, note=note
        )
        self.writes.begin()
        self._show_saved()
        self.watch_save(cast("Future[Answer | None]", future), qid, level, previous)
        self.say_recorded(qid, level)
        self.recorded_here += 1
        self.done_here += 1
        self.show_join = False
        self.state = None
        self.advance()

    def action_solo(self) -> None:
        """Back to answering alone (the plain question screen) at the same question."""
        self.remember_mode("solo")
        self.app.switch_screen(QuestionScreen(self.assessment_id, start_at=self.question_id))

    def palette_commands(self) -> list[tuple[str, str, str]]:
        solo = [c for c in super().palette_commands() if c[2] != "team"]  # already in team mode
        return [("binding.reveal", "cmd.team.help", "reveal"), *solo]


class PickNameScreen(BaseModal[str | None]):
    """Who the next typed vote is for: the people in the room (joined ones vote themselves)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close", show=False)]

    def __init__(self, names: list[str]) -> None:
        super().__init__()
        self.names = names

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.t("retro.vote_for"), classes="dialog-title")
            yield OptionList(
                *(Option(Text(n), id=str(i)) for i, n in enumerate(self.names)), id="pick-names"
            )

    def on_mount(self) -> None:
        self.query_one("#pick-names").focus()

    @on(OptionList.OptionSelected, "#pick-names")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.names[int(event.option.id or 0)])

    def action_close(self) -> None:
        self.dismiss(None)
