"""Draft facts from an article: every date, year span and number, with its sentence.

Dates are found with the same tables the grader uses (every Arabic region's month names,
ordinal day words, Arabic-Indic digits, years glued to a word). A month name counts only
next to a day or a year (مارس is also a verb); a day word only next to a month. الجاري,
المقبل and الماضي resolve against the publication date. Names with numbers (كوفيد-19,
COVID-19) are not numbers, and Hijri years (هـ) are listed apart, never as dates.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from typing import Any, Literal

from kzlearn.facts import clauses
from kzlearn.facts.entities import Entity, entities
from kzlearn.language.dates import PartialDate, phrase_table
from kzlearn.language.numbers import parse_number
from kzlearn.language.text import digits_to_ascii, fold

__all__ = ["Found", "draft_pack", "extract"]

# later: a date after the publication date (a plan's horizon), listed apart like Hijri years.
Kind = Literal["date", "span", "number", "hijri", "later", "entity"]

_SENTENCE = re.compile(r"[^.!?؟\n]+[.!?؟]?")
# Letters, digits and harakat; never punctuation (the Arabic comma ، is in the Arabic block).
_WORD = re.compile(r"[\w\u064b-\u065f\u0670]+(?:[-–][\w\u064b-\u065f\u0670]+)*")
_GLUED = re.compile(r"(?<=\d)(?=[^\W\d])|(?<=[^\W\d])(?=\d)")
_SPAN = re.compile(r"^(\d{4})[-–](\d{4})$")
_YEAR_WORDS = frozenset(fold(w) for w in "عام سنة العام السنة year année en in".split())
# Between a day and its month: "السادس عشر من دجنبر", "16th of December", "1er mai".
_LINKS = frozenset(fold(w) for w in "من of de du the st nd rd th er".split())
_RELATIVE = {
    fold("الجاري"): 0,
    fold("الحالي"): 0,
    fold("المقبل"): 1,
    fold("القادم"): 1,
    fold("الماضي"): -1,
}
_HIJRI = frozenset({fold("هـ"), fold("ه"), "ah", "h"})
_BETWEEN = frozenset({fold("بين"), "between", "entre"})
_AND = frozenset({"و", "and", "et"})
_UNITS = frozenset(
    fold(w, through="lenient")
    for w in (
        "عام عاما عاماً أعوام سنة سنوات سنين شهر أشهر شهور أسبوع أسابيع يوم أيام ساعة ساعات "
        "دقيقة دقائق مليون ملايين مليار مليارات ألف آلاف كيلومتر كيلومترات كلم كم متر أمتار "
        "هكتار طن أطنان دولار دولارا دولاراً درهم دراهم دينار يورو بالمائة بالمئة % مرة مرات "
        "شخص أشخاص شخصا دولة دول years year months days million billion km people percent"
    ).split()
)
_ORDINAL_WORDS = (
    "الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر".split(),
    "الثانية الثالثة الرابعة الخامسة السادسة السابعة الثامنة التاسعة العاشرة".split(),
)
_ORDINALS = {
    fold(word, through="lenient"): n
    for words in _ORDINAL_WORDS
    for n, word in enumerate(words, start=2)
}


@dataclass(frozen=True, slots=True)
class Found:
    """Something found in the article."""

    kind: Kind
    text: str  # as written: sentence[start:end]
    sentence: str
    start: int
    end: int
    value: PartialDate | None = None
    until: PartialDate | None = None
    number: float | None = None
    unit: str | None = None
    accept: tuple[str, ...] = ()  # السابعة for 7
    entity: Entity | None = None
    about: str = ""  # a guess, from the clause that holds it
    evidence: str = ""  # the clause(s) around it, verbatim
    question: str | None = None  # suggested where the clause reads as one


@dataclass(slots=True)
class _Token:
    text: str
    folded: str
    start: int  # offsets in the sentence
    end: int
    kind: str = "word"  # month, day, num, word
    value: int = 0
    used: bool = False


def _tokens(sentence: str) -> list[_Token]:
    tokens: list[_Token] = []
    # digits_to_ascii maps one character to one, so offsets hold in the sentence as written.
    for match in _WORD.finditer(digits_to_ascii(sentence)):
        word, at = match.group(), match.start()
        parts = [word] if "-" in word or "–" in word else _GLUED.split(word)
        for part in parts:
            if part:
                tokens.append(_Token(part, fold(part, through="lenient"), at, at + len(part)))
            at += len(part)
    return tokens


def _lex(tokens: list[_Token]) -> None:
    table = phrase_table()
    longest = max(len(k) for k in table)
    i = 0
    while i < len(tokens):
        for size in range(min(longest, len(tokens) - i), 0, -1):
            key = tuple(t.folded for t in tokens[i : i + size])
            found = table.get(key)
            if found is None and size == 1 and key[0][:1] in ("و", "ب", "ل") and len(key[0]) > 3:
                found = table.get((key[0][1:],))  # ودجنبر, بدجنبر
                found = found if found is not None and found[0] == "month" else None
            if found is not None:
                kind, value, _style = found
                tokens[i].kind, tokens[i].value = kind, value
                for extra in tokens[i + 1 : i + size]:
                    extra.kind, extra.used = "part", True
                i += size
                break
        else:
            if tokens[i].folded.isdigit():
                tokens[i].kind, tokens[i].value = "num", int(tokens[i].folded)
            i += 1


def _next(tokens: list[_Token], i: int, step: int, skip: frozenset[str]) -> int | None:
    j = i + step
    while 0 <= j < len(tokens) and (tokens[j].kind == "part" or tokens[j].folded in skip):
        j += step
    return j if 0 <= j < len(tokens) else None


def _is_day_number(token: _Token) -> bool:
    return token.kind == "num" and len(token.folded) <= 2 and 1 <= token.value <= 31


def _is_year(token: _Token) -> bool:
    return token.kind == "num" and len(token.folded) in (3, 4) and not token.used


def _relative(published: PartialDate | None, month: int, shift: int) -> int | None:
    if published is None or published.year is None or published.month is None:
        return None
    if shift == 0:
        return published.year
    if shift > 0:
        return published.year + (1 if month <= published.month else 0)
    return published.year - (1 if month >= published.month else 0)


def _dates(tokens: list[_Token], sentence: str, published: PartialDate | None) -> list[Found]:
    found: list[Found] = []
    for i, token in enumerate(tokens):
        if token.kind != "month" or token.used:
            continue
        day_at = _next(tokens, i, -1, _LINKS)
        day = None
        if day_at is not None:
            candidate = tokens[day_at]
            if candidate.kind == "day" or _is_day_number(candidate):
                day = candidate.value
            else:
                day_at = None
        after = _next(tokens, i, 1, _LINKS)
        if day is None and after is not None and _is_day_number(tokens[after]):
            day, day_at = tokens[after].value, after  # December 16, 1991
            year_at = _next(tokens, after, 1, _YEAR_WORDS)
        else:
            year_at = _next(tokens, i, 1, _YEAR_WORDS)
        year = None
        if year_at is not None and _is_year(tokens[year_at]):
            year = tokens[year_at].value
        elif year_at is not None and tokens[year_at].folded in _RELATIVE:
            year = _relative(published, token.value, _RELATIVE[tokens[year_at].folded])
            if year is None:
                year_at = None
        else:
            year_at = None
        if day is None and year is None:
            continue  # a month word alone is not a date
        try:
            value = PartialDate(year, token.value, day)
        except ValueError:
            continue
        ends = [i] + [at for at in (day_at, year_at) if at is not None]
        start, end = min(ends), max(ends)
        for t in tokens[start : end + 1]:
            t.used = True
        found.append(_found("date", tokens, start, end, sentence, value=value))
    return found


def _spans_and_years(tokens: list[_Token], sentence: str) -> list[Found]:
    found: list[Found] = []
    for i, token in enumerate(tokens):
        span = _SPAN.match(token.text)
        if span and not token.used:
            token.used = True
            a, b = int(span.group(1)), int(span.group(2))
            if a < b:
                found.append(
                    _found(
                        "span", tokens, i, i, sentence, value=PartialDate(a), until=PartialDate(b)
                    )
                )
            continue
        if token.folded in _BETWEEN and i + 3 < len(tokens):
            first, link, second = tokens[i + 1], tokens[i + 2], tokens[i + 3]
            if (
                _is_year(first)
                and link.folded in _AND
                and _is_year(second)
                and first.value < second.value
            ):
                for t in (first, link, second):
                    t.used = True
                until = PartialDate(second.value)
                found.append(
                    _found(
                        "span",
                        tokens,
                        i,
                        i + 3,
                        sentence,
                        value=PartialDate(first.value),
                        until=until,
                    )
                )
    for i, token in enumerate(tokens):
        if not _is_year(token) or not 1000 <= token.value <= 2100:
            continue
        token.used = True
        after = tokens[i + 1].folded if i + 1 < len(tokens) else ""
        kind: Kind = "hijri" if after in _HIJRI else "date"
        value = PartialDate(token.value) if kind == "date" else None
        found.append(_found(kind, tokens, i, i, sentence, value=value))
    return found


def _found(
    kind: Kind, tokens: list[_Token], first: int, last: int, sentence: str, **fields: Any
) -> Found:
    start, end = tokens[first].start, tokens[last].end
    return Found(kind, sentence[start:end], sentence, start, end, **fields)


def _unit(token: _Token | None) -> str | None:
    """A noun of measure or a counted noun after a figure (250 طالبا), never a preposition's
    object or a definite noun («بالذكرى»)."""
    if token is None or token.kind != "word":
        return None
    key = token.folded
    if key in _UNITS or fold(token.text) in _UNITS:
        return token.text
    if key.startswith(("ال", "ب", "ل", "و", "ف", "ك")) or not key.isalpha():
        return None
    return token.text if key.endswith("ا") and len(key) >= 4 else None  # tanween: طالبا


@functools.lru_cache(maxsize=1 << 14)  # words repeat: a number word is parsed once
def _word_number(bare: str) -> float | None:
    return parse_number(bare) if len(bare) > 2 and bare.isalpha() else None


def _numbers(tokens: list[_Token], sentence: str) -> list[Found]:
    found: list[Found] = []
    seen: set[float] = set()  # one fact for a value in a sentence

    def number(i: int, value: float, unit: str | None, accept: tuple[str, ...] = ()) -> None:
        if value not in seen:
            seen.add(value)
            found.append(
                _found("number", tokens, i, i, sentence, number=value, unit=unit, accept=accept)
            )

    for i, token in enumerate(tokens):
        if token.used or token.kind in ("month", "part") or "-" in token.text:
            continue
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        if token.kind == "num":
            number(i, token.value, _unit(after))  # 250 طالبا: the unit follows a figure
            continue
        before = tokens[i - 1].folded if i else ""
        definite = before.startswith(("ال", "لل", "بال", "وال"))
        ordinal = _ORDINALS.get(token.folded)
        if ordinal is not None and definite:  # القمة السابعة: the 7th summit
            number(i, ordinal, None, (token.text,))
            continue
        value = _word_number(token.folded.removeprefix("ال"))
        if value is None or value < 2:  # not واحد/أحد: too common as words
            continue
        if token.folded.startswith("ال"):  # الذكرى الثلاثين: an ordinal, the noun first
            number(i, value, None, (token.text,))
        else:
            number(i, value, _unit(after))
    return found


def _after(value: PartialDate, published: PartialDate | None) -> bool:
    """True when ``value`` is surely later than the publication date."""
    if published is None or published.year is None or value.year is None:
        return False
    # Compare only as far as the date goes: 2021-12 is not after 2021-12-14.
    size = 1 if value.month is None else 2 if value.day is None else 3
    mine = (value.year, value.month or 0, value.day or 0)
    theirs = (published.year, published.month or 13, published.day or 32)
    return mine[:size] > theirs[:size]


def _finish(item: Found, published: PartialDate | None) -> Found:
    """The clause-based guesses: evidence, about and, for a date, a question."""
    sentence, start, end = item.sentence, item.start, item.end
    kind = item.kind
    if kind in ("date", "span") and item.value is not None and _after(item.value, published):
        kind = "later"
    question = None
    if kind in {"date", "span"}:
        question = clauses.date_question(sentence, start, end)
    elif item.entity is not None:
        question = _entity_question(item.entity)
    about = clauses.about(sentence, start, end)
    if item.entity is not None and item.entity.role:
        about = item.entity.role
    if item.entity is not None and item.entity.around is not None:
        start, end = item.entity.around  # the evidence shows who the person is
    return replace(
        item,
        kind=kind,
        about=about or item.text,
        evidence=clauses.evidence(sentence, start, end),
        question=question,
    )


def _entity_question(entity: Entity) -> str | None:
    if entity.category != "person" or not entity.role or " " not in entity.role:
        return None  # «من هو الرئيس؟» asks nothing
    return f"من {'هي' if entity.gender == 'f' else 'هو'} {entity.role}؟"


def extract(text: str, *, published: PartialDate | None = None, lang: str = "ar") -> list[Found]:
    """Every date, year span, number, Hijri year and (in Arabic) named entity in ``text``,
    in reading order. Dates after ``published`` come as kind ``later``."""
    results: list[Found] = []
    for match in _SENTENCE.finditer(text):
        sentence = match.group().strip()
        if not sentence:
            continue
        tokens = _tokens(sentence)
        _lex(tokens)
        found = _dates(tokens, sentence, published)
        found += _spans_and_years(tokens, sentence)
        found += _numbers(tokens, sentence)
        if lang == "ar":
            found += [
                Found("entity", e.name, sentence, e.start, e.end, entity=e)
                for e in entities(sentence)
            ]
        found.sort(key=lambda f: f.start)
        results.extend(_finish(f, published) for f in found)
    return results


def draft_pack(
    text: str,
    *,
    pack_id: str,
    title: str,
    lang: str = "ar",
    published: PartialDate | None = None,
    source: str = "",
) -> str:
    """A draft pack (YAML text with guiding comments) of everything :func:`extract` finds."""
    from kzlearn.facts.draft import write_draft  # draft builds on this module

    found = extract(text, published=published, lang=lang)
    return write_draft(
        text, found, pack_id=pack_id, title=title, lang=lang, published=published, source=source
    )
