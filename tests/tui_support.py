"""Helpers for the TUI tests: a deterministic store, running the app and waiting for it to
settle, and what the snapshot tests share."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path

from textual.app import App
from textual.pilot import Pilot
from textual.worker import WorkerCancelled

from maturity import questionnaire as qmod
from maturity.model.assessment import Answer, Assessment, DoraInputs, QuestionnaireRef
from maturity.store import open_store
from maturity.tui.app import MaturityApp
from maturity.tui.gateway import Gateway
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


async def store_calls_done(app: App[None]) -> None:
    """Wait until every call already queued on the app's store thread has run (it runs them
    in order). Some writes are queued without a worker to wait for, e.g. the facilitator's
    "paused" when a team screen closes: a participant's read right after could miss it."""
    gateway = getattr(app, "gateway", None)
    if isinstance(gateway, Gateway):
        with contextlib.suppress(RuntimeError):  # the app is closing: its store thread is gone
            await gateway.run(lambda: None)


async def settle(pilot: Pilot[None], rounds: int = 3) -> None:
    """Let queued messages, workers and store writes finish (several rounds: a finished
    worker often starts another, e.g. a save that refreshes a list).

    A round with no worker left ends the wait: each pause repaints the whole screen, and the
    rounds after that one had nothing more to wait for. A worker cancelled meanwhile (an
    exclusive group's newer call replaces it, e.g. a debounced save) is done, not an error;
    a worker that failed still raises.
    """
    for _ in range(rounds):
        await pilot.pause()
        await store_calls_done(pilot.app)
        if not pilot.app.workers:  # finished workers leave the manager
            break
        for worker in list(pilot.app.workers):
            with contextlib.suppress(WorkerCancelled):
                await worker.wait()
    await pilot.pause()


async def press(pilot: Pilot[None], *keys: str) -> None:
    """Press ``keys``, then let the app settle."""
    await pilot.press(*keys)
    await settle(pilot)


@asynccontextmanager
async def running(
    store_path: Path, lang: str = "en", size: tuple[int, int] = (80, 24)
) -> AsyncIterator[tuple[MaturityApp, Pilot[None]]]:
    """The app on ``store_path`` under Pilot, settled after its start."""
    app = MaturityApp(store_path, lang=lang)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        yield app, pilot


def reader(path: Path | str) -> Workspace:
    """A second connection, as another process would see the file."""
    return Workspace(open_store(path, create=False))


def notifications(app: MaturityApp) -> list[str]:
    return [n.message for n in app._notifications]


# -- snapshots ----------------------------------------------------------------------------------

SnapCompare = Callable[..., bool]
LANGS = ["en", "ko"]


def seeded_app(seed: Callable[[Path], Workspace], store_path: Path, lang: str) -> MaturityApp:
    """The app on a store seeded by ``seed`` (the seeding connection closed first)."""
    seed(store_path).store.close()
    return MaturityApp(store_path, lang=lang)


def then(step: Callable[[MaturityApp], object]) -> Callable[[Pilot[None]], Awaitable[None]]:
    """A snapshot's ``run_before``: settle, do ``step`` on the app, settle again."""

    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        app = pilot.app
        assert isinstance(app, MaturityApp)
        step(app)
        await settle(pilot)

    return run_before
