"""Moodle's feedback (GIFT and Moodle XML alike) as a kzlearn explanation.

kzlearn has one explanation per item, Moodle a general feedback and one per answer. The
explanation is the general feedback, then a line ``«answer»: feedback`` for each answer
that has its own; when the only feedback is the right answer's and there is no general
one, that feedback alone is the explanation. ``split_explanation`` reads such lines back
so that an export gives each answer its feedback again.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["explanation", "split_explanation"]

_LINE = re.compile(r"«([^«»\n]+)»: (.+)")


def explanation(general: str, answers: Sequence[tuple[str, str, bool]]) -> str:
    """The explanation of a question: its ``general`` feedback and each answer's
    (``answers``: the answer, its feedback, whether it is right), as plain text."""
    general = general.strip()
    own = [(a.strip(), f.strip(), right) for a, f, right in answers if f.strip() and a.strip()]
    if not general and own and all(right for _, _, right in own):
        return "\n".join(dict.fromkeys(f for _, f, _ in own))
    lines = [general] if general else []
    lines += [f"«{a}»: {' '.join(f.split())}" for a, f, _ in own if f != general]
    return "\n".join(dict.fromkeys(lines))  # an answer of several gaps, said once


def split_explanation(
    text: str, answers: Sequence[tuple[str, bool]]
) -> tuple[str, dict[str, str]]:
    """The general feedback of ``text`` and each answer's (``answers``: each answer and
    whether it is right), when its last lines are ``«answer»: feedback`` lines for distinct
    answers in their order: what ``explanation`` reads back as ``text``; otherwise all of
    ``text`` is general."""
    names = [a for a, _ in answers]
    lines = text.split("\n")
    own: dict[str, str] = {}
    while lines and (found := _LINE.fullmatch(lines[-1])) and found.group(1) in names:
        if found.group(1) in own:
            return text, {}
        own[found.group(1)] = found.group(2)
        lines.pop()
    general = "\n".join(lines)
    right = {a for a, r in answers if r}
    if (
        list(reversed(own)) != [a for a in names if a in own]
        or (not general.strip() and set(own) <= right)
        or general.strip() in own.values()
    ):
        return text, {}
    return general, own
