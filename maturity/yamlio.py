"""Read user files (YAML and JSON) with errors a person can act on: file, line and column, no
traceback, and no way for a small hostile file to take the machine's memory or time.

Guards, each learned from an input that once got through:

* only regular files are read (``/dev/zero``, ``/dev/urandom`` and FIFOs have no end, and
  ``st_size`` says 0 for them), and at most :data:`MAX_FILE_BYTES` are read whatever the
  size claims;
* YAML aliases (``*a``) may not expand a document beyond :data:`MAX_EXPANDED` (nine nested
  aliases in 541 bytes once expanded to 1.6 GB), nor refer to themselves;
* YAML complex keys (``? [a, b]``) and duplicate keys are refused;
* JSON duplicate keys, ``NaN``/``Infinity``, numbers that overflow to infinity, integers
  beyond Python's digit limit and deep nesting are refused with one message.
"""

from __future__ import annotations

import json
import math
import os
import stat
from collections.abc import Hashable
from pathlib import Path
from typing import Any

import yaml

from maturity.errors import InvalidFileError, MaturityError, Problem

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 100
"""Nesting deeper than this in a user file is refused (real files nest a few levels)."""
MAX_EXPANDED = 4 * MAX_FILE_BYTES
"""A YAML document's size (characters plus nodes) with every alias written out."""


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """SafeLoader that refuses duplicate and complex keys instead of keeping the last one or
    failing with a Python error."""


def _construct_mapping(loader: _Loader, node: yaml.MappingNode, deep: bool = False) -> Any:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if not isinstance(key, Hashable) or isinstance(key, tuple):
            raise yaml.constructor.ConstructorError(
                None,
                None,
                "a key must be a plain value, not a list or mapping",
                key_node.start_mark,
            )
        if key in seen:
            mark = key_node.start_mark
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key '{key}'", mark)
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _checked(tag: str) -> None:
    """Scalars whose Python conversion can fail (an integer of 5,000 digits, the timestamp
    ``0000-01-01``) become a YAML error at their line instead of a ValueError."""
    base = _Loader.yaml_constructors[tag]

    def construct(loader: _Loader, node: yaml.Node) -> Any:
        try:
            return base(loader, node)
        except (ValueError, OverflowError) as exc:
            message = str(exc).split(";")[0]
            raise yaml.constructor.ConstructorError(
                None, None, f"cannot read {node.value[:20]!r}: {message}", node.start_mark
            ) from None

    _Loader.add_constructor(tag, construct)


for _tag in ("int", "float", "timestamp", "binary"):
    _checked(f"tag:yaml.org,2002:{_tag}")


