"""Read YAML files with errors a person can act on (file, line and column, no traceback)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from maturity.errors import InvalidFileError, MaturityError, Problem

MAX_FILE_BYTES = 5 * 1024 * 1024


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """SafeLoader that refuses duplicate keys instead of silently keeping the last one."""


def _construct_mapping(loader: _Loader, node: yaml.MappingNode, deep: bool = False) -> Any:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            mark = key_node.start_mark
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key '{key}'", mark)
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read_text(path: Path) -> str:
    """The text of a user-supplied file, or one clear error."""
    try:
        if path.is_dir():
            raise MaturityError(f"{path}: is a folder, expected a file")
        if path.stat().st_size > MAX_FILE_BYTES:
            raise MaturityError(f"{path}: file is larger than 5 MB; refusing to read it")
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise MaturityError(f"{path}: no such file") from None
    except PermissionError:
        raise MaturityError(f"{path}: permission denied") from None
    except UnicodeDecodeError:
        raise MaturityError(f"{path}: not a UTF-8 text file") from None
    except OSError as exc:
        raise MaturityError(f"{path}: cannot read ({exc.strerror})") from None


def parse_yaml(text: str, source: str) -> Any:
    """Parse YAML text; a syntax error becomes an InvalidFileError naming line and column."""
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = exc.problem or exc.context or "invalid YAML"
        raise InvalidFileError(source, [Problem(where, f"YAML syntax error: {problem}")]) from None
    except yaml.YAMLError as exc:
        raise InvalidFileError(source, [Problem("", f"YAML syntax error: {exc}")]) from None


def load_yaml(path: Path) -> Any:
    return parse_yaml(read_text(path), path.name)
