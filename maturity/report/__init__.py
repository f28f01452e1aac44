"""HTML and PDF reports: one Jinja2 template set, SVG charts, WeasyPrint for the PDF.

This package's own module is only its public API, served lazily: importing ``maturity.report``
imports nothing else (``maturity list`` and the TUI's start must not pay for Jinja2, MarkupSafe,
the history models or WeasyPrint), and each name is loaded from its module on first use.

* :mod:`~maturity.report.pipeline`: the one export pipeline (checks, render, atomic write);
* :mod:`~maturity.report.export_assessment`: the single-assessment report (``export``,
  ``prepare``, ``render``); :mod:`~maturity.report.export_history`: the comparison, trend and
  portfolio reports (``export_compare``, ``export_trend``, ``export_portfolio``);
* views, one module per report kind (``view_assessment``, with its ``view_dora``,
  ``view_plan`` and ``measured`` sections; ``view_compare``, ``view_trend``,
  ``view_portfolio``) over :mod:`~maturity.report.shared`, the one place for
  formatting and word/title look-ups; charts, Jinja2 environment, PDF writer and URL fetcher in
  their own modules.

Nothing inside the package imports this module's names, so there is no import cycle: the
dependency order is ``shared`` -> views -> ``pipeline``/exports -> this API (an import-linter
contract in pyproject.toml checks it).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from maturity.report.export_assessment import export, prepare, render
    from maturity.report.export_history import export_compare, export_portfolio, export_trend
    from maturity.report.pipeline import FORMATS, LANGS, Format, Progress, check_lang

_API: dict[str, str] = {
    "FORMATS": "pipeline",
    "LANGS": "pipeline",
    "Format": "pipeline",
    "Progress": "pipeline",
    "check_lang": "pipeline",
    "export": "export_assessment",
    "prepare": "export_assessment",
    "render": "export_assessment",
    "export_compare": "export_history",
    "export_trend": "export_history",
    "export_portfolio": "export_history",
}

__all__ = [
    "FORMATS",
    "LANGS",
    "Format",
    "Progress",
    "check_lang",
    "export",
    "export_compare",
    "export_portfolio",
    "export_trend",
    "prepare",
    "render",
]


def __getattr__(name: str) -> object:
    if name in _API:
        value = getattr(import_module(f"{__name__}.{_API[name]}"), name)
        globals()[name] = value  # later look-ups are plain attribute reads
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
