"""Items generated from facts: every question type that fits each fact.

Ids are stable (fact id + type + variant), so progress and Anki notes survive regeneration
and edits of the text. Randomness (distractor choice, the right answer's position) comes from
a generator seeded by (seed, pack id, fact id): the same seed gives the same items, and
editing one fact never reshuffles another.
"""

from __future__ import annotations

import calendar
import random
from collections.abc import Iterator, Sequence
from typing import Any, TypeVar

from kzlearn.language.dates import PartialDate, date_tokens, parse_date
from kzlearn.language.numbers import format_number
from kzlearn.language.text import fold
from kzlearn.localized import Localized
from kzlearn.models import (
    ClozeItem,
    DateFact,
    EntityFact,
    Fact,
    Item,
    MatchItem,
    McqItem,
    NumberFact,
    OrderItem,
    Pack,
    PhraseFact,
    SequenceFact,
    ShortItem,
    TermFact,
    TrueFalseItem,
)
from kzlearn.questions.grading import Kind, match_answer

__all__ = ["all_items", "generate_items"]

_T = TypeVar("_T")

CHOICES = 4
GROUP = 4  # entries in a generated ordering or matching set

_PHRASES: dict[str, dict[str, str]] = {
    "en": {
        "when": "When: {about}?",
        "who": "Who: {about}?",
        "what": "What: {about}?",
        "statement": "{about}: {answer}.",
        "what_is": "What is this? {term}",
        "which_term": "Which one is this? {definition}",
        "order_dates": "Put these events in order, earliest first.",
        "match_terms": "Match each one with what it means.",
        "cloze": "Fill in the blank from the source.",
        "year": " (the year)",
        "month": " (the month and year)",
        "day": " (the day, month and year)",
        "month-day": " (the day and month)",
    },
    "ar": {
        "when": "متى كان {about}؟",
        "who": "من هو {about}؟",
        "what": "ما هو {about}؟",
        "statement": "{about}: {answer}.",
        "what_is": "ما المقصود بما يلي؟ {term}",
        "which_term": "إلامَ يشير هذا الوصف؟ {definition}",
        "order_dates": "رتّب هذه الأحداث زمنياً، من الأقدم إلى الأحدث.",
        "match_terms": "اربط كل عنصر بما يقابله.",
        "cloze": "أكمل الفراغ من نص المصدر.",
        "year": " (السنة)",
        "month": " (الشهر والسنة)",
        "day": " (اليوم والشهر والسنة)",
        "month-day": " (اليوم والشهر)",
    },
    "fr": {
        "when": "Quand : {about} ?",
        "who": "Qui : {about} ?",
        "what": "Quoi : {about} ?",
        "statement": "{about} : {answer}.",
        "what_is": "Qu'est-ce que c'est ? {term}",
        "which_term": "De quoi s'agit-il ? {definition}",
        "order_dates": "Remettez ces événements dans l'ordre, du plus ancien au plus récent.",
        "match_terms": "Associez chaque élément à ce qu'il signifie.",
        "cloze": "Complétez le blanc à partir de la source.",
        "year": " (l'année)",
        "month": " (le mois et l'année)",
        "day": " (le jour, le mois et l'année)",
        "month-day": " (le jour et le mois)",
    },
}


