"""The core's error messages in every language, by code (see :class:`maturity.errors.MaturityError`).

The English text of a code is the message the command line prints, unless the raise site gives
its own (a message naming flags or commands, such as ``use --replace``): the code's text is then
what a screen shows, in the UI's language, and never names a flag. ``{name}`` fields are filled
from the error's params, which are values (ids, names, numbers, what was typed), never words
that would need translating.

Korean is written for the TUI, in the polite register of its other messages (-습니다/-세요).
"""

from __future__ import annotations

from typing import Final

from maturity.catalogue import Catalogue, merged

_LIMITS: Final[dict[str, dict[str, str]]] = {
    "limit.team": {
        "en": "a team name has at most {limit} characters (got {count})",
        "ko": "팀 이름은 {limit}자까지 쓸 수 있습니다 (지금 {count}자)",
    },
    "limit.facilitator": {
        "en": "a facilitator's name has at most {limit} characters (got {count})",
        "ko": "진행자 이름은 {limit}자까지 쓸 수 있습니다 (지금 {count}자)",
    },
    "limit.participant": {
        "en": "a participant's name has at most {limit} characters (got {count})",
        "ko": "참여자 이름은 {limit}자까지 쓸 수 있습니다 (지금 {count}자)",
    },
    "limit.note": {
        "en": "a note has at most {limit} characters (got {count})",
        "ko": "메모는 {limit}자까지 쓸 수 있습니다 (지금 {count}자)",
    },
    "limit.reason": {
        "en": "a reason has at most {limit} characters (got {count})",
        "ko": "사유는 {limit}자까지 쓸 수 있습니다 (지금 {count}자)",
    },
    "limit.dora": {
        "en": "a DORA input has at most {limit} characters (got {count})",
        "ko": "DORA 입력값은 {limit}자까지 쓸 수 있습니다 (지금 {count}자)",
    },
    "limit.participants": {
        "en": "at most {limit} participants per assessment (got {count})",
        "ko": "진단 하나에 참여자는 {limit}명까지 둘 수 있습니다 (지금 {count}명)",
    },
    "name.required": {"en": "a name is required", "ko": "이름을 입력하세요"},
    "name.too_long": {
        "en": "a name has at most {limit} characters",
        "ko": "이름은 {limit}자까지 쓸 수 있습니다",
    },
    "name.reserved": {
        "en": "'{name}' looks like an anonymous vote key; choose another name",
        "ko": "익명 투표 키처럼 보이는 이름입니다: '{name}'. 다른 이름을 고르세요",
    },
}

# DORA inputs as typed on the DORA screen; the screen puts the metric's title in front, so
# these texts do not name the metric (the command line's message does).
_DORA: Final[dict[str, dict[str, str]]] = {
    "dora.empty": {"en": "empty value", "ko": "값이 비어 있습니다"},
    "dora.frequency": {
        "en": (
            "cannot read '{value}'; expected a frequency like 3/day, 2/week, 1/month, monthly"
            " or on demand, or deployment days like 5 days/week"
        ),
        "ko": (
            "읽을 수 없는 값입니다: '{value}'. 3/day, 2/week, 1/month, monthly, on demand 같은"
            " 배포 빈도나 5 days/week 같은 주당 배포일 수로 입력하세요"
        ),
    },
    "dora.duration": {
        "en": "cannot read '{value}'; expected a duration like 45m, 6h, 2d, 3w or 4mo",
        "ko": "읽을 수 없는 값입니다: '{value}'. 45m, 6h, 2d, 3w, 4mo 같은 기간으로 입력하세요",
    },
    "dora.rate": {
        "en": "cannot read '{value}'; expected a percentage from 0 to 100, like 12% or 30",
        "ko": "읽을 수 없는 값입니다: '{value}'. 12%나 30처럼 0–100 사이의 백분율로 입력하세요",
    },
    "dora.days_week": {
        "en": "cannot read '{value}'; a week has at most 7 days",
        "ko": "읽을 수 없는 값입니다: '{value}'. 한 주는 7일까지입니다",
    },
    "dora.days_month": {
        "en": "cannot read '{value}'; a month has at most 31 days",
        "ko": "읽을 수 없는 값입니다: '{value}'. 한 달은 31일까지입니다",
    },
    "dora.too_large": {
        "en": "'{value}' is too large to be a real measurement",
        "ko": "실제 측정값으로 보기에는 너무 큰 값입니다: '{value}'",
    },
}

