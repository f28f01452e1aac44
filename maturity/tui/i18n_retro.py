"""UI strings of the retrospective flow (room view, confirmations, pacing, summary), merged
into :data:`i18n.STRINGS` like :mod:`maturity.tui.i18n_team`."""

from __future__ import annotations

from typing import Final

RETRO_STRINGS: Final[dict[str, dict[str, str]]] = {
    "binding.record": {"en": "Record", "ko": "기록"},
    "binding.record_median": {"en": "Record median", "ko": "중앙값 기록"},
    "binding.vote_for": {"en": "Vote for…", "ko": "대신 투표…"},
    "binding.auto_reveal": {"en": "Auto-reveal", "ko": "자동 공개"},
    "binding.join_hint": {"en": "Join hint", "ko": "참여 안내"},
    "binding.clear": {"en": "Clear answer", "ko": "답 지우기"},
    "binding.summary": {"en": "Summary", "ko": "요약"},
    "binding.copy": {"en": "Copy Markdown", "ko": "Markdown 복사"},
    "binding.save_md": {"en": "Save .md", "ko": ".md 저장"},
    "binding.open_pdf": {"en": "Open PDF", "ko": "PDF 열기"},
    "binding.quick_check": {"en": "Quick Check", "ko": "퀵 체크"},
    "retro.pick_name": {
        "en": "Who are you? Pick your name (or type a new one below):",
        "ko": "누구신가요? 이름을 고르세요 (없으면 아래에 입력):",
    },
    "binding.from_last": {"en": "New from last", "ko": "지난 진단에서 시작"},
    "help.screen.summary": {"en": "Retro summary", "ko": "회고 요약"},
    "retro.count_of": {"en": "{count}/{total} voted", "ko": "{total}명 중 {count}명 투표"},
    "retro.waiting": {"en": "waiting: {names}", "ko": "대기: {names}"},
    "retro.next": {"en": "typed → {name}", "ko": "입력 → {name}"},
    "retro.next_named": {"en": "next typed vote: {name}", "ko": "다음 입력 투표: {name}"},
    "retro.last_time": {"en": "last time: {answer}", "ko": "지난번: {answer}"},
    "retro.deciding": {
        "en": "The facilitator records the team's answer next.",
        "ko": "진행자가 곧 팀의 답을 기록합니다.",
    },
    "retro.facilitator_gone": {
        "en": "The facilitator has left; your vote is kept. Wait or close with q.",
        "ko": "진행자가 나갔습니다. 내 투표는 남아 있습니다. 기다리거나 q로 닫으세요.",
    },
    "retro.join_banner": {
        "en": "JOIN FROM YOUR LAPTOP:  maturity join {id}",
        "ko": "각자 노트북에서 참여:  maturity join {id}",
    },
    "retro.auto_on": {"en": "auto-reveal on", "ko": "자동 공개 켬"},
    "retro.auto_off": {"en": "auto-reveal off", "ko": "자동 공개 끔"},
    "retro.reveal_ask": {
        "en": "Reveal with {count} of {total} votes?",
        "ko": "{total}명 중 {count}명만 투표했습니다. 공개할까요?",
    },
    "retro.revote_ask": {
        "en": "Clear all {count} votes ({remote} from joined participants) and vote again?",
        "ko": "투표 {count}개(원격 참여자 {remote}개 포함)를 모두 지우고 다시 투표할까요?",
    },
    "retro.leave_ask": {
        "en": "A vote is in progress. Leave this question? (the votes are kept)",
        "ko": "투표가 진행 중입니다. 이 질문을 떠날까요? (투표는 남습니다)",
    },
    "retro.vote_for": {
        "en": "Who is the next typed vote for?",
        "ko": "다음에 입력할 투표는 누구의 것인가요?",
    },
    "retro.recorded": {"en": "Q{n} recorded: {answer}", "ko": "Q{n} 기록함: {answer}"},
    "retro.cleared": {"en": "Q{n}: answer cleared", "ko": "Q{n}: 답을 지웠습니다"},
    "retro.burst_ask": {
        "en": "You typed {n} digits in a row. Go on and answer {more} more with {digits}? (No takes back the whole burst; for team votes use v)",
        "ko": "숫자 {n}개를 연달아 입력했습니다. 다음 질문 {more}개를 {digits}(으)로 답할까요? (아니오는 입력 전체를 되돌립니다. 팀 투표는 v)",
    },
    "retro.burst_undone": {
        "en": "Nothing answered: the {n} digits were taken back.",
        "ko": "답하지 않았습니다. 숫자 {n}개를 되돌렸습니다.",
    },
    "retro.clock": {"en": "Q{n}/{total} · {left} min left", "ko": "Q{n}/{total} · {left}분 남음"},
    "retro.behind": {"en": "behind — switch to quick?", "ko": "늦음 — 간단 진단으로?"},
    "retro.reviewed": {"en": "reviewed {n}/{total}", "ko": "검토 {n}/{total}"},
    "retro.summary_title": {"en": "Retro summary", "ko": "회고 요약"},
    "retro.summary_hint": {
        "en": "c copies the Markdown · s saves it to a .md file · o opens the exported PDF",
        "ko": "c Markdown 복사 · s .md 파일로 저장 · o 내보낸 PDF 열기",
    },
    "retro.copied": {"en": "Summary copied as Markdown", "ko": "요약을 Markdown으로 복사했습니다"},
    "retro.saved_md": {"en": "Saved {path}", "ko": "{path}에 저장했습니다"},
    "retro.no_pdf": {
        "en": "No PDF exported yet: press x on the results to export one.",
        "ko": "아직 내보낸 PDF가 없습니다. 결과 화면에서 x로 내보내세요.",
    },
    "retro.open_pdf_ask": {
        "en": "Open the exported PDF {path}?",
        "ko": "내보낸 PDF {path}를 열까요?",
    },
    "retro.sum.overall": {"en": "Overall", "ko": "종합"},
    "retro.sum.partial": {"en": "partial", "ko": "일부"},
    "retro.sum.disagreements": {"en": "Where we disagreed", "ko": "의견이 갈린 곳"},
    "retro.sum.spread": {
        "en": "spread {spread}, median {median}, recorded {answer}",
        "ko": "편차 {spread}, 중앙값 {median}, 기록 {answer}",
    },
    "retro.sum.now": {"en": "Now", "ko": "지금 할 일"},
    "retro.sum.notes": {"en": "Notes", "ko": "메모"},
    "retro.sum.none": {"en": "none", "ko": "없음"},
    "retro.new_from_last": {
        "en": "{team} already has an assessment ({date}): start from its answers instead? (ctrl+l)",
        "ko": "{team} 팀은 이미 진단이 있습니다 ({date}). 그 답에서 시작할까요? (ctrl+l)",
    },
    "retro.questions_count": {"en": "{n} questions", "ko": "질문 {n}개"},
    "retro.discard_form": {
        "en": "Discard what you typed in this form?",
        "ko": "이 양식에 입력한 내용을 버릴까요?",
    },
    "retro.dora_invalid_leave": {
        "en": "{field} is not valid and will not be saved. Leave anyway?",
        "ko": "{field} 값이 올바르지 않아 저장되지 않습니다. 그래도 나갈까요?",
    },
}
