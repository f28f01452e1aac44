"""A deterministic, fully answered assessment for report tests, benchmarks and visual review.

Every question answered (two "not sure"), notes and votes on many of them, all five DORA
metrics, and an earlier assessment of the same team so the "what changed" parts render. The
data is derived from the questionnaire passed in, never from report output, so tests built on
it can fail.
"""

from __future__ import annotations

from datetime import UTC, datetime

from maturity.model.assessment import Answer, Assessment, DoraInputs, QuestionnaireRef
from maturity.questionnaire import LoadedQuestionnaire
from maturity.workspace import Workspace

BASE_LEVEL = {"culture": 3, "automation": 4, "lean": 2, "measurement": 3, "sharing": 3}
OFFSETS = (0, 1, -1, 0, 1, 0, -1, 0)
UNSURE_AT = (5, 22)  # global question indexes answered "not sure"
PARTICIPANTS = ("Joon", "Ana", "Sofia", "Hyun-woo")
NOTES = {
    "en": (
        "Template in the team wiki since May; last three incidents reviewed within a week.",
        "Mostly true for the payments API, less so for the batch jobs.",
        "We disagreed here: ops sees it differently from dev.",
        "Evidence: runbook repo, on-call handbook section 2.",
    ),
    "ko": (
        "5월부터 팀 위키에 템플릿이 있고, 최근 사고 세 건은 일주일 안에 검토했다.",
        "결제 API는 대체로 그렇지만 배치 작업은 덜 그렇다.",
        "여기서는 의견이 갈렸다. 운영과 개발의 시각이 다르다.",
        "근거: 런북 저장소, 온콜 핸드북 2절.",
    ),
}
TEAM = {"en": "Payments Platform", "ko": "결제 플랫폼"}
CURRENT = datetime(2025, 11, 20, 9, 30, tzinfo=UTC)
EARLIER = datetime(2025, 8, 14, 13, 0, tzinfo=UTC)


def sample_assessment(
    loaded: LoadedQuestionnaire,
    *,
    lang: str = "en",
    team: str | None = None,
    assessment_id: str = "5a3b1e0c9d21",
    created: datetime = CURRENT,
    shift: int = 0,
    links: bool = False,
) -> Assessment:
    """A complete assessment of ``loaded``; ``shift`` lowers every level (an earlier quarter)."""
    answers: dict[str, Answer] = {}
    index = 0
    for d in loaded.questionnaire.dimensions:
        base = BASE_LEVEL.get(d.id, 3) - (shift if d.id in ("culture", "measurement") else 0)
        for j, q in enumerate(d.questions):
            level: int | None = max(1, min(5, base + OFFSETS[j % len(OFFSETS)]))
            if index in UNSURE_AT:
                level = None
            note = ""
            if index % 3 == 0:
                note = NOTES[lang][index // 3 % len(NOTES[lang])]
                if links and index % 9 == 0:
                    note += " https://wiki.example.com/payments/" + q.id
            votes: dict[str, int | None] = {}
            if index % 4 == 1:
                votes = {
                    p: (None if k == 3 and index % 8 == 1 else max(1, min(5, (level or 3) + k % 2)))
                    for k, p in enumerate(PARTICIPANTS)
                }
            answers[q.id] = Answer(level=level, note=note, votes=votes, updated=created)
            index += 1
    return Assessment(
        id=assessment_id,
        team=team or TEAM[lang],
        created=created,
        updated=created,
        facilitator="Mina Park",
        participants=list(PARTICIPANTS),
        questionnaire=QuestionnaireRef(id=loaded.id, version=loaded.version),
        language=lang,
        status="complete",
        answers=answers,
        dora=(
            DoraInputs(
                deployment_frequency="2/week",
                lead_time="3d",
                change_failure_rate="12%",
                time_to_restore="6h",
                rework_rate="8%",
            )
            if shift == 0
            else DoraInputs(
                deployment_frequency="monthly",
                lead_time="2w",
                change_failure_rate="18%",
                time_to_restore="2d",
            )
        ),
    )


def populate(
    workspace: Workspace, loaded: LoadedQuestionnaire, *, lang: str = "en", links: bool = False
) -> tuple[str, str]:
    """Add the earlier and the current sample assessment; returns (current id, earlier id)."""
    earlier = sample_assessment(
        loaded, lang=lang, assessment_id="0e1a2b3c4d5e", created=EARLIER, shift=1
    )
    current = sample_assessment(loaded, lang=lang, links=links)
    workspace.import_document(earlier, loaded)
    workspace.import_document(current, loaded)
    return current.id, earlier.id