_ASSESSMENT: Final[dict[str, dict[str, str]]] = {
    "assessment.complete": {
        "en": "assessment {id} is complete; reopen it to change answers",
        "ko": "이 진단({id})은 완료되었습니다. 답을 바꾸려면 먼저 진단을 다시 여세요",
    },
    "assessment.already_complete": {
        "en": "assessment {id} is already complete",
        "ko": "이 진단({id})은 이미 완료되었습니다",
    },
    "assessment.not_complete": {
        "en": "assessment {id} is not complete; nothing to reopen",
        "ko": "이 진단({id})은 완료되지 않았으므로 다시 열 필요가 없습니다",
    },
    "assessment.reopen_reason": {
        "en": "give the reason for reopening (it is kept with the assessment)",
        "ko": "다시 여는 사유를 입력하세요 (진단과 함께 보관됩니다)",
    },
    "assessment.exists": {
        "en": "assessment {id} ({team}) already exists with different content",
        "ko": "같은 ID의 진단이 이미 있지만 내용이 다릅니다: {id} ({team})",
    },
    "vote.closed": {
        "en": "assessment {id} is complete; voting is closed",
        "ko": "이 진단({id})은 완료되어 투표가 마감되었습니다",
    },
    "vote.revealed": {
        "en": "the votes on {question} are revealed; a vote can no longer be changed",
        "ko": "{question}의 투표가 이미 공개되어 더는 바꿀 수 없습니다",
    },
    "vote.anonymous_name": {
        "en": "anonymous assessment: a vote is cast with a token, not a name",
        "ko": "익명 진단입니다. 투표는 이름이 아니라 토큰으로 합니다",
    },
    "vote.anonymous_record": {
        "en": "anonymous assessment: recorded votes must not name voters",
        "ko": "익명 진단입니다. 기록된 투표에 투표자 이름이 있으면 안 됩니다",
    },
    "vote.nobody": {
        "en": "{question}: nobody has voted; give the team's level",
        "ko": "{question}: 아직 아무도 투표하지 않았습니다. 팀의 레벨을 직접 고르세요",
    },
    "questionnaire.missing": {
        "en": "questionnaire '{questionnaire}' version {version} is not in this store",
        "ko": "이 저장소에 없는 설문입니다: '{questionnaire}' 버전 {version}",
    },
    "questionnaire.unknown": {
        "en": "no built-in questionnaire '{ref}'; built-in: {known} (or give a file path)",
        "ko": "없는 기본 설문입니다: '{ref}'. 기본 설문: {known} (또는 파일 경로를 주세요)",
    },
    "questionnaire.differs": {
        "en": (
            "questionnaire '{questionnaire}' version {version} in this store differs from"
            " {origin}; give the changed questionnaire a new version"
        ),
        "ko": (
            "이 저장소에 있는 설문 '{questionnaire}' 버전 {version}의 내용이 파일({origin})과"
            " 다릅니다. 설문을 바꿨다면 새 버전 번호를 붙이세요"
        ),
    },
}

_TEAMS: Final[dict[str, dict[str, str]]] = {
    "team.not_found": {"en": "no team '{team}'", "ko": "'{team}' 팀이 없습니다"},
    "team.blank": {
        "en": "the new team name must not be blank",
        "ko": "새 팀 이름을 입력하세요",
    },
    "team.exists": {
        "en": "team '{team}' already exists; merge the two teams instead",
        "ko": "'{team}' 팀이 이미 있습니다. 이름을 바꾸는 대신 두 팀을 합치세요",
    },
    "team.merge_self": {
        "en": "cannot merge a team into itself",
        "ko": "팀을 자기 자신과 합칠 수 없습니다",
    },
    "trend.one": {
        "en": "team '{team}' has one assessment so far; a trend needs at least two",
        "ko": "'{team}' 팀의 진단은 아직 하나뿐입니다. 추이를 보려면 진단이 두 개 이상 필요합니다",
    },
}

