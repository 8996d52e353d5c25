"""Items from data, through the validation a pack file gets."""

from __future__ import annotations

from typing import Any, TypeVar

from kzlearn.models import Item
from kzlearn.models.validation import validate_item

T = TypeVar("T", bound=Item)


def item_of(kind: type[T], data: dict[str, Any] | None = None, **fields: Any) -> T:
    """The item of ``data`` and ``fields`` (as a pack file writes them: plain strings, lists),
    validated; it must be a ``kind``."""
    item = validate_item({**(data or {}), **fields})
    assert isinstance(item, kind), f"expected a {kind.__name__}, got {type(item).__name__}"
    return item
