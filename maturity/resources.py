"""Find the packaged data folders (questionnaires/, reports/) the same way everywhere.

In a source checkout (and an editable install, which is what ``uv run`` uses) they sit at
the top of the repository, next to the package. In a built wheel hatchling copies them to
``maturity/_data/`` (see ``[tool.hatch.build.targets.wheel.force-include]``).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def data_dir(name: str) -> Path:
    """The folder ``name`` (``"questionnaires"`` or ``"reports"``) from the wheel or the checkout."""
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise RuntimeError(f"packaged data folder '{name}' is missing from this installation")


def questionnaires_dir() -> Path:
    return data_dir("questionnaires")


def reports_dir() -> Path:
    return data_dir("reports")
