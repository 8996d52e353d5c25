"""What drafting entities works on: the words of a sentence with their offsets and clause,
and the tests of whether a word can be part of a name.

Every entity carries the offsets of its name in the sentence, so evidence stays verbatim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kzlearn.facts.clauses import looks_like_verb
from kzlearn.facts.lexicon import (
    CITIES,
    COMPOUND,
    COUNTRIES,
    HONORIFICS,
    ROLES,
    STOP,
    TITLES_F,
    TITLES_M,
)

__all__ = [
    "WORD",
    "Entity",
    "Word",
    "bare",
    "definite",
    "forms",
    "make_entity",
    "name_at",
    "name_like",
]

WORD = re.compile(r"\d+|(?:[^\W\d]|[\u064b-\u065f\u0670])+")  # as clauses.py


@dataclass(frozen=True, slots=True)
class Entity:
    """A name found in a sentence, with what the words around it say of it."""

    category: str
    name: str
    start: int  # offsets of the name in the sentence
    end: int
    group: str | None = None
    role: str | None = None
    gender: str | None = None
    side: str | None = None
    around: tuple[int, int] | None = None  # the name with its role, for evidence


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    key: str  # folded
    start: int
    end: int
    clause: int


def bare(key: str) -> str:
    """The word without a leading و, ب or ل (لمدينة → مدينة; بالرباط → الرباط)."""
    if len(key) > 3 and key[0] in "وبلف":
        return key[1:]
    return key


def name_like(w: Word, previous: Word | None) -> bool:
    if w.key in STOP or w.key in ROLES or w.key in HONORIFICS or w.key[:1].isdigit():
        return False
    if w.key in TITLES_M or w.key in TITLES_F or looks_like_verb(w.text, guess=False):
        return False
    if w.key.startswith(("ال", "بال", "لل", "وال", "فال", "كال")):
        return previous is not None and previous.key in COMPOUND
    return not (w.key[0] in "بل" and bare(w.key) in COUNTRIES | CITIES.keys())


def name_at(words: list[Word], i: int) -> int:
    """How many words from ``i`` make a name (at most four, within one clause)."""
    n = 0
    while i + n < len(words) and n < 4 and words[i + n].clause == words[i].clause:
        if not name_like(words[i + n], words[i + n - 1] if n else None):
            break
        n += 1
    return n if n <= 3 or words[i].key in COMPOUND else 3


def definite(key: str) -> bool:
    return key.startswith(("ال", "بال", "لل", "وال"))


def forms(w: Word) -> list[tuple[str, int]]:
    """The word as written and without a one-letter prefix (بالرباط → الرباط), with how
    many letters were taken off."""
    forms = [(w.key, 0)]
    if len(w.key) > 3 and w.key[0] in "وبلف":
        forms.append((w.key[1:], 1))
    return forms


def make_entity(
    sentence: str,
    words: list[Word],
    where: tuple[int, int, int],
    category: str,
    *,
    group: str | None = None,
    side: str | None = None,
) -> Entity:
    """The entity of ``n`` words from ``i``, less ``strip`` letters of prefix (لمدينة)."""
    i, n, strip = where
    start, end = words[i].start + strip, words[i + n - 1].end
    return Entity(category, sentence[start:end], start, end, group=group, side=side)
