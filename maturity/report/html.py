"""Render the report view to one self-contained HTML document (the same markup the PDF uses)."""

from __future__ import annotations

from maturity.report.env import inline_styles, render_page
from maturity.report.view import ReportView

TEMPLATE = "report.html"


def render_html(view: ReportView) -> str:
    """HTML with inline CSS and SVG: no script, no external resource, nothing to fetch."""
    return render_page(TEMPLATE, view, inline_styles())
