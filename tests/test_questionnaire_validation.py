"""Questionnaire files: every problem on its own line, with the file and the path inside it."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import DATA, CliResult

MINI: dict[str, Any] = yaml.safe_load((DATA / "mini.yaml").read_text())


def write(tmp_path: Path, data: Any, name: str = "q.yaml") -> Path:
    path = tmp_path / name
    path.write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        if not isinstance(data, str)
        else data
    )
    if not isinstance(data, str):
        (tmp_path / "mini-practices.yaml").write_text((DATA / "mini-practices.yaml").read_text())
    return path


def mutate(fn: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    data = copy.deepcopy(MINI)
    fn(data)
    return data


CASES: list[tuple[str, Any, list[str]]] = [
    (
        "four options",
        mutate(
            lambda d: d["dimensions"][1]["questions"][0].update(
                options=d["dimensions"][1]["questions"][0]["options"][:4]
            )
        ),
        [
            "q.yaml: dimensions[1].questions[0].options: expected one option for each level 1-5, got 4"
        ],
    ),
    (
        "level outside 1-5",
        mutate(
            lambda d: d["dimensions"][0]["questions"][1].update(
                options=[
                    *d["dimensions"][0]["questions"][1]["options"][:4],
                    {"level": 6, "text": "beyond"},
                ]
            )
        ),
        [
            "q.yaml: dimensions[0].questions[1].options[4].level: Input should be less than or equal to 5"
        ],
    ),
    (
        "duplicate question id",
        mutate(lambda d: d["dimensions"][1]["questions"][1].update(id="alpha.one")),
        [
            "q.yaml: dimensions[1].questions[1].id: duplicate question id 'alpha.one' (first at dimensions[0].questions[0])"
        ],
    ),
    (
        "duplicate dimension id",
        mutate(lambda d: d["dimensions"][1].update(id="alpha")),
        ["q.yaml: dimensions[1].id: duplicate dimension id 'alpha' (first at dimensions[0])"],
    ),
    (
        "missing en text",
        mutate(lambda d: d["dimensions"][0]["questions"][0].update(text={"ko": "질문"})),
        ["q.yaml: dimensions[0].questions[0].text: missing 'en' text (English is required)"],
    ),
    (
        "descriptor missing a level",
        mutate(lambda d: d["dimensions"][0]["descriptors"].pop(3)),
        [
            "q.yaml: dimensions[0].descriptors: expected one entry for each level 1-5, got [1, 2, 4, 5]"
        ],
    ),
    (
        "wrong schema",
        mutate(lambda d: d.update(schema="maturity/questionnaire@9")),
        ["q.yaml: schema: expected 'maturity/questionnaire@1'"],
    ),
    (
        "unknown field",
        mutate(lambda d: d["dimensions"][0].update(colour="red")),
        ["q.yaml: dimensions[0].colour: unknown field"],
    ),
    (
        "missing source",
        mutate(lambda d: d["dimensions"][0]["questions"][2].pop("source")),
        ["q.yaml: dimensions[0].questions[2].source: required field is missing"],
    ),
    (
        "identical options",
        mutate(
            lambda d: d["dimensions"][0]["questions"][0].__setitem__(
                "options",
                [{"level": i, "text": "same" if i in (2, 3) else f"o{i}"} for i in range(1, 6)],
            )
        ),
        [
            "q.yaml: dimensions[0].questions[0].options: options for levels 2 and 3 say the same thing"
        ],
    ),
    (
        "negative weight",
        mutate(lambda d: d["dimensions"][1].update(weight=-1)),
        ["q.yaml: dimensions[1].weight: Input should be greater than 0"],
    ),
    (
        "empty dimensions",
        mutate(lambda d: d.update(dimensions=[])),
        ["q.yaml: dimensions: must not be empty"],
    ),
    (
        "bad id characters",
        mutate(lambda d: d["dimensions"][0]["questions"][0].update(id="Alpha One")),
        ["q.yaml: dimensions[0].questions[0].id: String should match pattern"],
    ),
    ("not a mapping", "- just\n- a list\n", ["q.yaml: expected a YAML mapping at the top level"]),
    (
        "yaml syntax",
        "schema: maturity/questionnaire@1\nid: [unclosed\n",
        ["q.yaml: line 3, column 1: YAML syntax error"],
    ),
    (
        "duplicate yaml key",
        "schema: a\nid: x\nid: y\n",
        ["q.yaml: line 3, column 1: YAML syntax error: duplicate key 'id'"],
    ),
]


@pytest.mark.parametrize(("name", "data", "expected"), CASES, ids=[c[0] for c in CASES])
def test_validate_reports_each_problem(
    cli: Callable[..., CliResult], tmp_path: Path, name: str, data: Any, expected: list[str]
) -> None:
    path = write(tmp_path, data)
    r = cli("questionnaire", "validate", str(path))
    assert r.code == 2
    lines = r.err.strip().splitlines()
    for want in expected:
        assert any(line.startswith("error: " + want) for line in lines), lines
    assert "Traceback" not in r.err


def test_several_problems_are_all_reported(cli: Callable[..., CliResult], tmp_path: Path) -> None:
    def both(d: dict[str, Any]) -> None:
        d["dimensions"][1]["questions"][0]["options"] = d["dimensions"][1]["questions"][0][
            "options"
        ][:4]
        d["dimensions"][0]["questions"][0]["text"] = {"ko": "질문"}

    path = write(tmp_path, mutate(both))
    r = cli("questionnaire", "validate", str(path))
    assert r.code == 2
    assert len(r.err.strip().splitlines()) == 2


def test_recommendation_linking_unknown_question(
    cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    path = write(tmp_path, MINI)
    practices = yaml.safe_load((DATA / "mini-practices.yaml").read_text())
    practices["practices"][2]["questions"] = ["alpha.two", "alpha.nope"]
    (tmp_path / "mini-practices.yaml").write_text(yaml.safe_dump(practices))
    r = cli("questionnaire", "validate", str(path))
    assert r.code == 2
    assert (
        r.err.strip()
        == "error: mini-practices.yaml: practices[2].questions[1]: links unknown question id 'alpha.nope'"
    )


def test_missing_file(cli: Callable[..., CliResult], tmp_path: Path) -> None:
    r = cli("questionnaire", "validate", str(tmp_path / "nope.yaml"))
    assert r.code == 2 and r.err.strip() == f"error: {tmp_path / 'nope.yaml'}: no such file"


def test_valid_file(cli: Callable[..., CliResult]) -> None:
    r = cli("questionnaire", "validate", str(DATA / "mini.yaml"))
    assert r.code == 0
    assert "ok (mini 1.0, 2 dimensions, 5 questions, 7 practices)" in r.out


def test_schema_command_publishes_json_schemas(cli: Callable[..., CliResult]) -> None:
    r = cli("questionnaire", "schema")
    schemas = json.loads(r.out)
    assert set(schemas) == {"questionnaire", "recommendations", "assessment"}
    q = schemas["questionnaire"]
    assert "dimensions" in q["required"]
    r2 = cli("questionnaire", "schema", "--kind", "assessment")
    assert json.loads(r2.out)["title"] == "Assessment"
