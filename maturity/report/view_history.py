"""View models of the comparison, trend and portfolio reports (what their templates show).

Same contract as :mod:`maturity.report.view`: every decision and every formatted number is made
here, in typed Python, and the templates only loop and print. The numbers come from the coach
core (:mod:`maturity.history`), never recomputed, so the reports say exactly what
``maturity compare|trend|portfolio`` say; this module only adds words, titles and charts.

Assessments in a history may have been taken with different questionnaire versions, so titles
are looked up across all of them (:class:`Catalogue`): a dimension or question that only an
older version has still gets its own title instead of a bare id.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from markupsafe import Markup

from maturity import dora as dora_mod
from maturity.history import Evaluated
from maturity.model.history import Comparison, Portfolio, Trend
from maturity.model.plan import DoneShare
from maturity.model.questionnaire import Practice, Question
from maturity.model.results import RecommendationItem
from maturity.model.text import tr
from maturity.questionnaire import LoadedQuestionnaire
from maturity.report import charts, charts_history
from maturity.report.strings_history import history_strings
from maturity.report.strings_plan import plan_strings
from maturity.report.view import (
    NOTE_EXCERPT,
    Meta,
    Texts,
    css_content,
    fmt_date,
    fmt_score,
    level_text,
)
from maturity.safetext import breakable, excerpt

TIERS_BEST_FIRST: tuple[str, ...] = tuple(
    sorted(dora_mod.TIER_RANK, key=lambda t: -dora_mod.TIER_RANK[t])
)
_SYMBOL = {"up": "▲", "down": "▼", "same": "=", "new": "●", "gone": "○", "changed": "≠"}
_MONTHS_SHORT = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
DOTS = 5
TIERS_LISTED = 8  # a trend summary names every DORA tier up to this many assessments


# ---------------------------------------------------------------------------------------------
# Formatting


def fmt_delta(value: float | None) -> str:
    """A signed change: '+1.00', '−0.25' (a real minus sign), '0.00'; '' when unknown."""
    if value is None:
        return ""
    if round(value, 2) == 0:
        return "0.00"
    return f"+{value:.2f}" if value > 0 else f"−{-value:.2f}"


def short_date(value: datetime, lang: str) -> str:
    """A compact date for chart axes: '10 Apr 2026' or '2026. 4. 10.'."""
    d = value.astimezone(UTC)
    if lang == "ko":
        return f"{d.year}. {d.month}. {d.day}."
    return f"{d.day} {_MONTHS_SHORT[d.month - 1]} {d.year}"


def parse_time(value: str) -> datetime:
    """The core's ISO timestamps ('2026-04-10T09:00:00.000Z') back to an aware datetime."""
    return datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(UTC)


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


# ---------------------------------------------------------------------------------------------
# Shared view pieces


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


class Catalogue(Texts):
    """Titles and texts across the questionnaire versions of a history, newest first."""

    def __init__(self, questionnaires: Sequence[LoadedQuestionnaire], lang: str) -> None:
        self.qs = list(questionnaires)
        self.lang = lang
        self.t = history_strings(lang)

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
            return self.t["no_level"]
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


def _delta_row(
    cat: Catalogue,
    label: str,
    a_score: float | None,
    b_score: float | None,
    a_level: int | None,
    b_level: int | None,
    delta: float | None = None,
) -> DeltaRow:
    move = direction(a_score, b_score)
    if delta is None and a_score is not None and b_score is not None:
        delta = b_score - a_score
    return DeltaRow(
        label=label,
        a_score=fmt_score(a_score),
        b_score=fmt_score(b_score),
        delta=fmt_delta(delta),
        a_level=a_level,
        b_level=b_level,
        a_level_text=level_text(a_level),
        b_level_text=level_text(b_level),
        level_names=f"{cat.level_name(a_level)} → {cat.level_name(b_level)}",
        direction=move,
        word=cat.t[move],
        symbol=_SYMBOL[move],
    )


def _big_levels(cat: Catalogue, a: int | None, b: int | None) -> tuple[str, str]:
    """('Level 2 → 3', 'Developing → Defined') for a cover or level card."""
    t = cat.t
    if a is None and b is None:
        return t["not_enough_overall"], ""
    left = t["level_n"].format(level=a) if a is not None else "–"
    return f"{left} → {level_text(b)}", f"{cat.level_name(a)} → {cat.level_name(b)}"


