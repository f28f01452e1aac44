"""The measurement itself: deploys, changes and incidents in, the five DORA keys out.

Formulas (docs/measurement.md states them with their differences from fourkeys and DevLake):

* deployment frequency = successful production deploys in the window / (window days / 7);
  also the median number of days with a deploy per full week (DevLake's "deploy days");
* lead time for changes, per commit = first successful production deploy containing it
  (first-parent reachability) - its commit time; median and p90; values <= 0 excluded, counted;
* change failure rate = deploys linked to an incident (or, with the revert proxy, followed
  within N days by a deploy that reverts one of their commits) / deploys;
* failed deployment recovery time = median (resolved - opened) of incidents opened in the window;
* rework rate = unplanned deploys / deploys with a planned/unplanned mark (2024 definition).
"""

from __future__ import annotations

import bisect
import math
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from maturity import __version__
from maturity.errors import MaturityError
from maturity.measure.gitdata import CommitTime, GitRepo
from maturity.measure.model import (
    Deployment,
    Incident,
    Measurement,
    Provenance,
    Quality,
    Stat,
    Week,
    Window,
)
from maturity.measure.records import read_deployments, read_incidents

Progress = Callable[[str, float], None]
"""Called with a step name and the fraction done (0.0-1.0), for the TUI's progress bar."""

DEFAULT_SPAN = timedelta(days=90)
HIDE_LIMIT = 64
"""Up to this many commits deployed before the window bound the history walk (libgit2 stops
at them); with more, marking them all costs more than walking everything, so it walks all.
Either way the numbers are the same."""
MAX_REVERT_DAYS = 365


@dataclass
class Options:
    """Everything ``maturity dora measure`` was asked; checked by :func:`check` before any I/O."""

    repo: Path | None = None
    branch: str | None = None
    deployments: Path | None = None
    deploy_tags: str | None = None
    deploy_branch: str | None = None
    environment: str = "production"
    incidents: Path | None = None
    failures_from_reverts: int | None = None
    since: timedelta | None = None
    start: datetime | None = None
    end: datetime | None = None
    commit_time: CommitTime = "author"
    now: datetime = field(default_factory=lambda: datetime.now(UTC))


def check(o: Options) -> None:
    """Refuse impossible combinations up front, naming the flags."""
    deploy_sources = [
        f
        for f, v in (
            ("--deployments", o.deployments),
            ("--deploy-tags", o.deploy_tags),
            ("--deploy-branch", o.deploy_branch),
        )
        if v is not None
    ]
    if len(deploy_sources) > 1:
        raise MaturityError(
            f"give one deploy source, not {' and '.join(deploy_sources)}",
            code="measure.deploy_sources",
        )
    if not deploy_sources:
        raise MaturityError(
            "no deploys to measure: give --deployments FILE, --deploy-tags GLOB"
            " or --deploy-branch NAME",
            code="measure.no_deploys",
        )
    if (o.deploy_tags is not None or o.deploy_branch is not None) and o.repo is None:
        raise MaturityError(
            f"{deploy_sources[0]} reads the repository: give --repo PATH too",
            code="measure.needs_repo",
        )
    if o.branch is not None and o.repo is None:
        raise MaturityError("--branch needs --repo PATH", code="measure.needs_repo")
    if o.failures_from_reverts is not None:
        if o.repo is None:
            raise MaturityError(
                "--failures-from-reverts reads commit messages: give --repo PATH",
                code="measure.needs_repo",
            )
        if o.incidents is not None:
            raise MaturityError(
                "give either --incidents FILE or --failures-from-reverts N (a proxy for"
                " when there are no incident records), not both",
                code="measure.incidents_or_reverts",
            )
        if not 1 <= o.failures_from_reverts <= MAX_REVERT_DAYS:
            raise MaturityError(
                f"--failures-from-reverts: days must be 1 to {MAX_REVERT_DAYS}",
                code="measure.revert_days",
                params={"max": MAX_REVERT_DAYS},
            )
    if o.deploy_tags is not None and not o.deploy_tags.strip():
        raise MaturityError("--deploy-tags: empty pattern (e.g. 'v*')", code="measure.empty_tags")
    if not o.environment.strip():
        raise MaturityError("--environment: empty")
    if o.since is not None and (o.start is not None or o.end is not None):
        raise MaturityError("give either --since or --from/--to, not both")
    start, end = window_of(o)
    if start >= end:
        raise MaturityError("--from must be before --to")


