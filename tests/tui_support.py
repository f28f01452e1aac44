"""Helpers for the TUI tests: a deterministic store, and waiting for the app to settle."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from textual.pilot import Pilot

from maturity import questionnaire as qmod
from maturity.model.assessment import Answer, Assessment, DoraInputs, QuestionnaireRef
from maturity.store import open_store
from maturity.workspace import Workspace

DATA = Path(__file__).parent / "data"
SNAP_QUESTIONNAIRE = DATA / "tui-snap.yaml"

PAYMENTS = "a1a1a1a1a1a1"
SEARCH = "b2b2b2b2b2b2"
PLATFORM = "c3c3c3c3c3c3"


def _at(day: int, hour: int = 10) -> datetime:
    return datetime(2026, 3, day, hour, 0, tzinfo=UTC)


def seed_snapshot_store(path: Path) -> Workspace:
    """Three assessments with fixed ids and times on the small bilingual questionnaire."""
    loaded = qmod.load_file(SNAP_QUESTIONNAIRE)
    ws = Workspace(open_store(path))
    ref = QuestionnaireRef(id=loaded.id, version=loaded.version)
    docs = [
        Assessment(
            id=PAYMENTS,
            team="Payments",
            created=_at(2),
            updated=_at(2, 11),
            facilitator="Mina",
            participants=["Joon", "Ana"],
            questionnaire=ref,
            answers={
                "culture.postmortems": Answer(level=2, note="template since May", updated=_at(2)),
                "culture.ownership": Answer(level=4, updated=_at(2)),
                "automation.deploy": Answer(level=None, updated=_at(2)),
            },
            dora=DoraInputs(
                deployment_frequency="2/week",
                lead_time="3d",
                change_failure_rate="12%",
                time_to_restore="6h",
                benchmark=2023,
            ),
        ),
        Assessment(
            id=SEARCH,
            team="Search",
            created=_at(5),
            updated=_at(5, 12),
            questionnaire=ref,
            language="ko",
            answers={
                "culture.postmortems": Answer(level=3, updated=_at(5)),
                "culture.ownership": Answer(level=3, updated=_at(5)),
                "automation.deploy": Answer(level=2, updated=_at(5)),
                "automation.tests": Answer(level=4, updated=_at(5)),
            },
        ),
        Assessment(id=PLATFORM, team="Platform", created=_at(9), updated=_at(9), questionnaire=ref),
    ]
    for doc in docs:
        ws.import_document(doc, loaded)
    return ws


async def settle(pilot: Pilot[None], rounds: int = 3) -> None:
    """Let queued messages, workers and store writes finish (several rounds: a finished
    worker often starts another, e.g. a save that refreshes a list)."""
    for _ in range(rounds):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()
