"""Draft entities from Arabic text: people by their titles and offices; places,
organisations and documents (kzlearn.facts.things) by the words that introduce them.

Word lists, not a trained model: a draft is for a teacher to check, and these patterns are
how Arabic news writing names people («السيد X عمدة مدينة Y», «سفيرة X السيدة Y»).
"""

from __future__ import annotations

from kzlearn.facts.clauses import Clause, clauses, looks_like_verb
from kzlearn.facts.lexicon import (
    CITIES,
    COUNTRIES,
    ENDERS,
    HONORIFICS,
    ROLES,
    SIDES,
    STOP,
    TITLES_F,
    TITLES_M,
)
from kzlearn.facts.names import WORD, Entity, Word, bare, definite, forms, name_at
from kzlearn.facts.things import organisations, parenthesised, places
from kzlearn.language.text import fold

__all__ = ["Entity", "entities"]


def _role_after(words: list[Word], i: int, limit: int = 7) -> int:
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
            and bare(w.key) not in COUNTRIES
        ):
            break  # بزيارة, لمدينة: the role has ended
        if definite(words[i + n - 1].key) and not definite(w.key) and w.key not in ROLES:
            break  # وزير الخارجية المغربي | نظيره: a bare word after a definite one
        n += 1
    return n


def _side(words: list[Word], i: int, n: int) -> str | None:
    """The first country an office names (وزير خارجية المغرب → morocco), or its city's."""
    for w in words[i : i + n]:
        for key, _strip in forms(w):
            if key in SIDES:
                return SIDES[key]
            if CITIES.get(key):
                return CITIES[key]  # عمدة مدينة مكناس: the city's country
    return None


def _group(words: list[Word], i: int, n: int) -> tuple[str | None, str | None]:
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


def _text(sentence: str, words: list[Word], i: int, n: int, strip: bool = False) -> str:
    start = words[i].start + (1 if strip else 0)
    return sentence[start : words[i + n - 1].end]


def _people(sentence: str, words: list[Word], bounds: list[Clause]) -> list[Entity]:
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
                elif nxt.key[0] == "ل" and bare(nxt.key) in COUNTRIES:
                    at += 1
                else:
                    break
        n = name_at(words, at)
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


def _role_span(words: list[Word], i: int, at: int, n: int, role_first: bool) -> tuple[int, int]:
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
        and (words[after].key in ROLES or bare(words[after].key) in ROLES)
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


def _clause_end(words: list[Word], i: int) -> int:
    clause = words[i].clause
    while i < len(words) and words[i].clause == clause:
        i += 1
    return i


def _named_after_role(sentence: str, words: list[Word]) -> list[Entity]:
    """«وزير الشؤون الخارجية …، ناصر بوريطة، يوم …»: a clause of two or three name words
    right after a clause that opens with an office."""
    found: list[Entity] = []
    for i, w in enumerate(words):
        if i == 0 or w.clause == words[i - 1].clause:
            continue
        n = name_at(words, i)
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


def entities(sentence: str) -> list[Entity]:
    """The people, places, organisations and documents named in ``sentence``, in order."""
    bounds = clauses(sentence)
    words: list[Word] = []
    at = 0
    for m in WORD.finditer(sentence):
        while at + 1 < len(bounds) and bounds[at + 1][0] <= m.start():
            at += 1  # offsets only grow: one walk over the clauses, never a search per word
        words.append(Word(m.group(), fold(m.group()), m.start(), m.end(), at))
    found = _people(sentence, words, bounds)
    found += places(sentence, words)
    found += organisations(sentence, words)
    found += parenthesised(sentence, words)
    taken: list[tuple[int, int]] = []
    kept: list[Entity] = []
    for entity in sorted(found, key=lambda e: (e.start, -(e.end - e.start))):
        if any(a < entity.end and entity.start < b for a, b in taken):
            continue  # a name inside another: منظمة الأمم المتحدة holds الأمم المتحدة
        taken.append((entity.start, entity.end))
        kept.append(entity)
    return kept
