"""View model of the comparison report (what ``compare.html`` shows): A (earlier) -> B (later).

Same contract as every report view: each decision and formatted number is made here, in typed
Python, and the template only loops and prints. The numbers come from the coach core
(:func:`maturity.history.compare`), never recomputed, so the report says exactly what
``maturity compare`` says; this module only adds words, titles and charts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from markupsafe import Markup

from maturity import dora as dora_mod
from maturity.history import Evaluated
from maturity.model.history import Comparison
from maturity.model.results import RecommendationItem
from maturity.model.text import tr
from maturity.questionnaire import LoadedQuestionnaire
from maturity.report import charts, charts_history
from maturity.report.shared import (
    NOTE_EXCERPT,
    SYMBOL,
    DeltaRow,
    DocCover,
    DocView,
    Lookup,
    Meta,
    TocEntry,
    big_levels,
    css_content,
    delta_row,
    direction,
    fmt_date,
    fmt_delta,
)
from maturity.report.strings_history import history_strings
from maturity.report.strings_plan import plan_strings
from maturity.safetext import breakable, excerpt
from maturity.textfmt import format_score


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
        self.cat = Lookup([eb.questionnaire, ea.questionnaire], lang, history_strings(lang))
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
                    symbol=SYMBOL[move],
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
            symbol=SYMBOL[move],
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
                    a=format_score(o.a_score),
                    b=format_score(o.b_score),
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
            delta_row(
                cat, cat.dim_title(d.id), d.a_score, d.b_score, d.a_level, d.b_level, d.score_delta
            )
            for d in c.dimensions
        ]
        o = c.overall
        overall = delta_row(
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
                SYMBOL[move],
                t[move],
            )
        a_recs = {r.id: r for r in ea.results.recommendations}
        b_recs = {r.id: r for r in eb.results.recommendations}
        done = [self.practice_ref(a_recs[i], ea.questionnaire) for i in c.done if i in a_recs]
        new = [self.practice_ref(b_recs[i], eb.questionnaire) for i in c.new if i in b_recs]
        big, big_name = big_levels(cat, o.a_level, o.b_level)
        score_line = ""
        if o.a_score is not None and o.b_score is not None:
            score_line = t["score_line"].format(
                a=format_score(o.a_score), b=format_score(o.b_score), delta=fmt_delta(o.score_delta)
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
                (self.cat.question_text(x.question), shown(x.answered_before, x.before),
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
                        f"{format_score(pay.score_before)} → {format_score(pay.score_after)}"
                        if pay.dimension
                        else ""
                    ),
                    level=f"{pay.level_before or '–'} → {pay.level_after or '–'}",
                    direction=move,
                )
            )
        return rows


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
