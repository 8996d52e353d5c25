"""Items generated from facts: every question type that fits each fact.

See :mod:`kzlearn.questions.builder` for how each kind of fact becomes items. Draft facts
and items are left out here, once, so no surface ever serves them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from kzlearn.models import (
    DateFact,
    EntityFact,
    Item,
    NumberFact,
    Pack,
    PhraseFact,
    SequenceFact,
    TermFact,
)
from kzlearn.questions.builder import Builder, live_facts

__all__ = ["all_items", "generate_items", "live_facts", "template_fallbacks"]


def generate_items(pack: Pack, *, seed: int | None = None) -> list[Item]:
    """Every generated item of ``pack``, fact by fact, then ordering and matching sets.

    Draft facts give no items, and a question that writes its own answer gives none either.
    """
    builder = Builder(pack, seed)
    makers: dict[type, Callable[[Any], Iterator[Item]]] = {
        DateFact: builder.date_fact,
        EntityFact: builder.entity_fact,
        NumberFact: builder.number_fact,
        TermFact: builder.term_fact,
        PhraseFact: builder.phrase_fact,
        SequenceFact: builder.sequence_fact,
    }
    items: list[Item] = []
    facts = live_facts(pack)
    for fact in facts:
        items.extend(makers[type(fact)](fact))
    items.extend(builder.date_orderings([f for f in facts if isinstance(f, DateFact)]))
    items.extend(builder.term_matchings(builder.terms))
    return items


def all_items(pack: Pack, *, seed: int | None = None) -> list[Item]:
    """The pack's hand-written items, then its generated ones (a hand-written id wins).

    Draft items, and items of draft facts, are left out: they are never quizzed, reviewed
    or exported.
    """
    drafts = {f.id for f in pack.facts if f.draft}
    written = [i for i in pack.items if not i.draft and i.fact not in drafts]
    ids = {item.id for item in pack.items}
    return [*written, *(i for i in generate_items(pack, seed=seed) if i.id not in ids)]


def template_fallbacks(pack: Pack) -> list[tuple[str, str, str]]:
    """(fact id, field, language) for each fact text that falls back to a template."""
    out: list[tuple[str, str, str]] = []
    for fact in live_facts(pack):
        for lang in (pack.language, *pack.translations):
            own = fact.question
            if not isinstance(fact, TermFact) and (
                own is None or not own.has(lang, pack.language)
            ):
                out.append((fact.id, "question", lang))
            if isinstance(fact, DateFact | EntityFact) and (
                fact.statement is None or not fact.statement.has(lang, pack.language)
            ):
                out.append((fact.id, "statement", lang))
    return out
