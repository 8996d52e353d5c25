"""Pack files: read YAML or JSON packs with every problem located, find the bundled decks.

Every problem is reported as ``FILE:LINE:COLUMN: field.path: message``, all problems of a
file at once.
"""

from __future__ import annotations

import difflib
import functools
import json
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kzlearn.errors import PackError, Problem
from kzlearn.files import read_user_text
from kzlearn.gcpause import gc_paused

# pydantic and the models load when a pack is read, not with this module: finding the
# bundled decks is part of a start that must not wait for them (kzlearn.cache).
if TYPE_CHECKING:
    from kzlearn.models import Pack
    from kzlearn.yamlread import Located

__all__ = [
    "bundled_deck_paths",
    "bundled_decks_dir",
    "load_pack",
    "load_packs",
    "pack_schema",
    "parse_pack",
]

PACK_SUFFIXES = (".yaml", ".yml", ".json")
SCHEMA_ID = "https://kzlearn.invalid/schema/pack.schema.json"
MAX_SUGGESTIONS = 50


def load_pack(path: str | Path) -> Pack:
    """Read and validate one pack file.

    Raises:
        PackError: with every problem of the file, each with its line and column.
    """
    return parse_pack(read_user_text(path, "pack file"), str(path))


def load_packs(
    paths: Iterable[str | Path], *, loader: Callable[[str | Path], Pack] | None = None
) -> list[Pack]:
    """Read several packs (with ``loader``, load_pack by default); an id twice is an error.

    Raises:
        PackError: with the problems of every file that has any.
    """
    loader = loader or load_pack
    packs: list[Pack] = []
    problems: list[Problem] = []
    first_file: dict[str, str] = {}
    for path in paths:
        try:
            pack = loader(path)
        except PackError as error:
            problems.extend(error.problems)
            continue
        if pack.id in first_file:
            problems.append(
                Problem(
                    str(path),
                    None,
                    None,
                    "id",
                    f"pack id {pack.id!r} is also the id of {first_file[pack.id]}",
                )
            )
            continue
        first_file[pack.id] = str(path)
        packs.append(pack)
    if problems:
        raise PackError(problems)
    return packs


def parse_pack(text: str, file: str = "<pack>") -> Pack:
    """Validate the text of a pack file; ``file`` names it in problems.

    Raises:
        PackError: with every problem found.
    """
    # Reading and validating make millions of small objects and no cycles; the cyclic
    # collector would walk them again and again (a third of the time on a large pack).
    with gc_paused():
        return _parse_pack(text, file)


def _parse_pack(text: str, file: str) -> Pack:
    if not text.strip():
        raise PackError.single(
            file,
            "the file is empty; a pack needs at least id, title and language",
            line=1,
            column=1,
        )
    from kzlearn.models.validation import ValidationError, error_details, validate_pack
    from kzlearn.yamlread import locate, read_yaml  # PyYAML loads only when a file is parsed

    # Positions are read again only for what has a problem: keeping every value's position
    # would cost more memory than the data on a large pack.
    located = read_yaml(text, positions=())
    problems = [
        Problem(file, p.line, p.column, _dotted(p.path), p.message) for p in located.problems
    ]
    if located.data is None:
        raise PackError(problems or [Problem(file, 1, 1, "", "the document is empty")])
    if not isinstance(located.data, dict):
        line, column = located.positions.get((), (1, 1))
        problems.append(
            Problem(
                file,
                line,
                column,
                "",
                "a pack is a mapping with id, title, language, facts and items",
            )
        )
        raise PackError(problems)
    pack_level: list[tuple[tuple[str | int, ...], str]] = []
    details: list[Any] = []
    try:
        pack = validate_pack(located.data, pack_level)
    except ValidationError as error:
        details = error_details(error)
        pack = None
    wanted = [tuple(_data_path(located.data, d["loc"])[0]) for d in details]
    wanted += [loc for loc, _ in pack_level]
    if wanted:
        located.positions = locate(text, wanted)
    problems.extend(_from_pydantic(details, located, file))
    for loc, message in pack_level:
        line, column = _position(located, loc)
        problems.append(Problem(file, line, column, _dotted(loc), message))
    if problems or pack is None:
        problems.sort(key=lambda p: (p.line or 0, p.column or 0))
        raise PackError(problems)
    return pack


def _dotted(path: Sequence[str | int]) -> str:
    return ".".join(str(p) for p in path)


def _position(located: Located, path: Sequence[str | int]) -> tuple[int, int]:
    for end in range(len(path), -1, -1):
        found = located.positions.get(tuple(path[:end]))
        if found is not None:
            return found
    return 1, 1


@functools.cache
def _known_fields() -> list[str]:
    import dataclasses

    from kzlearn import models
    from kzlearn.models.pack import located_fields

    names: set[str] = set()
    for value in vars(models).values():
        if isinstance(value, type) and dataclasses.is_dataclass(value):
            for name, written in located_fields(value):
                names.update((name, written))
    return sorted(names)


