"""Items: the questions students answer, of seven types."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import (
    ConfigDict,
    Field,
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


class McqItem(_ItemBase):
    """Multiple choice: the answer must be exactly one of the choices."""

    type: Literal["mcq"]
    choices: tuple[Localized, ...] = Field(min_length=2, max_length=10)
    answer: Localized

    @model_validator(mode="after")
    def _answer_once(self) -> McqItem:
        _check_distinct(self.choices, "choices")
        answer = _keys(self.answer)
        found = sum(1 for choice in self.choices if _keys(choice) & answer)
        if found == 0:
            raise ValueError("the answer is not one of the choices")
        return self

    @property
    def answer_index(self) -> int:
        """The position of the right choice."""
        answer = _keys(self.answer)
        return next(i for i, c in enumerate(self.choices) if _keys(c) & answer)


class TrueFalseItem(_ItemBase):
    """A statement (the prompt) that is true or false."""

    type: Literal["true_false"]
    answer: StrictBool


class ShortItem(_ItemBase):
    """A typed answer, with accepted alternatives."""

    type: Literal["short"]
    answer: Localized
    accept: tuple[NonEmpty, ...] = ()
    grade_as: Literal["text", "name", "number", "date"] = Field(
        "text",
        description="Compare answers as text, as a person's name (the family name alone "
        "is right, the given name alone nearly), as numbers, or as dates.",
    )

    @model_validator(mode="after")
    def _answer_parses(self) -> ShortItem:
        from kzlearn.language.dates import parse_date
        from kzlearn.language.numbers import parse_number

        parse = {"date": parse_date, "number": parse_number}.get(self.grade_as)
        if parse is not None:
            for text in self.answer.values():
                if parse(text) is None:
                    raise ValueError(f"the answer {text!r} is not a {self.grade_as}")
        return self


# Stops at the next "{{": linear even in a line of a million braces (.*? was quadratic).
_BLANK = re.compile(r"\{\{((?:(?!\{\{|\}\})[^\n])*)\}\}")


def cloze_blanks(text: str) -> list[tuple[str, ...]]:
    """The accepted answers of each ``{{answer|alternative}}`` blank, in order."""
    return [tuple(a.strip() for a in m.group(1).split("|")) for m in _BLANK.finditer(text)]


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
    McqItem | TrueFalseItem | ShortItem | ClozeItem | OrderItem | MatchItem | FlashcardItem,
    Field(discriminator="type"),
]
