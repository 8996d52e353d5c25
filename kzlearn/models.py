"""The pack model: sources, facts, items and packs (Pydantic v2, frozen, no unknown fields).

Checks that need the whole pack (unique ids, references, languages) are in
:func:`pack_problems`; :class:`Pack` runs them, and :func:`kzlearn.packs.load_pack` reports
every one of them with its line in the file.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    StrictBool,
    StringConstraints,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from kzlearn.language.dates import PartialDate
from kzlearn.language.text import fold
from kzlearn.localized import LANG_PATTERN, Localized

__all__ = [
    "ClozeItem",
    "DateFact",
    "EntityFact",
    "Evidence",
    "Fact",
    "Item",
    "Localized",
    "MatchItem",
    "MatchPair",
    "McqItem",
    "NumberFact",
    "OrderItem",
    "Pack",
    "PhraseFact",
    "SequenceFact",
    "ShortItem",
    "Source",
    "TermFact",
    "TrueFalseItem",
    "cloze_blanks",
    "pack_problems",
]

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
    value: int | float
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


def _keys(text: Localized) -> set[str]:
    return {fold(t, through="same") for t in text.values()}


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


_BLANK = re.compile(r"\{\{(.*?)\}\}")


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


Item = Annotated[
    McqItem | TrueFalseItem | ShortItem | ClozeItem | OrderItem | MatchItem,
    Field(discriminator="type"),
]


def _version_text(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ValueError("expected a version such as 1 or 2.1")
    text = str(value).strip()
    if not text:
        raise ValueError("must not be empty")
    return text


class Pack(_Model):
    """A question pack: facts from sources, and items about them."""

    id: Slug
    title: Localized
    description: Localized | None = None
    language: LangCode = Field(description="The language of plain strings in this pack.")
    translations: tuple[LangCode, ...] = Field(
        (), description="Other languages that the pack's texts are given in."
    )
    version: Annotated[str, PlainValidator(_version_text)] = "1"
    tags: tuple[Tag, ...] = ()
    sources: tuple[Source, ...] = ()
    facts: tuple[Fact, ...] = ()
    items: tuple[Item, ...] = ()

    @model_validator(mode="after")
    def _whole_pack(self, info: ValidationInfo) -> Pack:
        problems = pack_problems(self)
        sink = info.context.get("problems") if isinstance(info.context, dict) else None
        if isinstance(sink, list):
            sink.extend(problems)
        elif problems:
            loc, message = problems[0]
            raise ValueError(f"{'.'.join(map(str, loc))}: {message}")
        return self

    def text(self, value: Localized, lang: str | None = None) -> str:
        """``value`` in ``lang``, else in the pack's language."""
        return value.get(lang, self.language)

    def fact(self, fact_id: str) -> AnyFact:
        """The fact with this id.

        Raises:
            KeyError: there is none.
        """
        for fact in self.facts:
            if fact.id == fact_id:
                return fact
        raise KeyError(fact_id)

    def source(self, source_id: str | None) -> Source | None:
        """The source with this id, or the first source for None."""
        if source_id is None:
            return self.sources[0] if self.sources else None
        return next((s for s in self.sources if s.id == source_id), None)


def _may_hold_text(annotation: Any) -> bool:
    if annotation is Localized:
        return True
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_may_hold_text(arg) for arg in get_args(annotation))


@functools.cache
def _text_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of ``model`` that can hold localized text (never ids, numbers, flags)."""
    return tuple(n for n, f in model.model_fields.items() if _may_hold_text(f.annotation))


def _walk_localized(value: Any, loc: Loc) -> Iterator[tuple[Loc, Localized]]:
    if isinstance(value, Localized):
        yield loc, value
    elif isinstance(value, BaseModel):
        for name in _text_fields(type(value)):
            yield from _walk_localized(getattr(value, name), (*loc, name))
    elif isinstance(value, tuple):
        for i, element in enumerate(value):
            yield from _walk_localized(element, (*loc, i))


def pack_problems(pack: Pack) -> list[tuple[Loc, str]]:
    """Problems that only the whole pack shows: ids, references and languages."""
    problems: list[tuple[Loc, str]] = []
    for field in ("sources", "facts", "items"):
        seen: dict[str, int] = {}
        for i, entry in enumerate(getattr(pack, field)):
            if entry.id in seen:
                problems.append(
                    (
                        (field, i, "id"),
                        f"duplicate id {entry.id!r} (also {field}.{seen[entry.id]})",
                    )
                )
            seen.setdefault(entry.id, i)
    fact_ids = {f.id for f in pack.facts}
    source_ids = {s.id for s in pack.sources}
    for i, item in enumerate(pack.items):
        if item.fact is not None and item.fact not in fact_ids:
            problems.append((("items", i, "fact"), f"no fact has the id {item.fact!r}"))
    for field in ("facts", "items"):
        for i, entry in enumerate(getattr(pack, field)):
            source = entry.evidence.source if entry.evidence else None
            if source is not None and source not in source_ids:
                problems.append(
                    ((field, i, "evidence", "source"), f"no source has the id {source!r}")
                )
    if pack.language in pack.translations:
        problems.append((("translations",), f"{pack.language!r} is the pack's own language"))
    for loc, text in _walk_localized(pack, ()):
        if not text.has(pack.language, pack.language) and not _is_foreign_source(pack, loc):
            problems.append((loc, f"has no text in the pack's language ({pack.language})"))
    return problems


def _is_foreign_source(pack: Pack, loc: Loc) -> bool:
    # A source's title is in the source's own language, not necessarily the pack's.
    return len(loc) >= 3 and loc[0] == "sources" and loc[2] == "title"
