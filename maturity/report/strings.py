"""The words of the report in English and Korean (what the questionnaire files do not say).

Kept in Python rather than in the templates so both languages sit side by side, a test can check
that Korean has every key English has, and the view builder can format sentences with numbers
before they reach Jinja2 (where they are escaped like any other text).
"""

from __future__ import annotations

from typing import Final

from maturity.catalogue import LANGUAGES, Catalogue
from maturity.dora import IMPLIED_BAND
from maturity.model.terms import TIERS, level_name, tier_name
from maturity.scoring import MIN_COVERAGE

_COVERAGE = f"{MIN_COVERAGE:.0%}"
_BANDS_EN = ", ".join(
    f"{tier_name(tier)} {lo}–{hi}" for tier, (lo, hi) in reversed(IMPLIED_BAND.items())
)
_BANDS_KO = ", ".join(
    f"{tier_name(tier, 'ko')} {lo}–{hi}" for tier, (lo, hi) in reversed(IMPLIED_BAND.items())
)

TEXTS: Final[Catalogue] = Catalogue(
    {
        # document
        "doc_title": {"en": "DevOps maturity report", "ko": "데브옵스 성숙도 보고서"},
        "doc_subject": {
            "en": "CALMS maturity self-assessment with DORA delivery metrics",
            "ko": "DORA 딜리버리 지표를 포함한 CALMS 성숙도 자가 진단",
        },
        "doc_keywords": {
            "en": "DevOps, maturity, CALMS, DORA",
            "ko": "데브옵스, 성숙도, CALMS, DORA",
        },
        "running_title": {"en": "DevOps maturity report", "ko": "데브옵스 성숙도 보고서"},
        "page_of": {"en": "Page {page} of {pages}", "ko": "{pages}쪽 중 {page}쪽"},
        "generator": {"en": "maturity", "ko": "maturity"},
        "contents": {"en": "Contents", "ko": "목차"},
        # progress stages (shown by the TUI while an export runs)
        "stage_loading": {"en": "loading the assessment", "ko": "진단 불러오는 중"},
        "stage_html": {"en": "rendering HTML", "ko": "HTML 만드는 중"},
        "stage_layout": {"en": "laying out pages", "ko": "쪽 배치 중"},
        "stage_layout_page": {"en": "laying out page {page}", "ko": "{page}쪽 배치 중"},
        "stage_drawing": {"en": "drawing {pages} pages", "ko": "{pages}쪽 그리는 중"},
        "stage_writing": {"en": "writing {name}", "ko": "{name} 쓰는 중"},
        "stage_done": {"en": "done", "ko": "완료"},
        # cover
        "cover_kicker": {"en": "DevOps maturity assessment", "ko": "데브옵스 성숙도 진단"},
        "assessed_on": {"en": "Assessed", "ko": "진단일"},
        "updated_on": {"en": "Last updated", "ko": "마지막 수정"},
        "generated_on": {"en": "Report generated", "ko": "보고서 생성"},
        "facilitator": {"en": "Facilitator", "ko": "진행자"},
        "participants": {"en": "Participants", "ko": "참여자"},
        "questionnaire": {"en": "Questionnaire", "ko": "설문"},
        "version": {"en": "version", "ko": "버전"},
        "assessment_id": {"en": "Assessment", "ko": "진단 ID"},
        "status": {"en": "Status", "ko": "상태"},
        "status_in_progress": {"en": "in progress", "ko": "진행 중"},
        "status_complete": {"en": "complete", "ko": "완료"},
        "overall_level": {"en": "Overall maturity", "ko": "전체 성숙도"},
        "level_n": {"en": "Level {level}", "ko": "레벨 {level}"},
        "not_enough": {"en": "Not enough answers", "ko": "응답 부족"},
        "not_enough_overall": {"en": "Not enough answers yet", "ko": "아직 응답이 부족함"},
        "partial_score": {"en": "partial score {score}", "ko": "부분 점수 {score}"},
        "score_of_5": {"en": "score {score} of 5", "ko": "5점 만점에 {score}점"},
        "none_given": {"en": "not recorded", "ko": "기록 없음"},
        # summary
        "summary": {"en": "Executive summary", "ko": "요약"},
        "what_it_means": {"en": "What this level means", "ko": "이 레벨의 의미"},
        "calms_profile": {"en": "CALMS profile", "ko": "CALMS 프로필"},
        "dora_tier": {"en": "DORA delivery performance", "ko": "DORA 딜리버리 성과"},
        "dora_none": {
            "en": "No DORA metrics were recorded for this assessment.",
            "ko": "이 진단에는 DORA 지표가 기록되지 않았다.",
        },
        "dora_overall_none": {
            "en": "Not enough metrics for an overall tier (three of the four are needed).",
            "ko": "전체 등급을 정하기에 지표가 부족하다 (네 개 중 세 개가 필요하다).",
        },
        "next_steps": {
            "en": "The three most important next steps",
            "ko": "가장 중요한 다음 단계 세 가지",
        },
        "no_steps": {
            "en": "No recommendations yet: answer more questions first.",
            "ko": "아직 추천할 실천이 없다. 먼저 질문에 더 답한다.",
        },
        "changes": {"en": "What changed since {date}", "ko": "{date} 이후 달라진 점"},
        "changes_other": {
            "en": "Compared with {team}, {date}",
            "ko": "{team}의 {date} 진단과 비교",
        },
        "no_change_data": {"en": "no earlier assessment", "ko": "이전 진단 없음"},
        "before": {"en": "Before", "ko": "이전"},
        "now": {"en": "Now", "ko": "현재"},
        "change": {"en": "Change", "ko": "변화"},
        "overall": {"en": "Overall", "ko": "전체"},
        "up": {"en": "up", "ko": "상승"},
        "down": {"en": "down", "ko": "하락"},
        "same": {"en": "no change", "ko": "변화 없음"},
        "new": {"en": "new", "ko": "새로 측정"},
        "overall_sentence": {
            "en": "The overall score is {score} out of 5 across {count} dimensions.",
            "ko": "{count}개 차원에 걸친 전체 점수는 5점 만점에 {score}점이다.",
        },
        "strongest_sentence": {
            "en": "Strongest: {title} ({score}). Weakest: {weakest} ({weakest_score}).",
            "ko": "가장 강한 차원: {title} ({score}). 가장 약한 차원: {weakest} ({weakest_score}).",
        },
        "capped_sentence": {
            "en": "The level is capped at one above the weakest dimension, {title}: a team is not rated higher while one dimension lags far behind.",
            "ko": "전체 레벨은 가장 약한 차원인 {title}의 레벨 + 1로 제한된다. 한 차원이 크게 뒤처져 있는 동안에는 팀을 더 높게 평가하지 않는다.",
        },
        "partial_sentence": {
            "en": "There is no overall level yet: fewer than {coverage} of the questions are answered in {titles}. The partial score is {score}.",
            "ko": "아직 전체 레벨이 없다. 다음 차원은 질문의 {coverage} 미만에만 답했다: {titles}. 부분 점수는 {score}이다.",
        },
        "no_answers_sentence": {
            "en": "No questions have been answered yet.",
            "ko": "아직 답한 질문이 없다.",
        },
        "seed_note": {
            "en": "Most organisations sit at levels 2–3; moving from 3 to 4 usually takes more cultural change than extra tooling.",
            "ko": "대부분의 조직은 레벨 2–3에 머문다. 레벨 3에서 4로 올라서려면 보통 도구를 더 들이는 것보다 문화를 바꾸는 일이 더 필요하다.",
        },
        "dora_sentence": {
            "en": "At least three of the four metrics reach this tier. Tiers are historical: DORA last published them in {year}.",
            "ko": "네 지표 중 적어도 세 개가 이 등급에 도달한다. 등급은 과거 기준이며 DORA는 {year}년에 마지막으로 발표했다.",
        },
        "optimistic": {
            "en": "The CALMS answers sit a whole level or more above the maturity band this DORA tier implies (levels {lo}–{hi}): the self-assessment may be optimistic.",
            "ko": "CALMS 응답이 이 DORA 등급이 뜻하는 성숙도 범위(레벨 {lo}–{hi})보다 한 레벨 이상 높다. 자가 진단이 낙관적일 수 있다.",
        },
        # dimensions
        "dimension": {"en": "Dimension", "ko": "차원"},
        "score": {"en": "Score", "ko": "점수"},
        "level": {"en": "Level", "ko": "레벨"},
        "coverage": {"en": "Coverage", "ko": "응답률"},
        "answered_of": {
            "en": "{answered} of {total} answered",
            "ko": "{total}개 중 {answered}개 응답",
        },
        "unsure_count": {"en": "{count} not sure", "ko": "잘 모름 {count}개"},
        "descriptor_now": {
            "en": "What level {level} ({name}) looks like",
            "ko": "레벨 {level}({name})의 모습",
        },
        "descriptor_next": {
            "en": "What level {level} ({name}) looks like",
            "ko": "레벨 {level}({name})의 모습",
        },
        "descriptor_none": {
            "en": "Not enough answers to place this dimension on a level: at least {coverage} of its questions (by weight) need an answer.",
            "ko": "이 차원의 레벨을 정하기에 응답이 부족하다. 질문(가중치 기준)의 {coverage} 이상에 답해야 한다.",
        },
        "strongest": {"en": "Strongest answers", "ko": "가장 강한 응답"},
        "weakest": {"en": "Weakest answers", "ko": "가장 약한 응답"},
        "held_back": {"en": "What holds it back", "ko": "발목을 잡는 것"},
        "held_back_sentence": {
            "en": "The score {score} is {distance} below level {level} ({name}). These answers sit below level {level}, lowest first:",
            "ko": "점수 {score}는 레벨 {level}({name})까지 {distance} 남았다. 레벨 {level}보다 낮은 응답은 다음과 같다 (낮은 순):",
        },
        "held_back_top": {
            "en": "Level 5 is the top of the scale: nothing holds this dimension back.",
            "ko": "레벨 5는 척도의 최고점이다. 이 차원의 발목을 잡는 것은 없다.",
        },
        "held_back_none": {
            "en": "No answered question sits below the next level.",
            "ko": "다음 레벨보다 낮은 응답이 없다.",
        },
        "levels_below": {"en": "{gap} below", "ko": "{gap}단계 아래"},
        "notes": {"en": "Team notes and evidence", "ko": "팀 메모와 근거"},
        "no_notes": {
            "en": "No notes were recorded for this dimension.",
            "ko": "이 차원에는 기록된 메모가 없다.",
        },
        "note_cut": {
            "en": "(shortened; the full note is in the appendix)",
            "ko": "(줄임: 메모 전문은 부록에 있다)",
        },
        "evidence": {"en": "Evidence", "ko": "근거"},
        "practices": {"en": "Recommended practices", "ko": "추천 실천"},
        "no_practices": {
            "en": "No practices recommended for this dimension right now.",
            "ko": "지금 이 차원에 추천할 실천이 없다.",
        },
        "why": {"en": "Why", "ko": "이유"},
        "first_steps": {"en": "First steps", "ko": "첫 단계"},
        "effort": {"en": "Effort", "ko": "작업량"},
        "moves": {"en": "Moves", "ko": "주로 움직이는 지표"},
        "target_level": {
            "en": "towards level {level} ({name})",
            "ko": "목표: 레벨 {level}({name})",
        },
        "answer_level": {"en": "level {level}", "ko": "레벨 {level}"},
        # DORA
        "dora": {"en": "DORA delivery metrics", "ko": "DORA 딜리버리 지표"},
        "dora_intro": {
            "en": "Each metric as the team gave it, first as a DORA Quick Check score from 0 to 10 against DORA's 2025 all-industries mean, then as a tier against the {bench} benchmark.",
            "ko": "팀이 답한 각 지표를 먼저 DORA 2025년 전 산업 평균과 비교한 0–10점 Quick Check 점수로, 이어서 {bench} 벤치마크 기준 등급으로 보여 준다.",
        },
        "tier_against": {
            "en": "Tier against the {bench} benchmark",
            "ko": "{bench} 벤치마크 기준 등급",
        },
        "tiers_historical": {
            "en": "Tiers are historical: DORA last published them in {year}, and the 2025 report publishes none. They remain a useful yardstick; the Quick Check scores above are DORA's current comparison.",
            "ko": "등급은 과거 기준이다. DORA는 {year}년에 마지막으로 등급을 발표했고 2025년 보고서에는 등급이 없다. 등급은 여전히 쓸모 있는 잣대이지만, DORA가 지금 쓰는 비교는 위의 Quick Check 점수다.",
        },
        "profiles_heading": {
            "en": "DORA 2025: team profiles instead of tiers",
            "ko": "DORA 2025: 등급 대신 팀 프로필",
        },
        "qc_box_label": {"en": "DORA Quick Check score", "ko": "DORA Quick Check 점수"},
        "cluster_share": {"en": "Share of respondents", "ko": "응답자 비율"},
        "metric": {"en": "Metric", "ko": "지표"},
        "input": {"en": "Team's answer", "ko": "팀의 답"},
        "tier": {"en": "Tier", "ko": "등급"},
        "quickcheck": {"en": "Quick Check", "ko": "Quick Check"},
        "industry_mean": {"en": "All-industries mean", "ko": "전 산업 평균"},
        "benchmark_table": {
            "en": "Benchmark {bench}: published bands",
            "ko": "{bench} 벤치마크: 공개된 구간",
        },
        "benchmark_rules": {
            "en": "Grey line in each band: the boundary used for classification (≥ at least, > more than, ≤ at most, < less than; 'DevLake' marks Apache DevLake's split, not DORA's)",
            "ko": "각 구간의 회색 줄: 분류에 쓴 경계 (≥ 이상, > 초과, ≤ 이하, < 미만. 'DevLake'는 DORA가 아니라 Apache DevLake가 나눈 구간)",
        },
        "tier_chart": {
            "en": "Each metric's tier against the {bench} benchmark",
            "ko": "{bench} 벤치마크 기준 각 지표의 등급",
        },
        "source": {"en": "Source", "ko": "출처"},
        "decisions": {
            "en": "How overlapping published bands were resolved",
            "ko": "공개된 구간이 겹치는 부분을 정리한 방법",
        },
        "qc_heading": {"en": "Quick Check scores (0–10)", "ko": "Quick Check 점수 (0–10)"},
        "qc_throughput": {"en": "Throughput", "ko": "처리량"},
        "qc_stability": {"en": "Stability", "ko": "안정성"},
        "qc_source": {"en": "Quick Check reference: {source}", "ko": "Quick Check 기준: {source}"},
        "qc_overall_mean_note": {
            "en": "The overall mean shown is the mean of the published means of the same metrics, with change failure and rework rates inverted (higher is better); for all five metrics it is DORA's overall all-industries figure, {performance}.",
            "ko": "전체 평균은 같은 지표들의 공개 평균을 다시 평균한 값이며, 변경 실패율과 재작업률은 높을수록 좋도록 뒤집어 계산한다. 다섯 지표를 모두 넣으면 DORA의 전 산업 전체 수치인 {performance}가 된다.",
        },
        "no_tier": {"en": "no tiers published", "ko": "공개된 등급 없음"},
        "overall_tier": {"en": "Overall tier", "ko": "전체 등급"},
        "implied_band": {
            "en": "Implied maturity band: levels {lo}–{hi}",
            "ko": "대응하는 성숙도 범위: 레벨 {lo}–{hi}",
        },
        "optimistic_title": {"en": "Answers may be optimistic", "ko": "응답이 낙관적일 수 있음"},
        "chart_team": {"en": "This team", "ko": "이 팀"},
        "chart_mean": {"en": "All-industries mean", "ko": "전 산업 평균"},
        "chart_previous": {"en": "Earlier assessment ({date})", "ko": "이전 진단 ({date})"},
        "chart_this": {"en": "This assessment", "ko": "이번 진단"},
        # roadmap
        "roadmap": {"en": "Roadmap", "ko": "로드맵"},
        "roadmap_intro": {
            "en": "Practices to adopt, in order. Now: the weakest dimension and the worst DORA metric. Next: one level up in the other dimensions. Later: two levels up.",
            "ko": "도입할 실천을 순서대로 정리했다. 지금: 가장 약한 차원과 가장 나쁜 DORA 지표. 다음: 나머지 차원의 한 레벨 위. 나중: 두 레벨 위.",
        },
        "horizon_now": {"en": "Now", "ko": "지금"},
        "horizon_next": {"en": "Next", "ko": "다음"},
        "horizon_later": {"en": "Later", "ko": "나중"},
        "horizon_empty": {
            "en": "Nothing on this horizon yet.",
            "ko": "아직 이 단계에 해당하는 실천이 없다.",
        },
        "effort_S": {"en": "Small", "ko": "작음"},
        "effort_M": {"en": "Medium", "ko": "보통"},
        "effort_L": {"en": "Large", "ko": "큼"},
        # appendix
        "appendix": {"en": "Appendix", "ko": "부록"},
        "method": {"en": "Scoring method", "ko": "점수 계산 방법"},
        "all_answers": {"en": "Every question and the answer given", "ko": "모든 질문과 응답"},
        "question": {"en": "Question", "ko": "질문"},
        "answer": {"en": "Answer", "ko": "응답"},
        "votes": {"en": "Votes", "ko": "투표"},
        "vote_summary": {
            "en": "median {median}, spread {spread}",
            "ko": "중앙값 {median}, 편차 {spread}",
        },
        "vote_distribution": {"en": "Anonymous votes", "ko": "익명 투표"},
        "vote_discuss": {"en": "discuss", "ko": "토론 필요"},
        "spread": {"en": "Spread", "ko": "편차"},
        "median": {"en": "Median", "ko": "중앙값"},
        "team_answer": {"en": "Team answer", "ko": "팀 응답"},
        "spread_mean": {"en": "mean {mean} · widest {max}", "ko": "평균 {mean} · 최대 {max}"},
        "disagreement": {"en": "Where the team disagreed", "ko": "팀의 의견이 갈린 곳"},
        "disagreement_intro": {
            "en": "Each person voted before the team agreed on its answer. The spread is the highest vote minus the lowest; {threshold} or more levels apart is worth a conversation. The widest disagreements:",
            "ko": "팀이 응답을 정하기 전에 각자 투표했다. 편차는 가장 높은 표에서 가장 낮은 표를 뺀 값이며, {threshold}레벨 이상 벌어지면 이야기해 볼 만하다. 의견이 가장 크게 갈린 질문:",
        },
        "disagreement_anon": {
            "en": "The votes were anonymous: only how many chose each level was kept.",
            "ko": "익명 투표였다. 레벨별로 몇 명이 골랐는지만 남겼다.",
        },
        "not_sure": {"en": "Not sure", "ko": "잘 모름"},
        "not_answered": {"en": "Not answered", "ko": "응답 없음"},
        "note": {"en": "Note", "ko": "메모"},
        # tiers and levels
        **{f"tier_{tier}": dict(name) for tier, name in TIERS.items()},
        "meaning_1": {
            "en": "Work depends on individuals: deployments are manual, automation is limited, teams work in silos and incidents are handled as crises.",
            "ko": "일이 개인에게 의존한다. 배포는 수동이고 자동화는 제한적이며, 팀은 사일로로 일하고 장애는 위기로 다뤄진다.",
        },
        "meaning_2": {
            "en": "The basics are in place: a CI pipeline runs automated tests, ownership is starting to be shared and postmortems happen after major incidents.",
            "ko": "기본이 갖춰져 있다. CI 파이프라인이 자동화 테스트를 돌리고, 소유권을 조금씩 나누기 시작했으며, 큰 장애 뒤에는 사후 검토를 한다.",
        },
        "meaning_3": {
            "en": "Practices are defined and repeatable: continuous delivery, infrastructure as code, monitoring with SLOs, blameless postmortems and deployments at least weekly.",
            "ko": "실천이 정의되고 반복 가능하다. 지속적 딜리버리, IaC, SLO가 있는 모니터링, 비난 없는(블레임리스) 사후 검토가 자리 잡았고 주 1회 이상 배포한다.",
        },
        "meaning_4": {
            "en": "Delivery is measured and managed: continuous deployment, full observability, DORA metrics tracked and error budgets used to steer the work.",
            "ko": "딜리버리를 측정하고 관리한다. 지속적 배포와 완전한 관찰 가능성을 갖추고, DORA 지표를 추적하며 오류 예산으로 일의 방향을 정한다.",
        },
        "meaning_5": {
            "en": "The team improves continuously: experimentation is normal, chaos engineering tests resilience, DORA metrics are elite and practices are shared back with the industry.",
            "ko": "팀이 끊임없이 개선한다. 실험이 일상이고 카오스 엔지니어링으로 회복력을 시험하며, DORA 지표는 엘리트 수준이고 실천을 산업에 환원한다.",
        },
        # scoring method (appendix)
        "method_1": {
            "en": "Each question offers five options, one per level, each describing an observable practice. The team picks the option that matches what it does today; 'not sure' is allowed and is left out of the score.",
            "ko": "질문마다 레벨별로 하나씩, 관찰할 수 있는 실천을 설명하는 다섯 개의 선택지가 있다. 팀은 지금 실제로 하고 있는 일과 맞는 선택지를 고른다. '잘 모름'도 고를 수 있으며 점수에서는 빠진다.",
        },
        "method_2": {
            "en": f"Dimension score = the weighted mean of the answered levels (1.0–5.0). Coverage = answered weight ÷ total weight; below {_COVERAGE} the dimension has 'not enough answers' and no level.",
            "ko": f"차원 점수 = 응답한 레벨의 가중 평균(1.0–5.0). 응답률 = 응답한 가중치 ÷ 전체 가중치이며, {_COVERAGE} 미만이면 그 차원은 '응답 부족'으로 레벨이 없다.",
        },
        "method_3": {
            "en": "Dimension level = the score rounded down. 'What holds it back' lists the answered questions below the next level, lowest first, and how far the score is from that level.",
            "ko": "차원 레벨 = 점수를 내림한 값. '발목을 잡는 것'은 다음 레벨보다 낮은 응답을 낮은 순으로 보여 주고, 점수가 그 레벨까지 얼마나 남았는지 알려 준다.",
        },
        "method_4": {
            "en": "Overall level = the lower of the weighted mean of the dimension scores (rounded down) and the weakest dimension's level + 1: a team is not Managed while one dimension is still Initial. While any dimension has not enough answers there is no overall level; the partial score is shown instead.",
            "ko": f"전체 레벨 = 차원 점수의 가중 평균(내림)과 가장 약한 차원의 레벨 + 1 중 작은 값. 한 차원이 아직 {level_name(1, 'ko')}이면 팀은 {level_name(4, 'ko')}가 될 수 없다. 응답이 부족한 차원이 하나라도 있으면 전체 레벨은 없고 부분 점수만 보여 준다.",
        },
        "method_5": {
            "en": "DORA tiers (historical: DORA last published them in 2024): each metric is placed in its tier for the benchmark shown (a DORA report year, or Apache DevLake's table); where the published bands overlap or leave gaps they were made contiguous, as listed with the benchmark. Change failure rate is placed in the tier whose published value is nearest: boundaries sit at the midpoints between neighbouring published values (2024's inverted High and Medium medians are taken in sorted order). On demand means more than one deployment a day on average, or deployments on at least three days of the median week (DevLake's rule). The overall tier is the highest tier that at least three of the four metrics reach.",
            "ko": "DORA 등급(과거 기준: DORA는 2024년에 마지막으로 등급을 발표했다): 각 지표를 표시된 벤치마크(DORA 보고서 연도 또는 Apache DevLake의 표)의 등급에 배치한다. 공개된 구간이 겹치거나 비는 곳은 벤치마크와 함께 적어 둔 대로 이어지게 정리했다. 변경 실패율은 공개된 값이 가장 가까운 등급에 놓는다. 경계는 이웃한 공개 값의 중간점이며, 2024년에 뒤바뀌어 공개된 고성과·중간 성과 중앙값은 크기순으로 놓고 쓴다. 온디맨드는 하루 평균 1회를 넘는 배포, 또는 주당 배포일 중앙값 3일 이상(DevLake의 규칙)을 뜻한다. 전체 등급은 네 지표 중 적어도 세 개가 도달한 가장 높은 등급이다.",
        },
        "method_6": {
            "en": f"The DORA tier implies a maturity band ({_BANDS_EN}); the best tier a benchmark publishes always implies levels 4–5 (2022 has no Elite, so its High does). When the CALMS score is a whole level or more above the top of that band, the report flags that the answers may be optimistic.",
            "ko": f"DORA 등급은 성숙도 범위를 뜻한다 ({_BANDS_KO}). 벤치마크가 발표한 가장 높은 등급은 언제나 레벨 4–5에 대응한다(2022년에는 엘리트가 없으므로 고성과가 그렇다). CALMS 점수가 그 범위의 위쪽 끝보다 한 레벨 이상 높으면 응답이 낙관적일 수 있다고 표시한다.",
        },
        "method_7": {
            "en": "Quick Check scores (0–10), shown first: categorical answers score (answer − 1) ÷ 5 × 10, answers coded 1 (worst) to 6 (best); percentages score 10 − percent ÷ 10. They are compared with DORA's 2025 all-industries means (overall 6.7, recomputed from the metric means with the two rates inverted).",
            "ko": "Quick Check 점수(0–10, 먼저 보여 줌): 범주형 응답은 1(가장 나쁨)부터 6(가장 좋음)으로 매겨 (응답 − 1) ÷ 5 × 10, 백분율은 10 − 백분율 ÷ 10으로 계산한다. DORA의 2025년 전 산업 평균(전체 6.7, 두 비율을 뒤집어 지표 평균에서 다시 계산한 값)과 비교한다.",
        },
        "method_8": {
            "en": "Recommendations: for each dimension, the practices at its level + 1, ordered by the weakest linked answers. Now = the weakest dimension's next practices and the best practice for the worst DORA metric; Next = the other dimensions' next practices; Later = practices two levels up.",
            "ko": "추천: 차원마다 현재 레벨 + 1의 실천을 연결된 응답이 약한 순으로 정렬한다. 지금 = 가장 약한 차원의 다음 실천과 가장 나쁜 DORA 지표에 가장 좋은 실천, 다음 = 나머지 차원의 다음 실천, 나중 = 두 레벨 위의 실천.",
        },
        "method_9": {
            "en": "Each practice claims at most two DORA key metrics as its primary links, and only metrics that its capability moves in DORA's research model (questionnaires/capabilities.yaml names the capability and the basis). The 'Now' practice for the weakest DORA metric is chosen only among practices whose primary link is that metric.",
            "ko": "실천마다 DORA 핵심 지표를 주된 연결로 최대 두 개까지만 밝히며, 그 실천의 역량이 DORA 연구 모델에서 움직이는 지표만 고를 수 있다(questionnaires/capabilities.yaml에 역량과 근거가 있다). 가장 약한 DORA 지표를 위한 '지금' 실천은 그 지표를 주된 연결로 가진 실천 중에서만 고른다.",
        },
        "method_10": {
            "en": "Each practice says who has to act: the team itself, its team lead, or the organisation (leadership, HR). The roadmap lists the practices by actor, so the ones a team cannot do alone are visible.",
            "ko": "실천마다 누가 움직여야 하는지 밝힌다. 팀, 팀 리드, 조직(경영진, 인사) 중 하나다. 로드맵은 실천을 실행 주체별로도 묶어 보여 주므로, 팀 혼자 할 수 없는 일이 드러난다.",
        },
        # who acts and coverage
        "who_acts": {"en": "Who has to act", "ko": "누가 움직여야 하나"},
        "who_acts_intro": {
            "en": "The roadmap's practices by who has to carry them out. The team cannot do the organisation's part on its own.",
            "ko": "로드맵의 실천을 실행 주체별로 묶었다. 조직이 할 몫은 팀 혼자서는 할 수 없다.",
        },
        "who_acts_none": {
            "en": "Nothing for this group on the roadmap.",
            "ko": "이 주체에게 해당하는 로드맵 항목이 없다.",
        },
        "coverage_title": {"en": "What this assessment covers", "ko": "이 진단이 다루는 것"},
        "coverage_intro": {
            "en": "Every capability in DORA's current catalogue (and the AI capabilities of the 2025 report), with the questions that assess it and how many practices in the catalogue address it. 'Moves' is the key metric its practices may claim.",
            "ko": "DORA의 현재 역량 목록(과 2025년 보고서의 AI 역량) 전체와, 각 역량을 진단하는 질문, 카탈로그에서 그 역량을 다루는 실천의 수다. '움직이는 지표'는 그 역량의 실천이 주장할 수 있는 핵심 지표다.",
        },
        "coverage_capability": {"en": "Capability", "ko": "역량"},
        "coverage_questions": {"en": "Questions", "ko": "질문"},
        "coverage_practices": {"en": "Practices", "ko": "실천"},
        "coverage_moves": {"en": "Moves", "ko": "움직이는 지표"},
        "coverage_partial": {"en": "partly covered", "ko": "일부만 다룸"},
        "coverage_none": {
            "en": "not asked in this questionnaire",
            "ko": "이 질문지에서는 묻지 않음",
        },
        "category_fast-flow": {"en": "Fast flow", "ko": "빠른 흐름"},
        "category_fast-feedback": {"en": "Fast feedback", "ko": "빠른 피드백"},
        "category_climate-for-learning": {"en": "Climate for learning", "ko": "학습하는 풍토"},
        "category_ai": {"en": "AI (DORA 2025)", "ko": "AI (DORA 2025)"},
        "category_seed": {"en": "Seed, outside DORA's catalogue", "ko": "시드 자료 (DORA 목록 밖)"},
        # measured delivery data (maturity dora measure --into)
        "measured": {"en": "Measured delivery data", "ko": "측정한 전달 데이터"},
        "measured_intro": {
            "en": "What the team's own records show, next to what the team reported. Rows marked ≠ differ by one DORA tier or more; the optimistic-answers check and the roadmap use the measured values.",
            "ko": "팀이 답한 값 옆에 팀의 실제 기록이 보여 주는 값을 둔다. ≠ 표시는 DORA 등급이 한 단계 이상 다른 항목이다. 낙관적 응답 점검과 로드맵은 측정값을 쓴다.",
        },
        "measured_self": {"en": "Self-reported", "ko": "자가 보고"},
        "measured_value": {"en": "Measured", "ko": "측정값"},
        "measured_sample": {"en": "Sample", "ko": "표본"},
        "measured_differs": {"en": "differs by a tier or more", "ko": "등급이 한 단계 이상 다름"},
        "measured_overall": {
            "en": "Measured overall tier ({year} benchmark): {tier}",
            "ko": "측정값 기준 종합 등급({year} 벤치마크): {tier}",
        },
        "measured_window": {
            "en": "Window {start} to {end} ({days} days, UTC); measured {at} with maturity {version}.",
            "ko": "기간 {start} – {end} ({days}일, UTC), {at}에 maturity {version}으로 측정.",
        },
        "measured_sources": {"en": "Sources", "ko": "출처"},
        "measured_quality": {
            "en": "Data quality (counted, never dropped)",
            "ko": "데이터 품질 (버리지 않고 센 것)",
        },
        "measured_proxy": {
            "en": "Change failure rate is a proxy: a deploy counts as failed when a deploy within {days} days reverts one of its commits (no incident records).",
            "ko": "변경 실패율은 대체 지표다: {days}일 안에 다른 배포가 그 배포의 커밋을 되돌리면(revert) 실패로 센다(장애 기록 없음).",
        },
        "measured_weekly": {"en": "Week by week", "ko": "주별 추이"},
        "measured_weekly_deploys": {"en": "Deploys per week", "ko": "주간 배포 수"},
        "measured_weekly_lead": {"en": "Median lead time", "ko": "리드 타임 중앙값"},
        "measured_weekly_failures": {"en": "Failed deploys", "ko": "실패한 배포"},
        "measured_not": {"en": "not measured", "ko": "측정 안 함"},
    }
)
"""The report's words: key -> {language: text} (the app's one catalogue shape)."""

# The same words as one table per language (English filling any gap): what the views use.
STRINGS: Final[dict[str, dict[str, str]]] = {lang: TEXTS.table(lang) for lang in LANGUAGES}
EN: Final[dict[str, str]] = TEXTS.texts("en")
KO: Final[dict[str, str]] = TEXTS.texts("ko")  # as written: a test compares its keys with EN's


def strings(lang: str) -> dict[str, str]:
    """The table for ``lang`` with English filling any gap (a missing key is a bug, not a crash)."""
    return dict(STRINGS.get(lang) or STRINGS["en"])
