"""The questionnaire and recommendations catalogue (``maturity/questionnaire@1``).

Pure data: loading, YAML and cross-reference checks live in :mod:`maturity.questionnaire`.
Field-level rules are enforced here so that the JSON Schema published by
``maturity questionnaire schema`` says the same thing the loader does.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from maturity.limits import token
from maturity.model.terms import BUILTIN_QUESTIONNAIRES, WhoActs, level_name
from maturity.model.text import LText, tr

QUESTIONNAIRE_SCHEMA = "maturity/questionnaire@1"
RECOMMENDATIONS_SCHEMA = "maturity/recommendations@1"

Level = Annotated[int, Field(ge=1, le=5, strict=True)]
Identifier = Annotated[
    str,
    Field(
        min_length=1,
        max_length=120,
        pattern=r"^[a-z0-9][a-z0-9_.-]*$",
        description="lower-case letters, digits, '.', '-' and '_'",
    ),
]
DoraMetricId = Literal[
    "deployment_frequency", "lead_time", "change_failure_rate", "time_to_restore", "rework_rate"
]
Weight = Annotated[float, Field(gt=0, le=100)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _five_levels(value: dict[int, dict[str, str]]) -> dict[int, dict[str, str]]:
    keys = sorted(value)
    if keys != [1, 2, 3, 4, 5]:
        raise ValueError(f"expected one entry for each level 1-5, got {keys}")
    return value


class Option(_Strict):
    """One behaviourally anchored answer: what a team at ``level`` actually does."""

    level: Level
    text: LText


class Question(_Strict):
    id: Identifier
    text: LText
    help: LText
    weight: Weight = 1.0
    source: str = Field(min_length=1)
    options: list[Option]

    @field_validator("options")
    @classmethod
    def _one_per_level(cls, options: list[Option]) -> list[Option]:
        levels = [o.level for o in options]
        if sorted(levels) != [1, 2, 3, 4, 5]:
            raise ValueError(f"expected one option for each level 1-5, got {len(options)}")
        return sorted(options, key=lambda o: o.level)

    def option(self, level: int) -> Option:
        return self.options[level - 1]


class Dimension(_Strict):
    id: Identifier
    title: LText
    summary: LText | None = None
    weight: Weight = 1.0
    descriptors: dict[int, LText]
    questions: list[Question] = Field(min_length=1)

    @field_validator("descriptors")
    @classmethod
    def _check_descriptors(cls, value: dict[int, dict[str, str]]) -> dict[int, dict[str, str]]:
        return _five_levels(value)


class Practice(_Strict):
    """A recommended practice that moves a dimension to ``level``."""

    id: Identifier
    dimension: Identifier
    level: Annotated[int, Field(ge=2, le=5, strict=True)]
    title: LText
    why: LText
    steps: list[LText] = Field(min_length=1, max_length=6)
    effort: Literal["S", "M", "L"]
    questions: list[Identifier] = Field(default_factory=list)
    dora: list[DoraMetricId] = Field(
        default_factory=list,
        description=(
            "The DORA key metrics this practice primarily moves (at most two in a catalogue that"
            " names its basis): the roadmap's 'moves your weakest metric' pick uses only these."
        ),
    )
    dora_basis: Identifier | None = Field(
        default=None,
        description=(
            "The capability in questionnaires/capabilities.yaml whose place in DORA's research"
            " model backs the `dora` links."
        ),
    )
    who_acts: WhoActs | None = Field(
        default=None,
        description=(
            "Who has to act: the team itself, its team lead, or the organisation (leadership, HR)."
            " Omitted: the team."
        ),
    )
    source: str | None = None

    @property
    def actor(self) -> WhoActs:
        """Who acts, with the default filled in (old catalogues do not say)."""
        return self.who_acts or "team"


class Catalogue(_Strict):
    """A recommendations file: practices for one dimension or many."""

    schema_: Literal["maturity/recommendations@1"] = Field(alias="schema")
    dimension: Identifier | None = None
    practices: list[Practice]

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @model_validator(mode="before")
    @classmethod
    def _inherit_dimension(cls, data: Any) -> Any:
        """A per-dimension file names its dimension once; practices inherit it."""
        if (
            isinstance(data, dict)
            and isinstance(data.get("practices"), list)
            and data.get("dimension")
        ):
            data = {
                **data,
                "practices": [
                    {"dimension": data["dimension"], **p} if isinstance(p, dict) else p
                    for p in data["practices"]
                ],
            }
        return data


class Questionnaire(_Strict):
    schema_: Literal["maturity/questionnaire@1"] = Field(alias="schema")
    id: Identifier
    version: Annotated[str, Field(min_length=1, max_length=40), AfterValidator(token)]
    title: LText
    description: LText | None = None
    levels: dict[int, LText]
    dimensions: list[Dimension] = Field(min_length=1)
    recommendations: list[str] | None = Field(
        default=None,
        description=(
            "Recommendation catalogue files or folders, relative to this file. Omitted: the built-in"
            " catalogue is used for dimensions it knows."
        ),
    )

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @field_validator("levels")
    @classmethod
    def _check_levels(cls, value: dict[int, dict[str, str]]) -> dict[int, dict[str, str]]:
        return _five_levels(value)

    @field_validator("version", mode="before")
    @classmethod
    def _version_text(cls, value: Any) -> Any:
        # YAML reads `version: 1.0` as a number; a version is text.
        return (
            str(value) if isinstance(value, int | float) and not isinstance(value, bool) else value
        )

    @property
    def ref(self) -> str:
        return f"{self.id}@{self.version}"

    def questions(self) -> list[tuple[Dimension, Question]]:
        """Every question in order, with its dimension."""
        return [(d, q) for d in self.dimensions for q in d.questions]

    def question_ids(self) -> list[str]:
        return [q.id for d in self.dimensions for q in d.questions]

    def find_question(self, question_id: str) -> tuple[Dimension, Question] | None:
        for d in self.dimensions:
            for q in d.questions:
                if q.id == question_id:
                    return d, q
        return None

    def level_name(self, level: int, lang: str = "en") -> str:
        """The name of ``level`` as every front end shows it: the catalogue's for the built-in
        questionnaires (any version), the file's own otherwise."""
        if self.id in BUILTIN_QUESTIONNAIRES:
            return level_name(level, lang)
        return tr(self.levels[level], lang)

    def dimension(self, dimension_id: str) -> Dimension | None:
        return next((d for d in self.dimensions if d.id == dimension_id), None)
