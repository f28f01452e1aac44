"""The application layer: assessments in a store, scored against their questionnaire.

The CLI and the TUI both talk to a :class:`Workspace`; it owns the rules that span the store
and the scoring (which questionnaire an assessment uses, the progress columns kept up to date
on every save, import conflicts), so neither front end re-implements them.
"""

from __future__ import annotations

import builtins
import json
import secrets
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from maturity import history, scoring, versions
from maturity import plan as plan_mod
from maturity import questionnaire as qmod
from maturity.dora import benchmark_key, parse_inputs
from maturity.errors import InvalidFileError, MaturityError, NotFoundError, Problem
from maturity.evaluate import evaluate
from maturity.history import Evaluated
from maturity.limits import check_participants, check_text, text_error
from maturity.measure.model import Measurement
from maturity.model.assessment import (
    Answer,
    Assessment,
    DoraInputs,
    Event,
    QuestionnaireRef,
    now,
)
from maturity.model.history import Comparison, Portfolio, PortfolioRow, Trend
from maturity.model.plan import Action, ActionView, DoneShare, Plan, Target
from maturity.model.results import Results
from maturity.questionnaire import LoadedQuestionnaire
from maturity.store.base import (
    LiveSession,
    Progress,
    Store,
    Summary,
    TeamRow,
    TeamState,
    team_key,
)
from maturity.voting import Voter, canonical_name, median_down, name_error

EvaluateFn = Callable[..., Evaluated]
"""``(id, lang, roadmap=...) -> Evaluated``, as :meth:`Workspace.evaluated`."""
RowFn = Callable[[str, "str | None", datetime], PortfolioRow]
"""``(assessment id, lang, at) -> PortfolioRow``, as :func:`maturity.history.portfolio_row`."""


def new_id() -> str:
    return secrets.token_hex(6)


def progress_of(assessment: Assessment, loaded: LoadedQuestionnaire) -> Progress:
    q = loaded.questionnaire
    ids = set(q.question_ids())
    result = scoring.score(q, assessment.levels())
    return Progress(
        answered=sum(1 for qid in assessment.answers if qid in ids),
        total=len(ids),
        level=result.overall.level,
        score=result.overall.score,
    )


def revise_answer(
    previous: Answer | None,
    level: int | None,
    *,
    note: str | None = None,
    votes: Mapping[str, int | None] | None = None,
    updated: datetime | None = None,
) -> Answer:
    """The one rule for changing an answer, used by every front end and by the store writes.

    A new level keeps what the team said before: the note stays unless a new one is given
    (``""`` clears it), and the votes stay unless new votes are given (an empty set keeps the
    old ones, so recording without a fresh vote never erases the round that led to the
    answer). ``updated`` is for a local copy shown before the store has stamped the write.
    """
    kept_note = note if note is not None else (previous.note if previous else "")
    kept_votes = dict(votes) if votes else (dict(previous.votes) if previous else {})
    fields: dict[str, Any] = {"level": level, "note": kept_note, "votes": kept_votes}
    if updated is not None:
        fields["updated"] = updated
    return Answer(**fields)


def export_json(assessment: Assessment, loaded: LoadedQuestionnaire | None = None) -> str:
    """The canonical assessment document: answers in questionnaire order, UTF-8, 2-space indent."""
    order = {qid: i for i, qid in enumerate(loaded.questionnaire.question_ids())} if loaded else {}
    ordered = dict(
        sorted(assessment.answers.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))
    )
    doc = assessment.model_copy(update={"answers": ordered})
    data = doc.model_dump(mode="json", by_alias=True)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


SNAPSHOT_KEY = "questionnaire_snapshot"
"""A single exported assessment carries the questionnaire it was taken with under this key
(unless that is a built-in questionnaire of the same version), so it imports anywhere."""