# ---------------------------------------------------------------------------------------------
# Comparison


@dataclass(frozen=True)
class AnswerSide:
    state: str  # "answered" | "unsure" | "unanswered"
    level: int | None
    text: str  # the option's text, or "Not sure" / "Not answered"


def answer_move(a: AnswerSide, b: AnswerSide) -> str:
    """Direction of an answer change: by level, or new / gone when one side has no level
    ("not sure" or not answered); 'same' when only the note or the kind of blank changed."""
    if a.level is not None and b.level is not None:
        return direction(a.level, b.level)
    if b.level is not None:
        return "new"
    if a.level is not None:
        return "gone"
    return "same"


@dataclass(frozen=True)
class AnswerDiff:
    question_id: str
    question: str
    a: AnswerSide
    b: AnswerSide
    direction: str
    symbol: str
    word: str
    a_note: str
    b_note: str
    note_changed: bool


@dataclass(frozen=True)
class AnswerGroup:
    title: str
    items: list[AnswerDiff]


@dataclass(frozen=True)
class OnlyItem:
    question_id: str
    question: str
    dimension: str
    answer: AnswerSide


@dataclass(frozen=True)
class OnlyGroup:
    heading: str
    items: list[OnlyItem]


@dataclass(frozen=True)
class MetricDiff:
    title: str
    a_input: str
    a_tier: str
    b_input: str
    b_tier: str
    direction: str
    symbol: str
    word: str


@dataclass(frozen=True)
class PracticeRef:
    title: str
    dimension: str
    target: str
    effort_label: str
    horizon_label: str


@dataclass(frozen=True)
class CompareView(DocView):
    a_label: str  # "10 April 2026" (plus the team when the teams differ)
    b_label: str
    level_big: str
    level_name: str
    sentences: list[str]
    overall: DeltaRow
    rows: list[DeltaRow]
    radar: Markup | None  # only with three or more dimensions: fewer make no polygon
    bars: Markup
    legend: str
    changed: list[AnswerGroup]
    changed_count: int
    only: list[OnlyGroup]
    dora_overall: MetricDiff | None
    dora: list[MetricDiff]
    dora_note: str  # tiers are historical (DORA last published them in 2024)
    done: list[PracticeRef]
    new: list[PracticeRef]
    payoff: list[PayoffRow] = field(default_factory=list)
    """Actions of A done by B: linked answers before/after, dimension change (association)."""
    pt: dict[str, str] = field(default_factory=dict)  # the plan's words (strings_plan)


@dataclass(frozen=True)
class PayoffRow:
    title: str
    practice: str  # the practice's title, or "" for the team's own action
    answers: list[tuple[str, str, str]]  # (question text, before, after)
    dimension: str
    score: str  # "2.10 → 2.60"
    level: str  # "2 → 3"
    direction: str  # up / down / same / new


