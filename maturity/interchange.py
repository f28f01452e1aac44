"""Moving assessments between stores and into spreadsheets: JSON bundles and CSV.

A bundle (``maturity/bundle@1``) carries assessments together with the questionnaire snapshots
they were taken with, so it imports into any store. Importing is idempotent (a second import
adds nothing) and all-or-nothing: every conflict is reported and nothing is written until
there are none.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from maturity import questionnaire as qmod
from maturity.errors import InvalidFileError, MaturityError, NotFoundError, Problem
from maturity.model.assessment import Assessment
from maturity.model.text import tr
from maturity.questionnaire import LoadedQuestionnaire
from maturity.safetext import csv_rows
from maturity.timefmt import format_time, now
from maturity.workspace import SNAPSHOT_KEY, ImportOutcome, Workspace, export_json

BUNDLE_SCHEMA = "maturity/bundle@1"
BUNDLE_KEYS = frozenset({"schema", "exported", "questionnaires", "assessments"})
CSV_COLUMNS = [
    "assessment_id", "team", "created", "status", "questionnaire", "questionnaire_version",
    "dimension", "question_id", "question", "level", "not_sure", "note",
]  # fmt: skip


def _selected(
    ws: Workspace, team: str | None, assessment_id: str | None = None
) -> list[Assessment]:
    if assessment_id is not None:
        return [ws.get(assessment_id)]
    rows = ws.list(team)
    if team is not None and not rows:
        raise NotFoundError(code="team.not_found", params={"team": team.strip()})
    docs = [ws.store.get(r.id) for r in rows]
    return sorted(docs, key=lambda a: (a.team.casefold(), a.created, a.id))


def export_bundle(ws: Workspace, team: str | None = None) -> str:
    """Every assessment (or one team's) with its questionnaire snapshots, as canonical JSON."""
    docs = _selected(ws, team)
    snapshots: dict[tuple[str, str], LoadedQuestionnaire] = {}
    for a in docs:
        snapshots.setdefault((a.questionnaire.id, a.questionnaire.version), ws.questionnaire_for(a))
    bundle = {
        "schema": BUNDLE_SCHEMA,
        "exported": format_time(now()),
        "questionnaires": [
            {"id": k[0], "version": k[1], "body": json.loads(v.to_json())}
            for k, v in sorted(snapshots.items())
        ],
        "assessments": [
            json.loads(export_json(a, snapshots[(a.questionnaire.id, a.questionnaire.version)]))
            for a in docs
        ],
    }
    return json.dumps(bundle, ensure_ascii=False, indent=2) + "\n"


@dataclass(frozen=True)
class Prepared:
    """One import file, parsed and validated without touching any store."""

    source: str
    bundle: bool
    snapshots: dict[tuple[str, str], LoadedQuestionnaire]
    docs: list[Assessment]


@dataclass(frozen=True)
class FileOutcome:
    source: str
    bundle: bool
    outcomes: list[ImportOutcome]

    def counts(self) -> dict[str, int]:
        return {
            k: sum(o.action == k for o in self.outcomes) for k in ("added", "unchanged", "replaced")
        }


def _snapshot(raw: Any, source: str, where: str) -> tuple[tuple[str, str], LoadedQuestionnaire]:
    """A questionnaire snapshot carried by a bundle or an export: ``{id, version, body}``."""
    if not isinstance(raw, dict) or set(raw) != {"id", "version", "body"}:
        raise MaturityError(f"{source}: {where}: expected an object with id, version and body")
    try:
        loaded = LoadedQuestionnaire.from_json(json.dumps(raw["body"]), origin=source)
    except (KeyError, TypeError, AttributeError, ValidationError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise MaturityError(f"{source}: {where}: invalid snapshot ({first})") from None
    key = (raw["id"], raw["version"])
    if key != (loaded.id, loaded.version):
        raise MaturityError(
            f"{source}: {where}: says {raw['id']} {raw['version']} but holds"
            f" {loaded.id} {loaded.version}"
        )
    if problem := qmod.shadows_builtin(loaded):
        raise MaturityError(f"{source}: {where}: {problem}")
    return key, loaded


def _assessment(raw: Any, source: str, where: str = "") -> Assessment:
    try:
        return Assessment.model_validate(raw)
    except ValidationError as exc:
        problems = [
            Problem(f"{where}{p.path}" if where else p.path, p.message)
            for p in qmod.problems_from(exc)
        ]
        raise InvalidFileError(source, problems) from None


def prepare(source: str, data: Any) -> Prepared:
    """Check one parsed import file (a bundle or a single assessment document) on its own."""
    if isinstance(data, dict) and data.get("schema") == BUNDLE_SCHEMA:
        unknown = sorted(set(data) - BUNDLE_KEYS)
        if unknown:
            raise MaturityError(
                f"{source}: unknown key '{unknown[0]}' in a bundle"
                f" (expected {', '.join(sorted(BUNDLE_KEYS))})"
            )
        for key in ("questionnaires", "assessments"):
            if not isinstance(data.get(key, []), list):
                raise MaturityError(f"{source}: {key}: expected a list")
        snapshots: dict[tuple[str, str], LoadedQuestionnaire] = {}
        for i, raw in enumerate(data.get("questionnaires", [])):
            ref, loaded = _snapshot(raw, source, f"questionnaires[{i}]")
            if ref in snapshots and snapshots[ref].to_json() != loaded.to_json():
                raise MaturityError(
                    f"{source}: questionnaires[{i}]: {ref[0]} {ref[1]} appears twice, differently"
                )
            snapshots[ref] = loaded
        docs = [
            _assessment(raw, source, f"assessments[{i}].")
            for i, raw in enumerate(data.get("assessments", []))
        ]
        return Prepared(source, True, snapshots, docs)
    if not isinstance(data, dict) or data.get("schema") != "maturity/assessment@1":
        raise MaturityError(
            f"{source}: not a maturity assessment or bundle"
            " (expected schema: maturity/assessment@1 or maturity/bundle@1)"
        )
    body = dict(data)
    carried = body.pop(SNAPSHOT_KEY, None)
    doc = _assessment(body, source)
    snapshots = {}
    if carried is not None:
        ref, loaded = _snapshot(carried, source, SNAPSHOT_KEY)
        if ref != (doc.questionnaire.id, doc.questionnaire.version):
            raise MaturityError(
                f"{source}: {SNAPSHOT_KEY}: is {ref[0]} {ref[1]}, but the assessment was taken"
                f" with {doc.questionnaire.id} {doc.questionnaire.version}"
            )
        snapshots[ref] = loaded
    return Prepared(source, False, snapshots, [doc])


def _canonical(doc: Assessment) -> str:
    return json.dumps(doc.model_dump(mode="json", by_alias=True), sort_keys=True)


def check_repeats(prepared: list[Prepared]) -> None:
    """One id carried twice with different content (in one bundle or two files) is refused
    even with --replace: which one should win is not ours to guess."""
    seen: dict[str, tuple[str, str]] = {}
    problems: list[str] = []
    for p in prepared:
        for doc in p.docs:
            text = _canonical(doc)
            if doc.id in seen and seen[doc.id][1] != text:
                where = (
                    "twice in it" if seen[doc.id][0] == p.source else f"also in {seen[doc.id][0]}"
                )
                problems.append(
                    f"{p.source}: assessment {doc.id} appears {where} with different content"
                )
            seen.setdefault(doc.id, (p.source, text))
    if problems:
        raise MaturityError("\n".join(problems) + "; nothing was imported")


def import_prepared(
    ws: Workspace,
    prepared: list[Prepared],
    override: LoadedQuestionnaire | None = None,
    *,
    replace: bool = False,
) -> list[FileOutcome]:
    """Import every prepared file in ONE store transaction: all of them or nothing.

    The transaction is taken before anything is compared, so a concurrent import of the same
    files waits and then finds them unchanged. A document repeated identically (in one bundle
    or across files) counts once.
    """
    check_repeats(prepared)
    results: list[FileOutcome] = []
    done: set[str] = set()
    checked: set[tuple[str, str, str]] = (
        set()
    )  # snapshots compared with the store (one transaction)
    with ws.store.transaction():
        for p in prepared:
            if p.bundle:
                conflicts = _bundle_conflicts(ws, p, replace)
                if conflicts:
                    hint = (
                        ""
                        if replace
                        else "; nothing was imported (use --replace to overwrite differing assessments)"
                    )
                    lines = [f"{p.source}: {c}" for c in conflicts]
                    lines[-1] += hint
                    raise MaturityError("\n".join(lines))
                for (qid, version), loaded in p.snapshots.items():
                    ws.store.put_questionnaire(qid, version, loaded.to_json())
            outcomes: list[ImportOutcome] = []
            for doc in p.docs:
                if doc.id in done:
                    continue
                done.add(doc.id)
                ref = (doc.questionnaire.id, doc.questionnaire.version)
                chosen = p.snapshots.get(ref) or (override if not p.bundle else None)
                try:
                    outcomes.append(
                        ws.import_document(doc, chosen, replace=replace, checked=checked)
                    )
                except MaturityError as exc:
                    raise MaturityError(f"{p.source}: {exc}") from None
            results.append(FileOutcome(p.source, p.bundle, outcomes))
    return results


def _bundle_conflicts(ws: Workspace, p: Prepared, replace: bool) -> list[str]:
    conflicts: list[str] = []
    for (qid, version), loaded in p.snapshots.items():
        body = ws.store.questionnaire_json(qid, version)
        if body is not None and body != loaded.to_json():
            conflicts.append(f"questionnaire {qid} {version} differs from the one in this store")
    for a in p.docs:
        key = (a.questionnaire.id, a.questionnaire.version)
        if key not in p.snapshots:
            try:
                ws.questionnaire_for(a)
            except NotFoundError:
                conflicts.append(
                    f"assessment {a.id}: questionnaire {key[0]} {key[1]} is not in the bundle or the store"
                )
                continue
        try:
            existing = ws.store.get(a.id)
        except NotFoundError:
            continue
        loaded = p.snapshots.get(key) or ws.questionnaire_for(a)
        if not replace and export_json(existing, loaded) != export_json(a, loaded):
            conflicts.append(f"assessment {a.id} ({a.team}) already exists with different content")
    return conflicts


def import_bundle(
    ws: Workspace, data: dict[str, Any], source: str, *, replace: bool = False
) -> list[ImportOutcome]:
    """Import one bundle (checked, then written in one transaction)."""
    return import_prepared(ws, [prepare(source, data)], replace=replace)[0].outcomes


def export_csv(
    ws: Workspace, team: str | None = None, lang: str = "en", *, assessment_id: str | None = None
) -> str:
    """One row per answer, for spreadsheets and BI tools (UTF-8, header row).

    Written by :func:`maturity.safetext.csv_rows`: team names, notes and every other text cell
    are neutralised against formula injection and a bare CR in a note is quoted."""
    rows: list[list[object]] = [list(CSV_COLUMNS)]
    for a in _selected(ws, team, assessment_id):
        q = ws.questionnaire_for(a).questionnaire
        for dim, question in q.questions():
            ans = a.answers.get(question.id)
            if ans is None:
                continue
            rows.append([
                a.id, a.team, format_time(a.created), a.status, q.id, q.version, dim.id, question.id,
                tr(question.text, lang), "" if ans.level is None else ans.level,
                "true" if ans.level is None else "false", ans.note,
            ])  # fmt: skip
    return csv_rows(rows)
