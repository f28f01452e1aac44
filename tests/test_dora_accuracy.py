"""Issue 11 items 1-5: DORA classification an expert can defend.

Nearest-published-value change failure bounds (a property over every benchmark), one meaning
of "on demand", no false optimism flag, the historical status of tiers, Quick Check figures.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from maturity import dora
from maturity.errors import MaturityError

BENCHMARKS = dora.benchmark_ids()


def test_every_benchmark_is_offered() -> None:
    assert BENCHMARKS == ["2019", "2021", "2022", "2023", "2024", "devlake-2023"]
    assert dora.benchmark("devlake-2023").publisher == "Apache DevLake"
    assert dora.benchmark(" DevLake-2023 ").id == "devlake-2023"
    assert dora.stored_benchmark("2024") == 2024
    assert dora.stored_benchmark("devlake-2023") == "devlake-2023"
    with pytest.raises(MaturityError, match=r"available: 2019, .*, 2024, devlake-2023"):
        dora.benchmark_key("devlake-2021")


# --- 1. change failure rate: never a tier whose published value is further away -------------


def _published_band(text: str) -> tuple[float, float]:
    """'5%' -> (5, 5); '0-15%', '16%-30%' -> the band; '> 15%' -> (15, 100)."""
    t = text.replace("%", "").replace(" ", "")
    if t.startswith(">"):
        return float(t[1:]), 100.0
    if m := re.fullmatch(r"(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)", t):
        return float(m.group(1)), float(m.group(2))
    return float(t), float(t)


def _reference_bands(key: str) -> dict[str, tuple[float, float]]:
    """Each tier's published change failure value. Where every tier publishes a single median,
    the medians are taken in sorted order (2024 publishes High 20 % and Medium 10 %, inverted;
    a tier scale cannot reward a worse rate), as the benchmark file's decision says."""
    b = dora.benchmark(key)
    bands: dict[str, tuple[float, float]] = {
        t: _published_band(b.published["change_failure_rate"][t]) for t in b.tiers
    }
    if all(lo == hi for lo, hi in bands.values()):
        ordered = sorted(bands.values())
        bands = dict(zip(b.tiers, ordered, strict=True))
    return bands


def _distance(value: float, band: tuple[float, float]) -> float:
    lo, hi = band
    return max(lo - value, 0.0, value - hi)


@pytest.mark.parametrize("key", BENCHMARKS)
@given(rate=st.floats(min_value=0, max_value=100, allow_nan=False))
def test_cfr_tier_is_never_further_than_another_tiers_published_value(
    key: str, rate: float
) -> None:
    bands = _reference_bands(key)
    tier = dora.benchmark(key).classify("change_failure_rate", rate)
    nearest = min(_distance(rate, band) for band in bands.values())
    assert _distance(rate, bands[tier]) <= nearest + 1e-9, (key, rate, tier, bands)


def test_inverted_2024_medians_are_read_in_sorted_order() -> None:
    assert _reference_bands("2024") == {
        "elite": (5, 5), "high": (10, 10), "medium": (20, 20), "low": (40, 40),
    }  # fmt: skip
    b = dora.benchmark(2024)
    assert b.published["change_failure_rate"]["high"] == "20%"
    assert b.published["change_failure_rate"]["medium"] == "10%"
    note = b.notes["change_failure_rate"]
    assert isinstance(note, dict) and "High 20% and Medium 10% (inverted)" in note["en"]


def test_quick_check_bucket_16_to_30_is_medium_not_low() -> None:
    for key in ("2023", "2024"):
        parsed = dora.parse_metric("change_failure_rate", "16–30%")
        assert dora.benchmark(key).classify("change_failure_rate", parsed.value) == "medium"


@pytest.mark.parametrize("key", BENCHMARKS)
def test_every_decision_names_the_rule(key: str) -> None:
    decisions = " ".join(dora.benchmark(key).decisions)
    assert "Change failure rate" in decisions or "change failure" in decisions
    assert "on demand" in decisions.lower() or "on-demand" in decisions.lower()


# --- 2. on demand means one thing ---------------------------------------------------------

MANY_TIMES_EVERY_WORKING_DAY = [
    "100/week",
    "20/day",
    "5 days/week",
    "5 deploy days/week",
    "on demand",
]


