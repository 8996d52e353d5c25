"""The draft pack that `kzlearn extract` writes: YAML text with guiding comments.

Every fact is `draft: true` and quotes verbatim evidence from the article. What should not
be a fact (Hijri years, dates after publication) is listed in comments for the teacher.
"""

from __future__ import annotations

import json
import re

from kzlearn.facts.extract import Found
from kzlearn.language.dates import PartialDate
from kzlearn.language.numbers import format_number
from kzlearn.language.text import fold

__all__ = ["article_title", "write_draft"]

_TITLE_CHARS = 100
_SENTENCE_END = re.compile(r"[.!?؟]")


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def article_title(text: str, *, most: int = _TITLE_CHARS) -> str:
    """The article's first line when it is short (a title), else its first sentence cut at
    a word to at most ``most`` characters."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if len(first) <= most:
        return first
    end = _SENTENCE_END.search(first)
    sentence = first[: end.start()] if end else first
    if len(sentence) <= most:
        return sentence
    cut = sentence[: most + 1].rsplit(" ", 1)[0] if " " in sentence[:most] else sentence[:most]
    return cut.rstrip(" ،,؛;:") + "…"


def _fact_lines(item: Found, fact_id: str) -> list[str]:
    lines = [f"  - id: {fact_id}"]
    if item.kind == "number":
        lines += ["    kind: number", f"    value: {format_number(item.number or 0)}"]
        if item.unit:
            lines.append(f"    unit: {_q(item.unit)}")
    elif item.kind == "entity" and item.entity is not None:
        entity = item.entity
        lines += ["    kind: entity", f"    category: {entity.category}"]
        lines.append(f"    value: {_q(entity.name)}")
        if entity.role:
            lines.append(f"    role: {_q(entity.role)}")
        for name in ("group", "side", "gender"):
            if getattr(entity, name):
                lines.append(f"    {name}: {getattr(entity, name)}")
    else:
        assert item.value is not None
        lines += ["    kind: date", f"    value: {_q(item.value.iso())}"]
        if item.until is not None:
            lines.append(f"    until: {_q(item.until.iso())}")
    lines.append(f"    about: {_q(item.about)}")
    if item.question:
        lines.append(f"    question: {_q(item.question)}")
    if item.accept:
        lines.append(f"    accept: [{', '.join(_q(a) for a in item.accept)}]")
    lines += [f"    evidence: {_q(item.evidence)}", "    draft: true"]
    return lines


def _base_id(item: Found) -> str:
    if item.kind == "number":
        return f"number-{format_number(item.number or 0)}".replace(".", "-")
    if item.kind == "entity" and item.entity is not None:  # person-ambassador, place-city
        return "-".join(filter(None, (item.entity.category, item.entity.group)))
    assert item.value is not None
    until = f"-{item.until.iso()}" if item.until else ""
    return f"date-{item.value.iso().lstrip('-')}{until}"


def _variants(category: str, name: str) -> set[tuple[str, str]]:
    """Keys that two spellings one letter apart share (بيروتوكول لشبونة is the article's
    misspelling of بروتوكول لشبونة): the name, and for a long one each one-letter deletion.
    A dictionary of these finds a repeat in linear time."""
    keys = {(category, name)}
    if len(name) >= 8:
        keys |= {(category, name[:k] + name[k + 1 :]) for k in range(len(name))}
    return keys


def _kept(found: list[Found]) -> list[Found]:
    """Facts to draft: no Hijri or later years; each entity once (its first mention, or
    the first that gives its role); a person's surname alone (السيد بوريطة) is not a
    second person when a full name ends with it."""
    people = [
        fold(f.entity.name).split()
        for f in found
        if f.entity is not None and f.entity.category == "person"
    ]
    full = {" ".join(words) for words in people if len(words) > 1}
    surnames = {words[-1] for words in people if len(words) > 1}
    facts: list[Found] = []
    seen: dict[tuple[str, str], int] = {}
    for item in found:
        if item.kind in ("hijri", "later"):
            continue
        entity = item.entity
        if entity is None:
            facts.append(item)
            continue
        name = fold(entity.name)
        if entity.category == "person" and name.split()[0] in surnames and name not in full:
            continue  # السيد تلوبردي استجاب: the surname, then a verb
        keys = _variants(entity.category, name)
        same = next((seen[k] for k in keys if k in seen), None)
        if same is None:
            seen.update(dict.fromkeys(keys, len(facts)))
            facts.append(item)
        else:
            first = facts[same].entity
            if entity.role and first is not None and not first.role:
                facts[same] = item  # the mention that says who or what it is
    return facts


def write_draft(
    text: str,
    found: list[Found],
    *,
    pack_id: str,
    title: str,
    lang: str,
    published: PartialDate | None,
    source: str,
) -> str:
    """The draft pack of ``found`` (from :func:`kzlearn.facts.extract.extract`)."""
    facts = _kept(found)
    lines = [
        f"# A draft pack made by `kzlearn extract`{' from ' + source if source else ''}.",
        "# Every fact is marked `draft: true`. For each one: check it against its evidence,",
        "# write what it is about (`about`, a short noun phrase), check or add a `question`",
        "# and a `statement` with {answer} if you like, then delete `draft: true`. Delete what",
        "# is not worth a question. Then run `kzlearn validate` and `kzlearn lint` on this file.",
        f"id: {pack_id}",
        f"title: {_q(title)}",
        f"language: {lang}",
        "sources:",
        "  - id: source",
        f"    title: {_q(article_title(text) or title)}",
        f"    language: {lang}",
    ]
    if published is not None:
        lines.append(f"    published: {_q(published.iso())}")
    lines.append("facts:" if facts else "facts: []")
    ids: dict[str, int] = {}
    for item in facts:
        base = _base_id(item)
        ids[base] = ids.get(base, 0) + 1
        fact_id = base if ids[base] == 1 else f"{base}-{ids[base]}"
        lines += ["", f"  # {item.text}", *_fact_lines(item, fact_id)]
    later = [f for f in found if f.kind == "later"]
    if later:
        lines += ["", "# Dates after the publication date (a plan's horizon?), not facts above:"]
        lines += [f"#   {f.text} — {f.evidence}" for f in later]
    hijri = [f for f in found if f.kind == "hijri"]
    if hijri:
        lines += ["", "# Hijri years (marked هـ): not Gregorian dates, so not facts above:"]
        lines += [f"#   {h.text} هـ — {h.evidence}" for h in hijri]
    return "\n".join(lines) + "\n"
