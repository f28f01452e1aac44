"""Moving assessments between stores and into spreadsheets: JSON bundles and CSV.

A bundle (``maturity/bundle@1``) carries assessments together with the questionnaire snapshots
they were taken with, so it imports into any store. Importing is idempotent (a second import
adds nothing) and all-or-nothing: every conflict is reported and nothing is written until
there are none.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError

from maturity import questionnaire as qmod
from maturity.errors import InvalidFileError, MaturityError, NotFoundError
from maturity.model.assessment import Assessment
from maturity.model.text import tr
from maturity.questionnaire import LoadedQuestionnaire
from maturity.safetext import csv_rows
from maturity.timefmt import format_time, now
from maturity.workspace import ImportOutcome, Workspace, export_json

BUNDLE_SCHEMA = "maturity/bundle@1"
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
        raise NotFoundError(f"no team '{team.strip()}'")
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


def import_bundle(
    ws: Workspace,
    data: dict[str, Any],
    source: str,
    *,
    replace: bool = False,
    dry_run: bool = False,
) -> list[ImportOutcome]:
    """Import a bundle: validate everything, refuse on any conflict, then write (unless dry_run)."""
    try:
        snapshots = {
            (q["id"], q["version"]): LoadedQuestionnaire.from_json(
                json.dumps(q["body"]), origin=source
            )
            for q in data.get("questionnaires", [])
        }
    except (KeyError, TypeError, ValidationError) as exc:
        raise MaturityError(
            f"{source}: questionnaires: invalid snapshot ({str(exc).splitlines()[0]})"
        ) from None
    docs: list[Assessment] = []
    for i, raw in enumerate(data.get("assessments", [])):
        try:
            docs.append(Assessment.model_validate(raw))
        except ValidationError as exc:
            problems = [
                p.__class__(f"assessments[{i}].{p.path}", p.message)
                for p in qmod.problems_from(exc)
            ]
            raise InvalidFileError(source, problems) from None
    conflicts: list[str] = []
    for (qid, version), loaded in snapshots.items():
        body = ws.store.questionnaire_json(qid, version)
        if body is not None and body != loaded.to_json():
            conflicts.append(f"questionnaire {qid} {version} differs from the one in this store")
    for a in docs:
        key = (a.questionnaire.id, a.questionnaire.version)
        if key not in snapshots:
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
        loaded = snapshots.get(key) or ws.questionnaire_for(a)
        if not replace and export_json(existing, loaded) != export_json(a, loaded):
            conflicts.append(f"assessment {a.id} ({a.team}) already exists with different content")
    if conflicts:
        hint = (
            ""
            if replace
            else "; nothing was imported (use --replace to overwrite differing assessments)"
        )
        raise MaturityError("\n".join(f"{source}: {c}" for c in conflicts[:-1]) + ("\n" if len(conflicts) > 1 else "")
                            + f"{source}: {conflicts[-1]}{hint}")  # fmt: skip
    if not dry_run:
        for (qid, version), loaded in snapshots.items():
            ws.store.put_questionnaire(qid, version, loaded.to_json())
    return [
        ws.import_document(
            a,
            snapshots.get((a.questionnaire.id, a.questionnaire.version)),
            replace=replace,
            dry_run=dry_run,
        )
        for a in docs
    ]


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
