"""UI strings (the "chrome") in English and Korean.

Content text (questions, options, help, level names, practices) comes from the questionnaire
through :func:`maturity.model.text.tr`; everything the app itself says is here, so switching
the language switches the whole screen. A missing Korean string falls back to English, and a
missing key is shown as the key itself (visible in a snapshot, never a crash).
"""

from __future__ import annotations

from typing import Final

from maturity.catalogue import LANGUAGE_NAMES, LANGUAGES, Catalogue, merged
from maturity.model.terms import TIERS
from maturity.tui.i18n_measure import MEASURE_STRINGS
from maturity.tui.i18n_plan import PLAN_STRINGS
from maturity.tui.i18n_retro import RETRO_STRINGS
from maturity.tui.i18n_team import TEAM_STRINGS

LANGS: Final = LANGUAGES
"""The UI's languages: the app's one list (:data:`maturity.catalogue.LANGUAGES`)."""

_CORE: Final[dict[str, dict[str, str]]] = {
    # --- app-wide --------------------------------------------------------------------------
    "app.title": {"en": "DevOps maturity", "ko": "데브옵스 성숙도"},
    "binding.help": {"en": "Keys", "ko": "키"},
    "binding.commands": {"en": "Commands", "ko": "명령"},
    # the language key shows the name of the language it switches to (see other())
    "binding.language": {
        lang: LANGUAGE_NAMES[LANGUAGES[(i + 1) % len(LANGUAGES)]]
        for i, lang in enumerate(LANGUAGES)
    },
    "binding.theme": {"en": "Theme", "ko": "테마"},
    "binding.quit": {"en": "Quit", "ko": "종료"},
    "lang.switched": {"en": "Language: English", "ko": "언어: 한국어"},
    "theme.switched": {"en": "Theme: {theme}", "ko": "테마: {theme}"},
    "error.title": {"en": "Error", "ko": "오류"},
    "error.unexpected": {
        "en": "Unexpected error, the last action did not complete: {error}",
        "ko": "예상하지 못한 오류로 마지막 작업이 끝나지 않았습니다: {error}",
    },
    "error.store": {"en": "Cannot open the store", "ko": "저장소를 열 수 없습니다"},
    "error.no_store": {
        "en": "No store is open; fix the problem above and restart.",
        "ko": "열린 저장소가 없습니다. 위 문제를 고친 뒤 다시 시작하세요.",
    },
    "common.cancel": {"en": "Cancel", "ko": "취소"},
    "common.yes": {"en": "Yes", "ko": "예"},
    "common.no": {"en": "No", "ko": "아니요"},
    "common.save": {"en": "Save", "ko": "저장"},
    "common.close": {"en": "Close", "ko": "닫기"},
    "common.back": {"en": "Back", "ko": "뒤로"},
    "common.home": {"en": "Home", "ko": "처음으로"},
    "common.none": {"en": "–", "ko": "–"},
    "status.in_progress": {"en": "in progress", "ko": "진행 중"},
    "status.complete": {"en": "complete", "ko": "완료"},
    # --- home ------------------------------------------------------------------------------
    "home.heading": {"en": "Assessments", "ko": "진단 목록"},
    "home.col.team": {"en": "Team", "ko": "팀"},
    "home.col.date": {"en": "Date", "ko": "날짜"},
    "home.col.questionnaire": {"en": "Questionnaire", "ko": "설문"},
    "home.col.progress": {"en": "Progress", "ko": "진행"},
    "home.col.level": {"en": "Level", "ko": "레벨"},
    "home.col.status": {"en": "Status", "ko": "상태"},
    "home.filter": {
        "en": "Filter by team, questionnaire or status (/)",
        "ko": "팀·설문·상태로 거르기 (/)",
    },
    "home.sorted": {"en": "Sorted by {column}", "ko": "{column} 기준 정렬"},
    "home.count": {"en": "{shown} of {total} assessments", "ko": "진단 {total}개 중 {shown}개"},
    "home.welcome.title": {"en": "Welcome to maturity", "ko": "maturity에 오신 것을 환영합니다"},
    "home.welcome.body": {
        "en": (
            "A DevOps maturity self-assessment for a team in a retrospective: CALMS questions"
            " (Culture, Automation, Lean, Measurement, Sharing) plus the four DORA delivery"
            " metrics, scored on levels 1–5 with a Now / Next / Later roadmap.\n\n"
            "Press [b]n[/b] to start an assessment. Every answer is saved the moment you give it,"
            " so you can stop at any time and resume later.\n"
            "Press [b]?[/b] for every key, [b]ctrl+p[/b] for commands, [b]f2[/b] for 한국어."
        ),
        "ko": (
            "회고 시간에 팀이 함께 하는 데브옵스 성숙도 자가 진단입니다. CALMS 질문(문화, 자동화,"
            " 린, 측정, 공유)과 DORA 4대 지표로 1–5 레벨을 매기고, 지금 / 다음 / 나중 로드맵을"
            " 제안합니다.\n\n"
            "[b]n[/b] 키로 진단을 시작하세요. 답은 고르는 즉시 저장되므로 언제든 멈췄다가 이어서 할 수"
            " 있습니다.\n"
            "[b]?[/b] 모든 키, [b]ctrl+p[/b] 명령, [b]f2[/b] English."
        ),
    },
    "home.hint": {
        "en": "D delete · s sort · m mark, c compare · ? every key",
        "ko": "D 삭제 · s 정렬 · m 표시, c 비교 · ? 모든 키",
    },
    "home.hint.coach": {
        "en": "t trend · p portfolio · f new from this · C complete or reopen",
        "ko": "t 추이 · p 포트폴리오 · f 이어서 새 진단 · C 완료 또는 다시 열기",
    },
    "home.no_match": {
        "en": "No assessment matches the filter.",
        "ko": "거르기 조건에 맞는 진단이 없습니다.",
    },
    "home.deleted": {"en": "Deleted {team} ({id})", "ko": "{team} ({id}) 삭제됨"},
    "home.confirm_delete": {
        "en": "Delete the assessment of {team} ({id}, {answered} answers)? This cannot be undone.",
        "ko": "{team} 팀의 진단({id}, 답 {answered}개)을 삭제할까요? 되돌릴 수 없습니다.",
    },
    "home.select_first": {"en": "Select an assessment first.", "ko": "먼저 진단을 고르세요."},
    "binding.new": {"en": "New", "ko": "새 진단"},
    "binding.open": {"en": "Resume", "ko": "이어 하기"},
    "binding.results": {"en": "Results", "ko": "결과"},
    "binding.export": {"en": "Export", "ko": "보고서"},
    "binding.delete": {"en": "Delete", "ko": "삭제"},
    "binding.filter": {"en": "Filter", "ko": "거르기"},
    "binding.clear_filter": {"en": "Clear the filter", "ko": "거르기 지우기"},
    "binding.sort": {"en": "Sort", "ko": "정렬"},
    "binding.dora": {"en": "DORA", "ko": "DORA"},
    "binding.home": {"en": "Home", "ko": "처음"},
    # --- new assessment ----------------------------------------------------------------------
    "new.heading": {"en": "New assessment", "ko": "새 진단"},
    "new.team": {"en": "Team", "ko": "팀"},
    "new.team.placeholder": {"en": "e.g. Payments", "ko": "예: 결제팀"},
    "new.facilitator": {"en": "Facilitator", "ko": "진행자"},
    "new.participants": {"en": "Participants", "ko": "참여자"},
    "new.participants.placeholder": {
        "en": "comma separated: Mina, Joon",
        "ko": "쉼표로 구분: 민아, 준",
    },
    "new.questionnaire": {"en": "Questionnaire", "ko": "설문"},
    "new.file": {"en": "File", "ko": "파일"},
    "new.file.option": {"en": "A questionnaire file…", "ko": "설문 파일…"},
    "new.file.placeholder": {"en": "path/to/questionnaire.yaml", "ko": "경로/questionnaire.yaml"},
    "new.language": {"en": "Language", "ko": "언어"},
    "new.create": {"en": "Start", "ko": "시작"},
    "new.error.team": {"en": "A team name is required.", "ko": "팀 이름을 입력하세요."},
    "new.error.file": {
        "en": "Give the path of a questionnaire file.",
        "ko": "설문 파일 경로를 입력하세요.",
    },
    "new.creating": {"en": "Loading the questionnaire…", "ko": "설문을 불러오는 중…"},
    "new.created": {"en": "Started {team}", "ko": "{team} 진단을 시작했습니다"},
    "binding.create": {"en": "Start", "ko": "시작"},
    "binding.cancel": {"en": "Cancel", "ko": "취소"},
    # --- questions -------------------------------------------------------------------------
    "q.position": {
        "en": "{dimension} · question {n} of {count} · {answered}/{total} answered",
        "ko": "{dimension} · {count}문항 중 {n}번 · {total}문항 중 {answered}개 답함",
    },
    "q.not_sure": {"en": "Not sure", "ko": "잘 모르겠음"},
    "q.answer_is": {"en": "Answer: {answer}", "ko": "답: {answer}"},
    "q.unanswered": {"en": "Not answered yet", "ko": "아직 답하지 않음"},
    "q.note": {"en": "Note: {note}", "ko": "메모: {note}"},
    "q.help_hint": {"en": "h: why this matters", "ko": "h: 왜 중요한가"},
    "q.help_title": {"en": "Why this matters", "ko": "왜 중요한가"},
    "q.source": {"en": "Source: {source}", "ko": "출처: {source}"},
    "q.saving": {"en": "saving…", "ko": "저장 중…"},
    "q.saved": {"en": "✓ saved {answered}/{total}", "ko": "✓ 저장됨 {answered}/{total}"},
    "q.save_failed": {"en": "✗ not saved", "ko": "✗ 저장 안 됨"},
    "q.all_answered": {
        "en": "Every question is answered. Press d for the DORA metrics or r for results.",
        "ko": "모든 질문에 답했습니다. DORA 지표는 d, 결과는 r.",
    },
    "q.note_pending": {
        "en": "Note kept; it is saved together with the answer.",
        "ko": "메모를 기억해 두었다가 답과 함께 저장합니다.",
    },
    "q.dimensions": {"en": "Dimensions", "ko": "차원"},
    "binding.answer": {"en": "Answer", "ko": "답"},
    "binding.not_sure": {"en": "Not sure", "ko": "모름"},
    "binding.back": {"en": "Back", "ko": "이전"},
    "binding.next": {"en": "Next", "ko": "다음"},
    "binding.note": {"en": "Note", "ko": "메모"},
    "binding.toggle_help": {"en": "Why", "ko": "설명"},
    "binding.sidebar": {"en": "Sidebar", "ko": "사이드바"},
    # --- note ------------------------------------------------------------------------------
    "note.heading": {
        "en": "Note or evidence link for this question",
        "ko": "이 질문의 메모 또는 근거 링크",
    },
    "note.placeholder": {
        "en": "e.g. template since May, https://wiki/…",
        "ko": "예: 5월부터 템플릿 사용, https://wiki/…",
    },
    "note.hint": {"en": "enter saves · escape cancels", "ko": "enter 저장 · escape 취소"},
    # --- DORA ------------------------------------------------------------------------------
    "dora.heading": {"en": "DORA delivery metrics", "ko": "DORA 딜리버리 지표"},
    "dora.benchmark": {"en": "Tier benchmark", "ko": "등급 기준"},
    "dora.colhead": {"en": "0–10  tier", "ko": "0–10  등급"},
    "dora.quick": {
        "en": "DORA Quick Check: {score}/10",
        "ko": "DORA Quick Check: {score}/10",
    },
    "dora.quick_parts": {
        "en": " (throughput {throughput} · stability {stability})",
        "ko": " (처리량 {throughput} · 안정성 {stability})",
    },
    "dora.quick_missing": {
        "en": "DORA Quick Check: enter a metric to see its 0–10 score",
        "ko": "DORA Quick Check: 지표를 입력하면 0–10점 점수가 나옵니다",
    },
    "dora.overall": {
        "en": "Tier against the {bench} benchmark: {tier}",
        "ko": "{bench} 벤치마크 기준 등급: {tier}",
    },
    "dora.overall_missing": {
        "en": "Tier against the {bench} benchmark: needs 3 of the 4 key metrics",
        "ko": "{bench} 벤치마크 기준 등급: 핵심 지표 4개 중 3개가 필요합니다",
    },
    "dora.historical": {
        "en": "Tiers are historical: DORA last published them in {year}. The 2025 report describes seven team profiles instead, which this tool does not assess.",
        "ko": "등급은 과거 기준입니다. DORA는 {year}년에 마지막으로 등급을 발표했고, 2025년 보고서는 등급 대신 일곱 가지 팀 프로필을 제시합니다. 이 도구는 팀을 프로필에 배정하지 않습니다.",
    },
    "dora.optional": {"en": "optional", "ko": "선택"},
    "dora.buckets": {
        "en": "ctrl+o: pick one of these Quick Check answers (enter), or type a value in the field above; tab: next field",
        "ko": "ctrl+o: 아래 퀵 체크 답 중 하나 고르기(enter), 또는 위 칸에 값을 직접 입력. tab: 다음 칸",
    },
    "binding.buckets": {"en": "Choices", "ko": "보기"},
    "dora.examples": {"en": "e.g. {examples}", "ko": "예: {examples}"},
    "dora.saved": {"en": "✓ saved", "ko": "✓ 저장됨"},
    "dora.not_saved": {
        "en": "fix the marked field; it is not saved",
        "ko": "표시된 칸을 고치세요. 저장되지 않았습니다",
    },
    # tier names come from the one catalogue of domain terms (maturity.model.terms)
    **{f"tier.{tier}": dict(name) for tier, name in TIERS.items()},
    "binding.next_field": {"en": "Next field", "ko": "다음 칸"},
    # --- results ---------------------------------------------------------------------------
    "r.heading": {"en": "Results · {team}", "ko": "결과 · {team}"},
    "r.overall": {
        "en": "Overall: level {level} {name} (score {score})",
        "ko": "종합: 레벨 {level} {name} (점수 {score})",
    },
    "r.partial": {
        "en": "Overall: not enough answers yet (partial score {score})",
        "ko": "종합: 답이 아직 부족합니다 (부분 점수 {score})",
    },
    "r.no_answers": {"en": "Overall: no answers yet", "ko": "종합: 아직 답이 없습니다"},
    "r.capped": {
        "en": "capped at the weakest dimension + 1 ({dimension})",
        "ko": "가장 약한 차원 + 1로 제한됨 ({dimension})",
    },
    "r.not_enough": {"en": "not enough answers", "ko": "답 부족"},
    "r.level": {"en": "L{level} {name}", "ko": "레벨 {level} {name}"},
    "r.coverage": {"en": "{pct} answered", "ko": "{pct} 답함"},
    "r.held_back": {
        "en": "{distance} below level {next}; held back by:",
        "ko": "레벨 {next}까지 {distance} 남음. 발목을 잡는 질문:",
    },
    "r.dora": {
        "en": "Tier against the {bench} benchmark: {tier}",
        "ko": "{bench} 벤치마크 기준 등급: {tier}",
    },
    "r.dora_incomplete": {"en": "needs 3 of the 4 key metrics", "ko": "핵심 지표 4개 중 3개 필요"},
    "r.dora_none": {
        "en": "DORA: no metrics yet (press d to enter them)",
        "ko": "DORA: 아직 지표가 없습니다 (d 키로 입력)",
    },
    "r.optimistic": {
        "en": "⚠ The answers sit above the maturity band this DORA tier implies (levels {lo}–{hi}): the self-assessment may be optimistic.",
        "ko": "⚠ 답이 이 DORA 등급이 뜻하는 성숙도 범위(레벨 {lo}–{hi})보다 높습니다. 자가 진단이 낙관적일 수 있습니다.",
    },
    "r.roadmap": {"en": "Roadmap", "ko": "로드맵"},
    "r.horizon.now": {"en": "Now", "ko": "지금"},
    "r.horizon.next": {"en": "Next", "ko": "다음"},
    "r.horizon.later": {"en": "Later", "ko": "나중"},
    "r.no_recommendations": {"en": "No recommendations yet.", "ko": "아직 추천이 없습니다."},
    "r.effort": {"en": "effort {effort}", "ko": "작업량 {effort}"},
    "r.change_hint": {
        "en": "Select a held-back question (enter) to change its answer.",
        "ko": "질문을 골라(enter) 답을 바꿀 수 있습니다.",
    },
    "binding.answers": {"en": "Answers", "ko": "답 보기"},
    # --- export ----------------------------------------------------------------------------
    "export.heading": {"en": "Export a report", "ko": "보고서 내보내기"},
    "export.format": {"en": "Format", "ko": "형식"},
    "export.path": {"en": "File", "ko": "파일"},
    "export.start": {"en": "Export", "ko": "내보내기"},
    "export.working": {"en": "Writing the report…", "ko": "보고서를 쓰는 중…"},
    "export.done": {"en": "Report written to {path}", "ko": "보고서를 {path}에 저장했습니다"},
    "export.unavailable": {
        "en": "Report export is not available yet in this version (use maturity export ID for the JSON document).",
        "ko": "이 버전에서는 아직 보고서 내보내기를 쓸 수 없습니다 (JSON 문서는 maturity export ID).",
    },
    "export.error.path": {"en": "Give a file path.", "ko": "파일 경로를 입력하세요."},
    # --- compare -------------------------------------------------------------------------
    "compare.heading": {"en": "Compare", "ko": "비교"},
    "compare.overall": {"en": "Overall", "ko": "종합"},
    "compare.changed": {"en": "Changed answers: {count}", "ko": "바뀐 답: {count}개"},
    "compare.legend": {"en": "· not answered, ? not sure", "ko": "· 답 없음, ? 잘 모르겠음"},
    "compare.none_changed": {"en": "No answer changed.", "ko": "바뀐 답이 없습니다."},
    "compare.note": {"en": "note: {a} → {b}", "ko": "메모: {a} → {b}"},
    "compare.versions": {"en": "Questionnaires: {a} → {b}", "ko": "설문: {a} → {b}"},
    "compare.unmatched": {
        "en": "Questions not in both questionnaire versions",
        "ko": "두 설문 버전 중 한쪽에만 있는 질문",
    },
    "compare.only_a": {"en": "only in the first ({version})", "ko": "첫 번째({version})에만"},
    "compare.only_b": {"en": "only in the second ({version})", "ko": "두 번째({version})에만"},
    "compare.dora": {"en": "DORA: {a} → {b}", "ko": "DORA: {a} → {b}"},
    "compare.no_dora": {
        "en": "No DORA metrics on either side.",
        "ko": "양쪽 모두 DORA 지표가 없습니다.",
    },
    "compare.done": {
        "en": "Recommendations now done ({count})",
        "ko": "이제 달성한 추천 실천 ({count}개)",
    },
    "compare.new": {"en": "New recommendations ({count})", "ko": "새로 추천된 실천 ({count}개)"},
    "compare.marked": {
        "en": "Marked {team} ({date}); select another assessment and press c to compare",
        "ko": "{team} ({date}) 표시함. 다른 진단을 골라 c를 누르면 비교합니다",
    },
    "compare.need_mark": {
        "en": "Mark one assessment with m, then press c on another.",
        "ko": "m으로 진단 하나를 표시한 뒤 다른 진단에서 c를 누르세요.",
    },
    "compare.same": {
        "en": "Select a different assessment to compare with.",
        "ko": "비교할 다른 진단을 고르세요.",
    },
    "binding.mark": {"en": "Mark", "ko": "표시"},
    "binding.compare": {"en": "Compare", "ko": "비교"},
    "cmd.compare": {"en": "Compare with the marked assessment", "ko": "표시한 진단과 비교"},
    "cmd.compare.help": {"en": "Mark one with m first", "ko": "먼저 m으로 하나를 표시하세요"},
    "help.screen.compare": {"en": "Compare", "ko": "비교"},
    # --- help ------------------------------------------------------------------------------
    "help.heading": {"en": "Keys", "ko": "키 도움말"},
    "help.key": {"en": "Key", "ko": "키"},
    "help.action": {"en": "Action", "ko": "동작"},
    "help.everywhere": {"en": "Everywhere", "ko": "어디서나"},
    "help.screen.home": {"en": "Home", "ko": "처음 화면"},
    "help.screen.new": {"en": "New assessment", "ko": "새 진단"},
    "help.screen.question": {"en": "Questions", "ko": "질문"},
    "help.screen.dora": {"en": "DORA metrics", "ko": "DORA 지표"},
    "help.screen.results": {"en": "Results", "ko": "결과"},
    "help.footer": {
        "en": "Everything is saved as you go; q or escape returns home. escape closes this help.",
        "ko": "모든 답은 즉시 저장됩니다. q 또는 escape는 처음 화면으로 돌아갑니다. escape로 이 도움말을 닫습니다.",
    },
    # --- command palette -------------------------------------------------------------------
    "cmd.new": {"en": "New assessment", "ko": "새 진단"},
    "cmd.new.help": {"en": "Start a new assessment for a team", "ko": "팀의 새 진단을 시작합니다"},
    "cmd.home": {"en": "Home", "ko": "처음 화면"},
    "cmd.home.help": {"en": "Back to the list of assessments", "ko": "진단 목록으로 돌아갑니다"},
    "cmd.results": {"en": "Results", "ko": "결과"},
    "cmd.results.help": {"en": "Scores, DORA tier and roadmap", "ko": "점수, DORA 등급, 로드맵"},
    "cmd.dora": {"en": "DORA metrics", "ko": "DORA 지표"},
    "cmd.dora.help": {
        "en": "Enter the four key delivery metrics",
        "ko": "핵심 딜리버리 지표 4개를 입력합니다",
    },
    "cmd.export": {"en": "Export report", "ko": "보고서 내보내기"},
    "cmd.export.help": {"en": "Write an HTML or PDF report", "ko": "HTML 또는 PDF 보고서를 씁니다"},
    "cmd.language": {"en": "Language: 한국어", "ko": "언어: English"},
    "cmd.language.help": {
        "en": "Switch the whole interface to Korean",
        "ko": "화면 전체를 영어로 바꿉니다",
    },
    "cmd.theme": {"en": "Light / dark theme", "ko": "밝은 / 어두운 테마"},
    "cmd.theme.help": {
        "en": "Toggle between the light and dark theme",
        "ko": "밝은 테마와 어두운 테마를 오갑니다",
    },
    "cmd.help": {"en": "Keys", "ko": "키 도움말"},
    "cmd.help.help": {"en": "Every key binding", "ko": "모든 키 바인딩"},
    "cmd.resume": {"en": "Resume assessment", "ko": "진단 이어 하기"},
    "cmd.resume.help": {
        "en": "Continue at the first unanswered question",
        "ko": "답하지 않은 첫 질문부터 이어 갑니다",
    },
    # --- coaches: snapshots, trend, portfolio ----------------------------------------------
    "snap.badge": {"en": "complete · read-only", "ko": "완료 · 읽기 전용"},
    "snap.read_only": {
        "en": "This assessment is complete, so it is read-only. Reopen it (C on home or results) to change answers.",
        "ko": "완료된 진단이라 읽기 전용입니다. 답을 바꾸려면 다시 여세요 (처음 화면이나 결과에서 C).",
    },
    "snap.completed": {
        "en": "{team} ({date}) is complete; it stays read-only until it is reopened.",
        "ko": "{team} ({date}) 진단을 완료했습니다. 다시 열기 전까지 읽기 전용입니다.",
    },
    "snap.already_complete": {
        "en": "This assessment is already complete.",
        "ko": "이미 완료된 진단입니다.",
    },
    "snap.not_complete": {
        "en": "This assessment is not complete; there is nothing to reopen.",
        "ko": "완료되지 않은 진단이라 다시 열 것이 없습니다.",
    },
    "snap.reopened": {
        "en": "{team} ({date}) reopened; the reason is recorded with it.",
        "ko": "{team} ({date}) 진단을 다시 열었습니다. 이유를 함께 기록했습니다.",
    },
    "snap.new_from": {
        "en": "Started {team} from the assessment of {date}: {answered} answers pre-filled. Change what changed.",
        "ko": "{date} 진단에서 {team} 새 진단을 시작했습니다. 답 {answered}개를 미리 채웠으니 바뀐 것만 고치세요.",
    },
    "snap.upgraded": {
        "en": "Moved to {version}: {replaced} re-anchored questions to answer again, {added} new questions.",
        "ko": "{version}(으)로 옮겼습니다. 기준이 바뀌어 다시 답할 질문 {replaced}개, 새 질문 {added}개가 있습니다.",
    },
    "reopen.heading": {"en": "Reopen a complete assessment", "ko": "완료된 진단 다시 열기"},
    "reopen.question": {
        "en": "Why is the assessment of {team} ({date}) reopened? The reason is kept with it.",
        "ko": "{team} ({date}) 진단을 왜 다시 여나요? 이유는 진단과 함께 보관됩니다.",
    },
    "reopen.placeholder": {
        "en": "e.g. the DORA numbers arrived late",
        "ko": "예: DORA 수치가 늦게 나옴",
    },
    "reopen.hint": {"en": "enter reopens · escape cancels", "ko": "enter 다시 열기 · escape 취소"},
    "reopen.error.reason": {
        "en": "Give a reason; it is recorded with the assessment.",
        "ko": "이유를 입력하세요. 진단과 함께 기록됩니다.",
    },
    "binding.complete": {"en": "Complete", "ko": "완료"},
    "binding.reopen": {"en": "Reopen", "ko": "다시 열기"},
    "binding.new_from": {"en": "New from this", "ko": "이어서 새 진단"},
    "binding.trend": {"en": "Trend", "ko": "추이"},
    "binding.portfolio": {"en": "Portfolio", "ko": "포트폴리오"},
    "binding.compare_previous": {"en": "Compare with previous", "ko": "이전과 비교"},
    "cmd.compare_previous": {
        "en": "Compare with the previous assessment",
        "ko": "이전 진단과 비교",
    },
    "cmd.compare_previous.help": {
        "en": "What changed since the assessment before the selected one",
        "ko": "고른 진단과 그 이전 진단 사이에 바뀐 것",
    },
    "cmd.complete": {"en": "Complete the assessment", "ko": "진단 완료하기"},
    "cmd.complete.help": {
        "en": "Mark it complete: read-only until reopened",
        "ko": "완료로 표시합니다. 다시 열기 전까지 읽기 전용",
    },
    "cmd.reopen": {"en": "Reopen the assessment", "ko": "진단 다시 열기"},
    "cmd.reopen.help": {
        "en": "Make a complete assessment editable again (the reason is recorded)",
        "ko": "완료된 진단을 다시 고칠 수 있게 합니다 (이유를 기록)",
    },
    "cmd.new_from": {"en": "New assessment from this one", "ko": "이 진단에서 새 진단 시작"},
    "cmd.new_from.help": {
        "en": "Next quarter's assessment of the team, pre-filled with these answers",
        "ko": "이 답을 미리 채운 팀의 다음 분기 진단",
    },
    "cmd.trend": {"en": "Trend of the team", "ko": "팀의 추이"},
    "cmd.trend.help": {
        "en": "Each dimension's score over time, and the DORA tier",
        "ko": "차원별 점수의 변화와 DORA 등급",
    },
    "cmd.portfolio": {"en": "Portfolio of all teams", "ko": "전체 팀 포트폴리오"},
    "cmd.portfolio.help": {
        "en": "Latest levels of every team, and the weakest dimension",
        "ko": "모든 팀의 최근 레벨과 가장 약한 차원",
    },
    "help.screen.trend": {"en": "Trend", "ko": "추이"},
    "help.screen.portfolio": {"en": "Portfolio", "ko": "포트폴리오"},
    "trend.heading": {"en": "Trend · {team}", "ko": "추이 · {team}"},
    "trend.count": {
        "en": "{count} assessments, {first} – {last}",
        "ko": "진단 {count}개, {first} – {last}",
    },
    "trend.one": {
        "en": "{team} has one assessment so far ({date}); a trend needs at least two.",
        "ko": "{team} 팀의 진단은 아직 하나뿐입니다 ({date}). 추이를 보려면 두 개 이상 필요합니다.",
    },
    "trend.one.next": {
        "en": "Press f to start the next one from it: its answers are pre-filled, so the team only changes what changed.\n\nr shows its results, escape goes back.",
        "ko": "f를 누르면 이 진단에서 다음 진단을 시작합니다. 답이 미리 채워지므로 팀은 바뀐 것만 고치면 됩니다.\n\nr 결과 보기, escape 돌아가기.",
    },
    "trend.legend.dora": {
        "en": "DORA row: L low, M medium, H high, E elite, - not enough metrics",
        "ko": "DORA 줄: L 저성과, M 중간 성과, H 고성과, E 엘리트, - 지표 부족",
    },
    "trend.col.date": {"en": "Date", "ko": "날짜"},
    "trend.col.overall": {"en": "Overall", "ko": "종합"},
    "trend.col.dora": {"en": "DORA", "ko": "DORA"},
    "trend.first_selected": {
        "en": "This is the first assessment; select a later one to compare it with the one before.",
        "ko": "첫 진단입니다. 이전 진단과 비교하려면 나중 진단을 고르세요.",
    },
    "portfolio.heading": {"en": "Portfolio", "ko": "포트폴리오"},
    "portfolio.count": {"en": "{teams} teams", "ko": "팀 {teams}개"},
    "portfolio.intro": {
        "en": "Latest complete assessment of each team (the latest one if none is complete); levels 1–5, – not enough answers.",
        "ko": "팀마다 가장 최근에 완료한 진단 (완료한 것이 없으면 가장 최근 진단). 레벨 1–5, – 는 답 부족.",
    },
    "portfolio.empty": {
        "en": "No teams yet. Start an assessment with n on home.",
        "ko": "아직 팀이 없습니다. 처음 화면에서 n으로 진단을 시작하세요.",
    },
    "portfolio.col.team": {"en": "Team", "ko": "팀"},
    "portfolio.col.overall": {"en": "Overall", "ko": "종합"},
    "portfolio.col.dora": {"en": "DORA", "ko": "DORA"},
    "portfolio.col.date": {"en": "Latest", "ko": "최근"},
    "portfolio.stale": {"en": "stale", "ko": "오래됨"},
    "portfolio.weakest": {
        "en": "Organisation-wide weakest dimension: {dimension} (mean score {score})",
        "ko": "조직 전체에서 가장 약한 차원: {dimension} (평균 점수 {score})",
    },
    "portfolio.no_weakest": {
        "en": "No dimension has enough answers yet to name the weakest.",
        "ko": "가장 약한 차원을 정할 만큼 답한 차원이 아직 없습니다.",
    },
    "portfolio.means": {"en": "Mean scores: {means}", "ko": "평균 점수: {means}"},
    "portfolio.stale_count": {
        "en": "{count} team(s) last assessed more than six months ago ({days} days), marked {mark}.",
        "ko": "{count}개 팀은 마지막 진단이 6개월({days}일)보다 오래되었습니다 (표시: {mark}).",
    },
}


# The core table above, then team mode (i18n_team.py), the retrospective flow (i18n_retro.py),
# dora measure (i18n_measure.py) and the plan (i18n_plan.py).
# A key defined twice in two tables is an error at import (see catalogue.merged).
STRINGS: Final[Catalogue] = merged(
    _CORE, TEAM_STRINGS, RETRO_STRINGS, MEASURE_STRINGS, PLAN_STRINGS
)


def t(key: str, lang: str = "en", **values: object) -> str:
    """The UI string ``key`` in ``lang`` (English fallback), with ``{name}`` fields filled in."""
    return STRINGS.text(key, lang, **values)


def other(lang: str) -> str:
    """The language the toggle switches to (the next one in the list, round)."""
    i = LANGS.index(lang) if lang in LANGS else -1
    return LANGS[(i + 1) % len(LANGS)]


def default_language() -> str:
    """``MATURITY_LANG`` if set (one of :data:`LANGS`), else the locale's language when the app
    speaks it (``ko_KR.UTF-8`` -> Korean), else English."""
    import os

    explicit = os.environ.get("MATURITY_LANG", "").strip().lower()
    if explicit in LANGS:
        return explicit
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return next((lang for lang in LANGS if value.lower().startswith(lang)), "en")
    return "en"
