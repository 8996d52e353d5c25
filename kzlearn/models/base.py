"""The building blocks of the pack model: ids, tags, dates, sources and evidence."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)

from kzlearn.language.dates import PartialDate
from kzlearn.language.text import fold
from kzlearn.localized import LANG_PATTERN, Localized

Loc = tuple[str | int, ...]

Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9](?:[a-z0-9._-]{0,78}[a-z0-9])?$"),
    Field(description="A stable identifier: lower-case letters, digits, '.', '_' and '-'."),
]
Tag = Annotated[str, StringConstraints(pattern=r"^[\w][\w.:-]*$", max_length=60)]
LangCode = Annotated[str, StringConstraints(pattern=LANG_PATTERN)]


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


def _check_distinct(texts: Any, what: str) -> None:
    keys = [_keys(t) for t in texts]
    for i, key in enumerate(keys):
        for j in range(i):
            if key & keys[j]:
                raise ValueError(f"{what} {j + 1} and {i + 1} are the same")


def _distinct_entries(value: tuple[Localized, ...]) -> tuple[Localized, ...]:
    _check_distinct(value, "entries")
    return value


InOrder = Annotated[
    tuple[Localized, ...],
    Field(min_length=2, max_length=12, description="Distinct entries, in the right order."),
    AfterValidator(_distinct_entries),
]


class _Model(BaseModel):
    # defer_build: a validator is built on first use. Packs loaded from kzlearn.cache are
    # never validated again, so a warm start builds none.
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True, defer_build=True)


class Source(_Model):
    """Where facts come from."""

    id: Slug = "source"
    title: Localized
    author: NonEmpty | None = None
    publisher: NonEmpty | None = None
    published: DateValue | None = None
    language: LangCode
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = None


class Evidence(_Model):
    """The passage of a source that a fact or item rests on."""

    quote: Localized
    source: Slug | None = Field(None, description="A source id; the pack's first by default.")
    sic: tuple[NonEmpty, ...] = Field(
        (),
        description="Words of the quote that the source itself misspells: shown with [sic].",
    )

    @model_validator(mode="after")
    def _sic_in_quote(self) -> Evidence:
        quotes = list(self.quote.values())
        for word in self.sic:
            if not any(word in quote for quote in quotes):
                raise ValueError(f"sic: {word!r} is not in the quote")
        return self

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, data: Any) -> Any:
        return {"quote": data} if isinstance(data, str | dict) and "quote" not in data else data


def _keys(text: Localized) -> set[str]:
    # A text of signs alone ("\\", "~") folds to nothing: it is compared as written.
    return {fold(t, through="same") or t.strip() for t in text.values()}
