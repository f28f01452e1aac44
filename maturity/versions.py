"""Versions of the built-in questionnaires: archived snapshots and what changed between two.

A built-in questionnaire changes version when its content changes (``questionnaires/changes.yaml``
says what and why). Assessments keep the version they were taken with: the store keeps its
snapshot, and for a document imported into a store that never saw that version the snapshot
shipped in ``questionnaires/archive/<id>-<version>.json`` is used, so an old assessment still
loads, scores and reports. ``new --from`` an older assessment moves the team to the current
version; :func:`changes_between` is what it shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from maturity.model.text import tr
from maturity.questionnaire import LoadedQuestionnaire
from maturity.resources import questionnaires_dir
from maturity.yamlio import load_yaml


def _archive_dir() -> Path:
    return questionnaires_dir() / "archive"


@cache
def archived(qid: str, version: str) -> LoadedQuestionnaire | None:
    """The shipped snapshot of an earlier built-in version, or None when there is none."""
    if "/" in qid or "/" in version or qid.startswith("."):
        return None
    path = _archive_dir() / f"{qid}-{version}.json"
    if not path.is_file():
        return None
    return LoadedQuestionnaire.from_json(path.read_text(encoding="utf-8"), origin="built-in")


def archived_versions(qid: str) -> list[str]:
    prefix = f"{qid}-"
    return sorted(
        p.stem.removeprefix(prefix)
        for p in _archive_dir().glob(f"{qid}-*.json")
        if p.stem.startswith(prefix)
    )


@cache
def _changelog() -> dict[str, Any]:
    path = questionnaires_dir() / "changes.yaml"
    data = load_yaml(path) if path.is_file() else None
    return data if isinstance(data, dict) else {}


@dataclass(frozen=True)
class Replacement:
    old: str
    new: str
    why: str


@dataclass(frozen=True)
class QuestionnaireChanges:
    """How the questions of ``old`` map onto ``new`` (answers move only for ``kept`` ids)."""

    old_version: str
    new_version: str
    summary: str = ""
    kept: list[str] = field(default_factory=list)
    reworded: list[tuple[str, str]] = field(default_factory=list)  # (id, why)
    replaced: list[Replacement] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.replaced or self.removed or self.added or self.reworded)

    def lines(self) -> list[str]:
        """A short human summary, one line per change (for the command line)."""
        out = [
            f"questionnaire {self.old_version} -> {self.new_version}: {self.summary}".rstrip(": ")
        ]
        out.append(f"  kept {len(self.kept)} answers (same question ids)")
        for r in self.replaced:
            out.append(f"  replaced {r.old} -> {r.new} (answer again: {r.why})")
        for qid in self.removed:
            out.append(f"  removed {qid}")
        if self.added:
            out.append(f"  new questions ({len(self.added)}): {', '.join(self.added)}")
        for qid, why in self.reworded:
            out.append(f"  reworded {qid}: {why}")
        return out


def _text_of(loaded: LoadedQuestionnaire, qid: str) -> Any:
    found = loaded.questionnaire.find_question(qid)
    if found is None:
        return None
    q = found[1]
    return (q.text["en"], [o.text["en"] for o in q.options])


def changes_between(
    old: LoadedQuestionnaire, new: LoadedQuestionnaire, lang: str = "en"
) -> QuestionnaireChanges:
    """Which questions were kept, replaced, removed, added or reworded from ``old`` to ``new``."""
    old_ids = old.questionnaire.question_ids()
    new_ids = new.questionnaire.question_ids()
    entry: dict[str, Any] = {}
    if old.id == new.id or {old.id, new.id} <= {"calms", "quick"}:
        for v in _changelog().get("versions", []):
            if str(v.get("version")) == new.version and str(v.get("from")) == old.version:
                entry = v
    replaced = [
        Replacement(r["old"], r["new"], tr(r["why"], lang))
        for r in entry.get("replaced", [])
        if r["old"] in old_ids and r["new"] in new_ids
    ]
    replaced_old = {r.old for r in replaced}
    replaced_new = {r.new for r in replaced}
    kept = [q for q in old_ids if q in new_ids]
    why_reworded = {r["id"]: tr(r["why"], lang) for r in entry.get("reworded", [])}
    reworded = [
        (q, why_reworded[q])
        for q in kept
        if q in why_reworded and _text_of(old, q) != _text_of(new, q)
    ]
    return QuestionnaireChanges(
        old_version=f"{old.id} {old.version}",
        new_version=f"{new.id} {new.version}",
        summary=tr(entry["summary"], lang) if entry.get("summary") else "",
        kept=kept,
        reworded=reworded,
        replaced=replaced,
        removed=[q for q in old_ids if q not in new_ids and q not in replaced_old],
        added=[q for q in new_ids if q not in old_ids and q not in replaced_new],
    )
