"""Draft facts from an article: every date, year span and number, with its sentence.

Dates are found with the same tables the grader uses (every Arabic region's month names,
ordinal day words, Arabic-Indic digits, years glued to a word). A month name counts only
next to a day or a year (مارس is also a verb); a day word only next to a month. الجاري,
المقبل and الماضي resolve against the publication date. Names with numbers (كوفيد-19,
COVID-19) are not numbers, and Hijri years (هـ) are listed apart, never as dates.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Literal

from kzlearn.language.dates import PartialDate, phrase_table
from kzlearn.language.numbers import format_number, parse_number
from kzlearn.language.text import digits_to_ascii, fold

__all__ = ["Found", "draft_pack", "extract"]

Kind = Literal["date", "span", "number", "hijri"]

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


@dataclass(frozen=True, slots=True)
class Found:
    """Something found in the article."""

    kind: Kind
    text: str  # as written
    sentence: str
    about: str  # a guess, from the words around it
    value: PartialDate | None = None
    until: PartialDate | None = None
    number: float | None = None
    unit: str | None = None


@dataclass(slots=True)
class _Token:
    text: str
    folded: str
    kind: str = "word"  # month, day, num, word
    value: int = 0
    used: bool = False


def _tokens(sentence: str) -> list[_Token]:
    tokens: list[_Token] = []
    for match in _WORD.finditer(digits_to_ascii(sentence)):
        word = match.group()
        parts = [word] if "-" in word or "–" in word else _GLUED.split(word)
        tokens.extend(_Token(p, fold(p, through="lenient")) for p in parts if p)
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


def _about(tokens: list[_Token], start: int, end: int) -> str:
    after = [t.text for t in tokens[end + 1 : end + 9] if t.kind in ("word",)]
    before = [t.text for t in tokens[max(0, start - 8) : start] if t.kind in ("word",)]
    words = after if len(after) >= 3 else before
    return " ".join(words) or " ".join(t.text for t in tokens)


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
        written = " ".join(t.text for t in tokens[start : end + 1])
        found.append(Found("date", written, sentence, _about(tokens, start, end), value))
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
                    Found(
                        "span",
                        token.text,
                        sentence,
                        _about(tokens, i, i),
                        PartialDate(a),
                        PartialDate(b),
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
                written = " ".join(t.text for t in tokens[i : i + 4])
                found.append(
                    Found(
                        "span",
                        written,
                        sentence,
                        _about(tokens, i, i + 3),
                        PartialDate(first.value),
                        PartialDate(second.value),
                    )
                )
    for i, token in enumerate(tokens):
        if not _is_year(token) or not 1000 <= token.value <= 2100:
            continue
        token.used = True
        after = tokens[i + 1].folded if i + 1 < len(tokens) else ""
        kind: Kind = "hijri" if after in _HIJRI else "date"
        value = PartialDate(token.value) if kind == "date" else None
        found.append(Found(kind, token.text, sentence, _about(tokens, i, i), value))
    return found


def _numbers(tokens: list[_Token], sentence: str) -> list[Found]:
    found: list[Found] = []

    def number(i: int, value: float, unit_at: int) -> None:
        unit = (
            tokens[unit_at].text
            if 0 <= unit_at < len(tokens) and tokens[unit_at].kind == "word"
            else None
        )
        found.append(
            Found(
                "number", tokens[i].text, sentence, _about(tokens, i, i), number=value, unit=unit
            )
        )

    for i, token in enumerate(tokens):
        if token.used or token.kind in ("month", "part") or "-" in token.text:
            continue
        if token.kind == "num":
            number(i, token.value, i + 1)  # 250 طالبا: the unit follows a figure
            continue
        bare = token.folded.removeprefix("ال")
        value = parse_number(bare) if len(bare) > 2 and bare.isalpha() else None
        if value is not None and value >= 2:  # not واحد/أحد: too common as words
            number(i, value, i - 1)  # الذكرى الثلاثين: the noun comes first
    return found


def extract(text: str, *, published: PartialDate | None = None) -> list[Found]:
    """Every date, year span, number and Hijri year in ``text``, in reading order."""
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
        order = {id(f): sentence.find(f.text.split()[0]) for f in found}
        results.extend(sorted(found, key=lambda f: order[id(f)]))
    return results


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


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
    found = extract(text, published=published)
    first_line = next((line.strip() for line in text.splitlines() if line.strip()), title)
    lines = [
        f"# A draft pack made by `kzlearn extract`{' from ' + source if source else ''}.",
        "# Every fact is marked `draft: true`. For each one: check it against its evidence,",
        "# write what it is about (`about`, a short noun phrase), add a `question` and a",
        "# `statement` with {answer} if you like, then delete `draft: true`. Delete what is",
        "# not worth a question. Then run `kzlearn validate` and `kzlearn lint` on this file.",
        f"id: {pack_id}",
        f"title: {_q(title)}",
        f"language: {lang}",
        "sources:",
        "  - id: source",
        f"    title: {_q(first_line[:120])}",
        f"    language: {lang}",
    ]
    if published is not None:
        lines.append(f"    published: {_q(published.iso())}")
    lines.append("facts:" if any(f.kind != "hijri" for f in found) else "facts: []")
    ids: dict[str, int] = {}
    hijri: list[Found] = []
    for item in found:
        if item.kind == "hijri":
            hijri.append(item)
            continue
        if item.kind == "number":
            assert item.number is not None
            base = f"number-{format_number(item.number)}".replace(".", "-")
        else:
            assert item.value is not None
            base = f"date-{item.value.iso().lstrip('-')}" + (
                f"-{item.until.iso()}" if item.until else ""
            )
        ids[base] = ids.get(base, 0) + 1
        fact_id = base if ids[base] == 1 else f"{base}-{ids[base]}"
        lines += ["", f"  # {item.text}", f"  - id: {fact_id}"]
        if item.kind == "number":
            lines += ["    kind: number", f"    value: {format_number(item.number or 0)}"]
            if item.unit:
                lines.append(f"    unit: {_q(item.unit)}")
        else:
            assert item.value is not None
            lines += ["    kind: date", f"    value: {_q(item.value.iso())}"]
            if item.until is not None:
                lines.append(f"    until: {_q(item.until.iso())}")
        lines += [
            f"    about: {_q(item.about)}",
            f"    evidence: {_q(item.sentence)}",
            "    draft: true",
        ]
    if hijri:
        lines += ["", "# Hijri years (marked هـ): not Gregorian dates, so not facts above:"]
        lines += [f"#   {h.text} هـ — {h.sentence[:100]}" for h in hijri]
    return "\n".join(lines) + "\n"
