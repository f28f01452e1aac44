"""Team votes: pure functions over the levels a team voted (no I/O, no Textual).

The squad-health-check pattern: everyone votes at once, votes stay hidden until they are
revealed, and a wide spread is the signal to talk before the team records its answer.

* A vote is a level 1-5 or ``None`` ("not sure"); "not sure" counts as a vote cast but takes
  no part in the median or the spread.
* Median = the median of the numeric votes, rounded down (3 and 4 give 3): a team that cannot
  agree between two levels records the lower one, the cautious choice in a self-assessment.
* Spread = highest minus lowest numeric vote; a spread of :data:`DISCUSS_SPREAD` or more is
  highlighted as "discuss".

Anonymous mode keeps no names anywhere. A participant's process votes under a token derived
from a random secret that only that process holds (:class:`Voter`): one token per question, so
the store can neither name a voter nor link one person's votes across questions, yet the same
process can still find and change its own vote until the reveal. When the team answer is
recorded only the distribution is kept (:func:`anonymised`).
"""

from __future__ import annotations

import hashlib
import hmac
import math
import re
import secrets
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Final

from maturity.errors import MaturityError
from maturity.limits import PERSON_MAX
from maturity.model.votes import ANON_KEY
from maturity.model.votes import is_anonymised as is_anonymised  # re-exported
from maturity.names import clean_name as clean_name  # re-exported
from maturity.names import name_key as name_key  # re-exported

if TYPE_CHECKING:
    from maturity.model.assessment import Answer
    from maturity.model.questionnaire import Questionnaire
    from maturity.model.results import Disagreement

DISCUSS_SPREAD: Final = 2
"""A spread of this many levels or more is highlighted as "discuss"."""

TOP_DISAGREEMENTS: Final = 5
"""How many of the widest disagreements the results screen, ``show`` and reports list."""

UNSURE_KEY: Final = "unsure"
"""The distribution key for "not sure" votes (levels are the keys "1" to "5")."""


TOKEN = re.compile(r"^[0-9a-f]{24}$")
"""What an anonymous voter looks like in the live votes table: 24 hex digits."""

MAX_NAME = PERSON_MAX

Vote = int | None


def numeric(votes: Iterable[Vote]) -> list[int]:
    """The numeric votes, sorted ("not sure" left out)."""
    return sorted(v for v in votes if v is not None)


def median_down(votes: Iterable[Vote]) -> int | None:
    """Median of the numeric votes rounded down; None when nobody gave a level."""
    levels = numeric(votes)
    if not levels:
        return None
    mid = len(levels) // 2
    if len(levels) % 2:
        return levels[mid]
    return math.floor((levels[mid - 1] + levels[mid]) / 2)


def spread(votes: Iterable[Vote]) -> int | None:
    """Highest minus lowest numeric vote; None when nobody gave a level."""
    levels = numeric(votes)
    return levels[-1] - levels[0] if levels else None


def needs_discussion(votes: Iterable[Vote]) -> bool:
    """True when the spread is :data:`DISCUSS_SPREAD` levels or more."""
    s = spread(votes)
    return s is not None and s >= DISCUSS_SPREAD


def distribution(votes: Iterable[Vote]) -> dict[str, int]:
    """How many voted each level: keys "1"-"5" and "unsure", all present (zeros included)."""
    out = {str(level): 0 for level in range(1, 6)}
    out[UNSURE_KEY] = 0
    for v in votes:
        out[UNSURE_KEY if v is None else str(v)] += 1
    return out


@dataclass(frozen=True)
class Tally:
    """Everything the reveal shows about one question's votes."""

    count: int
    median: int | None
    spread: int | None
    discuss: bool
    distribution: dict[str, int] = field(default_factory=dict)

    @property
    def unsure(self) -> int:
        return self.distribution.get(UNSURE_KEY, 0)


def tally(votes: Iterable[Vote]) -> Tally:
    cast = list(votes)
    return Tally(
        count=len(cast),
        median=median_down(cast),
        spread=spread(cast),
        discuss=needs_discussion(cast),
        distribution=distribution(cast),
    )


def anonymised(votes: Iterable[Vote]) -> dict[str, Vote]:
    """Votes without voters: keys ``#01``, ``#02``, ... in order of level ("not sure" last).

    The order carries no information about who voted; only the distribution survives.
    """
    ordered = sorted(votes, key=lambda v: (v is None, v or 0))
    width = max(2, len(str(len(ordered))))
    return {f"#{i:0{width}d}": v for i, v in enumerate(ordered, start=1)}


def canonical_name(name: str, known: Iterable[str]) -> str:
    """``name`` spelled as it is already known (the first match by :func:`name_key`), else
    cleaned: "joon" joins as "Joon" when Joon is on the list."""
    key = name_key(name)
    return next((k for k in known if name_key(k) == key), clean_name(name))


