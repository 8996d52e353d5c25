"""Moodle GIFT: export items as GIFT questions, import GIFT files as packs.

What GIFT holds: multiple choice, true/false, short answer (several accepted answers),
numerical, matching, and missing word (one blank). Ordering items and cloze passages with
more than one blank have no GIFT form and are left out of an export (and counted).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from kzlearn.errors import PackError, Problem
from kzlearn.interop.build import MAX_CARDS, build_pack, too_many
from kzlearn.language.numbers import format_number, parse_number
from kzlearn.localized import Localized
from kzlearn.models import (
    ClozeItem,
    Item,
    MatchItem,
    McqItem,
    Pack,
    ShortItem,
    TrueFalseItem,
    cloze_blanks,
)

__all__ = ["GiftExport", "parse_gift", "to_gift"]

_SPECIAL = "~=#{}:"


def _escape(text: str) -> str:
    out = text.replace("\\", "\\\\")
    for char in _SPECIAL:
        out = out.replace(char, "\\" + char)
    return out.replace("\n", "\\n")


@dataclass(frozen=True, slots=True)
class GiftExport:
    """The text of a GIFT file, and the items GIFT cannot hold."""

    text: str
    written: int
    skipped: list[str]


def _question(item: Item, lang: str, default: str) -> str | None:
    def t(value: Localized) -> str:
        return _escape(value.get(lang, default))

    name = f"::{_escape(item.id)}::"
    feedback = f"####{t(item.explanation)}" if item.explanation else ""
    if isinstance(item, McqItem):
        choices = " ".join(
            ("=" if i == item.answer_index else "~") + t(c) for i, c in enumerate(item.choices)
        )
        return f"{name}{t(item.prompt)} {{{choices}{feedback}}}"
    if isinstance(item, TrueFalseItem):
        return f"{name}{t(item.prompt)} {{{'T' if item.answer else 'F'}{feedback}}}"
    if isinstance(item, ShortItem):
        if item.grade_as == "number":
            value = parse_number(item.answer.get(lang, default))
            if value is not None:
                return f"{name}{t(item.prompt)} {{#{format_number(value)}{feedback}}}"
        accepted = dict.fromkeys(
            [item.answer.get(lang, default), *item.answer.values(), *item.accept]
        )
        block = " ".join("=" + _escape(a) for a in accepted)
        return f"{name}{t(item.prompt)} {{{block}{feedback}}}"
    if isinstance(item, MatchItem):
        pairs = " ".join(f"={t(p.left)} -> {t(p.right)}" for p in item.pairs)
        return f"{name}{t(item.prompt)} {{{pairs}{feedback}}}"
    if isinstance(item, ClozeItem):
        passage = item.text.get(lang, default)
        blanks = cloze_blanks(passage)
        if len(blanks) != 1:
            return None
        before, _, rest = passage.partition("{{")
        after = rest.partition("}}")[2]
        block = " ".join("=" + _escape(a) for a in blanks[0])
        return f"{name}{_escape(before)}{{{block}{feedback}}}{_escape(after)}"
    return None


def to_gift(
    packs: Iterable[Pack], items: dict[str, list[Item]], *, lang: str | None = None
) -> GiftExport:
    """GIFT questions of every item of ``packs`` (``items`` by pack id), a category per pack."""
    blocks: list[str] = []
    skipped: list[str] = []
    for pack in packs:
        category = None
        for item in items[pack.id]:  # a category per tag: pack/tag (the item's first)
            wanted = f"{pack.id}/{item.tags[0]}" if item.tags else pack.id
            if wanted != category:
                category = wanted
                blocks.append(f"$CATEGORY: {category}")
            question = _question(item, lang or pack.language, pack.language)
            if question is None:
                skipped.append(f"{pack.id}/{item.id}")
            else:
                blocks.append(question)
    written = sum(not b.startswith("$CATEGORY") for b in blocks)
    return GiftExport("\n\n".join(blocks) + "\n", written, skipped)


# -- import ---------------------------------------------------------------------------------


@dataclass
class _Question:
    line: int
    column: int
    text: str
    category: str | None
    name: str | None = None
    problems: list[str] = field(default_factory=list)


# Every pattern here is linear in its input: no two ways to match the same text (so no
# backtracking blow-up), and no scan from one start past the next place a match could
# start ("<", "{"): a file of 1 MB is read in well under a second whatever it holds.
_NAME = re.compile(r"::((?:\\[\s\S]|[^:\\])*)::")
_TAG = re.compile(r"<[^<>]+>")
_BR = re.compile(r"<br\s*/?>", re.I)
_ESCAPED = re.compile(r"\\(.)")
_FORM = re.compile(r"\[(html|moodle|plain|markdown)\]")


def _unescape(text: str, *, strip: bool = True) -> str:
    text = _ESCAPED.sub(r"\1", text.replace("\\n", "\n"))
    return text.strip() if strip else text


def _plain(text: str) -> str:
    """Text from GIFT's [html] / [moodle] / [markdown] forms."""
    text = text.strip()
    form = _FORM.match(text)
    if form:
        text = text[form.end() :]
    text = _TAG.sub("", _BR.sub("\n", text))
    return html.unescape(text).strip()


