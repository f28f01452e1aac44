"""Localised titles for the coach screens, read on the store thread.

Trends and the portfolio can span questionnaire versions (and custom questionnaires), so a
dimension's title comes from the questionnaire each assessment was taken with; one assessment
per questionnaire version is enough to find it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from maturity.model.text import tr

if TYPE_CHECKING:
    from maturity.workspace import Workspace


def dimension_titles(
    ws: Workspace, samples: Iterable[tuple[str, str]], lang: str
) -> dict[str, str]:
    """Dimension id -> title in ``lang``, from ``samples`` of (questionnaire key, assessment id).

    Give the samples oldest first: a newer questionnaire version's title wins over an older
    one's, and an id no questionnaire knows is left out (callers fall back to the id).
    """
    chosen: dict[str, str] = {}
    for key, assessment_id in samples:
        chosen[key] = assessment_id  # the last (newest) sample of each version
    titles: dict[str, str] = {}
    for assessment_id in chosen.values():
        q = ws.questionnaire_for(ws.get(assessment_id)).questionnaire
        titles.update({d.id: tr(d.title, lang) for d in q.dimensions})
    return titles
