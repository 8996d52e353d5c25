"""Draft entities from Arabic text: people by their titles and offices, places, organisations
and documents by the words that introduce them.

Word lists, not a trained model: a draft is for a teacher to check, and these patterns are
how Arabic news writing names people («السيد X عمدة مدينة Y», «سفيرة X السيدة Y»).
Every entity carries the offsets of its name in the sentence, so evidence stays verbatim.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from kzlearn.facts.clauses import Clause, clauses, looks_like_verb
from kzlearn.facts.lexicon import (
    CITIES,
    COMPOUND,
    COUNTRIES,
    ENDERS,
    HEADS,
    HONORIFICS,
    NAMED_ORGS,
    ROLES,
    SIDES,
    STOP,
    TITLES_F,
    TITLES_M,
)
from kzlearn.language.text import fold

__all__ = ["Entity", "entities"]

_ORG_FIRST_WORDS = frozenset(name[0] for name in NAMED_ORGS)

_WORD = re.compile(r"\d+|(?:[^\W\d]|[\u064b-\u065f\u0670])+")  # as clauses.py


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
class _W:
    text: str
    key: str  # folded
    start: int
    end: int
    clause: int


def _bare(key: str) -> str:
    """The word without a leading و, ب or ل (لمدينة → مدينة; بالرباط → الرباط)."""
    if len(key) > 3 and key[0] in "وبلف":
        return key[1:]
    return key


def _name_like(w: _W, previous: _W | None) -> bool:
    if w.key in STOP or w.key in ROLES or w.key in HONORIFICS or w.key[:1].isdigit():
        return False
    if w.key in TITLES_M or w.key in TITLES_F or looks_like_verb(w.text, guess=False):
        return False
    if w.key.startswith(("ال", "بال", "لل", "وال", "فال", "كال")):
        return previous is not None and previous.key in COMPOUND
    return not (w.key[0] in "بل" and _bare(w.key) in COUNTRIES | CITIES.keys())


def _name_at(words: list[_W], i: int) -> int:
    """How many words from ``i`` make a name (at most four, within one clause)."""
    n = 0
    while i + n < len(words) and n < 4 and words[i + n].clause == words[i].clause:
        if not _name_like(words[i + n], words[i + n - 1] if n else None):
            break
        n += 1
    return n if n <= 3 or words[i].key in COMPOUND else 3


def _role_after(words: list[_W], i: int, limit: int = 7) -> int:
    """How many words from ``i`` (a role word) make the role phrase."""
    n = 1
    while i + n < len(words) and n < limit and words[i + n].clause == words[i].clause:
        w = words[i + n]
        if w.key in STOP or w.key in TITLES_M or w.key in TITLES_F or w.key in ENDERS:
            break
        if looks_like_verb(w.text) or w.key in HONORIFICS:
            break
        if (
            w.key[0] in "بل"
            and not w.key.startswith(("بال", "لل"))
            and w.key not in ROLES
            and _bare(w.key) not in COUNTRIES
        ):
            break  # بزيارة, لمدينة: the role has ended
        if _definite(words[i + n - 1].key) and not _definite(w.key) and w.key not in ROLES:
            break  # وزير الخارجية المغربي | نظيره: a bare word after a definite one
        n += 1
    return n


def _side(words: list[_W], i: int, n: int) -> str | None:
    """The first country an office names (وزير خارجية المغرب → morocco), or its city's."""
    for w in words[i : i + n]:
        for key, _strip in _forms(w):
            if key in SIDES:
                return SIDES[key]
            if CITIES.get(key):
                return CITIES[key]  # عمدة مدينة مكناس: the city's country
    return None


def _definite(key: str) -> bool:
    return key.startswith(("ال", "بال", "لل", "وال"))


def _group(words: list[_W], i: int, n: int) -> tuple[str | None, str | None]:
    keys = [w.key for w in words[i : i + n]]
    group, gender = ROLES.get(keys[0], (None, None))
    foreign = any("خارجي" in k for k in keys)
    minister = any(ROLES.get(k, ("",))[0] == "minister" for k in keys)
    if minister:
        deputy = (
            keys[0] in (fold("نائب"), fold("نائبة"))
            and ROLES.get(keys[1:2][0] if n > 1 else "", ("",))[0] == "minister"
        )
        group = ("deputy-" if deputy else "") + ("foreign-minister" if foreign else "minister")
    elif group == "head" and any(k.endswith(fold("جمهورية")) or k == fold("الدولة") for k in keys):
        group = "head-of-state"
    return group, gender


