"""A deterministic store for the coach screens: history across two questionnaire versions.

Built on :func:`tui_support.seed_snapshot_store` (Payments, Search, Platform in March 2026)
and adds two earlier quarters of Payments (the second on questionnaire version 1.1, which
asks automation.rollback instead of automation.tests) and a Legacy team last assessed in June
2025, which is stale at :data:`AT`. Ids and times are fixed so the pictures never drift.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from tui_support import DATA, PAYMENTS, PLATFORM, SEARCH, seed_snapshot_store

from maturity import questionnaire as qmod
from maturity.model.assessment import Answer, Assessment, DoraInputs, QuestionnaireRef
from maturity.workspace import Workspace

__all__ = [
    "AT",
    "LEGACY",
    "PAYMENTS",
    "PAY_Q3",
    "PAY_Q4",
    "PLATFORM",
    "SEARCH",
    "seed_history_store",
]

V1 = DATA / "tui-snap.yaml"
V2 = DATA / "tui-snap-v2.yaml"

PAY_Q3 = "d4d4d4d4d4d4"
PAY_Q4 = "e5e5e5e5e5e5"
LEGACY = "f6f6f6f6f6f6"
AT = datetime(2026, 3, 20, 12, 0, tzinfo=UTC)
""""Now" for the portfolio: Legacy (2025-06-15) is more than six months old then."""


def _at(year: int, month: int, day: int) -> datetime:
    return datetime(year, month, day, 10, 0, tzinfo=UTC)


def _doc(
    aid: str,
    team: str,
    when: datetime,
    loaded: qmod.LoadedQuestionnaire,
    answers: dict[str, Answer],
    dora: DoraInputs | None = None,
) -> Assessment:
    return Assessment(
        id=aid,
        team=team,
        created=when,
        updated=when,
        questionnaire=QuestionnaireRef(id=loaded.id, version=loaded.version),
        status="complete",
        answers={k: v.model_copy(update={"updated": when}) for k, v in answers.items()},
        dora=dora or DoraInputs(),
    )


def seed_history_store(path: Path) -> Workspace:
    """The snapshot store plus Payments' two earlier quarters and the stale Legacy team."""
    ws = seed_snapshot_store(path)
    v1, v2 = qmod.load_file(V1), qmod.load_file(V2)
    docs = [
        (
            _doc(
                PAY_Q3,
                "Payments",
                _at(2025, 9, 1),
                v1,
                {
                    "culture.postmortems": Answer(level=1),
                    "culture.ownership": Answer(level=3),
                    "automation.deploy": Answer(level=1),
                    "automation.tests": Answer(level=2, note="manual smoke tests"),
                },
                DoraInputs(
                    deployment_frequency="monthly",
                    lead_time="3w",
                    change_failure_rate="30%",
                    time_to_restore="2d",
                    benchmark=2023,
                ),
            ),
            v1,
        ),
        (
            _doc(
                PAY_Q4,
                "Payments",
                _at(2025, 12, 1),
                v2,
                {
                    "culture.postmortems": Answer(level=2, note="template since May"),
                    "culture.ownership": Answer(level=3),
                    "automation.deploy": Answer(level=2),
                    "automation.rollback": Answer(level=3),
                },
                DoraInputs(
                    deployment_frequency="weekly",
                    lead_time="1w",
                    change_failure_rate="15%",
                    time_to_restore="1d",
                    benchmark=2023,
                ),
            ),
            v2,
        ),
        (
            _doc(
                LEGACY,
                "Legacy",
                _at(2025, 6, 15),
                v1,
                {
                    "culture.postmortems": Answer(level=2),
                    "culture.ownership": Answer(level=3),
                    "automation.deploy": Answer(level=2),
                    "automation.tests": Answer(level=2),
                },
            ),
            v1,
        ),
    ]
    for doc, loaded in docs:
        ws.import_document(doc, loaded)
    return ws
