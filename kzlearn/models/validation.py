"""Pydantic at the edges: pack data checked into models, models written back, the schema.

The models (kzlearn.models) are plain dataclasses whose annotations name the constrained
types defined here (``Slug``, ``Tag``...) and pydantic's ``Field``; their modules import
those names for type checkers only, so that they load without pydantic. This module puts
the names into the models' modules (:data:`ANNOTATION_NAMES`), where pydantic, like
``typing.get_type_hints``, looks for them: a name missing there makes pydantic say the
type is "not fully defined". Only this module, and what validates, loads pydantic; a quiz
started from the cache never does.
"""

from __future__ import annotations

import functools
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    PlainSerializer,
    PlainValidator,
    StrictBool,
    StringConstraints,
    TypeAdapter,
    ValidationError,
    WithJsonSchema,
)

from kzlearn.language.dates import PartialDate
from kzlearn.localized import LANG_PATTERN, Localized
from kzlearn.models import base as _base
from kzlearn.models import facts as _facts
from kzlearn.models import items as _items
from kzlearn.models import pack as _pack
from kzlearn.models.base import Evidence, Loc, check_distinct
from kzlearn.models.facts import AnyFact
from kzlearn.models.items import Item, MatchPair, check_blanks
from kzlearn.models.pack import Pack
from kzlearn.validators import number_in_range

__all__ = [
    "ItemField",
    "ValidationError",
    "dump_item_data",
    "dump_pack_data",
    "error_details",
    "pack_json",
    "pack_json_schema",
    "validate_item",
    "validate_pack",
]

# -- the constrained types the models' annotations name ---------------------------------------

Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9](?:[a-z0-9._-]{0,78}[a-z0-9])?$"),
    Field(description="A stable identifier: lower-case letters, digits, '.', '_' and '-'."),
]
Tag = Annotated[str, StringConstraints(pattern=r"^[\w][\w.:-]*$", max_length=60)]
LangCode = Annotated[str, StringConstraints(pattern=LANG_PATTERN)]
Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value


NonEmpty = Annotated[str, AfterValidator(_not_blank)]


def _to_partial_date(value: Any) -> PartialDate:
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return PartialDate(value)
    if not isinstance(value, str):
        raise ValueError("expected a date written YYYY, YYYY-MM, YYYY-MM-DD or --MM-DD")
    return PartialDate.from_iso(value)


DateValue = Annotated[
    PartialDate,
    PlainValidator(_to_partial_date),
    PlainSerializer(lambda d: d.iso(), return_type=str),
    WithJsonSchema(
        {
            "type": ["string", "integer"],
            "pattern": r"^(\d{4}(-\d{2}(-\d{2})?)?|--\d{2}-\d{2})$",
            "description": "YYYY, YYYY-MM, YYYY-MM-DD, or --MM-DD for a day without a year.",
        }
    ),
]


def _quote_of(data: Any) -> Any:
    if isinstance(data, str) or (isinstance(data, dict) and "quote" not in data):
        return {"quote": data}
    return data


# A pack may write the evidence's quote alone: ``evidence: "..."``.
Quoted = Annotated[Evidence, BeforeValidator(_quote_of)]


def _distinct_entries(value: tuple[Localized, ...]) -> tuple[Localized, ...]:
    check_distinct(value, "entries")
    return value


InOrder = Annotated[
    tuple[Localized, ...],
    Field(min_length=2, max_length=12, description="Distinct entries, in the right order."),
    AfterValidator(_distinct_entries),
]


def _has_slot(value: Localized | None) -> Localized | None:
    if value is not None and any("{answer}" not in t for t in value.values()):
        raise ValueError("a statement needs {answer} where the answer goes")
    return value


Statement = Annotated[Localized | None, AfterValidator(_has_slot)]
NumberValue = Annotated[int | float, AfterValidator(number_in_range)]