def _text(sentence: str, words: list[_W], i: int, n: int, strip: bool = False) -> str:
    start = words[i].start + (1 if strip else 0)
    return sentence[start : words[i + n - 1].end]


def _people(sentence: str, words: list[_W], bounds: list[Clause]) -> list[Entity]:
    found: list[Entity] = []
    i = 0
    while i < len(words):
        w = words[i]
        title = w.key in TITLES_M or w.key in TITLES_F
        role_first = w.key in ROLES and ROLES[w.key][0] in ("head-of-state",)
        if not (title or role_first):
            i += 1
            continue
        at = i + 1
        if role_first:  # الرئيس الأول لكازاخستان نور سلطان نزارباييف
            while at < len(words) and words[at].clause == w.clause and at - i < 4:
                nxt = words[at]
                if nxt.key.startswith(("ال", "لل")) and nxt.key not in ENDERS:
                    at += 1
                elif nxt.key[0] == "ل" and _bare(nxt.key) in COUNTRIES:
                    at += 1
                else:
                    break
        n = _name_at(words, at)
        if n < (1 if title else 2):
            i += 1
            continue
        gender = "f" if w.key in TITLES_F else ("m" if w.key in TITLES_M else None)
        role_at, role_n = _role_span(words, i, at, n, role_first)
        group = role = None
        start, end = words[at].start, words[at + n - 1].end
        around = (start, end)
        if role_n:
            group, role_gender = _group(words, role_at, role_n)
            gender = gender or role_gender
            role = _text(sentence, words, role_at, role_n)
            role_end = words[role_at + role_n - 1].end
            around = (min(start, words[role_at].start), max(end, role_end))
        found.append(
            Entity(
                "person",
                sentence[start:end],
                start,
                end,
                group=group,
                role=role,
                side=_side(words, role_at, role_n) if role_n else None,
                gender=gender,
                around=around,
            )
        )
        i = at + n
    return found + _named_after_role(sentence, words)


def _role_span(words: list[_W], i: int, at: int, n: int, role_first: bool) -> tuple[int, int]:
    """Where the role of the person named at ``at`` is: after the name, between the role
    word and the name, or in the clause before it («وزير الخارجية …، السيد X»)."""
    if role_first:
        return i, at - i
    after = at + n
    while after < len(words) and words[after].key in HONORIFICS:
        after += 1
    if (
        after < len(words)
        and words[after].clause == words[at].clause
        and (words[after].key in ROLES or _bare(words[after].key) in ROLES)
    ):
        return after, _role_after(words, after)
    for back in range(i - 1, max(-1, i - 12), -1):
        if words[back].clause < words[i].clause - 1:
            break
        if words[back].key in ROLES:  # the role starts at the clause's first office word
            first = k = back
            while k > 0 and words[k - 1].clause == words[back].clause and back - k < 10:
                k -= 1
                first = k if words[k].key in ROLES else first
            end = i if words[back].clause == words[i].clause else _clause_end(words, back)
            return first, end - first
    return 0, 0


def _clause_end(words: list[_W], i: int) -> int:
    clause = words[i].clause
    while i < len(words) and words[i].clause == clause:
        i += 1
    return i


def _named_after_role(sentence: str, words: list[_W]) -> list[Entity]:
    """«وزير الشؤون الخارجية …، ناصر بوريطة، يوم …»: a clause of two or three name words
    right after a clause that opens with an office."""
    found: list[Entity] = []
    for i, w in enumerate(words):
        if i == 0 or w.clause == words[i - 1].clause:
            continue
        n = _name_at(words, i)
        ends = i + n >= len(words) or words[i + n].clause != w.clause
        if not 2 <= n <= 3 or not ends:
            continue
        first = (
            next((k for k in range(i - 1, -1, -1) if words[k].clause != words[i - 1].clause), -1)
            + 1
        )
        role_at = next((k for k in range(first, i) if words[k].key in ROLES), None)
        if role_at is None or i - role_at > 10:
            continue
        group, gender = _group(words, role_at, i - role_at)
        found.append(
            Entity(
                "person",
                _text(sentence, words, i, n),
                w.start,
                words[i + n - 1].end,
                group=group,
                role=_text(sentence, words, role_at, i - role_at),
                side=_side(words, role_at, i - role_at),
                gender=gender,
                around=(words[role_at].start, words[i + n - 1].end),
            )
        )
    return found


