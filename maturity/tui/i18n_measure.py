"""UI strings of "Measure from data" (DORA screen) and the measured block of the results screen,
merged into :data:`i18n.STRINGS` like team mode's (English required, Korean beside)."""

from __future__ import annotations

from typing import Final

MEASURE_STRINGS: Final[dict[str, dict[str, str]]] = {
    "binding.measure": {"en": "Measure from data", "ko": "데이터로 측정"},
    "binding.browse": {"en": "Browse", "ko": "찾아보기"},
    "binding.run_measure": {"en": "Measure", "ko": "측정"},
    "m.heading": {"en": "Measure from data", "ko": "데이터로 측정"},
    "m.intro": {
        "en": "The DORA keys from the team's own git history and records. Give a repository and either a deployments file, a tag pattern or a deploy branch; ctrl+o browses for the focused path, ctrl+s measures and stores the result beside the answers.",
        "ko": "팀의 git 이력과 기록으로 DORA 지표를 잰다. 저장소와 함께 배포 기록 파일, 태그 패턴, 배포 브랜치 중 하나를 준다. ctrl+o로 경로를 찾아보고, ctrl+s로 측정해 응답 옆에 저장한다.",
    },
    "m.repo": {"en": "Repository folder", "ko": "저장소 폴더"},
    "m.deployments": {"en": "Deployments file", "ko": "배포 기록 파일"},
    "m.incidents": {"en": "Incidents file", "ko": "장애 기록 파일"},
    "m.deploy_branch": {"en": "Deploy branch", "ko": "배포 브랜치"},
    "m.deploy_tags": {"en": "Deploy tags", "ko": "배포 태그"},
    "m.since": {"en": "Window", "ko": "기간"},
    "m.reverts": {"en": "Reverts as failures, days", "ko": "revert로 실패 추정, 일"},
    "m.optional": {"en": "optional", "ko": "선택"},
    "m.browse_hint": {
        "en": "enter picks, escape closes the picker",
        "ko": "enter로 고르고 escape로 닫는다",
    },
    "m.running": {"en": "Measuring…", "ko": "측정 중…"},
    "m.step": {"en": "{step}", "ko": "{step}"},
    "m.stored": {
        "en": "Measured and stored beside the answers: see Results.",
        "ko": "측정해 응답 옆에 저장했다. 결과 화면에서 본다.",
    },
    "m.read_only": {
        "en": "This assessment is complete: reopen it to store measured values.",
        "ko": "완료된 진단이다. 측정값을 저장하려면 다시 연다.",
    },
    "r.measured": {
        "en": "Self-reported vs measured ({year}): {n} disagreement(s) of a tier or more",
        "ko": "자가 보고 대 측정값 ({year}): 한 등급 이상 다른 항목 {n}개",
    },
    "r.measured_window": {
        "en": "measured {start} to {end} ({days} days), maturity {version}",
        "ko": "{start} – {end} ({days}일) 측정, maturity {version}",
    },
    "r.measured_proxy": {
        "en": "change failure rate from reverts within {days} days (a proxy)",
        "ko": "변경 실패율은 {days}일 안의 revert로 추정한 대체 지표",
    },
    "r.weekly": {"en": "Weekly: deploys (bars), failures (x)", "ko": "주별: 배포(막대), 실패(x)"},
}
