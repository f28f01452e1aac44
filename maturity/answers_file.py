"""The answers file (YAML) for scripted, "assessment as code" use: ``maturity new --answers``.

Every problem (unknown question id, level out of range, unparsable DORA input, unknown key)
is reported with its key, all at once, and nothing is created until the file is clean.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from maturity import questionnaire as qmod
from maturity.catalogue import language_problem
from maturity.dora import ALL_METRICS, parse_metric
from maturity.errors import InvalidFileError, MaturityError, Problem
from maturity.fileio import user_path
from maturity.levels import parse_level
from maturity.limits import PARTICIPANTS_MAX, text_problem
from maturity.model.assessment import Answer, DoraInputs
from maturity.questionnaire import LoadedQuestionnaire
from maturity.yamlio import load_yaml

_KEYS = {
    "team",
    "questionnaire",
    "facilitator",
    "participants",
    "language",
    "answers",
    "dora",
    "benchmark",
}


@dataclass
class AnswersFile:
    team: str | None
    questionnaire: LoadedQuestionnaire
    facilitator: str | None = None
    participants: list[str] = field(default_factory=list)
    language: str = "en"
    answers: dict[str, Answer] = field(default_factory=dict)
    dora: DoraInputs = field(default_factory=DoraInputs)


def load_answers(path: Path, questionnaire_override: str | None = None) -> AnswersFile:
    source = path.name
    data = load_yaml(path)
    if not isinstance(data, dict):
        raise InvalidFileError(source, [Problem("", "expected a YAML mapping at the top level")])
    problems: list[Problem] = [
        Problem(str(k), f"unknown key (expected one of {', '.join(sorted(_KEYS))})")
        for k in data
        if k not in _KEYS
    ]
    ref = questionnaire_override or data.get("questionnaire")
    if ref is not None and not isinstance(ref, str):
        raise InvalidFileError(
            source, [Problem("questionnaire", "expected a built-in id or a file path")]
        )
    if isinstance(ref, str) and not questionnaire_override and ref not in qmod.builtin_ids():
        ref = (
            str(user_path(ref)) if ref.startswith("~") else str(path.parent / ref)
        )  # relative to the answers file
    loaded = qmod.resolve(ref)
    known = {q.id for _, q in loaded.questionnaire.questions()}

    def text(key: str) -> str | None:
        v = data.get(key)
        if v is None:
            return None
        if not isinstance(v, str | int | float) or isinstance(v, bool):
            problems.append(Problem(key, "expected text"))
            return None
        return str(v).strip() or None

    team, facilitator = text("team"), text("facilitator")
    for key, value in (("team", team), ("facilitator", facilitator)):
        if value is not None and (problem := text_problem(key, value)):
            problems.append(Problem(key, problem))
    language = text("language") or "en"
    if problem := language_problem(language):
        problems.append(Problem("language", problem))
    participants_raw = data.get("participants") or []
    if not isinstance(participants_raw, list) or not all(
        isinstance(p, str) for p in participants_raw
    ):
        problems.append(Problem("participants", "expected a list of names"))
        participants_raw = []
    if len(participants_raw) > PARTICIPANTS_MAX:
        problems.append(Problem("participants", f"at most {PARTICIPANTS_MAX} participants"))
    for i, name in enumerate(participants_raw):
        if problem := text_problem("participant", name):
            problems.append(Problem(f"participants[{i}]", problem))

    answers: dict[str, Answer] = {}
    raw_answers = data.get("answers") or {}
    if not isinstance(raw_answers, dict):
        problems.append(Problem("answers", "expected a mapping of question id -> level"))
        raw_answers = {}
    for qid, value in raw_answers.items():
        where = f"answers.{qid}"
        if qid not in known:
            problems.append(Problem(where, f"unknown question id in {loaded.id}"))
            continue
        note = ""
        if isinstance(value, dict):
            extra = set(value) - {"level", "note"}
            if extra:
                problems.append(
                    Problem(where, f"unknown key {sorted(extra)[0]!r} (expected level, note)")
                )
                continue
            raw_note = value.get("note")
            if raw_note is not None and not isinstance(raw_note, str | int | float):
                problems.append(Problem(f"{where}.note", "expected text"))
                continue
            note = "" if raw_note is None else str(raw_note)
            if problem := text_problem("note", note):
                problems.append(Problem(f"{where}.note", problem))
                continue
            value = value.get("level")
        try:
            answers[qid] = Answer(level=parse_level(value), note=note)
        except (MaturityError, ValueError) as exc:
            problems.append(Problem(where, str(exc)))

    dora: dict[str, Any] = {}
    raw_dora = data.get("dora") or {}
    if not isinstance(raw_dora, dict):
        problems.append(Problem("dora", "expected a mapping of metric -> value"))
        raw_dora = {}
    for metric, value in raw_dora.items():
        where = f"dora.{metric}"
        if metric not in ALL_METRICS:
            problems.append(
                Problem(where, f"unknown metric (expected one of {', '.join(ALL_METRICS)})")
            )
            continue
        try:
            parse_metric(metric, str(value))
            dora[metric] = str(value)
        except MaturityError as exc:
            problems.append(Problem(where, str(exc).split(": ", 1)[-1]))
    bench = data.get("benchmark")
    if bench is not None:
        from maturity.dora import benchmark_ids, stored_benchmark

        if not isinstance(bench, int | str) or isinstance(bench, bool):
            bench = repr(bench)
        try:
            dora["benchmark"] = stored_benchmark(bench)
        except MaturityError:
            problems.append(
                Problem("benchmark", f"expected one of {', '.join(benchmark_ids())}, got {bench!r}")
            )
    if problems:
        raise InvalidFileError(source, problems)
    return AnswersFile(
        team=team,
        questionnaire=loaded,
        facilitator=facilitator,
        participants=[p.strip() for p in participants_raw if p.strip()],
        language=language,
        answers=answers,
        dora=DoraInputs(**dora),
    )