def read_bytes(path: Path, limit: int = MAX_FILE_BYTES, *, label: str | None = None) -> bytes:
    """The bytes of a user-supplied regular file, at most ``limit`` of them, or one clear error
    (messages start with ``label``, default the path).

    The file is opened non-blocking (a FIFO swapped in after the check cannot hang us) and
    checked again on the open descriptor; the size is enforced by reading, not by trusting
    ``st_size``."""
    name = label or str(path)
    try:
        st = path.stat()
        if stat.S_ISDIR(st.st_mode):
            raise MaturityError(code="file.is_folder", params={"name": name})
        if not stat.S_ISREG(st.st_mode):
            raise MaturityError(
                f"{name}: not a regular file ({_kind(st.st_mode)}); refusing to read it (save it to a regular file first)",
                code="file.not_regular",
                params={"name": name},
            )
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                raise MaturityError(code="file.not_regular", params={"name": name})
            data = fh.read(limit + 1)
    except FileNotFoundError:
        raise MaturityError(code="file.missing", params={"name": name}) from None
    except PermissionError:
        raise MaturityError(code="file.permission", params={"name": name}) from None
    except OSError as exc:
        raise MaturityError(
            code="file.unreadable", params={"name": name, "detail": exc.strerror or exc}
        ) from None
    if len(data) > limit:
        raise MaturityError(
            code="file.too_large", params={"name": name, "mb": limit // (1024 * 1024)}
        )
    return data


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"


def read_text(path: Path) -> str:
    """The UTF-8 text of a user-supplied file, or one clear error."""
    try:
        return read_bytes(path).decode("utf-8")
    except UnicodeDecodeError:
        raise MaturityError(code="file.not_utf8", params={"name": path}) from None


def _check_graph(root: yaml.Node | None, source: str) -> None:
    """Before construction (where an alias bomb explodes): refuse recursive aliases, nesting
    deeper than MAX_DEPTH, and documents whose size with every alias written out exceeds
    MAX_EXPANDED. Sizes are memoised per node, so this is linear in the composed document."""
    if root is None:
        return
    sizes: dict[int, int] = {}
    visiting: set[int] = set()
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 1, False)]
    while stack:
        node, depth, leaving = stack.pop()
        key = id(node)
        children: list[yaml.Node] = []
        if isinstance(node, yaml.SequenceNode):
            children = list(node.value)
        elif isinstance(node, yaml.MappingNode):
            children = [n for pair in node.value for n in pair]
        if leaving:
            own = len(node.value) if isinstance(node, yaml.ScalarNode) else 1
            sizes[key] = own + sum(sizes[id(c)] for c in children)
            visiting.discard(key)
            if sizes[key] > MAX_EXPANDED:
                raise InvalidFileError(
                    source,
                    [Problem("", "too large once its aliases (*name) are expanded; write it out")],
                )
            continue
        if key in sizes:
            continue
        if key in visiting:
            mark = node.start_mark
            raise InvalidFileError(
                source,
                [
                    Problem(
                        f"line {mark.line + 1}, column {mark.column + 1}",
                        "an alias (*name) refers to the value that contains it",
                    )
                ],
            )
        if depth > MAX_DEPTH:
            raise InvalidFileError(
                source, [Problem("", f"nested more than {MAX_DEPTH} levels deep")]
            )
        visiting.add(key)
        stack.append((node, depth, True))
        stack.extend((c, depth + 1, False) for c in children)


def parse_yaml(text: str, source: str) -> Any:
    """Parse YAML text; a syntax error becomes an InvalidFileError naming line and column."""
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            _check_graph(node, source)
            return loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = exc.problem or exc.context or "invalid YAML"
        raise InvalidFileError(source, [Problem(where, f"YAML syntax error: {problem}")]) from None
    except yaml.YAMLError as exc:
        raise InvalidFileError(source, [Problem("", f"YAML syntax error: {exc}")]) from None
    except RecursionError:
        raise InvalidFileError(source, [Problem("", "nested too deeply")]) from None


def load_yaml(path: Path) -> Any:
    return parse_yaml(read_text(path), path.name)


# --- JSON --------------------------------------------------------------------------------------


class _JSONRefusal(ValueError):
    pass


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _JSONRefusal(f"duplicate key '{key}'")
        out[key] = value
    return out


def _constant(name: str) -> Any:
    raise _JSONRefusal(f"{name} is not a number JSON allows")


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _JSONRefusal(f"number {text[:20]}{'…' if len(text) > 20 else ''} is too large")
    return value


def _depth_ok(text: str) -> bool:
    """Cheap pre-check of bracket nesting (strings skipped), so json never recurses deeply."""
    depth = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return False
        elif ch in "]}":
            depth -= 1
    return True


def parse_json(text: str, source: str) -> Any:
    """Parse JSON strictly (see the module docstring); one MaturityError naming the file."""
    if not _depth_ok(text):
        raise MaturityError(code="file.json_depth", params={"name": source, "limit": MAX_DEPTH})
    try:
        return json.loads(
            text, object_pairs_hook=_pairs, parse_constant=_constant, parse_float=_float
        )
    except json.JSONDecodeError as exc:
        raise MaturityError(
            code="file.json_syntax",
            params={"name": source, "line": exc.lineno, "column": exc.colno, "detail": exc.msg},
        ) from None
    except _JSONRefusal as exc:
        raise MaturityError(
            code="file.json_refused", params={"name": source, "detail": str(exc)}
        ) from None
    except ValueError as exc:  # an integer beyond Python's digit limit
        raise MaturityError(
            code="file.json_number", params={"name": source, "detail": str(exc).split(";")[0]}
        ) from None
    except RecursionError:
        raise MaturityError(code="file.json_nested", params={"name": source}) from None
