"""Turn an assessment into results: CALMS scores, DORA tiers and the roadmap."""

from __future__ import annotations

from maturity import dora as dora_mod
from maturity import recommend, scoring, voting
from maturity.measure import assess
from maturity.model.assessment import Assessment
from maturity.model.results import QuestionnaireInfo, Results
from maturity.questionnaire import LoadedQuestionnaire


def evaluate(
    assessment: Assessment,
    loaded: LoadedQuestionnaire,
    lang: str | None = None,
    benchmark_year: int | str | None = None,
    *,
    roadmap: bool = True,
) -> Results:
    """Everything ``maturity show`` and the reports need, computed from the document alone.

    ``roadmap=False`` skips the recommendations, for views (the portfolio) that show only levels.
    """
    lang = lang or assessment.language
    q = loaded.questionnaire
    levels = assessment.levels()
    scored = scoring.score(q, levels, lang)
    inputs = assessment.dora.given()
    year = benchmark_year or assessment.dora.benchmark
    calms = scored.overall.score
    dora = dora_mod.classify(inputs, year, calms_score=calms) if inputs else None
    measured = None
    effective = dora
    if assessment.measured is not None:
        measured = assess.view(inputs, dora, assessment.measured, year, calms)
        # Per metric the measured value replaces the self-reported one; the "answers may be
        # optimistic" flag and the roadmap follow the data, not what the team said.
        effective = measured.effective
        if dora is not None:
            dora = dora.model_copy(update={"optimistic_flag": effective.optimistic_flag})
    return Results(
        id=assessment.id,
        team=assessment.team,
        questionnaire=QuestionnaireInfo(id=q.id, version=q.version),
        overall=scored.overall,
        dimensions=scored.dimensions,
        dora=dora,
        measured=measured,
        recommendations=(
            recommend.roadmap(loaded.practices, scored.dimensions, levels, effective, lang)
            if roadmap
            else []
        ),
        disagreement=voting.disagreement(q, assessment.answers),
    )
