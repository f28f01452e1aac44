"""The report's view model: everything the templates show, as plain, already-translated data.

Templates stay dumb on purpose: they loop and print. Every decision (which answers are the
strongest, what changed since the previous assessment, which words to use in which language,
how a number is formatted) is made here in typed Python, where it can be tested without
rendering anything. Text from the assessment and from questionnaire files stays plain ``str``
so Jinja2's autoescape handles it; only the charts, which escape their own text, are Markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from markupsafe import Markup

from maturity import capabilities as capmod
from maturity import dora as dora_mod
from maturity import voting
from maturity.model import terms
from maturity.model.assessment import Assessment
from maturity.model.questionnaire import Dimension, Practice, Question
from maturity.model.results import DimensionResult, RecommendationItem, Results
from maturity.questionnaire import LoadedQuestionnaire
from maturity.report import charts
from maturity.report.measured import MeasuredSection
from maturity.report.measured import section as measured_section
from maturity.report.shared import (
    NOTE_EXCERPT,
    Lookup,
    Meta,
    css_content,
    fmt_date,
)
from maturity.report.strings import strings
from maturity.report.view_dora import DoraView, dora_section
from maturity.report.view_plan import PlanView, build_plan_view
from maturity.safetext import breakable, excerpt
from maturity.scoring import MIN_COVERAGE
from maturity.textfmt import format_level, format_score, format_share

HORIZONS: tuple[str, ...] = ("now", "next", "later")


TOP_STEPS = 3


NOTE_APPENDIX = 20_000  # ... up to this many (far above what the store accepts today; a hang


LINK_SHOWN = 200  # characters of an evidence link


_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"'）)]+", re.IGNORECASE)


def evidence_links(note: str) -> list[str]:
    """Links found in a note, shown as evidence; they are printed as text and never fetched.
    A link longer than :data:`LINK_SHOWN` is shortened with "…" (the note in the appendix has
    it whole): a 4.7 MB data: URL must not become a page of unbreakable text."""
    return [excerpt(m.rstrip(".,;:"), LINK_SHOWN)[0] for m in _URL.findall(note)]


@dataclass(frozen=True)
class Vote:
    person: str
    answer: str  # "3" or "not sure"


@dataclass(frozen=True)
class AnswerView:
    question_id: str
    question: str
    level: int | None
    state: str  # "answered" | "unsure" | "unanswered"
    answer: str  # the chosen option's text, or "Not sure" / "Not answered"
    note: str  # the whole note, made breakable (the appendix)
    evidence: list[str]
    votes: list[Vote]
    note_excerpt: str = ""  # at most NOTE_EXCERPT characters of it, breakable (the body)
    note_cut: bool = False  # the excerpt is shorter than the note
    vote_summary: str = ""  # "median 3, spread 2" when there were votes
    distribution: str = ""  # anonymous votes: "2 ×1 · 3 ×2" (nobody named)


@dataclass(frozen=True)
class PracticeView:
    id: str
    title: str
    why: str
    steps: list[str]
    effort: str  # S/M/L
    effort_label: str
    horizon: str
    horizon_label: str
    dimension_title: str
    target: str  # "towards level 4 (Managed)"
    dora: list[str]  # metric titles
    who: str = "team"  # team | lead | organisation
    who_label: str = ""


@dataclass(frozen=True)
class HeldBackView:
    question: str
    level: int
    gap: str


@dataclass(frozen=True)
class Change:
    label: str
    before: str  # level (or tier) before, e.g. "2" or "Medium"
    after: str
    score: str  # "2.60 → 3.00", or "" for DORA
    direction: str  # "up" | "down" | "same" | "new"
    word: str  # translated direction
    symbol: str  # ▲ ▼ = ●


@dataclass(frozen=True)
class DimensionView:
    id: str
    anchor: str
    number: int
    title: str
    summary: str
    score: str
    level: int | None
    level_label: str  # "Level 3 · Defined" or "Not enough answers"
    coverage: str
    answered_text: str
    unsure_text: str
    descriptor_title: str
    descriptor: str
    next_title: str
    next_descriptor: str
    held_back_intro: str
    held_back: list[HeldBackView]
    strongest: list[AnswerView]
    weakest: list[AnswerView]
    notes: list[AnswerView]
    practices: list[PracticeView]
    spread: str = ""  # team votes: "mean 1.2 · widest 3" ("" without votes)


@dataclass(frozen=True)
class Horizon:
    id: str
    label: str
    items: list[PracticeView]


@dataclass(frozen=True)
class ActorGroup:
    """The roadmap's practices that one kind of actor has to carry out (team, lead, organisation)."""

    id: str
    label: str
    items: list[PracticeView]


