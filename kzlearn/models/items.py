"""Items: the questions students answer, of eight types."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, ClassVar, Literal

from kzlearn.localized import Localized
from kzlearn.models.base import _Model, check_distinct, choice_index

if TYPE_CHECKING:
    from pydantic import ConfigDict, Field, StrictBool

    from kzlearn.models.validation import (
        ClozeText,
        InOrder,
        MatchPairs,
        NonEmpty,
        Number,
        Quoted,
        Slug,
        Tag,
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class _ItemBase(_Model):
    id: Slug
    prompt: Localized
    explanation: Localized | None = None
    evidence: Quoted | None = None
    tags: tuple[Tag, ...] = ()
    fact: Annotated[Slug | None, Field(description="The id of the fact this item tests.")] = None
    draft: Annotated[
        StrictBool,
        Field(description="Not yet reviewed by a teacher: never quizzed, reviewed or exported."),
    ] = False


@dataclass(frozen=True, slots=True, kw_only=True)
class PartialAnswer(_Model):
    """An answer worth part of the credit (Moodle's ``%50%``): graded nearly, never right."""

    answer: NonEmpty
    weight: Annotated[
        Number, Field(gt=0, lt=100, description="The share of the credit, in percent.")
    ]
    tolerance: Annotated[
        Number | None,
        Field(ge=0, description="Numbers only: how far from the answer is still this answer."),
    ] = None


@dataclass(frozen=True, slots=True, kw_only=True)
class McqItem(_ItemBase):
    """Multiple choice: the answer must be exactly one of the choices."""

    type: Literal["mcq"]
    choices: Annotated[tuple[Localized, ...], Field(min_length=2, max_length=10)]
    answer: Localized
    partial: Annotated[
        tuple[PartialAnswer, ...],
        Field(description="Choices that are partly right, with the share of credit each earns."),
    ] = ()

    def __post_init__(self) -> None:
        check_distinct(self.choices, "choices")
        index = choice_index(self.choices, self.answer)
        if index < 0:
            raise ValueError("the answer is not one of the choices")
        for p in self.partial:
            if choice_index(self.choices, p.answer) in (-1, index) or p.tolerance is not None:
                raise ValueError(f"partial: {p.answer!r} is not one of the other choices")

    @property
    def answer_index(self) -> int:
        """The position of the right choice."""
        return choice_index(self.choices, self.answer)

    def partial_weights(self) -> tuple[float, ...]:
        """What each choice earns, in percent, short of the whole credit: a partly right
        choice its ``partial`` weight (the first written for it), any other 0. Graders and
        exports all read it, so that they agree on which choice a partial answer names."""
        weights = [0.0] * len(self.choices)
        for p in reversed(self.partial):
            weights[choice_index(self.choices, p.answer)] = p.weight
        return tuple(weights)


@dataclass(frozen=True, slots=True, kw_only=True)
class TrueFalseItem(_ItemBase):
    """A statement (the prompt) that is true or false."""

    type: Literal["true_false"]
    answer: StrictBool


@dataclass(frozen=True, slots=True, kw_only=True)
class ShortItem(_ItemBase):
    """A typed answer, with accepted alternatives.

    An accepted text holding ``*`` matches any text in its place (Moodle's wildcard;
    ``\\*`` is a star itself). Numbers are written with "." as the decimal point.
    """

    type: Literal["short"]
    answer: Localized
    accept: tuple[NonEmpty, ...] = ()
    partial: Annotated[
        tuple[PartialAnswer, ...],
        Field(description="Answers that are partly right, with the share of credit each earns."),
    ] = ()
    tolerance: Annotated[
        Number | None,
        Field(ge=0, description="Numbers only: how far from the answer is still right."),
    ] = None
    grade_as: Annotated[
        Literal["text", "name", "number", "date"],
        Field(
            description="Compare answers as text, as a person's name (the family name alone "
            "is right, the given name alone nearly), as numbers, or as dates."
        ),
    ] = "text"

    def __post_init__(self) -> None:
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


@dataclass(frozen=True, slots=True, kw_only=True)
class MultiItem(_ItemBase):
    """Select all that apply: ``answers`` are the right choices.

    ``weights`` (percent, one per choice) say what choosing each earns, as in Moodle: the
    right choices' add up to 100 (to the hundredth of the credit, as Moodle checks: three
    of 33.33333 do), a wrong choice's is 0 or less. Without them each right
    choice earns an equal share and each wrong one takes as much away. The credit is the
    sum of the chosen choices' weights, from 0 to 100: all of it is right, some is nearly.
    """

    type: Literal["multi"]
    choices: Annotated[tuple[Localized, ...], Field(min_length=2, max_length=10)]
    answers: Annotated[tuple[Localized, ...], Field(min_length=1, max_length=10)]
    weights: tuple[Annotated[Number, Field(ge=-100, le=100)], ...] | None = None

    def __post_init__(self) -> None:
        check_distinct(self.choices, "choices")
        right = [choice_index(self.choices, a) for a in self.answers]
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

    @property
    def answer_indexes(self) -> tuple[int, ...]:
        """The positions of the right choices, in choice order."""
        return tuple(sorted(choice_index(self.choices, a) for a in self.answers))

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


def check_blanks(text: Localized) -> Localized:
    """``text`` if it is a cloze passage: blanks, none empty, as many in every language.

    Raises:
        ValueError: what is wrong with it.
    """
    counts = set()
    for passage in text.values():
        blanks = cloze_blanks(passage)
        if not blanks:
            raise ValueError("a cloze passage needs at least one {{blank}}")
        if any(not all(b) for b in blanks):
            raise ValueError("a blank must not be empty")
        counts.add(len(blanks))
    if len(counts) > 1:
        raise ValueError("every language of a cloze passage needs the same blanks")
    return text


@dataclass(frozen=True, slots=True, kw_only=True)
class ClozeItem(_ItemBase):
    """A passage with blanks written ``{{answer}}`` or ``{{answer|alternative}}``.

    ``text`` may be given in several languages, each with the same blanks in the same order
    (a blank accepts its answers in every language); a quiz in a language the passage is not
    written in leaves the item out.
    """

    type: Literal["cloze"]
    text: ClozeText
    translation: Annotated[
        Localized | None,
        Field(description="The whole passage in other languages, shown after answering."),
    ] = None

    def __post_init__(self) -> None:
        check_blanks(self.text)  # (read from a file, the field's own check comes first)

    def blanks(self, lang: str | None, default_lang: str) -> list[tuple[str, ...]]:
        """The accepted answers of each blank: the text's in ``lang`` first, then the same
        blank's answers in the passage's other languages."""
        own = cloze_blanks(self.text.get(lang, default_lang))
        for other in self.text.values():
            for i, answers in enumerate(cloze_blanks(other)):
                own[i] = tuple(dict.fromkeys((*own[i], *answers)))
        return own


@dataclass(frozen=True, slots=True, kw_only=True)
class OrderItem(_ItemBase):
    """Entries to put in order; ``sequence`` is the right order."""

    type: Literal["order"]
    sequence: InOrder


@dataclass(frozen=True, slots=True, kw_only=True)
class MatchPair(_Model):
    """One left entry and the right entry it goes with."""

    left: Localized
    right: Localized


@dataclass(frozen=True, slots=True, kw_only=True)
class MatchItem(_ItemBase):
    """Pairs to match, left with right."""

    type: Literal["match"]
    pairs: MatchPairs


@dataclass(frozen=True, slots=True, kw_only=True)
class FlashcardItem(_ItemBase):
    """A card to recall: the front, then the back; the student says whether they knew it.

    Written ``front`` and ``notes`` in a pack: they are the ``prompt`` and ``explanation``
    every item has, so feedback, evidence and exports need nothing of their own.
    """

    __pydantic_config__: ClassVar[ConfigDict] = {
        **_Model.__pydantic_config__,
        "serialize_by_alias": True,
    }
    ALIASES: ClassVar[Mapping[str, str]] = {"prompt": "front", "explanation": "notes"}
    type: Literal["flashcard"]
    prompt: Annotated[Localized, Field(alias="front")]
    back: Localized
    hint: Annotated[Localized | None, Field(description="Shown on the front when asked for.")] = (
        None
    )
    explanation: Annotated[Localized | None, Field(alias="notes")] = None
    reverse: Annotated[
        StrictBool, Field(description="Also a card from the back to the front.")
    ] = False


Item = (
    McqItem
    | TrueFalseItem
    | ShortItem
    | ClozeItem
    | OrderItem
    | MatchItem
    | MultiItem
    | FlashcardItem
)
