"""Answers that are several things: right in any order and with any separator.

"الصين وفرنسا" = "فرنسا، الصين" = "France & China". The conjunction و counts as a separator
only at the start of a word after a space ("وروسيا"), never inside a word; one thing
missing out of the list is nearly, a wrong or extra thing is wrong.
"""

from __future__ import annotations

import re

from kzlearn.language.text import normalize_basic
from kzlearn.questions.compare import WRONG, Match, text_match

__all__ = ["list_match", "split_list"]

_SEPARATORS = re.compile(r"\s*(?:[,،;؛&/+]|\band\b|\bet\b)\s*|\s+و\s+|\s+و(?=\w{3})")


def split_list(text: str) -> list[str]:
    """The things an answer names, in the order written."""
    return [p for p in (s.strip() for s in _SEPARATORS.split(normalize_basic(text))) if p]


def list_match(expected: str, given: str, lang: str | None) -> Match:
    """``given`` against an ``expected`` list of two things or more; WRONG for one thing."""
    wanted = split_list(expected)
    if len(wanted) < 2:
        return WRONG
    typed = split_list(given)
    if not typed or len(typed) > len(wanted) or len(typed) < len(wanted) - 1:
        return WRONG
    free = list(range(len(wanted)))
    order: list[int] = []
    worst = Match("correct", None)
    for part in typed:
        scores = [(text_match(wanted[i], part, lang), i) for i in free]
        best, index = max(scores, key=lambda s: ("wrong", "nearly", "correct").index(s[0].outcome))
        if best.outcome == "wrong":
            return WRONG
        free.remove(index)
        order.append(index)
        if best.outcome == "nearly" and worst.outcome == "correct":
            worst = best
    if len(typed) < len(wanted):
        return worst if worst.outcome == "nearly" else Match("nearly", "one part is missing")
    if worst.outcome == "nearly":
        return worst
    return Match("correct", "in another order" if order != sorted(order) else "listed another way")