_MAX_ANSWERS = 100  # no question has more; a block of a million '=' is not read to its end


def _split_unescaped(
    text: str, separators: str, limit: int = _MAX_ANSWERS + 1
) -> list[tuple[str, str]]:
    """Split ``text`` before each unescaped separator; returns (separator, part) pairs, at
    most ``limit`` of them."""
    parts: list[tuple[str, str]] = []
    mark, start, i = "", 0, 0
    while i < len(text):
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if char in separators:
            current = text[start:i]
            if current.strip() or mark:
                parts.append((mark, current))
                if len(parts) >= limit:
                    return parts
            mark, start = char, i + 1
        i += 1
    current = text[start:]
    if current.strip() or mark:
        parts.append((mark, current))
    return parts


def _find_block(text: str) -> tuple[int, int] | None:
    start = end = -1
    i = 0
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == "{" and start < 0:
            start = i
        elif text[i] == "}" and start >= 0:
            end = i
            break
        i += 1
    if start < 0:
        return None
    return start, end


def _item(q: _Question, index: int) -> tuple[dict[str, object] | None, str | None]:
    """A pack item (as data) from one GIFT question, or a problem."""
    text = q.text
    name_match = _NAME.match(text)
    if name_match:
        q.name = _unescape(name_match.group(1))
        text = text[name_match.end() :]
    block = _find_block(text)
    if block is None:
        return None, "no answer block { ... }: a GIFT question needs one"
    start, end = block
    if end < 0:
        return None, "the answer block is not closed: a '}' is missing"
    before, body, after = text[:start], text[start + 1 : end], text[end + 1 :]
    item_id = _slug(q.name) or f"q{index}"
    body, _, general = body.partition("####")
    explanation = _plain(_unescape(general)) if general.strip() else None
    base: dict[str, object] = {"id": item_id}
    if explanation:
        base["explanation"] = explanation
    if q.category:
        base["tags"] = [_slug(q.category) or "imported"]
    prompt = _plain(_unescape(before + (" ___ " + after if after.strip() else "")))
    stripped = body.strip()
    if re.fullmatch(r"(?i)(T|TRUE|F|FALSE)(#.*)?", stripped):
        word = stripped.split("#")[0].upper()
        return {
            **base,
            "type": "true_false",
            "prompt": prompt,
            "answer": word.startswith("T"),
        }, None
    if stripped.startswith("#"):
        value = stripped[1:].split("#")[0].split(":")[0].split("..")[0].strip()
        if parse_number(value) is None:
            return None, f"a numerical answer needs a number, not {value!r}"
        return {
            **base,
            "type": "short",
            "prompt": prompt,
            "answer": value,
            "grade_as": "number",
        }, None
    split = _split_unescaped(body, "=~")
    if len(split) > _MAX_ANSWERS:
        return None, f"more than {_MAX_ANSWERS} answers in the answer block"
    answers = [(mark, _unescape(part).split("#")[0] if mark else part) for mark, part in split]
    answers = [(m, re.sub(r"^%-?\d+(\.\d+)?%", "", a).strip()) for m, a in answers if m]
    answers = [(m, _plain(a)) for m, a in answers]
    if not answers or any(not a for _, a in answers):
        return None, "an empty answer in the answer block"
    if all(" -> " in a or "->" in a for m, a in answers if m == "="):
        pairs = [a.split("->", 1) for m, a in answers if m == "="]
        if len(pairs) >= 2 and all(len(p) == 2 for p in pairs):
            return {
                **base,
                "type": "match",
                "prompt": prompt,
                "pairs": [{"left": left.strip(), "right": right.strip()} for left, right in pairs],
            }, None
    right = [a for m, a in answers if m == "="]
    wrong = [a for m, a in answers if m == "~"]
    if after.strip() and right:  # missing word: the blank is where the block was
        blank = "{{" + "|".join(right) + "}}"  # the text around it stays as written
        passage = _plain(_unescape(before, strip=False) + blank + _unescape(after, strip=False))
        return {
            **base,
            "type": "cloze",
            "prompt": "Fill in the blank.",
            "text": passage.strip(),
        }, None
    if wrong:
        if len(right) != 1:
            return None, "a multiple choice needs exactly one right answer (=)"
        return {
            **base,
            "type": "mcq",
            "prompt": prompt,
            "choices": [right[0], *wrong],
            "answer": right[0],
        }, None
    if right:
        return {
            **base,
            "type": "short",
            "prompt": prompt,
            "answer": right[0],
            "accept": right[1:],
        }, None
    return None, "no right answer (=) in the answer block"