class _Builder:
    """Builds the generated items of one pack."""

    def __init__(self, pack: Pack, seed: int | None) -> None:
        self.pack = pack
        self.seed = seed
        self.langs = [pack.language, *pack.translations]
        published = [s.published for s in pack.sources if s.published is not None]
        self.latest = _interval(max(published))[1] if published else None
        # Candidate pools, built once: a fact draws a few random entries from its pool.
        self.dates: dict[str, list[DateFact]] = {}
        self.entities: dict[str, list[EntityFact]] = {}
        self.numbers: dict[Localized | None, list[NumberFact]] = {}
        self.terms: list[TermFact] = []
        for fact in pack.facts:
            if isinstance(fact, DateFact):
                self.dates.setdefault(fact.value.granularity, []).append(fact)
            elif isinstance(fact, EntityFact):
                self.entities.setdefault(fact.category, []).append(fact)
            elif isinstance(fact, NumberFact):
                self.numbers.setdefault(fact.unit, []).append(fact)
            elif isinstance(fact, TermFact):
                self.terms.append(fact)

    # -- text helpers ----------------------------------------------------------------------

    def text(self, value: Localized, lang: str) -> str:
        return value.get(lang, self.pack.language)

    def phrase(self, key: str, **slots: Localized | str) -> Localized:
        out = {}
        for lang in self.langs:
            table = _PHRASES.get(lang, _PHRASES["en"])
            values = {k: v if isinstance(v, str) else self.text(v, lang) for k, v in slots.items()}
            out[lang] = table[key].format(**values)
        return Localized(out)

    def localized(self, make: Any) -> Localized:
        return Localized({lang: make(lang) for lang in self.langs})

    def rng(self, fact: Fact, purpose: str = "") -> random.Random:
        return random.Random(f"{self.seed}/{self.pack.id}/{fact.id}/{purpose}")

    def base(self, fact: Fact) -> dict[str, Any]:
        return {
            "fact": fact.id,
            "tags": fact.tags,
            "evidence": fact.evidence,
            "explanation": fact.note,
        }

    # -- shared shapes ---------------------------------------------------------------------

    def mcq(
        self,
        fact: Fact,
        prompt: Localized,
        answer: Localized,
        pool: Sequence[Localized],
        answers: Sequence[str],
        *,
        kind: Kind = "text",
    ) -> McqItem | None:
        rng = self.rng(fact, "mcq")
        keys = {fold(t) for t in answer.values()}
        picked: list[Localized] = []
        for candidate in pool:
            texts = list(candidate.values())
            if any(fold(t) in keys for t in texts):
                continue
            if any(match_answer(answers, t, lang=None, kind=kind)[0] != "wrong" for t in texts):
                continue  # a distractor that would be graded right is no distractor
            keys.update(fold(t) for t in texts)
            picked.append(candidate)
            if len(picked) == CHOICES - 1:
                break
        if len(picked) < 2:
            return None
        choices = [answer, *picked]
        rng.shuffle(choices)
        return McqItem(
            id=f"{fact.id}.mcq",
            type="mcq",
            prompt=prompt,
            choices=tuple(choices),
            answer=answer,
            **self.base(fact),
        )

    def true_false(self, fact: Fact, answer: Localized, wrong: Localized | None) -> Iterator[Item]:
        template = fact.statement
        for variant, value in (("true", answer), ("false", wrong)):
            if value is None:
                continue
            if template is not None:
                prompt = self.localized(
                    lambda lang, v=value: self.text(template, lang).replace(
                        "{answer}", self.text(v, lang)
                    )
                )
            else:
                prompt = self.phrase("statement", about=fact.about, answer=value)
            yield TrueFalseItem(
                id=f"{fact.id}.true_false.{variant}",
                type="true_false",
                prompt=prompt,
                answer=variant == "true",
                **self.base(fact),
            )

    def question(self, fact: Fact, default: str) -> Localized:
        return fact.question or self.phrase(default, about=fact.about)

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
        mcq = self.mcq(fact, question, answer, pool, answers, kind="date")
        if mcq is not None:
            yield mcq
        yield from self.true_false(fact, answer, mcq_wrong(mcq))
        hint = self.phrase(value.granularity)
        prompt = self.localized(lambda lang: self.text(question, lang) + self.text(hint, lang))
        yield ShortItem(
            id=f"{fact.id}.short",
            type="short",
            prompt=prompt,
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
        others = [d.value for d in _sample(self.dates[value.granularity], fact, rng)]
        near = list(_neighbours(value))
        rng.shuffle(near)
        pool: list[PartialDate] = []
        for candidate in [*others, *near]:
            if candidate == value or candidate in pool:
                continue
            if self.latest is not None and _interval(candidate)[0] > self.latest:
                continue  # after the source was published: absurd
            pool.append(candidate)
        return pool

    def cloze(self, fact: DateFact, value: PartialDate) -> ClozeItem | None:
        if fact.evidence is None or not fact.evidence.quote.has(
            self.pack.language, self.pack.language
        ):
            return None
        quote = self.text(fact.evidence.quote, self.pack.language)
        span = _find_date(quote, value)
        if span is None or "{" in quote or "}" in quote:
            return None
        start, end = span
        written = quote[start:end]
        blank = "|".join(dict.fromkeys([written, value.display(self.pack.language)]))
        text = f"{quote[:start]}{{{{{blank}}}}}{quote[end:]}"
        return ClozeItem(
            id=f"{fact.id}.cloze",
            type="cloze",
            prompt=self.phrase("cloze"),
            text=text,
            translation=fact.evidence.quote,
            **self.base(fact),
        )

    def entity_fact(self, fact: EntityFact) -> Iterator[Item]:
        answers = [*fact.value.values(), *fact.accept]
        rng = self.rng(fact, "entities")
        same = [e.value for e in _sample(self.entities[fact.category], fact, rng)]
        question = self.question(fact, "who" if fact.category == "person" else "what")
        mcq = self.mcq(fact, question, fact.value, [*fact.distractors, *same], answers)
        if mcq is not None:
            yield mcq
        yield ShortItem(
            id=f"{fact.id}.short",
            type="short",
            prompt=question,
            answer=fact.value,
            accept=fact.accept,
            **self.base(fact),
        )
        yield from self.true_false(fact, fact.value, mcq_wrong(mcq))

    def number_fact(self, fact: NumberFact) -> Iterator[Item]:
        def show(n: float) -> Localized:
            unit = fact.unit
            return self.localized(
                lambda lang: format_number(n) + (f" {self.text(unit, lang)}" if unit else "")
            )

        answers = [format_number(fact.value), *fact.accept]
        rng = self.rng(fact, "numbers")
        same_unit = [n.value for n in _sample(self.numbers[fact.unit], fact, rng)]
        near = _near_numbers(fact.value)
        rng.shuffle(near)
        pool = [*fact.distractors, *(show(n) for n in [*same_unit, *near] if n != fact.value)]
        question = self.question(fact, "what")
        mcq = self.mcq(fact, question, show(fact.value), pool, answers, kind="number")
        if mcq is not None:
            yield mcq
        accept = [*fact.accept, *(t for t in show(fact.value).values())]
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
        others = _sample(self.terms, fact, rng)
        forward = self.mcq(
            fact,
            self.phrase("what_is", term=fact.term),
            fact.definition,
            [*fact.distractors, *(t.definition for t in others)],
            list(fact.definition.values()),
        )
        if forward is not None:
            yield forward
        backward = self.mcq(
            fact,
            self.phrase("which_term", definition=fact.definition),
            fact.term,
            [t.term for t in others],
            [*fact.term.values(), *fact.accept],
        )
        if backward is not None:
            yield backward.model_copy(update={"id": f"{fact.id}.mcq.reverse"})

    def phrase_fact(self, fact: PhraseFact) -> Iterator[Item]:
        mcq = self.mcq(
            fact, fact.question, fact.answer, fact.distractors, list(fact.answer.values())
        )
        if mcq is not None:
            yield mcq
        if fact.statement is not None:
            yield from self.true_false(fact, fact.answer, mcq_wrong(mcq))

    def sequence_fact(self, fact: SequenceFact) -> Iterator[Item]:
        prompt = fact.question or self.phrase("what", about=fact.about)
        yield OrderItem(
            id=f"{fact.id}.order",
            type="order",
            prompt=prompt,
            sequence=fact.events,
            **self.base(fact),
        )

    # -- across facts ----------------------------------------------------------------------

    def date_orderings(self, dates: Sequence[DateFact]) -> Iterator[Item]:
        timed = sorted(
            (d for d in dates if d.value.year is not None), key=lambda d: _interval(d.value)
        )
        chain: list[DateFact] = []
        labels: set[str] = set()
        for fact in timed:  # keep only events strictly after the one before, with new labels
            label = {fold(t) for t in fact.about.values()}
            if labels & label:
                continue
            if not chain or _interval(fact.value)[0] > _interval(chain[-1].value)[1]:
                chain.append(fact)
                labels |= label
        for group in _groups(chain):
            first = group[0]
            yield OrderItem(
                id=f"{first.id}.order",
                type="order",
                prompt=self.phrase("order_dates"),
                sequence=tuple(f.about for f in group),
                fact=first.id,
                tags=tuple(dict.fromkeys(t for f in group for t in f.tags)),
            )

    def term_matchings(self, terms: Sequence[TermFact]) -> Iterator[Item]:
        from kzlearn.models import MatchPair

        distinct: list[TermFact] = []
        seen: set[str] = set()
        for term in terms:
            keys = {fold(t) for t in (*term.term.values(), *term.definition.values())}
            if not keys & seen:
                distinct.append(term)
                seen |= keys
        for group in _groups(distinct):
            first = group[0]
            pairs = tuple(MatchPair(left=t.term, right=t.definition) for t in group)
            yield MatchItem(
                id=f"{first.id}.match",
                type="match",
                prompt=self.phrase("match_terms"),
                pairs=pairs,
                fact=first.id,
                tags=tuple(dict.fromkeys(t for f in group for t in f.tags)),
            )


def _sample(pool: Sequence[_T], exclude: object, rng: random.Random, k: int = 8) -> list[_T]:
    """Up to ``k`` random entries of ``pool`` other than ``exclude``, in random order.

    O(k) however large the pool, so generation stays linear in the number of facts.
    """
    if len(pool) <= k + 1:
        picked = [x for x in pool if x is not exclude]
        rng.shuffle(picked)
        return picked
    return [pool[i] for i in rng.sample(range(len(pool)), k + 1) if pool[i] is not exclude][:k]


def mcq_wrong(mcq: McqItem | None) -> Localized | None:
    """The first wrong choice of a generated multiple-choice item (for a false statement)."""
    if mcq is None:
        return None
    return next(c for i, c in enumerate(mcq.choices) if i != mcq.answer_index)


def _groups(entries: list[Any]) -> list[list[Any]]:
    if len(entries) < 2:
        return []
    groups = [entries[i : i + GROUP] for i in range(0, len(entries), GROUP)]
    if len(groups) > 1 and len(groups[-1]) < 3:
        tail = groups.pop()
        groups[-1] = groups[-1] + tail if len(groups[-1]) + len(tail) <= GROUP + 2 else groups[-1]
    return groups


def _interval(value: PartialDate) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    year = value.year or 0
    if value.month is None:
        return (year, 1, 1), (year, 12, 31)
    if value.day is None:
        return (year, value.month, 1), (
            year,
            value.month,
            calendar.monthrange(year or 2000, value.month)[1],
        )
    return (year, value.month, value.day), (year, value.month, value.day)


def _neighbours(value: PartialDate) -> Iterator[PartialDate]:
    y, m, d = value.year, value.month, value.day
    steps = (1, -1, 2, -2, 3, -3, 5)
    candidates: list[tuple[int | None, int | None, int | None]] = []
    if m is None and y is not None:
        candidates += [(y + s, None, None) for s in steps]
    elif d is None and y is not None and m is not None:
        candidates += [(y, m + s, None) for s in (1, -1, 2, -2)] + [
            (y + s, m, None) for s in (1, -1)
        ]
    elif m is not None and d is not None:
        candidates += [(y, m, d + s) for s in (1, -1, 2, -2, 10, -10)]
        candidates += [(y, m + s, d) for s in (1, -1)]
        if y is not None:
            candidates += [(y + s, m, d) for s in (1, -1)]
    for cy, cm, cd in candidates:
        try:
            yield PartialDate(cy, cm, cd)
        except ValueError:
            continue


def _near_numbers(value: float) -> list[float]:
    if float(value).is_integer() and abs(value) <= 12:
        steps: tuple[float, ...] = (1, -1, 2, -2, 3)
    else:
        steps = (5, -5, 10, -10, 1, -1, 20)
    return [value + s for s in steps if value + s > 0 or value <= 0]


def _find_date(quote: str, value: PartialDate) -> tuple[int, int] | None:
    """The character span of ``quote`` that writes ``value`` (shortest, first)."""
    words = [(w, i) for i, w in _word_spans(quote)]
    for size in range(1, 7):
        for start in range(len(words) - size + 1):
            chunk = words[start : start + size]
            begin, end = chunk[0][1][0], chunk[-1][1][1]
            text = quote[begin:end]
            if not any(c.isdigit() for c in text) and not date_tokens(text):
                continue
            parsed = parse_date(text.strip("،,.:;()«»\"' "))
            if parsed is not None and parsed.value == value:
                return begin, end
    return None


def _word_spans(text: str) -> Iterator[tuple[tuple[int, int], str]]:
    start = None
    for i, char in enumerate(text + " "):
        if char.isspace() or char in "،,.()":
            if start is not None:
                yield (start, i), text[start:i]
                start = None
        elif start is None:
            start = i


def generate_items(pack: Pack, *, seed: int | None = None) -> list[Item]:
    """Every generated item of ``pack``, fact by fact, then ordering and matching sets."""
    builder = _Builder(pack, seed)
    items: list[Item] = []
    for fact in pack.facts:
        if isinstance(fact, DateFact):
            items.extend(builder.date_fact(fact))
        elif isinstance(fact, EntityFact):
            items.extend(builder.entity_fact(fact))
        elif isinstance(fact, NumberFact):
            items.extend(builder.number_fact(fact))
        elif isinstance(fact, TermFact):
            items.extend(builder.term_fact(fact))
        elif isinstance(fact, PhraseFact):
            items.extend(builder.phrase_fact(fact))
        else:
            items.extend(builder.sequence_fact(fact))
    items.extend(builder.date_orderings([f for f in pack.facts if isinstance(f, DateFact)]))
    items.extend(builder.term_matchings(builder.terms))
    return items


def all_items(pack: Pack, *, seed: int | None = None) -> list[Item]:
    """The pack's hand-written items, then its generated ones (a hand-written id wins)."""
    written = {item.id for item in pack.items}
    return [*pack.items, *(i for i in generate_items(pack, seed=seed) if i.id not in written)]
