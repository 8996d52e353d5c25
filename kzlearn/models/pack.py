"""A pack: sources, facts and items, and the checks that need the whole pack."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Annotated, Any, get_args

from pydantic import (
    BaseModel,
    Field,
    PlainValidator,
    ValidationInfo,
    model_validator,
)

from kzlearn.localized import Localized
from kzlearn.models.base import LangCode, Loc, Slug, Source, Tag, _Model
from kzlearn.models.facts import AnyFact, Fact
from kzlearn.models.items import Item


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


def walk_localized(value: Any, loc: Loc) -> Iterator[tuple[Loc, Localized]]:
    if isinstance(value, Localized):
        yield loc, value
    elif isinstance(value, BaseModel):
        fields = type(value).model_fields
        for name in _text_fields(type(value)):  # located as the file writes it (its alias)
            yield from walk_localized(getattr(value, name), (*loc, fields[name].alias or name))
    elif isinstance(value, tuple):
        for i, element in enumerate(value):
            yield from walk_localized(element, (*loc, i))


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
    for loc, text in walk_localized(pack, ()):
        if not text.has(pack.language, pack.language) and not _is_foreign_source(pack, loc):
            problems.append((loc, f"has no text in the pack's language ({pack.language})"))
    from kzlearn.controls import control_problems  # a terminal must not obey pack text

    problems.extend(control_problems(pack))
    return problems


def _is_foreign_source(pack: Pack, loc: Loc) -> bool:
    # A source's title is in the source's own language, not necessarily the pack's.
    return len(loc) >= 3 and loc[0] == "sources" and loc[2] == "title"
