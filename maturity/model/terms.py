"""The one catalogue of domain terms every front end shows: tiers, levels, dimensions, owners.

The TUI, the command line and the reports all name a DORA tier, a maturity level or a CALMS
dimension; when each kept its own word the same tier read "높음" on screen and "고성과" in the
PDF. They now all ask this module (and the shipped questionnaire's level names are generated
from :data:`LEVELS` by ``tools/assemble_questionnaires.py``), so a term changes in one place.
The Korean words follow ``questionnaires/glossary.yaml``; a test keeps the two in step.
"""

from __future__ import annotations

from typing import Final, Literal

# The one fallback rule, free of pydantic (maturity.model.text) so `maturity list` can use it.
from maturity.catalogue import tr as tr

LText = dict[str, str]


WhoActs = Literal["team", "lead", "organisation"]

TIERS: Final[dict[str, LText]] = {
    "elite": {"en": "Elite", "ko": "엘리트"},
    "high": {"en": "High", "ko": "고성과"},
    "medium": {"en": "Medium", "ko": "중간 성과"},
    "low": {"en": "Low", "ko": "저성과"},
}

LEVELS: Final[dict[int, LText]] = {
    1: {"en": "Initial", "ko": "초기 단계"},
    2: {"en": "Developing", "ko": "도입 단계"},
    3: {"en": "Defined", "ko": "정의 단계"},
    4: {"en": "Managed", "ko": "관리 단계"},
    5: {"en": "Optimizing", "ko": "최적화 단계"},
}

DIMENSIONS: Final[dict[str, LText]] = {
    "culture": {"en": "Culture", "ko": "문화"},
    "automation": {"en": "Automation", "ko": "자동화"},
    "lean": {"en": "Lean", "ko": "린"},
    "measurement": {"en": "Measurement", "ko": "측정"},
    "sharing": {"en": "Sharing", "ko": "공유"},
}

WHO_ACTS: Final[dict[str, LText]] = {
    "team": {"en": "The team", "ko": "팀"},
    "lead": {"en": "The team lead", "ko": "팀 리드"},
    "organisation": {"en": "The organisation (leadership, HR)", "ko": "조직 (경영진, 인사)"},
}
WHO_ACTS_ORDER: Final[tuple[WhoActs, ...]] = ("team", "lead", "organisation")

# The built-in questionnaires name their levels with LEVELS (their files are generated from it);
# their archived earlier versions are shown with today's names too, so a report never mixes two.
BUILTIN_QUESTIONNAIRES: Final = ("calms", "quick")

WORDS: Final[dict[str, LText]] = {
    "level": {"en": "level", "ko": "레벨"},
    "tier": {"en": "tier", "ko": "등급"},
    "dimension": {"en": "dimension", "ko": "차원"},
}


def tier_name(tier: str | None, lang: str = "en") -> str:
    """The tier's name (``–`` when there is none; an unknown id is shown as given)."""
    if not tier:
        return "–"
    return tr(TIERS[tier], lang) if tier in TIERS else tier


def level_name(level: int | None, lang: str = "en") -> str:
    """The built-in name of a maturity level 1-5 (``–`` when there is none)."""
    return tr(LEVELS[level], lang) if level in LEVELS else "–"


def dimension_name(dimension_id: str, lang: str = "en") -> str:
    """A CALMS dimension's name; a dimension of a custom questionnaire keeps its id."""
    return tr(DIMENSIONS[dimension_id], lang) if dimension_id in DIMENSIONS else dimension_id


def who_acts_name(who: str, lang: str = "en") -> str:
    return tr(WHO_ACTS[who], lang) if who in WHO_ACTS else who


def word(key: str, lang: str = "en") -> str:
    return tr(WORDS[key], lang)
