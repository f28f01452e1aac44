"""Load and validate questionnaire and recommendation files.

Structural rules live on the pydantic models; this module adds what a model cannot see on
its own (unique ids across the file, links from practices to questions) and turns every
problem into one line naming the file and the path inside it, e.g.
``calms.yaml: dimensions[2].questions[0].options: expected one option for each level 1-5, got 4``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from maturity.errors import InvalidFileError, MaturityError, NotFoundError, Problem
from maturity.fileio import user_path
from maturity.model.questionnaire import (
    QUESTIONNAIRE_SCHEMA,
    RECOMMENDATIONS_SCHEMA,
    Catalogue,
    Practice,
    Questionnaire,
)
from maturity.resources import questionnaires_dir
from maturity.yamlio import load_yaml

DEFAULT_QUESTIONNAIRE = "calms"
# A practice that names the research basis of its DORA links may claim at most two of them.
MAX_PRIMARY_LINKS = 2

_MESSAGES = {
    "missing": "required field is missing",
    "extra_forbidden": "unknown field",
}


def format_loc(loc: Sequence[int | str]) -> str:
    """``('dimensions', 2, 'questions', 0)`` -> ``dimensions[2].questions[0]``."""
    out = ""
    for part in loc:
        if isinstance(part, int) and not (out.endswith("descriptors") or out.endswith("levels")):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def problems_from(exc: ValidationError) -> list[Problem]:
    """One Problem per pydantic error, in words a questionnaire author understands."""
    problems = []
    for err in exc.errors(include_url=False):
        loc = [p for p in err["loc"] if not (isinstance(p, str) and "[" in p)]
        msg = _MESSAGES.get(err["type"]) or str(err["msg"]).removeprefix("Value error, ")
        if (
            err["type"] in ("too_short", "string_too_short")
            and err.get("ctx", {}).get("min_length") == 1
        ):
            msg = "must not be empty"
        if err["type"] == "literal_error" and loc == ["schema"]:
            msg = f"expected {err['ctx']['expected']}"
        problems.append(Problem(format_loc(loc), msg))
    return problems


M = TypeVar("M", bound=BaseModel)


def _validate(model: type[M], data: Any, source: str) -> M:
    if not isinstance(data, dict):
        raise InvalidFileError(source, [Problem("", "expected a YAML mapping at the top level")])
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise InvalidFileError(source, problems_from(exc)) from None


def check_questionnaire(q: Questionnaire) -> list[Problem]:
    """Cross-field problems: duplicate ids and options that do not discriminate."""
    problems: list[Problem] = []
    seen_dims: dict[str, str] = {}
    seen_questions: dict[str, str] = {}
    for i, dim in enumerate(q.dimensions):
        here = f"dimensions[{i}]"
        if dim.id in seen_dims:
            problems.append(
                Problem(
                    f"{here}.id",
                    f"duplicate dimension id '{dim.id}' (first at {seen_dims[dim.id]})",
                )
            )
        seen_dims.setdefault(dim.id, here)
        for j, question in enumerate(dim.questions):
            qhere = f"{here}.questions[{j}]"
            if question.id in seen_questions:
                problems.append(
                    Problem(
                        f"{qhere}.id",
                        f"duplicate question id '{question.id}' (first at {seen_questions[question.id]})",
                    )
                )
            seen_questions.setdefault(question.id, qhere)
            texts = [o.text["en"].strip().lower() for o in question.options]
            for level, text in enumerate(texts, start=1):
                if text in texts[: level - 1]:
                    first = texts.index(text) + 1
                    problems.append(
                        Problem(
                            f"{qhere}.options",
                            f"options for levels {first} and {level} say the same thing",
                        )
                    )
    return problems


def check_practices(
    practices: Iterable[tuple[str, int, Practice]], q: Questionnaire | None
) -> list[tuple[str, Problem]]:
    """Practices must have unique ids and link only dimensions and questions that exist."""
    problems: list[tuple[str, Problem]] = []
    seen: dict[str, str] = {}
    questions = set(q.question_ids()) if q else None
    dims = {d.id for d in q.dimensions} if q else None
    for source, i, p in practices:
        here = f"practices[{i}]"
        if p.id in seen:
            problems.append(
                (
                    source,
                    Problem(f"{here}.id", f"duplicate practice id '{p.id}' (also in {seen[p.id]})"),
                )
            )
        seen.setdefault(p.id, source)
        if p.dora_basis is not None and len(p.dora) > MAX_PRIMARY_LINKS:
            problems.append(
                (
                    source,
                    Problem(
                        f"{here}.dora",
                        f"at most {MAX_PRIMARY_LINKS} primary DORA links, got {len(p.dora)}",
                    ),
                )
            )
        if dims is not None and p.dimension not in dims:
            problems.append(
                (source, Problem(f"{here}.dimension", f"unknown dimension '{p.dimension}'"))
            )
        if questions is not None:
            for k, qid in enumerate(p.questions):
                if qid not in questions:
                    problems.append(
                        (
                            source,
                            Problem(f"{here}.questions[{k}]", f"links unknown question id '{qid}'"),
                        )
                    )
    return problems


@dataclass(frozen=True)
class LoadedQuestionnaire:
    """A validated questionnaire with the practices that apply to it, and where it came from."""

    questionnaire: Questionnaire
    practices: tuple[Practice, ...]
    origin: str  # "built-in", a file path, or "store"
    catalogue_files: tuple[str, ...] = field(default=())

    @property
    def id(self) -> str:
        return self.questionnaire.id

    @property
    def version(self) -> str:
        return self.questionnaire.version

    def to_json(self) -> str:
        """Canonical JSON of questionnaire + practices, as kept in the store (computed once)."""
        return self._json

    @cached_property
    def _json(self) -> str:
        body = {
            "questionnaire": self.questionnaire.model_dump(
                mode="json", by_alias=True, exclude_none=True
            ),
            "practices": [p.model_dump(mode="json", exclude_none=True) for p in self.practices],
        }
        return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str, origin: str = "store") -> LoadedQuestionnaire:
        body = json.loads(text)
        q = Questionnaire.model_validate(body["questionnaire"])
        return cls(q, tuple(Practice.model_validate(p) for p in body["practices"]), origin)


def _load_catalogue(path: Path) -> Catalogue:
    data = load_yaml(path)
    if isinstance(data, dict) and data.get("schema") not in (None, RECOMMENDATIONS_SCHEMA):
        raise InvalidFileError(path.name, [Problem("schema", f"expected {RECOMMENDATIONS_SCHEMA}")])
    return _validate(Catalogue, data, path.name)


def _catalogue_files(folder: Path) -> list[Path]:
    return sorted((folder / "recommendations").glob("*.yaml"))


@cache
def builtin_practices() -> tuple[Practice, ...]:
    """Every practice of the built-in catalogue (questionnaires/recommendations/*.yaml)."""
    out: list[Practice] = []
    for path in _catalogue_files(questionnaires_dir()):
        out.extend(_load_catalogue(path).practices)
    return tuple(out)


def _builtin_files() -> dict[str, Path]:
    files: dict[str, Path] = {}
    for path in sorted(questionnaires_dir().glob("*.yaml")):
        files[path.stem] = path
    return files


def load_file(path: Path, *, builtin: bool = False) -> LoadedQuestionnaire:
    """Load and fully validate a questionnaire file; every problem found is reported at once."""
    source = path.name
    data = load_yaml(path)
    if isinstance(data, dict) and data.get("schema") == RECOMMENDATIONS_SCHEMA:
        raise InvalidFileError(
            source,
            [
                Problem(
                    "schema",
                    "this is a recommendations file; validate the questionnaire that uses it",
                )
            ],
        )
    q = _validate(Questionnaire, data, source)
    problems = [(source, p) for p in check_questionnaire(q)]
    catalogue_files: list[str] = []
    if q.recommendations is not None:
        practices: list[tuple[str, int, Practice]] = []
        targets: list[Path] = []
        for rel in q.recommendations:
            target = (path.parent / rel).resolve()
            targets.extend(sorted(target.glob("*.yaml")) if target.is_dir() else [target])
        for cat_path in targets:
            catalogue_files.append(str(cat_path))
            try:
                cat = _load_catalogue(cat_path)
            except InvalidFileError as exc:
                problems.extend((exc.source, p) for p in exc.problems)
                continue
            except MaturityError as exc:
                problems.append((source, Problem("recommendations", str(exc))))
                continue
            practices.extend((cat_path.name, i, p) for i, p in enumerate(cat.practices))
        problems.extend(check_practices(practices, q))
        chosen = tuple(p for _, _, p in practices)
    else:
        dims = {d.id for d in q.dimensions}
        qids = set(q.question_ids())
        # The built-in catalogue serves any questionnaire with the same dimension ids. Links to
        # questions this questionnaire does not ask (the "quick" subset) are dropped, not errors.
        chosen = tuple(
            p.model_copy(update={"questions": [x for x in p.questions if x in qids]})
            for p in builtin_practices()
            if p.dimension in dims
        )
    if problems:
        by_source: dict[str, list[Problem]] = {}
        for src, p in problems:
            by_source.setdefault(src, []).append(p)
        lines = [p.render(src) for src, ps in by_source.items() for p in ps]
        err = InvalidFileError(source, [p for _, p in problems])
        err.args = ("\n".join(lines),)
        raise err
    return LoadedQuestionnaire(
        q, chosen, "built-in" if builtin else str(path), tuple(catalogue_files)
    )


def builtin_ids() -> list[str]:
    return [
        stem
        for stem, path in _builtin_files().items()
        if _peek_schema(path) == QUESTIONNAIRE_SCHEMA
    ]


def _peek_schema(path: Path) -> str | None:
    for line in path.read_text(encoding="utf-8").splitlines()[:5]:
        if line.startswith("schema:"):
            return line.split(":", 1)[1].strip()
    return None


@cache
def builtin(qid: str) -> LoadedQuestionnaire:
    if qid not in builtin_ids():
        raise _no_builtin(qid)
    return load_file(_builtin_files()[qid], builtin=True)


def shadows_builtin(loaded: LoadedQuestionnaire) -> str | None:
    """Why ``loaded`` may not be stored: it claims a built-in questionnaire's id and version
    but differs from it. A store keeps one snapshot per id and version, so such a copy
    (a tampered bundle, an edited file) would shadow the built-in one and every later
    ``maturity new`` with it would be refused."""
    if loaded.origin == "built-in" or loaded.id not in builtin_ids():
        return None
    original = builtin(loaded.id)
    if original.version == loaded.version and original.to_json() != loaded.to_json():
        return (
            f"questionnaire {loaded.id} {loaded.version} differs from the built-in"
            f" {loaded.id} {loaded.version}; a changed questionnaire needs its own id or version"
        )
    return None


def resolve(ref: str | None) -> LoadedQuestionnaire:
    """A built-in id (``calms``, ``quick``) or a path to a questionnaire file."""
    ref = ref or DEFAULT_QUESTIONNAIRE
    if ref in builtin_ids():
        return builtin(ref)
    path = user_path(ref)
    if path.suffix.lower() in (".yaml", ".yml") or path.exists() or "/" in ref:
        return load_file(path)
    raise _no_builtin(ref)


def _no_builtin(ref: str) -> NotFoundError:
    return NotFoundError(
        code="questionnaire.unknown", params={"ref": ref, "known": ", ".join(builtin_ids())}
    )


def validate_builtin_catalogue() -> list[str]:
    """Problems in the built-in catalogue against the union of built-in questions (for tests and CI)."""
    all_ids: set[str] = set()
    dims: set[str] = set()
    for qid in builtin_ids():
        q = builtin(qid).questionnaire
        all_ids.update(q.question_ids())
        dims.update(d.id for d in q.dimensions)
    lines = []
    for path in _catalogue_files(questionnaires_dir()):
        cat = _load_catalogue(path)
        for i, p in enumerate(cat.practices):
            for k, x in enumerate(p.questions):
                if x not in all_ids:
                    lines.append(
                        f"{path.name}: practices[{i}].questions[{k}]: links unknown question id '{x}'"
                    )
            if p.dimension not in dims:
                lines.append(
                    f"{path.name}: practices[{i}].dimension: unknown dimension '{p.dimension}'"
                )
    return lines


def json_schemas() -> dict[str, Any]:
    """Published JSON Schemas for the file formats (``maturity questionnaire schema``)."""
    from maturity.model.assessment import Assessment

    return {
        "questionnaire": Questionnaire.model_json_schema(by_alias=True),
        "recommendations": Catalogue.model_json_schema(by_alias=True),
        "assessment": Assessment.model_json_schema(by_alias=True),
    }
