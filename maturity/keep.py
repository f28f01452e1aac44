"""Whoever writes keeps the read commands' outputs current (issue 12 item 7).

``maturity show ID --json``, ``trend --team T`` and ``portfolio`` are served by the console
script from the SQLite table ``results_cache`` (:mod:`maturity.store.fastread`) while their
stamp is current. A miss costs the whole normal path (importing pydantic alone is about
0.1 s), so the outputs are recomputed by the process that changed the store, right after
its write, while its models are loaded anyway:

- the ``show ID --json`` output of the assessments changed since the last pass (at most
  :data:`KEEP_AFTER_WRITE`: an import or a rename of many is left for their first ``show``);
- every ``trend`` and ``portfolio`` output someone asked for before (an entry exists), when
  its stamp is no longer current. A trend is stamped per team, so an answer refreshes only
  its own team's trends; the portfolio depends on every team and is refreshed as a whole, but
  from what is known at each assessment's current revision: results in memory
  (:class:`Keeper`, a long-lived writer such as the TUI), else the team's row kept in the
  store by an earlier pass (``portfolio-row`` parts), so one answer rescores one team.

Who calls it: the command line after a command that succeeded (:class:`Keeper` over the
command's own workspace, in the same process), and the TUI and a participant's app
(:class:`Background`: a thread of its own with its own connection, told by the store after
each commit, so the key press that saved an answer never waits for it). PostgreSQL stores are
not kept: the quick path reads SQLite only.

Never a stale output: each entry's stamp is read *before* its output is computed, so a write
made meanwhile leaves the entry stale, not wrong; and any write by anything else (another
version, raw SQL) moves the revisions the stamps are made of.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING

from maturity.store.fastread import (
    PARTS_VALID_UNTIL,
    Entry,
    Request,
    Revisions,
    code_stamp,
    kept_requests,
    lookup,
    remember,
    remember_many,
    revised_since,
    store_revision,
)
from maturity.timefmt import now_text

if TYPE_CHECKING:
    from maturity.history import Evaluated
    from maturity.store.base import Store
    from maturity.workspace import RowFn, Workspace

KEEP_AFTER_WRITE = 3
"""At most this many changed assessments get their ``show`` output kept by one pass; more
(an import, a team rename) are left for their first ``show``."""

MAX_TRENDS = 8
"""At most this many stale trend outputs are recomputed by one pass (each scores its team's
assessments); the rest are recomputed by their next command, as before."""

REMEMBERED = 1000
"""How many assessments' results a keeper keeps in memory (a portfolio of 200 teams and a few
teams' trends fit; the portfolio's rows are kept in the store besides)."""

DELAY_S = 0.25
"""The background keeper waits until writes have paused this long: a burst of answers is
kept once, and the pass never competes with the key press that saved an answer."""


@dataclass
class Kept:
    """What one pass did (for tests and benchmarks)."""

    shown: list[str] = field(default_factory=list)
    trends: int = 0
    portfolios: int = 0
    rows: int = 0
    """Portfolio rows scored (and kept for the next pass) because none was known."""
    failed: list[str] = field(default_factory=list)


def valid_until(request: Request, entry: Entry, started: str) -> str:
    """When an output computed at ``started`` (or a little later) may stop being true.

    Every command here depends on the day (``show``: the plan's "today" and overdue actions),
    so an entry expires at the next midnight UTC. The portfolio also marks a team stale
    ``STALE_AFTER_DAYS`` after its assessment, to the millisecond: it expires when the first
    assessment not yet stale at ``started`` would become stale."""
    from datetime import UTC, datetime, time, timedelta

    from maturity.timefmt import format_time, parse_time

    at = parse_time(started)
    until = format_time(datetime.combine(at.date() + timedelta(days=1), time(), UTC))
    if request.command == "portfolio":
        from maturity.history import STALE_AFTER_DAYS
        from maturity.store.fastread import first_created_after

        span = timedelta(days=STALE_AFTER_DAYS)
        first = first_created_after(entry.path, format_time(at - span))
        if first is not None:
            until = min(until, format_time(parse_time(first) + span))
    return until


class Keeper:
    """Keeps the outputs of one SQLite store current; one pass per call of :meth:`keep`.

    Created before the writes it is to follow (it remembers the store's revision then). It
    also remembers each assessment's results with the revision they were computed at, and
    gives them again while that revision is current (the same inputs give the same results:
    the scoring depends on the assessment and its questionnaire only), so a second pass
    rescores only what changed."""

    def __init__(self, target: str, seen: int | None = None) -> None:
        self.target = target
        self.seen = store_revision(target, writer=True) if seen is None else seen
        # The code this process computes with: files edited while it runs (a source
        # checkout) must not stamp what the old code computes as theirs.
        self.code = code_stamp()
        self._results: dict[tuple[str, str | None, bool], tuple[int, Evaluated]] = {}

    @classmethod
    def of(cls, store: Store) -> Keeper | None:
        """A keeper for ``store``, or None when its outputs are not kept at all (PostgreSQL,
        an in-memory rehearsal, a file of another schema). One read of the store's revision
        serves both: every command that opens a store asks this."""
        if store.target == ":memory:":
            return None
        seen = store_revision(store.target, writer=True)
        return None if seen is None else cls(store.target, seen)

    def changed(self) -> bool:
        """Whether the store changed since the last pass (or since this keeper was made)."""
        current = store_revision(self.target, writer=True)
        return current is not None and current != self.seen

    def keep(self, ws: Workspace) -> Kept:
        """Refresh what the writes since the last pass made stale, with ``ws`` (over the same
        store). Best effort: an output that cannot be computed is left for its command, which
        says what is wrong."""
        kept = Kept()
        current = store_revision(self.target, writer=True)
        if current is None or current == self.seen:
            return kept
        changed = revised_since(self.target, self.seen or 0, KEEP_AFTER_WRITE)
        self.seen = current  # a write during this pass is caught by the next one
        for aid in changed or []:
            if self._refresh(Request("show", (), aid), partial(_show, ws, aid), kept):
                kept.shown.append(aid)
        revisions = Revisions(self.target)
        try:
            evaluated = self._reuse(ws, revisions)
            for request in kept_requests(self.target, "trend"):
                if kept.trends >= MAX_TRENDS:
                    break
                kept.trends += self._refresh(request, partial(_trend, ws, request, evaluated), kept)
            portfolios: dict[str | None, object] = {}
            parts: list[tuple[Entry, str, str]] = []
            row = self._rows(revisions, evaluated, parts)
            for request in kept_requests(self.target, "portfolio"):
                compute = partial(_portfolio, ws, request, row, portfolios)
                kept.portfolios += self._refresh(request, compute, kept)
            kept.rows = len(parts)
            remember_many(parts)
        finally:
            revisions.close()
        return kept

    def _refresh(self, request: Request, compute: Callable[[], str], kept: Kept) -> bool:
        """Compute and keep ``request``'s output unless the kept one is current. The stamp
        is read first (by ``lookup``), so what is computed is at least as new as it."""
        started = now_text()
        body, entry = lookup(self.target, request, started, self.code, writer=True)
        if body is not None or entry is None:
            return False
        try:
            text = compute()
        except Exception as exc:  # e.g. a team that has one assessment left: no trend
            kept.failed.append(f"{request!r}: {exc}")
            return False
        return remember(entry, text, valid_until(request, entry, started))

    def _reuse(self, ws: Workspace, revisions: Revisions) -> Callable[..., Evaluated]:
        """``ws.evaluated`` that gives back results computed at the current revision."""

        def evaluated(aid: str, lang: str | None = None, *, roadmap: bool = True) -> Evaluated:
            revision = revisions.of(aid)  # read before the assessment is
            key = (aid, lang, roadmap)
            known = self._results.get(key)
            if revision is not None and known is not None and known[0] == revision:
                return known[1]
            result = ws.evaluated(aid, lang, roadmap=roadmap)
            if revision is not None:
                self._results.pop(key, None)
                self._results[key] = (revision, result)
                if len(self._results) > REMEMBERED:  # the oldest goes (dicts keep order)
                    del self._results[next(iter(self._results))]
            return result

        return evaluated

    def _rows(
        self,
        revisions: Revisions,
        evaluated: Callable[..., Evaluated],
        parts: list[tuple[Entry, str, str]],
    ) -> RowFn:
        """A team's portfolio row that reuses what is known at the assessment's current
        revision: its results in memory (a long-lived writer), else its row kept in the store
        by an earlier pass (any process), else it is scored now and its row is kept (added to
        ``parts``, written after the pass). So a command that changed one team rescores one
        team, not the latest assessment of every team."""
        from datetime import datetime

        from maturity import history
        from maturity.model.history import PortfolioRow

        def row(aid: str, lang: str | None, at: datetime) -> PortfolioRow:
            entry, body = revisions.part(aid, "portfolio-row", lang, self.code)  # stamp first
            if body is not None:
                data = json.loads(body)
                created = datetime.fromisoformat(data["created"])
                kept_row = PortfolioRow.model_validate(data["row"])
                return kept_row.model_copy(update={"stale": history.is_stale(created, at)})
            e = evaluated(aid, lang, roadmap=False)
            result = history.portfolio_row(e, at)
            if entry is not None and body is None:
                data = {"created": e.assessment.created.isoformat(), "row": result.model_dump()}
                parts.append((entry, json.dumps(data), PARTS_VALID_UNTIL))
            return result

        return row


def _show(ws: Workspace, aid: str) -> str:
    from maturity.readouts import show_json

    return show_json(ws, aid)


def _trend(ws: Workspace, request: Request, evaluated: Callable[..., Evaluated]) -> str:
    from maturity.readouts import trend_output

    options = dict(request.options)
    return trend_output(
        ws,
        options["--team"],
        options.get("--lang"),
        as_json="--json" in options,
        evaluated=evaluated,
    )


def _portfolio(
    ws: Workspace,
    request: Request,
    row: RowFn,
    computed: dict[str | None, object],
) -> str:
    """One portfolio per language and pass, printed in each kept shape (sort, JSON)."""
    from maturity.model.history import Portfolio
    from maturity.readouts import portfolio_output

    options = dict(request.options)
    lang = options.get("--lang")
    p = computed.get(lang)
    if not isinstance(p, Portfolio):
        p = computed[lang] = ws.portfolio(lang=lang, row=row)
    return portfolio_output(p, options.get("--sort", "team"), as_json="--json" in options)


class Background:
    """Runs :class:`Keeper` passes on a thread of its own, shortly after writes.

    For a front end that stays open (the TUI, a participant's app): :meth:`nudge` after a
    write (the store's ``on_commit`` does it), and a pass runs once writes have paused for
    ``delay`` seconds, on its own connection, so the store calls the screens wait for never
    queue behind it. :meth:`close` runs what is still due, then stops."""

    def __init__(self, keeper: Keeper, delay: float = DELAY_S) -> None:
        self.keeper = keeper
        self.delay = delay
        self.last: Kept | None = None
        self._cond = threading.Condition()
        self._due = False
        self._hurry = False
        self._busy = False
        self._closing = False
        self._at = 0.0
        self._thread = threading.Thread(target=self._run, name="maturity-keep", daemon=True)
        self._thread.start()

    @classmethod
    def attach(cls, store: Store, delay: float = DELAY_S) -> Background | None:
        """A keeper told by ``store`` after each commit; None when ``store`` is not kept."""
        keeper = Keeper.of(store)
        if keeper is None:
            return None
        background = cls(keeper, delay)
        store.on_commit = background.nudge
        return background

    def nudge(self) -> None:
        """Something was written: run a pass once writes pause."""
        with self._cond:
            self._due = True
            self._at = time.monotonic()
            self._cond.notify_all()

    def flush(self, timeout: float = 10.0) -> bool:
        """Run what is due now (no pause) and wait for it; True when nothing is left."""
        with self._cond:
            self._hurry = True
            self._cond.notify_all()
            done = self._cond.wait_for(lambda: not self._due and not self._busy, timeout)
            self._hurry = False
            return done

    def close(self, timeout: float = 10.0) -> None:
        """Keep what is due, then stop the thread (and its connection)."""
        with self._cond:
            self._closing = True
            self._cond.notify_all()
        self._thread.join(timeout)

    def _wait_for_work(self) -> bool:
        """Under the lock: wait until a pass is due and writes have paused; False to stop."""
        while True:
            if self._due and (self._hurry or self._closing):
                return True
            if self._due:
                left = self._at + self.delay - time.monotonic()
                if left <= 0:
                    return True
                self._cond.wait(left)
            elif self._closing:
                return False
            else:
                self._cond.wait()

    def _run(self) -> None:
        ws: Workspace | None = None
        try:
            while True:
                with self._cond:
                    if not self._wait_for_work():
                        return
                    self._due, self._busy = False, True
                try:
                    if ws is None:
                        from maturity.store import open_store
                        from maturity.workspace import Workspace

                        ws = Workspace(open_store(self.keeper.target, create=False))
                    self.last = self.keeper.keep(ws)
                except Exception as exc:  # a cache is not worth a crash; the command recomputes
                    self.last = Kept(failed=[repr(exc)])
                finally:
                    with self._cond:
                        self._busy = False
                        self._cond.notify_all()
        finally:
            if ws is not None:
                ws.store.close()
