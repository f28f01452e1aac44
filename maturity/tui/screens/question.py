"""Questions: one at a time, answered with 1-5 (0 = not sure), each saved as it is given.

The screen keeps a local copy of the answers so it can move on at once; the write is queued
on the store thread at the key press, and the top bar says "saved" only when every queued
write has been committed. A failed write (a locked store, a completed assessment) restores
the previous answer and says why.
"""

from __future__ import annotations

import time
from concurrent.futures import Future
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Static

from maturity.errors import MaturityError
from maturity.model.assessment import Answer, Assessment
from maturity.model.questionnaire import Dimension, Question
from maturity.model.text import tr
from maturity.questionnaire import LoadedQuestionnaire
from maturity.retro import pace, previous_id, reviewed
from maturity.timefmt import format_time, now
from maturity.tui.messages import (
    AnswerSaved,
    GoHome,
    OpenDora,
    OpenResults,
    OpenTeam,
    StatusChanged,
)
from maturity.tui.safe import plain, safe_str, styled
from maturity.tui.screens.base import BaseScreen
from maturity.tui.screens.confirm import ConfirmScreen
from maturity.tui.widgets.answers import (
    NOT_SURE,
    AnswerOptions,
    answer_choices,
    level_bindings,
    question_widgets,
)
from maturity.tui.widgets.footer import KeyFooter
from maturity.tui.widgets.saved import PendingWrites, SavedIndicator
from maturity.tui.widgets.sidebar import DimensionProgress, DimensionSidebar
from maturity.workspace import revise_answer

SIDEBAR_MIN_WIDTH = 100
"""Below this terminal width the sidebar starts hidden (``s`` shows it)."""


CLOCK_TICK_S = 15.0
"""How often the session clock is redrawn."""
BURST_GAP_S = 0.35
"""Digits closer together than this are one burst (nobody reads a question that fast)."""
BURST_MIN = 4
"""From this many digits in a burst on, solo mode holds them and asks before answering."""
BURST_QUIET_S = 0.6
"""The burst is over (and the question asked) after this long without a digit."""


class Burst:
    """Counts digits typed in quick succession (a room's votes typed in solo mode)."""

    def __init__(self) -> None:
        self.last: float | None = None
        self.length = 0

    def digit(self, at: float) -> bool:
        """Note a digit at time ``at``; True from the :data:`BURST_MIN`-th digit of a burst on."""
        if self.last is not None and at - self.last < BURST_GAP_S:
            self.length += 1
        else:
            self.length = 1
        self.last = at
        return self.length >= BURST_MIN

    def reset(self) -> None:
        """A deliberate move (back, next, a jump) ends the burst: a room's votes are typed
        as one run of digits, never with navigation in between."""
        self.last = None
        self.length = 0