@pytest.mark.parametrize("key", BENCHMARKS)
@pytest.mark.parametrize("text", MANY_TIMES_EVERY_WORKING_DAY)
def test_deploying_many_times_every_working_day_is_the_top_tier(key: str, text: str) -> None:
    b = dora.benchmark(key)
    parsed = dora.parse_metric("deployment_frequency", text)
    tier = b.classify("deployment_frequency", parsed.value)
    assert tier == b.tiers[0]
    if "elite" in b.tiers:
        assert tier == "elite"
    assert dora.quickcheck_answer(parsed) == 6
    assert dora.quickcheck_score(parsed) == 10.0


@pytest.mark.parametrize(
    ("text", "days", "per_day"),
    [
        ("5 days/week", 5, dora.ON_DEMAND_PER_DAY), ("3 deploy days/week", 3, dora.ON_DEMAND_PER_DAY),
        ("3 deployment days per week", 3, dora.ON_DEMAND_PER_DAY),
        ("2 days a week", 2, 2 / 7), ("1 day/week", 1, 1 / 7),
        ("4 days/month", 4 * 7 / (730 / 24), 4 / (730 / 24)),
    ],
)  # fmt: skip
def test_deployment_days_are_read_the_devlake_way(text: str, days: float, per_day: float) -> None:
    p = dora.parse_metric("deployment_frequency", text)
    assert p.deploy_days == pytest.approx(days)
    assert p.value == pytest.approx(per_day)


@pytest.mark.parametrize("text", ["8 days/week", "32 days/month", "3 days/decade"])
def test_impossible_deployment_days_are_refused(text: str) -> None:
    with pytest.raises(MaturityError, match="deployment_frequency: cannot read"):
        dora.parse_metric("deployment_frequency", text)


def test_five_a_week_is_one_deployment_a_day_not_on_demand() -> None:
    """The trap the issue describes: typing deployment days as deployments."""
    p = dora.parse_metric("deployment_frequency", "5/week")
    assert dora.benchmark(2024).classify("deployment_frequency", p.value) == "high"
    assert dora.quickcheck_answer(p) == 5


def test_every_text_gives_the_same_meaning_of_on_demand() -> None:
    help_en = dora.metric_definitions()["deployment_frequency"].help
    assert isinstance(help_en, dict)
    assert "more than one deployment a day" in help_en["en"]
    assert "5 days/week" in help_en["en"] and "three or more deployment days" in help_en["en"]
    assert "5 days/week" in help_en["ko"] and "3일 이상" in help_en["ko"]
    qc = " ".join(dora.quickcheck_reference().decisions)
    assert "more than one deployment a day" in qc and "three deployment days" in qc
    assert "twice a day" not in qc
    for key in BENCHMARKS:
        text = " ".join(dora.benchmark(key).decisions)
        assert "more than one deployment a day" in text, key
        assert "three" in text and "deployment days" in text, key
        assert "once a day counts as on demand" not in text, key


# --- 3. no false optimism flag -------------------------------------------------------------

PERFECT = [
    {"deployment_frequency": "on demand", "lead_time": "30m", "change_failure_rate": "0%", "time_to_restore": "10m"},
    {"deployment_frequency": "5 days/week", "lead_time": "45m", "change_failure_rate": "2%", "time_to_restore": "30m"},
    {"deployment_frequency": "bucket 6", "lead_time": "bucket 6", "change_failure_rate": "0–5%", "time_to_restore": "bucket 6", "rework_rate": "0%"},
]  # fmt: skip


@pytest.mark.parametrize("key", BENCHMARKS)
@pytest.mark.parametrize("inputs", PERFECT)
def test_perfect_metrics_and_perfect_answers_never_raise_the_flag(
    key: str, inputs: dict[str, str]
) -> None:
    r = dora.classify(inputs, key, calms_score=5.0)
    assert r.overall == dora.benchmark(key).tiers[0]
    assert r.implied_band == (4, 5)
    assert r.optimistic_flag is False


@given(calms=st.floats(min_value=1.0, max_value=5.0), key=st.sampled_from(BENCHMARKS))
def test_top_tier_never_flags_any_calms_score(calms: float, key: str) -> None:
    assert dora.classify(PERFECT[0], key, calms_score=calms).optimistic_flag is False


