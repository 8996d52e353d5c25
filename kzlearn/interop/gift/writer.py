"""Items as GIFT questions, written as Moodle reads them.

Every text is marked ``[plain]`` (a pack holds plain text: "<" is a character, not a tag)
and escaped to match; weights, tolerances and select-all items are written in Moodle's
notation. Ordering items and cloze passages with more than one blank have no GIFT form.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from kzlearn.interop.gift.text import MISSING_WORD, escape, number_text, percent
from kzlearn.language.numbers import parse_decimal
from kzlearn.language.text import has_arabic
from kzlearn.localized import Localized
from kzlearn.models import (
    ClozeItem,
    Item,
    MatchItem,
    McqItem,
    MultiItem,
    Pack,
    ShortItem,
    TrueFalseItem,
    cloze_blanks,
)

__all__ = ["GiftExport", "to_gift"]

_LOOKS_WEIGHTED = re.compile(r"%-*[0-9]")  # a text Moodle would read a weight from


@dataclass(frozen=True, slots=True)
class GiftExport:
    """The text of a GIFT file, and the items GIFT cannot hold.

    Attributes:
        text: the GIFT file.
        written: how many questions it holds.
        skipped: ``pack/item`` of each item left out.
        reasons: why each of ``skipped`` was left out, in the same order.
    """

    text: str
    written: int
    skipped: list[str]
    reasons: list[str] = field(default_factory=list)


class _NoFormError(Exception):
    """An item GIFT cannot hold (or not in the language asked)."""


class _Writer:
    def __init__(self, lang: str, default: str) -> None:
        self.lang = lang
        self.default = default

    def text(self, value: Localized) -> str:
        if self.lang != self.default and not value.has(self.lang, self.default):
            raise _NoFormError(f"no {self.lang} text")
        return value.get(self.lang, self.default)

    def t(self, value: Localized) -> str:
        return escape(self.text(value))

    def answer(self, mark: str, text: str, weight: float | None = None) -> str:
        if "->" in text:
            raise _NoFormError("an answer holding '->' (GIFT reads a matching question)")
        if weight is None and _LOOKS_WEIGHTED.match(text):
            weight = 100.0 if mark == "=" else 0.0  # so "%50% of" is not read as a weight
        return mark + ("" if weight is None else percent(weight)) + escape(text)

    def question(self, item: Item) -> str:
        feedback = ""
        if item.explanation is not None and item.explanation.has(self.lang, self.default):
            feedback = f"####{self.t(item.explanation)}"
        head = f"::{escape(item.id)}::[plain]"
        if isinstance(item, ClozeItem):
            return head + self.cloze(item, feedback)
        prompt = self.t(item.prompt)
        block = f"{{{self.block(item)}{feedback}}}"
        if prompt.count(MISSING_WORD) == 1:  # a missing word: the block goes in the blank
            before, _, after = prompt.partition(MISSING_WORD)
            if after.strip():
                return f"{head}{before}{block}{after}"
        return f"{head}{prompt} {block}"

    def block(self, item: Item) -> str:
        if isinstance(item, McqItem):
            right = item.answer_index
            shares = item.partial_weights()
            return " ".join(
                self.answer("=" if i == right else "~", self.text(choice), shares[i] or None)
                for i, choice in enumerate(item.choices)
            )
        if isinstance(item, MultiItem):
            weights = item.choice_weights()
            return " ".join(
                self.answer("~", self.text(c), w or None)
                for c, w in zip(item.choices, weights, strict=True)
            )
        if isinstance(item, TrueFalseItem):
            return "TRUE" if item.answer else "FALSE"
        if isinstance(item, ShortItem):
            return self.number(item) if item.grade_as == "number" else self.short(item)
        if isinstance(item, MatchItem):
            for p in item.pairs:
                if "->" in self.text(p.left) + self.text(p.right):
                    raise _NoFormError("an entry holding '->'")
            return " ".join(f"={self.t(p.left)} -> {self.t(p.right)}" for p in item.pairs)
        raise _NoFormError("ordering has no GIFT form")

    def short(self, item: ShortItem) -> str:
        first = self.text(item.answer)
        if self.lang == self.default:
            accepted = [first, *item.answer.values(), *item.accept]
        else:  # the language asked for only: no answer in another script
            arabic = self.lang == "ar"
            accepted = [first, *(a for a in item.accept if has_arabic(a) == arabic)]
        parts = [self.answer("=", a) for a in dict.fromkeys(accepted)]
        parts += [self.answer("=", p.answer, p.weight) for p in item.partial]
        return " ".join(parts)

    def number(self, item: ShortItem) -> str:
        value = parse_decimal(item.answer.get(self.lang, self.default))
        if value is None:
            raise _NoFormError("the answer is no number")
        first = _with_tolerance(number_text(value), item.tolerance)
        if not item.partial:
            return f"#{first}"
        parts = [f"={first}"]
        for p in item.partial:
            partial = parse_decimal(p.answer)
            if partial is not None:
                text = _with_tolerance(number_text(partial), p.tolerance)
                parts.append(f"={percent(p.weight)}{text}")
        return "#" + " ".join(parts)

    def cloze(self, item: ClozeItem, feedback: str) -> str:
        passage = self.text(item.text)
        blanks = cloze_blanks(passage)
        if len(blanks) != 1:
            raise _NoFormError("a cloze with several blanks has no GIFT form")
        before, _, rest = passage.partition("{{")
        after = rest.partition("}}")[2]
        block = " ".join(self.answer("=", a) for a in blanks[0])
        return f"{escape(before)}{{{block}{feedback}}}{escape(after)}"


def _with_tolerance(text: str, tolerance: float | None) -> str:
    return f"{text}:{number_text(tolerance)}" if tolerance else text


def to_gift(
    packs: Iterable[Pack], items: dict[str, list[Item]], *, lang: str | None = None
) -> GiftExport:
    """GIFT questions of every item of ``packs`` (``items`` by pack id), under a category
    per pack and tag (the item's first), each written once; ``lang``: every text in that
    language, else the item is left out."""
    blocks: list[str] = []
    skipped: list[str] = []
    reasons: list[str] = []
    written = 0
    for pack in packs:
        writer = _Writer(lang or pack.language, pack.language)
        categories: dict[str, list[str]] = {}  # each written once, its questions together
        for item in items[pack.id]:
            try:
                question = writer.question(item)
            except _NoFormError as why:
                skipped.append(f"{pack.id}/{item.id}")
                reasons.append(str(why))
                continue
            category = f"{pack.id}/{item.tags[0]}" if item.tags else pack.id
            categories.setdefault(category, []).append(question)
            written += 1
        for category, questions in categories.items():  # none empty
            blocks += [f"$CATEGORY: {category}", *questions]
    return GiftExport("\n\n".join(blocks) + "\n", written, skipped, reasons)
