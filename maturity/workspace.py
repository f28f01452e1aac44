"""The application layer: assessments in a store, scored against their questionnaire.

The CLI and the TUI both talk to a :class:`Workspace`; it owns the rules that span the store
and the scoring (which questionnaire an assessment uses, the progress columns kept up to date
on every save, import conflicts), so neither front end re-implements them.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterable
from dataclasses import dataclass

from maturity import questionnaire as qmod
from maturity import scoring
from maturity.dora import parse_inputs
from maturity.errors import InvalidFileError, MaturityError, NotFoundError, Problem
from maturity.evaluate import evaluate
from maturity.model.assessment import (
    Answer,
    Assessment,
    DoraInputs,
    QuestionnaireRef,
    now,
)
from maturity.model.results import Results
from maturity.questionnaire import LoadedQuestionnaire
from maturity.store.base import Progress, Store, Summary


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


def export_json(assessment: Assessment, loaded: LoadedQuestionnaire | None = None) -> str:
    """The canonical assessment document: answers in questionnaire order, UTF-8, 2-space indent."""
    order = {qid: i for i, qid in enumerate(loaded.questionnaire.question_ids())} if loaded else {}
    ordered = dict(
        sorted(assessment.answers.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))
    )
    doc = assessment.model_copy(update={"answers": ordered})
    data = doc.model_dump(mode="json", by_alias=True)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


@dataclass(frozen=True)
class ImportOutcome:
    id: str
    team: str
    action: str  # "added", "unchanged", "replaced"


class Workspace:
    def __init__(self, store: Store) -> None:
        self.store = store
        self._questionnaires: dict[tuple[str, str], LoadedQuestionnaire] = {}

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
                if loaded is None or loaded.version != key[1]:
                    raise NotFoundError(
                        f"questionnaire '{key[0]}' version {key[1]} is not in this store;"
                        " give its file with --questionnaire FILE"
                    )
                self._questionnaires[key] = loaded
        return self._questionnaires[key]

    # -- reading ----------------------------------------------------------------------------

    def list(self, team: str | None = None) -> list[Summary]:
        return self.store.list(team)

    def get(self, id_or_prefix: str) -> Assessment:
        return self.store.get(self.store.resolve_id(id_or_prefix))

    def results(
        self, id_or_prefix: str, lang: str | None = None, benchmark_year: int | None = None
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
    ) -> Assessment:
        stamp = now()
        try:
            assessment = Assessment(
                id=new_id(),
                team=team,
                created=stamp,
                updated=stamp,
                facilitator=facilitator or None,
                participants=[p.strip() for p in participants if p.strip()],
                questionnaire=QuestionnaireRef(id=loaded.id, version=loaded.version),
                language=language,
                answers={
                    k: v.model_copy(update={"updated": stamp}) for k, v in (answers or {}).items()
                },
                dora=dora or DoraInputs(),
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
        body = self.store.questionnaire_json(loaded.id, loaded.version)
        if body is not None and body != loaded.to_json():
            raise MaturityError(
                f"questionnaire '{loaded.id}' version {loaded.version} in this store differs from"
                f" {loaded.origin}; give the changed questionnaire a new version"
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
        if a.status == "complete":
            raise MaturityError(f"assessment {a.id} is complete; reopen it to change answers")
        previous = a.answers.get(question_id)
        if clear:
            a.answers.pop(question_id, None)
            self.store.save_answer(a.id, question_id, None, progress_of(a, loaded))
            return None
        ans = Answer(
            level=level,
            note=note if note is not None else (previous.note if previous else ""),
            votes=previous.votes if previous else {},
        )
        a.answers[question_id] = ans
        stamp = self.store.save_answer(a.id, question_id, ans, progress_of(a, loaded))
        return ans.model_copy(update={"updated": stamp})

    def set_dora(self, assessment_id: str, dora: DoraInputs) -> None:
        parse_inputs(dora.given())  # refuse what cannot be classified, before saving
        self.store.save_dora(assessment_id, dora)

    def delete(self, assessment_id: str) -> None:
        self.store.delete(assessment_id)

    # -- interchange ------------------------------------------------------------------------

    def export(self, id_or_prefix: str) -> str:
        a = self.get(id_or_prefix)
        return export_json(a, self.questionnaire_for(a))

    def import_document(
        self, doc: Assessment, loaded: LoadedQuestionnaire | None, *, replace: bool = False
    ) -> ImportOutcome:
        """Add an assessment document; identical re-imports are no-ops, conflicts are refused."""
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
        self._check_existing_snapshot(loaded)
        try:
            existing = self.store.get(doc.id)
        except NotFoundError:
            existing = None
        progress = progress_of(doc, loaded)
        if existing is None:
            self.store.create(doc, loaded.to_json(), progress)
            return ImportOutcome(doc.id, doc.team, "added")
        if export_json(existing, loaded) == export_json(doc, loaded):
            return ImportOutcome(doc.id, doc.team, "unchanged")
        if not replace:
            raise MaturityError(
                f"assessment {doc.id} ({doc.team}) already exists with different content;"
                " use --replace to overwrite it"
            )
        self.store.replace(doc, loaded.to_json(), progress)
        return ImportOutcome(doc.id, doc.team, "replaced")
