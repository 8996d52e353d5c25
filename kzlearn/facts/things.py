"""Places, organisations, documents and bracketed names, by the words that introduce them
(مدينة X, مدينتي X وY, منظمة …, معاهدة …) or by a list of city names.
"""

from __future__ import annotations

import bisect
import re

from kzlearn.facts.clauses import looks_like_verb
from kzlearn.facts.lexicon import (
    CITIES,
    ENDERS,
    HEADS,
    NAMED_ORGS,
    STOP,
)
from kzlearn.facts.names import Entity, Word, definite, forms, make_entity, name_at, name_like
from kzlearn.language.text import fold

__all__ = ["organisations", "parenthesised", "places"]

_ORG_FIRST_WORDS = frozenset(name[0] for name in NAMED_ORGS)


def places(sentence: str, words: list[Word]) -> list[Entity]:
    found: list[Entity] = []
    city, capital, cities = fold("مدينة"), fold("العاصمة"), fold("مدينتي")
    for i, w in enumerate(words):
        for key, strip in forms(w):
            two = f"{key} {words[i + 1].key}" if i + 1 < len(words) else ""
            if two in CITIES or key in CITIES:
                size, name = (2, two) if two in CITIES else (1, key)
                found.append(
                    make_entity(
                        sentence,
                        words,
                        (i, size, strip),
                        "place",
                        group="city",
                        side=CITIES[name],
                    )
                )
                break
            if key in (city, capital) and i + 1 < len(words) and name_at(words, i + 1):
                side = CITIES.get(words[i + 1].key)
                found.append(
                    make_entity(sentence, words, (i + 1, 1, 0), "place", group="city", side=side)
                )
                break
            if key == cities and i + 2 < len(words):
                side = CITIES.get(words[i + 1].key)
                found.append(
                    make_entity(sentence, words, (i + 1, 1, 0), "place", group="city", side=side)
                )
                second = words[i + 2]
                cut = 1 if second.key[0] == "و" and len(second.key) > 3 else 0
                side = CITIES.get(second.key[cut:])
                found.append(
                    make_entity(sentence, words, (i + 2, 1, cut), "place", group="city", side=side)
                )
                break
    return found


def organisations(sentence: str, words: list[Word]) -> list[Entity]:
    found: list[Entity] = []
    for i, w in enumerate(words):
        for key, strip in forms(w):
            named = None
            if key in _ORG_FIRST_WORDS:
                named = next(
                    (
                        size
                        for size in (3, 2, 1)
                        if (key, *(x.key for x in words[i + 1 : i + size])) in NAMED_ORGS
                    ),
                    None,
                )
            if named is not None:
                group = NAMED_ORGS[(key, *(x.key for x in words[i + 1 : i + named]))]
                found.append(
                    make_entity(sentence, words, (i, named, strip), "organisation", group=group)
                )
                break
            if key not in HEADS:
                continue
            category, group = HEADS[key]
            n = _name_after_head(words, i)
            if n >= 2:
                found.append(make_entity(sentence, words, (i, n, strip), category, group=group))
            break
    return found


def _name_after_head(words: list[Word], i: int) -> int:
    """How many words from ``i`` (منظمة, معاهدة …) make the name it heads."""
    n = 1
    while i + n < len(words) and n < 6 and words[i + n].clause == words[i].clause:
        nxt = words[i + n]
        if nxt.key in STOP or nxt.key in ENDERS or looks_like_verb(nxt.text):
            break
        if nxt.key[0] == "ب" and not nxt.key.startswith("بال"):
            break  # بتوقيع: the name has ended
        if nxt.key[0] == "ل" and not nxt.key.startswith("لل") and n > 1:
            break
        if nxt.key[0] == "و" and n > 1:
            break  # منظمة الأمم المتحدة وبعض …
        n += 1
    return n


def parenthesised(sentence: str, words: list[Word]) -> list[Entity]:
    """«اللقاح الكازاخستاني (قازفاك)»: a name of one or two words in brackets after a noun."""
    found: list[Entity] = []
    starts = [w.start for w in words]
    for match in re.finditer(r"\(([^()]{2,40})\)", sentence):
        at = bisect.bisect_left(starts, match.start())
        inner = words[at : bisect.bisect_left(starts, match.end())]
        if not 1 <= len(inner) <= 2 or any(not name_like(w, None) for w in inner):
            continue
        before = words[max(0, at - 3) : at]
        while before and not definite(before[0].key):
            before = before[1:]  # بإطلاق اللقاح الكازاخستاني: the noun phrase is اللقاح …
        role = sentence[before[0].start : before[-1].end] if before else None
        found.append(
            Entity("other", match.group(1).strip(), inner[0].start, inner[-1].end, role=role)
        )
    return found