_PLAN: Final[dict[str, dict[str, str]]] = {
    "plan.bad_date": {
        "en": "a date must be YYYY-MM-DD, got '{text}'",
        "ko": "날짜는 YYYY-MM-DD 형식으로 입력하세요 (입력: '{text}')",
    },
    "plan.past_date": {
        "en": "{day} is in the past (today is {today})",
        "ko": "이미 지난 날짜입니다: {day} (오늘: {today})",
    },
    "plan.owner_control": {
        "en": "owner must not contain control characters",
        "ko": "담당자에는 제어 문자를 쓸 수 없습니다",
    },
    "plan.owner_long": {
        "en": "owner is longer than {limit} characters",
        "ko": "담당자는 {limit}자까지 쓸 수 있습니다",
    },
    "plan.title_control": {
        "en": "title must not contain control characters",
        "ko": "제목에는 제어 문자를 쓸 수 없습니다",
    },
    "plan.title_missing": {
        "en": "an action needs a title",
        "ko": "액션 아이템에는 제목이 필요합니다",
    },
    "plan.title_long": {
        "en": "title is longer than {limit} characters",
        "ko": "제목은 {limit}자까지 쓸 수 있습니다",
    },
    "plan.notes_control": {
        "en": "notes must not contain control characters",
        "ko": "메모에는 제어 문자를 쓸 수 없습니다",
    },
    "plan.unknown_dimension": {
        "en": "unknown dimension '{dimension}'; known: {known}",
        "ko": "없는 차원입니다: '{dimension}' (있는 차원: {known})",
    },
    "plan.target_range": {
        "en": "{dimension}: target level must be 1-5, got {level}",
        "ko": "{dimension}: 목표 레벨은 1–5 사이여야 합니다 (입력: {level})",
    },
    "plan.target_below": {
        "en": "{dimension}: target level {level} is below today's level {today}",
        "ko": "{dimension}: 목표 레벨({level})이 현재 레벨({today})보다 낮습니다",
    },
    "plan.complete": {
        "en": (
            "assessment {id} is complete; reopen it to change its plan, or carry its open"
            " actions into a new assessment"
        ),
        "ko": (
            "이 진단({id})은 완료되었습니다. 계획을 바꾸려면 진단을 다시 열거나,"
            " 끝나지 않은 액션 아이템을 새 진단으로 넘기세요"
        ),
    },
    "plan.unknown_practice": {
        "en": "unknown practice '{practice}'",
        "ko": "없는 실천입니다: '{practice}'",
    },
    "plan.practice_open": {
        "en": "practice '{practice}' already has an open action",
        "ko": "'{practice}' 실천에는 이미 진행 중인 액션 아이템이 있습니다",
    },
    "plan.carried": {
        "en": "action {id} was carried over to a later assessment; change it there ({to})",
        "ko": "이 액션 아이템({id})은 이후 진단으로 넘어갔습니다. 그 진단({to})에서 바꾸세요",
    },
    "plan.drop_reason": {
        "en": "dropping an action needs a reason",
        "ko": "액션 아이템을 그만두려면 사유를 입력하세요",
    },
}