class QuestionScreen(BaseScreen[None]):
    """Walks the questionnaire; resumes at the first unanswered question."""

    HELP_GROUP = "help.screen.question"
    BINDINGS: ClassVar[list[BindingType]] = [
        *level_bindings("answer", "Answer", "answer"),
        Binding("b,left", "back", "Back", id="back", key_display="b"),
        Binding("right", "next", "Next", id="next", show=False),
        Binding("e", "note", "Note", id="note"),
        Binding("h", "toggle_help", "Why", id="toggle_help"),
        Binding("s", "toggle_sidebar", "Sidebar", id="sidebar", show=False),
        Binding("d", "dora", "DORA", id="dora"),
        Binding("r", "results", "Results", id="results"),
        Binding("v", "team", "Team vote", id="team"),
        Binding("delete", "clear", "Clear answer", id="clear", show=False),
        Binding("q,escape", "home", "Home", id="home", key_display="q"),
    ]

    def __init__(self, assessment_id: str, *, start_at: str | None = None) -> None:
        super().__init__()
        self.assessment_id = assessment_id
        self.start_at = start_at
        self.assessment: Assessment | None = None
        self.loaded: LoadedQuestionnaire | None = None
        self.questions: list[tuple[Dimension, Question]] = []
        self.index = 0
        self.show_help = False
        self.writes = PendingWrites()
        self.pending_notes: dict[str, str] = {}
        self.sidebar_toggled = False
        self.burst = Burst()
        self.held: list[int] | None = None
        self.burst_log: list[tuple[str, Answer | None]] = []
        self._burst_timer: Timer | None = None
        self.last_recorded = ""
        self.sweeping = False
        """Past the last question: advancing visits the skipped (unanswered) questions only."""
        self.session_start = time.monotonic()
        self.done_here = 0
        """Questions answered on this screen: the pace of this session (resumes start anew)."""

    def compose(self) -> ComposeResult:
        with Horizontal(classes="topbar"):
            yield Static(id="q-title", classes="topbar-title")
            yield Static(id="q-clock", classes="clock")
            yield SavedIndicator(id="saved")
        with Horizontal(id="q-body"):
            yield DimensionSidebar(id="sidebar")
            with Vertical(id="q-main"):
                yield from question_widgets("q")
                yield Static(id="q-status", classes="status-line")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#sidebar").display = self.app.size.width >= SIDEBAR_MIN_WIDTH
        self.query_one("#q-help").display = False
        self.load()
        self.set_interval(CLOCK_TICK_S, self.refresh_clock)

    @work(exclusive=True, group="question-load", exit_on_error=False)
    async def load(self) -> None:
        ws = self.gateway.workspace

        def _read() -> tuple[Assessment, LoadedQuestionnaire]:
            a = ws.get(self.assessment_id)
            return a, ws.questionnaire_for(a)

        try:
            assessment, loaded = await self.gateway.run(_read)
        except MaturityError as exc:
            self.notify(self.error_text(exc), title=self.t("error.title"), severity="error")
            self.dismiss()
            return
        self.assessment, self.loaded = assessment, loaded
        self.questions = loaded.questionnaire.questions()
        if assessment.mode == "team" and type(self) is QuestionScreen and not self.read_only:
            # Team mode is kept with the assessment: it reopens as a team vote.
            self.navigate(OpenTeam(self.assessment_id, self.start_at))
            return
        if self.start_at and self.start_at in self.qids:
            self.index = self.qids.index(self.start_at)
        else:
            self.index = self.first_unanswered()
        self.refresh_view()
        self.query_one("#q-options").focus()

    # -- state helpers ----------------------------------------------------------------------

    @property
    def qids(self) -> list[str]:
        return [q.id for _, q in self.questions]

    @property
    def answers(self) -> dict[str, Answer]:
        return self.assessment.answers if self.assessment else {}

    def first_unanswered(self) -> int:
        """Where a resumed assessment continues: the first unanswered question after the last
        answered one (where the team stopped; questions skipped earlier come at the end), else
        the first unanswered, else the first question."""
        answered = [i for i, qid in enumerate(self.qids) if qid in self.answers]
        start = answered[-1] + 1 if answered else 0
        order = [*range(start, len(self.qids)), *range(start)]
        return next((i for i in order if self.qids[i] not in self.answers), 0)

    @property
    def current(self) -> tuple[Dimension, Question] | None:
        return self.questions[self.index] if self.questions else None

    def answered_count(self) -> int:
        ids = set(self.qids)
        return sum(1 for qid in self.answers if qid in ids)

    # -- view -------------------------------------------------------------------------------

    def refresh_view(self) -> None:
        if self.assessment is None or self.loaded is None or self.current is None:
            return
        lang = self.lang
        q = self.loaded.questionnaire
        _, question = self.current
        title = Text(safe_str(self.assessment.team), style="bold")
        for badge in self.title_badges():  # before the questionnaire title: never cut off
            title.append(" ")
            title.append(f" {badge} ", style="bold reverse")
        title.append(f" · {safe_str(tr(q.title, lang))}")
        self.query_one("#q-title", Static).update(title)
        self.query_one("#q-text", Static).update(
            styled("[b]$text[/b]", text=plain(tr(question.text, lang), multiline=True))
        )
        self.query_one("#q-help-text", Static).update(
            styled(
                "[b]$title[/b]  $help\n[dim]$source[/dim]",
                title=self.t("q.help_title"),
                help=plain(tr(question.help, lang), multiline=True),
                source=self.tc("q.source", source=question.source),
            )
        )
        self.query_one("#q-help").display = self.show_help
        answer = self.answers.get(question.id)
        current: int | None = None
        if answer is not None:
            current = answer.level if answer.level is not None else NOT_SURE
        self.query_one("#q-options", AnswerOptions).show(answer_choices(question, lang), current)
        status: list[Content] = []
        if answer is None:
            status.append(Content(self.t("q.unanswered")))
        else:
            label = (
                f"{answer.level} {q.level_name(answer.level, lang)}"
                if answer.level is not None
                else self.t("q.not_sure")
            )
            status.append(self.tc("q.answer_is", answer=label))
        note = self.pending_notes.get(question.id, answer.note if answer else "")
        if note:
            status.append(self.tc("q.note", note=note))
        if not self.show_help:
            status.append(styled("[dim]$hint[/dim]", hint=self.t("q.help_hint")))
        self.query_one("#q-status", Static).update(Content("  ·  ").join(status))
        self.refresh_progress()

    def title_badges(self) -> list[str]:
        """Words shown as badges after the title (snapshot, team vote)."""
        return [self.t("snap.badge")] if self.read_only else []

    def refresh_progress(self) -> None:
        """Position line, sidebar counts and the saved indicator (not the option list, so a
        save finishing never moves the highlight under the user's cursor)."""
        if self.assessment is None or self.loaded is None or self.current is None:
            return
        lang = self.lang
        q = self.loaded.questionnaire
        dim, question = self.current
        in_dim = [x for d, x in self.questions if d.id == dim.id]
        position = Text(
            self.t(
                "q.position",
                dimension=tr(dim.title, lang),
                n=in_dim.index(question) + 1,
                count=len(in_dim),
                answered=self.answered_count(),
                total=len(self.questions),
            )
        )
        if self.last_recorded:
            position.append(" · ")
            position.append(f"✓ {self.last_recorded}", style="bold green")
        self.query_one("#q-position", Static).update(position)
        self.query_one("#sidebar", DimensionSidebar).show(
            [
                DimensionProgress(
                    id=d.id,
                    title=tr(d.title, lang),
                    answered=sum(1 for x in d.questions if x.id in self.answers),
                    total=len(d.questions),
                    current=d.id == dim.id,
                )
                for d in q.dimensions
            ]
        )

        self._show_saved()
        self.refresh_clock()

    def refresh_clock(self) -> None:
        """The session clock: "Q12 of 37 · 20 min left", and a nudge when behind the pace."""
        if self.current is None or not self.is_attached:
            return
        p = pace(
            position=self.index + 1,
            total=len(self.questions),
            reviewed=self.done_here,
            elapsed_s=time.monotonic() - self.session_start,
            box_s=self.host.timebox_min * 60,
        )
        clock = Text(
            self.t("retro.clock", n=p.position, total=p.total, left=p.left_min), style="bold"
        )
        if self.assessment is not None and previous_id(self.assessment) is not None:
            # "New from last": how many carried-over answers the team has gone through.
            done = reviewed(self.answers, self.qids, format_time(self.assessment.created))
            clock.append(" · " + self.t("retro.reviewed", n=done, total=p.total), style="dim")
        if p.behind:
            clock.append(" · " + self.t("retro.behind"), style="bold red")
        clock.append("  ")
        self.query_one("#q-clock", Static).update(clock)

    def _show_saved(self) -> None:
        self.query_one("#saved", SavedIndicator).show_writes(
            self.writes,
            saving=self.t("q.saving"),
            failed=self.t("q.save_failed"),
            saved=self.t("q.saved", answered=self.answered_count(), total=len(self.questions)),
        )

    # -- answering --------------------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        """A complete assessment is a snapshot: answers wait until it is reopened."""
        return self.assessment is not None and self.assessment.status == "complete"

    def refuse_if_read_only(self) -> bool:
        """Say why nothing changes (instead of a failed save) when the assessment is complete."""
        if self.read_only:
            self.notify(self.t("snap.read_only"), severity="warning", timeout=6)
        return self.read_only

    def on_status_changed(self, message: StatusChanged) -> None:
        if self.assessment is not None and message.assessment_id == self.assessment_id:
            self.assessment.status = "complete" if message.status == "complete" else "in_progress"
            self.refresh_view()

    def action_answer(self, key: int) -> None:
        if self.assessment is None or self.current is None or self.refuse_if_read_only():
            return
        if self.held is not None or self.burst.digit(time.monotonic()):
            # A burst (someone typing the room's votes in solo mode): hold the digits and ask
            # once the typing stops, before answering many questions at once.
            self.hold(key)
            return
        self.answer_now(key)

    def answer_now(self, key: int) -> None:
        assert self.current is not None
        _, question = self.current
        level = None if key == NOT_SURE else key
        self.burst_log.append((question.id, self.answers.get(question.id)))
        self.done_here += 1
        self.record(question.id, level)
        self.say_recorded(question.id, level)
        self.advance()

    def hold(self, key: int) -> None:
        if self.held is None:
            self.held = []
        self.held.append(key)
        if self._burst_timer is not None:
            self._burst_timer.stop()
        self._burst_timer = self.set_timer(BURST_QUIET_S, self.ask_burst)

    def ask_burst(self) -> None:
        """The typing stopped: answer the held digits on the next questions, or undo the burst."""
        held, self.held = self.held or [], None
        undo = self.burst_log[-(BURST_MIN - 1) :]
        n = len(held) + len(undo)

        def answer(yes: bool | None) -> None:
            if yes:
                for key in held:
                    self.answer_now(key)
                return
            # No: the burst answers nothing (its first digits are taken back too).
            for qid, previous in reversed(undo):
                if previous is None:
                    self.clear_answer(qid)
                else:
                    self.record(qid, previous.level, note=previous.note)
            if undo:
                self.jump_to(undo[0][0])
            self.notify(self.t("retro.burst_undone", n=n), timeout=5)

        digits = " ".join("?" if k == NOT_SURE else str(k) for k in held)
        self.app.push_screen(
            ConfirmScreen(self.t("retro.burst_ask", n=n, more=len(held), digits=digits)), answer
        )

    def say_recorded(self, question_id: str, level: int | None) -> None:
        """ "Q4 recorded: 3 Defined": where it went, with the level's name."""
        if self.loaded is None or question_id not in self.qids:
            return
        label = (
            f"{level} {tr(self.loaded.questionnaire.levels[level], self.lang)}"
            if level is not None
            else self.t("q.not_sure")
        )
        # Shown on the position line of the next question, not as a toast: at a retro's pace
        # toasts pile up over the options on a projector.
        self.last_recorded = self.t(
            "retro.recorded", n=self.qids.index(question_id) + 1, answer=label
        )

    def action_clear(self) -> None:
        """Take back the current question's answer (it becomes unanswered again)."""
        if self.current is None or self.refuse_if_read_only():
            return
        qid = self.current[1].id
        if qid not in self.answers:
            self.notify(self.t("q.unanswered"), timeout=3)
            return
        self.clear_answer(qid)
        self.notify(self.t("retro.cleared", n=self.qids.index(qid) + 1), timeout=4)
        self.refresh_view()

    def clear_answer(self, question_id: str) -> None:
        previous = self.answers.pop(question_id, None)
        ws = self.gateway.workspace
        future = self.gateway.submit(ws.answer, self.assessment_id, question_id, None, clear=True)
        self.writes.begin()
        self._show_saved()
        self.watch_save(future, question_id, None, previous)

    def remember_mode(self, mode: str) -> None:
        """Keep solo/team with the assessment, so it opens the way it was left."""
        if self.assessment is not None and self.assessment.mode != mode:
            self.assessment.mode = "team" if mode == "team" else "solo"
            self.gateway.submit(self.gateway.workspace.set_mode, self.assessment_id, mode)

    @on(AnswerOptions.Chosen)
    def _option_chosen(self, event: AnswerOptions.Chosen) -> None:
        self.action_answer(event.key)

    def record(self, question_id: str, level: int | None, note: str | None = None) -> None:
        """Update the local copy, queue the write now, and watch it in a worker."""
        assert self.assessment is not None
        previous = self.answers.get(question_id)
        if note is None:
            note = self.pending_notes.pop(question_id, None)
        # The local copy follows the core's revision rule and counts as reviewed at once
        # (the session clock's n/N), before the store has stamped the write.
        self.answers[question_id] = revise_answer(previous, level, note=note, updated=now())
        ws = self.gateway.workspace
        future = self.gateway.submit(ws.answer, self.assessment_id, question_id, level, note=note)
        self.writes.begin()
        self._show_saved()
        self.watch_save(future, question_id, level, previous)

    @work(group="save", exit_on_error=False)
    async def watch_save(
        self,
        future: Future[Answer | None],
        question_id: str,
        level: int | None,
        previous: Answer | None,
    ) -> None:
        """Roll the local copy back when the write fails; the user's error is said here, any
        other error propagates to the app's worker handler (shown and logged)."""
        try:
            await self.writes.settle(self.gateway.wait(future))
        except Exception as exc:
            if previous is None:
                self.answers.pop(question_id, None)
            else:
                self.answers[question_id] = previous
            if not isinstance(exc, MaturityError):
                raise
            self.notify(
                self.error_text(exc), title=self.t("q.save_failed"), severity="error", timeout=10
            )
        else:
            self.post_message(AnswerSaved(self.assessment_id, question_id, level))
        finally:
            if self.is_attached:
                if self.writes.failed:
                    self.refresh_view()
                else:
                    self.refresh_progress()

    def advance(self) -> None:
        """Next question; after the last one, the questions still unanswered (skipped ones) one
        after the other, then the DORA screen.

        Once past the end, "next" means the next unanswered question: going on in order would
        walk into answers already recorded (and, in team mode, record them again).
        """
        missing = [i for i, qid in enumerate(self.qids) if qid not in self.answers]
        if not self.sweeping and self.index + 1 < len(self.questions):
            self.index += 1
        elif missing:
            self.sweeping = True
            self.index = next((i for i in missing if i > self.index), missing[0])
        else:
            # No toast: it would still say "press d" on the DORA screen opened next.
            self.refresh_view()
            self.action_dora()
            return
        self.refresh_view()

    def action_back(self) -> None:
        self.burst.reset()
        if self.index > 0:
            self.index -= 1
            self.refresh_view()

    def action_next(self) -> None:
        self.burst.reset()
        if self.index + 1 < len(self.questions):
            self.index += 1
            self.refresh_view()

    def jump_to(self, question_id: str) -> None:
        self.burst.reset()
        if question_id in self.qids:
            self.index = self.qids.index(question_id)
            self.refresh_view()
            self.query_one("#q-options").focus()

    @on(DimensionSidebar.Jump)
    def _jump(self, event: DimensionSidebar.Jump) -> None:
        """To the dimension's first unanswered question (its first one if all are answered)."""
        ids = [(i, q.id) for i, (d, q) in enumerate(self.questions) if d.id == event.dimension_id]
        if not ids:
            return
        self.index = next((i for i, qid in ids if qid not in self.answers), ids[0][0])
        self.refresh_view()
        self.query_one("#q-options").focus()

    def action_toggle_help(self) -> None:
        self.show_help = not self.show_help
        self.refresh_view()

    def on_resize(self) -> None:
        if not self.sidebar_toggled:
            self.query_one("#sidebar").display = self.app.size.width >= SIDEBAR_MIN_WIDTH

    def action_toggle_sidebar(self) -> None:
        self.sidebar_toggled = True
        sidebar = self.query_one("#sidebar")
        sidebar.display = not sidebar.display
        if not sidebar.display and sidebar.has_focus:
            self.query_one("#q-options").focus()

    def action_note(self) -> None:
        if self.current is None or self.refuse_if_read_only():
            return
        from maturity.tui.screens.note import NoteScreen

        _, question = self.current
        answer = self.answers.get(question.id)
        note = self.pending_notes.get(question.id, answer.note if answer else "")

        def done(text: str | None) -> None:
            if text is None:
                return
            latest = self.answers.get(question.id)
            if latest is None:
                # Workspace.answer needs a level; the note waits for the answer.
                self.pending_notes[question.id] = text
                self.notify(self.t("q.note_pending"), timeout=4)
                self.refresh_view()
            else:
                self.record(question.id, latest.level, note=text)
                self.refresh_view()

        self.app.push_screen(NoteScreen(tr(question.text, self.lang), note), done)

    def action_home(self) -> None:
        self.navigate(GoHome())

    def action_dora(self) -> None:
        self.navigate(OpenDora(self.assessment_id))

    def action_results(self) -> None:
        self.navigate(OpenResults(self.assessment_id))

    def action_team(self) -> None:
        """Team mode (votes, reveal) at this question; see screens/team.py."""
        self.remember_mode("team")
        self.navigate(OpenTeam(self.assessment_id, self.current[1].id if self.current else None))

    def palette_commands(self) -> list[tuple[str, str, str]]:
        return [
            ("cmd.dora", "cmd.dora.help", "dora"),
            ("cmd.results", "cmd.results.help", "results"),
            ("cmd.team", "cmd.team.help", "team"),
        ]
