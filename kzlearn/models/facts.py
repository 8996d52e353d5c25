"""Facts: what a source says, of six kinds (date, number, entity, term, phrase, sequence)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    Field,
    StrictBool,
    field_validator,
    model_validator,
)

from kzlearn.localized import Localized
from kzlearn.models.base import DateValue, Evidence, InOrder, NonEmpty, Slug, Tag, _Model
from kzlearn.validators import number_in_range


class _FactBase(_Model):
    id: Slug
    about: Localized = Field(description="What the fact is about, as a short noun phrase.")
    question: Localized | None = Field(None, description="The question that asks for it.")
    statement: Localized | None = Field(
        None, description="A sentence stating it, with {answer} where the answer goes."
    )
    accept: tuple[NonEmpty, ...] = Field((), description="Further accepted answers.")
    distractors: tuple[Localized, ...] = Field(
        (), description="Plausible wrong answers for multiple choice, used before generated ones."
    )
    evidence: Evidence | None = None
    tags: tuple[Tag, ...] = ()
    note: Localized | None = Field(None, description="A teacher's note shown after answering.")
    draft: StrictBool = Field(
        False, description="Drafted by a tool; not yet reviewed by a teacher."
    )

    @field_validator("statement")
    @classmethod
    def _has_slot(cls, value: Localized | None) -> Localized | None:
        if value is not None and any("{answer}" not in t for t in value.values()):
            raise ValueError("a statement needs {answer} where the answer goes")
        return value


class DateFact(_FactBase):
    """Something that happened on a (partial) date."""

    kind: Literal["date"]
    value: DateValue
    until: DateValue | None = Field(None, description="The end, for a span such as 1991-1993.")

    @model_validator(mode="after")
    def _ordered(self) -> DateFact:
        if self.until is not None and (
            self.until.year is None
            or self.value.year is None
            or self.until.iso() <= self.value.iso()
        ):
            raise ValueError("until must be a later date than value, both with a year")
        return self


class NumberFact(_FactBase):
    """A quantity, with its unit."""

    kind: Literal["number"]
    value: Annotated[int | float, AfterValidator(number_in_range)]
    unit: Localized | None = None


class EntityFact(_FactBase):
    """A person, place, organisation, event or document, and its role."""

    kind: Literal["entity"]
    value: Localized = Field(description="The name.")
    category: Literal["person", "place", "organisation", "event", "document", "other"]
    role: Localized | None = None
    group: Slug | None = Field(
        None,
        description=(
            "What sort of thing it is, finely enough to choose alternatives: a person's "
            "office (foreign-minister, ambassador, mayor, head-of-state), a place's kind "
            "(city, country, region), an organisation's kind. Generated distractors come "
            "only from entities of the same category and group."
        ),
    )
    side: Slug | None = Field(
        None,
        description="The country or side it belongs to (morocco, kazakhstan); distractors "
        "keep to the same side.",
    )
    gender: Literal["f", "m"] | None = Field(
        None,
        description="Grammatical gender where the language needs it (a woman ambassador: "
        "سفيرة); distractors are of the same gender and templates agree.",
    )


class TermFact(_FactBase):
    """A term and its definition."""

    kind: Literal["term"]
    term: Localized
    definition: Localized


class PhraseFact(_FactBase):
    """A question whose answer is a phrase or a description (what two ministers agreed)."""

    kind: Literal["phrase"]
    question: Localized = Field(description="The question that asks for it.")
    answer: Localized = Field(description="The answer, as a short phrase.")
    group: Slug | None = Field(
        None,
        description="Phrase facts of the same group may serve as each other's distractors; "
        "leave it out when their answers could both be right.",
    )


class SequenceFact(_FactBase):
    """Events in the order they happened."""

    kind: Literal["sequence"]
    events: InOrder


AnyFact = DateFact | NumberFact | EntityFact | TermFact | PhraseFact | SequenceFact
Fact = Annotated[AnyFact, Field(discriminator="kind")]