def _slug(text: str | None) -> str:
    if not text:
        return ""
    slug = re.sub(r"[^a-z0-9._-]+", "-", text.lower()).strip("-._")
    return slug[:80].strip("-._")


def _questions(text: str) -> list[_Question]:
    questions: list[_Question] = []
    category: str | None = None
    current: list[str] = []
    start = 0
    for number, raw in enumerate([*text.splitlines(), ""], start=1):
        line = raw.rstrip()
        if line.lstrip().startswith("//"):
            continue
        if line.startswith("$CATEGORY:"):
            path = [p for p in line.split(":", 1)[1].strip().split("/") if p]
            category = path[-1] if len(path) > 1 else None  # pack/tag: the tag
            continue
        if line.strip():
            if not current:
                start = number
            current.append(line)
            continue
        if current:
            questions.append(_Question(start, 1, "\n".join(current), category))
            current = []
    return questions


def parse_gift(
    text: str, file: str, *, pack_id: str, lang: str = "en", max_cards: int = MAX_CARDS
) -> Pack:
    """A pack of the questions of a GIFT file.

    Raises:
        PackError: every question that cannot be read, each with its line; more than
            ``max_cards`` questions.
    """
    items: list[dict[str, object]] = []
    problems: list[Problem] = []
    names: set[str] = set()
    for index, question in enumerate(_questions(text), start=1):
        if index > max_cards:
            raise too_many(file, "questions", max_cards, line=question.line)
        item, problem = _item(question, index)
        if problem is not None or item is None:
            problems.append(
                Problem(file, question.line, question.column, "", problem or "unreadable")
            )
            continue
        while item["id"] in names:  # an id stays within a slug's 80 characters
            suffix = f"-{index}"
            item["id"] = f"{str(item['id'])[: 80 - len(suffix)]}{suffix}"
        names.add(str(item["id"]))
        items.append(item)
    if problems:
        raise PackError(problems)
    if not items:
        raise PackError.single(file, "no GIFT question in this file", line=1, column=1)
    data = {"id": pack_id, "title": pack_id, "language": lang, "items": items}
    return build_pack(data, file)
