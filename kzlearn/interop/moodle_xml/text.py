"""Text between Moodle's formats and kzlearn's: HTML to plain text and back, and the
embedded answers of Moodle's cloze (multianswer) questions.

Every pattern here is linear in its input (no nested repetition, no backtracking between
two ways to match), so a hostile file of a few megabytes is read in well under a second.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from kzlearn.language.text import is_rtl_lang

__all__ = [
    "ClozePart",
    "cloze_code",
    "cloze_parts",
    "html_to_text",
    "is_decimal",
    "text_to_html",
]

_SPACE = re.compile(r"\s+")
_BR = re.compile(r"<br\s*/?>", re.I)
_PARAGRAPH = re.compile(r"</(?:p|div|li|h[1-6])\s*>\s*(?:<(?:p|div|li|h[1-6])\b[^<>]*>)?", re.I)
_TAG = re.compile(r"<[^<>]*>")
_SPACES = re.compile(r"[^\S\n]{2,}")

_DECIMAL = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?")


def is_decimal(text: str) -> bool:
    """Whether ``text`` is a number as Moodle's numerical questions write one."""
    return _DECIMAL.fullmatch(text.strip()) is not None


def _without_comments(text: str) -> str:
    # str.find, not a pattern: a pattern tried at each of a million unclosed "<!--" would
    # scan to the end from each of them.
    parts, start = [], 0
    while (opening := text.find("<!--", start)) >= 0:
        closing = text.find("-->", opening + 4)
        if closing < 0:
            break
        parts.append(text[start:opening])
        start = closing + 3
    parts.append(text[start:])
    return "".join(parts)


def html_to_text(text: str, form: str = "html") -> str:
    """The plain text of a Moodle text in format ``form``: tags left out, entities
    decoded, line breaks and paragraphs as new lines, other white space as one space."""
    if form in ("plain_text", "markdown"):
        return text.strip()
    text = _without_comments(text)
    if form == "html":
        text = _SPACE.sub(" ", text)
    text = _BR.sub("\n", text)
    text = _PARAGRAPH.sub("\n", text)
    text = _TAG.sub("", text)
    text = html.unescape(text).replace("\xa0", " ")
    if form == "html":  # an image or a tag between two spaces leaves one space
        text = _SPACES.sub(" ", text)
    lines = (line.strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line).strip()


def text_to_html(text: str, lang: str) -> str:
    """``text`` as one HTML paragraph, right to left for such a language."""
    body = html.escape(text, quote=False).replace("\n", "<br>")
    return f'<p dir="rtl">{body}</p>' if is_rtl_lang(lang) else f"<p>{body}</p>"


# -- cloze (multianswer) ------------------------------------------------------------------

_FIELD = re.compile(r"\{(\d*):([A-Za-z_]+):")
_BODY = re.compile(r"(?:\\.|[^\\}])*\}", re.S)  # up to the first "}" not escaped
_ESCAPED = re.compile(r"\\(.)", re.S)
_FRACTION = re.compile(r"%(-?\d+(?:\.\d+)?)%")
_SPECIAL = re.compile(r'([}#~/"\\])')

SHORT_TYPES = {"SHORTANSWER", "SA", "MW", "SHORTANSWER_C", "SAC", "MWC"}
NUMERIC_TYPES = {"NUMERICAL", "NM"}
CHOICE_TYPES = {
    "MULTICHOICE", "MC", "MULTICHOICE_V", "MCV", "MULTICHOICE_H", "MCH",
    "MULTICHOICE_S", "MCS", "MULTICHOICE_VS", "MCVS", "MULTICHOICE_HS", "MCHS",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class ClozePart:
    """One embedded answer field: its type and its answers with their fractions (percent)."""

    kind: str
    answers: tuple[tuple[float, str, str], ...]  # (fraction, answer, feedback)

    def right(self) -> list[str]:
        """The answers worth full credit."""
        return [a for f, a, _ in self.answers if f >= 100]


def _split(text: str, separator: str) -> list[str]:
    """``text`` split on ``separator`` where it is not escaped with a backslash."""
    parts, current, i = [], [], 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text):
            current.append(text[i : i + 2])
            i += 2
            continue
        if char == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
        i += 1
    parts.append("".join(current))
    return parts


def _unescape(text: str) -> str:
    return html.unescape(_ESCAPED.sub(r"\1", text))


def _part(kind: str, body: str) -> ClozePart:
    answers: list[tuple[float, str, str]] = []
    for written in _split(body, "~"):
        if not written.strip():
            continue
        fraction, rest = 0.0, written
        if written.startswith("="):
            fraction, rest = 100.0, written[1:]
        else:
            found = _FRACTION.match(written)
            if found:
                fraction, rest = float(found.group(1)), written[found.end() :]
        pieces = _split(rest, "#")
        answer, feedback = pieces[0], "#".join(pieces[1:])
        answers.append((fraction, _unescape(answer).strip(), _unescape(feedback).strip()))
    return ClozePart(kind.upper(), tuple(answers))


def cloze_parts(text: str) -> tuple[str, list[ClozePart]]:
    """``text`` with each embedded answer field replaced by a marker ``\\ue000N\\ue001``
    (N from 0), and the fields in order."""
    parts: list[ClozePart] = []
    out: list[str] = []
    position = 0
    while (field := _FIELD.search(text, position)) is not None:
        body = _BODY.match(text, field.end())
        if body is None:  # no "}" closes it: none closes a field further on either
            break
        out += [text[position : field.start()], f"\ue000{len(parts)}\ue001"]
        parts.append(_part(field.group(2), body.group()[:-1]))
        position = body.end()
    out.append(text[position:])
    return "".join(out), parts


def _escape_answer(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def cloze_code(answers: tuple[str, ...], *, numeric: bool = False) -> str:
    """The embedded answer field that accepts each of ``answers``."""
    kind = "NUMERICAL" if numeric else "SHORTANSWER"
    return "{1:" + kind + ":" + "~".join("=" + _escape_answer(a) for a in answers) + "}"
