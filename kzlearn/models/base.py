"""The building blocks of the pack model: sources, evidence, and what every model shares.

The models are frozen, slotted dataclasses, not pydantic models: a quiz reads its packs back
from the cache (kzlearn.cache) and builds items without loading pydantic, which would cost
its start about 50 ms. Pydantic checks what comes from outside (pack files, imports) in
:mod:`kzlearn.models.validation`, from the annotations written here: the constrained types
they name (``Slug``, ``Tag``...) and ``Field`` are defined or imported there, and imported
here for type checkers only. A check that needs a whole model runs in ``__post_init__``, so
an item built in code is checked as a validated one is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, ClassVar

from kzlearn.language.text import fold
from kzlearn.localized import Localized

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from pydantic import ConfigDict, Field

    from kzlearn.models.validation import DateValue, LangCode, NonEmpty, Slug, Url

Loc = tuple[str | int, ...]


class _Model:
    """What every model shares: pydantic's settings for it, and no field names of its own."""

    __slots__ = ()
    __pydantic_config__: ClassVar[ConfigDict] = {"extra": "forbid", "populate_by_name": True}
    # Fields that a pack file writes under another name (a flashcard's ``front``).
    ALIASES: ClassVar[Mapping[str, str]] = {}


@dataclass(frozen=True, slots=True, kw_only=True)
class Source(_Model):
    """Where facts come from."""

    id: Slug = "source"
    title: Localized
    author: NonEmpty | None = None
    publisher: NonEmpty | None = None
    published: DateValue | None = None
    language: LangCode
    url: Url | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Evidence(_Model):
    """The passage of a source that a fact or item rests on."""

    quote: Localized
    source: Annotated[
        Slug | None, Field(description="A source id; the pack's first by default.")
    ] = None
    sic: Annotated[
        tuple[NonEmpty, ...],
        Field(
            description="Words of the quote that the source itself misspells: shown with [sic]."
        ),
    ] = ()

    def __post_init__(self) -> None:
        quotes = list(self.quote.values())
        for word in self.sic:
            if not any(word in quote for quote in quotes):
                raise ValueError(f"sic: {word!r} is not in the quote")


def check_distinct(texts: Iterable[Localized], what: str) -> None:
    """Raise ValueError if two of ``texts`` are the same text (in any of their languages).

    Raises:
        ValueError: naming the two, counted from 1.
    """
    keys = [_keys(t) for t in texts]
    for i, key in enumerate(keys):
        for j in range(i):
            if key & keys[j]:
                raise ValueError(f"{what} {j + 1} and {i + 1} are the same")


def _keys(text: Localized) -> set[str]:
    # A text of signs alone ("\\", "~") folds to nothing: it is compared as written.
    return {fold(t, through="same") or t.strip() for t in text.values()}


def choice_index(choices: tuple[Localized, ...], text: Localized | str) -> int:
    """The position of the choice that is ``text`` (in any of its languages), or -1."""
    keys = _keys(Localized(text)) if isinstance(text, str) else _keys(text)
    return next((i for i, c in enumerate(choices) if _keys(c) & keys), -1)
