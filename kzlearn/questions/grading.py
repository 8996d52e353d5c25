"""Grading: is a student's answer correct, nearly right, or wrong, and why.

Text answers are compared on normal forms (kzlearn.language.text): formatting, diacritics, tatweel,
Persian letter forms and hamza/alef spellings count as correct, hamza seats as nearly at
most, one typo in a name of six letters or more as nearly. Numbers and dates are parsed to
values and compared as values: never fuzzily (1991 is one keystroke from 1992).

What a fair teacher also accepts, each with its reason: titles, generic words and ال around
a name, a family name alone (kzlearn.questions.names); several things in any order
(kzlearn.questions.lists); ordinals and counted numbers (kzlearn.language.numbers); seasons,
two-digit years, month-first dates and dates without their year (date_grading).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from typing import Literal

from kzlearn.language.dates import parse_date
from kzlearn.language.numbers import format_number, parse_decimal, parse_number, read_number
from kzlearn.language.text import fold, has_arabic, normalize_basic
from kzlearn.localized import Localized
from kzlearn.models import (
    ClozeItem,
    FlashcardItem,
    Item,
    MatchItem,
    McqItem,
    MultiItem,
    OrderItem,
    ShortItem,
    TrueFalseItem,
)
from kzlearn.questions.choices import mcq_verdict, multi_verdict
from kzlearn.questions.compare import (
    VOWEL_SPELLING,
    WRONG,
    Outcome,
    text_match,
    wildcard,
    wildcard_match,
)
from kzlearn.questions.date_grading import date_match
from kzlearn.questions.lists import list_match
from kzlearn.questions.names import (
    NO_CONTEXT,
    Context,
    context_words,
    described_match,
    may_describe,
    name_match,
    part_match,
)
from kzlearn.questions.number_grading import number_match
from kzlearn.questions.self_graded import grade_flashcard
from kzlearn.questions.verdict import Verdict

__all__ = [
    "Kind",
    "Outcome",
    "Verdict",
    "answers_match",
    "blank_kind",
    "correct_response",
    "grade",
    "match_answer",
]

Kind = Literal["text", "number", "date"]
MAX_ANSWER = 2000  # longer answers are cut before comparing: no answer is that long
# Compared folded, so صحيحاً, صحيحة and خاطئة need no separate spelling.
_TRUE = (
    "true,t,yes,y,right,correct,صح,صحيح,صحيحة,صواب,ص,نعم,vrai,v,oui,juste,exact,1,"
    "not false,not wrong,ليس خطأ,ليس خطا,ليست خاطئة,غير خاطئ,غير خاطئة,مش غلط,ماشي غلط,"
    "مش خطأ,ماشي خطأ,pas faux,ايه,إيه,اه,آه,ايوه,أيوه,ايه صحيح,إيه صحيح,اه صحيح"
).split(",")
# ايه, اه, ايوه: colloquial "yes". خطء: خطأ with its hamza on the line, a common spelling.
# مش and ماشي: colloquial "not".
_FALSE = (
    "false,f,no,n,wrong,incorrect,not true,not correct,خطأ,خطء,خطا,خاطئ,خاطئة,خاطيء,غلط,خ,لا,"
    "ليس صحيحا,ليس صحيح,ليست صحيحة,غير صحيح,غير صحيحة,مش صحيح,ماشي صحيح,مش صح,ماشي صح,"
    "faux,non,pas vrai,0"
).split(",")
# What may follow the word that answers, to explain it: "خطأ لأن ..." / "false, because ...".
_BECAUSE = "لأن,لان,لانه,لأنه,لأنها,because,since,as,car,parce,puisque".split(",")


def match_answer(
    expected: Iterable[str],
    given: str,
    *,
    lang: str | None,
    kind: Kind = "text",
    person: bool = False,
    context: Context = NO_CONTEXT,
    tolerance: float | None = None,
) -> tuple[Outcome, str | None]:
    """Grade ``given`` against every accepted answer; the best outcome wins.

    ``kind`` says how the first accepted answer is read: as text, a number or a date. The
    other accepted answers are always compared as text too (a pack's ``accept`` list).
    ``person`` says the answer is a person's name: a family name alone is then accepted
    even where the name does not look like one. ``context`` holds the words of the question
    and its source (:func:`kzlearn.questions.names.context_words`): an answer may repeat
    them around the right answer to describe it ("نزارباييف رئيس كازاخستان الأول").
    ``tolerance`` (numbers) says how far from the first answer is still right.
    """
    given = given[:MAX_ANSWER]
    if not normalize_basic(given):
        return "wrong", "no answer"
    best = WRONG
    texts: list[tuple[str, str | None]] = []
    for i, answer in enumerate(expected):
        if wildcard(answer):
            if wildcard_match(answer, given):
                return "correct", None
            continue
        if i == 0 and kind == "number":
            best = best.better(number_match(answer, given, tolerance))
            if tolerance is not None:
                continue  # a value: "1.250" is never the text "1250"
        elif i == 0 and kind == "date":
            parsed = parse_date(answer)
            if parsed is not None:
                best = best.better(date_match(parsed.value, given))
        variant_lang = "ar" if has_arabic(answer) else lang
        plain = text_match(answer, given, variant_lang)
        if plain.outcome == "correct" and plain.reason is None:
            return "correct", None  # written as one of the answers: nothing to say
        best = best.better(plain)
        if i > 0 or kind == "text":
            texts.append((answer, variant_lang))
    # A long vowel spelled another way is correct, but a name rule says better why.
    weak = best.outcome != "correct" or best.reason == VOWEL_SPELLING
    describes = weak and may_describe(given, context)
    for answer, variant_lang in texts if weak else ():
        named = name_match(answer, given, variant_lang, person=person)
        best = named if named.outcome == "correct" else best.better(named)
        best = best.better(list_match(answer, given, variant_lang))
        if best.outcome != "correct" and describes:
            best = best.better(described_match(answer, given, variant_lang, context))
        if best.outcome == "wrong":
            best = part_match(answer, given)
        if best.outcome == "correct":
            break
    return best.outcome, best.reason


def answers_match(
    expected: str, given: str, *, lang: str, kind: Kind = "text", person: bool = False
) -> bool:
    """True when ``given`` is a correct answer for ``expected`` (never for nearly)."""
    return match_answer([expected], given, lang=lang, kind=kind, person=person)[0] == "correct"


def _texts(value: Localized, lang: str | None) -> list[str]:
    first = value.get(lang, lang or "")
    return [first, *(t for t in value.values() if t != first)]


def _short(item: ShortItem, response: object, lang: str | None) -> Verdict:
    answers = [*_texts(item.answer, lang), *item.accept]
    expected = answers[0]
    number = item.grade_as == "number"
    if item.grade_as == "date":
        parsed = parse_date(expected)
        expected = parsed.value.display(lang or "en") if parsed else expected
    elif number:
        value = parse_decimal(expected)
        expected = format_number(value) if value is not None else expected
        if item.tolerance:
            expected += f" ± {format_number(item.tolerance)}"
    kind: Kind = "text" if item.grade_as == "name" else item.grade_as
    quote = item.evidence.quote.values() if item.evidence else ()
    typed = str(response or "")
    context = context_words(tuple(item.prompt.values()), tuple(quote))
    outcome, reason = match_answer(
        answers,
        typed,
        lang=lang,
        kind=kind,
        person=item.grade_as == "name",
        context=context,
        tolerance=(item.tolerance or 0.0) if number else None,
    )
    if outcome == "correct" or not item.partial:
        return Verdict(outcome, expected, reason)
    for part in sorted(item.partial, key=lambda p: -p.weight):  # the best share first
        tolerance = (part.tolerance or 0.0) if number else part.tolerance
        got, _ = match_answer(
            [part.answer],
            typed,
            lang=lang,
            kind="number" if tolerance is not None else kind,
            context=context,
            tolerance=tolerance,
        )
        if got == "correct":
            return Verdict("nearly", expected, "partly right", part.weight / 100)
    return Verdict(outcome, expected, reason)


def blank_kind(answer: str) -> Kind:
    """How a cloze blank whose first answer is ``answer`` is graded."""
    if parse_date(answer) is not None and any(c.isdigit() for c in answer):
        return "date"
    if parse_number(answer) is not None or read_number(answer) is not None:
        return "number"
    return "text"


def _cloze(item: ClozeItem, response: object, lang: str | None) -> Verdict:
    blanks = item.blanks(lang, lang or "")
    given = [response] if isinstance(response, str) else list(response or [])  # type: ignore[call-overload]
    given += [""] * (len(blanks) - len(given))
    outcomes: list[Outcome] = []
    reasons: list[str] = []
    for i, (answers, typed) in enumerate(zip(blanks, given, strict=False)):
        outcome, reason = match_answer(answers, str(typed), lang=lang, kind=blank_kind(answers[0]))
        if outcome == "wrong" and _swapped(blanks, [str(t) for t in given], i, lang):
            outcome, reason = "nearly", "blanks swapped"
        outcomes.append(outcome)
        if reason and reason != "no answer":
            reasons.append(reason)
    expected = " · ".join(b[0] for b in blanks)
    if all(o == "correct" for o in outcomes):
        overall: Outcome = "correct"
    elif outcomes.count("wrong") == 0 or (len(outcomes) > 1 and outcomes.count("wrong") == 1):
        overall = "nearly"  # one wrong blank out of two or more, like one wrong pair
    else:
        overall = "wrong"
    right = outcomes.count("correct")
    reason = None
    if "wrong" in outcomes and len(blanks) > 1:  # else each blank's reason says what is off
        reason = f"{right} of {len(blanks)} blanks"
        if "blanks swapped" in reasons:
            reason += ", blanks swapped"
    return Verdict(overall, expected, reason or (", ".join(dict.fromkeys(reasons)) or None))


def _swapped(blanks: Sequence[Sequence[str]], given: list[str], i: int, lang: str | None) -> bool:
    """True when blank ``i`` and another hold each other's answers (typos aside)."""

    def fits(blank: int, typed: str) -> bool:
        return any(text_match(a, typed, lang).outcome != "wrong" for a in blanks[blank])

    return any(j != i and fits(j, given[i]) and fits(i, given[j]) for j in range(len(blanks)))


def _true_false(item: TrueFalseItem, response: object, lang: str | None) -> Verdict:
    expected = _TF_WORDS.get(lang or "en", _TF_WORDS["en"])[item.answer]
    if isinstance(response, bool):
        value: bool | None = response
    else:
        value = _truth_value(str(response or "")[:MAX_ANSWER])
    if value is None:
        return Verdict("wrong", expected, "answer true or false")
    return Verdict("correct" if value == item.answer else "wrong", expected)


@functools.cache
def _truth_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    return (
        frozenset(map(fold, _TRUE)),
        frozenset(map(fold, _FALSE)),
        frozenset(map(fold, _BECAUSE)),
    )


def _truth_value(text: str) -> bool | None:
    """True, False, or None when ``text`` does not say one of them (or says both).

    The whole answer must be words for true or false ("نعم صحيح"), or such words followed
    by an explanation that starts with "because": "خطأ لأن ...".
    """
    words = fold(text).split()
    return _truth_of(words) if words else None


def _truth_of(words: list[str]) -> bool | None:
    truth, falsity, because = _truth_words()
    for size in range(min(3, len(words)), 0, -1):
        head = " ".join(words[:size])
        value = True if head in truth else False if head in falsity else None
        if value is None:
            continue
        rest = words[size:]
        if not rest or rest[0] in because or _truth_of(rest) is value:
            return value
    return None


_TF_WORDS = {
    "en": {True: "true", False: "false"},
    "ar": {True: "صح", False: "خطأ"},
    "fr": {True: "vrai", False: "faux"},
}


def _positions(response: object, size: int) -> list[int] | None:
    if isinstance(response, dict):
        response = [response.get(i, -1) for i in range(size)]
    if not isinstance(response, Sequence) or isinstance(response, str):
        return None
    try:
        return [int(x) for x in response]
    except (TypeError, ValueError):
        return None


def _order(item: OrderItem, response: object, lang: str | None) -> Verdict:
    n = len(item.sequence)
    expected = " → ".join(e.get(lang, lang or "") for e in item.sequence)
    order = _positions(response, n)
    if order is None or sorted(order) != list(range(n)):
        return Verdict("wrong", expected, "put every entry in order once")
    if order == list(range(n)):
        return Verdict("correct", expected)
    swaps = sum(1 for a in range(n) for b in range(a + 1, n) if order[a] > order[b])
    if swaps == 1 and n >= 3:
        return Verdict("nearly", expected, "two neighbours swapped")
    return Verdict("wrong", expected, f"{sum(order[i] == i for i in range(n))} of {n} in place")


def _match(item: MatchItem, response: object, lang: str | None) -> Verdict:
    n = len(item.pairs)
    expected = "; ".join(
        f"{p.left.get(lang, lang or '')} — {p.right.get(lang, lang or '')}" for p in item.pairs
    )
    chosen = _positions(response, n)
    if chosen is None or len(chosen) != n:
        return Verdict("wrong", expected, "match every entry")
    right = sum(chosen[i] == i for i in range(n))
    if right == n:
        return Verdict("correct", expected)
    if n >= 4 and right >= n - 2:
        return Verdict("nearly", expected, f"{right} of {n} pairs")
    return Verdict("wrong", expected, f"{right} of {n} pairs")


def grade(item: Item, response: object, *, lang: str | None = None) -> Verdict:
    """Grade a student's ``response`` to ``item``; ``lang`` is the display language.

    Responses: mcq, the index of a choice (or its text); true_false, a bool (or a word
    such as true, صح, vrai); short, the text typed; cloze, one text per blank (or a text for
    a single blank); order, the indexes of ``item.sequence`` in the order the student put
    them; match, for each left entry the index of the pair whose right entry was chosen;
    multi, the indexes of the choices picked (or their texts).
    flashcard, True or False (the student knew it or not) or a review's rating 1-4.
    Never raises for any response.
    """
    if isinstance(item, McqItem):
        return mcq_verdict(item, response, lang)
    if isinstance(item, TrueFalseItem):
        return _true_false(item, response, lang)
    if isinstance(item, ShortItem):
        return _short(item, response, lang)
    if isinstance(item, ClozeItem):
        return _cloze(item, response, lang)
    if isinstance(item, OrderItem):
        return _order(item, response, lang)
    if isinstance(item, MultiItem):
        return multi_verdict(item, response, lang)
    if isinstance(item, FlashcardItem):
        return grade_flashcard(item, response, lang)
    return _match(item, response, lang)


def correct_response(item: Item, lang: str | None = None) -> object:
    """A response that :func:`grade` marks correct: the model answer of ``item``."""
    if isinstance(item, McqItem):
        return item.answer_index
    if isinstance(item, TrueFalseItem):
        return item.answer
    if isinstance(item, ShortItem):
        return item.answer.get(lang, lang or "")
    if isinstance(item, ClozeItem):
        return [b[0] for b in item.blanks(lang, lang or "")]
    if isinstance(item, OrderItem):
        return list(range(len(item.sequence)))
    if isinstance(item, MultiItem):
        return list(item.answer_indexes)
    if isinstance(item, FlashcardItem):
        return True
    return list(range(len(item.pairs)))