def test_2022_high_is_the_top_band_but_2024_high_is_not() -> None:
    assert dora.implied_band("high", dora.benchmark(2022).tiers) == (4, 5)
    assert dora.implied_band("high", dora.benchmark(2024).tiers) == (3, 4)
    assert dora.implied_band("medium", dora.benchmark(2022).tiers) == (2, 3)


# --- 4. tiers are historical, 2025 profiles ----------------------------------------------


def test_results_say_tiers_are_historical_and_which_table() -> None:
    r = dora.classify(PERFECT[0], "devlake-2023")
    assert (r.benchmark, r.benchmark_id) == (2023, "devlake-2023")
    assert r.benchmark_label == "Apache DevLake (DORA 2023)"
    assert r.tiers_historical is True and r.tiers_last_published == 2024
    d = dora.classify(PERFECT[0]).model_dump(mode="json")
    # the documented keys keep their names and types; new ones are added
    assert isinstance(d["benchmark"], int) and d["benchmark"] == 2024
    assert {"overall", "metrics", "optimistic_flag", "quickcheck"} <= set(d)
    assert d["benchmark_id"] == "2024" and d["tiers_last_published"] == 2024


def test_2025_research_lists_seven_profiles_with_a_source() -> None:
    r = dora.research_2025()
    assert len(r.profiles) == 7 and r.tiers_last_published == 2024
    assert "dora.dev/research/2025" in r.source
    assert isinstance(r.summary, dict)
    assert "seven team profiles" in r.summary["en"] and "일곱" in r.summary["ko"]
    assert "places no team" in r.summary["en"]


# --- 5. Quick Check figures ----------------------------------------------------------------


def test_overall_performance_mean_is_recomputed_from_inverted_means() -> None:
    m = dora.quickcheck_reference().all_industries_mean
    five = [m[k] for k in dora.ALL_METRICS]
    assert m["performance"] == round(sum(five) / 5, 1) == 6.7
    assert m["change_failure_rate"] == 10 - 1.9 and m["rework_rate"] == 10 - 2.2


def test_cluster_shares_are_filled_with_a_source() -> None:
    expected = {
        "2019": {"elite": "20%", "high": "23%", "medium": "44%", "low": "12%"},
        "2021": {"elite": "26%", "high": "40%", "medium": "28%", "low": "7%"},
        "2023": {"elite": "18%", "high": "31%", "medium": "33%", "low": "18%"},
        "2022": {"low": "19%"},
        "2024": {"elite": "< 20%"},
    }
    for key, shares in expected.items():
        b = dora.benchmark(key)
        assert b.cluster_share == shares
        assert b.cluster_share_source


def test_2021_cfr_split_is_labelled_as_devlakes() -> None:
    b = dora.benchmark(2021)
    notes = {r.tier: r.note for r in b.boundaries["change_failure_rate"]}
    assert notes["high"] == notes["medium"] == "DevLake"
    assert any("Apache DevLake's adaptation" in d and "not DORA's" in d for d in b.decisions)


@pytest.mark.parametrize("key", BENCHMARKS)
def test_every_answer_at_level_5_with_perfect_metrics_is_not_flagged(
    key: str, tmp_path: Path
) -> None:
    """Through the whole evaluation: the built-in questionnaire answered 5 everywhere."""
    from maturity import questionnaire as qmod
    from maturity.model.assessment import Answer, DoraInputs
    from maturity.store import open_store
    from maturity.workspace import Workspace

    loaded = qmod.builtin("calms")
    answers = {q: Answer(level=5) for q in loaded.questionnaire.question_ids()}
    ws = Workspace(open_store(tmp_path / "s.db", create=True))
    a = ws.create(
        "Best",
        loaded,
        answers=answers,
        dora=DoraInputs(**PERFECT[1], benchmark=dora.stored_benchmark(key)),
    )
    r = ws.results(a.id)
    assert r.overall.score == 5.0 and r.dora is not None
    assert r.dora.benchmark_id == key and r.dora.overall == dora.benchmark(key).tiers[0]
    assert r.dora.optimistic_flag is False
    ws.store.close()