_STORE: Final[dict[str, dict[str, str]]] = {
    "store.locked": {
        "en": "store {path}: locked by another maturity process; try again in a moment",
        "ko": "저장소 {path}: 다른 maturity 프로세스가 사용 중입니다. 잠시 뒤에 다시 시도하세요",
    },
    "store.read_only_fs": {
        "en": "store {path}: on a read-only file system; maturity cannot open it for changes there",
        "ko": "저장소 {path}: 읽기 전용 파일 시스템에 있어서 변경 내용을 저장할 수 없습니다",
    },
    "store.disk_full": {
        "en": "store {path}: the disk is full; this change was not saved (free some space and try again)",
        "ko": "저장소 {path}: 디스크가 가득 차서 이번 변경은 저장되지 않았습니다 (공간을 확보한 뒤 다시 시도하세요)",
    },
    "store.read_only_folder": {
        "en": (
            "store {path}: the folder {folder} is read-only; maturity keeps its write-ahead log"
            " beside the store and cannot save there"
        ),
        "ko": (
            "저장소 {path}: 폴더({folder})가 읽기 전용입니다. maturity는 저장소 옆에 WAL 파일"
            "(write-ahead log)을 두어야 하므로 이 폴더에는 저장할 수 없습니다"
        ),
    },
    "store.read_only_file": {
        "en": "store {path}: the file is read-only; cannot save",
        "ko": "저장소 {path}: 파일이 읽기 전용이라 저장할 수 없습니다",
    },
    "store.wal_lost": {
        "en": (
            "store {path}: its write-ahead log ({wal}) is missing or empty although"
            " the store's index says it holds changes: it was probably deleted while maturity"
            " was running. Nothing was changed; close every maturity window (the last one to"
            " close writes its changes back) and run the command again"
        ),
        "ko": (
            "저장소 {path}: 저장소 색인에는 변경 내용이 있다고 되어 있는데 WAL 파일({wal})이"
            " 없거나 비어 있습니다. maturity가 실행 중일 때 지워진 것으로 보입니다. 아무것도 바뀌지"
            " 않았습니다. maturity 창을 모두 닫은 뒤(마지막으로 닫히는 창이 변경 내용을 기록합니다)"
            " 다시 시도하세요"
        ),
    },
    "store.read_only": {
        "en": "store {path}: read-only; cannot save",
        "ko": "저장소 {path}: 읽기 전용이라 저장할 수 없습니다",
    },
    "store.inconsistent": {
        "en": "store {path}: refused inconsistent data ({detail})",
        "ko": "저장소 {path}: 데이터 정합성이 맞지 않아 저장하지 않았습니다 ({detail})",
    },
    "store.corrupt": {
        "en": "store {path}: corrupt or unreadable ({detail}); it was not modified",
        "ko": "저장소 {path}: 손상되었거나 읽을 수 없습니다 ({detail}). 저장소는 바뀌지 않았습니다",
    },
    "store.cannot_open": {
        "en": "store {path}: cannot open ({detail})",
        "ko": "저장소 {path}: 열 수 없습니다 ({detail})",
    },
    "store.no_folder": {
        "en": "store {path}: folder {folder} does not exist",
        "ko": "저장소 {path}: 폴더({folder})가 없습니다",
    },
    "store.is_folder": {
        "en": "store {path}: is a folder, expected a SQLite file",
        "ko": "저장소 {path}: 폴더입니다. SQLite 파일을 지정하세요",
    },
    "store.not_regular": {
        "en": "store {path}: not a regular file; refusing to touch it",
        "ko": "저장소 {path}: 일반 파일이 아니므로 건드리지 않았습니다",
    },
    "store.newer": {
        "en": (
            "store {path}: written by a newer maturity (schema {version}, this version knows"
            " {known}); upgrade maturity to open it"
        ),
        "ko": (
            "저장소 {path}: 더 새로운 maturity가 만든 저장소입니다 (스키마 {version}, 이 버전은"
            " 스키마 {known}까지 읽을 수 있습니다). 열려면 maturity를 업그레이드하세요"
        ),
    },
    "store.not_maturity": {
        "en": "store {path}: a SQLite database, but not a maturity store; refusing to touch it",
        "ko": "저장소 {path}: SQLite 데이터베이스지만 maturity 저장소가 아니므로 건드리지 않았습니다",
    },
    "store.damaged": {
        "en": "store {path}: damaged (tables missing); refusing to touch it",
        "ko": "저장소 {path}: 손상된 저장소입니다(테이블 누락). 건드리지 않았습니다",
    },
    "store.old_read_only": {
        "en": (
            "store {path}: on a read-only file system and written by an older"
            " maturity; copy it somewhere writable to upgrade it"
        ),
        "ko": (
            "저장소 {path}: 읽기 전용 파일 시스템에 있고 이전 버전 maturity가 만든 저장소입니다."
            " 업그레이드하려면 쓸 수 있는 곳으로 복사하세요"
        ),
    },
    "store.cannot_connect": {
        "en": "store {path}: cannot connect ({detail})",
        "ko": "저장소 {path}: 연결할 수 없습니다 ({detail})",
    },
    "store.no_schema": {
        "en": (
            "store {path}: no maturity schema in this database; ask the database's owner to"
            " migrate the store"
        ),
        "ko": (
            "저장소 {path}: 이 데이터베이스에는 maturity 스키마가 없습니다. 데이터베이스 소유자에게"
            " 저장소 마이그레이션을 요청하세요"
        ),
    },
    "store.older": {
        "en": (
            "store {path}: schema {version} is older than this version's {known}; ask the"
            " database's owner to migrate the store"
        ),
        "ko": (
            "저장소 {path}: 스키마 버전({version})이 이 maturity의 스키마 버전({known})보다"
            " 낮습니다. 데이터베이스 소유자에게 저장소 마이그레이션을 요청하세요"
        ),
    },
    "store.denied": {
        "en": "store {path}: this role may not do that ({detail}); nothing was changed",
        "ko": "저장소 {path}: 이 역할(role)에는 그 작업 권한이 없습니다 ({detail}). 아무것도 바뀌지 않았습니다",
    },
    "store.busy": {
        "en": "store {path}: busy with other writers; try again in a moment",
        "ko": "저장소 {path}: 다른 쓰기 작업이 진행 중입니다. 잠시 뒤에 다시 시도하세요",
    },
    "store.connection_lost": {
        "en": (
            "store {path}: lost the connection to the database ({detail}); the command was"
            " not completed and nothing of it was saved"
        ),
        "ko": (
            "저장소 {path}: 데이터베이스 연결이 끊겼습니다 ({detail}). 작업이 끝나지 않았고"
            " 그 내용은 하나도 저장되지 않았습니다"
        ),
    },
    "store.not_sqlite": {
        "en": "store {path}: not a SQLite database; refusing to touch it",
        "ko": "저장소 {path}: SQLite 데이터베이스가 아니므로 건드리지 않았습니다",
    },
}

