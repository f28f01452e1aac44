"""A value a person pasted by mistake is repeated in its error by its start and its length.

One rule (``maturity.errors.shorten_echoes``) applied where every error message is made, so
a 5,000-character id, team name, flag value or path gives one readable line on the command
line and one readable notification on a screen, in every language.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import CliResult

from maturity.errors import ECHO_LIMIT, RUN_LIMIT, MaturityError, shorten_echoes

Cli = Callable[..., CliResult]
LONG = 5000


def one_error_line(result: CliResult) -> str:
    assert result.code == 2, result
    lines = result.err.splitlines()
    assert len(lines) == 1, lines
    return lines[0]


def test_a_long_quoted_value_keeps_its_start_and_says_its_length() -> None:
    value = "x" * LONG
    text = shorten_echoes(f"no team '{value}'")
    assert text == f"no team '{'x' * (ECHO_LIMIT - 20)}…' (5,000 characters)"


def test_values_up_to_the_limit_and_paths_of_real_length_are_kept_whole() -> None:
    value = "y" * ECHO_LIMIT
    assert shorten_echoes(f"no team '{value}'") == f"no team '{value}'"
    path = "/srv/" + "/".join(["folder"] * 40) + "/report.pdf"  # 290 characters
    assert len(path) <= RUN_LIMIT
    assert shorten_echoes(f"{path}: permission denied") == f"{path}: permission denied"


def test_an_unquoted_run_longer_than_any_path_is_cut_before_its_colon() -> None:
    text = shorten_echoes("q" * LONG + ": File name too long")
    assert text == "q" * (ECHO_LIMIT - 20) + "… (5,000 characters): File name too long"


def test_errors_with_a_code_are_cut_in_every_language() -> None:
    exc = MaturityError(code="team.not_found", params={"team": "팀" * LONG})
    assert "(5,000 characters)" in str(exc)
    korean = exc.text("ko")
    assert korean.endswith("(5,000 characters) 팀이 없습니다")
    assert len(korean) < ECHO_LIMIT + 60


@pytest.mark.parametrize(
    ("args", "start"),
    [
        (("show", "a" * LONG), "error: no assessment with id 'aaaa"),
        (("show", "z" * LONG), "error: 'zzzz"),
        (("trend", "--team", "t" * LONG), "error: no team 'tttt"),
        (("report", "abc", "--format", "f" * LONG), "error: argument --format"),
        (("f" * LONG,), "error: argument COMMAND"),
        (("new", "--team", "x", "--questionnaire", "q" * LONG), "error: qqqq"),
    ],
)
def test_the_command_line_prints_one_short_line(
    cli: Cli, tmp_path: Path, args: tuple[str, ...], start: str
) -> None:
    store = tmp_path / "s.db"
    assert cli("--store", str(store), "new", "--team", "Payments").code == 0
    line = one_error_line(cli("--store", str(store), *args))
    assert line.startswith(start)
    assert "(5,000 characters)" in line
    longest_run = max(len(m.group(0)) for m in re.finditer(r"(.)\1*", line))
    assert longest_run == ECHO_LIMIT - 20
