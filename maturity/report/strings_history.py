"""The words of the comparison, trend and portfolio reports in English and Korean.

They extend :mod:`maturity.report.strings` (cover, tiers, levels, progress stages are shared and
stay there) instead of being added to it, so the single-assessment report's table stays the one
its own tests check, and both languages of these reports still sit side by side here: a test
checks that Korean has every key English has. :func:`history_strings` merges the two tables.
"""

from __future__ import annotations

from typing import Final

from maturity.catalogue import LANGUAGES, Catalogue, merged
from maturity.report import strings as report_strings

TEXTS: Final[Catalogue] = Catalogue(
    {
        # documents
        "compare_title": {"en": "DevOps maturity comparison", "ko": "데브옵스 성숙도 비교 보고서"},
        "compare_subject": {
            "en": "Two CALMS maturity self-assessments compared, with DORA delivery metrics",
            "ko": "DORA 딜리버리 지표를 포함한 두 CALMS 성숙도 자가 진단의 비교",
        },
        "trend_title": {"en": "DevOps maturity trend", "ko": "데브옵스 성숙도 추이 보고서"},
        "trend_subject": {
            "en": "A team's CALMS maturity and DORA tier over time",
            "ko": "한 팀의 CALMS 성숙도와 DORA 등급의 시간에 따른 변화",
        },
        "portfolio_title": {"en": "DevOps maturity portfolio", "ko": "데브옵스 성숙도 포트폴리오"},
        "portfolio_subject": {
            "en": "The latest CALMS maturity levels and DORA tiers of every team",
            "ko": "모든 팀의 최신 CALMS 성숙도 레벨과 DORA 등급",
        },
        "portfolio_team": {"en": "All teams", "ko": "전체 팀"},
        "stage_loading_many": {"en": "loading the assessments", "ko": "진단 불러오는 중"},
        # shared
        "date": {"en": "Date", "ko": "날짜"},
        "team": {"en": "Team", "ko": "팀"},
        "teams": {"en": "Teams", "ko": "팀 수"},
        "score_line": {
            "en": "score {a} → {b} of 5 ({delta})",
            "ko": "5점 만점에 {a}점 → {b}점 ({delta})",
        },
        "assessments": {"en": "Assessments", "ko": "진단"},
        "delta": {"en": "Change", "ko": "변화"},
        "gone": {"en": "not measured", "ko": "측정 안 함"},
        "changed": {"en": "changed", "ko": "바뀜"},
        "none_short": {"en": "None.", "ko": "없음."},
        "level_change": {"en": "Level", "ko": "레벨"},
        "score_change": {"en": "Score", "ko": "점수"},
        "from_to": {"en": "{a} → {b}", "ko": "{a} → {b}"},
        "level_name": {"en": "level {level} ({name})", "ko": "레벨 {level}({name})"},
        "no_level": {"en": "no level", "ko": "레벨 없음"},
        "no_tier_short": {"en": "no tier", "ko": "등급 없음"},
        # comparison
        "cmp_side_a": {"en": "A", "ko": "A"},
        "cmp_side_b": {"en": "B", "ko": "B"},
        "cmp_fact_a": {"en": "A (compared from)", "ko": "A (비교 기준)"},
        "cmp_fact_b": {"en": "B (compared to)", "ko": "B (비교 대상)"},
        "cmp_fact_value": {
            "en": "{team} · {date} · {questionnaire} · {id}",
            "ko": "{team} · {date} · {questionnaire} · {id}",
        },
        "cmp_teams": {"en": "{a} → {b}", "ko": "{a} → {b}"},
        "cmp_overall_sentence": {
            "en": "The overall score went from {a} to {b} ({delta}): {la} → {lb}.",
            "ko": "전체 점수가 {a}에서 {b}로 바뀌었다 ({delta}): {la} → {lb}.",
        },
        "cmp_gain_sentence": {
            "en": "Largest gain: {title} ({delta}).",
            "ko": "가장 크게 오른 차원: {title} ({delta}).",
        },
        "cmp_drop_sentence": {
            "en": "Largest drop: {title} ({delta}).",
            "ko": "가장 크게 내린 차원: {title} ({delta}).",
        },
        "cmp_still_sentence": {
            "en": "No dimension score changed.",
            "ko": "점수가 바뀐 차원이 없다.",
        },
        "cmp_answers_sentence": {
            "en": "Answers or notes changed: {count}.",
            "ko": "바뀐 응답 또는 메모: {count}개.",
        },
        "cmp_unmatched_sentence": {
            "en": "Questions not in both questionnaire versions: {count} (listed, not dropped).",
            "ko": "두 설문 버전 중 한쪽에만 있는 질문: {count}개 (빠뜨리지 않고 아래에 적었다).",
        },
        "cmp_dora_sentence": {"en": "DORA tier: {a} → {b}.", "ko": "DORA 등급: {a} → {b}."},
        "cmp_recs_sentence": {
            "en": "Recommendations now done: {done}. New recommendations: {new}.",
            "ko": "이제 달성한 추천: {done}개. 새 추천: {new}개.",
        },
        "cmp_scores": {"en": "Scores and levels", "ko": "점수와 레벨"},
        "cmp_chart": {"en": "CALMS profile, A and B", "ko": "CALMS 프로필, A와 B"},
        "cmp_bars": {"en": "Score per dimension, A and B", "ko": "차원별 점수, A와 B"},
        "cmp_changed": {"en": "Answers that changed", "ko": "바뀐 응답"},
        "cmp_changed_intro": {
            "en": "Questions asked in both assessments whose answer or note changed, by dimension (A → B).",
            "ko": "두 진단 모두에서 물은 질문 가운데 응답이나 메모가 바뀐 것을 차원별로 보여 준다 (A → B).",
        },
        "cmp_no_changed": {"en": "No answer or note changed.", "ko": "바뀐 응답이나 메모가 없다."},
        "cmp_note": {"en": "Note", "ko": "메모"},
        "cmp_note_changed": {"en": "note changed", "ko": "메모 바뀜"},
        "cmp_unmatched": {
            "en": "Questions not in both questionnaire versions",
            "ko": "두 설문 버전 중 한쪽에만 있는 질문",
        },
        "cmp_unmatched_intro": {
            "en": "Questions are matched by id. These were asked on one side only, so there is no change to show; they are listed here with the answer given instead of being dropped.",
            "ko": "질문은 ID로 맞춘다. 아래 질문은 한쪽에서만 물었기 때문에 비교할 변화가 없다. 빠뜨리지 않고 받은 응답과 함께 적었다.",
        },
        "cmp_only_in": {
            "en": "Only in {side}: {questionnaire}",
            "ko": "{side}에만 있음: {questionnaire}",
        },
        "cmp_same_questions": {
            "en": "Both assessments asked the same questions.",
            "ko": "두 진단은 같은 질문을 물었다.",
        },
        "cmp_dora_none": {
            "en": "Neither assessment recorded DORA metrics.",
            "ko": "두 진단 모두 DORA 지표를 기록하지 않았다.",
        },
        "cmp_recs": {"en": "Recommendations", "ko": "추천 실천"},
        "cmp_done": {"en": "Now done", "ko": "이제 달성함"},
        "cmp_done_intro": {
            "en": "Recommended for A; in B the dimension has reached the practice's target level.",
            "ko": "A에 추천했던 실천 가운데 B에서 해당 차원이 목표 레벨에 이른 것.",
        },
        "cmp_new": {"en": "New", "ko": "새 추천"},
        "cmp_new_intro": {
            "en": "Recommended for B and not for A.",
            "ko": "B에 추천하고 A에는 추천하지 않았던 실천.",
        },
        # trend
        "trend_points_sentence": {
            "en": "{count} assessments from {first} to {last}.",
            "ko": "{first}부터 {last}까지 {count}번의 진단.",
        },
        "trend_overall_sentence": {
            "en": "Overall score {a} → {b} ({delta}); {la} → {lb}.",
            "ko": "전체 점수 {a} → {b} ({delta}); {la} → {lb}.",
        },
        "trend_since_sentence": {
            "en": "Since the first assessment: {items}.",
            "ko": "첫 진단 이후의 변화: {items}.",
        },
        "trend_dora_sentence": {
            "en": "DORA tier, first to latest: {a} → {b}.",
            "ko": "DORA 등급, 처음 → 최신: {a} → {b}.",
        },
        "trend_dora_each_sentence": {
            "en": "DORA tier of each assessment, oldest first: {items}.",
            "ko": "진단별 DORA 등급, 오래된 순: {items}.",
        },
        "trend_chart": {
            "en": "Score per dimension over time, and the DORA tier",
            "ko": "시간에 따른 차원별 점수와 DORA 등급",
        },
        "trend_chart_note": {
            "en": "Each dimension has its own line pattern and marker and is named at the end of its line; points are placed by date. The lower panel shows each assessment's overall DORA tier (– where fewer than three metrics were recorded).",
            "ko": "차원마다 선 모양과 표식이 다르고 선 끝에 이름을 적었다. 점은 날짜에 따라 놓인다. 아래 칸은 각 진단의 전체 DORA 등급이다 (지표가 세 개 미만이면 –).",
        },
        "trend_axis": {"en": "Score", "ko": "점수"},
        "trend_points": {"en": "Every assessment", "ko": "모든 진단"},
        "trend_points_intro": {
            "en": "Score and (level) per dimension, oldest first.",
            "ko": "차원별 점수와 (레벨), 오래된 순.",
        },
        "trend_since_first": {
            "en": "Change since the first assessment",
            "ko": "첫 진단 이후의 변화",
        },
        # portfolio
        "pf_teams_sentence": {
            "en": "Teams: {count}. Their latest assessments are dated {first} to {last}.",
            "ko": "{count}개 팀. 최신 진단 날짜는 {first}부터 {last}까지다.",
        },
        "pf_weakest_sentence": {
            "en": "Organisation-wide weakest dimension: {title}, with a mean score of {score} across the teams.",
            "ko": "조직 전체에서 가장 약한 차원: {title}, 팀 평균 점수 {score}.",
        },
        "pf_strongest_sentence": {
            "en": "Strongest: {title} ({score}).",
            "ko": "가장 강한 차원: {title} ({score}).",
        },
        "pf_stale_sentence": {
            "en": "Teams last assessed more than {days} days ago: {count}, marked ◇ {stale}.",
            "ko": "{count}개 팀은 마지막 진단이 {days}일보다 오래되어 ◇ {stale}로 표시했다.",
        },
        "pf_fresh_sentence": {
            "en": "Every team was assessed in the last {days} days.",
            "ko": "모든 팀이 최근 {days}일 안에 진단했다.",
        },
        "pf_dora_sentence": {
            "en": "Overall DORA tiers: {items}.",
            "ko": "전체 DORA 등급: {items}.",
        },
        "pf_weakest": {"en": "Weakest dimension", "ko": "가장 약한 차원"},
        "pf_heatmap": {"en": "Latest level per team and dimension", "ko": "팀과 차원별 최신 레벨"},
        "pf_heatmap_intro": {
            "en": "Each cell shows the level of the team's latest assessment (as a number and as filled dots), with its score below; darker cells are higher levels, – means not enough answers. ▼ marks the organisation-wide weakest dimension.",
            "ko": "각 칸은 팀의 최신 진단에서 받은 레벨(숫자와 채운 점)과 그 아래 점수를 보여 준다. 칸이 진할수록 레벨이 높고, –는 응답 부족이다. ▼는 조직 전체에서 가장 약한 차원이다.",
        },
        "pf_chart": {
            "en": "Mean score per dimension across the teams",
            "ko": "팀 전체의 차원별 평균 점수",
        },
        "pf_latest": {"en": "Latest", "ko": "최신 진단"},
        "pf_dates": {"en": "Latest assessments", "ko": "최신 진단 날짜"},
        "pf_stale_teams": {"en": "Stale (over {days} days)", "ko": "오래됨 ({days}일 넘음)"},
        "pf_stale": {"en": "stale", "ko": "오래됨"},
        "pf_overall": {"en": "Overall", "ko": "전체"},
        "pf_mean": {"en": "Mean score", "ko": "평균 점수"},
        "pf_weakest_mark": {"en": "weakest", "ko": "가장 약함"},
        "pf_no_teams": {
            "en": "There are no teams in this store yet.",
            "ko": "이 저장소에는 아직 팀이 없다.",
        },
    }
)
"""These reports' own words: key -> {language: text}."""

# The shared report words plus these; a key defined in both is an error at import.
_ALL: Final[Catalogue] = merged(report_strings.TEXTS, TEXTS)
_TABLES: Final[dict[str, dict[str, str]]] = {lang: _ALL.table(lang) for lang in LANGUAGES}
EN: Final[dict[str, str]] = TEXTS.texts("en")
KO: Final[dict[str, str]] = TEXTS.texts("ko")  # as written: a test compares its keys with EN's


def history_strings(lang: str) -> dict[str, str]:
    """The shared report words plus these, in ``lang`` (English fills any gap)."""
    return dict(_TABLES.get(lang) or _TABLES["en"])