class _CompareBuilder:
    def __init__(
        self, ea: Evaluated, eb: Evaluated, c: Comparison, lang: str, generated: datetime
    ) -> None:
        self.ea, self.eb, self.c = ea, eb, c
        self.lang = lang
        self.cat = Catalogue([eb.questionnaire, ea.questionnaire], lang)
        self.t = self.cat.t
        self.generated = generated
        self.same_team = ea.assessment.team.casefold() == eb.assessment.team.casefold()

    def side_label(self, e: Evaluated) -> str:
        date = fmt_date(e.assessment.created, self.lang)
        return date if self.same_team else f"{e.assessment.team}, {date}"

    def answer_side(
        self, loaded: LoadedQuestionnaire, qid: str, answered: bool, level: int | None
    ) -> AnswerSide:
        if not answered:
            return AnswerSide("unanswered", None, self.t["not_answered"])
        if level is None:
            return AnswerSide("unsure", None, self.t["not_sure"])
        q = self.cat.question(qid, loaded)
        text = self.cat.tr(q.option(level).text) if q else ""
        return AnswerSide("answered", level, text)

    def changed(self) -> list[AnswerGroup]:
        groups: dict[str, list[AnswerDiff]] = {}
        for ch in self.c.changed:
            a = self.answer_side(self.ea.questionnaire, ch.question, ch.a_answered, ch.a_level)
            b = self.answer_side(self.eb.questionnaire, ch.question, ch.b_answered, ch.b_level)
            move = answer_move(a, b)
            note_changed = ch.a_note.strip() != ch.b_note.strip()
            word = self.t["cmp_note_changed"] if move == "same" and note_changed else self.t[move]
            groups.setdefault(ch.dimension, []).append(
                AnswerDiff(
                    question_id=ch.question,
                    question=self.cat.question_text(ch.question, self.eb.questionnaire),
                    a=a,
                    b=b,
                    direction=move,
                    symbol=_SYMBOL[move],
                    word=word,
                    a_note=breakable(excerpt(ch.a_note.strip(), NOTE_EXCERPT)[0]),
                    b_note=breakable(excerpt(ch.b_note.strip(), NOTE_EXCERPT)[0]),
                    note_changed=note_changed,
                )
            )
        order = [d.id for d in self.c.dimensions]
        return [
            AnswerGroup(self.cat.dim_title(dim), groups[dim])
            for dim in sorted(groups, key=lambda d: order.index(d) if d in order else len(order))
        ]

    def only(self) -> list[OnlyGroup]:
        out: list[OnlyGroup] = []
        for side, ids, e in (
            (self.t["cmp_side_a"], self.c.only_in_a, self.ea),
            (self.t["cmp_side_b"], self.c.only_in_b, self.eb),
        ):
            if not ids:
                continue
            q = e.questionnaire
            heading = self.t["cmp_only_in"].format(
                side=side, questionnaire=f"{self.cat.tr(q.questionnaire.title)} {q.version}"
            )
            items = []
            for qid in ids:
                found = q.questionnaire.find_question(qid)
                ans = e.assessment.answers.get(qid)
                items.append(
                    OnlyItem(
                        question_id=qid,
                        question=self.cat.tr(found[1].text) if found else qid,
                        dimension=self.cat.tr(found[0].title) if found else "",
                        answer=self.answer_side(
                            q, qid, ans is not None, ans.level if ans else None
                        ),
                    )
                )
            out.append(OnlyGroup(heading, items))
        return out

    def metric_diff(
        self, title: str, ai: str | None, at: str | None, bi: str | None, bt: str | None
    ) -> MetricDiff:
        rank = dora_mod.TIER_RANK
        if at and bt:
            move = direction(float(rank[at]), float(rank[bt]))
        else:  # a side without a tier (not given, or rework rate, which has none): by presence
            move = direction(0.0 if ai else None, 0.0 if bi else None)
            if move == "same" and ai != bi:
                move = "changed"  # e.g. rework rate 8% -> 6%: different, but no tier to rank
        return MetricDiff(
            title=title,
            a_input=ai or "–",
            a_tier=self.cat.tier_label(at) if at else (self.t["no_tier_short"] if ai else "–"),
            b_input=bi or "–",
            b_tier=self.cat.tier_label(bt) if bt else (self.t["no_tier_short"] if bi else "–"),
            direction=move,
            symbol=_SYMBOL[move],
            word=self.t[move],
        )

    def practice_ref(self, item: RecommendationItem, loaded: LoadedQuestionnaire) -> PracticeRef:
        p = self.cat.practice(item.id, loaded)
        return PracticeRef(
            title=self.cat.tr(p.title) if p else item.title,
            dimension=self.cat.dim_title(item.dimension),
            target=self.t["target_level"].format(
                level=item.level, name=self.cat.level_name(item.level)
            ),
            effort_label=self.t[f"effort_{item.effort}"],
            horizon_label=self.t[f"horizon_{item.horizon}"],
        )

    def sentences(self, rows: list[DeltaRow], changed: int) -> list[str]:
        c, t, cat = self.c, self.t, self.cat
        o = c.overall
        out = []
        if o.a_score is not None and o.b_score is not None:
            out.append(
                t["cmp_overall_sentence"].format(
                    a=fmt_score(o.a_score),
                    b=fmt_score(o.b_score),
                    delta=fmt_delta(o.score_delta),
                    la=cat.level_label(o.a_level),
                    lb=cat.level_label(o.b_level),
                )
            )
        moved = {
            r.label: round(d.score_delta, 2)
            for d, r in zip(c.dimensions, rows, strict=True)
            if d.score_delta is not None and round(d.score_delta, 2) != 0
        }
        if moved:
            # ties are named together: "Alpha, Beta (+1.00)" rather than whichever came first
            for key, pick in (("cmp_gain_sentence", max), ("cmp_drop_sentence", min)):
                extreme = pick(moved.values())
                if (extreme > 0) == (key == "cmp_gain_sentence"):
                    titles = ", ".join(label for label, v in moved.items() if v == extreme)
                    out.append(t[key].format(title=titles, delta=fmt_delta(extreme)))
        else:
            out.append(t["cmp_still_sentence"])
        out.append(t["cmp_answers_sentence"].format(count=changed))
        unmatched = len(c.only_in_a) + len(c.only_in_b)
        if unmatched:
            out.append(t["cmp_unmatched_sentence"].format(count=unmatched))
        if c.dora:
            a, b = c.dora_overall
            out.append(t["cmp_dora_sentence"].format(a=cat.tier_label(a), b=cat.tier_label(b)))
        out.append(t["cmp_recs_sentence"].format(done=len(c.done), new=len(c.new)))
        return out

    def build(self) -> CompareView:
        c, t, cat, lang = self.c, self.t, self.cat, self.lang
        ea, eb = self.ea, self.eb
        rows = [
            _delta_row(
                cat, cat.dim_title(d.id), d.a_score, d.b_score, d.a_level, d.b_level, d.score_delta
            )
            for d in c.dimensions
        ]
        o = c.overall
        overall = _delta_row(
            cat, t["overall"], o.a_score, o.b_score, o.a_level, o.b_level, o.score_delta
        )
        a_label, b_label = self.side_label(ea), self.side_label(eb)
        radar: Markup | None = None
        if len(c.dimensions) >= 3:
            radar = charts.radar(
                [
                    charts.RadarAxis(
                        label=r.label,
                        value=d.b_score,
                        previous=d.a_score,
                        enough=d.b_level is not None,
                    )
                    for d, r in zip(c.dimensions, rows, strict=True)
                ],
                uid="chart-radar",
                title=t["cmp_chart"],
                this_label=f"B · {b_label}",
                previous_label=f"A · {a_label}",
            )
        bars = charts_history.paired_bars(
            [
                charts_history.PairedBar(r.label, d.a_score, d.b_score, r.delta, r.symbol)
                for d, r in zip(c.dimensions, rows, strict=True)
            ],
            uid="chart-pairs",
            title=t["cmp_bars"],
            a_label=a_label,
            b_label=b_label,
        )
        changed = self.changed()
        changed_count = sum(len(g.items) for g in changed)
        dora_rows = [
            self.metric_diff(cat.metric_title(m.metric), m.a_input, m.a_tier, m.b_input, m.b_tier)
            for m in c.dora
        ]
        dora_overall = None
        if c.dora:
            a_tier, b_tier = c.dora_overall
            rank = dora_mod.TIER_RANK
            move = direction(
                float(rank[a_tier]) if a_tier else None, float(rank[b_tier]) if b_tier else None
            )
            d = eb.results.dora or ea.results.dora
            bench = d.benchmark_label if d and d.benchmark_label else ""
            dora_overall = MetricDiff(
                t["tier_against"].format(bench=bench) if bench else t["overall_tier"],
                "",
                cat.tier_label(a_tier),
                "",
                cat.tier_label(b_tier),
                move,
                _SYMBOL[move],
                t[move],
            )
        a_recs = {r.id: r for r in ea.results.recommendations}
        b_recs = {r.id: r for r in eb.results.recommendations}
        done = [self.practice_ref(a_recs[i], ea.questionnaire) for i in c.done if i in a_recs]
        new = [self.practice_ref(b_recs[i], eb.questionnaire) for i in c.new if i in b_recs]
        big, big_name = _big_levels(cat, o.a_level, o.b_level)
        score_line = ""
        if o.a_score is not None and o.b_score is not None:
            score_line = t["score_line"].format(
                a=fmt_score(o.a_score), b=fmt_score(o.b_score), delta=fmt_delta(o.score_delta)
            )
        title = (
            ea.assessment.team
            if self.same_team
            else t["cmp_teams"].format(a=ea.assessment.team, b=eb.assessment.team)
        )

        def fact(e: Evaluated, info_q: str) -> str:
            return t["cmp_fact_value"].format(
                team=e.assessment.team,
                date=fmt_date(e.assessment.created, lang),
                questionnaire=info_q,
                id=e.assessment.id,
            )

        facts = [
            (t["cmp_fact_a"], fact(ea, c.a.questionnaire)),
            (t["cmp_fact_b"], fact(eb, c.b.questionnaire)),
            (t["generated_on"], fmt_date(self.generated, lang)),
        ]
        toc = [
            TocEntry("summary", t["summary"]),
            TocEntry("scores", t["cmp_scores"]),
            TocEntry(
                "changed",
                t["cmp_changed"],
                [TocEntry("unmatched", t["cmp_unmatched"])],
            ),
            TocEntry("dora", t["dora"]),
            TocEntry("recommendations", t["cmp_recs"]),
            TocEntry("payoff", plan_strings(lang)["payoff"]),
        ]
        return CompareView(
            kind="compare",
            lang=lang,
            t=t,
            meta=Meta.of(
                t,
                title=f"{t['compare_title']} — {title}",
                subject=t["compare_subject"],
                author=eb.assessment.facilitator or ea.assessment.facilitator,
                created=eb.assessment.created,
                modified=max(ea.assessment.updated, eb.assessment.updated),
            ),
            cover=DocCover(
                kicker=t["compare_title"],
                title=title,
                subtitle=f"A {a_label} → B {b_label}",
                big_label=t["overall_level"],
                big=big,
                big_name=big_name,
                big_line=score_line,
                facts=facts,
                toc=toc,
            ),
            page_counter=css_content(t["page_of"]),
            a_label=a_label,
            b_label=b_label,
            level_big=big,
            level_name=big_name,
            sentences=self.sentences(rows, changed_count),
            overall=overall,
            rows=rows,
            radar=radar,
            bars=bars,
            legend=cat.legend(),
            changed=changed,
            changed_count=changed_count,
            only=self.only(),
            dora_overall=dora_overall,
            dora=dora_rows,
            dora_note=t["tiers_historical"].format(year=dora_mod.tiers_last_published())
            if dora_rows
            else "",
            done=done,
            new=new,
            payoff=self.payoff(),
            pt=plan_strings(lang),
        )

    def payoff(self) -> list[PayoffRow]:
        """The compare's "did it pay off" rows, worded (numbers from maturity.plan.payoff)."""
        practices = {p.id: p for e in (self.eb, self.ea) for p in e.questionnaire.practices}

        def shown(answered: bool, level: int | None) -> str:
            return (
                "–" if not answered else (str(level) if level is not None else self.t["not_sure"])
            )

        rows = []
        for pay in self.c.payoff:
            practice = practices.get(pay.practice or "")
            answers = [
                (self.question_text(x.question), shown(x.answered_before, x.before),
                 shown(x.answered_after, x.after))
                for x in pay.answers
            ]  # fmt: skip
            move = direction(pay.score_before, pay.score_after)
            rows.append(
                PayoffRow(
                    title=pay.title,
                    practice=tr(practice.title, self.lang) if practice else "",
                    answers=answers,
                    dimension=self.cat.dim_title(pay.dimension) if pay.dimension else "–",
                    score=(
                        f"{fmt_score(pay.score_before)} → {fmt_score(pay.score_after)}"
                        if pay.dimension
                        else ""
                    ),
                    level=f"{pay.level_before or '–'} → {pay.level_after or '–'}",
                    direction=move,
                )
            )
        return rows

    def question_text(self, qid: str) -> str:
        for e in (self.eb, self.ea):
            found = e.questionnaire.questionnaire.find_question(qid)
            if found:
                return tr(found[1].text, self.lang)
        return qid


