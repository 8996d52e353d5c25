"""GIFT's text: escapes, the [html] / [moodle] / [plain] / [markdown] forms, weights, numbers.

What each means is Moodle's (question/format/gift/format.php): escapes are read before
anything else; a text may start with its form; only HTML is turned into text.
"""

from __future__ import annotations

import html
import re

from kzlearn.language.numbers import format_number

__all__ = [
    "MISSING_WORD",
    "PLACEHOLDER",
    "escape",
    "hide_escapes",
    "number_text",
    "percent",
    "show_escapes",
    "text_of",
    "weighted",
]

# An escaped character is hidden as two private-use characters (the same length as the
# escape, so an offset in the hidden text is an offset in the file): the GIFT marks it
# holds no longer split anything.
PLACEHOLDER = "\ue000"
MISSING_WORD = "_____"  # Moodle's blank in a missing-word question (read, then written back)
_BASE = 0xE000
_ESCAPE = re.compile(r"\\([\\:#={}~n])")
_HIDDEN = re.compile(PLACEHOLDER + "(.)", re.S)
_SPECIAL = "\\~=#{}:"


def hide_escapes(text: str) -> str:
    """``text`` with each GIFT escape (``\\~ \\= \\# \\{ \\} \\: \\\\ \\n``) hidden."""
    text = text.replace(PLACEHOLDER, "\ufffd")  # a file's own private-use mark is no escape
    if "\\" not in text:
        return text
    return _ESCAPE.sub(lambda m: PLACEHOLDER + chr(_BASE + ord(m.group(1))), text)


def _shown(match: re.Match[str]) -> str:
    char = chr(ord(match.group(1)) - _BASE)
    return "\n" if char == "n" else char


def show_escapes(text: str) -> str:
    """The hidden escapes of ``text`` as the characters they stand for."""
    return _HIDDEN.sub(_shown, text) if PLACEHOLDER in text else text


def escape(text: str) -> str:
    """``text`` written so that GIFT reads it back as it is."""
    for char in _SPECIAL:
        if char in text:
            text = text.replace(char, "\\" + char)
    return text.replace("\r", "").replace("\n", "\\n")


# Every pattern here is linear in its input: none scans from one start past the next place
# a match could start ("<"), so a file of 1 MB is read in well under a second.
# A tag starts "<" and a letter ("3 < 5" holds none); one way to match, so no backtracking.
_TAG = re.compile(r"<(?:[a-zA-Z]|/[a-zA-Z]|!--)[^<>]*>")
_BREAK = re.compile(r"<(?:br|/p|/div|/li|/h[1-6]|/tr)\b[^<>]*>", re.I)
_FORM = re.compile(r"\[(html|moodle|plain|markdown)\]")
_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


def _from_html(text: str) -> str:
    text = _BREAK.sub("\n", text)
    text = _TAG.sub("", text)
    text = html.unescape(text)
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def text_of(raw: str, default: str = "moodle", *, markup: bool = True) -> tuple[str, str]:
    """The text of a GIFT text (escapes still hidden) and its form.

    A text may start with its form, else it has ``default`` (the question's). HTML becomes
    text in the [html] form, and in the [moodle] form when it holds tags; [plain] and
    [markdown] text stays as written, "<" and ">" included. ``markup=False``: a form that
    holds no markup (a short answer's), never turned.
    """
    raw = raw.strip()
    form = default
    if raw.startswith("["):
        found = _FORM.match(raw)
        if found:
            form, raw = found.group(1), raw[found.end() :]
    text = show_escapes(raw).strip()
    if markup and (form == "html" or (form == "moodle" and _TAG.search(text))):
        text = _from_html(text)
    return text, form


# Moodle's weight: "%50%", "%-100%", "%33.33333%" right after the mark.
_WEIGHT = re.compile(r"%(-*)([0-9]{1,2}\.?[0-9]*)%")


def weighted(answer: str) -> tuple[float | None, str]:
    """The weight (percent) an answer starts with, if any, and the rest of it."""
    found = _WEIGHT.match(answer)
    if found is None:
        return None, answer
    value = float(found.group(2))
    return (-value if found.group(1) else value), answer[found.end() :]


def percent(weight: float) -> str:
    """A weight as Moodle writes it: ``%50%``, ``%33.33333%``, ``%-100%``."""
    return f"%{f'{weight:.5f}'.rstrip('0').rstrip('.')}%"


def number_text(value: float) -> str:
    """A number as GIFT writes it: "." the decimal point, no grouping, no exponent where
    twelve digits do."""
    if float(value).is_integer() and abs(value) < 1e15:
        return format_number(value)
    text = f"{value:.12g}"
    if "e" in text:
        fixed = f"{value:.12f}".rstrip("0").rstrip(".")
        text = fixed if float(fixed) != 0 else repr(value)
    return text
