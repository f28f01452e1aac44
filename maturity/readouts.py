"""What the read-only commands the quick read path serves print, built in one place.

``maturity show ID --json``, ``maturity trend`` and ``maturity portfolio`` print these texts;
:mod:`maturity.keep` builds the same texts after a write (from the CLI, the TUI, a participant)
and keeps them in the store, and :mod:`maturity.launch` serves them from there. One builder
for both, so what is served is what the command prints, byte for byte, by construction.

Each function returns exactly what the command writes to standard output (its final newline
included). Nothing heavy is imported at the top: the command line's parser loads this module.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from maturity.model.terms import tier_name
from maturity.safetext import terminal_safe as shown
from maturity.textfmt import format_delta, format_level, format_score, format_share

if TYPE_CHECKING:
    from maturity.model.history import Portfolio, Trend
    from maturity.model.plan import DoneShare
    from maturity.workspace import EvaluateFn, Workspace


def dump(data: object) -> str:
    """JSON for scripts: indented, and non-ASCII text (Korean names) kept readable."""
    return json.dumps(data, ensure_ascii=False, indent=2)


def show_json(
    ws: Workspace,
    id_or_prefix: str,
    lang: str | None = None,
    benchmark: int | str | None = None,
) -> str:
    """``maturity show ID --json``: the results, the plan's targets and the actions."""
    a = ws.get(id_or_prefix)
    lang = lang or a.language
    r = ws.results(a.id, lang, benchmark)
    p = ws.plan(a.id, lang)
    data = r.model_dump(mode="json")
    data["targets"] = [g.model_dump(mode="json") for g in p.targets]
    data["actions"] = [v.model_dump(mode="json") for v in ws.action_views(a.id)]
    return dump(data) + "\n"


def trend_output(
    ws: Workspace,
    team: str,
    lang: str | None = None,
    *,
    as_json: bool = False,
    evaluated: EvaluateFn | None = None,
) -> str:
    """``maturity trend --team T [--json] [--lang L]``. ``evaluated``: see
    :meth:`maturity.workspace.Workspace.trend` (results already computed, kept by revision)."""
    t = ws.trend(team, lang, evaluated=evaluated)
    return (dump(t.model_dump(mode="json")) if as_json else trend_text(t)) + "\n"


def portfolio_output(p: Portfolio, sort: str = "team", *, as_json: bool = False) -> str:
    """``maturity portfolio [--json] [--sort KEY]`` of the portfolio ``p``: ``--sort`` orders
    the JSON's rows too (the one order, :func:`maturity.history.sort_portfolio`, the table and
    the TUI use), and a wrong key is refused either way."""
    if not as_json:
        return portfolio_text(p, sort) + "\n"
    if p.rows:
        from maturity.history import sort_portfolio

        p = p.model_copy(update={"rows": sort_portfolio(p, sort)})
    return dump(p.model_dump(mode="json")) + "\n"


# -- text -------------------------------------------------------------------------------------


def trend_text(t: Trend) -> str:
    head = (
        f"{'DATE':<10}  {'ID':<12}  "
        + "  ".join(f"{d[:11]:>11}" for d in t.dimensions)
        + "  OVERALL  DORA"
    )
    lines = [f"{shown(t.team)}: {len(t.points)} assessments", head]
    for p in t.points:
        cells = "  ".join(f"{format_score(p.dimensions.get(d)):>11}" for d in t.dimensions)
        overall = f"{format_level(p.overall_level)} ({format_score(p.overall_score)})"
        lines.append(
            f"{p.created[:10]:<10}  {p.id:<12}  {cells}  {overall:>7}  {tier_name(p.dora_tier)}"
        )
    first, last = t.points[0], t.points[-1]
    deltas = []
    for d in t.dimensions:
        x, y = first.dimensions.get(d), last.dimensions.get(d)
        if x is not None and y is not None:
            deltas.append(f"{d} {format_delta(y - x)}")
    if deltas:
        lines += ["", "Since the first: " + ", ".join(deltas)]
    lines += done_shares(t.actions_done)
    return "\n".join(lines)


def portfolio_text(p: Portfolio, sort: str = "team") -> str:
    if not p.rows:
        return "No teams yet."
    from maturity.history import sort_portfolio

    rows = sort_portfolio(p, sort)
    head = (
        f"{'TEAM':<24}  "
        + "  ".join(f"{d[:11]:>11}" for d in p.dimensions)
        + f"  {'OVERALL':>7}  {'DORA':<6}  LATEST"
    )
    lines = [head]
    for r in rows:
        cells = "  ".join(f"{format_level(r.levels.get(d)):>11}" for d in p.dimensions)
        mark = "  stale" if r.stale else ""
        lines.append(
            f"{shown(r.team)[:24]:<24}  {cells}  {format_level(r.overall_level):>7}  {tier_name(r.dora_tier):<6}  {r.date[:10]}{mark}"
        )
    means = "  ".join(f"{format_score(p.dimension_means.get(d)):>11}" for d in p.dimensions)
    lines += [f"{'mean score':<24}  {means}", ""]
    if p.weakest_dimension:
        lines.append(f"Organisation-wide weakest dimension: {p.weakest_dimension}")
    n_stale = sum(r.stale for r in p.rows)
    if n_stale:
        lines.append(
            f"{n_stale} team(s) last assessed more than {p.stale_after_days} days ago (marked stale)"
        )
    lines += done_shares(p.actions_done)
    return "\n".join(lines)


def done_shares(rows: Sequence[DoneShare]) -> list[str]:
    if not rows:
        return []
    lines = ["", "Actions done, by team and quarter set:"]
    for r in rows:
        pct = format_share(r.share)
        lines.append(f"  {shown(r.team)[:24]:<24} {r.quarter}  {r.done}/{r.total} ({pct})")
    return lines
