"""What every report kind's view shares: one place for formatting and for looking words up.

Scores, deltas, dates and levels are formatted here once (the assessment, comparison, trend,
portfolio and plan views all print them alike), and :class:`Lookup` finds titles, question
texts, level names and practices across the questionnaire versions a report covers: a
dimension or question that only an older version has still gets its own title instead of a
bare id. The pieces of a document every kind has (metadata, cover, table of contents, the
delta rows of a "before -> after" table) live here too, so no view module imports another.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from markupsafe import Markup

from maturity import dora as dora_mod
from maturity.model.plan import DoneShare
from maturity.model.questionnaire import Practice, Question
from maturity.model.text import tr
from maturity.questionnaire import LoadedQuestionnaire
from maturity.textfmt import format_delta, format_level, format_score, format_share

NOTE_EXCERPT = 600  # characters of a note in a report body (the appendix has more of it)

# ---------------------------------------------------------------------------------------------
# Formatting (numbers come from maturity.textfmt; dates and CSS strings are the reports' own)

_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def fmt_date(value: datetime, lang: str) -> str:
    """A date as people write it: '27 November 2025' or '2025년 11월 27일' (UTC day)."""
    d = value.astimezone(UTC)
    if lang == "ko":
        return f"{d.year}년 {d.month}월 {d.day}일"
    return f"{d.day} {_MONTHS_EN[d.month - 1]} {d.year}"


# ---------------------------------------------------------------------------------------------
# Document pieces every report kind has


@dataclass(frozen=True)
class Meta:
    title: str
    author: str
    subject: str
    keywords: str
    created: str  # ISO 8601, for PDF metadata
    modified: str

    @classmethod
    def of(
        cls,
        t: Mapping[str, str],
        *,
        title: str,
        subject: str,
        author: str | None,
        created: datetime,
        modified: datetime,
    ) -> Meta:
        """The document metadata of any report kind; the generator stands in for no author."""
        return cls(
            title=title,
            author=author or t["generator"],
            subject=subject,
            keywords=t["doc_keywords"],
            created=iso_time(created),
            modified=iso_time(modified),
        )


def iso_time(value: datetime) -> str:
    """A timestamp for document metadata: ISO 8601 in UTC to the second ('...T09:00:00Z')."""
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def css_string(text: str) -> str:
    """A CSS string literal; quotes, backslashes and line breaks escaped so nothing breaks out."""
    out = []
    for ch in text:
        if ch in '\\"' or ch in "<>" or ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\{ord(ch):x} ")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def css_content(template: str) -> Markup:
    """``"Page {page} of {pages}"`` -> ``"Page " counter(page) " of " counter(pages)``."""
    parts = re.split(r"(\{page\}|\{pages\})", template)
    tokens = []
    for part in parts:
        if part == "{page}":
            tokens.append("counter(page)")
        elif part == "{pages}":
            tokens.append("counter(pages)")
        elif part:
            tokens.append(css_string(part))
    return Markup(" ".join(tokens))


TIERS_BEST_FIRST: tuple[str, ...] = tuple(
    sorted(dora_mod.TIER_RANK, key=lambda t: -dora_mod.TIER_RANK[t])
)


SYMBOL = {"up": "▲", "down": "▼", "same": "=", "new": "●", "gone": "○", "changed": "≠"}


_MONTHS_SHORT = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def fmt_delta(value: float | None) -> str:
    """A score change as the reports print it (:func:`maturity.textfmt.format_delta`): signed,
    two decimals, the typographic minus ('+1.00', '−0.25', '0.00'); '' when unknown."""
    return format_delta(value, typographic=True, missing="")


def short_date(value: datetime, lang: str) -> str:
    """A compact date for chart axes: '10 Apr 2026' or '2026. 4. 10.'."""
    d = value.astimezone(UTC)
    if lang == "ko":
        return f"{d.year}. {d.month}. {d.day}."
    return f"{d.day} {_MONTHS_SHORT[d.month - 1]} {d.year}"


def direction(before: float | None, after: float | None) -> str:
    """up / down / same, or new (nothing before) / gone (nothing after)."""
    if before is None and after is None:
        return "same"
    if before is None:
        return "new"
    if after is None:
        return "gone"
    change = round(after - before, 2)  # as printed: a change that shows as 0.00 is no change
    if change > 0:
        return "up"
    if change < 0:
        return "down"
    return "same"


@dataclass(frozen=True)
class TocEntry:
    anchor: str
    title: str
    children: list[TocEntry] = field(default_factory=list)


@dataclass(frozen=True)
class DocCover:
    kicker: str
    title: str  # the team (or "A → B", or "All teams"): also the running header
    subtitle: str
    big_label: str
    big: str  # "Level 2 → 3"
    big_name: str  # "Developing → Defined"
    big_line: str  # "score 2.67 → 3.67 (+1.00)"
    facts: list[tuple[str, str]]
    toc: list[TocEntry]


@dataclass(frozen=True)
class DocView:
    """What every history report has: language, words, metadata, cover, page counter."""

    kind: str  # "compare" | "trend" | "portfolio"
    lang: str
    t: dict[str, str]
    meta: Meta
    cover: DocCover
    page_counter: Markup


@dataclass(frozen=True)
class DeltaRow:
    label: str
    a_score: str
    b_score: str
    delta: str
    a_level: int | None
    b_level: int | None
    a_level_text: str  # "2" or "–"
    b_level_text: str
    level_names: str  # "Developing → Defined"
    direction: str
    word: str
    symbol: str


# ---------------------------------------------------------------------------------------------
# The one look-up of words and titles


class Lookup:
    """The one look-up of a report's words and titles, for every report kind.

    Translated text, DORA tier and metric names, and titles, question texts, level names and
    practices across the questionnaire versions a report covers (newest first; the
    single-assessment report passes its one questionnaire). ``t`` is the report kind's strings
    table in ``lang``; ``no_level`` the key of the words shown for a missing level.
    """

    def __init__(
        self,
        questionnaires: Sequence[LoadedQuestionnaire],
        lang: str,
        t: dict[str, str],
        *,
        no_level: str = "no_level",
    ) -> None:
        self.qs = list(questionnaires)
        self.lang = lang
        self.t = t
        self.no_level = no_level

    def tr(self, text: Mapping[str, str]) -> str:
        return tr(dict(text), self.lang)

    def tier_label(self, tier: str | None) -> str:
        return self.t[f"tier_{tier}"] if tier else "–"

    def metric_title(self, metric: str) -> str:
        d = dora_mod.metric_definitions().get(metric)
        return self.tr(d.title) if d else metric

    def dim_title(self, dim_id: str) -> str:
        for loaded in self.qs:
            d = loaded.questionnaire.dimension(dim_id)
            if d is not None:
                return self.tr(d.title)
        return dim_id

    def question(self, qid: str, loaded: LoadedQuestionnaire | None = None) -> Question | None:
        for q in [loaded] if loaded is not None else self.qs:
            found = q.questionnaire.find_question(qid) if q else None
            if found:
                return found[1]
        return None

    def question_text(self, qid: str, loaded: LoadedQuestionnaire | None = None) -> str:
        q = self.question(qid, loaded) or self.question(qid)
        return self.tr(q.text) if q else qid

    def level_name(self, level: int | None) -> str:
        if level is None or not self.qs:
            return self.t[self.no_level]
        return self.qs[0].questionnaire.level_name(level, self.lang)

    def level_label(self, level: int | None) -> str:
        """'level 3 (Defined)', or 'no level' when there was not enough to place it."""
        if level is None:
            return self.t["no_level"]
        return self.t["level_name"].format(level=level, name=self.level_name(level))

    def practice(self, pid: str, loaded: LoadedQuestionnaire | None = None) -> Practice | None:
        for q in [loaded] if loaded is not None else self.qs:
            for p in q.practices if q else ():
                if p.id == pid:
                    return p
        return None

    def legend(self) -> str:
        return " · ".join(f"{n} {self.level_name(n)}" for n in range(1, 6))


def delta_row(
    cat: Lookup,
    label: str,
    a_score: float | None,
    b_score: float | None,
    a_level: int | None,
    b_level: int | None,
    delta: float | None = None,
) -> DeltaRow:
    """One "before -> after" row: both scores and levels, the change and its direction, worded."""
    move = direction(a_score, b_score)
    if delta is None and a_score is not None and b_score is not None:
        delta = b_score - a_score
    return DeltaRow(
        label=label,
        a_score=format_score(a_score),
        b_score=format_score(b_score),
        delta=fmt_delta(delta),
        a_level=a_level,
        b_level=b_level,
        a_level_text=format_level(a_level),
        b_level_text=format_level(b_level),
        level_names=f"{cat.level_name(a_level)} → {cat.level_name(b_level)}",
        direction=move,
        word=cat.t[move],
        symbol=SYMBOL[move],
    )


def big_levels(cat: Lookup, a: int | None, b: int | None) -> tuple[str, str]:
    """('Level 2 → 3', 'Developing → Defined') for a cover or level card."""
    t = cat.t
    if a is None and b is None:
        return t["not_enough_overall"], ""
    left = t["level_n"].format(level=a) if a is not None else "–"
    return f"{left} → {format_level(b)}", f"{cat.level_name(a)} → {cat.level_name(b)}"


@dataclass(frozen=True)
class ShareRow:
    """Share of a team's actions done, per quarter of the assessment that set them."""

    team: str
    quarter: str
    done: str  # "2 of 3"
    share: str  # "67%"


def share_rows(rows: Sequence[DoneShare], t: Mapping[str, str]) -> list[ShareRow]:
    return [
        ShareRow(
            r.team,
            r.quarter,
            t["share_done_of"].format(done=r.done, total=r.total),
            format_share(r.share),
        )
        for r in rows
    ]
