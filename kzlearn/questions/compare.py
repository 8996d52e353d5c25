"""Comparing one typed text with one accepted text: outcomes, reasons and normal forms.

The base every grading rule builds on (kzlearn.questions.names, kzlearn.questions.lists): a
rule rewrites the texts, then asks :func:`text_match` about what is left.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kzlearn.language.dates import phrase_table
from kzlearn.language.numbers import parse_number, read_number
from kzlearn.language.text import STEPS, edit_distance_at_most_one, fold, normalize_basic
from kzlearn.questions.verdict import Outcome

__all__ = [
    "HEDGES",
    "VOWEL_SPELLING",
    "WRONG",
    "Match",
    "Outcome",
    "text_match",
    "wildcard",
    "wildcard_match",
]

_RANK: dict[Outcome, int] = {"wrong": 0, "nearly": 1, "correct": 2}


@dataclass(frozen=True, slots=True)
class Match:
    """The outcome of one comparison and its reason (None when there is nothing to say)."""

    outcome: Outcome
    reason: str | None

    def better(self, other: Match) -> Match:
        """The better of the two; the first on a tie."""
        return other if _RANK[other.outcome] > _RANK[self.outcome] else self

    def because(self, reason: str) -> Match:
        """This outcome, explained by the rule that led to it.

        A nearly keeps its own reason (the typo is what the student should hear about).
        """
        if self.outcome == "correct" or (self.outcome == "nearly" and self.reason is None):
            return Match(self.outcome, reason)
        return self

    def at_most_nearly(self, reason: str) -> Match:
        """Nearly for a correct match (a rule that only ever allows nearly)."""
        return Match("nearly", reason) if self.outcome == "correct" else self


WRONG = Match("wrong", None)
VOWEL_SPELLING = "long vowel spelling"


_LONG_VOWELS = frozenset("اوي")


def _one_typo(e: str, g: str) -> bool:
    """One letter off (or two neighbours swapped) in a word that is no number or month.

    Five letters or more; at four, only a long vowel written in (ملين as ميلين). Never when
    the typed text is itself a number or a month: one letter turns يونيو into يوليو and
    ثمانية into ثمانين (ثلاتين for ثلاثين is a typo).
    """
    if not edit_distance_at_most_one(e, g) or any(c.isdigit() for c in e):
        return False
    letters = sum(c.isalpha() for c in e)
    if letters < 4:
        return False
    if letters == 4 and not (
        len(g) == len(e) + 1
        and any(g[:i] + g[i + 1 :] == e for i, c in enumerate(g) if c in _LONG_VOWELS)
    ):
        return False
    return not _is_value(g)


def _vowel_spelling(e: str, g: str) -> bool:
    """One long vowel (ا و ي) written in, left out or swapped inside one long word.

    Names from other languages are written with or without their long vowels: نزارباييف
    and نزرباييف, تلوبردي and تلوبيردي, توكاييف and توكاياف. Only inside a word (never its
    first or last letter, where ي makes مغربي of مغرب) of five letters or more without ال.
    """
    e_words, g_words = e.split(), g.split()
    if len(e_words) != len(g_words):
        return False
    pairs = [(a, b) for a, b in zip(e_words, g_words, strict=True) if a != b]
    if len(pairs) != 1:
        return False
    a, b = pairs[0]
    if abs(len(a) - len(b)) > 1 or len(a.removeprefix("ال")) < 5 or not a.isalpha():
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        vowel = (
            len(diff) == 1
            and 0 < diff[0] < len(a) - 1
            and {a[diff[0]], b[diff[0]]} <= _LONG_VOWELS
        )
    else:  # written in or left out; a third letter in a row (ييي) is a typo, not a spelling
        short, long_ = (a, b) if len(a) < len(b) else (b, a)
        vowel = any(
            long_[:i] + long_[i + 1 :] == short and long_[i] * 3 not in long_
            for i in range(1, len(long_) - 1)
            if long_[i] in _LONG_VOWELS
        )
    return vowel and not _is_value(b)


# Words that make an answer two answers or none: "الصين أو فرنسا" is no typo of الصين وفرنسا.
HEDGES = frozenset(
    fold(w)
    for w in (
        "او أو ولا لا ليس ليست غير مش ماشي ما ربما يمكن ممكن لعل لكن ولكن بل إما اما "
        "or nor not no maybe perhaps possibly probably either but "
        "ou ni pas non peut-être peut probablement mais soit"
    ).split()
)


def _hedged(e: str, g: str) -> bool:
    """True when ``g`` holds a hedge or a denial that ``e`` does not."""
    return any(w in HEDGES for w in set(g.split()) - set(e.split()))


@functools.lru_cache(maxsize=1 << 12)
def _is_value(text: str) -> bool:
    return (
        (text,) in phrase_table()
        or read_number(text) is not None
        or parse_number(text) is not None
    )


def text_match(expected: str, given: str, lang: str | None) -> Match:
    """Compare two texts on their normal forms; the first step that made them equal is why."""
    e, g = normalize_basic(expected), normalize_basic(given)
    if not g:
        return WRONG
    if e == g:
        return Match("correct", None)
    folded_e, folded_g = fold(expected), fold(given)
    if folded_e != folded_g:  # no step makes them equal: only spaces or a typo are left
        if abs(len(folded_e) - len(folded_g)) <= 1 and _vowel_spelling(folded_e, folded_g):
            return Match("correct", VOWEL_SPELLING)
        e, g = folded_e.replace(" ", ""), folded_g.replace(" ", "")
        if e == g:
            return Match("correct", "ignored spaces")
        if abs(len(e) - len(g)) <= 1 and _one_typo(e, g) and not _hedged(folded_e, folded_g):
            return Match("nearly", "one letter off")
        return WRONG
    for step in STEPS:  # they match: find the first step that made them equal, the reason
        e, g = step.apply(e), step.apply(g)
        if e == g:
            if step.tier == "nearly" or (step.name == "ignored accents" and lang == "fr"):
                return Match("nearly", "accents" if lang == "fr" else step.name)
            return Match("correct", step.name)
    return Match("correct", "ignored spaces")


_STAR = re.compile(r"(?<!\\)\*")


def wildcard(answer: str) -> bool:
    """True when ``answer`` is a pattern: it holds a ``*`` that is not written ``\\*``."""
    return "*" in answer and _STAR.search(answer) is not None


@functools.lru_cache(maxsize=1 << 10)
def _pieces(answer: str) -> tuple[str, ...]:
    # The pieces keep their edge spaces: "Mozart *" wants a space after Mozart.
    return tuple(normalize_basic(f"x{p}x")[1:-1].replace("\\*", "*") for p in _STAR.split(answer))


def wildcard_match(answer: str, given: str) -> bool:
    """Moodle's short-answer wildcard: ``*`` stands for any text (none too), the rest is
    compared without case; ``\\*`` is a star itself.

    Matched piece by piece, each at its first place after the one before (no regular
    expression: a pattern of many stars never backtracks).
    """
    first, *middle, last = _pieces(answer)
    text = normalize_basic(given)
    end = len(text) - len(last)
    if end < len(first) or not text.startswith(first) or not text.endswith(last):
        return False
    at = len(first)
    for piece in middle:
        found = text.find(piece, at, end)
        if found < 0:
            return False
        at = found + len(piece)
    return True
