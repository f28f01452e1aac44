"""What a measurement produces, and what is kept of it in an assessment.

Two layers: the raw inputs read from files and the repository (:class:`Deployment`,
:class:`Incident`, plain dataclasses, many thousands of them) and the pydantic models of the
result (:class:`Measurement`), which is printed as JSON, stored with ``--into`` and shown next
to the self-reported answers. Every time is an aware UTC ``datetime``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


@dataclass(frozen=True, slots=True)
class Deployment:
    """One deploy as the records give it. ``commit`` is a full or abbreviated hex id."""

    time: datetime
    commit: str
    environment: str = "production"
    success: bool = True
    id: str = ""
    unplanned: bool | None = None  # None: the source says nothing about it
    where: str = ""  # "deploys.csv line 4", for messages


@dataclass(frozen=True, slots=True)
class Incident:
    opened: datetime
    resolved: datetime | None
    severity: str = ""
    caused_by: str = ""  # a deployment id or a commit id (full or abbreviated)
    id: str = ""
    where: str = ""


@dataclass
class Quality:
    """Data-quality counters: every record that was not used as given is counted here."""

    counts: dict[str, int] = field(default_factory=dict)

    def add(self, key: str, n: int = 1) -> None:
        if n:
            self.counts[key] = self.counts.get(key, 0) + n


QUALITY_TEXT: dict[str, str] = {
    "shallow_clone": "the repository is a shallow clone: commits older than its boundary are missing",
    "shallow_boundary_commits": "commits whose parents are missing (shallow clone boundary)",
    "deploys_unknown_commit": "deploys naming a commit that is not in the repository (kept for frequency and failure rate, no lead time)",
    "deploys_off_branch": "deploys of a commit off the branch's first-parent history (a release branch, a tag, a feature branch): measured by ancestry",
    "deploys_nothing_new": "deploys that ship no commit an earlier deploy had not shipped (a redeploy or a rollback)",
    "deploys_duplicate": "duplicate deploy rows (same id, or same time, commit and environment), counted once",
    "deploys_other_environment": "deploy rows for another environment, not counted",
    "deploys_not_successful": "deploy rows that did not succeed, not counted",
    "deploys_outside_window": "deploys outside the window, not counted",
    "deploys_future": "deploys dated in the future, not counted",
    "incidents_duplicate": "duplicate incident rows, counted once",
    "incidents_unresolved": "incidents still open: no recovery time",
    "incidents_outside_window": "incidents opened outside the window, not counted",
    "incidents_future": "incidents dated in the future, not counted",
    "incidents_unlinked": "incidents naming no deploy or commit in the window (recovery time only)",
    "incidents_resolved_before_opened": "incidents resolved before they were opened, no recovery time",
    "commits_future": "commits dated in the future",
    "commits_clock_skew": "commits dated earlier than their parent (clock skew)",
    "commits_zero_lead_time": "commits deployed at their own commit time (lead time 0, e.g. direct commits with --deploy-branch), no lead time",
    "commits_negative_lead_time": "commits dated after the deploy that contains them (clock skew), no lead time",
    "commits_in_first_recorded_deploy": "commits in the first recorded deploy: no earlier deploy bounds when they shipped, no lead time",
    "commits_merge": "merge commits (not changes of their own), no lead time",
    "times_without_offset": "times without a UTC offset, read as UTC",
}
"""What each counter means, for the text output and docs/measurement.md."""


class Window(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    start: datetime
    end: datetime
    days: float


class Stat(BaseModel):
    """One metric: its value as classified, the sample behind it, and how far to trust it."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    value: float | None  # per week, hours or percent; None without data
    unit: str
    input: str | None  # the human form handed to maturity.dora ("4.5/week", "26h", "12%")
    n: int
    sample: str  # what n counts: "deploys", "commits", "incidents"
    median: float | None = None
    p90: float | None = None
    extra: dict[str, float | int | None] = Field(default_factory=dict)
    confidence: str  # "high" | "medium" | "low" | "none"
    note: str
    proxy: bool = False  # computed from the revert proxy, not from incident records


class Week(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    start: datetime
    deploys: int
    median_lead_time_hours: float | None
    failures: int


class Provenance(BaseModel):
    """Where the numbers came from: enough to reproduce them."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    sources: list[str]
    branch: str | None
    environment: str
    window: Window
    counts: dict[str, int]
    quality: dict[str, int]
    failures_from_reverts: int | None
    commit_time: str
    tool_version: str
    measured_at: datetime


class Measurement(BaseModel):
    """The measured DORA keys (``maturity/measurement@1``)."""

    model_config = ConfigDict(frozen=True, populate_by_name=True, extra="forbid")
    schema_: Literal["maturity/measurement@1"] = Field(
        default="maturity/measurement@1", alias="schema"
    )
    metrics: dict[str, Stat]
    weekly: list[Week]
    provenance: Provenance

    def inputs(self) -> dict[str, str]:
        """The metrics in the human form ``maturity.dora.classify`` reads."""
        return {k: s.input for k, s in self.metrics.items() if s.input is not None}

    def to_json(self) -> dict[str, Any]:
        return self.model_dump(mode="json", by_alias=True)
