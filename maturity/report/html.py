"""Render the report view to one self-contained HTML document (the same markup the PDF uses)."""

from __future__ import annotations

from maturity.report.env import environment, inline_styles
from maturity.report.view import ReportView

TEMPLATE = "report.html"


def render_html(view: ReportView) -> str:
    """HTML with inline CSS and SVG: no script, no external resource, nothing to fetch."""
    template = environment().get_template(TEMPLATE)
    return template.render(r=view, t=view.t, styles=inline_styles())
