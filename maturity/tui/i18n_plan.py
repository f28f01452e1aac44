"""UI strings of the plan (targets, phases, actions, the follow-through review), merged into
:data:`maturity.tui.i18n.STRINGS`; the rules are those of :mod:`maturity.tui.i18n`."""

from __future__ import annotations

from typing import Final

PLAN_STRINGS: Final[dict[str, dict[str, str]]] = {
    # --- bindings ------------------------------------------------------------------------------
    "binding.plan": {"en": "Plan", "ko": "계획"},
    "binding.targets": {"en": "Targets", "ko": "목표"},
    "binding.adopt": {"en": "Add from roadmap", "ko": "로드맵에서 추가"},
    "binding.new_action": {"en": "New action", "ko": "새 액션 아이템"},
    "binding.edit_action": {"en": "Edit", "ko": "편집"},
    "binding.done_action": {"en": "Done", "ko": "완료"},
    "binding.drop_action": {"en": "Drop", "ko": "중단"},
    "binding.status_filter": {"en": "Status filter", "ko": "상태 필터"},
    "binding.owner_filter": {"en": "Owner filter", "ko": "담당자 필터"},
    "binding.review_done": {"en": "Done", "ko": "완료"},
    "binding.review_carry": {"en": "Carry over", "ko": "이월"},
    "binding.review_drop": {"en": "Drop", "ko": "중단"},
    "binding.review_start": {"en": "Start", "ko": "시작"},
    "help.screen.plan": {"en": "Plan", "ko": "계획"},
    "help.screen.review": {"en": "Review of the previous actions", "ko": "이전 액션 아이템 점검"},
    "cmd.plan": {"en": "Plan and actions", "ko": "계획과 액션 아이템"},
    "cmd.plan.help": {
        "en": "Targets, phases with projected levels, and the team's actions",
        "ko": "목표, 단계별 예상 수준, 팀의 액션 아이템",
    },
    "cmd.targets": {"en": "Set targets", "ko": "목표 정하기"},
    "cmd.targets.help": {
        "en": "A target level and date per dimension",
        "ko": "영역별 목표 수준과 날짜",
    },
    # --- targets -------------------------------------------------------------------------------
    "plan.heading": {"en": "Plan · {team}", "ko": "계획 · {team}"},
    "plan.targets": {"en": "Targets", "ko": "목표"},
    "plan.suggested": {
        "en": "Suggested targets (none set yet; t to set)",
        "ko": "제안 목표 (아직 정하지 않음, t로 정하기)",
    },
    "plan.no_targets": {
        "en": "No targets yet, and nothing to suggest (no answers).",
        "ko": "목표가 없고, 답이 없어 제안할 것도 없습니다.",
    },
    "plan.gap": {
        "en": "today {today} → target {target} by {by}",
        "ko": "현재 {today} → 목표 {target} ({by}까지)",
    },
    "plan.gap.reached": {"en": "reached", "ko": "달성"},
    "plan.gap.unknown": {
        "en": "not enough answers to tell",
        "ko": "답이 부족해 판단할 수 없음",
    },
    "plan.gap.to_go": {"en": "{n} to go", "ko": "{n}단계 남음"},
    "plan.phase": {"en": "{name} · until {ends}", "ko": "{name} · {ends}까지"},
    "plan.phase.now": {"en": "Now", "ko": "지금"},
    "plan.phase.next": {"en": "Next", "ko": "다음"},
    "plan.phase.later": {"en": "Later", "ko": "나중"},
    "plan.projected": {"en": "if done: {levels}", "ko": "완료하면: {levels}"},
    "plan.phase.empty": {"en": "nothing new in this phase", "ko": "이 단계에 새 항목 없음"},
    "plan.adopted": {"en": "action: {status}", "ko": "액션 아이템: {status}"},
    "plan.actions": {"en": "Actions", "ko": "액션 아이템"},
    "plan.share": {"en": "Actions done:", "ko": "완료한 액션 아이템:"},
    "plan.filter": {
        "en": "Status: {status} · Owner: {owner}",
        "ko": "상태: {status} · 담당자: {owner}",
    },
    "plan.filter.all": {"en": "all", "ko": "전체"},
    "plan.filter.open": {"en": "open", "ko": "진행 중인 것"},
    "plan.no_actions": {
        "en": "No actions yet: a on a practice above, or n for the team's own.",
        "ko": "액션 아이템이 없습니다. 위 실천 항목에서 a, 팀이 직접 정하려면 n.",
    },
    "plan.col.status": {"en": "Status", "ko": "상태"},
    "plan.col.due": {"en": "Due", "ko": "기한"},
    "plan.col.owner": {"en": "Owner", "ko": "담당"},
    "plan.col.title": {"en": "Action", "ko": "액션 아이템"},
    "plan.overdue": {"en": "overdue", "ko": "기한 지남"},
    "plan.carried": {"en": "carried", "ko": "이월됨"},
    "plan.added": {"en": "Added: {title}", "ko": "추가됨: {title}"},
    "plan.saved": {"en": "Saved", "ko": "저장됨"},
    "plan.read_only": {
        "en": "This assessment is complete: its plan is read-only (reopen it, or start the next one with f).",
        "ko": "완료된 진단이라 계획을 바꿀 수 없습니다 (다시 열거나, f로 다음 진단을 시작하세요).",
    },
    "plan.pick_practice": {
        "en": "Highlight a practice in the roadmap first.",
        "ko": "먼저 로드맵에서 실천 항목을 고르세요.",
    },
    "plan.pick_action": {"en": "Select an action first.", "ko": "먼저 액션 아이템을 고르세요."},
    "plan.projection_note": {
        "en": "Projected: answered questions linked to a phase's practices raised to their level, scored as usual.",
        "ko": "예상 수준: 단계의 실천 항목과 연결된 (답한) 질문을 그 수준으로 올려 같은 방식으로 채점합니다.",
    },
    "status.todo": {"en": "todo", "ko": "할 일"},
    "status.doing": {"en": "doing", "ko": "진행 중"},
    "status.done": {"en": "done", "ko": "완료"},
    "status.dropped": {"en": "dropped", "ko": "중단"},
    "compare.payoff": {
        "en": "Actions done between the two ({count})",
        "ko": "두 진단 사이에 완료한 액션 아이템 ({count})",
    },
    "compare.payoff.note": {
        "en": "Linked answers and dimension, A → B: association, not proof.",
        "ko": "연결된 응답과 차원, A → B: 연관일 뿐 증거는 아니다.",
    },
    # --- forms ---------------------------------------------------------------------------------
    "targets.heading": {"en": "Targets", "ko": "목표"},
    "targets.hint": {
        "en": "Level 1-5 per dimension (not below today's; empty: no change) and the date.",
        "ko": "영역별 목표 수준 1-5 (현재보다 낮을 수 없음, 비우면 그대로)와 날짜.",
    },
    "targets.today": {"en": "today {level}", "ko": "현재 {level}"},
    "targets.by": {"en": "By", "ko": "기한"},
    "action.heading.new": {"en": "New action", "ko": "새 액션 아이템"},
    "action.heading.edit": {"en": "Edit action", "ko": "액션 아이템 편집"},
    "action.title": {"en": "Title", "ko": "제목"},
    "action.owner": {"en": "Owner", "ko": "담당자"},
    "action.due": {"en": "Due", "ko": "기한"},
    "action.status": {"en": "Status", "ko": "상태"},
    "action.reason": {"en": "Why", "ko": "이유"},
    "action.notes": {"en": "Notes", "ko": "메모"},
    "action.hint": {
        "en": "Due YYYY-MM-DD. Dropping needs a reason. Enter saves, Esc cancels.",
        "ko": "기한은 YYYY-MM-DD. 중단하려면 이유가 필요합니다. Enter 저장, Esc 닫기.",
    },
    "drop.heading": {"en": "Why is it dropped?", "ko": "왜 중단하나요?"},
    # --- review --------------------------------------------------------------------------------
    "review.heading": {
        "en": "Before the first question: the actions from {date}",
        "ko": "첫 질문 전에: {date} 진단의 액션 아이템",
    },
    "review.hint": {
        "en": "d done · c carry over · x drop · Enter starts the new assessment · Esc cancels",
        "ko": "d 완료 · c 이월 · x 중단 · Enter로 새 진단 시작 · Esc 취소",
    },
    "review.col.decision": {"en": "Outcome", "ko": "결과"},
    "review.done": {"en": "done", "ko": "완료"},
    "review.carry": {"en": "carry over", "ko": "이월"},
    "review.drop": {"en": "drop", "ko": "중단"},
    "review.summary": {
        "en": "{done} done, {carry} carried over, {drop} dropped",
        "ko": "완료 {done}, 이월 {carry}, 중단 {drop}",
    },
}
