"""HTML and PDF reports: one Jinja2 template set, SVG charts, WeasyPrint for the PDF.

The public entry point is :func:`export`, which the CLI (``maturity report``) and the TUI (from
a worker thread) both call. Importing this package is cheap: Jinja2 is imported when a report
is rendered and WeasyPrint only when a PDF is, so ``maturity list`` and the TUI start fast.

Pipeline: :func:`prepare` (assessment -> results -> :class:`~maturity.report.view.ReportView`),
:func:`render` (view -> HTML text -> optionally PDF bytes), then an atomic write, so PATH is
either the old file or the complete new one, never half a report.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol, TypeVar

from maturity.errors import MaturityError

if TYPE_CHECKING:
    from maturity.model.assessment import Assessment
    from maturity.report.history_export import export_compare, export_portfolio, export_trend
    from maturity.report.view import ReportView
    from maturity.workspace import Workspace

Format = Literal["html", "pdf"]
FORMATS: tuple[str, ...] = ("html", "pdf")
LANGS: tuple[str, ...] = ("en", "ko")
Progress = Callable[[float, str], None]
"""Called with a fraction 0.0-1.0 and a short stage description (e.g. 'laying out pages')."""


class Worded(Protocol):
    """What every report view has: its words (``t``) in the report's language."""

    @property
    def t(self) -> dict[str, str]: ...


V = TypeVar("V", bound=Worded)

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
    from maturity.fileio import check_destination

    check_destination(path)


def check_lang(lang: str) -> str:
    """``lang`` if the reports are written in it, else a MaturityError."""
    if lang not in LANGS:
        raise MaturityError(f"language must be one of {', '.join(LANGS)}, got '{lang}'")
    return lang


def check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise MaturityError(f"format must be html or pdf, got '{fmt}'")


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
    from maturity.evaluate import evaluate
    from maturity.model.assessment import format_time
    from maturity.report.view import Previous, build_view

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
    from maturity.report.html import render_html

    return render_document(lambda: render_html(view), fmt, view.t, progress, view.lang)


def render_document(
    html_of: Callable[[], str],
    fmt: str,
    words: dict[str, str],
    progress: Progress | None,
    lang: str,
) -> tuple[bytes, int | None]:
    """Any report kind as bytes in ``fmt`` (its HTML from ``html_of``), and the PDF page count.

    The format is checked before the HTML is rendered; the PDF is laid out from the same HTML.
    """
    check_format(fmt)
    html = html_of()
    if fmt == "html":
        return html.encode("utf-8"), None
    from maturity.report.pdf import render_pdf

    return render_pdf(html, progress=progress, words=words, lang=lang)


def write_report(
    fmt: str,
    path: Path | str,
    progress: Progress | None,
    *,
    words: dict[str, str],
    loading: str,
    make_view: Callable[[], V],
    render_view: Callable[[V, str, Progress | None], tuple[bytes, int | None]],
    lang_first: str | None = None,
) -> Path:
    """The one export pipeline of every report kind: check, load, render, write atomically.

    Format (and ``lang_first``, when given) and destination are checked before anything is
    loaded; ``progress`` gets (fraction, stage) in ``words`` until the view is built, then in
    the view's own language (``view.t``). ``loading`` is the key of the first stage.
    """
    from maturity.fileio import write_atomic

    def step(fraction: float, key: str, **values: object) -> None:
        if progress is not None:
            progress(fraction, words[key].format(**values))

    check_format(fmt)
    if lang_first is not None:
        check_lang(lang_first)
    from maturity.fileio import user_path

    target = user_path(str(path))
    _check_destination(target)
    step(0.0, loading)
    view = make_view()
    words = view.t  # the report's own language when none was asked for
    step(0.2, "stage_html")
    data, _pages = render_view(view, fmt, progress)
    step(0.95, "stage_writing", name=target.name)
    write_atomic(target, data)
    step(1.0, "stage_done")
    return target


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
    from maturity.report.strings import strings

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


# Comparison, trend and portfolio reports live in maturity.report.history_export; their entry
# points are served from here too (for the CLI and the TUI), but that module, which pulls in
# MarkupSafe and the history models, only loads when one of them is first looked up.
_HISTORY_EXPORTS = ("export_compare", "export_trend", "export_portfolio")


def __getattr__(name: str) -> object:
    if name in _HISTORY_EXPORTS:
        from maturity.report import history_export

        value = getattr(history_export, name)
        globals()[name] = value  # later look-ups are plain attribute reads
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
