"""What an assessment covers: DORA's capabilities mapped to questions and practices.

``questionnaires/capabilities.yaml`` lists every capability of DORA's current catalogue (and the
AI capabilities of the 2025 report) with the questions that assess it and the key metrics a
practice built on it may claim (``moves``). The practices that cover a capability are computed
here (those linked to its questions, or naming it as their ``dora_basis``), so the map cannot
drift from the catalogue. The report's appendix shows it; tests fail when a capability has no
question or no practice, or a practice claims a metric its capability does not move.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from maturity.errors import InvalidFileError, Problem
from maturity.model.questionnaire import Practice, Questionnaire
from maturity.resources import questionnaires_dir
from maturity.yamlio import load_yaml

CATEGORIES = ("fast-flow", "fast-feedback", "climate-for-learning", "ai", "seed")


@dataclass(frozen=True)
class Capability:
    id: str
    category: str
    name: dict[str, str]
    moves: tuple[str, ...]
    basis: str
    questions: tuple[str, ...]
    dora_catalogue: bool  # False for the seed topics outside DORA's catalogue
    partial: bool = False
    note: str = ""


@dataclass(frozen=True)
class Coverage:
    """One capability as covered by one questionnaire and its practices."""

    capability: Capability
    questions: tuple[str, ...]
    practices: tuple[str, ...]


def _capability(raw: Any, in_catalogue: bool, where: str) -> Capability:
    try:
        return Capability(
            id=str(raw["id"]),
            category=str(raw["category"]),
            name={str(k): str(v) for k, v in raw["name"].items()},
            moves=tuple(raw.get("moves") or ()),
            basis=str(raw["basis"]),
            questions=tuple(raw.get("questions") or ()),
            dora_catalogue=in_catalogue,
            partial=raw.get("coverage") == "partial",
            note=str(raw.get("note", "")),
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise InvalidFileError(
            "capabilities.yaml", [Problem(where, f"malformed entry ({exc})")]
        ) from None


@cache
def capabilities() -> tuple[Capability, ...]:
    """Every capability in questionnaires/capabilities.yaml (DORA's first, then the seed's)."""
    data = load_yaml(questionnaires_dir() / "capabilities.yaml")
    if not isinstance(data, dict):
        raise InvalidFileError("capabilities.yaml", [Problem("", "expected a mapping")])
    out = [
        _capability(c, True, f"capabilities[{i}]")
        for i, c in enumerate(data.get("capabilities") or [])
    ]
    out += [
        _capability(c, False, f"additional[{i}]")
        for i, c in enumerate(data.get("additional") or [])
    ]
    return tuple(out)


def by_id() -> dict[str, Capability]:
    return {c.id: c for c in capabilities()}


def capability_map(
    q: Questionnaire, practices: tuple[Practice, ...] | list[Practice]
) -> list[Coverage]:
    """Each capability with the questions of ``q`` that assess it and the practices covering it."""
    asked = set(q.question_ids())
    out = []
    for cap in capabilities():
        questions = tuple(x for x in cap.questions if x in asked)
        linked = tuple(
            p.id
            for p in practices
            if p.dora_basis == cap.id or any(x in questions for x in p.questions)
        )
        out.append(Coverage(cap, questions, linked))
    return out


def unbacked_claims(practices: tuple[Practice, ...] | list[Practice]) -> list[str]:
    """Practices whose DORA links are not backed by their capability (for tests and CI)."""
    caps = by_id()
    problems = []
    for p in practices:
        if not p.dora:
            continue
        cap = caps.get(p.dora_basis or "")
        if cap is None:
            problems.append(f"{p.id}: links {p.dora} but names no known capability as its basis")
        elif not set(p.dora) <= set(cap.moves):
            problems.append(f"{p.id}: claims {p.dora}; {cap.id} moves only {list(cap.moves)}")
        if len(p.dora) > 2:
            problems.append(f"{p.id}: {len(p.dora)} primary DORA links (at most 2)")
    return problems