def build_compare_view(
    a: Evaluated,
    b: Evaluated,
    comparison: Comparison,
    lang: str,
    *,
    generated: datetime | None = None,
) -> CompareView:
    """The comparison report of ``a`` (earlier) and ``b`` (later) in ``lang``."""
    return _CompareBuilder(a, b, comparison, lang, generated or datetime.now(UTC)).build()


# ---------------------------------------------------------------------------------------------
# Trend


@dataclass(frozen=True)
class TrendCell:
    score: str
    level: str  # "3" or "–"


@dataclass(frozen=True)
class TrendRow:
    date: str
    id: str
    questionnaire: str
    cells: list[TrendCell]
    overall: TrendCell
    dora: str


@dataclass(frozen=True)
class TrendView(DocView):
    level_big: str
    level_name: str
    sentences: list[str]
    chart: Markup
    chart_note: str
    columns: list[str]
    rows: list[TrendRow]
    since: list[DeltaRow]  # first vs latest: overall, then each dimension
    legend: str
    actions_done: list[ShareRow] = field(default_factory=list)
    pt: dict[str, str] = field(default_factory=dict)


def build_trend_view(
    trend: Trend,
    questionnaires: Sequence[LoadedQuestionnaire],
    lang: str,
    *,
    facilitator: str | None = None,
    generated: datetime | None = None,
) -> TrendView:
    """The trend report of one team; ``questionnaires`` are the versions its points used,
    newest first (for titles). The core refuses a trend of fewer than two assessments, so
    there is always a first and a latest point here."""
    generated = generated or datetime.now(UTC)
    cat = Catalogue(questionnaires, lang)
    t = cat.t
    points = trend.points
    first, last = points[0], points[-1]
    times = [parse_time(p.created) for p in points]
    span = (times[-1] - times[0]).total_seconds()
    positions = (
        [(x - times[0]).total_seconds() / span for x in times]
        if span > 0
        else [i / max(len(points) - 1, 1) for i in range(len(points))]
    )
    titles = [cat.dim_title(d) for d in trend.dimensions]
    chart = charts_history.trend_lines(
        [
            charts_history.Series(title, [p.dimensions.get(d) for p in points])
            for d, title in zip(trend.dimensions, titles, strict=True)
        ],
        positions,
        [short_date(x, lang) for x in times],
        [p.dora_tier for p in points],
        [(tier, cat.tier_label(tier)) for tier in TIERS_BEST_FIRST],
        uid="chart-trend",
        title=t["trend_chart"],
        axis_label=t["trend_axis"],
        tier_title="DORA",
        none_label="–",
    )
    rows = [
        TrendRow(
            date=fmt_date(when, lang),
            id=p.id,
            questionnaire=p.questionnaire,
            cells=[
                TrendCell(fmt_score(p.dimensions.get(d)), level_text(p.levels.get(d)))
                for d in trend.dimensions
            ],
            overall=TrendCell(fmt_score(p.overall_score), level_text(p.overall_level)),
            dora=cat.tier_label(p.dora_tier),
        )
        for p, when in zip(points, times, strict=True)
    ]
    since = [
        _delta_row(
            cat,
            t["overall"],
            first.overall_score,
            last.overall_score,
            first.overall_level,
            last.overall_level,
        )
    ] + [
        _delta_row(
            cat,
            title,
            first.dimensions.get(d),
            last.dimensions.get(d),
            first.levels.get(d),
            last.levels.get(d),
        )
        for d, title in zip(trend.dimensions, titles, strict=True)
    ]
    first_date, last_date = fmt_date(times[0], lang), fmt_date(times[-1], lang)
    sentences = [
        t["trend_points_sentence"].format(count=len(points), first=first_date, last=last_date)
    ]
    o = since[0]
    if first.overall_score is not None and last.overall_score is not None:
        sentences.append(
            t["trend_overall_sentence"].format(
                a=o.a_score,
                b=o.b_score,
                delta=o.delta,
                la=cat.level_label(first.overall_level),
                lb=cat.level_label(last.overall_level),
            )
        )
    items = [f"{r.label} {r.delta}" for r in since[1:] if r.delta]
    if items:
        sentences.append(t["trend_since_sentence"].format(items=", ".join(items)))
    if any(p.dora_tier for p in points):
        if len(points) <= TIERS_LISTED:  # few points: every tier, so a rise and fall shows
            tiers = ", ".join(cat.tier_label(p.dora_tier) for p in points)
            sentences.append(t["trend_dora_each_sentence"].format(items=tiers))
        else:
            sentences.append(
                t["trend_dora_sentence"].format(
                    a=cat.tier_label(first.dora_tier), b=cat.tier_label(last.dora_tier)
                )
            )
    big, big_name = _big_levels(cat, first.overall_level, last.overall_level)
    versions = list(dict.fromkeys(p.questionnaire for p in points))
    facts = [
        (t["assessments"], str(len(points))),
        (t["assessed_on"], f"{first_date} – {last_date}"),
        (t["questionnaire"], ", ".join(versions)),
        (t["generated_on"], fmt_date(generated, lang)),
    ]
    score_line = ""
    if first.overall_score is not None and last.overall_score is not None:
        score_line = t["score_line"].format(a=o.a_score, b=o.b_score, delta=o.delta)
    return TrendView(
        kind="trend",
        lang=lang,
        t=t,
        meta=Meta.of(
            t,
            title=f"{t['trend_title']} — {trend.team}",
            subject=t["trend_subject"],
            author=facilitator,
            created=times[0],
            modified=times[-1],
        ),
        cover=DocCover(
            kicker=t["trend_title"],
            title=trend.team,
            subtitle=t["trend_points_sentence"].format(
                count=len(points), first=first_date, last=last_date
            ),
            big_label=t["overall_level"],
            big=big,
            big_name=big_name,
            big_line=score_line,
            facts=facts,
            toc=[TocEntry("summary", t["summary"]), TocEntry("points", t["trend_points"])],
        ),
        page_counter=css_content(t["page_of"]),
        level_big=big,
        level_name=big_name,
        sentences=sentences,
        chart=chart,
        chart_note=t["trend_chart_note"],
        columns=titles,
        rows=rows,
        since=since,
        legend=cat.legend(),
        actions_done=share_rows(trend.actions_done, plan_strings(lang)),
        pt=plan_strings(lang),
    )


