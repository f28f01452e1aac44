"""Scoring: hand-computed examples, then properties that must hold for every input."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from maturity import questionnaire as qmod
from maturity.model.questionnaire import Questionnaire
from maturity.model.results import DimensionResult, ScoreResult
from maturity.scoring import score

MINI = qmod.load_file(Path(__file__).parent / "data" / "mini.yaml").questionnaire
QIDS = MINI.question_ids()


def dims(result: ScoreResult) -> dict[str, DimensionResult]:
    return {d.id: d for d in result.dimensions}


def test_weighted_mean_floor_and_overall() -> None:
    # alpha = (2*3 + 4 + 2) / 4 = 3.0; beta = (4 + 5) / 2 = 4.5; overall = (3.0 + 2*4.5) / 3 = 4.0
    r = score(
        MINI, {"alpha.one": 3, "alpha.two": 4, "alpha.three": 2, "beta.one": 4, "beta.two": 5}
    )
    d = dims(r)
    assert (d["alpha"].score, d["alpha"].level, d["alpha"].coverage) == (3.0, 3, 1.0)
    assert (d["beta"].score, d["beta"].level) == (4.5, 4)
    assert (r.overall.score, r.overall.level, r.overall.level_name) == (4.0, 4, "Managed")
    assert r.overall.capped_by is None and not r.overall.partial


def test_overall_capped_at_weakest_plus_one() -> None:
    # alpha = (2*1 + 2 + 1) / 4 = 1.25 -> 1; beta = 5.0; mean = (1.25 + 10) / 3 = 3.75 -> 3, cap 1 + 1 = 2
    r = score(
        MINI, {"alpha.one": 1, "alpha.two": 2, "alpha.three": 1, "beta.one": 5, "beta.two": 5}
    )
    assert dims(r)["alpha"].level == 1
    assert r.overall.score == 3.75
    assert r.overall.level == 2
    assert r.overall.capped_by == "alpha"


def test_not_sure_is_excluded_and_coverage_rule() -> None:
    # alpha.one (weight 2 of 4) not sure: coverage 0.5 < 0.6 -> not enough answers, score still 4.0
    r = score(
        MINI, {"alpha.one": None, "alpha.two": 4, "alpha.three": 4, "beta.one": 4, "beta.two": 5}
    )
    a = dims(r)["alpha"]
    assert (a.score, a.level, a.coverage, a.unsure, a.answered) == (4.0, None, 0.5, 1, 2)
    assert r.overall.level is None and r.overall.partial
    assert r.overall.score == pytest.approx(13 / 3, abs=1e-4)


def test_coverage_threshold_is_inclusive_at_sixty_percent() -> None:
    # beta has two equal questions: one answered = 50 % (not enough); alpha: 3 of 4 weight = 75 %
    r = score(MINI, {"alpha.one": 3, "alpha.two": 3, "beta.one": 2})
    assert dims(r)["alpha"].level == 3
    assert dims(r)["beta"].level is None


def test_sixty_percent_exactly_is_enough() -> None:
    q = _flat_questionnaire([3, 2])  # weights 3 and 2: answering the first covers exactly 60 %
    r = score(q, {"d.q0": 4})
    assert dims(r)["d"].coverage == 0.6
    assert dims(r)["d"].level == 4


def test_held_back_by_names_questions_below_next_level() -> None:
    r = score(
        MINI, {"alpha.one": 3, "alpha.two": 4, "alpha.three": 2, "beta.one": 4, "beta.two": 5}
    )
    a = dims(r)["alpha"]
    assert a.next_level == 4 and a.distance_to_next == 1.0
    assert [(h.question, h.level, h.gap) for h in a.held_back_by] == [
        ("alpha.three", 2, 2),
        ("alpha.one", 3, 1),
    ]
    b = dims(r)["beta"]
    assert [h.question for h in b.held_back_by] == ["beta.one"]
    assert b.distance_to_next == 0.5


def test_level_five_has_nothing_holding_it_back() -> None:
    r = score(MINI, dict.fromkeys(QIDS, 5))
    assert r.overall.level == 5
    assert all(d.next_level is None and d.held_back_by == [] for d in r.dimensions)


def test_no_answers() -> None:
    r = score(MINI, {})
    assert r.overall.score is None and r.overall.level is None
    assert all(d.score is None and d.coverage == 0 for d in r.dimensions)


def test_float_noise_does_not_drop_a_level() -> None:
    # weights 0.1, 0.2, 0.7 with all answers 3: the float mean is 2.9999999999999996
    q = _flat_questionnaire([0.1, 0.2, 0.7])
    r = score(q, {"d.q0": 3, "d.q1": 3, "d.q2": 3})
    assert dims(r)["d"].level == 3


def _flat_questionnaire(weights: list[float]) -> Questionnaire:
    opts = [{"level": i, "text": f"option {i}"} for i in range(1, 6)]
    return Questionnaire.model_validate(
        {
            "schema": "maturity/questionnaire@1",
            "id": "flat",
            "version": "1",
            "title": "Flat",
            "levels": {i: f"L{i}" for i in range(1, 6)},
            "dimensions": [
                {
                    "id": "d",
                    "title": "D",
                    "descriptors": {i: f"d{i}" for i in range(1, 6)},
                    "questions": [
                        {
                            "id": f"d.q{i}",
                            "text": "q",
                            "help": "h",
                            "weight": w,
                            "source": "s",
                            "options": opts,
                        }
                        for i, w in enumerate(weights)
                    ],
                }
            ],
        }
    )


# --- properties ------------------------------------------------------------------------------

answer = st.one_of(st.none(), st.integers(min_value=1, max_value=5))
answers = st.dictionaries(st.sampled_from(QIDS), answer)


@given(answers)
def test_bounded(levels: dict[str, int | None]) -> None:
    r = score(MINI, levels)
    for d in r.dimensions:
        assert d.score is None or 1.0 <= d.score <= 5.0
        assert d.level is None or 1 <= d.level <= 5
        assert 0.0 <= d.coverage <= 1.0
    assert r.overall.score is None or 1.0 <= r.overall.score <= 5.0
    assert r.overall.level is None or 1 <= r.overall.level <= 5


@given(answers, st.sampled_from(QIDS), st.integers(min_value=1, max_value=4))
@settings(max_examples=300)
def test_monotone(levels: dict[str, int | None], qid: str, start: int) -> None:
    low = {**levels, qid: start}
    high = {**levels, qid: start + 1}
    a, b = score(MINI, low), score(MINI, high)
    for da, db in zip(a.dimensions, b.dimensions, strict=True):
        assert (db.score or 0) >= (da.score or 0)
        assert (db.level or 0) >= (da.level or 0)
    assert (b.overall.score or 0) >= (a.overall.score or 0)
    assert (b.overall.level or 0) >= (a.overall.level or 0)


@given(answers, st.randoms())
def test_order_independent_and_deterministic(
    levels: dict[str, int | None], rnd: random.Random
) -> None:
    items = list(levels.items())
    rnd.shuffle(items)
    assert score(MINI, dict(items)) == score(MINI, levels) == score(MINI, levels)
