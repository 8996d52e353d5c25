"""Moodle questions with gaps in a text: cloze (multianswer), gap-select and drag-drop
into text.

A question with one gap that offers choices (a choice field, or a gap with at least two
words in its group) is a multiple choice: the text is its prompt, the gap shown as
``____``, the choices kept. Otherwise it is a cloze item of typed blanks, each the gap's
right answer; the choices of several gaps are then dropped, and ``notes`` says so.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from kzlearn.interop.moodle_xml.questions import (
    Data,
    UnmappedError,
    explain,
    plain,
    simple,
    text_of,
)
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

__all__ = ["GAP", "convert"]

GAP = "____"
"""How a gap shows in the prompt of a multiple choice made of a one-gap question."""

_MAX_CHOICES = 10  # as kzlearn's multiple choice
_DEFAULT_PROMPT = {"ar": "املأ الفراغات.", "fr": "Complétez les blancs."}
_FIRST_PARAGRAPH = re.compile(r"\s*<p\b[^<>]*>((?:[^<]|<(?!/p\s*>))*)</p\s*>", re.I)
_MARK = re.compile("\ue000(\\d+)\ue001")
_GAP = re.compile(r"\[\[(\d+)\]\]")

Choices = list[tuple[float, str, str]]  # (fraction, choice, feedback)


def _passage(marked: str, form: str, blanks: list[str], base: Data, lang: str) -> Data:
    """A cloze item of ``marked`` (HTML with a marker where each blank goes)."""
    prompt = _DEFAULT_PROMPT.get(lang.split("-", maxsplit=1)[0], "Fill in the blanks.")
    first = _FIRST_PARAGRAPH.match(marked)
    if first and "\ue000" not in first.group(1) and "\ue000" in marked[first.end() :]:
        prompt, marked = html_to_text(first.group(1)) or prompt, marked[first.end() :]
    text = html_to_text(marked, form)
    text = _MARK.sub(lambda m: blanks[int(m.group(1))], text)
    return {**base, "type": "cloze", "prompt": prompt, "text": text}


def _mcq(marked: str, form: str, choices: Choices, base: Data) -> Data | None:
    """A multiple choice of ``marked`` (HTML with one gap's marker) and the gap's
    ``choices``; None if they do not make one."""
    right = [text for f, text, _ in choices if f >= 100]
    texts = [text for _, text, _ in choices]
    if len(right) != 1 or len(set(texts)) != len(texts) or not 2 <= len(texts) <= _MAX_CHOICES:
        return None
    prompt = html_to_text(_MARK.sub(GAP, marked), form)
    data: Data = {**base, "prompt": prompt, "type": "mcq", "choices": texts, "answer": right[0]}
    partial = [{"answer": t, "weight": f} for f, t, _ in choices if 0 < f < 100]
    if partial:
        data["partial"] = partial
    explain(data, [(f, t, html_to_text(feedback)) for f, t, feedback in choices])
    return data


def _blank(answers: list[str], where: str) -> str:
    for answer in answers:
        if "|" in answer or "{{" in answer or "}}" in answer or "\n" in answer:
            raise UnmappedError(
                f"{where}: the answer {answer!r} holds '|', '{{{{', '}}}}' or a new line"
            )
    return "{{" + "|".join(answers) + "}}"


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


def _dropped(choosing: int, gaps: int) -> str:
    return f"the choices of {choosing} of its {gaps} gaps were dropped (typed blanks)"


def _cloze(question: ET.Element, base: Data, lang: str, notes: list[str]) -> Data:
    raw, form = text_of(question.find("questiontext"))
    marked, parts = cloze_parts(raw)
    if not parts:
        raise UnmappedError("no embedded answer such as {1:SHORTANSWER:=answer}")
    blanks = [_cloze_blank(part, n) for n, part in enumerate(parts, start=1)]
    choosing = sum(part.kind in CHOICE_TYPES for part in parts)
    if len(parts) == 1 and choosing:
        data = _mcq(marked, form, list(parts[0].answers), base)
        if data is not None:
            return data
    if choosing:
        notes.append(_dropped(choosing, len(parts)))
    partly = sum(
        any(0 < f < 100 for f, _, _ in part.answers)
        for part in parts
        if part.kind not in CHOICE_TYPES
    )
    if partly:  # a blank is right or wrong
        notes.append(f"the partly right answers of {partly} blank(s) were dropped")
    within = sum(
        any(":" in a for a in part.right()) for part in parts if part.kind in NUMERIC_TYPES
    )
    if within:
        notes.append(f"the tolerance of {within} number(s) was dropped (typed blanks are exact)")
    data = _passage(marked, form, blanks, base, lang)
    said = [  # the same word may be right in one gap and wrong in the next: numbered
        f"[{n}] «{answer}»: {' '.join(feedback_text.split())}"
        for n, part in enumerate(parts, start=1)
        for _, answer, feedback in part.answers
        if (feedback_text := html_to_text(feedback))
    ]
    if said:
        data["explanation"] = "\n".join([str(data.get("explanation", "")), *said]).strip()
    return data


def _gaps(question: ET.Element, base: Data, lang: str, option: str, notes: list[str]) -> Data:
    raw, form = text_of(question.find("questiontext"))
    options = [(plain(o), (o.findtext("group") or "1").strip()) for o in question.findall(option)]
    blanks: list[str] = []
    groups: list[str] = []

    def mark(match: re.Match[str]) -> str:
        n = int(match.group(1))
        if not 1 <= n <= len(options) or not options[n - 1][0]:
            raise UnmappedError(f"the gap [[{n}]] names no choice")
        blanks.append(_blank([options[n - 1][0]], f"gap [[{n}]]"))
        groups.append(options[n - 1][1])
        return f"\ue000{len(blanks) - 1}\ue001"

    marked = _GAP.sub(mark, raw)
    if not blanks:
        raise UnmappedError("no gap such as [[1]] in the question text")
    # A gap offers every word of its group (drag-drop: each box once, so the same list).
    offered = [list(dict.fromkeys(t for t, g in options if g == group and t)) for group in groups]
    if len(blanks) == 1:
        right = blanks[0][2:-2]
        choices = [(100.0 if t == right else 0.0, t, "") for t in offered[0]]
        data = _mcq(marked, form, choices, base)
        if data is not None:
            return data
    choosing = sum(len(words) > 1 for words in offered)
    if choosing:
        notes.append(_dropped(choosing, len(blanks)))
    return _passage(marked, form, blanks, base, lang)


def convert(question: ET.Element, kind: str, base: Data, lang: str, notes: list[str]) -> Data:
    """The item data of ``question`` (of Moodle type ``kind``), from ``base`` (id, prompt,
    explanation, tags); what was lost on the way is added to ``notes``.

    Raises:
        UnmappedError: the question has no kzlearn form.
    """
    data = simple(question, kind, base)
    if data is not None:
        return data
    if kind in ("cloze", "multianswer"):
        return _cloze(question, base, lang, notes)
    if kind == "gapselect":
        return _gaps(question, base, lang, "selectoption", notes)
    if kind == "ddwtos":
        return _gaps(question, base, lang, "dragbox", notes)
    raise UnmappedError(f"Moodle's {kind!r} questions have no kzlearn form")
