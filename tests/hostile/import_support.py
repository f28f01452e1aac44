"""Bundles for the hostile import tests: many valid assessments, written without the CLI."""

from __future__ import annotations

import json
import secrets
from pathlib import Path

from maturity import questionnaire as qmod
from maturity.model.assessment import format_time, now

CALMS = qmod.builtin("calms")


def assessment(team: str, aid: str | None = None, level: int = 3) -> dict[str, object]:
    stamp = format_time(now())
    first = CALMS.questionnaire.question_ids()[0]
    return {
        "schema": "maturity/assessment@1",
        "id": aid or secrets.token_hex(6),
        "team": team,
        "created": stamp,
        "updated": stamp,
        "facilitator": None,
        "participants": [],
        "questionnaire": {"id": "calms", "version": CALMS.version},
        "language": "en",
        "status": "in_progress",
        "answers": {first: {"level": level, "note": "", "votes": {}, "updated": stamp}},
        "dora": {},
        "events": [],
    }


def bundle(path: Path, docs: list[dict[str, object]]) -> Path:
    data = {"schema": "maturity/bundle@1", "questionnaires": [], "assessments": docs}
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def large_bundle(path: Path, n: int, team: str = "Large") -> Path:
    return bundle(path, [assessment(f"{team} {i % 7}") for i in range(n)])
