"""How a question's votes look, on the facilitator's screen and on a participant's.

One renderer for both, so the two can never disagree about what the reveal shows. Before the
reveal it only ever receives a count (and who voted, when not anonymous) from the store, so
it cannot leak a value it never had.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from maturity.model.text import tr
from maturity.store.base import TeamState
from maturity.tui.i18n import t
from maturity.tui.safe import safe_str
from maturity.voting import TOP_DISAGREEMENTS, UNSURE_KEY, tally

if TYPE_CHECKING:
    from maturity.model.questionnaire import Questionnaire
    from maturity.model.results import Disagreement

LEVEL_STYLE = {1: "red", 2: "bright_red", 3: "yellow", 4: "green", 5: "bright_green"}
BAR = "█"


def answer_label(level: int | None, lang: str) -> str:
    return str(level) if level is not None else t("q.not_sure", lang)


def vote_lines(state: TeamState, lang: str) -> Text:
    """After the reveal: one line per level with a bar, the count and (named mode) who."""
    votes = state.votes or {}
    text = Text()
    if not votes:
        text.append(t("team.no_votes", lang), style="dim")
        return text
    result = tally(votes.values())
    by_level: dict[str, list[str]] = {}
    for who, level in sorted(votes.items()):
        by_level.setdefault(UNSURE_KEY if level is None else str(level), []).append(who)
    rows = [(str(level), str(level), LEVEL_STYLE[level]) for level in range(1, 6)]
    rows.append((UNSURE_KEY, "?", "dim"))
    for key, label, style in rows:
        n = result.distribution.get(key, 0)
        if key == UNSURE_KEY and n == 0:
            continue
        line = Text(f" {label} ", style="bold")
        line.append(BAR * (2 * n) or "·", style=style if n else "dim")
        line.append(f" {n}" if n else "", style="bold")
        if not state.anonymous and by_level.get(key):
            line.append("  " + ", ".join(safe_str(who) for who in by_level[key]), style="")
        text.append_text(line)
        text.append("\n")
    summary = Text()
    median = result.median
    summary.append(t("team.median", lang, median=median if median is not None else "–"), "bold")
    if result.spread is not None:
        summary.append(" · " + t("team.spread", lang, spread=result.spread))
    if result.discuss:
        summary.append("  ")
        summary.append(t("team.discuss", lang), style="bold reverse yellow")
    text.append_text(summary)
    if result.discuss:
        text.append(
            "\n" + t("team.discuss_hint", lang, spread=result.spread), style="italic yellow"
        )
    return text


def facilitator_text(
    state: TeamState | None,
    lang: str,
    *,
    next_name: str | None,
    expected: int = 0,
    waiting: Sequence[str] = (),
    explicit: bool = False,
) -> Text:
    """The facilitator's vote panel: one line until the reveal ("4/6 voted · waiting: Leo,
    Kim · typed → Ana"), every vote, the median and what enter records after it."""
    text = Text(no_wrap=False)
    if state is None:
        text.append("…", style="dim")
        return text
    if not state.revealed:
        count = (
            t("retro.count_of", lang, count=state.count, total=expected)
            if expected
            else t("team.count", lang, count=state.count)
        )
        text.append(count, style="bold")
        if waiting:
            text.append(
                " · " + t("retro.waiting", lang, names=", ".join(safe_str(w) for w in waiting))
            )
        if next_name is not None:
            key = "retro.next_named" if explicit else "retro.next"
            text.append(" · " + t(key, lang, name=safe_str(next_name)), style="dim")
        if state.previous:
            text.append(" · " + last_time(state.previous_answer, lang), style="dim")
        return text
    text.append_text(vote_lines(state, lang))
    if state.answered:
        text.append(
            "\n" + t("team.recorded", lang, answer=answer_label(state.answer, lang)), "bold"
        )
        return text
    if state.previous:
        text.append("\n" + last_time(state.previous_answer, lang), style="bold")
    median = tally((state.votes or {}).values()).median
    hint = (
        t("team.record_hint", lang, median=median)
        if median is not None
        else t("team.record_hint_none", lang)
    )
    text.append("\n" + hint, style="dim")
    return text


