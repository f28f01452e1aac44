"""How recorded anonymous votes are keyed: a fact of the stored data, so it lives with the model.

Plain Python (no pydantic): :mod:`maturity.voting` and the store use it without loading the
models, and the models use it without importing a rule module.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

ANON_KEY = re.compile(r"^#\d{2,}$")
"""Keys of recorded anonymous votes: ``#01``, ``#02``, ... in order of level, never a name."""


def is_anonymised(votes: Mapping[str, int | None]) -> bool:
    """True when every vote key is an anonymous ``#NN`` key (so no name is stored)."""
    return all(ANON_KEY.match(k) for k in votes)
