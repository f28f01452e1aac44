"""Comparison, trend and portfolio reports: load, build the view, render, write atomically.

The same pipeline as the single-assessment report (:mod:`maturity.report.pipeline`): one Jinja2
environment with autoescape and StrictUndefined, the packaged CSS inlined (plus
``history.css``), WeasyPrint with the locked-down URL fetcher for the PDF, progress callbacks
in the report's language, and :func:`maturity.fileio.write_atomic`, so PATH is either the old
file or the complete new one. Destination, format and language are checked before anything is
loaded, so a mistake costs no render time and writes nothing.

The public entry points are re-exported lazily from :mod:`maturity.report` (``export_compare``,
``export_trend``, ``export_portfolio``); importing this module pulls in Jinja2's MarkupSafe and
the history models, which ``maturity list`` must not pay for. Each kind's view is built in its
own module (:mod:`~maturity.report.view_compare`, :mod:`~maturity.report.view_trend`,
:mod:`~maturity.report.view_portfolio`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import cache
from pathlib import Path

from markupsafe import Markup

from maturity.errors import MaturityError
from maturity.evaluate import evaluate
from maturity.history import Evaluated, compare
from maturity.questionnaire import LoadedQuestionnaire
from maturity.report.env import css_block, inline_styles, render_page
from maturity.report.pipeline import Progress, check_lang, render_document, write_report
from maturity.report.shared import DocView
from maturity.report.strings_history import history_strings
from maturity.report.view_compare import CompareView, build_compare_view
from maturity.report.view_portfolio import PortfolioView, build_portfolio_view
from maturity.report.view_trend import TrendView, build_trend_view
from maturity.workspace import Workspace

TEMPLATES: dict[str, str] = {
    "compare": "compare.html",
    "trend": "trend.html",
    "portfolio": "portfolio.html",
}
EXTRA_CSS = "history.css"


@cache
def history_styles() -> Markup:
    """The report CSS plus the rules only these reports use (heat map, trend table, diffs)."""
    return inline_styles() + Markup("\n" + css_block(EXTRA_CSS))


def render_history_html(view: DocView) -> str:
    """Self-contained HTML of a comparison, trend or portfolio view (no script, no URL)."""
    return render_page(TEMPLATES[view.kind], view, history_styles())


def render_history(
    view: DocView, fmt: str, progress: Progress | None = None
) -> tuple[bytes, int | None]:
    """The report as bytes in ``fmt``, and the PDF page count (None for HTML)."""
    return render_document(lambda: render_history_html(view), fmt, view.t, progress, view.lang)


# ---------------------------------------------------------------------------------------------
# Loading: the coach core computes, this only gathers titles


def _evaluated(
    workspace: Workspace, id_or_prefix: str, lang: str, benchmark: int | str | None
) -> Evaluated:
    a = workspace.get(id_or_prefix)
    loaded = workspace.questionnaire_for(a)
    return Evaluated(a, loaded, evaluate(a, loaded, lang, benchmark))


def prepare_compare(
    workspace: Workspace,
    a_id: str,
    b_id: str,
    lang: str | None = None,
    *,
    benchmark: int | str | None = None,
    generated: datetime | None = None,
) -> CompareView:
    """What changed from ``a_id`` to ``b_id``; the language defaults to B's."""
    a = workspace.get(a_id)
    b = workspace.get(b_id)
    if a.id == b.id:
        raise MaturityError(f"--compare {a_id} {b_id}: that is the same assessment twice")
    lang = check_lang(lang or b.language)
    ea = _evaluated(workspace, a.id, lang, benchmark)
    eb = _evaluated(workspace, b.id, lang, benchmark)
    return build_compare_view(ea, eb, compare(ea, eb), lang, generated=generated)


def _questionnaires(
    workspace: Workspace, ids_newest_first: list[str], keys: list[str]
) -> list[LoadedQuestionnaire]:
    """One loaded questionnaire per distinct version key, newest first (cached by the workspace)."""
    seen: dict[str, LoadedQuestionnaire] = {}
    for aid, key in zip(ids_newest_first, keys, strict=True):
        if key not in seen:
            seen[key] = workspace.questionnaire_for(workspace.get(aid))
    return list(seen.values())


