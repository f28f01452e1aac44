"""The TUI's string catalogue is one table built from each screen's own table."""

from __future__ import annotations

import pytest

from maturity.catalogue import merged
from maturity.tui import i18n
from maturity.tui.i18n_measure import MEASURE_STRINGS
from maturity.tui.i18n_plan import PLAN_STRINGS
from maturity.tui.i18n_retro import RETRO_STRINGS
from maturity.tui.i18n_team import TEAM_STRINGS


def test_a_key_defined_twice_is_refused() -> None:
    first = {"home.title": {"en": "Assessments", "ko": "진단 목록"}}
    second = {"home.title": {"en": "Something else"}, "other": {"en": "x"}}
    with pytest.raises(ValueError, match=r"defined twice: home\.title"):
        merged(first, second)


def test_every_table_is_in_the_catalogue_unchanged() -> None:
    parts = (TEAM_STRINGS, RETRO_STRINGS, MEASURE_STRINGS, PLAN_STRINGS)
    for table in parts:
        for key, entry in table.items():
            assert i18n.STRINGS[key] is entry, key
    assert len(i18n.STRINGS) == len(i18n._CORE) + sum(len(p) for p in parts)


def test_every_string_has_every_language_with_the_same_fields() -> None:
    assert i18n.STRINGS.problems() == []