_NOT_FOUND: Final[dict[str, dict[str, str]]] = {
    "assessment.not_found": {
        "en": "no assessment with id '{id}'",
        "ko": "ID가 '{id}'인 진단이 없습니다",
    },
    "id.not_found": {
        "en": "nothing with id '{id}'",
        "ko": "ID가 '{id}'인 항목이 없습니다",
    },
    "id.not_hex": {
        "en": "'{id}' is not an id (ids are hexadecimal)",
        "ko": "올바른 ID가 아닙니다: '{id}' (ID는 16진수입니다)",
    },
    "id.ambiguous": {
        "en": "id prefix '{id}' is ambiguous: {matches}",
        "ko": "ID 앞부분 '{id}'에 해당하는 항목이 여러 개입니다: {matches}",
    },
    "store.empty": {
        "en": "store {path} does not exist yet (no assessments)",
        "ko": "저장소가 아직 없습니다 (진단 없음): {path}",
    },
}

# dora measure from the DORA screen's form: the command line names its flags, a screen the
# form's fields (see the m.* labels in tui/i18n_measure.py).
_MEASURE: Final[dict[str, dict[str, str]]] = {
    "measure.deploy_sources": {
        "en": "give one deploy source (a deployments file, deploy tags or a deploy branch), not several",
        "ko": "배포 출처는 하나만 주세요: 배포 기록 파일, 배포 태그, 배포 브랜치 중 하나",
    },
    "measure.no_deploys": {
        "en": "no deploys to measure: give a deployments file, deploy tags or a deploy branch",
        "ko": "측정할 배포가 없습니다. 배포 기록 파일, 배포 태그, 배포 브랜치 중 하나를 주세요",
    },
    "measure.needs_repo": {
        "en": "this reads the git history: give the repository folder too",
        "ko": "git 이력을 읽어야 하므로 저장소 폴더도 주세요",
    },
    "measure.incidents_or_reverts": {
        "en": "give either an incidents file or reverts as failures, not both",
        "ko": "장애 기록 파일과 revert로 실패 추정 중 하나만 주세요",
    },
    "measure.revert_days": {
        "en": "reverts as failures: days must be 1 to {max}",
        "ko": "revert로 실패 추정: 일 수는 1–{max} 사이여야 합니다",
    },
    "measure.reverts_number": {
        "en": "reverts as failures: expected a number of days, got '{value}'",
        "ko": "revert로 실패 추정: 일 수를 숫자로 입력하세요 (입력: '{value}')",
    },
    "measure.empty_tags": {
        "en": "deploy tags: empty pattern (e.g. 'v*')",
        "ko": "배포 태그: 패턴이 비어 있습니다 (예: 'v*')",
    },
    "measure.span": {
        "en": "window: expected a span like 90d, 12w, 6mo or 1y, got '{text}'",
        "ko": "기간: 90d, 12w, 6mo, 1y 같은 형식으로 입력하세요 (입력: '{text}')",
    },
    "measure.span_long": {
        "en": "window: {text} is longer than 100 years",
        "ko": "기간: 100년보다 깁니다 (입력: '{text}')",
    },
    "measure.file_too_large": {
        "en": (
            "{name}: {size} MiB is larger than the {max} MiB this command reads; filter the"
            " records to the window first"
        ),
        "ko": "{name}: 파일이 {size}MiB로, 읽을 수 있는 {max}MiB보다 큽니다. 먼저 기간에 맞게 기록을 걸러 주세요",
    },
    "measure.file_empty": {"en": "{name}: the file is empty", "ko": "{name}: 빈 파일입니다"},
    "measure.file_binary": {
        "en": "{name}: a binary file, expected CSV or JSON text",
        "ko": "{name}: 바이너리 파일입니다. CSV나 JSON 텍스트 파일을 주세요",
    },
    "measure.file_not_utf8": {
        "en": "{name}: not UTF-8 text (byte {byte})",
        "ko": "{name}: UTF-8 텍스트가 아닙니다 (바이트 위치 {byte})",
    },
    "measure.incidents_json": {
        "en": (
            "{name}: JSON is not read for incidents; give the incidents CSV or PagerDuty's"
            " incidents CSV export"
        ),
        "ko": (
            "{name}: 장애 기록은 JSON으로 읽지 않습니다. 장애 기록 CSV나 PagerDuty에서 내보낸"
            " 장애 CSV 파일을 주세요"
        ),
    },
    "measure.repo_missing": {
        "en": "repository folder {path}: no such folder",
        "ko": "저장소 폴더 {path}: 폴더가 없습니다",
    },
    "measure.repo_not_folder": {
        "en": "repository folder {path}: not a folder",
        "ko": "저장소 폴더 {path}: 폴더가 아닙니다. 저장소의 폴더를 고르세요",
    },
    "measure.repo_permission": {
        "en": "repository folder {path}: permission denied",
        "ko": "저장소 폴더 {path}: 읽을 권한이 없습니다",
    },
    "measure.repo_not_git": {
        "en": "repository folder {path}: not a git repository",
        "ko": "저장소 폴더 {path}: git 저장소가 아닙니다",
    },
    "measure.repo_unreadable": {
        "en": "repository folder {path}: cannot read the repository ({detail})",
        "ko": "저장소 폴더 {path}: 저장소를 읽을 수 없습니다 ({detail})",
    },
    "measure.repo_empty": {
        "en": "repository folder {path}: the repository has no commits yet",
        "ko": "저장소 폴더 {path}: 아직 커밋이 없는 저장소입니다",
    },
    "measure.repo_unborn": {
        "en": "repository folder {path}: HEAD names a branch with no commits",
        "ko": "저장소 폴더 {path}: HEAD가 커밋이 없는 브랜치를 가리킵니다",
    },
    "measure.branch_missing": {
        "en": "branch {branch}: no such branch in {path}",
        "ko": "브랜치 {branch}: {path}에 없는 브랜치입니다",
    },
    "measure.tags_none": {
        "en": "deploy tags {pattern}: no tag matches in {path}",
        "ko": "배포 태그 {pattern}: {path}에 맞는 태그가 없습니다",
    },
    "measure.branch_mismatch": {
        "en": (
            "deploy branch {name}: lead time follows the checked-out branch {branch}; measure"
            " in a clone with {name} checked out"
        ),
        "ko": (
            "배포 브랜치 {name}: 리드 타임은 체크아웃된 브랜치({branch})를 따릅니다."
            " {name} 브랜치를 체크아웃한 저장소에서 측정하세요"
        ),
    },
}

