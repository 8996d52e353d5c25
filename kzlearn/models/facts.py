"""Facts: what a source says, of six kinds (date, number, entity, term, phrase, sequence)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Literal

from kzlearn.localized import Localized
from kzlearn.models.base import _Model

if TYPE_CHECKING:
    from pydantic import Field, StrictBool

    from kzlearn.language.dates import PartialDate
    from kzlearn.models.validation import (
        DateValue,
        InOrder,
        NonEmpty,
        NumberValue,
        Quoted,
        Slug,
        Statement,
        Tag,
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class _FactBase(_Model):
    id: Slug
    about: Annotated[
        Localized, Field(description="What the fact is about, as a short noun phrase.")
    ]
    question: Annotated[Localized | None, Field(description="The question that asks for it.")] = (
        None
    )
    statement: Annotated[
        Statement,
        Field(description="A sentence stating it, with {answer} where the answer goes."),
    ] = None
    accept: Annotated[tuple[NonEmpty, ...], Field(description="Further accepted answers.")] = ()
    distractors: Annotated[
        tuple[Localized, ...],
        Field(
            description="Plausible wrong answers for multiple choice, used before generated ones."
        ),
    ] = ()
    evidence: Quoted | None = None
    tags: tuple[Tag, ...] = ()
    note: Annotated[
        Localized | None, Field(description="A teacher's note shown after answering.")
    ] = None
    draft: Annotated[
        StrictBool, Field(description="Drafted by a tool; not yet reviewed by a teacher.")
    ] = False


@dataclass(frozen=True, slots=True, kw_only=True)
class DateFact(_FactBase):
    """Something that happened on a (partial) date."""

    kind: Literal["date"]
    value: DateValue
    until: Annotated[
        DateValue | None, Field(description="The end, for a span such as 1991-1993.")
    ] = None

    def __post_init__(self) -> None:
        if self.until is not None and not _later(self.until, self.value):
            raise ValueError("until must be a later date than value, both with a year")


def _later(until: PartialDate, value: PartialDate) -> bool:
    return until.year is not None and value.year is not None and until.iso() > value.iso()


@dataclass(frozen=True, slots=True, kw_only=True)
class NumberFact(_FactBase):
    """A quantity, with its unit."""

    kind: Literal["number"]
    value: NumberValue
    unit: Localized | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class EntityFact(_FactBase):
    """A person, place, organisation, event or document, and its role."""

    kind: Literal["entity"]
    value: Annotated[Localized, Field(description="The name.")]
    category: Literal["person", "place", "organisation", "event", "document", "other"]
    role: Localized | None = None
    group: Annotated[
        Slug | None,
        Field(
            description=(
                "What sort of thing it is, finely enough to choose alternatives: a person's "
                "office (foreign-minister, ambassador, mayor, head-of-state), a place's kind "
                "(city, country, region), an organisation's kind. Generated distractors come "
                "only from entities of the same category and group."
            )
        ),
    ] = None
    side: Annotated[
        Slug | None,
        Field(
            description="The country or side it belongs to (morocco, kazakhstan); distractors "
            "keep to the same side."
        ),
    ] = None
    gender: Annotated[
        Literal["f", "m"] | None,
        Field(
            description="Grammatical gender where the language needs it (a woman ambassador: "
            "سفيرة); distractors are of the same gender and templates agree."
        ),
    ] = None


@dataclass(frozen=True, slots=True, kw_only=True)
class TermFact(_FactBase):
    """A term and its definition."""

    kind: Literal["term"]
    term: Localized
    definition: Localized


@dataclass(frozen=True, slots=True, kw_only=True)
class PhraseFact(_FactBase):
    """A question whose answer is a phrase or a description (what two ministers agreed)."""

    kind: Literal["phrase"]
    question: Annotated[Localized, Field(description="The question that asks for it.")]
    answer: Annotated[Localized, Field(description="The answer, as a short phrase.")]
    group: Annotated[
        Slug | None,
        Field(
            description="Phrase facts of the same group may serve as each other's distractors; "
            "leave it out when their answers could both be right."
        ),
    ] = None


@dataclass(frozen=True, slots=True, kw_only=True)
class SequenceFact(_FactBase):
    """Events in the order they happened."""

    kind: Literal["sequence"]
    events: InOrder


AnyFact = DateFact | NumberFact | EntityFact | TermFact | PhraseFact | SequenceFact