@dataclass(frozen=True)
class CoverageRow:
    """One DORA capability in the appendix's "what this assessment covers" table."""

    name: str
    category: str
    questions: list[str]  # question texts
    practices: int
    moves: str  # metric titles, or "–"
    note: str


@dataclass(frozen=True)
class AppendixDimension:
    title: str
    answers: list[AnswerView]


@dataclass(frozen=True)
class SpreadRow:
    question: str
    dimension: str
    spread: int
    median: str
    answer: str
    votes: str  # "Ana 2, Joon 5" or, anonymous, "2 ×1 · 5 ×1"
    discuss: bool


@dataclass(frozen=True)
class DisagreementView:
    intro: str
    anonymous_note: str
    rows: list[SpreadRow]  # the widest first


@dataclass(frozen=True)
class Comparison:
    heading: str
    rows: list[Change]
    dora: Change | None
    legend: str  # "1 Initial · 2 Developing · ..." so bare level numbers can be read


@dataclass(frozen=True)
class Cover:
    kicker: str
    team: str
    facts: list[tuple[str, str]]
    level_big: str  # "Level 3" or "Not enough answers yet"
    level_name: str
    score_line: str
    questionnaire: str


@dataclass(frozen=True)
class Summary:
    level_big: str
    level_name: str
    meaning: str
    sentences: list[str]
    radar: Markup
    bars: Markup
    dora_line: str
    dora_tier: str | None
    dora_metrics: list[tuple[str, str]]  # (metric title, tier label) for the key metrics
    dora_quick: str  # "7.9 / 10": the Quick Check score, shown before the tier ("" without)
    dora_tier_heading: str  # "Tier against the DORA 2024 benchmark"
    optimistic: str
    next_steps: list[PracticeView]
    comparison: Comparison | None


@dataclass(frozen=True)
class ReportView:
    lang: str
    t: dict[str, str]
    meta: Meta
    cover: Cover
    summary: Summary
    dimensions: list[DimensionView]
    dora: DoraView | None
    roadmap: list[Horizon]
    method: list[str]
    appendix: list[AppendixDimension]
    actors: list[ActorGroup]
    coverage: list[CoverageRow]
    page_counter: Markup  # CSS `content` value for "page X of Y" in this language
    disagreement: DisagreementView | None = None  # team votes; None when nobody voted
    measured: MeasuredSection | None = None  # maturity dora measure --into; None without
    plan: PlanView | None = None  # targets, phases, actions (maturity.report.view_plan)


@dataclass(frozen=True)
class Previous:
    """An earlier assessment to compare against (same team, or the one given by --compare-to)."""

    assessment: Assessment
    results: Results


