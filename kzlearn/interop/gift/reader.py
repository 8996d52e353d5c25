"""Reading GIFT files as Moodle reads them, question by question.

A question kzlearn has no item for (an essay, a description, weights Moodle itself would
refuse) is skipped and listed with its line; a question GIFT cannot read is an error that
names its line and column. Which form a question is, its weights, tolerances and feedback
follow Moodle's reader (question/format/gift/format.php).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from kzlearn.interop.build import slug
from kzlearn.interop.feedback import explanation
from kzlearn.interop.gift.text import (
    MISSING_WORD,
    hide_escapes,
    number_text,
    show_escapes,
    text_of,
    weighted,
)

__all__ = ["BadError", "Question", "Reader", "SkipError", "questions"]

_MAX_ANSWERS = 100  # no question has more; a block of a million '=' is not read to its end
_MARK = "\ue001"  # where the answer block was, through the text's conversion
_TRUTH = {"T": True, "TRUE": True, "F": False, "FALSE": False}
_NUMBER = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")  # is_numeric
_WORD = re.compile(r"\w")
_EDGES = re.compile(r"[ \t]*\n[ \t]*")  # a feedback's lines, without the GIFT's indents


class SkipError(Exception):
    """A question kzlearn cannot hold: left out and listed."""


class BadError(Exception):
    """A question GIFT cannot read, at an offset of the question's text."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.offset = offset


@dataclass(slots=True)
class Question:
    starts: list[int]  # offset of each line in text
    first: int  # the file line of the first
    text: str
    category: str | None

    def where(self, offset: int) -> tuple[int, int]:
        """The file line and column of an offset of ``text``."""
        row = bisect.bisect_right(self.starts, offset) - 1
        return self.first + row, offset - self.starts[row] + 1


def questions(text: str) -> Iterator[Question]:
    category: str | None = None
    lines: list[str] = []
    first = 0
    for number, raw in enumerate([*text.splitlines(), ""], start=1):
        stripped = raw.strip()
        if stripped.startswith("//"):
            if lines:  # Moodle reads a comment inside a question as a space
                lines.append(" ")
            continue
        if stripped.startswith("$CATEGORY:") and not lines:
            path = [p for p in stripped.split(":", 1)[1].strip().split("/") if p]
            category = path[-1] if len(path) > 1 else None  # pack/tag: the tag
            continue
        if stripped:
            if not lines:
                first = number
            lines.append(raw.rstrip())
            continue
        if lines:
            starts, at = [], 0
            for line in lines:
                starts.append(at)
                at += len(line) + 1
            yield Question(starts, first, "\n".join(lines), category)
            lines = []


def _parts(text: str, base: int, marks: str) -> list[tuple[int, str, str]]:
    """``text`` split before each of ``marks``: (offset, mark, part without its mark); a
    first part before any mark has the mark ""."""
    out: list[tuple[int, str, str]] = []
    start, mark = 0, ""
    for i, char in enumerate(text):
        if char in marks:
            out.append((base + start, mark, text[start:i]))
            start, mark = i + 1, char
    out.append((base + start, mark, text[start:]))
    if not out[0][1] and not out[0][2].strip():
        out.pop(0)  # nothing before the first mark
    return out


def _feedback(part: str) -> tuple[str, str]:
    answer, _, feedback = part.partition("#")
    return answer, feedback