# ---------------------------------------------------------------------------------------------
# Portfolio


@dataclass(frozen=True)
class HeatCell:
    level: int | None
    text: str  # "3" or "–"
    score: str  # "3.25" or "–"
    dots: str  # "●●●○○": the level again, for readers who cannot tell shades apart


@dataclass(frozen=True)
class HeatColumn:
    title: str
    weakest: bool


@dataclass(frozen=True)
class HeatRow:
    team: str
    cells: list[HeatCell]
    overall: HeatCell
    dora: str
    date: str
    stale: bool


@dataclass(frozen=True)
class PortfolioView(DocView):
    weakest: str  # the weakest dimension's title ("" with no scores)
    weakest_score: str
    sentences: list[str]
    chart: Markup | None
    columns: list[HeatColumn]
    rows: list[HeatRow]
    means: list[str]
    legend: str
    stale_days: int
    actions_done: list[ShareRow] = field(default_factory=list)
    pt: dict[str, str] = field(default_factory=dict)


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
            f"{r.share:.0%}" if r.share is not None else "–",
        )
        for r in rows
    ]


def heat_cell(level: int | None, score: float | None) -> HeatCell:
    dots = "" if level is None else "●" * level + "○" * (DOTS - level)
    return HeatCell(level, level_text(level), fmt_score(score), dots)