_FILES: Final[dict[str, dict[str, str]]] = {
    "path.no_home": {
        "en": "{path}: cannot expand '~' (no such user or no home folder)",
        "ko": "{path}: '~'를 풀 수 없습니다 (그런 사용자가 없거나 홈 폴더가 없습니다)",
    },
    "write.failed": {
        "en": "{path}: cannot write ({reason})",
        "ko": "{path}: 쓸 수 없습니다 ({reason})",
    },
    "write.folder": {
        "en": "{path}: is a folder; give a file name",
        "ko": "{path}: 폴더입니다. 파일 이름을 주세요",
    },
    "write.special": {
        "en": "{path}: not a regular file; refusing to write to it",
        "ko": "{path}: 일반 파일이 아니므로 쓰지 않았습니다",
    },
    "write.read_only": {
        "en": "{path}: cannot write (the file is read-only)",
        "ko": "{path}: 읽기 전용 파일이라 쓸 수 없습니다",
    },
    "write.no_folder": {
        "en": "{path}: folder {folder} does not exist",
        "ko": "{path}: 폴더({folder})가 없습니다",
    },
    "write.permission": {
        "en": "{path}: cannot write (permission denied)",
        "ko": "{path}: 쓸 권한이 없습니다",
    },
    "write.name_too_long": {
        "en": "{path}: cannot write (the file name is too long)",
        "ko": "{path}: 파일 이름이 너무 길어서 쓸 수 없습니다",
    },
    "file.invalid": {"en": "{problems}", "ko": "파일에서 문제를 찾았습니다:\n{problems}"},
    "file.json_syntax": {
        "en": "{name}: not valid JSON (line {line}, column {column}: {detail})",
        "ko": "{name}: 올바른 JSON이 아닙니다 ({line}행 {column}열: {detail})",
    },
    "file.json_depth": {
        "en": "{name}: not valid JSON (nested more than {limit} levels deep)",
        "ko": "{name}: 올바른 JSON이 아닙니다 ({limit}단계보다 깊이 중첩되어 있습니다)",
    },
    "file.json_nested": {
        "en": "{name}: not valid JSON (nested too deeply)",
        "ko": "{name}: 올바른 JSON이 아닙니다 (너무 깊이 중첩되어 있습니다)",
    },
    "file.json_refused": {
        "en": "{name}: not valid JSON ({detail})",
        "ko": "{name}: 올바른 JSON이 아닙니다 ({detail})",
    },
    "file.json_number": {
        "en": "{name}: not valid JSON (a number is too long: {detail})",
        "ko": "{name}: 올바른 JSON이 아닙니다 (숫자가 너무 깁니다: {detail})",
    },
    "file.is_folder": {
        "en": "{name}: is a folder, expected a file",
        "ko": "{name}: 폴더입니다. 파일을 고르세요",
    },
    "file.not_regular": {
        "en": "{name}: not a regular file; refusing to read it",
        "ko": "{name}: 일반 파일이 아니므로 읽지 않았습니다",
    },
    "file.missing": {"en": "{name}: no such file", "ko": "{name}: 파일이 없습니다"},
    "file.permission": {
        "en": "{name}: permission denied",
        "ko": "{name}: 읽을 권한이 없습니다",
    },
    "file.unreadable": {
        "en": "{name}: cannot read ({detail})",
        "ko": "{name}: 읽을 수 없습니다 ({detail})",
    },
    "file.too_large": {
        "en": "{name}: file is larger than {mb} MB; refusing to read it",
        "ko": "{name}: 파일이 {mb}MB보다 커서 읽지 않았습니다",
    },
    "file.not_utf8": {
        "en": "{name}: not a UTF-8 text file",
        "ko": "{name}: UTF-8 텍스트 파일이 아닙니다",
    },
}

