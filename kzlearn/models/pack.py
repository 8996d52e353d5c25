"""A pack: sources, facts and items, and the checks that need the whole pack."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any

from kzlearn.localized import Localized
from kzlearn.models.base import Loc, Source, _Model
from kzlearn.models.facts import AnyFact

if TYPE_CHECKING:
    from pydantic import Field, GetCoreSchemaHandler, ValidationInfo
    from pydantic_core import CoreSchema

    from kzlearn.models.validation import Fact, ItemField, LangCode, Slug, Tag, Version


@dataclass(frozen=True, slots=True, kw_only=True)
class Pack(_Model):
    """A question pack: facts from sources, and items about them."""

    # A pack read from a file (kzlearn.packs.load_pack) or by validation.validate_pack has
    # passed pack_problems; one built in code has not.

    id: Slug
    title: Localized
    description: Localized | None = None
    language: Annotated[LangCode, Field(description="The language of plain strings in this pack.")]
    translations: Annotated[
        tuple[LangCode, ...],
        Field(description="Other languages that the pack's texts are given in."),
    ] = ()
    version: Version = "1"
    tags: tuple[Tag, ...] = ()
    sources: tuple[Source, ...] = ()
    facts: tuple[Fact, ...] = ()
    items: tuple[ItemField, ...] = ()

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[Any], handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        from pydantic_core import core_schema

        return core_schema.with_info_after_validator_function(_whole_pack, handler(source))

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


def _whole_pack(pack: Pack, info: ValidationInfo) -> Pack:
    """Pydantic's last check of a pack: :func:`pack_problems`, into the ``problems`` list of
    the validation's context when it has one, else the first of them as the error."""
    problems = pack_problems(pack)
    sink = info.context.get("problems") if isinstance(info.context, dict) else None
    if isinstance(sink, list):
        sink.extend(problems)
    elif problems:
        loc, message = problems[0]
        raise ValueError(f"{'.'.join(map(str, loc))}: {message}")
    return pack


_LOCATED: dict[type[Any], tuple[tuple[str, str], ...]] = {}


def located_fields(model: type[Any]) -> tuple[tuple[str, str], ...]:
    """Each field of the dataclass ``model``, with the name a pack file writes it under."""
    found = _LOCATED.get(model)
    if found is None:
        aliases = getattr(model, "ALIASES", {})
        found = tuple((f.name, aliases.get(f.name, f.name)) for f in dataclasses.fields(model))
        _LOCATED[model] = found
    return found


def walk_values(value: Any, loc: Loc) -> Iterator[tuple[Loc, Any]]:
    """Every value in ``value`` (a pack or a part of one) that is neither a model nor a
    tuple of them (texts, ids, numbers, dates...), with where it is, as the file writes it."""
    if isinstance(value, _Model):
        for name, written in located_fields(type(value)):
            yield from walk_values(getattr(value, name), (*loc, written))
    elif isinstance(value, tuple):
        for i, element in enumerate(value):
            yield from walk_values(element, (*loc, i))
    else:
        yield loc, value


def walk_localized(value: Any, loc: Loc) -> Iterator[tuple[Loc, Localized]]:
    """Every localized text in ``value`` (a pack or a part of one), with where it is."""
    return ((at, v) for at, v in walk_values(value, loc) if isinstance(v, Localized))


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