def _forms(w: _W) -> list[tuple[str, int]]:
    """The word as written and without a one-letter prefix (بالرباط → الرباط), with how
    many letters were taken off."""
    forms = [(w.key, 0)]
    if len(w.key) > 3 and w.key[0] in "وبلف":
        forms.append((w.key[1:], 1))
    return forms


def _entity(
    sentence: str,
    words: list[_W],
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


def _places(sentence: str, words: list[_W]) -> list[Entity]:
    found: list[Entity] = []
    city, capital, cities = fold("مدينة"), fold("العاصمة"), fold("مدينتي")
    for i, w in enumerate(words):
        for key, strip in _forms(w):
            two = f"{key} {words[i + 1].key}" if i + 1 < len(words) else ""
            if two in CITIES or key in CITIES:
                size, name = (2, two) if two in CITIES else (1, key)
                found.append(
                    _entity(
                        sentence,
                        words,
                        (i, size, strip),
                        "place",
                        group="city",
                        side=CITIES[name],
                    )
                )
                break
            if key in (city, capital) and i + 1 < len(words) and _name_at(words, i + 1):
                side = CITIES.get(words[i + 1].key)
                found.append(
                    _entity(sentence, words, (i + 1, 1, 0), "place", group="city", side=side)
                )
                break
            if key == cities and i + 2 < len(words):
                side = CITIES.get(words[i + 1].key)
                found.append(
                    _entity(sentence, words, (i + 1, 1, 0), "place", group="city", side=side)
                )
                second = words[i + 2]
                cut = 1 if second.key[0] == "و" and len(second.key) > 3 else 0
                side = CITIES.get(second.key[cut:])
                found.append(
                    _entity(sentence, words, (i + 2, 1, cut), "place", group="city", side=side)
                )
                break
    return found


def _organisations(sentence: str, words: list[_W]) -> list[Entity]:
    found: list[Entity] = []
    for i, w in enumerate(words):
        for key, strip in _forms(w):
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
                    _entity(sentence, words, (i, named, strip), "organisation", group=group)
                )
                break
            if key not in HEADS:
                continue
            category, group = HEADS[key]
            n = _name_after_head(words, i)
            if n >= 2:
                found.append(_entity(sentence, words, (i, n, strip), category, group=group))
            break
    return found


def _name_after_head(words: list[_W], i: int) -> int:
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


def _parenthesised(sentence: str, words: list[_W]) -> list[Entity]:
    """«اللقاح الكازاخستاني (قازفاك)»: a name of one or two words in brackets after a noun."""
    found: list[Entity] = []
    starts = [w.start for w in words]
    for match in re.finditer(r"\(([^()]{2,40})\)", sentence):
        at = bisect.bisect_left(starts, match.start())
        inner = words[at : bisect.bisect_left(starts, match.end())]
        if not 1 <= len(inner) <= 2 or any(not _name_like(w, None) for w in inner):
            continue
        before = words[max(0, at - 3) : at]
        while before and not _definite(before[0].key):
            before = before[1:]  # بإطلاق اللقاح الكازاخستاني: the noun phrase is اللقاح …
        role = sentence[before[0].start : before[-1].end] if before else None
        found.append(
            Entity("other", match.group(1).strip(), inner[0].start, inner[-1].end, role=role)
        )
    return found


def entities(sentence: str) -> list[Entity]:
    """The people, places, organisations and documents named in ``sentence``, in order."""
    bounds = clauses(sentence)
    words: list[_W] = []
    at = 0
    for m in _WORD.finditer(sentence):
        while at + 1 < len(bounds) and bounds[at + 1][0] <= m.start():
            at += 1  # offsets only grow: one walk over the clauses, never a search per word
        words.append(_W(m.group(), fold(m.group()), m.start(), m.end(), at))
    found = _people(sentence, words, bounds)
    found += _places(sentence, words)
    found += _organisations(sentence, words)
    found += _parenthesised(sentence, words)
    taken: list[tuple[int, int]] = []
    kept: list[Entity] = []
    for entity in sorted(found, key=lambda e: (e.start, -(e.end - e.start))):
        if any(a < entity.end and entity.start < b for a, b in taken):
            continue  # a name inside another: منظمة الأمم المتحدة holds الأمم المتحدة
        taken.append((entity.start, entity.end))
        kept.append(entity)
    return kept
