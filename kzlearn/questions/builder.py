"""The builder of generated items: one method per fact kind, and the shapes they share.

Ids are stable (fact id + type + variant), so progress and Anki notes survive regeneration
and edits of the text. Randomness (distractor choice, the right answer's position) comes from
a generator seeded by (seed, pack id, fact id): the same seed gives the same items, and
editing one fact never reshuffles another.

Distractors are of the answer's own kind: the fact's own (teacher-written) first, then
values of facts of the same kind (an entity's category, group, side and gender; a date's
granularity; a number's unit), then near values. An item gets fewer choices rather than a
silly one, and none below three. A false statement uses the first distractor.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Sequence

from kzlearn.language.dates import PartialDate
from kzlearn.language.numbers import format_number
from kzlearn.language.text import fold
from kzlearn.localized import Localized
from kzlearn.models import (
    AnyFact,
    ClozeItem,
    DateFact,
    EntityFact,
    FlashcardItem,
    Item,
    MatchItem,
    MatchPair,
    NumberFact,
    OrderItem,
    Pack,
    PhraseFact,
    SequenceFact,
    ShortItem,
    TermFact,
)
from kzlearn.questions.cloze import date_cloze
from kzlearn.questions.giveaways import names_own_answer
from kzlearn.questions.phrases import phrase
from kzlearn.questions.pools import group_in_sets, interval, near_numbers, neighbours, sample
from kzlearn.questions.shapes import Shapes

__all__ = ["Builder", "live_facts"]

_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")


def _entity_kind(fact: EntityFact) -> tuple[str, str | None, str | None]:
    return fact.category, fact.group, fact.side


class Builder(Shapes):
    """Builds the generated items of one pack."""

    def __init__(self, pack: Pack, seed: int | None) -> None:
        super().__init__(pack, seed)
        published = [s.published for s in pack.sources if s.published is not None]
        self.latest = interval(max(published))[1] if published else None
        # Candidate pools, built once: a fact draws a few random entries from its pool.
        self.dates: dict[str, list[DateFact]] = {}
        self.entities: dict[tuple[str, str | None, str | None], list[EntityFact]] = {}
        self.numbers: dict[Localized | None, list[NumberFact]] = {}
        self.phrases: dict[str, list[PhraseFact]] = {}
        self.terms: list[TermFact] = []
        for fact in live_facts(pack):
            if isinstance(fact, DateFact):
                self.dates.setdefault(fact.value.granularity, []).append(fact)
            elif isinstance(fact, EntityFact):
                self.entities.setdefault(_entity_kind(fact), []).append(fact)
            elif isinstance(fact, NumberFact):
                self.numbers.setdefault(fact.unit, []).append(fact)
            elif isinstance(fact, PhraseFact) and fact.group is not None:
                self.phrases.setdefault(fact.group, []).append(fact)
            elif isinstance(fact, TermFact):
                self.terms.append(fact)

    # -- per kind --------------------------------------------------------------------------

    def date_fact(self, fact: DateFact) -> Iterator[Item]:
        value = fact.value
        answer = self.localized(value.display)
        answers = [value.iso(), *fact.accept]
        pool = [
            *fact.distractors,
            *(self.localized(d.display) for d in self.date_pool(fact)),
        ]
        question = self.question(fact, "when")
        wrong = self.distractors(
            question, answer, pool, answers, "date", graded=len(fact.distractors)
        )
        yield from self.true_false(fact, answer, wrong[0] if wrong else None, "statement_date")
        if names_own_answer(question.values(), [*answer.values(), *fact.accept]):
            return  # a question that writes its answer asks nothing (nor does its cloze)
        mcq = self.mcq(fact, question, answer, wrong)
        if mcq is not None:
            yield mcq
        yield ShortItem(
            id=f"{fact.id}.short",
            type="short",
            prompt=self.localized(
                lambda lang: self.text(question, lang) + phrase(value.granularity, lang)
            ),
            answer=answer,
            accept=fact.accept,
            grade_as="date",
            **self.base(fact),
        )
        cloze = self.cloze(fact, value)
        if cloze is not None:
            yield cloze

    def date_pool(self, fact: DateFact) -> list[PartialDate]:
        value = fact.value
        rng = self.rng(fact, "dates")
        others = [d.value for d in sample(self.dates[value.granularity], fact, rng)]
        near = list(neighbours(value))
        rng.shuffle(near)
        pool: list[PartialDate] = []
        for candidate in [*others, *near]:
            if candidate == value or candidate in pool:
                continue
            if self.latest is not None and interval(candidate)[0] > self.latest:
                continue  # after the source was published: absurd
            pool.append(candidate)
        return pool

    def cloze(self, fact: DateFact, value: PartialDate) -> ClozeItem | None:
        evidence = fact.evidence
        if evidence is None or evidence.sic:
            return None  # a passage the source garbled makes a poor cloze
        quotes = {
            lang: self.text(evidence.quote, lang)
            for lang in self.langs
            if evidence.quote.has(lang, self.pack.language)
        }
        texts = date_cloze(quotes, value, fact.accept, evidence.sic)
        if self.pack.language not in texts:
            return None
        try:
            return ClozeItem(
                id=f"{fact.id}.cloze",
                type="cloze",
                prompt=self.localized(lambda lang: phrase("cloze", lang)),
                text=Localized(texts),
                translation=evidence.quote,
                **self.base(fact),
            )
        except ValueError:  # a blank the passage cannot hold (its date runs over a line)
            return None

    def entity_fact(self, fact: EntityFact) -> Iterator[Item]:
        answers = [*fact.value.values(), *fact.accept]
        rng = self.rng(fact, "entities")
        same = [
            e.value
            for e in sample(self.entities[_entity_kind(fact)], fact, rng)
            if fact.gender is None or e.gender == fact.gender
        ]
        question = self.question(fact, "who" if fact.category == "person" else "what")
        person = fact.category == "person"
        pool = [*fact.distractors, *same]
        wrong = self.distractors(question, fact.value, pool, answers, person=person)
        yield from self.true_false(fact, fact.value, wrong[0] if wrong else None)
        if names_own_answer(question.values(), answers):
            return  # a question that writes its answer asks nothing
        mcq = self.mcq(fact, question, fact.value, wrong)
        if mcq is not None:
            yield mcq
        yield ShortItem(
            id=f"{fact.id}.short",
            type="short",
            prompt=question,
            answer=fact.value,
            accept=fact.accept,
            grade_as="name" if person else "text",
            **self.base(fact),
        )

    def number_fact(self, fact: NumberFact) -> Iterator[Item]:
        def show(n: float) -> Localized:
            unit = fact.unit
            return self.localized(
                lambda lang: format_number(n) + (f" {self.text(unit, lang)}" if unit else "")
            )

        answers = [format_number(fact.value), *fact.accept]
        rng = self.rng(fact, "numbers")
        same_unit = [n.value for n in sample(self.numbers[fact.unit], fact, rng)]
        near = near_numbers(fact.value)
        rng.shuffle(near)
        pool = [*fact.distractors, *(show(n) for n in [*same_unit, *near] if n != fact.value)]
        question = self.question(fact, "how_many" if fact.unit else "what")
        wrong = self.distractors(
            question, show(fact.value), pool, answers, "number", graded=len(fact.distractors)
        )
        accept = [*fact.accept, *(t for t in show(fact.value).values())]
        if fact.statement is not None:
            yield from self.true_false(fact, show(fact.value), wrong[0] if wrong else None)
        if names_own_answer(question.values(), [format_number(fact.value), *accept]):
            return  # a question that writes its answer asks nothing
        mcq = self.mcq(fact, question, show(fact.value), wrong)
        if mcq is not None:
            yield mcq
        yield ShortItem(
            id=f"{fact.id}.short",
            type="short",
            prompt=question,
            answer=Localized(format_number(fact.value)),
            accept=tuple(accept),
            grade_as="number",
            **self.base(fact),
        )

    def term_fact(self, fact: TermFact) -> Iterator[Item]:
        rng = self.rng(fact, "terms")
        others = sample(self.terms, fact, rng)
        ask = self.localized(lambda lang: phrase("what_is", lang, term=self.text(fact.term, lang)))
        pool = [*fact.distractors, *(t.definition for t in others)]
        wrong = self.distractors(ask, fact.definition, pool, list(fact.definition.values()))
        forward = self.mcq(fact, ask, fact.definition, wrong)
        if forward is not None and not names_own_answer(ask.values(), fact.definition.values()):
            yield forward
        back = self.localized(
            lambda lang: phrase("which_term", lang, definition=self.text(fact.definition, lang))
        )
        answers = [*fact.term.values(), *fact.accept]
        wrong = self.distractors(back, fact.term, [t.term for t in others], answers)
        backward = self.mcq(fact, back, fact.term, wrong)
        if backward is not None and not names_own_answer(back.values(), answers):
            yield dataclasses.replace(backward, id=f"{fact.id}.mcq.reverse")
        # A term is what flashcards are for: both ways, for reviews and a quiz of flashcards
        # alone (a quiz of several types asks the term by its choices; see QuizSession).
        yield FlashcardItem(
            id=f"{fact.id}.card",
            type="flashcard",
            prompt=fact.term,
            back=fact.definition,
            reverse=True,
            **self.base(fact),
        )

    def phrase_fact(self, fact: PhraseFact) -> Iterator[Item]:
        rng = self.rng(fact, "phrases")
        group = self.phrases.get(fact.group, []) if fact.group else []
        pool = [*fact.distractors, *(p.answer for p in sample(group, fact, rng))]
        question = self.question(fact, "what")
        wrong = self.distractors(question, fact.answer, pool, [*fact.answer.values()])
        mcq = self.mcq(fact, question, fact.answer, wrong)
        if mcq is not None and not names_own_answer(question.values(), fact.answer.values()):
            yield mcq
        if fact.statement is not None:
            # No false statement: a description the source does not give is not thereby
            # false (its lists are seldom complete), so only the true one is asked.
            yield from self.true_false(fact, fact.answer, None)

    def sequence_fact(self, fact: SequenceFact) -> Iterator[Item]:
        yield OrderItem(
            id=f"{fact.id}.order",
            type="order",
            prompt=self.question(fact, "what"),
            sequence=fact.events,
            **self.base(fact),
        )

    # -- across facts ----------------------------------------------------------------------

    def date_orderings(self, dates: Sequence[DateFact]) -> Iterator[Item]:
        timed = sorted(
            (d for d in dates if d.value.year is not None), key=lambda d: interval(d.value)
        )
        chain: list[DateFact] = []
        labels: set[str] = set()
        for fact in timed:  # keep only events strictly after the one before, with new labels
            label = {fold(t) for t in fact.about.values()}
            if labels & label or any(_YEAR.search(t) for t in fact.about.values()):
                continue  # a label that says its year orders itself
            if not chain or interval(fact.value)[0] > interval(chain[-1].value)[1]:
                chain.append(fact)
                labels |= label
        for group in group_in_sets(chain):
            first = group[0]
            yield OrderItem(
                id=f"{first.id}.order",
                type="order",
                prompt=self.localized(lambda lang: phrase("order_dates", lang)),
                sequence=tuple(f.about for f in group),
                fact=first.id,
                tags=tuple(dict.fromkeys(t for f in group for t in f.tags)),
            )

    def term_matchings(self, terms: Sequence[TermFact]) -> Iterator[Item]:
        distinct: list[TermFact] = []
        seen: set[str] = set()
        for term in terms:
            keys = {fold(t) for t in (*term.term.values(), *term.definition.values())}
            if not keys & seen:
                distinct.append(term)
                seen |= keys
        for group in group_in_sets(distinct):
            first = group[0]
            pairs = tuple(MatchPair(left=t.term, right=t.definition) for t in group)
            yield MatchItem(
                id=f"{first.id}.match",
                type="match",
                prompt=self.localized(lambda lang: phrase("match_terms", lang)),
                pairs=pairs,
                fact=first.id,
                tags=tuple(dict.fromkeys(t for f in group for t in f.tags)),
            )


def live_facts(pack: Pack) -> list[AnyFact]:
    """The facts a teacher has reviewed (not ``draft``)."""
    return [f for f in pack.facts if not f.draft]