def prepare_trend(
    workspace: Workspace,
    team: str,
    lang: str | None = None,
    *,
    generated: datetime | None = None,
) -> TrendView:
    """A team's scores and DORA tier over time; the language defaults to the latest one's.

    A team with one assessment gets the core's message (a trend needs two), not an empty chart.
    """
    if lang is not None:
        check_lang(lang)
    trend = workspace.trend(team, lang)
    newest = list(reversed(trend.points))
    latest = workspace.get(newest[0].id)
    lang = check_lang(lang or latest.language)
    questionnaires = _questionnaires(
        workspace, [p.id for p in newest], [p.questionnaire for p in newest]
    )
    return build_trend_view(
        trend, questionnaires, lang, facilitator=latest.facilitator, generated=generated
    )


def prepare_portfolio(
    workspace: Workspace,
    lang: str | None = None,
    *,
    at: datetime | None = None,
    generated: datetime | None = None,
) -> PortfolioView:
    """Every team's latest levels; ``at`` is "now" for the staleness check (tests fix it)."""
    lang = check_lang(lang or "en")
    portfolio = workspace.portfolio(at=at, lang=lang)
    if not portfolio.rows:  # an empty heat map helps nobody; say what to do instead
        raise MaturityError(
            "there are no assessments in this store yet; a portfolio needs at least one team"
        )
    versions = {s.id: f"{s.questionnaire_id} {s.questionnaire_version}" for s in workspace.list()}
    newest = sorted(portfolio.rows, key=lambda r: r.date, reverse=True)
    questionnaires = _questionnaires(
        workspace, [r.assessment for r in newest], [versions[r.assessment] for r in newest]
    )
    return build_portfolio_view(portfolio, questionnaires, lang, generated=generated or at)


# ---------------------------------------------------------------------------------------------
# Export


def _export(
    fmt: str,
    path: Path | str,
    lang: str | None,
    progress: Progress | None,
    make_view: Callable[[], DocView],
) -> Path:
    """The shared export pipeline (:func:`maturity.report.pipeline.write_report`) with these reports'
    words, first stage and renderer; an asked-for language is checked before the destination."""
    return write_report(
        fmt,
        path,
        progress,
        words=history_strings(lang or "en"),
        loading="stage_loading_many",
        make_view=make_view,
        render_view=render_history,
        lang_first=lang,
    )


def export_compare(
    workspace: Workspace,
    a_id: str,
    b_id: str,
    fmt: str,
    path: Path | str,
    lang: str | None = None,
    *,
    benchmark: int | str | None = None,
    progress: Progress | None = None,
) -> Path:
    """Write the comparison report of ``a_id`` (earlier) -> ``b_id`` (later); return the path.

    Same contract as :func:`maturity.report.export_assessment.export`: worker-thread safe, user mistakes raise
    MaturityError before anything is written, ``progress`` gets (fraction, stage). Language
    defaults to B's.
    """
    return _export(
        fmt,
        path,
        lang,
        progress,
        lambda: prepare_compare(workspace, a_id, b_id, lang, benchmark=benchmark),
    )


def export_trend(
    workspace: Workspace,
    team: str,
    fmt: str,
    path: Path | str,
    lang: str | None = None,
    *,
    progress: Progress | None = None,
) -> Path:
    """Write the trend report of ``team`` (at least two assessments); return the path.

    Same contract as :func:`maturity.report.export_assessment.export`; the language defaults to the latest
    assessment's.
    """
    return _export(fmt, path, lang, progress, lambda: prepare_trend(workspace, team, lang))


def export_portfolio(
    workspace: Workspace,
    fmt: str,
    path: Path | str,
    lang: str | None = None,
    *,
    at: datetime | None = None,
    progress: Progress | None = None,
) -> Path:
    """Write the portfolio report of every team; return the path.

    Same contract as :func:`maturity.report.export_assessment.export`; ``at`` is "now" for marking stale teams
    (default: now).
    """
    return _export(fmt, path, lang, progress, lambda: prepare_portfolio(workspace, lang, at=at))
