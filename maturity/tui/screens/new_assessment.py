"""New assessment: team, facilitator, participants, questionnaire, language.

Nothing is created until every field is valid; problems are shown next to the field they
belong to (a bad questionnaire file lists every problem the validator found).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.suggester import SuggestFromList
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from maturity import questionnaire as qmod
from maturity.catalogue import LANGUAGE_NAMES, LANGUAGES
from maturity.errors import MaturityError
from maturity.model.text import tr
from maturity.tui.safe import plain
from maturity.tui.screens.base import BaseScreen
from maturity.tui.screens.confirm import ConfirmScreen
from maturity.tui.widgets.footer import KeyFooter
from maturity.tui.widgets.safe_input import SafeInput, suggestible
from maturity.voting import name_key

if TYPE_CHECKING:
    from maturity.store.base import TeamRow

FILE = "__file__"


def _builtin_titles() -> list[tuple[str, dict[str, str], int]]:
    """Built-in questionnaires as (id, localised title, question count); cached by the
    questionnaire module. The count lets a facilitator pick one that fits the time box."""
    out = []
    for qid in qmod.builtin_ids():
        q = qmod.builtin(qid).questionnaire
        out.append((qid, q.title, len(q.question_ids())))
    return out


class NewAssessmentScreen(BaseScreen[str | None]):
    """Dismisses with the new assessment's id, or None when cancelled."""

    HELP_GROUP = "help.screen.new"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "create", "Start", id="create"),
        Binding("escape", "cancel", "Cancel", id="cancel"),
        Binding("ctrl+l", "from_last", "New from last", id="from_last", show=False),
    ]

    def __init__(self, teams: list[str]) -> None:
        super().__init__()
        self.teams = teams
        self.builtins = _builtin_titles()
        self.busy = False
        self.rows: list[TeamRow] = []
        """Existing teams with their latest assessment (read on mount, for "new from last")."""
        self.last: TeamRow | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="new"):
            yield Static(id="new-title", classes="screen-title")
            with VerticalScroll(id="new-form"), Grid(id="new-grid"):
                yield Label(id="lbl-team")
                with Vertical():
                    # No max_length on these fields: the core (maturity.limits, through
                    # Workspace.create) refuses a value that is too long, with its message.
                    yield SafeInput(
                        id="team",
                        suggester=SuggestFromList(suggestible(self.teams), case_sensitive=False),
                    )
                    yield Static(id="err-team", classes="field-error")
                    yield Static(id="from-last", classes="hint")
                yield Label(id="lbl-facilitator")
                yield SafeInput(id="facilitator")
                yield Label(id="lbl-participants")
                yield SafeInput(id="participants")
                yield Label(id="lbl-questionnaire")
                with Vertical():
                    yield Select[str](
                        self._questionnaire_options(), id="questionnaire", allow_blank=False
                    )
                    yield SafeInput(id="file")
                    yield Static(id="err-file", classes="field-error")
                yield Label(id="lbl-language")
                yield Select[str](
                    [(LANGUAGE_NAMES[code], code) for code in LANGUAGES],
                    id="language",
                    value=self.lang,
                    allow_blank=False,
                )
                yield Label(id="lbl-anonymous")
                yield Checkbox(id="anonymous")  # team mode: chosen once, at creation
            with Horizontal(classes="buttons"):
                yield Button(id="create", variant="primary")
                yield Button(id="cancel")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#file", Input).display = False
        self.query_one("#err-team").display = False
        self.query_one("#err-file").display = False
        self.query_one("#from-last").display = False
        self.refresh_view()
        self.query_one("#team", Input).focus()
        self.load_teams()

    @work(exclusive=True, group="new-teams", exit_on_error=False)
    async def load_teams(self) -> None:
        try:
            self.rows = await self.gateway.run(self.gateway.workspace.teams)
        except MaturityError:
            self.rows = []
        self.suggest_from_last(self.query_one("#team", Input).value)

    def suggest_from_last(self, team: str) -> None:
        """When the team already exists, suggest starting from its last assessment."""
        key = name_key(team)
        self.last = next((r for r in self.rows if key and r.key == key), None)
        hint = self.query_one("#from-last", Static)
        hint.display = self.last is not None
        if self.last is not None:
            hint.update(
                Text(
                    self.t(
                        "retro.new_from_last",
                        team=self.last.team,
                        date=self.last.latest_created[:10],
                    )
                )
            )
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "from_last":
            return self.last is not None
        return True

    def action_from_last(self) -> None:
        if self.last is not None and not self.busy:
            self.create_from_last(self.last.latest_id)

    @work(exclusive=True, group="create", exit_on_error=False)
    async def create_from_last(self, previous: str) -> None:
        """A new assessment pre-filled with the last one's answers (the team reviews them)."""
        self.busy = True
        ws = self.gateway.workspace
        overrides: dict[str, Any] = {}
        facilitator = self.query_one("#facilitator", Input).value.strip()
        if facilitator:
            overrides["facilitator"] = facilitator
        people = [
            p.strip() for p in self.query_one("#participants", Input).value.split(",") if p.strip()
        ]
        if people:
            overrides["participants"] = people
        try:
            new = await self.gateway.run(lambda: ws.create_from(previous, **overrides))
        except MaturityError as exc:
            self._error("team", self.error_text(exc))
            return
        finally:
            self.busy = False
        self.notify(self.t("new.created", team=new.team), timeout=3)
        self.dismiss(new.id)

    def refresh_view(self) -> None:
        self.query_one("#new-title", Static).update(self.t("new.heading"))
        for field in ("team", "facilitator", "participants", "questionnaire", "language"):
            self.query_one(f"#lbl-{field}", Label).update(self.t(f"new.{field}"))
        self.query_one("#lbl-anonymous", Label).update(self.t("new.anonymous"))
        self.query_one("#anonymous", Checkbox).label = self.t("new.anonymous.label")
        self.query_one("#team", Input).placeholder = self.t("new.team.placeholder")
        self.query_one("#participants", Input).placeholder = self.t("new.participants.placeholder")
        self.query_one("#file", Input).placeholder = self.t("new.file.placeholder")
        select = self.query_one("#questionnaire", Select)
        current = select.value
        options = self._questionnaire_options()
        select.set_options(options)
        select.value = current if current in {v for _, v in options} else options[0][1]
        self.query_one("#create", Button).label = self.t("new.create")
        self.query_one("#cancel", Button).label = self.t("common.cancel")

    def _questionnaire_options(self) -> list[tuple[Content, str]]:
        """Content prompts: a str prompt is markup to Select."""
        options = [
            (plain(f"{tr(title, self.lang)} ({qid}, {self.t('retro.questions_count', n=n)})"), qid)
            for qid, title, n in self.builtins
        ]
        options.append((Content(self.t("new.file.option")), FILE))
        return options

    # -- validation -------------------------------------------------------------------------

    def _error(self, field: str, message: str) -> None:
        widget = self.query_one(f"#err-{field}", Static)
        widget.update(plain(message, multiline=True))  # errors quote what was typed
        widget.display = bool(message)
        self.query_one(f"#{field}", Input).set_class(bool(message), "-invalid-field")

    @on(Input.Changed, "#team")
    def _team_changed(self, event: Input.Changed) -> None:
        if event.value.strip():
            self._error("team", "")
        self.suggest_from_last(event.value)

    @on(Input.Changed, "#file")
    def _file_changed(self, event: Input.Changed) -> None:
        if event.value.strip():
            self._error("file", "")

    @on(Select.Changed, "#questionnaire")
    def _questionnaire_changed(self, event: Select.Changed) -> None:
        is_file = event.value == FILE
        self.query_one("#file", Input).display = is_file
        if not is_file:
            self._error("file", "")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        if event.input.id in ("team", "facilitator", "participants"):
            self.focus_next()
        else:
            self.action_create()

    @on(Button.Pressed, "#create")
    def _create_pressed(self) -> None:
        self.action_create()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    def action_cancel(self) -> None:
        """Escape on a form with something typed asks before throwing it away."""
        typed = any(
            self.query_one(f"#{field}", Input).value.strip()
            for field in ("team", "facilitator", "participants", "file")
        )
        if not typed:
            self.dismiss(None)
            return

        def answer(yes: bool | None) -> None:
            if yes:
                self.dismiss(None)

        self.app.push_screen(ConfirmScreen(self.t("retro.discard_form")), answer)

    def action_create(self) -> None:
        if self.busy:
            return
        team = self.query_one("#team", Input).value.strip()
        choice = self.query_one("#questionnaire", Select).value
        path = self.query_one("#file", Input).value.strip()
        ok = True
        if not team:
            self._error("team", self.t("new.error.team"))
            ok = False
        if choice == FILE and not path:
            self._error("file", self.t("new.error.file"))
            ok = False
        if not ok:
            first = "#team" if not team else "#file"
            self.query_one(first, Input).focus()
            return
        ref = path if choice == FILE else str(choice)
        facilitator = self.query_one("#facilitator", Input).value.strip() or None
        participants = [
            p.strip() for p in self.query_one("#participants", Input).value.split(",") if p.strip()
        ]
        language = str(self.query_one("#language", Select).value)
        self.create(team, ref, facilitator, participants, language, choice == FILE)

    @work(exclusive=True, group="create", exit_on_error=False)
    async def create(
        self,
        team: str,
        ref: str,
        facilitator: str | None,
        participants: list[str],
        language: str,
        is_file: bool,
    ) -> None:
        """Load the questionnaire and create the assessment, both on the store thread."""
        self.busy = True
        self.query_one("#create", Button).disabled = True
        ws = self.gateway.workspace
        anonymous = self.query_one("#anonymous", Checkbox).value

        def _make() -> str:
            loaded = qmod.resolve(ref)
            return ws.create(
                team,
                loaded,
                facilitator=facilitator,
                participants=participants,
                language=language,
                anonymous=anonymous,
            ).id

        try:
            assessment_id = await self.gateway.run(_make)
        except MaturityError as exc:
            if is_file:
                self._error("file", self.error_text(exc))
                self.query_one("#file", Input).focus()
            else:
                self._error("team", self.error_text(exc))
            return
        finally:
            self.busy = False
            self.query_one("#create", Button).disabled = False
        self.notify(self.t("new.created", team=team), timeout=3)
        self.dismiss(assessment_id)
