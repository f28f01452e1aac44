"""The words of the report's Plan section in English and Korean (merged into the report's
table by :mod:`maturity.report.view_plan`; a test checks Korean has every English key)."""

from __future__ import annotations

from typing import Final

from maturity.catalogue import LANGUAGES, Catalogue

TEXTS: Final[Catalogue] = Catalogue(
    {
        "plan": {"en": "Plan", "ko": "계획"},
        "plan_intro": {
            "en": "Where the team wants each dimension to be and by when, the practices that close the gap in three phases, and the levels the answers would reach if they were done.",
            "ko": "차원마다 언제까지 어디에 이르고 싶은지, 그 차이를 메우는 실천을 세 단계로 나눈 것, 그리고 그 실천을 해냈을 때 응답이 이를 것으로 보이는 레벨이다.",
        },
        "plan_suggested": {
            "en": "No targets were set; these are the suggested ones (one level above today for the weakest dimensions).",
            "ko": "정한 목표가 없어 제안한 목표를 보여 준다 (가장 약한 차원을 지금보다 한 레벨 위로).",
        },
        "plan_no_targets": {
            "en": "No targets yet, and nothing to suggest (no answers).",
            "ko": "아직 목표가 없고, 응답이 없어 제안할 것도 없다.",
        },
        "plan_targets": {"en": "Targets", "ko": "목표"},
        "plan_today": {"en": "Today", "ko": "현재"},
        "plan_target": {"en": "Target", "ko": "목표"},
        "plan_by": {"en": "By", "ko": "기한"},
        "plan_gap": {"en": "Gap", "ko": "차이"},
        "plan_gap_reached": {"en": "reached", "ko": "달성"},
        "plan_gap_unknown": {
            "en": "not enough answers to tell",
            "ko": "답이 부족해 판단할 수 없음",
        },
        "plan_gap_one": {"en": "1 level to go", "ko": "1레벨 남음"},
        "plan_gap_levels": {"en": "{n} levels to go", "ko": "{n}레벨 남음"},
        "plan_phases": {"en": "Phases and projected levels", "ko": "단계와 예상 레벨"},
        "plan_phase": {"en": "Phase", "ko": "단계"},
        "plan_until": {"en": "until {date}", "ko": "{date}까지"},
        "plan_practices": {"en": "Practices", "ko": "실천"},
        "plan_projected": {"en": "Projected if done", "ko": "해냈을 때 예상"},
        "plan_phase_now": {"en": "Now", "ko": "지금"},
        "plan_phase_next": {"en": "Next", "ko": "다음"},
        "plan_phase_later": {"en": "Later", "ko": "나중"},
        "plan_phase_empty": {"en": "nothing new in this phase", "ko": "이 단계에 새 항목 없음"},
        "plan_reaches": {"en": "reaches the target", "ko": "목표 도달"},
        "plan_method": {
            "en": "Projected levels: every answered question linked to a phase's practices (or an earlier phase's) is raised to the practice's level, never lowered; unanswered and 'not sure' stay as they are. The raised answers are scored exactly like the assessment.",
            "ko": "예상 레벨: 그 단계(와 앞 단계)의 실천에 연결된 질문 중 응답한 것을 실천의 레벨까지 올리고(내리지는 않는다), 응답하지 않았거나 '잘 모름'인 질문은 그대로 둔 채, 진단과 똑같은 방식으로 점수를 낸다.",
        },
        "plan_chart_title": {
            "en": "Today, projected after each phase, and target, per dimension",
            "ko": "차원별 현재, 단계별 예상, 목표",
        },
        "plan_chart_alt_dim": {
            "en": "{dimension}: today {today}, after Now {now}, after Next {next}, after Later {later}, target level {target}",
            "ko": "{dimension}: 현재 {today}, 지금 단계 뒤 {now}, 다음 단계 뒤 {next}, 나중 단계 뒤 {later}, 목표 레벨 {target}",
        },
        "plan_chart_today": {"en": "Today", "ko": "현재"},
        "plan_chart_target": {"en": "Target", "ko": "목표"},
        "plan_actions": {"en": "Actions", "ko": "액션 아이템"},
        "plan_no_actions": {
            "en": "No actions recorded yet.",
            "ko": "아직 기록한 액션 아이템이 없다.",
        },
        "plan_action": {"en": "Action", "ko": "액션 아이템"},
        "plan_owner": {"en": "Owner", "ko": "담당"},
        "plan_due": {"en": "Due", "ko": "기한"},
        "plan_status": {"en": "Status", "ko": "상태"},
        "plan_overdue": {"en": "overdue", "ko": "기한 지남"},
        "plan_carried": {"en": "carried over", "ko": "이월됨"},
        "plan_status_todo": {"en": "to do", "ko": "할 일"},
        "plan_status_doing": {"en": "doing", "ko": "진행 중"},
        "plan_status_done": {"en": "done", "ko": "완료"},
        "plan_status_dropped": {"en": "dropped", "ko": "중단"},
        "plan_done_since": {
            "en": "Done since the last assessment ({date})",
            "ko": "지난 진단({date}) 이후 완료한 것",
        },
        "plan_done_none": {
            "en": "No action of the last assessment was marked done.",
            "ko": "지난 진단의 액션 아이템 가운데 완료로 표시된 것이 없다.",
        },
        "plan_done_change": {
            "en": "{dimension}: {before} → {after}",
            "ko": "{dimension}: {before} → {after}",
        },
        "plan_moved": {
            "en": "What moved (linked answers, dimension score)",
            "ko": "변화 (연결된 응답, 차원 점수)",
        },
        "share": {"en": "Actions done", "ko": "완료한 액션 아이템"},
        "share_intro": {
            "en": "Per team and quarter of the assessment that set them: how many of the actions were done (a carried-over action counts once, where it ended).",
            "ko": "팀별로, 액션 아이템을 정한 진단의 분기마다 그중 몇 개를 완료했는지 보여 준다 (이월된 항목은 마지막으로 끝난 곳에서 한 번만 센다).",
        },
        "share_none": {"en": "No actions recorded yet.", "ko": "아직 기록한 액션 아이템이 없다."},
        "share_team": {"en": "Team", "ko": "팀"},
        "share_quarter": {"en": "Quarter", "ko": "분기"},
        "share_done": {"en": "Done", "ko": "완료"},
        "share_share": {"en": "Share", "ko": "비율"},
        "share_done_of": {"en": "{done} of {total}", "ko": "{total}개 중 {done}개"},
        "payoff": {"en": "Did the actions pay off?", "ko": "액션 아이템은 효과가 있었나?"},
        "payoff_intro": {
            "en": "Each action of A that was done by the time of B, the answers linked to its practice in A and in B, and its dimension's change. This is association, not proof: other things changed in the same time, and a team may answer differently for other reasons.",
            "ko": "A의 액션 아이템 가운데 B 시점까지 완료한 것마다, 그 실천에 연결된 A와 B의 응답과 차원의 변화를 보여 준다. 연관일 뿐 증거는 아니다. 같은 기간에 다른 것도 바뀌었고, 팀이 다른 이유로 다르게 답했을 수도 있다.",
        },
        "payoff_none": {
            "en": "No action of A was marked done.",
            "ko": "A의 액션 아이템 가운데 완료로 표시된 것이 없다.",
        },
        "payoff_own": {
            "en": "the team's own action (no linked answers)",
            "ko": "팀이 직접 정한 항목 (연결된 응답 없음)",
        },
        "payoff_answers": {"en": "Linked answers (A → B)", "ko": "연결된 응답 (A → B)"},
        "payoff_dimension": {"en": "Dimension (A → B)", "ko": "차원 (A → B)"},
        "plan_association": {
            "en": "Association, not proof: other things changed in the same time.",
            "ko": "연관일 뿐 증거는 아니다. 같은 기간에 다른 것도 바뀌었다.",
        },
    }
)
"""The Plan section's words: key -> {language: text}."""

_TABLES: Final[dict[str, dict[str, str]]] = {lang: TEXTS.table(lang) for lang in LANGUAGES}
EN: Final[dict[str, str]] = TEXTS.texts("en")
KO: Final[dict[str, str]] = TEXTS.texts("ko")  # as written: a test compares its keys with EN's


def plan_strings(lang: str) -> dict[str, str]:
    """The Plan section's words in ``lang`` (English fills any gap)."""
    return dict(_TABLES.get(lang) or _TABLES["en"])