class _Builder(Lookup):
    def __init__(
        self,
        assessment: Assessment,
        loaded: LoadedQuestionnaire,
        results: Results,
        lang: str,
        previous: Previous | None,
        generated: datetime,
    ) -> None:
        super().__init__([loaded], lang, strings(lang), no_level="not_enough")
        self.a = assessment
        self.q = loaded.questionnaire
        self.practices: dict[str, Practice] = {p.id: p for p in loaded.practices}
        self.r = results
        self.prev = previous
        self.generated = generated
        self.dims: dict[str, Dimension] = {d.id: d for d in self.q.dimensions}

    # -- small helpers (titles, question texts and level names come from Lookup) -----------

    def fmt(self, key: str, **values: object) -> str:
        return self.t[key].format(**values)

    def level_label(self, level: int | None) -> str:
        """'Level 3 · Defined' (this report's heading form), or the not-enough words."""
        if level is None:
            return self.t["not_enough"]
        return f"{self.fmt('level_n', level=level)} · {self.level_name(level)}"

    # -- answers ----------------------------------------------------------------------------

    def answer_view(self, q: Question) -> AnswerView:
        ans = self.a.answers.get(q.id)
        if ans is None:
            state, level, text = "unanswered", None, self.t["not_answered"]
        elif ans.level is None:
            state, level, text = "unsure", None, self.t["not_sure"]
        else:
            state, level, text = "answered", ans.level, self.tr(q.option(ans.level).text)
        note = ans.note.strip() if ans else ""
        shown, cut = excerpt(note, NOTE_EXCERPT)
        cast = ans.votes if ans else {}
        votes = [
            Vote(person, str(v) if v is not None else self.t["not_sure"])
            for person, v in sorted(cast.items())
        ]
        distribution = ""
        if self.a.anonymous:  # nobody is named, not even by an anonymised key
            votes, distribution = [], self.distribution_text(cast.values())
        summary = ""
        if (result := voting.tally(cast.values())).median is not None:
            summary = self.fmt("vote_summary", median=result.median, spread=result.spread)
        return AnswerView(
            question_id=q.id,
            question=self.tr(q.text),
            level=level,
            state=state,
            answer=text,
            note=breakable(excerpt(note, NOTE_APPENDIX)[0]),
            note_excerpt=breakable(shown),
            note_cut=cut,
            evidence=evidence_links(note),
            votes=votes,
            vote_summary=summary,
            distribution=distribution,
        )

    def distribution_text(self, votes: Iterable[int | None]) -> str:
        """Only how many chose each level: "2 ×1 · 3 ×2 · Not sure ×1"."""
        counts = voting.distribution(votes)
        label = {voting.UNSURE_KEY: self.t["not_sure"]}
        return " · ".join(f"{label.get(k, k)} ×{n}" for k, n in counts.items() if n)

    def disagreement(self) -> DisagreementView | None:
        d = self.r.disagreement
        if d is None or not any(x.voted for x in d.dimensions):
            return None
        rows = []
        for x in [x for x in d.questions if x.spread > 0][: voting.TOP_DISAGREEMENTS]:
            ans = self.a.answers.get(x.question)
            cast = ans.votes if ans else {}
            votes = (
                self.distribution_text(cast.values())
                if self.a.anonymous
                else ", ".join(
                    f"{who} {v if v is not None else self.t['not_sure']}"
                    for who, v in sorted(cast.items())
                )
            )
            rows.append(
                SpreadRow(
                    question=self.question_text(x.question),
                    dimension=self.dim_title(x.dimension),
                    spread=x.spread,
                    median=format_level(x.median),
                    answer=format_level(x.level) if x.level is not None else self.t["not_sure"],
                    votes=votes,
                    discuss=x.discuss,
                )
            )
        return DisagreementView(
            intro=self.fmt("disagreement_intro", threshold=d.threshold),
            anonymous_note=self.t["disagreement_anon"] if self.a.anonymous else "",
            rows=rows,
        )

    def dimension_spread(self, dim_id: str) -> str:
        d = self.r.disagreement
        found = next((x for x in d.dimensions if x.id == dim_id), None) if d else None
        if found is None or not found.voted or found.mean_spread is None:
            return ""
        return self.fmt("spread_mean", mean=f"{found.mean_spread:.1f}", max=found.max_spread)

    # -- practices --------------------------------------------------------------------------

    def practice_view(self, item: RecommendationItem) -> PracticeView:
        p = self.practices.get(item.id)
        return PracticeView(
            id=item.id,
            title=self.tr(p.title) if p else item.title,
            why=self.tr(p.why) if p else "",
            steps=[self.tr(s) for s in p.steps] if p else [],
            effort=item.effort,
            effort_label=self.t[f"effort_{item.effort}"],
            horizon=item.horizon,
            horizon_label=self.t[f"horizon_{item.horizon}"],
            dimension_title=self.dim_title(item.dimension),
            target=self.fmt("target_level", level=item.level, name=self.level_name(item.level)),
            dora=[self.metric_title(m) for m in item.dora],
            who=item.who_acts,
            who_label=terms.who_acts_name(item.who_acts, self.lang),
        )

    def actor_groups(self) -> list[ActorGroup]:
        """The roadmap grouped by who has to act, so leadership sees what is theirs to do."""
        views = [self.practice_view(i) for i in self.r.recommendations]
        return [
            ActorGroup(who, terms.who_acts_name(who, self.lang), [v for v in views if v.who == who])
            for who in terms.WHO_ACTS_ORDER
        ]

    def coverage(self) -> list[CoverageRow]:
        """DORA's capabilities and the questions and practices of this assessment that cover them."""
        rows = []
        for c in capmod.capability_map(self.q, list(self.practices.values())):
            cap = c.capability
            texts = []
            for qid in c.questions:
                found = self.q.find_question(qid)
                if found is not None:
                    texts.append(self.tr(found[1].text))
            rows.append(
                CoverageRow(
                    name=self.tr(cap.name),
                    category=self.t.get(f"category_{cap.category}", cap.category),
                    questions=texts,
                    practices=len(c.practices),
                    moves=", ".join(self.metric_title(m) for m in cap.moves) or "–",
                    note=self.t["coverage_partial"] if cap.partial else "",
                )
            )
        return rows

    # -- dimensions -------------------------------------------------------------------------

    def dimension_view(self, number: int, res: DimensionResult) -> DimensionView:
        dim = self.dims[res.id]
        answers = [self.answer_view(q) for q in dim.questions]
        weights = {q.id: q.weight for q in dim.questions}
        answered = [a for a in answers if a.state == "answered" and a.level is not None]
        order = {a.question_id: i for i, a in enumerate(answers)}
        strongest = sorted(
            answered,
            key=lambda a: (-(a.level or 0), -weights[a.question_id], order[a.question_id]),
        )[:2]
        weakest = [
            a
            for a in sorted(
                answered,
                key=lambda a: ((a.level or 0), -weights[a.question_id], order[a.question_id]),
            )
            if a not in strongest
        ][:2]
        if res.level is not None:
            descriptor_title = self.fmt(
                "descriptor_now", level=res.level, name=self.level_name(res.level)
            )
            descriptor = self.tr(dim.descriptors[res.level])
        else:
            descriptor_title = self.t["not_enough"]
            descriptor = self.fmt("descriptor_none", coverage=f"{MIN_COVERAGE:.0%}")
        next_title = next_descriptor = ""
        if res.next_level is not None:
            next_title = self.fmt(
                "descriptor_next", level=res.next_level, name=self.level_name(res.next_level)
            )
            next_descriptor = self.tr(dim.descriptors[res.next_level])
        if res.level == 5:
            intro = self.t["held_back_top"]
        elif res.next_level is not None and res.distance_to_next is not None and res.held_back_by:
            intro = self.fmt(
                "held_back_sentence",
                score=format_score(res.score),
                distance=format_score(res.distance_to_next),
                level=res.next_level,
                name=self.level_name(res.next_level),
            )
        elif res.level is None:
            intro = ""
        else:
            intro = self.t["held_back_none"]
        held = [
            HeldBackView(
                question=self.question_text(h.question),
                level=h.level,
                gap=self.fmt("levels_below", gap=h.gap),
            )
            for h in res.held_back_by
        ]
        return DimensionView(
            id=res.id,
            anchor=f"dim-{number}",
            number=number,
            title=self.tr(dim.title),
            summary=self.tr(dim.summary) if dim.summary else "",
            score=format_score(res.score),
            level=res.level,
            level_label=self.level_label(res.level),
            coverage=format_share(res.coverage),
            answered_text=self.fmt("answered_of", answered=res.answered, total=res.total),
            unsure_text=self.fmt("unsure_count", count=res.unsure) if res.unsure else "",
            descriptor_title=descriptor_title,
            descriptor=descriptor,
            next_title=next_title,
            next_descriptor=next_descriptor,
            held_back_intro=intro,
            held_back=held,
            strongest=strongest,
            weakest=weakest,
            notes=[a for a in answers if a.note],
            practices=[
                self.practice_view(item)
                for item in self.r.recommendations
                if item.dimension == res.id
            ],
            spread=self.dimension_spread(res.id),
        )

    # -- comparison -------------------------------------------------------------------------

    def change(
        self, label: str, before: int | None, after: int | None, b: str, a: str, score: str = ""
    ) -> Change:
        if before is None and after is None:
            direction = "same"
        elif before is None:
            direction = "new"
        elif after is None:
            direction = "down"
        else:
            direction = "up" if after > before else "down" if after < before else "same"
        symbol = {"up": "▲", "down": "▼", "same": "=", "new": "●"}[direction]
        return Change(label, b, a, score, direction, self.t[direction], symbol)

    def comparison(self) -> Comparison | None:
        if self.prev is None:
            return None
        pa, pr = self.prev.assessment, self.prev.results
        date = fmt_date(pa.created, self.lang)
        heading = (
            self.fmt("changes", date=date)
            if pa.team.casefold() == self.a.team.casefold()
            else self.fmt("changes_other", team=pa.team, date=date)
        )
        before = {d.id: d for d in pr.dimensions}
        rows = [
            self.change(
                self.t["overall"],
                pr.overall.level,
                self.r.overall.level,
                format_level(pr.overall.level),
                format_level(self.r.overall.level),
                f"{format_score(pr.overall.score)} → {format_score(self.r.overall.score)}",
            )
        ]
        for d in self.r.dimensions:
            old = before.get(d.id)
            rows.append(
                self.change(
                    self.dim_title(d.id),
                    old.level if old else None,
                    d.level,
                    format_level(old.level if old else None),
                    format_level(d.level),
                    f"{format_score(old.score if old else None)} → {format_score(d.score)}",
                )
            )
        dora_change = None
        if pr.dora is not None or self.r.dora is not None:
            bt = pr.dora.overall if pr.dora else None
            at = self.r.dora.overall if self.r.dora else None
            dora_change = self.change(
                self.t["dora_tier"],
                dora_mod.TIER_RANK[bt] if bt else None,
                dora_mod.TIER_RANK[at] if at else None,
                self.tier_label(bt),
                self.tier_label(at),
            )
        legend = " · ".join(f"{n} {self.level_name(n)}" for n in range(1, 6))
        return Comparison(heading, rows, dora_change, legend)

    # -- charts -----------------------------------------------------------------------------

    def previous_label(self) -> str | None:
        if self.prev is None:
            return None
        return self.fmt("chart_previous", date=fmt_date(self.prev.assessment.created, self.lang))

    def profile_alt(self) -> str:
        """The CALMS charts' text alternative (their SVG <title>, the PDF's /Alt): every score
        the chart draws, in words, and the earlier ones when they are drawn too."""
        before = {d.id: d for d in self.prev.results.dimensions} if self.prev else {}
        parts = []
        for d in self.r.dimensions:
            part = f"{self.dim_title(d.id)} {format_score(d.score)} ({self.level_name(d.level)})"
            if d.id in before and before[d.id].score is not None:
                part += f", {self.previous_label()}: {format_score(before[d.id].score)}"
            parts.append(part)
        return f"{self.t['calms_profile']} — " + "; ".join(parts)

    def radar(self) -> Markup:
        before = {d.id: d for d in self.prev.results.dimensions} if self.prev else {}
        axes = [
            charts.RadarAxis(
                label=self.dim_title(d.id),
                value=d.score,
                previous=before[d.id].score if d.id in before else None,
                enough=d.level is not None,
            )
            for d in self.r.dimensions
        ]
        return charts.radar(
            axes,
            uid="chart-radar",
            title=self.profile_alt(),
            this_label=self.t["chart_this"],
            previous_label=self.previous_label(),
        )

    def bars(self) -> Markup:
        before = {d.id: d for d in self.prev.results.dimensions} if self.prev else {}
        bars = [
            charts.Bar(
                label=self.dim_title(d.id),
                value=d.score,
                caption=(
                    f"{format_score(d.score)} · {self.level_name(d.level)}"
                    if d.level is not None
                    else f"{format_score(d.score)} · {self.t['not_enough']}"
                    if d.score is not None
                    else self.t["not_enough"]
                ),
                enough=d.level is not None,
                previous=before[d.id].score if d.id in before else None,
            )
            for d in self.r.dimensions
        ]
        return charts.dimension_bars(
            bars,
            uid="chart-bars",
            title=self.profile_alt(),
            this_label=self.t["chart_this"],
            previous_label=self.previous_label(),
        )

    # -- DORA -------------------------------------------------------------------------------

    def dora(self) -> DoraView | None:
        previous = self.prev.results.dora if self.prev else None
        return dora_section(self, self.r.dora, previous, self.previous_label())

    # -- summary ----------------------------------------------------------------------------

    def summary_sentences(self) -> list[str]:
        o = self.r.overall
        scored = [d for d in self.r.dimensions if d.score is not None]
        if not scored:
            return [self.t["no_answers_sentence"]]
        out = [
            self.fmt("overall_sentence", score=format_score(o.score), count=len(self.r.dimensions))
        ]
        if len(scored) > 1:
            best = max(scored, key=lambda d: (d.score or 0.0, d.id))
            worst = min(scored, key=lambda d: (d.score or 0.0, d.id))
            out.append(
                self.fmt(
                    "strongest_sentence",
                    title=self.dim_title(best.id),
                    score=format_score(best.score),
                    weakest=self.dim_title(worst.id),
                    weakest_score=format_score(worst.score),
                )
            )
        if o.capped_by:
            out.append(self.fmt("capped_sentence", title=self.dim_title(o.capped_by)))
        if o.partial:
            lacking = [self.dim_title(d.id) for d in self.r.dimensions if d.level is None]
            out.append(
                self.fmt(
                    "partial_sentence",
                    titles=", ".join(lacking),
                    coverage=f"{MIN_COVERAGE:.0%}",
                    score=format_score(o.score),
                )
            )
        return out

    def build(self) -> ReportView:
        o = self.r.overall
        t = self.t
        team = self.a.team
        level_big = self.fmt("level_n", level=o.level) if o.level else t["not_enough_overall"]
        level_name = o.level_name or ""
        if o.level is None and o.score is not None:
            level_name = self.fmt("partial_score", score=format_score(o.score))
        score_line = self.fmt("score_of_5", score=format_score(o.score)) if o.level else ""
        dora_view = self.dora()
        facts: list[tuple[str, str]] = [
            (t["assessed_on"], fmt_date(self.a.created, self.lang)),
            (t["updated_on"], fmt_date(self.a.updated, self.lang)),
            (t["facilitator"], self.a.facilitator or t["none_given"]),
            (t["participants"], ", ".join(self.a.participants) or t["none_given"]),
            (
                t["questionnaire"],
                f"{self.tr(self.q.title)} · {self.q.id} {t['version']} {self.q.version}",
            ),
            (t["status"], t[f"status_{self.a.status}"]),
            (t["assessment_id"], self.a.id),
            (t["generated_on"], fmt_date(self.generated, self.lang)),
        ]
        next_steps = [self.practice_view(item) for item in self.r.recommendations[:TOP_STEPS]]
        dims = [self.dimension_view(i, d) for i, d in enumerate(self.r.dimensions, start=1)]
        roadmap = [
            Horizon(
                h,
                t[f"horizon_{h}"],
                [self.practice_view(i) for i in self.r.recommendations if i.horizon == h],
            )
            for h in HORIZONS
        ]
        appendix = [
            AppendixDimension(self.tr(d.title), [self.answer_view(q) for q in d.questions])
            for d in self.q.dimensions
        ]
        meaning = t[f"meaning_{o.level}"] if o.level else ""
        title = f"{t['doc_title']} — {team}"
        return ReportView(
            lang=self.lang,
            t=t,
            meta=Meta.of(
                t,
                title=title,
                subject=t["doc_subject"],
                author=self.a.facilitator,
                created=self.a.created,
                modified=self.a.updated,
            ),
            cover=Cover(
                kicker=t["cover_kicker"],
                team=team,
                facts=facts,
                level_big=level_big,
                level_name=level_name,
                score_line=score_line,
                questionnaire=self.tr(self.q.title),
            ),
            summary=Summary(
                level_big=level_big,
                level_name=level_name,
                meaning=meaning,
                sentences=self.summary_sentences(),
                radar=self.radar(),
                bars=self.bars(),
                dora_line=dora_view.sentence if dora_view else t["dora_none"],
                dora_tier=dora_view.overall_tier if dora_view else None,
                dora_metrics=[
                    (m.title, m.tier_label)
                    for m in (dora_view.metrics if dora_view else [])
                    if m.id in dora_mod.KEY_METRICS
                ],
                optimistic=dora_view.optimistic_text if dora_view else "",
                dora_quick=f"{dora_view.quick_score} / 10"
                if dora_view and dora_view.quick_score
                else "",
                dora_tier_heading=dora_view.tier_heading if dora_view else "",
                next_steps=next_steps,
                comparison=self.comparison(),
            ),
            dimensions=dims,
            dora=dora_view,
            roadmap=roadmap,
            method=[t[f"method_{i}"] for i in range(1, 11)],
            appendix=appendix,
            actors=self.actor_groups(),
            coverage=self.coverage(),
            page_counter=css_content(t["page_of"]),
            disagreement=self.disagreement(),
            measured=measured_section(self.r, self),
            plan=self.plan_view(),
        )

    def plan_view(self) -> PlanView:
        previous = None
        if self.prev is not None:
            when = fmt_date(self.prev.assessment.created, self.lang)
            previous = (self.prev.assessment, list(self.prev.results.dimensions), when)
        return build_plan_view(
            self.a,
            self.q,
            tuple(self.practices.values()),
            list(self.r.dimensions),
            self.lang,
            self.generated.date(),
            previous,
        )


def build_view(
    assessment: Assessment,
    loaded: LoadedQuestionnaire,
    results: Results,
    lang: str,
    previous: Previous | None = None,
    *,
    generated: datetime | None = None,
) -> ReportView:
    """Everything the templates need, translated into ``lang`` and formatted."""
    return _Builder(
        assessment, loaded, results, lang, previous, generated or datetime.now(UTC)
    ).build()
