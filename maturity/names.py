"""The one matching rule for names people type (teams and participants alike).

Standard library only: the quick read path (:mod:`maturity.store.fastread`) needs the same
team key as the store to stamp a team's trend, without importing the voting rules.
"""

from __future__ import annotations


def clean_name(name: str) -> str:
    """A name as stored: surrounding and repeated spaces removed."""
    return " ".join(name.split())


def name_key(name: str) -> str:
    """Case and surrounding or repeated spaces are ignored, so "joon" and " Joon " are the
    same person and "payments" is the team "Payments"."""
    return clean_name(name).casefold()