def last_time(level: int | None, lang: str) -> str:
    """The answer given before this vote, for comparison (never mistaken for the decision)."""
    return t("retro.last_time", lang, answer=answer_label(level, lang))


def participant_text(state: TeamState, lang: str) -> Text:
    """A participant's panel: their own vote and the count; everything only after the reveal.
    "Team answer" appears only once the facilitator has recorded it."""
    text = Text()
    if state.status == "complete":
        text.append(t("p.closed", lang), style="bold")
        return text
    if not state.facilitator_live:
        text.append(t("retro.facilitator_gone", lang), style="bold")
        text.append("\n")
    if not state.revealed:
        if state.voted:
            text.append(t("p.your_vote", lang, vote=answer_label(state.mine, lang)), style="bold")
            text.append("  " + t("p.can_change", lang), style="dim")
        else:
            text.append(t("p.no_vote", lang), style="bold")
        text.append("\n" + t("p.others", lang, count=state.count), style="dim")
        return text
    text.append(t("p.locked", lang), style="dim")
    text.append("\n")
    text.append_text(vote_lines(state, lang))
    if state.answered:
        text.append(
            "\n" + t("team.recorded", lang, answer=answer_label(state.answer, lang)), "bold"
        )
    else:
        if state.previous:
            text.append("\n" + last_time(state.previous_answer, lang), style="dim")
        text.append("\n" + t("retro.deciding", lang), style="dim")
    return text


class VotePanel(Static):
    """The box under the answer options that shows the votes."""

    DEFAULT_CSS = """
    VotePanel {
        height: auto;
        max-height: 12;
        padding: 0 1;
        margin: 0 0 1 0;
        border: round $accent;
        background: $boost;
    }
    """


def disagreement_text(
    d: Disagreement | None, q: Questionnaire, lang: str, *, top: int = TOP_DISAGREEMENTS
) -> Table | None:
    """The results screen's "where the team disagreed": spread per dimension, then the
    questions with the widest spread. None when no answer was recorded with votes.

    A grid, so a line that wraps keeps its indent under the text (not under the marker)."""
    if d is None or not any(x.voted for x in d.dimensions):
        return None
    heading = Text(t("r.disagreement", lang), style="bold underline")
    table = Table.grid(padding=(0, 1))
    table.add_column(width=1, no_wrap=True)
    table.add_column(no_wrap=True)
    table.add_column(ratio=1)
    for dim in d.dimensions:
        if not dim.voted:
            continue
        found = q.dimension(dim.id)
        title = safe_str(tr(found.title, lang) if found else dim.id)
        line = Text(
            t(
                "r.dim_spread",
                lang,
                title=title,
                mean=f"{dim.mean_spread:.1f}" if dim.mean_spread is not None else "–",
                max=dim.max_spread if dim.max_spread is not None else "–",
                discuss=dim.discuss,
                voted=dim.voted,
            ),
            style="bold yellow" if dim.discuss else "",
        )
        table.add_row("", "", line)
    for x in [x for x in d.questions if x.spread > 0][:top]:
        found_q = q.find_question(x.question)
        question = tr(found_q[1].text, lang) if found_q else x.question
        marker = Text(
            f"{'⚠' if x.discuss else '·'} {x.spread}",
            style="bold yellow" if x.discuss else "dim",
        )
        line = Text(safe_str(question))
        line.append(
            "  "
            + t(
                "r.q_spread",
                lang,
                spread=x.spread,
                median=x.median if x.median is not None else "–",
                answer=answer_label(x.level, lang),
            ),
            style="dim",
        )
        table.add_row("", marker, line)
    outer = Table.grid()
    outer.add_column()
    outer.add_row(heading)
    outer.add_row(table)
    outer.add_row("")
    return outer
