"""Read YAML (and JSON) into plain data, keeping the line and column of every value.

PyYAML composes the node graph (with libyaml when available); this module builds the data
from it. That lets it refuse duplicate keys (PyYAML keeps the last one silently), stop alias
bombs after a bounded amount of work, resolve plain scalars by the YAML 1.2 core schema (so
``no`` stays the text "no" and dates stay text), and never construct arbitrary objects.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

__all__ = ["Located", "Position", "YamlProblem", "read_yaml"]

Position = tuple[int, int]  # 1-based line and column
Path = tuple[str | int, ...]

_Loader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_STANDARD_TAGS = frozenset(
    f"tag:yaml.org,2002:{t}"
    for t in ("str", "int", "float", "bool", "null", "timestamp", "value", "seq", "map")
)
MAX_DEPTH = 64


@dataclass(frozen=True, slots=True)
class YamlProblem:
    """A problem found while reading, at a position."""

    line: int
    column: int
    message: str
    path: Path = ()


@dataclass(slots=True)
class Located:
    """The data read, the position of each path in it, and problems found on the way."""

    data: Any
    positions: dict[Path, Position] = field(default_factory=dict)
    problems: list[YamlProblem] = field(default_factory=list)


class _TooLargeError(Exception):
    pass


def _pos(node: yaml.Node) -> Position:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _scalar(node: yaml.ScalarNode) -> Any:
    value: str = node.value
    if node.style not in (None, "") or node.tag not in _STANDARD_TAGS:  # libyaml: ""
        return value
    if value in _NULL:
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.fullmatch(value):
        return int(value, 0) if value[:2] in ("0o", "0x") else int(value)
    if _FLOAT.fullmatch(value):
        return float(value)
    if value in (".inf", "+.inf", ".Inf", ".INF"):
        return math.inf
    return value


class _Builder:
    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.result = Located(None)

    def build(self, node: yaml.Node, path: Path, depth: int) -> Any:
        self.budget -= 1
        if self.budget < 0:
            raise _TooLargeError
        if depth > MAX_DEPTH:
            self._problem(node, f"nested more than {MAX_DEPTH} levels deep", path)
            return None
        if node.tag not in _STANDARD_TAGS:
            self._problem(node, f"unsupported tag {node.tag!r}", path)
            return None
        if isinstance(node, yaml.ScalarNode):
            return _scalar(node)
        if isinstance(node, yaml.SequenceNode):
            out = []
            for i, child in enumerate(node.value):
                self.result.positions[(*path, i)] = _pos(child)
                out.append(self.build(child, (*path, i), depth + 1))
            return out
        assert isinstance(node, yaml.MappingNode)
        mapping: dict[Any, Any] = {}
        first: dict[Any, Position] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self._problem(key_node, "merge keys (<<) are not supported", path)
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self._problem(key_node, "a key must be plain text", path)
                continue
            key = key_node.value
            where = _pos(key_node)
            if key in first:
                line = first[key][0]
                message = f"duplicate key {key!r} (first at line {line})"
                self._problem(key_node, message, (*path, key))
                continue
            first[key] = where
            self.result.positions[(*path, key)] = where
            mapping[key] = self.build(value_node, (*path, key), depth + 1)
        return mapping

    def _problem(self, node: yaml.Node, message: str, path: Path) -> None:
        line, column = _pos(node)
        self.result.problems.append(YamlProblem(line, column, message, path))


def _yaml_message(error: yaml.MarkedYAMLError) -> str:
    problem = error.problem or str(error)
    if "tab" in problem:
        return "a tab in indentation: indent with spaces"
    if error.context and error.context not in problem:
        return f"{problem} ({error.context})"
    return problem


def read_yaml(text: str) -> Located:
    """Read one YAML or JSON document.

    Syntax errors and structural problems come back in ``problems``, with ``data`` None
    when the document could not be read at all.
    """
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return Located(None, problems=[YamlProblem(line, column, _yaml_message(error))])
    except yaml.YAMLError as error:
        return Located(None, problems=[YamlProblem(1, 1, str(error))])
    if root is None:
        return Located(None)
    # A document cannot hold more values than a few per byte; aliases that expand past that
    # are a bomb, refused after a bounded amount of work.
    builder = _Builder(budget=4 * len(text) + 10_000)
    builder.result.positions[()] = _pos(root)
    try:
        builder.result.data = builder.build(root, (), 0)
    except _TooLargeError:
        return Located(
            None,
            problems=[YamlProblem(1, 1, "aliases expand this document far beyond its size")],
        )
    return builder.result
