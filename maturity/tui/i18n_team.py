"""UI strings of team mode (votes, reveal, participants), merged into :data:`i18n.STRINGS`.

Kept in their own module so team mode and the other screens can grow without editing the
same lines; the rules are those of :mod:`maturity.tui.i18n` (English required, Korean beside).
"""

from __future__ import annotations

from typing import Final

TEAM_STRINGS: Final[dict[str, dict[str, str]]] = {
    # --- bindings ----------------------------------------------------------------------------
    "binding.team": {"en": "Team vote", "ko": "팀 투표"},
    "binding.team_vote": {"en": "Vote", "ko": "투표"},
    "binding.undo_vote": {"en": "Undo vote", "ko": "투표 되돌리기"},
    "binding.reveal": {"en": "Reveal", "ko": "공개"},
    "binding.revote": {"en": "Vote again", "ko": "다시 투표"},
    "binding.solo": {"en": "Solo answers", "ko": "혼자 답하기"},
    "binding.withdraw": {"en": "Withdraw vote", "ko": "투표 철회"},
    "binding.join": {"en": "Join", "ko": "참여"},
    "help.screen.team": {"en": "Team vote (facilitator)", "ko": "팀 투표 (진행자)"},
    "help.screen.participant": {"en": "Team vote (participant)", "ko": "팀 투표 (참여자)"},
    "cmd.team": {"en": "Team vote", "ko": "팀 투표"},
    "cmd.team.help": {
        "en": "Everyone votes, the votes are revealed at once, the spread drives the discussion",
        "ko": "모두 투표하고 한꺼번에 공개한 뒤, 의견 차이를 두고 토론합니다",
    },
    # --- facilitator ---------------------------------------------------------------------------
    "team.badge": {"en": "team vote", "ko": "팀 투표"},
    "team.badge_anonymous": {"en": "team vote · anonymous", "ko": "팀 투표 · 익명"},
    "team.count": {"en": "{count} voted", "ko": "{count}명 투표함"},
    "team.hidden": {
        "en": "Votes stay hidden until they are revealed (r).",
        "ko": "공개(r)하기 전까지 투표 내용은 보이지 않습니다.",
    },
    "team.type_hint": {
        "en": "One keyboard? Type each vote as it is called out (1–5, 0 not sure); next: {name}. backspace undoes.",
        "ko": "키보드가 하나라면 부르는 대로 투표를 입력하세요 (1–5, 0 모름). 다음: {name}. backspace로 되돌립니다.",
    },
    "team.type_hint_anonymous": {
        "en": "One keyboard? Type each vote as it is called out (1–5, 0 not sure); backspace undoes.",
        "ko": "키보드가 하나라면 부르는 대로 투표를 입력하세요 (1–5, 0 모름). backspace로 되돌립니다.",
    },
    "team.join_hint": {
        "en": "Others join with: maturity join {id} --as NAME (or a browser: maturity serve)",
        "ko": "다른 사람은 maturity join {id} --as 이름 으로 참여합니다 (브라우저: maturity serve)",
    },
    "team.no_votes": {"en": "No votes yet.", "ko": "아직 투표가 없습니다."},
    "team.median": {"en": "Median {median}", "ko": "중앙값 {median}"},
    "team.spread": {"en": "spread {spread}", "ko": "편차 {spread}"},
    "team.discuss": {"en": " DISCUSS ", "ko": " 토론 필요 "},
    "team.discuss_hint": {
        "en": "The votes are {spread} levels apart: talk it through before recording.",
        "ko": "투표가 {spread}단계나 벌어졌습니다. 기록하기 전에 이야기를 나누세요.",
    },
    "team.record_hint": {
        "en": "enter records the median ({median}) · 1–5 or 0 records another answer · e note · x vote again",
        "ko": "enter는 중앙값({median})을 기록 · 1–5, 0은 다른 답을 기록 · e 메모 · x 다시 투표",
    },
    "team.record_hint_none": {
        "en": "Nobody gave a level: 1–5 or 0 records the team's answer · x vote again",
        "ko": "레벨을 고른 사람이 없습니다. 1–5 또는 0으로 팀의 답을 기록 · x 다시 투표",
    },
    "team.recorded": {"en": "Team answer: {answer}", "ko": "팀의 답: {answer}"},
    "team.nothing_to_undo": {
        "en": "No vote typed here on this question to undo.",
        "ko": "이 질문에서 여기서 입력한 투표가 없습니다.",
    },
    "team.vote_failed": {"en": "Vote not saved", "ko": "투표가 저장되지 않음"},
    "team.revoted": {
        "en": "Votes cleared: the team votes again.",
        "ko": "투표를 지웠습니다. 다시 투표합니다.",
    },
    # --- participant -------------------------------------------------------------------------
    "p.you": {"en": "you: {name}", "ko": "나: {name}"},
    "p.you_anonymous": {"en": "anonymous vote", "ko": "익명 투표"},
    "p.waiting": {
        "en": "Waiting for the facilitator to open a question…",
        "ko": "진행자가 질문을 열기를 기다리는 중…",
    },
    "p.your_vote": {"en": "Your vote: {vote}", "ko": "내 투표: {vote}"},
    "p.no_vote": {
        "en": "You have not voted yet: press 1–5 (0 not sure).",
        "ko": "아직 투표하지 않았습니다. 1–5를 누르세요 (0 모름).",
    },
    "p.can_change": {
        "en": "You can change it until the votes are revealed.",
        "ko": "공개되기 전까지 바꿀 수 있습니다.",
    },
    "p.others": {
        "en": "{count} voted so far; the votes stay hidden until the reveal.",
        "ko": "지금까지 {count}명 투표. 공개 전까지 투표 내용은 보이지 않습니다.",
    },
    "p.locked": {
        "en": "The votes are revealed; they can no longer change.",
        "ko": "투표가 공개되어 더 이상 바꿀 수 없습니다.",
    },
    "p.closed": {
        "en": "This assessment is complete; voting is closed.",
        "ko": "이 진단은 완료되어 투표가 끝났습니다.",
    },
    "p.withdrawn": {"en": "Vote withdrawn.", "ko": "투표를 철회했습니다."},
    "p.saving": {"en": "sending…", "ko": "보내는 중…"},
    "p.saved": {"en": "✓ vote saved", "ko": "✓ 투표 저장됨"},
    "join.heading": {"en": "Join a team vote", "ko": "팀 투표 참여"},
    "join.sessions": {"en": "Open team votes", "ko": "진행 중인 팀 투표"},
    "join.none": {
        "en": "No team vote is open yet. The facilitator starts one with v on a question; this list updates by itself.",
        "ko": "아직 진행 중인 팀 투표가 없습니다. 진행자가 질문 화면에서 v로 시작하면 이 목록에 나타납니다.",
    },
    "join.name": {"en": "Your name", "ko": "이름"},
    "join.name_placeholder": {"en": "as your team knows you", "ko": "팀에서 부르는 이름"},
    "join.anonymous": {
        "en": "This vote is anonymous: no name is asked, and nothing shows who voted what.",
        "ko": "익명 투표입니다. 이름을 묻지 않으며 누가 무엇에 투표했는지 아무도 볼 수 없습니다.",
    },
    "join.hint": {
        "en": "Choose the team vote (enter), type your name, enter joins.",
        "ko": "팀 투표를 고르고(enter) 이름을 입력한 뒤 enter로 참여합니다.",
    },
    "join.pick_first": {"en": "Choose a team vote first.", "ko": "먼저 팀 투표를 고르세요."},
    # --- new assessment ------------------------------------------------------------------------
    "new.anonymous": {"en": "Votes", "ko": "투표"},
    "new.anonymous.label": {
        "en": "Anonymous: keep only how many voted each level, never who",
        "ko": "익명: 누가 투표했는지는 남기지 않고 레벨별 표 수만 남김",
    },
    # --- results -----------------------------------------------------------------------------
    "r.disagreement": {"en": "Where the team disagreed", "ko": "팀의 의견이 갈린 곳"},
    "r.disagreement_none": {
        "en": "No votes were recorded with the answers.",
        "ko": "답과 함께 기록된 투표가 없습니다.",
    },
    "r.dim_spread": {
        "en": "{title}: mean spread {mean}, widest {max}, {discuss} to discuss ({voted} voted)",
        "ko": "{title}: 평균 편차 {mean}, 최대 {max}, 토론 필요 {discuss}개 (투표 {voted}개)",
    },
    "r.q_spread": {
        "en": "spread {spread} · median {median} · answer {answer}",
        "ko": "편차 {spread} · 중앙값 {median} · 답 {answer}",
    },
}
