"""The single-assessment report: load and evaluate, build the view, render, write atomically.

:func:`prepare` (assessment -> results -> :class:`~maturity.report.view_assessment.ReportView`),
:func:`render` (view -> HTML text -> optionally PDF bytes) and :func:`export` (both, through
the one pipeline in :mod:`maturity.report.pipeline`). The CLI (``maturity report``) and the TUI
(from a worker thread) call :func:`export` through :mod:`maturity.report`.
"""

from __future__ import annotations

from pathlib import Path

from maturity.errors import MaturityError
from maturity.evaluate import evaluate
from maturity.model.assessment import Assessment, format_time
from maturity.report.env import inline_styles, render_page
from maturity.report.pipeline import Progress, check_lang, render_document, write_report
from maturity.report.strings import strings
from maturity.report.view_assessment import Previous, ReportView, build_view
from maturity.workspace import Workspace

TEMPLATE = "report.html"


def render_html(view: ReportView) -> str:
    """HTML with inline CSS and SVG: no script, no external resource, nothing to fetch."""
    return render_page(TEMPLATE, view, inline_styles())


def prepare(
    workspace: Workspace,
    assessment_id: str,
    lang: str | None = None,
    *,
    compare_to: str | None = None,
    benchmark: int | str | None = None,
) -> ReportView:
    """Load the assessment (and the one to compare with) and build the view model.

    Without ``compare_to`` the newest earlier assessment of the same team, if any, is used, so
    the summary can say what changed since the last time.
    """
    a = workspace.get(assessment_id)
    lang = check_lang(lang or a.language)
    loaded = workspace.questionnaire_for(a)
    results = evaluate(a, loaded, lang, benchmark)
    previous: Previous | None = None
    other: Assessment | None
    if compare_to is not None:
        other = workspace.get(compare_to)
        if other.id == a.id:
            raise MaturityError(f"--compare-to {compare_to}: that is the same assessment")
    else:
        mine = format_time(a.created)
        earlier = [
            s
            for s in workspace.list(a.team)
            if s.id != a.id and s.created < mine  # the store matches teams ignoring case
        ]
        other = workspace.get(max(earlier, key=lambda s: (s.created, s.id)).id) if earlier else None
    if other is not None:
        prev_loaded = workspace.questionnaire_for(other)
        year = results.dora.benchmark_id if results.dora else benchmark
        previous = Previous(other, evaluate(other, prev_loaded, lang, year))
    return build_view(a, loaded, results, lang, previous)


def render(
    view: ReportView, fmt: str, progress: Progress | None = None
) -> tuple[bytes, int | None]:
    """The report as bytes in ``fmt``, and the PDF page count (None for HTML)."""
    return render_document(lambda: render_html(view), fmt, view.t, progress, view.lang)


def export(
    workspace: Workspace,
    assessment_id: str,
    fmt: str,
    path: Path | str,
    lang: str | None = None,
    compare_to: str | None = None,
    *,
    benchmark: int | str | None = None,
    progress: Progress | None = None,
) -> Path:
    """Write the report of ``assessment_id`` to ``path`` as ``fmt`` (html or pdf); return the path.

    Safe to call from a worker thread (the TUI does): it reads the store, renders (PDF renders
    are serialised inside WeasyPrint's writer) and writes atomically. User mistakes (unknown id,
    bad format or language, unwritable path) raise :class:`~maturity.errors.MaturityError`
    before anything is written. ``progress`` is called with (fraction, stage).
    """
    return write_report(
        fmt,
        path,
        progress,
        words=strings(lang or "en"),
        loading="stage_loading",
        make_view=lambda: prepare(
            workspace, assessment_id, lang, compare_to=compare_to, benchmark=benchmark
        ),
        render_view=render,
    )