def build_portfolio_view(
    portfolio: Portfolio,
    questionnaires: Sequence[LoadedQuestionnaire],
    lang: str,
    *,
    generated: datetime | None = None,
) -> PortfolioView:
    """Every team's latest levels as a heat map; ``questionnaires`` newest first, for titles."""
    generated = generated or datetime.now(UTC)
    cat = Catalogue(questionnaires, lang)
    t = cat.t
    p = portfolio
    titles = {d: cat.dim_title(d) for d in p.dimensions}
    weakest = p.weakest_dimension
    rows = [
        HeatRow(
            team=r.team,
            cells=[heat_cell(r.levels.get(d), r.scores.get(d)) for d in p.dimensions],
            overall=heat_cell(r.overall_level, None),
            dora=cat.tier_label(r.dora_tier),
            date=short_date(parse_time(r.date), lang),
            stale=r.stale,
        )
        for r in p.rows
    ]
    sentences: list[str] = []
    scored = {d: m for d, m in p.dimension_means.items() if m is not None}
    weakest_title = titles.get(weakest, "") if weakest else ""
    weakest_score = fmt_score(scored.get(weakest)) if weakest else "–"
    if p.rows:
        dates = sorted(parse_time(r.date) for r in p.rows)
        first, last = fmt_date(dates[0], lang), fmt_date(dates[-1], lang)
        sentences.append(t["pf_teams_sentence"].format(count=len(p.rows), first=first, last=last))
        if weakest:
            sentences.append(
                t["pf_weakest_sentence"].format(title=weakest_title, score=weakest_score)
            )
        if len(scored) > 1:
            strongest = max(scored, key=lambda d: (scored[d], d))
            sentences.append(
                t["pf_strongest_sentence"].format(
                    title=titles[strongest], score=fmt_score(scored[strongest])
                )
            )
        stale = sum(r.stale for r in p.rows)
        if stale:
            sentences.append(
                t["pf_stale_sentence"].format(
                    count=stale, days=p.stale_after_days, stale=t["pf_stale"]
                )
            )
        else:
            sentences.append(t["pf_fresh_sentence"].format(days=p.stale_after_days))
        counts = {tier: sum(r.dora_tier == tier for r in p.rows) for tier in TIERS_BEST_FIRST}
        none = sum(r.dora_tier is None for r in p.rows)
        parts = [f"{cat.tier_label(tier)} {n}" for tier, n in counts.items() if n]
        if none:
            parts.append(f"{t['no_tier_short']} {none}")
        sentences.append(t["pf_dora_sentence"].format(items=", ".join(parts)))
    else:
        sentences.append(t["pf_no_teams"])
        first = last = ""
    chart = None
    if p.dimensions:
        chart = charts.dimension_bars(
            [
                charts.Bar(
                    label=titles[d],
                    value=p.dimension_means.get(d),
                    caption=fmt_score(p.dimension_means.get(d))
                    + (f" · ▼ {t['pf_weakest_mark']}" if d == weakest else ""),
                )
                for d in p.dimensions
            ],
            uid="chart-means",
            title=t["pf_chart"],
            this_label=t["pf_mean"],
        )
    n_stale = sum(r.stale for r in p.rows)
    facts = [
        (t["teams"], str(len(p.rows))),
        (t["pf_stale_teams"].format(days=p.stale_after_days), str(n_stale)),
        (t["pf_dates"], f"{first} – {last}" if p.rows else "–"),
        (t["generated_on"], fmt_date(generated, lang)),
    ]
    return PortfolioView(
        kind="portfolio",
        lang=lang,
        t=t,
        meta=Meta.of(
            t,
            title=f"{t['portfolio_title']} — {t['portfolio_team']}",
            subject=t["portfolio_subject"],
            author=None,
            created=generated,
            modified=generated,
        ),
        cover=DocCover(
            kicker=t["portfolio_title"],
            title=t["portfolio_team"],
            subtitle=sentences[0],
            big_label=t["pf_weakest"],
            big=weakest_title or "–",
            big_name="",
            big_line=f"{t['pf_mean']} {weakest_score}" if weakest else "",
            facts=facts,
            toc=[TocEntry("summary", t["summary"]), TocEntry("heatmap", t["pf_heatmap"])],
        ),
        page_counter=css_content(t["page_of"]),
        weakest=weakest_title,
        weakest_score=weakest_score,
        sentences=sentences,
        chart=chart,
        columns=[HeatColumn(titles[d], d == weakest) for d in p.dimensions],
        rows=rows,
        means=[fmt_score(p.dimension_means.get(d)) for d in p.dimensions],
        legend=cat.legend(),
        stale_days=p.stale_after_days,
        actions_done=share_rows(p.actions_done, plan_strings(lang)),
        pt=plan_strings(lang),
    )