LIVE_S: Final = 15.0
"""A facilitator or participant seen within this many seconds is live (they beat every few)."""

BEAT_S: Final = 3.0
"""How often a live facilitator's and a joined participant's app write that they are there."""


def is_live(seen: datetime | None, at: datetime, *, window: float = LIVE_S) -> bool:
    """Whether a heartbeat at ``seen`` still counts as present at ``at``."""
    return seen is not None and (at - seen).total_seconds() <= window


def waiting(participants: Sequence[str], voters: Iterable[str]) -> list[str]:
    """Who on the list has not voted yet, in list order (names matched by :func:`name_key`)."""
    voted = {name_key(v) for v in voters}
    return [p for p in participants if name_key(p) not in voted]


def room_next(participants: Sequence[str], voters: Iterable[str], joined: Iterable[str]) -> str:
    """Whose vote a digit typed on the facilitator's keyboard is.

    Only people in the room: the first participant (in the order given at creation) who has
    neither voted nor joined from their own terminal; a joined participant's vote is theirs
    alone. When everyone on the list is covered, an unnamed room voter P1, P2, ...
    """
    taken = {name_key(v) for v in voters} | {name_key(j) for j in joined}
    for name in participants:
        if name_key(name) not in taken:
            return name
    n = 1
    while f"p{n}" in taken:
        n += 1
    return f"P{n}"


def name_error(name: str) -> MaturityError | None:
    """Why ``name`` cannot be a voter name, as a coded error (None when it can)."""
    cleaned = clean_name(name)
    if not cleaned:
        return MaturityError(code="name.required")
    if len(cleaned) > MAX_NAME:
        return MaturityError(code="name.too_long", params={"limit": MAX_NAME})
    if TOKEN.match(cleaned) or ANON_KEY.match(cleaned):
        return MaturityError(code="name.reserved", params={"name": cleaned})
    return None


def check_name(name: str) -> str | None:
    """Why ``name`` cannot be a voter name, in English (None when it can)."""
    error = name_error(name)
    return None if error is None else str(error)


def disagreement(questionnaire: Questionnaire, answers: Mapping[str, Answer]) -> Disagreement:
    """Questions ordered by spread (widest first, then questionnaire order) and the spread per
    dimension, from the votes kept with the recorded answers."""
    from maturity.model.results import DimensionSpread, Disagreement, QuestionSpread

    questions: list[QuestionSpread] = []
    dims: list[DimensionSpread] = []
    for dim in questionnaire.dimensions:
        spreads: list[int] = []
        for q in dim.questions:
            ans = answers.get(q.id)
            if ans is None or not ans.votes:
                continue
            t = tally(ans.votes.values())
            if t.spread is None:
                continue
            spreads.append(t.spread)
            questions.append(
                QuestionSpread(
                    question=q.id,
                    dimension=dim.id,
                    votes=t.count,
                    median=t.median,
                    spread=t.spread,
                    discuss=t.discuss,
                    level=ans.level,
                    distribution=t.distribution,
                )
            )
        dims.append(
            DimensionSpread(
                id=dim.id,
                voted=len(spreads),
                mean_spread=round(sum(spreads) / len(spreads), 2) if spreads else None,
                max_spread=max(spreads) if spreads else None,
                discuss=sum(1 for x in spreads if x >= DISCUSS_SPREAD),
            )
        )
    order = {qid: i for i, qid in enumerate(questionnaire.question_ids())}
    questions.sort(key=lambda x: (-x.spread, order.get(x.question, 0)))
    return Disagreement(threshold=DISCUSS_SPREAD, questions=questions, dimensions=dims)


class Voter:
    """Who one participant's process votes as.

    Named: the vote is stored under the name. Anonymous: under :meth:`key`, an HMAC of the
    assessment and question with a secret made here and never written anywhere, so only this
    process can find (and change) its vote, and votes on two questions cannot be linked.
    The display name of an anonymous voter stays in memory only.
    """

    def __init__(self, name: str, *, anonymous: bool, secret: bytes | None = None) -> None:
        self.name = clean_name(name)
        self.anonymous = anonymous
        self._secret = secret if secret is not None else secrets.token_bytes(32)

    def key(self, assessment_id: str, question_id: str) -> str:
        if not self.anonymous:
            return self.name
        message = f"{assessment_id}\x1f{question_id}".encode()
        return hmac.new(self._secret, message, hashlib.sha256).hexdigest()[:24]

    def __repr__(self) -> str:  # never print an anonymous participant's name into a log
        return f"Voter(anonymous={self.anonymous})"
