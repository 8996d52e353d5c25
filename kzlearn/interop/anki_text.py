"""Text in kzlearn's Anki notes: HTML escaping, directions, cloze numbers."""

from __future__ import annotations

import re
from collections.abc import Sequence

from kzlearn.interop.ids import stable_int
from kzlearn.language.text import RTL_LANGUAGES, direction_rtl, fold

__all__ = ["CLOZE_NUMBERS", "RTL_LANGUAGES", "cloze_numbers", "esc", "text_dir"]

_SPECIAL = re.compile("[&<>\"'\n]")

CLOZE_NUMBERS = 500
"""Anki makes a card of cloze numbers 1 to 500 only."""


def esc(text: str) -> str:
    """Teacher text made inert in HTML (what html.escape does, plus <br> for new lines).

    str.replace runs in C over the whole string (str.translate goes character by character
    through a dict); most texts need none of it: one search finds those.
    """
    if _SPECIAL.search(text) is None:
        return text
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if '"' in text:
        text = text.replace('"', "&quot;")
    if "'" in text:
        text = text.replace("'", "&#x27;")
    if "\n" in text:
        text = text.replace("\n", "<br>")
    return text


def cloze_numbers(blanks: Sequence[Sequence[str]]) -> list[int]:
    """Anki's cloze number for each blank, from its first answer (and, for an answer given
    twice, its rank among the blanks with that answer), never from its position.

    Two blanks whose answers hash alike take the next free numbers, in the order of their
    answers; only such a rare clash makes a new blank able to take an old one's number.
    """
    seen: dict[str, int] = {}
    identities = []
    for answers in blanks:
        key = fold(answers[0]) or answers[0]
        seen[key] = seen.get(key, 0) + 1
        identities.append(f"{key}\0{seen[key]}")
    numbers = [0] * len(blanks)
    taken: set[int] = set()
    for index in sorted(range(len(blanks)), key=identities.__getitem__):
        number = stable_int(f"cloze {identities[index]}") % CLOZE_NUMBERS
        while number in taken:
            number = (number + 1) % CLOZE_NUMBERS
        taken.add(number)
        numbers[index] = number + 1
    return numbers


def text_dir(text: str, default: str) -> str:
    """The direction of ``text`` ("rtl" or "ltr") by its first strong letter (``default``,
    one of the two, for none)."""
    return "rtl" if direction_rtl(text, default == "rtl") else "ltr"
