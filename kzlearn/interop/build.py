"""The pack an importer makes: its texts cleaned, its size capped, validated in one pass.

An importer's data never went through a pack file, so it is validated as data (no YAML
round trip, which cost most of an import's time and memory); a problem names the field.
"""

from __future__ import annotations

import re
from typing import Any

from kzlearn.errors import PackError, Problem
from kzlearn.gcpause import gc_paused
from kzlearn.models import Pack
from kzlearn.safetext import strip_controls

__all__ = ["MAX_CARDS", "build_pack", "clean", "slug", "too_many", "unique_id"]

MAX_CARDS = 50_000
"""The most cards (rows, questions, notes) one import makes a pack of: far past any real
deck, and what validates in about a second; a larger file is refused, not read to the end."""


def slug(text: str | None) -> str:
    """An item id or tag from a question's name or category: lower-case letters, digits,
    '.', '_' and '-', at most 80 ("" for none)."""
    if not text:
        return ""
    made = re.sub(r"[^a-z0-9._-]+", "-", text.lower()).strip("-._")
    return made[:80].strip("-._")


def unique_id(item_id: str, index: int, taken: set[str]) -> str:
    """``item_id``, or with ``-index`` after it (still within 80 characters) while it is
    in ``taken``; what is returned is added to ``taken``."""
    while item_id in taken:
        suffix = f"-{index}"
        item_id = f"{item_id[: 80 - len(suffix)]}{suffix}"
    taken.add(item_id)
    return item_id


def too_many(file: str, what: str, limit: int, *, line: int | None = None) -> PackError:
    """The error of a file with more than ``limit`` ``what``."""
    return PackError.single(
        file,
        f"more than {limit:,} {what}: an import makes a pack of at most {limit:,}; split the file",
        line=line,
        column=1 if line is not None else None,
    )


def clean(value: Any) -> Any:
    """``value`` (JSON-like data) with every string's control characters removed."""
    if isinstance(value, str):
        return strip_controls(value)
    if isinstance(value, dict):
        return {key: clean(entry) for key, entry in value.items()}
    if isinstance(value, list):
        return [clean(entry) for entry in value]
    return value


def build_pack(data: dict[str, Any], file: str) -> Pack:
    """The pack of ``data``, cleaned.

    Raises:
        PackError: every problem, each naming its field.
    """
    from kzlearn.models.validation import ValidationError, error_details, validate_pack

    found: list[tuple[tuple[str | int, ...], str]] = []
    data = clean(data)
    try:
        with gc_paused():
            pack = validate_pack(data, found)
    except ValidationError as error:
        problems = [
            Problem(file, None, None, _field(data, e["loc"]), e["msg"])
            for e in error_details(error)
        ]
        raise PackError(problems) from None
    if found:
        raise PackError(
            [Problem(file, None, None, ".".join(map(str, loc)), msg) for loc, msg in found]
        )
    return pack


def _field(data: Any, loc: tuple[str | int, ...]) -> str:
    """``loc`` as the dotted field of ``data``, without pydantic's union tags (the item's
    type or the fact's kind, which are values, not fields)."""
    parts: list[str] = []
    for part in loc:
        if isinstance(data, dict) and part not in data and part in _tags(data):
            continue
        parts.append(str(part))
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        else:
            data = None
    return ".".join(parts)


def _tags(entry: dict[Any, Any]) -> tuple[object, ...]:
    return (entry.get("type"), entry.get("kind"))