def _is_builtin(loaded: LoadedQuestionnaire) -> bool:
    """A built-in questionnaire of the same id, version and content (every store has it)."""
    if loaded.id not in qmod.builtin_ids():
        return False
    original = qmod.builtin(loaded.id)
    return original.version == loaded.version and original.to_json() == loaded.to_json()


@dataclass(frozen=True)
class ImportOutcome:
    id: str
    team: str
    action: str  # "added", "unchanged", "replaced"


class Workspace:
    def __init__(self, store: Store) -> None:
        self.store = store
        self._questionnaires: dict[tuple[str, str], LoadedQuestionnaire] = {}
        self._qids: dict[str, frozenset[str]] = {}

    # -- questionnaires ---------------------------------------------------------------------

    def questionnaire_for(self, assessment: Assessment) -> LoadedQuestionnaire:
        """The questionnaire snapshot the assessment was taken with (cached)."""
        key = (assessment.questionnaire.id, assessment.questionnaire.version)
        if key not in self._questionnaires:
            body = self.store.questionnaire_json(*key)
            if body is not None:
                self._questionnaires[key] = LoadedQuestionnaire.from_json(body)
            else:
                loaded = qmod.builtin(key[0]) if key[0] in qmod.builtin_ids() else None
                if loaded is not None and loaded.version != key[1]:
                    # An earlier built-in version: its snapshot ships with the app.
                    loaded = versions.archived(*key)
                if loaded is None or loaded.version != key[1]:
                    raise NotFoundError(
                        f"questionnaire '{key[0]}' version {key[1]} is not in this store;"
                        " give its file with --questionnaire FILE",
                        code="questionnaire.missing",
                        params={"questionnaire": key[0], "version": key[1]},
                    )
                self._questionnaires[key] = loaded
        return self._questionnaires[key]

    # -- reading ----------------------------------------------------------------------------

    def list(self, team: str | None = None) -> list[Summary]:
        return self.store.list(team)

    def get(self, id_or_prefix: str) -> Assessment:
        return self.store.get(self.store.resolve_id(id_or_prefix))

    def results(
        self, id_or_prefix: str, lang: str | None = None, benchmark_year: int | str | None = None
    ) -> Results:
        a = self.get(id_or_prefix)
        return evaluate(a, self.questionnaire_for(a), lang, benchmark_year)

    # -- writing ----------------------------------------------------------------------------

    def create(
        self,
        team: str,
        loaded: LoadedQuestionnaire,
        *,
        facilitator: str | None = None,
        participants: Iterable[str] = (),
        language: str = "en",
        answers: dict[str, Answer] | None = None,
        dora: DoraInputs | None = None,
        events: Iterable[tuple[str, str]] = (),
        anonymous: bool = False,
        targets: Iterable[Target] = (),
        actions: Iterable[Action] = (),
    ) -> Assessment:
        check_text("team", team)
        check_text("facilitator", facilitator)
        check_participants([p for p in participants if p.strip()])
        for qid, ans in (answers or {}).items():
            if ans.note is not None and (error := text_error("note", ans.note, f"{qid}: ")):
                raise error
        stamp = now()
        # One team, one spelling: "  payments " joins the existing team "Payments".
        team = self.store.team_name(team) or team
        try:
            assessment = Assessment(
                id=new_id(),
                team=team,
                created=stamp,
                updated=stamp,
                facilitator=facilitator or None,
                participants=[p.strip() for p in participants if p.strip()],
                anonymous=anonymous,
                questionnaire=QuestionnaireRef(id=loaded.id, version=loaded.version),
                language=language,
                answers={
                    k: v.model_copy(update={"updated": stamp}) for k, v in (answers or {}).items()
                },
                dora=dora or DoraInputs(),
                events=[Event(at=stamp, kind=k, detail=d) for k, d in events],
                targets=list(targets),
                actions=list(actions),
            )
        except Exception as exc:  # pydantic ValidationError: a bad field from the user
            from pydantic import ValidationError

            if isinstance(exc, ValidationError):
                raise InvalidFileError("assessment", qmod.problems_from(exc)) from None
            raise
        self._check_existing_snapshot(loaded)
        self.store.create(assessment, loaded.to_json(), progress_of(assessment, loaded))
        self._questionnaires[(loaded.id, loaded.version)] = loaded
        return assessment

    def _check_existing_snapshot(self, loaded: LoadedQuestionnaire) -> None:
        if problem := qmod.shadows_builtin(loaded):
            raise MaturityError(problem)
        body = self.store.questionnaire_json(loaded.id, loaded.version)
        if body is not None and body != loaded.to_json():
            raise MaturityError(
                code="questionnaire.differs",
                params={
                    "questionnaire": loaded.id,
                    "version": loaded.version,
                    "origin": loaded.origin,
                },
            )

    def answer(
        self,
        assessment_id: str,
        question_id: str,
        level: int | None,
        *,
        note: str | None = None,
        clear: bool = False,
    ) -> Answer | None:
        """Record (or with ``clear`` remove) one answer; committed when this returns."""
        a = self.store.get(assessment_id)
        loaded = self.questionnaire_for(a)
        if loaded.questionnaire.find_question(question_id) is None:
            raise NotFoundError(f"question '{question_id}' is not in questionnaire {loaded.id}")
        if level is not None and not (isinstance(level, int) and 1 <= level <= 5):
            raise MaturityError(f"{question_id}: level must be 1-5 or not sure, got {level!r}")
        check_text("note", note)
        self._writable(a)
        previous = a.answers.get(question_id)
        if clear:
            a.answers.pop(question_id, None)
            self.store.save_answer(a.id, question_id, None, progress_of(a, loaded))
            return None
        ans = revise_answer(previous, level, note=note)
        a.answers[question_id] = ans
        stamp = self.store.save_answer(a.id, question_id, ans, progress_of(a, loaded))
        return ans.model_copy(update={"updated": stamp})

    def set_dora(self, assessment_id: str, dora: DoraInputs) -> None:
        parse_inputs(dora.given())  # refuse what cannot be classified, before saving
        if dora.benchmark is not None:
            benchmark_key(dora.benchmark)
        self._writable(self.store.get(assessment_id))
        self.store.save_dora(assessment_id, dora)

    def check_measurable(self, a: Assessment) -> None:
        """Measured values go into assessments still open, like every other change."""
        self._writable(a)

    def set_measured(self, assessment_id: str, measurement: Measurement) -> None:
        """Keep measured DORA values (with provenance) beside the self-reported ones."""
        self._writable(self.store.get(assessment_id))
        self.store.save_measured(assessment_id, measurement.model_dump_json(by_alias=True))

    @staticmethod
    def _writable(a: Assessment) -> None:
        if a.status == "complete":
            raise MaturityError(code="assessment.complete", params={"id": a.id})

    # -- team mode --------------------------------------------------------------------------
    #
    # Votes live in the store's votes table while a question is open, are locked by the reveal
    # and move into Answer.votes when the team records its answer. Every method is one short
    # committed transaction, safe to call from many processes at once.

    def _question_ids(self, assessment_id: str) -> frozenset[str]:
        """The question ids of an assessment (cached: its questionnaire never changes)."""
        ids = self._qids.get(assessment_id)
        if ids is None:
            a = self.store.get(assessment_id)
            ids = frozenset(self.questionnaire_for(a).questionnaire.question_ids())
            self._qids[assessment_id] = ids
        return ids

    def _check_question(self, assessment_id: str, question_id: str) -> None:
        if question_id not in self._question_ids(assessment_id):
            raise NotFoundError(f"question '{question_id}' is not in assessment {assessment_id}")

    @staticmethod
    def _check_level(level: int | None) -> None:
        if level is not None and not (isinstance(level, int) and 1 <= level <= 5):
            raise MaturityError(f"a vote is a level 1-5 or not sure, got {level!r}")

    def voter(self, assessment_id: str, name: str) -> Voter:
        """The :class:`Voter` a participant's process uses (anonymous when the assessment is).

        Non-anonymous participants are added to the assessment's participant list; nothing about
        an anonymous participant is written.
        """
        a = self.store.get(assessment_id)
        if a.anonymous:
            return Voter(name or "anonymous", anonymous=True)
        if error := name_error(name):
            raise error
        # "joon" next to "Joon" is Joon: one voter, not two and a false "discuss".
        name = canonical_name(name, a.participants)
        self.store.add_participant(a.id, name)
        return Voter(name, anonymous=False)

    def set_mode(self, assessment_id: str, mode: str) -> None:
        """Solo answers or a team vote; kept with the assessment (it reopens the same way)."""
        if mode not in ("solo", "team"):
            raise MaturityError(f"mode is solo or team, got {mode!r}")
        self.store.set_mode(assessment_id, mode)

    def beat(self, assessment_id: str) -> None:
        """The facilitator is still there (participants and the join picker rely on it)."""
        self.store.beat(assessment_id)

    def present(self, assessment_id: str, voter: Voter, *, leave: bool = False) -> None:
        """A participant voting from their own app is there (their votes are theirs alone).
        Anonymous voters leave no trace: nothing is written for them."""
        if not voter.anonymous:
            self.store.touch_presence(assessment_id, voter.name, leave=leave)

    def cast_vote(
        self, assessment_id: str, question_id: str, voter: Voter | str, level: int | None
    ) -> None:
        """Cast or change a vote; refused once the question is revealed. Committed on return."""
        self._check_question(assessment_id, question_id)
        self._check_level(level)
        key = voter.key(assessment_id, question_id) if isinstance(voter, Voter) else voter
        if not isinstance(voter, Voter):
            if error := name_error(key):
                raise error
            key = canonical_name(key, self.store.get(assessment_id).participants)
        self.store.cast_vote(assessment_id, question_id, key, level)

    def retract_vote(self, assessment_id: str, question_id: str, voter: Voter | str) -> bool:
        key = voter.key(assessment_id, question_id) if isinstance(voter, Voter) else voter
        return self.store.retract_vote(assessment_id, question_id, key)

    def reveal(self, assessment_id: str, question_id: str) -> TeamState:
        """Show every vote on a question at once; from now on its votes cannot change."""
        self._check_question(assessment_id, question_id)
        self.store.reveal(assessment_id, question_id)
        return self.store.team_state(assessment_id, question_id)

    def reset_votes(self, assessment_id: str, question_id: str) -> None:
        """Forget the live votes of a question and hide it again, so the team votes anew."""
        self._check_question(assessment_id, question_id)
        self.store.reset_votes(assessment_id, question_id)

    def follow(self, assessment_id: str, question_id: str | None) -> None:
        """Make ``question_id`` the facilitator's current question (None pauses team mode)."""
        if question_id is not None:
            self._check_question(assessment_id, question_id)
        self.store.set_current_question(assessment_id, question_id)

    def team_state(
        self,
        assessment_id: str,
        question_id: str | None = None,
        voter: Voter | str | None = None,
    ) -> TeamState:
        """The votes of ``question_id`` (default: the facilitator's current question) as the
        voter may see them: counts only before the reveal."""
        if question_id is None:
            question_id = self.store.current_question(assessment_id)
        key: str | None = None
        if voter is not None and question_id is not None:
            key = voter.key(assessment_id, question_id) if isinstance(voter, Voter) else voter
        return self.store.team_state(assessment_id, question_id, key)

    def live_sessions(self) -> builtins.list[LiveSession]:
        return self.store.live_sessions()

    def record_team_answer(
        self,
        assessment_id: str,
        question_id: str,
        level: int | None = None,
        *,
        use_median: bool = True,
        note: str | None = None,
    ) -> Answer:
        """Record the team's answer with the votes. Reveals the question first (which locks
        its votes), so no vote can slip in between reading them and recording.

        With ``use_median`` the level is the median of the votes rounded down (``level`` is
        ignored; "not sure" when nobody gave a level); otherwise ``level`` as given.
        """
        self._check_question(assessment_id, question_id)
        self._check_level(level)
        check_text("note", note)
        state = self.reveal(assessment_id, question_id)
        a = self.store.get(assessment_id)
        self._writable(a)
        loaded = self.questionnaire_for(a)
        previous = a.answers.get(question_id)
        ans = revise_answer(previous, level, note=note, votes=state.votes)
        if use_median:
            if not ans.votes:
                raise MaturityError(code="vote.nobody", params={"question": question_id})
            ans = ans.model_copy(update={"level": median_down(ans.votes.values())})
        a.answers[question_id] = ans
        stamp = self.store.save_team_answer(a.id, question_id, ans, progress_of(a, loaded))
        return ans.model_copy(update={"updated": stamp})

    # -- snapshots --------------------------------------------------------------------------

    def complete(self, id_or_prefix: str) -> Assessment:
        """Mark an assessment complete: read-only from now on unless explicitly reopened."""
        a = self.get(id_or_prefix)
        if a.status == "complete":
            raise MaturityError(code="assessment.already_complete", params={"id": a.id})
        self.store.set_status(a.id, "complete", "completed")
        return self.store.get(a.id)

    def reopen(self, id_or_prefix: str, reason: str = "") -> Assessment:
        """Make a complete assessment editable again; the reopen (and why) is recorded."""
        if not reason.strip():
            raise MaturityError(code="assessment.reopen_reason")
        check_text("reason", reason)
        a = self.get(id_or_prefix)
        if a.status != "complete":
            raise MaturityError(code="assessment.not_complete", params={"id": a.id})
        self.store.set_status(a.id, "in_progress", "reopened", reason.strip())
        return self.store.get(a.id)

    def create_from(
        self,
        id_or_prefix: str,
        loaded: LoadedQuestionnaire | None = None,
        *,
        decisions: Mapping[str, plan_mod.Decision] | None = None,
        drop_reason: str = "",
        **overrides: Any,
    ) -> Assessment:
        """A new assessment of the same team, pre-filled with the previous answers, DORA inputs
        and the targets whose date has not passed; the previous assessment's open actions are
        reviewed first (``decisions``: action id -> done / carry / drop; carry by default).

        With a different questionnaire (or version) the answers are matched by question id;
        answers to questions it no longer asks are left behind (``dropped`` in the event).
        """
        return self.create_from_with_changes(
            id_or_prefix, loaded, decisions=decisions, drop_reason=drop_reason, **overrides
        )[0]

    def upgrade_target(self, prev: Assessment) -> LoadedQuestionnaire:
        """The questionnaire a follow-up assessment uses: the current built-in version when the
        previous one was an earlier version of a built-in, else the previous one itself."""
        qid, version = prev.questionnaire.id, prev.questionnaire.version
        if qid in qmod.builtin_ids():
            current = qmod.builtin(qid)
            if current.version != version and versions.archived(qid, version) is not None:
                return current
        return self.questionnaire_for(prev)

    def create_from_with_changes(
        self,
        id_or_prefix: str,
        loaded: LoadedQuestionnaire | None = None,
        *,
        decisions: Mapping[str, plan_mod.Decision] | None = None,
        drop_reason: str = "",
        **overrides: Any,
    ) -> tuple[Assessment, versions.QuestionnaireChanges | None]:
        """:meth:`create_from`, plus what changed when the questionnaire version changed."""
        prev = self.get(id_or_prefix)
        loaded = loaded or self.upgrade_target(prev)
        before = self.questionnaire_for(prev)
        changes = (
            versions.changes_between(before, loaded, prev.language)
            if (before.id, before.version) != (loaded.id, loaded.version)
            else None
        )
        ids = set(loaded.questionnaire.question_ids())
        answers = {
            qid: Answer(level=ans.level, note=ans.note)
            for qid, ans in prev.answers.items()
            if qid in ids
        }
        dropped = sorted(set(prev.answers) - ids)
        closed, carried = plan_mod.review(prev, decisions or {}, drop_reason)
        today = plan_mod.today_utc()
        dims = {d.id for d in loaded.questionnaire.dimensions}
        targets = [t for t in prev.targets if t.by >= today and t.dimension in dims]
        reviewed = []
        if closed:
            counts = {
                "done": sum(a.status == "done" for a in closed),
                "carried": len(carried),
                "dropped": sum(a.status == "dropped" for a in closed),
            }
            reviewed = [("actions-reviewed", ", ".join(f"{v} {k}" for k, v in counts.items()))]
        a = self.create(
            overrides.get("team") or prev.team,
            loaded,
            facilitator=overrides.get("facilitator") or prev.facilitator,
            participants=overrides.get("participants") or prev.participants,
            language=overrides.get("language") or prev.language,
            answers=answers,
            dora=prev.dora,
            events=[
                ("created-from", prev.id + (f"; dropped {', '.join(dropped)}" if dropped else "")),
                *reviewed,
            ],
            anonymous=bool(overrides.get("anonymous", prev.anonymous)),
            targets=targets,
            actions=carried,
        )
        if closed:  # the review's outcome on the previous assessment's actions
            self.store.put_actions([(prev.id, c) for c in closed])
        return a, changes

    # -- the plan: targets, phases, actions ------------------------------------------------

    def plan(self, id_or_prefix: str, lang: str | None = None, today: date | None = None) -> Plan:
        a = self.get(id_or_prefix)
        loaded = self.questionnaire_for(a)
        lang = lang or a.language
        dims = scoring.score(loaded.questionnaire, a.levels(), lang).dimensions
        return plan_mod.build_plan(
            a, loaded.questionnaire, loaded.practices, dims, today or plan_mod.today_utc(), lang
        )

    def set_targets(
        self, id_or_prefix: str, levels: Mapping[str, int], by: date, today: date | None = None
    ) -> builtins.list[Target]:
        """Set (or change) targets; every one is checked before any is saved."""
        a = self.get(id_or_prefix)
        plan_mod.writable(a)
        loaded = self.questionnaire_for(a)
        dims = scoring.score(loaded.questionnaire, a.levels()).dimensions
        targets = plan_mod.check_targets(
            loaded.questionnaire, dims, levels, by, today or plan_mod.today_utc(), a.targets
        )
        self.store.put_targets(a.id, targets)
        return targets

    def add_action(
        self,
        id_or_prefix: str,
        title: str | None,
        *,
        practice: str | None = None,
        owner: str | None = None,
        due: date | None = None,
        notes: str = "",
        today: date | None = None,
    ) -> Action:
        a = self.get(id_or_prefix)
        loaded = self.questionnaire_for(a)
        action = plan_mod.make_action(
            a,
            loaded.practices,
            title,
            practice=practice,
            owner=owner,
            due=due,
            notes=notes,
            today=today or plan_mod.today_utc(),
            lang=a.language,
        )
        self.store.put_actions([(a.id, action)])
        return action

    def action(self, action_prefix: str) -> tuple[Assessment, Action]:
        aid, action_id = self.store.find_action(action_prefix)
        a = self.store.get(aid)
        return a, next(x for x in a.actions if x.id == action_id)

    def update_action(
        self, action_prefix: str, today: date | None = None, **changes: Any
    ) -> Action:
        """Change an action's fields or status (see :func:`maturity.plan.change_action`)."""
        a, action = self.action(action_prefix)
        changed = plan_mod.change_action(a, action, today=today or plan_mod.today_utc(), **changes)
        self.store.put_actions([(a.id, changed)])
        return changed

    def action_views(
        self,
        id_or_prefix: str | None = None,
        team: str | None = None,
        *,
        open_only: bool = False,
        today: date | None = None,
    ) -> builtins.list[ActionView]:
        """The actions of one assessment, or of every assessment of a team (oldest first)."""
        if id_or_prefix is not None:
            docs = [self.get(id_or_prefix)]
        else:
            ids = self.store.ids_for_team(team or "")
            if not ids:
                raise NotFoundError(code="team.not_found", params={"team": (team or "").strip()})
            docs = [self.store.get(i) for i in ids]
        day = today or plan_mod.today_utc()
        out = []
        for a in docs:
            practices = self.questionnaire_for(a).practices
            for act in a.actions:
                if open_only and not act.is_open:
                    continue
                out.append(plan_mod.view(a, act, practices, day))
        return out

    def done_share(self, team: str | None = None) -> builtins.list[DoneShare]:
        rows = self.store.action_summaries()
        if team is not None:
            rows = [r for r in rows if team_key(r[0]) == team_key(team)]
        return plan_mod.done_share_rows(rows)

    # -- teams ------------------------------------------------------------------------------

    def teams(self) -> builtins.list[TeamRow]:
        return self.store.teams()

    def _team_exists(self, name: str) -> str:
        key = team_key(name)
        for row in self.store.teams():
            if row.key == key:
                return row.team
        raise NotFoundError(code="team.not_found", params={"team": name.strip()})

    def rename_team(self, old: str, new: str) -> int:
        current = self._team_exists(old)
        if not new.strip():
            raise MaturityError(code="team.blank")
        check_text("team", new)
        if team_key(new) != team_key(old) and any(
            r.key == team_key(new) for r in self.store.teams()
        ):
            raise MaturityError(
                f"team '{new.strip()}' already exists; use 'maturity team merge' to combine the two",
                code="team.exists",
                params={"team": new.strip()},
            )
        return self.store.rename_team(current, new, "team-renamed")

    def merge_teams(self, source: str, target: str) -> int:
        src = self._team_exists(source)
        dst = self._team_exists(target)
        if team_key(src) == team_key(dst):
            raise MaturityError(code="team.merge_self")
        return self.store.rename_team(src, dst, "team-merged")

    # -- history ----------------------------------------------------------------------------

    def evaluated(
        self, id_or_prefix: str, lang: str | None = None, *, roadmap: bool = True
    ) -> Evaluated:
        a = self.get(id_or_prefix)
        loaded = self.questionnaire_for(a)
        return Evaluated(a, loaded, evaluate(a, loaded, lang, roadmap=roadmap))

    def compare(self, a: str, b: str, lang: str | None = None) -> Comparison:
        return history.compare(self.evaluated(a, lang), self.evaluated(b, lang))

    def trend(
        self, team: str, lang: str | None = None, *, evaluated: EvaluateFn | None = None
    ) -> Trend:
        """The team's assessments over time. ``evaluated``: what gives an assessment's
        results (default :meth:`evaluated`); :mod:`maturity.keep` passes one that reuses
        results of assessments unchanged since it last computed them (the same results)."""
        evaluate_one = evaluated or self.evaluated
        ids = self.store.ids_for_team(team)
        if not ids:
            raise NotFoundError(code="team.not_found", params={"team": team.strip()})
        if len(ids) < 2:
            raise MaturityError(
                f"team '{team.strip()}' has one assessment so far; a trend needs at least two"
                " (start the next with: maturity new --from ID)",
                code="trend.one",
                params={"team": team.strip()},
            )
        # levels only: a trend shows no recommendations (a third of the time per assessment)
        done = [evaluate_one(i, lang, roadmap=False) for i in ids]
        return history.trend(done[-1].assessment.team, done)

    def portfolio(
        self,
        at: datetime | None = None,
        lang: str | None = None,
        *,
        row: RowFn | None = None,
    ) -> Portfolio:
        """Each team's latest complete assessment (or latest of any status if none is complete).

        ``row``: what gives a team's row (default: its assessment scored now, levels only);
        :mod:`maturity.keep` passes one that reuses rows of assessments unchanged since."""
        at = at or now()
        rows: list[PortfolioRow] = []
        for team in self.store.teams():
            chosen = team.latest_id
            if team.latest_status != "complete":
                complete = [s for s in self.store.list(team.team) if s.status == "complete"]
                if complete:
                    chosen = complete[0].id  # list() is newest first
            if row is not None:
                rows.append(row(chosen, lang, at))
            else:
                e = self.evaluated(chosen, lang, roadmap=False)  # levels only
                rows.append(history.portfolio_row(e, at))
        shares = plan_mod.done_share_rows(self.store.action_summaries())
        return history.portfolio_of(rows, shares)

    def delete(self, assessment_id: str) -> None:
        self.store.delete(assessment_id)

    # -- interchange ------------------------------------------------------------------------

    def export(self, id_or_prefix: str) -> str:
        """The assessment document; with the questionnaire snapshot (``questionnaire_snapshot``)
        unless it is a built-in one of the same version, so it imports into any store."""
        a = self.get(id_or_prefix)
        loaded = self.questionnaire_for(a)
        text = export_json(a, loaded)
        if _is_builtin(loaded):
            return text
        data = json.loads(text)
        data[SNAPSHOT_KEY] = {
            "id": loaded.id,
            "version": loaded.version,
            "body": json.loads(loaded.to_json()),
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    def import_document(
        self,
        doc: Assessment,
        loaded: LoadedQuestionnaire | None,
        *,
        replace: bool = False,
        dry_run: bool = False,
        checked: set[tuple[str, str, str]] | None = None,
    ) -> ImportOutcome:
        """Add an assessment document; identical re-imports are no-ops, conflicts are refused.

        ``dry_run`` runs every check and says what would happen without writing, so a command
        importing several files can refuse them all before it changes anything. ``checked``:
        the questionnaire snapshots already compared with the store in this transaction, so a
        bundle of 600 assessments reads each stored snapshot once, not 600 times (that was two
        thirds of an import's time).
        """
        if loaded is None:
            loaded = self.questionnaire_for(doc)
        if (loaded.id, loaded.version) != (doc.questionnaire.id, doc.questionnaire.version):
            raise MaturityError(
                f"assessment {doc.id} was taken with {doc.questionnaire.id} {doc.questionnaire.version},"
                f" not {loaded.id} {loaded.version}"
            )
        known = set(loaded.questionnaire.question_ids())
        unknown = [qid for qid in doc.answers if qid not in known]
        if unknown:
            raise InvalidFileError(
                doc.id,
                [
                    Problem(f"answers.{qid}", f"unknown question id in {loaded.id}")
                    for qid in unknown
                ],
            )
        parse_inputs(doc.dora.given())
        if doc.dora.benchmark is not None:
            try:
                benchmark_key(doc.dora.benchmark)
            except MaturityError as exc:
                raise InvalidFileError(doc.id, [Problem("dora.benchmark", str(exc))]) from None
        key = (loaded.id, loaded.version, loaded.to_json())  # the content too: two files may differ
        if checked is None or key not in checked:
            self._check_existing_snapshot(loaded)
            if checked is not None:
                checked.add(key)
        try:
            existing = self.store.get(doc.id)
        except NotFoundError:
            existing = None
        progress = progress_of(doc, loaded)
        if existing is None:
            if not dry_run:
                self.store.create(doc, loaded.to_json(), progress)
            return ImportOutcome(doc.id, doc.team, "added")
        if export_json(existing, loaded) == export_json(doc, loaded):
            return ImportOutcome(doc.id, doc.team, "unchanged")
        if not replace:
            raise MaturityError(
                f"assessment {doc.id} ({doc.team}) already exists with different content;"
                " use --replace to overwrite it",
                code="assessment.exists",
                params={"id": doc.id, "team": doc.team},
            )
        if not dry_run:
            self.store.replace(doc, loaded.to_json(), progress)
        return ImportOutcome(doc.id, doc.team, "replaced")
