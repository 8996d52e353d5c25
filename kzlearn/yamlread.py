"""Read YAML (and JSON) into plain data, keeping the line and column of values asked for.

PyYAML parses the text into events (with libyaml when available); this module builds the
data from them, without PyYAML's node graph (which costs several hundred bytes a value).
That lets it refuse duplicate keys (PyYAML keeps the last one silently), stop alias bombs
after a bounded amount of work, resolve plain scalars by the YAML 1.2 core schema (so
``no`` stays the text "no" and dates stay text), and never construct arbitrary objects.

Positions cost memory on large files, so a caller may ask for none on a first reading and
read again for only the paths that turned out to have problems (:func:`locate`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

import yaml

__all__ = ["Located", "Position", "YamlProblem", "locate", "plain_is_text", "read_yaml"]

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
_STR_TAG = "tag:yaml.org,2002:str"
MAX_DEPTH = 64
MAX_INT_DIGITS = 4300  # Python's own limit for turning decimal text into an int
_MAX_INT_BITS = 14_000  # 14,000 bits are at most 4,215 decimal digits


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


class _BadScalarError(Exception):
    pass


def _pos(mark: Any) -> Position:
    return mark.line + 1, mark.column + 1


def _scalar(event: yaml.ScalarEvent) -> Any:
    value: str = event.value
    tag = event.tag
    if tag == _STR_TAG or not event.implicit[0]:  # quoted, block, or tagged !!str: text
        return value
    if value in _NULL:
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.fullmatch(value):
        if value[:2] in ("0o", "0x"):
            number = int(value, 0)
            if number.bit_length() > _MAX_INT_BITS:  # could not be shown in decimal
                raise _BadScalarError(f"a number of over {MAX_INT_DIGITS:,} digits is too long")
            return number
        if len(value) > MAX_INT_DIGITS:
            raise _BadScalarError(f"a number of {len(value):,} digits is too long")
        return int(value)
    if _FLOAT.fullmatch(value):
        return float(value)
    if value.lstrip("+-") in (".inf", ".Inf", ".INF"):
        return -math.inf if value[0] == "-" else math.inf
    if value in (".nan", ".NaN", ".NAN"):
        return math.nan
    return value


def plain_is_text(value: str) -> bool:
    """Whether ``value`` written as a plain scalar reads back as this text (YAML 1.2 core)."""
    return not (
        value in _NULL
        or value in _BOOL
        or _INT.fullmatch(value)
        or _FLOAT.fullmatch(value)
        or value.lstrip("+-") in (".inf", ".Inf", ".INF")
        or value in (".nan", ".NaN", ".NAN")
    )


_NO_KEY = object()  # a mapping waits for its next key
_DISCARD = object()  # a mapping's next value belongs to a refused key


class _Frame:
    __slots__ = ("anchor", "container", "depth", "first", "key", "path", "size")

    def __init__(self, container: Any, path: Path, depth: int, anchor: str | None) -> None:
        self.container = container
        self.path = path
        self.depth = depth
        self.anchor = anchor
        self.size = 1
        self.key: Any = _NO_KEY
        self.first: dict[str, int] = {}


class _Builder:
    def __init__(self, budget: int, want: Collection[Path] | None) -> None:
        self.budget = budget
        self.want = want
        self.result = Located(None)
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.skip = 0  # collections still open inside a node being skipped
        self.documents = 0
        self.done = False
        self.fast = want is not None and not want  # no positions to keep: a shorter way

    def feed(self, event: yaml.Event) -> None:
        if (
            type(event) is yaml.ScalarEvent
            and self.fast
            and self.stack
            and event.anchor is None
            and event.tag is None
            and self._fast_scalar(event)
        ):
            return
        if self.skip:
            if isinstance(event, yaml.CollectionStartEvent):
                self.skip += 1
            elif isinstance(event, yaml.CollectionEndEvent):
                self.skip -= 1
            return
        if isinstance(event, yaml.CollectionEndEvent):
            frame = self.stack.pop()
            if frame.anchor is not None:
                self.anchors[frame.anchor] = (frame.container, frame.size)
            self._attach(frame.container, frame.size)
        elif isinstance(event, yaml.ScalarEvent | yaml.AliasEvent | yaml.CollectionStartEvent):
            self._node(event)
        elif isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                message = "but found another document (expected a single document in the stream)"
                self.result.problems = [YamlProblem(*_pos(event.start_mark), message)]
                self.done = True

    def _fast_scalar(self, event: yaml.ScalarEvent) -> bool:
        """The common case of a plain key or value, kept short; False: take the long way."""
        if self.skip:
            return False
        frame = self.stack[-1]
        if frame.depth >= MAX_DEPTH:
            return False
        container = frame.container
        if type(container) is list:
            try:
                value = _scalar(event)
            except _BadScalarError:
                return False
            container.append(value)
        else:
            key = frame.key
            if key is _DISCARD:
                return False
            if key is _NO_KEY:
                text = event.value
                if text in frame.first or text == "<<":
                    return False
                frame.first[text] = _pos(event.start_mark)[0]
                frame.key = text
                return True
            try:
                value = _scalar(event)
            except _BadScalarError:
                return False
            container[key] = value
            frame.key = _NO_KEY
        frame.size += 1
        self.budget -= 1
        if self.budget < 0:
            raise _TooLargeError
        return True

    def _skip(self, event: yaml.Event) -> None:
        if isinstance(event, yaml.CollectionStartEvent):
            self.skip = 1

    def _node(self, event: yaml.NodeEvent) -> None:
        frame = self.stack[-1] if self.stack else None
        if frame is not None and isinstance(frame.container, dict):
            if frame.key is _NO_KEY:
                self._key(frame, event)
                return
            if frame.key is _DISCARD:
                frame.key = _NO_KEY
                self._skip(event)
                return
            path: Path = (*frame.path, frame.key)
        elif frame is not None:
            path = (*frame.path, len(frame.container))
            if self.want is None or path in self.want:
                self.result.positions[path] = _pos(event.start_mark)
        else:
            path = ()
            self.result.positions[()] = _pos(event.start_mark)
        depth = frame.depth + 1 if frame is not None else 0
        if isinstance(event, yaml.AliasEvent):
            found = self.anchors.get(event.anchor or "")
            if found is None:
                self._problem(event, f"found undefined alias {event.anchor!r}", path)
                self._attach(None, 1)
                return
            self._spend(found[1])
            self._attach(*found)
            return
        self._spend(1)
        tag: str | None = getattr(event, "tag", None)
        if depth > MAX_DEPTH or (tag not in (None, "!") and tag not in _STANDARD_TAGS):
            message = (
                f"nested more than {MAX_DEPTH} levels deep"
                if depth > MAX_DEPTH
                else f"unsupported tag {tag!r}"
            )
            self._problem(event, message, path)
            self._skip(event)
            self._attach(None, 1)
            return
        if isinstance(event, yaml.ScalarEvent):
            try:
                value = _scalar(event)
            except _BadScalarError as error:
                self._problem(event, str(error), path)
                value = None
            if event.anchor is not None:
                self.anchors[event.anchor] = (value, 1)
            self._attach(value, 1)
            return
        container: Any = [] if isinstance(event, yaml.SequenceStartEvent) else {}
        self.stack.append(_Frame(container, path, depth, event.anchor))

    def _key(self, frame: _Frame, event: yaml.NodeEvent) -> None:
        path = frame.path
        if not isinstance(event, yaml.ScalarEvent):
            self._problem(event, "a key must be plain text", path)
            self._skip(event)
            frame.key = _DISCARD
            return
        key = event.value
        if event.implicit[0] and key == "<<" and event.tag in (None, "!"):
            self._problem(event, "merge keys (<<) are not supported", path)
            frame.key = _DISCARD
            return
        if key in frame.first:
            message = f"duplicate key {key!r} (first at line {frame.first[key]})"
            self._problem(event, message, (*path, key))
            frame.key = _DISCARD
            return
        where = _pos(event.start_mark)
        frame.first[key] = where[0]
        frame.key = key
        if self.want is None or (*path, key) in self.want:
            self.result.positions[(*path, key)] = where

    def _attach(self, value: Any, size: int) -> None:
        if not self.stack:
            self.result.data = value
            return
        frame = self.stack[-1]
        frame.size += size
        if isinstance(frame.container, list):
            frame.container.append(value)
        else:
            frame.container[frame.key] = value
            frame.key = _NO_KEY

    def _spend(self, size: int) -> None:
        self.budget -= size
        if self.budget < 0:
            raise _TooLargeError

    def _problem(self, event: yaml.Event, message: str, path: Path) -> None:
        line, column = _pos(event.start_mark)
        self.result.problems.append(YamlProblem(line, column, message, path))


def _yaml_message(error: yaml.MarkedYAMLError) -> str:
    problem = error.problem or str(error)
    if "tab" in problem:
        return "a tab in indentation: indent with spaces"
    if error.context and error.context not in problem:
        return f"{problem} ({error.context})"
    return problem


def _reader_problem(text: str, error: yaml.reader.ReaderError) -> YamlProblem:
    # PyYAML's message names an internal offset over two lines; give the line and column.
    offset = min(max(error.position, 0), len(text))
    before = text[:offset]
    line = before.count("\n") + 1
    column = offset - (before.rfind("\n") + 1) + 1
    character = error.character
    code = character if isinstance(character, int) else ord(character) if character else 0
    return YamlProblem(line, column, f"the control character U+{code:04X} is not allowed here")


def read_yaml(text: str, *, positions: Collection[Path] | None = None) -> Located:
    """Read one YAML or JSON document.

    ``positions``: the paths whose positions to keep (None: every path). Syntax errors and
    structural problems come back in ``problems``, with ``data`` None when the document
    could not be read at all.
    """
    # A document cannot hold more values than a few per byte; aliases that expand past that
    # are a bomb, refused after a bounded amount of work.
    builder = _Builder(4 * len(text) + 10_000, positions)
    try:
        loader = _Loader(text)
        try:
            # get_event alone: yaml.parse's generator and check_event cost a third as much
            # again as parsing on a large file.
            while (event := loader.get_event()) is not None:
                if type(event) is yaml.StreamEndEvent:
                    break
                builder.feed(event)
                if builder.done:
                    return Located(None, problems=builder.result.problems)
        finally:
            loader.dispose()
    except yaml.reader.ReaderError as error:
        return Located(None, problems=[_reader_problem(text, error)])
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return Located(None, problems=[YamlProblem(line, column, _yaml_message(error))])
    except yaml.YAMLError as error:
        return Located(None, problems=[YamlProblem(1, 1, " ".join(str(error).split()))])
    except _TooLargeError:
        return Located(
            None,
            problems=[YamlProblem(1, 1, "aliases expand this document far beyond its size")],
        )
    return builder.result


def locate(text: str, paths: Collection[Path]) -> dict[Path, Position]:
    """The positions of ``paths`` and of every path above them, read again from ``text``."""
    wanted = {tuple(path[:end]) for path in paths for end in range(len(path) + 1)}
    return read_yaml(text, positions=wanted).positions
