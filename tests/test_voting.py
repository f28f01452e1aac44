"""The voting core: medians, spreads, distributions and anonymous keys, computed by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from maturity import questionnaire as qmod
from maturity.model.assessment import Answer
from maturity.voting import (
    DISCUSS_SPREAD,
    Voter,
    anonymised,
    check_name,
    disagreement,
    distribution,
    is_anonymised,
    median_down,
    needs_discussion,
    spread,
    tally,
)

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize(
    ("votes", "median"),
    [
        ([3], 3),
        ([3, 4], 3),  # 3.5 rounds down
        ([2, 4], 3),  # the mean of the middle two, not the lower one
        ([4, 5], 4),
        ([1, 2, 4, 5], 3),
        ([3, 4, 4, 3, 5], 4),  # "34435": sorted 3 3 4 4 5
        ([5, 1, 1], 1),
        ([1, 5], 3),
        ([2, 3, 5, 5], 4),
        ([3, None, 4], 3),  # "not sure" takes no part
        ([None, None], None),
        ([], None),
    ],
)
def test_median_is_rounded_down(votes: list[int | None], median: int | None) -> None:
    assert median_down(votes) == median


@pytest.mark.parametrize(
    ("votes", "width", "discuss"),
    [
        ([3], 0, False),
        ([3, 4], 1, False),
        ([3, 5], 2, True),
        ([3, 4, 4, 3, 5], 2, True),
        ([1, 5, None], 4, True),
        ([4, 4, 4], 0, False),
        ([None], None, False),
        ([], None, False),
    ],
)
def test_spread_and_discuss(votes: list[int | None], width: int | None, discuss: bool) -> None:
    assert spread(votes) == width
    assert needs_discussion(votes) is discuss
    assert DISCUSS_SPREAD == 2


def test_distribution_counts_every_level_and_not_sure() -> None:
    assert distribution([3, 4, 4, None, 1]) == {
        "1": 1,
        "2": 0,
        "3": 1,
        "4": 2,
        "5": 0,
        "unsure": 1,
    }
    t = tally([3, 4, 4, 3, 5, None])
    assert (t.count, t.median, t.spread, t.discuss, t.unsure) == (6, 4, 2, True, 1)


def test_anonymised_keeps_only_the_distribution() -> None:
    votes = anonymised([5, None, 2, 3])
    assert votes == {"#01": 2, "#02": 3, "#03": 5, "#04": None}
    assert is_anonymised(votes)
    assert not is_anonymised({"Mina": 3})
    # the order of the input (who voted first) leaves no trace
    assert anonymised([3, 2, None, 5]) == votes
    assert list(anonymised([1] * 12))[-1] == "#12"


def test_anonymous_voter_keys_are_per_question_and_unlinkable() -> None:
    a = Voter("Mina", anonymous=True)
    b = Voter("Mina", anonymous=True)
    k1, k2 = a.key("abcd1234", "q.one"), a.key("abcd1234", "q.two")
    assert k1 != k2  # one person's votes on two questions cannot be linked
    assert a.key("abcd1234", "q.one") == k1  # but the same process finds its own vote again
    assert b.key("abcd1234", "q.one") != k1  # another process (another secret) cannot
    assert "Mina" not in k1 and "Mina" not in repr(a)
    assert len(k1) == 24 and all(c in "0123456789abcdef" for c in k1)
    named = Voter("  Mina  Kim ", anonymous=False)
    assert named.key("abcd1234", "q.one") == "Mina Kim"


@pytest.mark.parametrize(
    ("name", "ok"),
    [("Mina", True), ("  ", False), ("x" * 61, False), ("#01", False), ("a" * 24, False)],
)
def test_check_name(name: str, ok: bool) -> None:
    assert (check_name(name) is None) is ok


def test_disagreement_widest_first_and_per_dimension() -> None:
    q = qmod.load_file(DATA / "mini.yaml").questionnaire
    answers = {
        "alpha.one": Answer(level=3, votes={"A": 2, "B": 5, "C": 3}),  # spread 3
        "alpha.two": Answer(level=4, votes={"A": 4, "B": 4}),  # spread 0
        "alpha.three": Answer(level=None, votes={"A": None}),  # nobody gave a level
        "beta.one": Answer(level=2, votes={"A": 1, "B": 3}),  # spread 2
        "beta.two": Answer(level=3),  # no votes
    }
    d = disagreement(q, answers)
    assert [(x.question, x.spread, x.median, x.discuss) for x in d.questions] == [
        ("alpha.one", 3, 3, True),
        ("beta.one", 2, 2, True),
        ("alpha.two", 0, 4, False),
    ]
    alpha, beta = d.dimensions
    assert (alpha.voted, alpha.mean_spread, alpha.max_spread, alpha.discuss) == (2, 1.5, 3, 1)
    assert (beta.voted, beta.mean_spread, beta.max_spread, beta.discuss) == (1, 2.0, 2, 1)
    assert d.questions[0].distribution["5"] == 1


@given(st.lists(st.one_of(st.none(), st.integers(1, 5)), max_size=20))
def test_median_and_spread_are_bounded(votes: list[int | None]) -> None:
    m, s = median_down(votes), spread(votes)
    levels = [v for v in votes if v is not None]
    if not levels:
        assert m is None and s is None
        return
    assert m is not None and s is not None
    assert min(levels) <= m <= max(levels)
    assert 0 <= s <= 4
    assert sum(distribution(votes).values()) == len(votes)
