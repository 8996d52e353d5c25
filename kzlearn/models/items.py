"""Items: the questions students answer, of seven types."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import (
    ConfigDict,
    Field,
    PlainSerializer,
    StrictBool,
    field_validator,
    model_validator,
)

from kzlearn.localized import Localized
from kzlearn.models.base import (
    Evidence,
    InOrder,
    NonEmpty,
    Slug,
    Tag,
    _check_distinct,
    _keys,
    _Model,
)


class _ItemBase(_Model):
    id: Slug
    prompt: Localized
    explanation: Localized | None = None
    evidence: Evidence | None = None
    tags: tuple[Tag, ...] = ()
    fact: Slug | None = Field(None, description="The id of the fact this item tests.")
    draft: StrictBool = Field(
        False, description="Not yet reviewed by a teacher: never quizzed, reviewed or exported."
    )


def _plain(value: float) -> float | int:
    return int(value) if value.is_integer() else value


# Written back as the teacher wrote it: 50, not 50.0.
Number = Annotated[float, PlainSerializer(_plain, return_type=float | int)]


class PartialAnswer(_Model):
    """An answer worth part of the credit (Moodle's ``%50%``): graded nearly, never right."""

    answer: NonEmpty
    weight: Number = Field(gt=0, lt=100, description="The share of the credit, in percent.")
    tolerance: Number | None = Field(
        None, ge=0, description="Numbers only: how far from the answer is still this answer."
    )


def _choice_index(choices: tuple[Localized, ...], text: Localized | str) -> int:
    keys = _keys(Localized(text)) if isinstance(text, str) else _keys(text)
    return next((i for i, c in enumerate(choices) if _keys(c) & keys), -1)


class McqItem(_ItemBase):
    """Multiple choice: the answer must be exactly one of the choices."""

    type: Literal["mcq"]
    choices: tuple[Localized, ...] = Field(min_length=2, max_length=10)
    answer: Localized
    partial: tuple[PartialAnswer, ...] = Field(
        (), description="Choices that are partly right, with the share of credit each earns."
    )

    @model_validator(mode="after")
    def _answer_once(self) -> McqItem:
        _check_distinct(self.choices, "choices")
        index = _choice_index(self.choices, self.answer)
        if index < 0:
            raise ValueError("the answer is not one of the choices")
        for p in self.partial:
            if _choice_index(self.choices, p.answer) in (-1, index) or p.tolerance is not None:
                raise ValueError(f"partial: {p.answer!r} is not one of the other choices")
        return self

    @property
    def answer_index(self) -> int:
        """The position of the right choice."""
        return _choice_index(self.choices, self.answer)


class TrueFalseItem(_ItemBase):
    """A statement (the prompt) that is true or false."""

    type: Literal["true_false"]
    answer: StrictBool


class ShortItem(_ItemBase):
    """A typed answer, with accepted alternatives.

    An accepted text holding ``*`` matches any text in its place (Moodle's wildcard;
    ``\\*`` is a star itself). Numbers are written with "." as the decimal point.
    """

    type: Literal["short"]
    answer: Localized
    accept: tuple[NonEmpty, ...] = ()
    partial: tuple[PartialAnswer, ...] = Field(
        (), description="Answers that are partly right, with the share of credit each earns."
    )
    tolerance: Number | None = Field(
        None, ge=0, description="Numbers only: how far from the answer is still right."
    )
    grade_as: Literal["text", "name", "number", "date"] = Field(
        "text",
        description="Compare answers as text, as a person's name (the family name alone "
        "is right, the given name alone nearly), as numbers, or as dates.",
    )

    @model_validator(mode="after")
    def _answer_parses(self) -> ShortItem:
        from kzlearn.language.dates import parse_date
        from kzlearn.language.numbers import parse_decimal

        parse = {"date": parse_date, "number": parse_decimal}.get(self.grade_as)
        if parse is not None:
            for text in self.answer.values():
                if parse(text) is None:
                    raise ValueError(f"the answer {text!r} is not a {self.grade_as}")
        numeric = [p.answer for p in self.partial if p.tolerance is not None]
        if self.grade_as == "number":
            numeric = [p.answer for p in self.partial]
        elif numeric or self.tolerance is not None:
            raise ValueError("a tolerance needs grade_as: number")
        for text in numeric:
            if parse_decimal(text) is None:
                raise ValueError(f"partial: {text!r} is not a number")
        return self


class MultiItem(_ItemBase):
    """Select all that apply: ``answers`` are the right choices.

    ``weights`` (percent, one per choice) say what choosing each earns, as in Moodle: the
    right choices' add up to 100 (to the hundredth of the credit, as Moodle checks: three
    of 33.33333 do), a wrong choice's is 0 or less. Without them each right
    choice earns an equal share and each wrong one takes as much away. The credit is the
    sum of the chosen choices' weights, from 0 to 100: all of it is right, some is nearly.
    """

    type: Literal["multi"]
    choices: tuple[Localized, ...] = Field(min_length=2, max_length=10)
    answers: tuple[Localized, ...] = Field(min_length=1, max_length=10)
    weights: tuple[Annotated[Number, Field(ge=-100, le=100)], ...] | None = None

    @model_validator(mode="after")
    def _answers_are_choices(self) -> MultiItem:
        _check_distinct(self.choices, "choices")
        right = [_choice_index(self.choices, a) for a in self.answers]
        if -1 in right:
            raise ValueError(f"answer {right.index(-1) + 1} is not one of the choices")
        if len(set(right)) != len(right):
            raise ValueError("an answer is listed twice")
        if self.weights is not None:
            if len(self.weights) != len(self.choices):
                raise ValueError("weights: one per choice, in the order of the choices")
            if {i for i, w in enumerate(self.weights) if w > 0} != set(right):
                raise ValueError("weights: the right choices, and only they, weigh more than 0")
            if round(sum(w for w in self.weights if w > 0) / 100, 2) != 1:  # Moodle's check
                raise ValueError("weights: the right choices' weights add up to 100")
        return self

    @property
    def answer_indexes(self) -> tuple[int, ...]:
        """The positions of the right choices, in choice order."""
        return tuple(sorted(_choice_index(self.choices, a) for a in self.answers))

    def choice_weights(self) -> tuple[float, ...]:
        """The weight of each choice, in percent (the defaults when none are written)."""
        if self.weights is not None:
            return self.weights
        right = self.answer_indexes
        share = 100 / len(right)
        return tuple(share if i in right else -share for i in range(len(self.choices)))


# Stops at the next "{{": linear even in a line of a million braces (.*? was quadratic).
CLOZE_BLANK = re.compile(r"\{\{((?:(?!\{\{|\}\})[^\n])*)\}\}")


def cloze_blanks(text: str) -> list[tuple[str, ...]]:
    """The accepted answers of each ``{{answer|alternative}}`` blank, in order."""
    return [tuple(a.strip() for a in m.group(1).split("|")) for m in CLOZE_BLANK.finditer(text)]


class ClozeItem(_ItemBase):
    """A passage with blanks written ``{{answer}}`` or ``{{answer|alternative}}``.

    ``text`` may be given in several languages, each with the same blanks in the same order
    (a blank accepts its answers in every language); a quiz in a language the passage is not
    written in leaves the item out.
    """

    type: Literal["cloze"]
    text: Localized
    translation: Localized | None = Field(
        None, description="The whole passage in other languages, shown after answering."
    )

    @field_validator("text")
    @classmethod
    def _has_blanks(cls, value: Localized) -> Localized:
        counts = set()
        for text in value.values():
            blanks = cloze_blanks(text)
            if not blanks:
                raise ValueError("a cloze passage needs at least one {{blank}}")
            if any(not all(b) for b in blanks):
                raise ValueError("a blank must not be empty")
            counts.add(len(blanks))
        if len(counts) > 1:
            raise ValueError("every language of a cloze passage needs the same blanks")
        return value

    def blanks(self, lang: str | None, default_lang: str) -> list[tuple[str, ...]]:
        """The accepted answers of each blank: the text's in ``lang`` first, then the same
        blank's answers in the passage's other languages."""
        own = cloze_blanks(self.text.get(lang, default_lang))
        for other in self.text.values():
            for i, answers in enumerate(cloze_blanks(other)):
                own[i] = tuple(dict.fromkeys((*own[i], *answers)))
        return own


class OrderItem(_ItemBase):
    """Entries to put in order; ``sequence`` is the right order."""

    type: Literal["order"]
    sequence: InOrder


class MatchPair(_Model):
    """One left entry and the right entry it goes with."""

    left: Localized
    right: Localized


class MatchItem(_ItemBase):
    """Pairs to match, left with right."""

    type: Literal["match"]
    pairs: tuple[MatchPair, ...] = Field(min_length=2, max_length=12)

    @field_validator("pairs")
    @classmethod
    def _distinct(cls, value: tuple[MatchPair, ...]) -> tuple[MatchPair, ...]:
        _check_distinct([p.left for p in value], "left entries")
        _check_distinct([p.right for p in value], "right entries")
        return value


class FlashcardItem(_ItemBase):
    """A card to recall: the front, then the back; the student says whether they knew it.

    Written ``front`` and ``notes`` in a pack: they are the ``prompt`` and ``explanation``
    every item has, so feedback, evidence and exports need nothing of their own.
    """

    model_config = ConfigDict(serialize_by_alias=True)
    type: Literal["flashcard"]
    prompt: Localized = Field(alias="front")
    back: Localized
    hint: Localized | None = Field(None, description="Shown on the front when asked for.")
    explanation: Localized | None = Field(None, alias="notes")
    reverse: StrictBool = Field(False, description="Also a card from the back to the front.")


Item = Annotated[
    McqItem
    | TrueFalseItem
    | ShortItem
    | ClozeItem
    | OrderItem
    | MatchItem
    | MultiItem
    | FlashcardItem,
    Field(discriminator="type"),
]
