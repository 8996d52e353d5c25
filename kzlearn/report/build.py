"""A class report from answer and card rows: a line per student, a line per item."""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kzlearn.report.choices import ChoiceCount, tally
from kzlearn.report.rows import Attempt, CardState
from kzlearn.report.stats import discrimination_indexes, facility_index, item_flags, points

if TYPE_CHECKING:
    from kzlearn.models import Item, Pack

__all__ = [
    "FLAG_MIN_STUDENTS",
    "MASTERED_DAYS",
    "REVIEW_STATE",
    "ClassReport",
    "ItemRow",
    "StudentRow",
    "build_report",
]

# A card is mastered once FSRS expects it to be remembered three weeks on: in the review
# state with a stability (the days until recall falls to 90%) of 21 days or more, the
# span after which Anki calls a card mature.
MASTERED_DAYS = 21.0
REVIEW_STATE = 2  # fsrs State.Review
# An item is flagged only once this many students have answered it: one student's wrong
# answer makes facility 0% and "a wrong answer above the right one", which says nothing
# about the item (a class's quiz of 10 questions drawn from 200 gives most items one or
# two answers, and every one of them was flagged).
FLAG_MIN_STUDENTS = 5


@dataclass(frozen=True, slots=True)
class StudentRow:
    """One student's work on the report's packs."""

    student: str
    class_name: str
    answered: int  # items answered at least once
    answers: int  # answers in all, repeats and reviews included
    score: float | None  # mean score of the first answer to each item, 0 to 1
    seconds: float  # time spent answering, every answer
    mastered: int  # cards in review with a stability of MASTERED_DAYS or more
    due: int  # cards due now
    last_at: float | None  # the latest answer, epoch seconds


@dataclass(frozen=True, slots=True)
class ItemRow:
    """One item's statistics, over each student's first answer to it."""

    key: str
    pack_id: str
    item_id: str
    type: str  # mcq, true_false, ..., or "" for an item no longer in its pack
    prompt: str
    in_pack: bool
    students: int  # students who answered it (first answers)
    answers: int  # answers in all
    facility: float | None
    discrimination: float | None
    choices: list[ChoiceCount]
    flags: list[str]


@dataclass(frozen=True, slots=True)
class ClassReport:
    """Everything the report shows."""

    class_name: str | None  # None: every class in the store
    generated_at: float
    packs: list[str]
    mastered_days: float
    students: list[StudentRow]
    items: list[ItemRow]
    other_packs: dict[str, int]  # answers to packs not in the report, by pack id


def _first_answers(attempts: Sequence[Attempt]) -> dict[tuple[str, str, str], Attempt]:
    first: dict[tuple[str, str, str], Attempt] = {}
    for a in sorted(attempts, key=lambda a: (a.at, a.id)):
        first.setdefault((a.class_name, a.student, a.key), a)
    return first


def build_report(
    attempts: Sequence[Attempt],
    cards: Sequence[CardState],
    items: Mapping[str, tuple[Pack, Item]],
    pack_ids: Sequence[str],
    *,
    class_name: str | None = None,
    lang: str | None = None,
    now: float | None = None,
) -> ClassReport:
    """The report over the answers and cards of ``pack_ids``; ``items`` maps each key
    (``pack_id/item_id``) of those packs to its pack and item, in pack order."""
    now = time.time() if now is None else now
    wanted = set(pack_ids)
    other_packs: dict[str, int] = {}
    for a in attempts:
        if a.pack_id not in wanted:
            other_packs[a.pack_id] = other_packs.get(a.pack_id, 0) + 1
    attempts = [a for a in attempts if a.pack_id in wanted]
    cards = [c for c in cards if c.pack_id in wanted]
    first = _first_answers(attempts)
    scores: dict[tuple[str, str], dict[str, float]] = {}
    for (class_, student, key), a in first.items():
        scores.setdefault((class_, student), {})[key] = points(a.outcome)
    return ClassReport(
        class_name=class_name,
        generated_at=now,
        packs=list(pack_ids),
        mastered_days=MASTERED_DAYS,
        students=_students(attempts, cards, scores, now),
        items=_items(attempts, first, scores, items, lang),
        other_packs=dict(sorted(other_packs.items())),
    )


def _students(
    attempts: Sequence[Attempt],
    cards: Sequence[CardState],
    scores: Mapping[tuple[str, str], Mapping[str, float]],
    now: float,
) -> list[StudentRow]:
    mine: dict[tuple[str, str], list[Attempt]] = {}
    for a in attempts:
        mine.setdefault((a.class_name, a.student), []).append(a)
    held: dict[tuple[str, str], list[CardState]] = {}
    for c in cards:
        held.setdefault((c.class_name, c.student), []).append(c)
    rows = []
    for who in sorted(
        mine.keys() | held.keys(), key=lambda w: (w[0].casefold(), w[1].casefold(), w)
    ):
        answers = mine.get(who, [])
        active = [c for c in held.get(who, []) if c.active]
        firsts = list(scores.get(who, {}).values())
        rows.append(
            StudentRow(
                student=who[1],
                class_name=who[0],
                answered=len(firsts),
                answers=len(answers),
                score=facility_index(firsts),
                seconds=sum(a.duration for a in answers),
                mastered=sum(1 for c in active if _mastered(c)),
                due=sum(1 for c in active if c.due <= now),
                last_at=max((a.at for a in answers), default=None),
            )
        )
    return rows


def _mastered(card: CardState) -> bool:
    return card.state == REVIEW_STATE and (card.stability or 0.0) >= MASTERED_DAYS


def _items(
    attempts: Sequence[Attempt],
    first: Mapping[tuple[str, str, str], Attempt],
    scores: Mapping[tuple[str, str], Mapping[str, float]],
    items: Mapping[str, tuple[Pack, Item]],
    lang: str | None,
) -> list[ItemRow]:
    by_key: dict[str, list[Attempt]] = {}
    for a in first.values():
        by_key.setdefault(a.key, []).append(a)
    answers: dict[str, int] = {}
    for a in attempts:
        answers[a.key] = answers.get(a.key, 0) + 1
    order = {key: i for i, key in enumerate(items)}
    discriminations = discrimination_indexes(scores.values(), by_key)
    rows = []
    for key in sorted(by_key, key=lambda k: (k not in order, order.get(k, 0), k)):
        found = items.get(key)
        pack_id, _, item_id = key.partition("/")
        item = found[1] if found else None
        pack_lang = found[0].language if found else ""
        firsts = by_key[key]
        choices = tally(
            item, [(a.answer, a.outcome) for a in firsts], lang=lang, pack_lang=pack_lang
        )
        facility = facility_index([points(a.outcome) for a in firsts])
        discrimination = discriminations[key]
        right = [c.count for c in choices if c.kind == "answer"]
        wrong = [c.count for c in choices if c.kind == "distractor"]
        rows.append(
            ItemRow(
                key=key,
                pack_id=pack_id,
                item_id=item_id,
                type=item.type if item else "",
                prompt=item.prompt.get(lang, pack_lang) if item else "(no longer in the pack)",
                in_pack=item is not None,
                students=len(firsts),
                answers=answers.get(key, 0),
                facility=facility,
                discrimination=discrimination,
                choices=choices,
                flags=item_flags(facility, discrimination, sum(right) if item else None, wrong)
                if len(firsts) >= FLAG_MIN_STUDENTS
                else [],
            )
        )
    return rows