class Reader:
    """One question's item, as pack data."""

    def __init__(self, q: Question, index: int) -> None:
        self.q = q
        self.index = index
        self.general: list[str] = []  # feedback, kept as the explanation
        self.own: list[tuple[str, str, bool]] = []  # each answer's: answer, feedback, right
        self.dropped: list[str] = []  # parts of the question left out
        self.form = "moodle"

    def feedback(self, label: str, raw: str, right: bool = False) -> None:
        text = _EDGES.sub("\n", text_of(raw, self.form)[0]) if raw.strip() else ""
        if text and label:
            self.own.append((label, text, right))
        elif text:
            self.general.append(text)

    def item(self) -> dict[str, object]:
        raw = hide_escapes(self.q.text)
        at = len(raw) - len(raw.lstrip())
        name = None
        if raw.startswith("::", at):
            end = raw.find("::", at + 2)
            at += 2
            if end >= 0:
                name, at = show_escapes(raw[at:end]).strip(), end + 2
        start, end = raw.find("{", at), raw.find("}", at)
        if start < 0 and end < 0:
            raise SkipError("a description (no answer block { }): nothing to answer")
        if end < 0:
            raise BadError("the answer block is not closed: a '}' is missing", start)
        if start < 0 or end < start:
            raise BadError("a '}' with no '{' before it", end)
        inner = raw[start + 1 : end]
        body = inner.strip()
        offset = start + 1 + len(inner) - len(inner.lstrip())
        general = ""
        split = body.rfind("####")
        if split >= 0:
            body, general = body[:split].strip(), body[split + 4 :]
        whole, self.form = text_of(raw[at:start] + _MARK + raw[end + 1 :])
        before, _, after = whole.partition(_MARK)
        blank = bool(after.strip()) and not (
            _WORD.search(after) is None and before.rstrip()[-1:] in ("?", ":", "؟", ".", "!")
        )
        prompt = f"{before}{MISSING_WORD}{after}".strip() if blank else before.strip()
        self.feedback("", general)
        base: dict[str, object] = {"id": slug(name) or f"q{self.index}"}
        if self.q.category:
            base["tags"] = [slug(self.q.category) or "imported"]
        if body.count("=") + body.count("~") > _MAX_ANSWERS:
            raise BadError(f"more than {_MAX_ANSWERS} answers in the answer block", offset)
        if not body:
            raise SkipError("an essay (an empty answer block): kzlearn grades no free text")
        if body[0] == "#":
            item = self.numerical(body, offset)
        elif "~" in body:
            item = self.choice(body, offset)
        elif "=" in body and "->" in body:
            item = self.matching(body, offset)
        else:
            item = self.truth(body) or self.short(body, offset, before, after, blank)
        item = {**base, "prompt": prompt, **item}
        notes = explanation("\n".join(self.general), self.own)  # as Moodle XML's
        if notes:
            item["explanation"] = notes
        return item

    def truth(self, body: str) -> dict[str, object] | None:
        word, wrong, right = (*body.split("#", 2), "", "")[:3]
        value = _TRUTH.get(word.strip())
        if value is None:
            return None
        self.feedback(str(not value).lower(), wrong)  # shown to who answers the other way
        self.feedback(str(value).lower(), right, right=True)
        return {"type": "true_false", "answer": value}

    def choice(self, body: str, offset: int) -> dict[str, object]:
        single = "=" in body
        choices: list[str] = []
        weights: list[float] = []
        for at, mark, raw in _parts(body, offset, "~="):
            weight, rest = weighted(raw.strip())
            if weight is None:
                weight = 100.0 if mark == "=" else 0.0
            answer, feedback = _feedback(rest)
            text = text_of(answer, self.form)[0]
            if not text:
                raise BadError("an empty answer", at - 1)
            if abs(weight) > 100:
                raise SkipError(f"the weight {weight:g}% of {text!r} is more than 100%")
            choices.append(text)
            weights.append(weight)
            self.feedback(text, feedback, right=weight == 100)
        full = [i for i, w in enumerate(weights) if w == 100]
        positive = [i for i, w in enumerate(weights) if w > 0]
        if not single and len(positive) > 1:  # Moodle's "multiple answers"
            total = sum(weights[i] for i in positive)
            if round(total / 100, 2) != 1:  # Moodle's own check
                raise SkipError(f"the right answers' weights add up to {total:g}%, not 100%")
            right = [choices[i] for i in positive]
            return {"type": "multi", "choices": choices, "answers": right, "weights": weights}
        if len(full) != 1:
            why = "several answers" if full else "no answer"
            raise SkipError(f"{why} worth full credit in a multiple choice with one answer")
        partial = [
            {"answer": choices[i], "weight": w} for i, w in enumerate(weights) if 0 < w < 100
        ]
        item: dict[str, object] = {"type": "mcq", "choices": choices, "answer": choices[full[0]]}
        return {**item, "partial": partial} if partial else item

    def matching(self, body: str, offset: int) -> dict[str, object]:
        pairs: list[dict[str, str]] = []
        for at, _mark, part in _parts(body, offset, "="):
            if "->" not in part:
                raise BadError("a matching pair needs '->' between its two sides", at)
            left, _, right = part.partition("->")
            left_text = text_of(left, self.form)[0]
            right_text = show_escapes(right).strip()
            if not right_text:
                raise BadError("a matching pair with nothing after '->'", at)
            if not left_text:  # a distractor: kzlearn shows the rights of its pairs only
                self.dropped.append(f"the extra right entry {right_text!r} (no left to match)")
                continue
            pairs.append({"left": left_text, "right": right_text})
        return {"type": "match", "pairs": pairs}

    def short(
        self, body: str, offset: int, before: str, after: str, blank: bool
    ) -> dict[str, object]:
        right: list[str] = []
        partial: list[dict[str, object]] = []
        for at, _mark, raw in _parts(body, offset, "="):
            weight, rest = weighted(raw.strip())
            answer, feedback = _feedback(rest)
            text = text_of(answer, self.form, markup=False)[0]
            if not text:
                raise BadError("an empty answer", at - 1)
            self.feedback(text, feedback, right=weight in (None, 100))
            if weight is None or weight == 100:
                right.append(text)
            elif 0 < weight < 100:
                partial.append({"answer": text, "weight": weight})
        if not right:
            raise SkipError("no answer worth full credit (=)")
        plain = not partial and not any(
            "*" in a or "|" in a or "{{" in a or "}}" in a or "\n" in a for a in right
        )
        if blank and plain and "{{" not in before + after:  # missing word: a cloze blank
            passage = f"{before}{{{{{'|'.join(right)}}}}}{after}".strip()
            return {"type": "cloze", "prompt": "Fill in the blank.", "text": passage}
        item: dict[str, object] = {"type": "short", "answer": right[0], "accept": right[1:]}
        return {**item, "partial": partial} if partial else item

    def numerical(self, body: str, offset: int) -> dict[str, object]:
        body, wrong, rest = body[1:].partition("~")
        if wrong:
            self.feedback("", _feedback(rest)[1])
        answer: tuple[float, float] | None = None
        partial: list[dict[str, object]] = []
        for at, _mark, raw in _parts(body, offset + 1, "="):
            weight, rest = weighted(raw.strip())
            text, feedback = _feedback(rest)
            text = show_escapes(text).strip()
            if text == "*":  # Moodle's "any other answer"
                self.feedback("", feedback)
                continue
            value, tolerance = _number(text, at + raw.find(rest.lstrip()[:1]))
            label = number_text(value)
            label = f"{label} ± {number_text(tolerance)}" if tolerance else label
            self.feedback(label, feedback, right=weight in (None, 100))
            if weight is None or weight == 100:
                if answer is not None:
                    raise SkipError("several right numbers: kzlearn keeps one, and partial ones")
                answer = value, tolerance
            elif 0 < weight < 100:
                partial.append(
                    {"answer": number_text(value), "weight": weight, "tolerance": tolerance}
                )
        if answer is None:
            raise SkipError("no number worth full credit")
        item: dict[str, object] = {
            "type": "short",
            "grade_as": "number",
            "answer": number_text(answer[0]),
        }
        if answer[1]:
            item["tolerance"] = answer[1]
        return {**item, "partial": partial} if partial else item


def _number(text: str, at: int) -> tuple[float, float]:
    """A number and its tolerance: ``3.1415:0.0005``, ``3.141..3.142`` or ``1822``."""
    cut = text.find("..")
    if cut > 0:
        low, high = _value(text[:cut], at), _value(text[cut + 2 :], at)
        middle = (low + high) / 2
        return middle, round(abs(high - middle), 12)
    cut = text.find(":")
    if cut > 0:
        return _value(text[:cut], at), round(abs(_value(text[cut + 1 :], at)), 12)
    return _value(text, at), 0.0


def _value(text: str, at: int) -> float:
    text = text.strip()
    if not _NUMBER.fullmatch(text) or len(text) > 40:
        raise BadError(f"a numerical answer needs a number, not {text!r}", at)
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise BadError(f"the number {text!r} is too large", at)
    return value
