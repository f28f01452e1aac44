"""HTML and PDF reports: one Jinja2 template set, SVG charts, WeasyPrint for the PDF.

The public entry point is :func:`export`, which the CLI (``maturity report``) and the TUI (from
a worker thread) both call. Importing this package is cheap: Jinja2 is imported when a report
is rendered and WeasyPrint only when a PDF is, so ``maturity list`` and the TUI start fast.

Pipeline: :func:`prepare` (assessment -> results -> :class:`~maturity.report.view.ReportView`),
:func:`render` (view -> HTML text -> optionally PDF bytes), then an atomic write, so PATH is
either the old file or the complete new one, never half a report.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from maturity.errors import MaturityError

if TYPE_CHECKING:
    from datetime import datetime

    from maturity.model.assessment import Assessment
    from maturity.report.view import ReportView
    from maturity.workspace import Workspace

Format = Literal["html", "pdf"]
FORMATS: tuple[str, ...] = ("html", "pdf")
LANGS: tuple[str, ...] = ("en", "ko")
Progress = Callable[[float, str], None]
"""Called with a fraction 0.0-1.0 and a short stage description (e.g. 'laying out pages')."""

__all__ = [
    "FORMATS",
    "LANGS",
    "Format",
    "Progress",
    "export",
    "export_compare",
    "export_portfolio",
    "export_trend",
    "prepare",
    "render",
]


def _check_destination(path: Path) -> None:
    """Fail before a second of rendering when PATH clearly cannot be written."""
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise MaturityError(f"{path}: is a folder; give a file name")
    if not folder.is_dir():
        raise MaturityError(f"{path}: folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise MaturityError(f"{path}: cannot write (permission denied)")
    if path.exists() and not os.access(path, os.W_OK):
        # os.replace would succeed over a read-only file; refusing matches what people expect.
        raise MaturityError(f"{path}: cannot write (the file is read-only)")


def prepare(
    workspace: Workspace,
    assessment_id: str,
    lang: str | None = None,
    *,
    compare_to: str | None = None,
    benchmark: int | None = None,
) -> ReportView:
    """Load the assessment (and the one to compare with) and build the view model.

    Without ``compare_to`` the newest earlier assessment of the same team, if any, is used, so
    the summary can say what changed since the last time.
    """
    from maturity.evaluate import evaluate
    from maturity.model.assessment import format_time
    from maturity.report.view import Previous, build_view

    a = workspace.get(assessment_id)
    lang = lang or a.language
    if lang not in LANGS:
        raise MaturityError(f"language must be one of {', '.join(LANGS)}, got '{lang}'")
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
        year = results.dora.benchmark if results.dora else benchmark
        previous = Previous(other, evaluate(other, prev_loaded, lang, year))
    return build_view(a, loaded, results, lang, previous)


def render(
    view: ReportView, fmt: str, progress: Progress | None = None
) -> tuple[bytes, int | None]:
    """The report as bytes in ``fmt``, and the PDF page count (None for HTML)."""
    from maturity.report.html import render_html

    if fmt not in FORMATS:
        raise MaturityError(f"format must be html or pdf, got '{fmt}'")
    html = render_html(view)
    if fmt == "html":
        return html.encode("utf-8"), None
    from maturity.report.pdf import render_pdf

    data, pages = render_pdf(html, progress=progress, words=view.t)
    return data, pages


def export(
    workspace: Workspace,
    assessment_id: str,
    fmt: str,
    path: Path | str,
    lang: str | None = None,
    compare_to: str | None = None,
    *,
    benchmark: int | None = None,
    progress: Progress | None = None,
) -> Path:
    """Write the report of ``assessment_id`` to ``path`` as ``fmt`` (html or pdf); return the path.

    Safe to call from a worker thread (the TUI does): it reads the store, renders (PDF renders
    are serialised inside WeasyPrint's writer) and writes atomically. User mistakes (unknown id,
    bad format or language, unwritable path) raise :class:`~maturity.errors.MaturityError`
    before anything is written. ``progress`` is called with (fraction, stage).
    """
    from maturity.fileio import write_atomic
    from maturity.report.strings import strings

    words = strings(lang or "en")

    def step(fraction: float, key: str, **values: object) -> None:
        if progress is not None:
            progress(fraction, words[key].format(**values))

    if fmt not in FORMATS:
        raise MaturityError(f"format must be html or pdf, got '{fmt}'")
    target = Path(path).expanduser()
    _check_destination(target)
    step(0.0, "stage_loading")
    view = prepare(workspace, assessment_id, lang, compare_to=compare_to, benchmark=benchmark)
    words = view.t  # the assessment's own language when none was asked for
    step(0.2, "stage_html")
    data, _pages = render(view, fmt, progress)
    step(0.95, "stage_writing", name=target.name)
    write_atomic(target, data)
    step(1.0, "stage_done")
    return target


# Comparison, trend and portfolio reports (maturity.report.history_export). Thin wrappers so
# they sit next to export() for the CLI and the TUI while the module itself loads on first use.


def export_compare(
    workspace: Workspace,
    a_id: str,
    b_id: str,
    fmt: str,
    path: Path | str,
    lang: str | None = None,
    *,
    benchmark: int | None = None,
    progress: Progress | None = None,
) -> Path:
    """Write the comparison report of ``a_id`` (earlier) -> ``b_id`` (later); return the path.

    Same contract as :func:`export`: worker-thread safe, user mistakes raise MaturityError
    before anything is written, ``progress`` gets (fraction, stage). Language defaults to B's.
    """
    from maturity.report.history_export import export_compare as run

    return run(workspace, a_id, b_id, fmt, path, lang, benchmark=benchmark, progress=progress)


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

    Same contract as :func:`export`; the language defaults to the latest assessment's.
    """
    from maturity.report.history_export import export_trend as run

    return run(workspace, team, fmt, path, lang, progress=progress)


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

    Same contract as :func:`export`; ``at`` is "now" for marking stale teams (default: now).
    """
    from maturity.report.history_export import export_portfolio as run

    return run(workspace, fmt, path, lang, at=at, progress=progress)
