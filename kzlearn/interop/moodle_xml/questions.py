"""One Moodle question to the data of one kzlearn item, or the reason it cannot be one."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

from kzlearn.interop.moodle_xml.text import (
    CHOICE_TYPES,
    NUMERIC_TYPES,
    SHORT_TYPES,
    ClozePart,
    cloze_parts,
    html_to_text,
    is_decimal,
)
from kzlearn.language.numbers import parse_decimal

__all__ = ["UnmappedError", "convert"]

Data = dict[str, Any]


class UnmappedError(Exception):
    """A question kzlearn cannot ask; the message says why."""


def text_of(element: ET.Element | None, child: str = "text") -> tuple[str, str]:
    """The raw text of ``element``'s ``<text>`` (or of ``element`` itself when it has
    none), and its format."""
    if element is None:
        return "", "html"
    form = element.get("format", "html")
    inner = element.find(child)
    raw = inner.text if inner is not None else element.text
    return raw or "", form


def plain(element: ET.Element | None) -> str:
    """The plain text of a Moodle text element."""
    raw, form = text_of(element)
    return html_to_text(raw, form)


# Moodle's grades (question_bank::fraction_options_full), as fractions: its importer
# refuses a question with an answer worth anything else ("invalidgradequestion").
MOODLE_GRADES = (1.0, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4,
                 0.3333333, 0.3, 0.25, 0.2, 0.1666667, 0.1428571, 0.125, 0.1111111, 0.1,
                 0.05, 0.0)  # fmt: skip


def _fraction(answer: ET.Element, graded: bool) -> float:
    value = answer.get("fraction", "0")
    try:
        percent = float(value)
    except ValueError:
        raise UnmappedError(f"an answer's fraction {value!r} is not a number") from None
    # match_grade_options(..., 'error'): within 0.00001 of a grade, or of its negative
    if graded and not any(abs(abs(percent) / 100 - g) < 0.00001 for g in MOODLE_GRADES):
        raise UnmappedError(f"an answer's grade {value}% is not one of Moodle's grades")
    return percent


def answers(
    question: ET.Element, form: str | None = None, *, graded: bool = True
) -> list[tuple[float, str, str]]:
    """Each ``<answer>``: its fraction (percent), its text, its feedback (plain text);
    ``form`` overrides the answers' own format (short answers are plain text); ``graded``
    fractions must be Moodle's grades (an ordering's are positions)."""
    found = []
    for answer in question.findall("answer"):
        raw, own = text_of(answer)
        text = html_to_text(raw, form or own)
        found.append((_fraction(answer, graded), text, plain(answer.find("feedback"))))
    return found


def _is_true(question: ET.Element, tag: str, default: bool) -> bool:
    element = question.find(tag)
    if element is None or element.text is None:
        return default
    return element.text.strip().lower() in ("true", "1", "yes")


def _right_feedback(found: list[tuple[float, str, str]]) -> str:
    return next((feedback for f, _, feedback in found if f >= 100 and feedback), "")


def _near(a: float, b: float) -> bool:
    return abs(a - b) < 0.01  # Moodle writes fractions to 7 digits: 33.33333 is 100/3


def _mcq(question: ET.Element, base: Data) -> Data:
    found = answers(question)
    if len(found) < 2:
        raise UnmappedError("a multiple choice needs at least two answers")
    choices = [text for _, text, _ in found]
    right = [text for f, text, _ in found if _near(f, 100) or f > 100]
    positive = [text for f, text, _ in found if f > 0]
    base.setdefault("explanation", _right_feedback(found))
    if not _is_true(question, "single", True) and positive != right[:1]:
        # select all that apply: Moodle's fractions are kzlearn's weights
        weights = [f for f, _, _ in found]
        data = {**base, "type": "multi", "choices": choices, "answers": positive}
        share = 100 / len(positive)
        if not all(_near(w, share if w > 0 else -share) for w in weights):
            data["weights"] = weights  # not the default shares: kept as written
        return data
    if len(right) != 1:
        raise UnmappedError("a multiple choice needs one answer worth 100%")
    partial = [
        {"answer": t, "weight": f} for f, t, _ in found if 0 < f < 100 and not _near(f, 100)
    ]
    data = {**base, "type": "mcq", "choices": choices, "answer": right[0]}
    if partial:
        data["partial"] = partial
    return data


def _true_false(question: ET.Element, base: Data) -> Data:
    found = answers(question, form="plain_text")
    right = [text for f, text, _ in found if f >= 100]
    if len(right) != 1:
        raise UnmappedError("a true/false question needs one answer worth 100%")
    base.setdefault("explanation", _right_feedback(found))
    return {**base, "type": "true_false", "answer": right[0].strip().lower() == "true"}


def _short(question: ET.Element, base: Data) -> Data:
    found = answers(question, form="plain_text")
    right = [text for f, text, _ in found if f >= 100]
    if not right:
        raise UnmappedError("no answer worth 100%")
    base.setdefault("explanation", _right_feedback(found))
    data = {**base, "type": "short", "answer": right[0], "accept": right[1:]}
    partial = [{"answer": t, "weight": f} for f, t, _ in found if 0 < f < 100]
    if partial:  # Moodle's wildcard * is kzlearn's too
        data["partial"] = partial
    return data


def _tolerance(answer: ET.Element) -> float | None:
    text = (answer.findtext("tolerance") or "0").strip()
    try:
        value = abs(float(text))
    except ValueError:
        raise UnmappedError(f"the tolerance {text!r} is not a number") from None
    return value or None


def _number(text: str) -> str:
    if not is_decimal(text) or parse_decimal(text) is None:
        raise UnmappedError(f"the answer {text!r} is not a number")
    return text.strip()


def _numerical(question: ET.Element, base: Data) -> Data:
    found = answers(question, form="plain_text")
    elements = question.findall("answer")
    right = [(t, e) for (f, t, _), e in zip(found, elements, strict=True) if f >= 100]
    if not right:
        raise UnmappedError("no answer worth 100%")
    unit = next(
        (
            plain(u.find("unit_name"))
            for u in question.iter("unit")
            if (u.findtext("multiplier") or "1").strip() in ("1", "1.0", "1.0000000")
        ),
        "",
    )
    if unit:  # the number is typed in the base unit: the prompt names it
        base["prompt"] = f"{base['prompt']} ({unit})"
    base.setdefault("explanation", _right_feedback(found))
    data = {
        **base,
        "type": "short",
        "answer": _number(right[0][0]),
        "accept": [_number(t) for t, _ in right[1:]],
        "grade_as": "number",
    }
    tolerance = _tolerance(right[0][1])
    if tolerance is not None:
        data["tolerance"] = tolerance
    partial = []
    for (f, text, _), element in zip(found, elements, strict=True):
        if 0 < f < 100:
            entry = {"answer": _number(text), "weight": f}
            if (own := _tolerance(element)) is not None:
                entry["tolerance"] = own
            partial.append(entry)
    if partial:
        data["partial"] = partial
    return data


def _matching(question: ET.Element, base: Data) -> Data:
    pairs = []
    for sub in question.findall("subquestion"):
        left = plain(sub)
        right = html_to_text(text_of(sub.find("answer"))[0], "plain_text")
        if left and right:  # a subquestion without text is a distractor: no kzlearn form
            pairs.append({"left": left, "right": right})
    return {**base, "type": "match", "pairs": pairs}


def _ordering(question: ET.Element, base: Data) -> Data:
    return {
        **base,
        "type": "order",
        "sequence": [text for _, text, _ in answers(question, graded=False)],
    }


_DEFAULT_PROMPT = {"ar": "املأ الفراغات.", "fr": "Complétez les blancs."}
_FIRST_PARAGRAPH = re.compile(r"\s*<p\b[^<>]*>((?:[^<]|<(?!/p\s*>))*)</p\s*>", re.I)
_MARK = re.compile("\ue000(\\d+)\ue001")


def _passage(marked: str, form: str, blanks: list[str], base: Data, lang: str) -> Data:
    """A cloze item of ``marked`` (HTML with a marker where each blank goes)."""
    prompt = _DEFAULT_PROMPT.get(lang.split("-", maxsplit=1)[0], "Fill in the blanks.")
    first = _FIRST_PARAGRAPH.match(marked)
    if first and "\ue000" not in first.group(1) and "\ue000" in marked[first.end() :]:
        prompt, marked = html_to_text(first.group(1)) or prompt, marked[first.end() :]
    text = html_to_text(marked, form)
    text = _MARK.sub(lambda m: blanks[int(m.group(1))], text)
    return {**base, "type": "cloze", "prompt": prompt, "text": text}


def _blank(answers_: list[str], where: str) -> str:
    for answer in answers_:
        if "|" in answer or "{{" in answer or "}}" in answer or "\n" in answer:
            raise UnmappedError(
                f"{where}: the answer {answer!r} holds '|', '{{{{', '}}}}' or a new line"
            )
    return "{{" + "|".join(answers_) + "}}"


def _cloze_blank(part: ClozePart, n: int) -> str:
    where = f"embedded answer {n}"
    right = part.right()
    if part.kind not in SHORT_TYPES | NUMERIC_TYPES | CHOICE_TYPES:
        raise UnmappedError(f"{where}: {part.kind} fields have no kzlearn form")
    if not right:
        raise UnmappedError(f"{where} has no answer worth 100%")
    if part.kind in CHOICE_TYPES and len(part.answers) < 2:
        raise UnmappedError(f"{where}: a choice needs at least two answers")
    if part.kind in NUMERIC_TYPES:  # a blank is typed text: a tolerance (3.14:0.01) is lost
        right = [text.split(":")[0].strip() for text in right]
        for text in right:
            if not is_decimal(text) or parse_decimal(text) is None:
                raise UnmappedError(f"{where}: {text!r} is not a number")
    if part.kind in SHORT_TYPES and any("*" in a for a in right):
        raise UnmappedError(f"{where}: a blank has no wildcard answers (*)")
    return _blank(right, where)


def _cloze(question: ET.Element, base: Data, lang: str) -> Data:
    raw, form = text_of(question.find("questiontext"))
    marked, parts = cloze_parts(raw)
    if not parts:
        raise UnmappedError("no embedded answer such as {1:SHORTANSWER:=answer}")
    blanks = [_cloze_blank(part, n) for n, part in enumerate(parts, start=1)]
    return _passage(marked, form, blanks, base, lang)


_GAP = re.compile(r"\[\[(\d+)\]\]")


def _gaps(question: ET.Element, base: Data, lang: str, option: str) -> Data:
    raw, form = text_of(question.find("questiontext"))
    options = [plain(o) for o in question.findall(option)]
    blanks: list[str] = []

    def mark(match: re.Match[str]) -> str:
        n = int(match.group(1))
        if not 1 <= n <= len(options) or not options[n - 1]:
            raise UnmappedError(f"the gap [[{n}]] names no choice")
        blanks.append(_blank([options[n - 1]], f"gap [[{n}]]"))
        return f"\ue000{len(blanks) - 1}\ue001"

    marked = _GAP.sub(mark, raw)
    if not blanks:
        raise UnmappedError("no gap such as [[1]] in the question text")
    return _passage(marked, form, blanks, base, lang)


def convert(question: ET.Element, kind: str, base: Data, lang: str) -> Data:
    """The item data of ``question`` (of Moodle type ``kind``), from ``base`` (id, prompt,
    explanation, tags).

    Raises:
        UnmappedError: the question has no kzlearn form.
    """
    if kind == "multichoice":
        return _mcq(question, base)
    if kind == "truefalse":
        return _true_false(question, base)
    if kind == "shortanswer":
        return _short(question, base)
    if kind == "numerical":
        return _numerical(question, base)
    if kind == "matching":
        return _matching(question, base)
    if kind == "ordering":
        return _ordering(question, base)
    if kind in ("cloze", "multianswer"):
        return _cloze(question, base, lang)
    if kind == "gapselect":
        return _gaps(question, base, lang, "selectoption")
    if kind == "ddwtos":
        return _gaps(question, base, lang, "dragbox")
    if kind == "description":
        raise UnmappedError("a description (text shown between questions), not a question")
    raise UnmappedError(f"Moodle's {kind!r} questions have no kzlearn form")