def _from_pydantic(details: list[Any], located: Located, file: str) -> list[Problem]:
    # A misspelt field is both unknown and (its right spelling) missing: report it once.
    # Suggestions are looked for among the first few unknown fields only: thousands of them
    # are not typos, and matching each against every field name takes seconds.
    unknown = [d for d in details if d["type"] == "extra_forbidden"][:MAX_SUGGESTIONS]
    hints = {str(d["loc"][-1]): _suggestion(str(d["loc"][-1])) for d in unknown}
    misspelt = {(_parent(located.data, d["loc"]), hints[str(d["loc"][-1])]) for d in unknown}
    problems: list[Problem] = []
    for detail in details:
        if (
            detail["type"] == "missing"
            and (_parent(located.data, detail["loc"]), str(detail["loc"][-1])) in misspelt
        ):
            continue
        data_path, extra = _data_path(located.data, detail["loc"])
        if detail["type"] != "missing":
            extra = []  # what is left is a union tag (mcq), not a field
        line, column = _position(located, data_path)
        message = _message(detail, hints)
        problems.append(Problem(file, line, column, _dotted([*data_path, *extra]), message))
    return problems


@functools.lru_cache(maxsize=1024)
def _suggestion(name: str) -> str | None:
    if len(name) > 40:
        return None
    close = difflib.get_close_matches(name, _known_fields(), n=1, cutoff=0.6)
    return close[0] if close else None


def _parent(data: Any, loc: tuple[str | int, ...]) -> tuple[str | int, ...]:
    path, _ = _data_path(data, loc[:-1])
    return tuple(path)


def _data_path(data: Any, loc: tuple[str | int, ...]) -> tuple[list[str | int], list[str | int]]:
    """Split a Pydantic location into the path that exists in the data and what is missing.

    Discriminated unions put the tag (``mcq``) into the location; it is not in the data.
    """
    path: list[str | int] = []
    current = data
    for i, part in enumerate(loc):
        if isinstance(current, dict) and part in current:
            path.append(part)
            current = current[part]
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            path.append(part)
            current = current[part]
        elif i == len(loc) - 1:
            return path, [part]
    return path, []


def _kind_word(loc: tuple[str | int, ...]) -> str:
    """What the location's tag names ("cloze item", "date fact"), from its discriminator."""
    if len(loc) >= 4 and loc[0] in ("facts", "items") and isinstance(loc[2], str):
        return f"{loc[2]} {str(loc[0])[:-1]}"
    return "entry"


def _message(detail: Any, hints: dict[str, str | None]) -> str:
    kind: str = detail["type"]
    loc = detail["loc"]
    ctx = detail.get("ctx") or {}
    if kind == "extra_forbidden":
        name = str(loc[-1])
        close = hints.get(name)
        if close == name:  # a field of another kind of fact or item: the name alone misleads
            return f"unknown field {name!r} (not a field of this {_kind_word(loc)})"
        hint = f" (did you mean {close!r}?)" if close else ""
        return f"unknown field {name!r}{hint}"
    if kind == "missing":
        return f"missing required field {loc[-1]!r}"
    if kind == "union_tag_not_found":
        return f"missing required field {ctx.get('discriminator', '').strip(chr(39))!r}"
    if kind == "union_tag_invalid":
        expected = ctx.get("expected_tags", "").replace("'", "")
        field = ctx.get("discriminator", "").strip("'")
        return f"unknown {field} {ctx.get('tag')!r}; expected one of {expected}"
    if kind == "string_pattern_mismatch" and loc and loc[-1] in ("id", "fact", "source"):
        return (
            f"{detail['input']!r} is not an id: use lower-case letters, digits, '.', '_' and '-'"
        )
    message: str = detail["msg"]
    for prefix in ("Value error, ", "Assertion failed, "):
        message = message.removeprefix(prefix)
    return message[:1].lower() + message[1:]


def bundled_decks_dir() -> Path:
    """The folder of the decks that ship with kzlearn."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "decks", here.parent / "decks"):
        if candidate.is_dir():
            return candidate
    return here / "decks"


def bundled_deck_paths() -> list[Path]:
    """The bundled pack files, sorted by name."""
    folder = bundled_decks_dir()
    return sorted(p for p in folder.glob("*") if p.suffix in PACK_SUFFIXES and p.is_file())


def pack_schema() -> dict[str, Any]:
    """The JSON Schema of a pack file, for editors (yaml-language-server) and other tools."""
    from kzlearn.models.validation import pack_json_schema

    schema = pack_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}


def schema_text() -> str:
    """:func:`pack_schema` as the text of pack.schema.json."""
    return json.dumps(pack_schema(), ensure_ascii=False, indent=2) + "\n"


def dump_pack(pack: Pack, header: str = "") -> str:
    """``pack`` as the text of a YAML pack file (``header``: comment lines to put first)."""
    from kzlearn.models.validation import dump_pack_data
    from kzlearn.yamlwrite import dump_yaml

    body = dump_yaml(dump_pack_data(pack))
    comments = "".join(f"# {line}\n" if line else "#\n" for line in header.splitlines())
    return comments + body
