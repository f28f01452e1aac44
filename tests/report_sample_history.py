"""Deterministic histories for the comparison, trend and portfolio reports' benchmarks and review.

Several teams, each assessed quarterly with the built-in questionnaire, levels rising (and now
and then falling) over time, notes that change, DORA inputs that improve, and one team whose
latest assessment is old enough to be stale. Derived from the questionnaire passed in and a
fixed seed, never from report output. Tests use the hand-computed ``tests/data/mini*.yaml``
fixtures instead; this is for looking at realistic pages and timing realistic renders.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from maturity.model.assessment import Answer, Assessment, DoraInputs, QuestionnaireRef
from maturity.questionnaire import LoadedQuestionnaire
from maturity.workspace import Workspace

TEAMS: dict[str, tuple[str, ...]] = {
    "en": ("Payments Platform", "Search", "Mobile App", "Data Platform", "Identity & Access"),
    "ko": ("결제 플랫폼", "검색", "모바일 앱", "데이터 플랫폼", "인증과 접근"),
}
NOTES: dict[str, tuple[str, ...]] = {
    "en": (
        "Runbooks moved into the repo; reviewed at every incident.",
        "Only the API services so far; batch jobs still deploy by hand.",
        "Dashboards exist but nobody looks at them outside incidents.",
    ),
    "ko": (
        "런북을 저장소로 옮겼고 사고마다 검토한다.",
        "아직 API 서비스만 해당하고 배치 작업은 손으로 배포한다.",
        "대시보드는 있지만 사고 때 말고는 아무도 보지 않는다.",
    ),
}
DORA_STEPS: tuple[DoraInputs, ...] = (
    DoraInputs(),  # not recorded at the first assessment
    DoraInputs(
        deployment_frequency="monthly",
        lead_time="3w",
        change_failure_rate="30%",
        time_to_restore="3d",
    ),
    DoraInputs(
        deployment_frequency="2/month",
        lead_time="1w",
        change_failure_rate="20%",
        time_to_restore="1d",
    ),
    DoraInputs(
        deployment_frequency="2/week",
        lead_time="3d",
        change_failure_rate="12%",
        time_to_restore="6h",
    ),
    DoraInputs(
        deployment_frequency="daily",
        lead_time="1d",
        change_failure_rate="8%",
        time_to_restore="2h",
        rework_rate="6%",
    ),
)
LATEST = datetime(2026, 10, 12, 9, 0, tzinfo=UTC)
QUARTER = timedelta(days=91)


def team_history(
    loaded: LoadedQuestionnaire,
    team: str,
    count: int,
    *,
    lang: str = "en",
    seed: int = 0,
    latest: datetime = LATEST,
    id_prefix: str = "",
) -> list[Assessment]:
    """``count`` quarterly assessments of ``team``, oldest first, ending at ``latest``."""
    rng = random.Random(f"{seed}:{team}")
    dims = loaded.questionnaire.dimensions
    start = {d.id: rng.randint(1, 3) for d in dims}
    pace = {d.id: rng.choice((0.25, 0.4, 0.5, 0.7)) for d in dims}
    out: list[Assessment] = []
    for k in range(count):
        when = latest - QUARTER * (count - 1 - k)
        answers: dict[str, Answer] = {}
        for d in dims:
            base = start[d.id] + pace[d.id] * k
            for j, q in enumerate(d.questions):
                wobble = rng.choice((-1, 0, 0, 0, 1))
                level: int | None = max(1, min(5, int(base + 0.5) + wobble))
                if rng.random() < 0.04:
                    level = None
                note = ""
                if j % 4 == 0 and k >= count // 2:
                    note = NOTES[lang][(j + k) % len(NOTES[lang])]
                answers[q.id] = Answer(level=level, note=note, updated=when)
        dora = DORA_STEPS[min(len(DORA_STEPS) - 1, k * len(DORA_STEPS) // max(count, 1))]
        out.append(
            Assessment(
                id=f"{id_prefix}{rng.getrandbits(40):010x}{k:02x}",
                team=team,
                created=when,
                updated=when,
                facilitator="Mina Park",
                participants=["Joon", "Ana", "Sofia"],
                questionnaire=QuestionnaireRef(id=loaded.id, version=loaded.version),
                language=lang,
                status="complete",
                answers=answers,
                dora=dora,
            )
        )
    return out


def populate_history(
    workspace: Workspace,
    loaded: LoadedQuestionnaire,
    *,
    lang: str = "en",
    teams: int = 5,
    per_team: int = 5,
    stale_last: bool = True,
) -> dict[str, list[str]]:
    """Add ``teams`` x ``per_team`` assessments; returns team -> ids, oldest first.

    With ``stale_last`` the last team stopped being assessed a year before the others, so the
    portfolio has a stale row. Team names beyond the five named ones are numbered.
    """
    names = list(TEAMS[lang])
    while len(names) < teams:
        names.append(f"{names[len(names) % 5]} {len(names) // 5 + 1}")
    out: dict[str, list[str]] = {}
    for i, team in enumerate(names[:teams]):
        latest = LATEST - timedelta(days=7 * i)
        if stale_last and i == teams - 1 and teams > 1:
            latest -= timedelta(days=365)
        history = team_history(
            loaded, team, per_team, lang=lang, seed=i, latest=latest, id_prefix=f"{i:02x}"
        )
        for a in history:
            workspace.import_document(a, loaded)
        out[team] = [a.id for a in history]
    return out