def _plain(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


# Written back as the teacher wrote it: 50, not 50.0.
Number = Annotated[float, PlainSerializer(_plain, return_type=float | int)]


ClozeText = Annotated[Localized, AfterValidator(check_blanks)]


def _distinct_pairs(value: tuple[MatchPair, ...]) -> tuple[MatchPair, ...]:
    check_distinct([p.left for p in value], "left entries")
    check_distinct([p.right for p in value], "right entries")
    return value


MatchPairs = Annotated[
    tuple[MatchPair, ...], Field(min_length=2, max_length=12), AfterValidator(_distinct_pairs)
]


def _version_text(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ValueError("expected a version such as 1 or 2.1")
    text = str(value).strip()
    if not text:
        raise ValueError("must not be empty")
    return text


Version = Annotated[str, PlainValidator(_version_text)]
Fact = Annotated[AnyFact, Field(discriminator="kind")]
ItemField = Annotated[Item, Field(discriminator="type")]

ANNOTATION_NAMES = {
    "Field": Field,
    "StrictBool": StrictBool,
    "ClozeText": ClozeText,
    "DateValue": DateValue,
    "Fact": Fact,
    "InOrder": InOrder,
    "ItemField": ItemField,
    "LangCode": LangCode,
    "MatchPairs": MatchPairs,
    "NonEmpty": NonEmpty,
    "Number": Number,
    "Quoted": Quoted,
    "NumberValue": NumberValue,
    "Slug": Slug,
    "Statement": Statement,
    "Tag": Tag,
    "Url": Url,
    "Version": Version,
}
"""What the models' field annotations name beyond their modules' own imports."""

for _module in (_base, _facts, _items, _pack):
    for _name, _value in ANNOTATION_NAMES.items():
        vars(_module).setdefault(_name, _value)

# -- the adapters -----------------------------------------------------------------------------

_PACK: TypeAdapter[Pack] = TypeAdapter(Pack)


@functools.cache
def _item_adapter() -> TypeAdapter[Item]:
    return TypeAdapter(ItemField)  # made on first use: Moodle XML's import alone needs it


def validate_pack(data: Any, problems: list[tuple[Loc, str]] | None = None) -> Pack:
    """The pack of ``data`` (a pack file's mapping), checked.

    ``problems`` collects what only the whole pack shows (:func:`pack_problems`) instead of
    raising the first of them.

    Raises:
        ValidationError: the data is not a pack (see :func:`error_details`).
    """
    if problems is None:
        return _PACK.validate_python(data)
    return _PACK.validate_python(data, context={"problems": problems})


def validate_item(data: Any) -> Item:
    """The item of ``data`` (an item's mapping), checked.

    Raises:
        ValidationError: the data is not an item (see :func:`error_details`).
    """
    return _item_adapter().validate_python(data)


def error_details(error: ValidationError) -> list[dict[str, Any]]:
    """The errors of ``error``, each as pydantic gives it for a model (what kzlearn's
    messages have always said): a dataclass reports an unknown field as an "unexpected
    keyword argument", and a value that is no mapping in other words."""
    details: list[dict[str, Any]] = []
    for detail in error.errors(include_url=False):
        details.append(dict(detail))
        if detail["type"] == "unexpected_keyword_argument":
            details[-1].update(type="extra_forbidden", msg="Extra inputs are not permitted")
        elif detail["type"] == "dataclass_type":
            name = detail.get("ctx", {}).get("class_name", "")
            message = f"Input should be a valid dictionary or instance of {name}"
            details[-1].update(type="model_type", msg=message)
    return details


def dump_pack_data(pack: Pack) -> Any:
    """``pack`` as the data of a pack file (what :func:`validate_pack` reads), without the
    fields left at their defaults."""
    return _PACK.dump_python(pack, mode="json", exclude_defaults=True)


def dump_item_data(item: Item) -> Any:
    """``item`` as the data of a pack file's item, without the fields left at their
    defaults."""
    return _item_adapter().dump_python(item, mode="json", exclude_defaults=True)


def pack_json(pack: Pack) -> bytes:
    """``pack`` as JSON, in one pass of pydantic-core.

    Raises:
        ValueError: a text holds a lone surrogate, which JSON cannot carry.
    """
    return _PACK.dump_json(pack)


def pack_json_schema() -> dict[str, Any]:
    """The JSON Schema of a pack file."""
    return _PACK.json_schema(mode="validation")