# Problems inside a deployments or incidents file (maturity dora measure, the TUI's measure
# form). ``{where}`` is a location that words itself ("deploys.csv line 3" / "deploys.csv 3행");
# column and field names, states and formats stay as the file spells them.
_RECORDS: Final[dict[str, dict[str, str]]] = {
    "records.line": {"en": "{file} line {n}", "ko": "{file} {n}행"},
    "records.item": {"en": "{file} item {n}", "ko": "{file} {n}번째 항목"},
    "records.deployments": {"en": "deployments", "ko": "배포"},
    "records.incidents": {"en": "incidents", "ko": "장애"},
    "records.nothing": {"en": "nothing", "ko": "없음"},
    "records.empty_object": {"en": "empty object", "ko": "빈 객체"},
    "records.empty": {"en": "{file}: the file is empty", "ko": "{file}: 빈 파일입니다"},
    "records.csv": {
        "en": "{where}: {detail}",
        "ko": "{where}: CSV로 읽을 수 없습니다 ({detail})",
    },
    "records.column_twice": {
        "en": "{where}: column '{column}' appears twice",
        "ko": "{where}: '{column}' 열이 두 번 나옵니다",
    },
    "records.too_many_fields": {
        "en": "{where}: {count} fields, the header has {header}",
        "ko": "{where}: 값이 {count}개인데 머리글은 {header}개입니다",
    },
    "records.row_short": {
        "en": "{where}: column '{column}': missing (the row is short)",
        "ko": "{where}: '{column}' 열의 값이 없습니다 (행이 짧습니다)",
    },
    "records.column_empty": {
        "en": "{where}: column '{column}': empty",
        "ko": "{where}: '{column}' 열이 비어 있습니다",
    },
    "records.header_missing": {
        "en": "{where}: missing column '{column}' for {kind} (need {need}; found {have})",
        "ko": "{where}: {kind} 기록에 필요한 '{column}' 열이 없습니다 (필요한 열: {need}, 있는 열: {have})",
    },
    "records.status": {
        "en": (
            "{where}: column 'status': '{value}' is neither a success (success, succeeded, ok)"
            " nor a known other state (failed, error, cancelled, pending, in_progress, ...)"
        ),
        "ko": (
            "{where}: 'status' 열의 '{value}'는 성공(success, succeeded, ok)도 아니고 알려진 다른"
            " 상태(failed, error, cancelled, pending, in_progress 등)도 아닙니다"
        ),
    },
    "records.unplanned": {
        "en": "{where}: column 'unplanned': expected true or false, got '{value}'",
        "ko": "{where}: 'unplanned' 열에는 true나 false를 쓰세요 (입력: '{value}')",
    },
    "records.commit": {
        "en": "{where}: column 'commit': '{value}' is not a commit id (7 to 40 hex digits)",
        "ko": "{where}: 'commit' 열의 '{value}'는 커밋 ID가 아닙니다 (16진수 7–40자리)",
    },
    "records.pagerduty_column": {
        "en": "{where}: PagerDuty export without a {what} column (looked for {names})",
        "ko": "{where}: PagerDuty 내보내기 파일에 {what} 열이 없습니다 (찾아본 열: {names})",
    },
    "records.json_kind": {
        "en": (
            "{where}: not a GitHub deployment, GitHub deployment status or GitLab deployment"
            " (found: {keys})"
        ),
        "ko": (
            "{where}: GitHub 배포, GitHub 배포 상태, GitLab 배포 중 어느 것도 아닙니다"
            " (있는 키: {keys})"
        ),
    },
    "records.json_mixed": {
        "en": "{file}: mixes GitLab and GitHub records; give one kind per file",
        "ko": "{file}: GitLab 기록과 GitHub 기록이 섞여 있습니다. 파일 하나에 한 종류만 넣으세요",
    },
    "records.field_missing": {
        "en": "{where}: field '{field}': missing",
        "ko": "{where}: '{field}' 필드가 없습니다",
    },
    "records.github_no_statuses": {
        "en": (
            "{file}: GitHub deployments without their statuses, so success is unknown; add each"
            " deployment's statuses (see docs/measurement.md, 'GitHub')"
        ),
        "ko": (
            "{file}: GitHub 배포에 상태(statuses)가 없어 성공 여부를 알 수 없습니다. 배포마다"
            " statuses를 함께 넣으세요 (docs/measurement.md의 'GitHub' 참고)"
        ),
    },
    "records.statuses_shape": {
        "en": "{where}: statuses: expected objects with a 'state'",
        "ko": "{where}: statuses에는 'state'가 있는 객체가 와야 합니다",
    },
    "records.finished_missing": {
        "en": "{where}: field 'finished_at': missing (and no 'updated_at')",
        "ko": "{where}: 'finished_at' 필드가 없습니다 ('updated_at'도 없습니다)",
    },
    "records.time_empty": {
        "en": "{where}: column '{column}': empty time",
        "ko": "{where}: '{column}' 열의 시각이 비어 있습니다",
    },
    "records.time_unreadable": {
        "en": (
            "{where}: column '{column}': cannot read time '{value}' (expected ISO 8601, e.g."
            " 2024-05-01T14:03:00Z or 2024-05-01 23:03+09:00)"
        ),
        "ko": (
            "{where}: '{column}' 열의 시각 '{value}'를 읽을 수 없습니다. 2024-05-01T14:03:00Z나"
            " 2024-05-01 23:03+09:00 같은 ISO 8601 형식으로 쓰세요"
        ),
    },
    "records.time_offset": {
        "en": "{where}: column '{column}': offset beyond ±14:00 in '{value}'",
        "ko": "{where}: '{column}' 열의 '{value}'는 UTC와의 시차가 ±14:00을 넘습니다",
    },
    "records.time_mixed": {
        "en": (
            "{where}: column '{column}': time without a UTC offset, but {other} has one; give"
            " every time with an offset (Z, +09:00) or none"
        ),
        "ko": (
            "{where}: '{column}' 열의 시각에 UTC 시차가 없는데 {other}에는 있습니다. 모든 시각에"
            " 시차(Z, +09:00)를 붙이거나 모두 빼세요"
        ),
    },
}

ERRORS: Final[Catalogue] = merged(
    _LIMITS, _DORA, _ASSESSMENT, _TEAMS, _PLAN, _STORE, _NOT_FOUND, _MEASURE, _RECORDS, _FILES
)
"""Every coded core error: code -> {language: text}. A test checks each has every language
of :data:`maturity.catalogue.LANGUAGES` with the same ``{fields}``."""