def window_of(o: Options) -> tuple[datetime, datetime]:
    end = o.end or o.now
    start = o.start or end - (o.since or DEFAULT_SPAN)
    return start, end


# --- statistics ----------------------------------------------------------------------------


def median(values: Sequence[float]) -> float | None:
    return statistics.median(values) if values else None


def p90(values: Sequence[float]) -> float | None:
    """Nearest-rank 90th percentile: the smallest value with at least 90 % of values <= it."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.9 * len(ordered)) - 1)]


def confidence(n: int) -> str:
    """How far a sample of ``n`` can be trusted for a median or a rate (documented bands)."""
    if n == 0:
        return "none"
    if n < 5:
        return "low"
    if n < 20:
        return "medium"
    return "high"


def _note(n: int, sample: str, days: float) -> str:
    c = confidence(n)
    label = "no data" if c == "none" else f"{c} confidence"
    return f"{n} {sample} in {days:g} days: {label}"


# --- the measurement ----------------------------------------------------------------------


@dataclass
class _Deploy:
    d: Deployment
    full: str | None = None  # full commit id when the repository has it
    pos: int | None = None  # mainline position
    failed: bool = False
    failed_by: set[str] = field(default_factory=set)


def measure(o: Options, progress: Progress | None = None) -> Measurement:
    """Read every source, compute the keys, count every record not used as given."""
    step = progress or (lambda _name, _frac: None)
    check(o)
    start, end = window_of(o)
    days = round((end - start).total_seconds() / 86400, 4)
    q = Quality()
    sources: list[str] = []

    step("reading records", 0.05)
    deploys_raw: list[Deployment] = []
    incidents: list[Incident] = []
    if o.deployments is not None:
        rec = read_deployments(o.deployments)
        deploys_raw = rec.deployments
        q.add("times_without_offset", rec.naive_times)
        sources.append(f"deployments: {o.deployments.name} ({rec.format}, {len(deploys_raw)} rows)")
    if o.incidents is not None:
        rec = read_incidents(o.incidents)
        incidents = rec.incidents
        q.add("times_without_offset", rec.naive_times)
        sources.append(f"incidents: {o.incidents.name} ({rec.format}, {len(incidents)} rows)")

    git: GitRepo | None = None
    repo_source = 0
    if o.repo is not None:
        step("reading the repository", 0.15)
        git = GitRepo.open(
            o.repo, o.branch or o.deploy_branch, o.commit_time, o.failures_from_reverts is not None
        )
        repo_source = len(sources)  # filled in once the history is read
        sources.append("")
        if git.shallow:
            q.add("shallow_clone")
        if o.deploy_tags is not None:
            deploys_raw = git.tag_deploys(o.deploy_tags)
            sources.append(f"deploys: tags matching {o.deploy_tags} ({len(deploys_raw)})")
        elif o.deploy_branch is not None:
            deploys_raw = git.branch_deploys(o.deploy_branch)
            sources.append(f"deploys: each first-parent commit of {o.deploy_branch}")
        if o.failures_from_reverts is not None:
            sources.append(
                f"failures: revert proxy (a deploy reverted within {o.failures_from_reverts} days)"
            )
    now = o.now

    # -- deploys: environment, success, duplicates, future ----------------------------------
    step("matching deploys", 0.3)
    env = o.environment.strip().casefold()
    from_git = o.deployments is None
    valid: list[_Deploy] = []
    seen_ids: set[str] = set()
    seen_rows: set[tuple[datetime, str, str]] = set()
    for d in deploys_raw:
        if not from_git and d.environment.strip().casefold() != env:
            q.add("deploys_other_environment")
            continue
        if not d.success:
            q.add("deploys_not_successful")
            continue
        row_key = (d.time, d.commit, d.environment.casefold())
        if (d.id and d.id in seen_ids) or row_key in seen_rows:
            q.add("deploys_duplicate")
            continue
        if d.id:
            seen_ids.add(d.id)
        seen_rows.add(row_key)
        if d.time > now:
            q.add("deploys_future")
            continue
        valid.append(_Deploy(d))
    valid.sort(key=lambda x: (x.d.time, x.d.commit))

    in_window = [x for x in valid if start <= x.d.time < end]
    q.add("deploys_outside_window", len(valid) - len(in_window))

    # -- link deploys to the repository -----------------------------------------------------
    if git is not None:
        resolved: dict[str, str | None] = {}
        for x in valid:
            if x.d.commit not in resolved:
                resolved[x.d.commit] = git.resolve(x.d.commit)
            x.full = resolved[x.d.commit]
        before = {x.full for x in valid if x.full and x.d.time < start}
        git.load(
            [x.full for x in valid if x.full and x.d.time >= start],
            sorted(before) if len(before) <= HIDE_LIMIT else None,
        )
        ml = git.mainline()
        sources[repo_source] = (
            f"repository: {o.repo.resolve().name if o.repo else ''} branch {git.branch}"
            f" ({len(ml.ids)} first-parent commits"
            f"{' after the last deploy before the window' if git.truncated else ''}"
            f"{', shallow clone' if git.shallow else ''})"
        )
        q.add("shallow_boundary_commits", ml.boundary)
        for x in in_window:
            if x.full is None:
                q.add("deploys_unknown_commit")
            elif x.full not in ml.index and git.known(x.full):
                q.add("deploys_off_branch")

    # -- lead time --------------------------------------------------------------------------
    step("computing lead times", 0.45)
    lead_hours: list[float] = []
    lead_by_deploy: dict[int, list[float]] = {}
    commit_deploy: dict[object, _Deploy] = {}  # commit Oid -> the deploy in scope shipping it
    revert_links: list[tuple[_Deploy, list[str]]] = []
    revert_horizon = end + timedelta(days=o.failures_from_reverts or 0)
    if git is not None:
        placed = [x for x in valid if x.full is not None]  # in time order
        first_recorded = placed[0] if placed else None
        now_s = now.timestamp()
        stop = max(end, revert_horizon)
        n_merge = n_zero = n_negative = n_first = n_future = n_skew = 0
        for dep in placed:
            if dep.d.time >= stop:
                break
            assert dep.full is not None
            batch = git.ship(dep.full)  # its commits no earlier deploy shipped
            scope = start <= dep.d.time < end
            if not batch:
                if scope:
                    q.add("deploys_nothing_new")
                continue
            if o.failures_from_reverts and dep.d.time >= start:
                revert_links.extend((dep, c[4]) for c in batch if c[4])
            if not scope:
                continue
            t_dep = dep.d.time.timestamp()
            shipped = lead_by_deploy.setdefault(id(dep), [])
            first = dep is first_recorded
            for cid, ctime, skewed, merge, _reverts in batch:
                commit_deploy[cid] = dep
                n_future += ctime > now_s
                n_skew += skewed
                if merge:
                    n_merge += 1
                elif first:
                    n_first += 1
                else:
                    hours = (t_dep - ctime) / 3600
                    if hours > 0:
                        lead_hours.append(hours)
                        shipped.append(hours)
                    elif hours == 0:
                        n_zero += 1
                    else:
                        n_negative += 1
        q.add("commits_future", n_future)
        q.add("commits_clock_skew", n_skew)
        q.add("commits_merge", n_merge)
        q.add("commits_in_first_recorded_deploy", n_first)
        q.add("commits_zero_lead_time", n_zero)
        q.add("commits_negative_lead_time", n_negative)

    # -- failures ---------------------------------------------------------------------------
    step("linking failures", 0.75)
    by_id = {x.d.id: x for x in valid if x.d.id}
    by_commit: dict[str, list[_Deploy]] = {}
    for x in valid:
        by_commit.setdefault(x.full or x.d.commit, []).append(x)
    inc_keys: set[tuple[datetime, datetime | None, str, str]] = set()
    inc_ids: set[str] = set()
    kept: list[Incident] = []
    for inc in incidents:
        key = (inc.opened, inc.resolved, inc.caused_by, inc.id)
        if key in inc_keys or (inc.id and inc.id in inc_ids):
            q.add("incidents_duplicate")
            continue
        inc_keys.add(key)
        if inc.id:
            inc_ids.add(inc.id)
        if inc.opened > now:
            q.add("incidents_future")
            continue
        kept.append(inc)
    window_set = {id(x) for x in in_window}
    for inc in kept:
        target = _link(inc.caused_by, by_id, by_commit, commit_deploy, git)
        if target is not None and id(target) in window_set:
            target.failed = True
            target.failed_by.add(f"incident {inc.id or inc.where}")
        elif start <= inc.opened < end:
            q.add("incidents_unlinked")
    if o.failures_from_reverts is not None:
        limit = timedelta(days=o.failures_from_reverts)
        for reverting, targets in revert_links:
            for t in targets:
                full = git.resolve(t) if git else None
                victim = commit_deploy.get(git.oid(full)) if git and full else None
                if (
                    victim is not None
                    and victim is not reverting
                    and timedelta(0) < reverting.d.time - victim.d.time <= limit
                ):
                    victim.failed = True
                    victim.failed_by.add(f"reverted by {reverting.d.id or reverting.d.commit[:12]}")

    # -- recovery ---------------------------------------------------------------------------
    recovery: list[float] = []
    for inc in kept:
        if not start <= inc.opened < end:
            q.add("incidents_outside_window")
            continue
        if inc.resolved is None:
            q.add("incidents_unresolved")
            continue
        hours = (inc.resolved - inc.opened).total_seconds() / 3600
        if hours < 0:
            q.add("incidents_resolved_before_opened")
            continue
        recovery.append(hours)

    # -- metrics ----------------------------------------------------------------------------
    step("summarising", 0.9)
    n = len(in_window)
    weeks = _weeks(start, end)
    metrics: dict[str, Stat] = {}
    per_week = n / (days / 7) if days else 0.0
    # one pass: each deploy into its 7-day block (blocks counted back from the window's end)
    block_days: list[set[object]] = [set() for _ in weeks]
    block_deploys: list[list[_Deploy]] = [[] for _ in weeks]
    for x in in_window:
        i = _block(weeks, x.d.time)
        block_days[i].add(x.d.time.date())
        block_deploys[i].append(x)
    day_counts = [len(block_days[i]) for i, ws in enumerate(weeks) if ws + timedelta(days=7) <= end]
    deploy_days = median(day_counts)
    metrics["deployment_frequency"] = Stat(
        value=round(per_week, 3),
        unit="deploys/week",
        input=f"{per_week:.3f}/week",
        n=n,
        sample="deploys",
        median=None,
        extra={
            "deploys_per_day": round(n / days, 4) if days else 0.0,
            "median_deploy_days_per_week": deploy_days,
            "full_weeks": len(day_counts),
        },
        confidence=confidence(n),
        note=_note(n, "deploys", days),
    )
    if git is not None:
        metrics["lead_time"] = _hours_stat(lead_hours, "commits", "commits", days)
    proxy = o.failures_from_reverts is not None
    if o.incidents is not None or proxy:
        failed = sum(x.failed for x in in_window)
        rate = 100 * failed / n if n else None
        note = _note(n, "deploys", days) + f", {failed} failed"
        if proxy:
            note += (
                f"; PROXY: a deploy counts as failed when a deploy within"
                f" {o.failures_from_reverts} days reverts one of its commits (no incident records)"
            )
        metrics["change_failure_rate"] = Stat(
            value=_r(rate),
            unit="%",
            input=f"{rate:.1f}%" if rate is not None else None,
            n=n,
            sample="deploys",
            extra={"failed_deploys": failed},
            confidence=confidence(n),
            note=note,
            proxy=proxy,
        )
    if o.incidents is not None:
        metrics["time_to_restore"] = _hours_stat(recovery, "incidents", "resolved incidents", days)
    marked = [x for x in in_window if x.d.unplanned is not None]
    if marked:
        unplanned = sum(bool(x.d.unplanned) for x in marked)
        rate = 100 * unplanned / len(marked)
        metrics["rework_rate"] = Stat(
            value=_r(rate),
            unit="%",
            input=f"{rate:.1f}%",
            n=len(marked),
            sample="deploys",
            extra={"unplanned_deploys": unplanned},
            confidence=confidence(len(marked)),
            note=_note(len(marked), "deploys marked planned/unplanned", days),
        )

    weekly = [
        Week(
            start=ws,
            deploys=len(block_deploys[i]),
            median_lead_time_hours=_r(
                median([h for x in block_deploys[i] for h in lead_by_deploy.get(id(x), [])])
            ),
            failures=sum(x.failed for x in block_deploys[i]),
        )
        for i, ws in enumerate(weeks)
    ]
    counts = {
        "deploy_records": len(deploys_raw),
        "deploys_counted": n,
        "commits_with_lead_time": len(lead_hours),
        "incident_records": len(incidents),
        "incidents_resolved_in_window": len(recovery),
        "failed_deploys": sum(x.failed for x in in_window),
    }
    step("done", 1.0)
    return Measurement(
        metrics=metrics,
        weekly=weekly,
        provenance=Provenance(
            sources=sources,
            branch=git.branch if git else None,
            environment=o.environment,
            window=Window(start=start, end=end, days=days),
            counts=counts,
            quality=dict(sorted(q.counts.items())),
            failures_from_reverts=o.failures_from_reverts,
            commit_time=o.commit_time,
            tool_version=__version__,
            measured_at=now.replace(microsecond=0),
        ),
    )


def _hours_stat(hours: Sequence[float], sample: str, counted: str, days: float) -> Stat:
    """A duration key from its samples in hours: the median is the value (and the answer's
    input), the p90 shows the tail. Lead time and recovery time are both measured this way."""
    med = median(hours)
    return Stat(
        value=_r(med),
        unit="hours",
        input=f"{med:.2f}h" if med is not None else None,
        n=len(hours),
        sample=sample,
        median=_r(med),
        p90=_r(p90(hours)),
        confidence=confidence(len(hours)),
        note=_note(len(hours), counted, days),
    )


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 3)


def _weeks(start: datetime, end: datetime) -> list[datetime]:
    """Starts of the 7-day blocks counted back from the window's end; a leading block shorter
    than a week starts at the window's start (and is left out of the deploy-days median)."""
    out: list[datetime] = []
    t = end - timedelta(days=7)
    while t > start:
        out.append(t)
        t -= timedelta(days=7)
    out.append(start)
    return sorted(out)


def _block(weeks: list[datetime], when: datetime) -> int:
    """Index of the 7-day block ``when`` falls in (``weeks`` are sorted block starts)."""
    return max(0, bisect.bisect_right(weeks, when) - 1)


def _link(
    cause: str,
    by_id: dict[str, _Deploy],
    by_commit: dict[str, list[_Deploy]],
    commit_deploy: dict[object, _Deploy],
    git: GitRepo | None,
) -> _Deploy | None:
    """The deploy an incident's ``caused_by`` names: a deploy id, a deployed commit, or any
    commit (the first deploy that shipped it)."""
    cause = cause.strip()
    if not cause:
        return None
    if cause in by_id:
        return by_id[cause]
    full = git.resolve(cause) if git is not None else None
    key = full or cause
    if full is not None and git is not None and git.oid(full) in commit_deploy:
        return commit_deploy[git.oid(full)]
    if key in by_commit:
        return by_commit[key][0]
    if git is None and len(cause) >= 7:
        for c, xs in by_commit.items():
            if c.startswith(cause):
                return xs[0]
    return None
