"""Choices graded: one choice (a partly right one is nearly, with its share of the credit),
or several (select all that apply: the sum of the chosen choices' weights, as in Moodle)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from kzlearn.localized import Localized
from kzlearn.models import McqItem, MultiItem
from kzlearn.questions.compare import text_match
from kzlearn.questions.lists import split_list
from kzlearn.questions.verdict import Verdict

__all__ = ["mcq_verdict", "multi_verdict"]


def _typed_choice(choices: Sequence[Localized], typed: str, lang: str | None) -> int:
    """The position of the choice ``typed`` names (in any of its languages), else -1."""
    return next(
        (
            i
            for i, c in enumerate(choices)
            if any(text_match(t, typed, lang).outcome == "correct" for t in c.values())
        ),
        -1,
    )


def mcq_verdict(item: McqItem, response: object, lang: str | None) -> Verdict:
    expected = item.answer.get(lang, lang or "")
    index = item.answer_index
    if isinstance(response, int) and not isinstance(response, bool):
        chosen = response
    else:
        chosen = _typed_choice(item.choices, str(response or ""), lang)
    if chosen == index:
        return Verdict("correct", expected)
    share = item.partial_weights()[chosen] if 0 <= chosen < len(item.choices) else 0
    if share:
        return Verdict("nearly", expected, "partly right", share / 100)
    return Verdict("wrong", expected)


def _chosen(item: MultiItem, response: object, lang: str | None) -> set[int] | None:
    """The indexes of the choices picked: from indexes, or texts (a list, or one text of
    choices separated by commas); None when one of them is no choice."""
    picked = split_list(response) if isinstance(response, str) else response
    if not isinstance(picked, Iterable) or isinstance(picked, dict):
        return None
    out: set[int] = set()
    for entry in picked:
        if isinstance(entry, int) and not isinstance(entry, bool):
            index = entry if 0 <= entry < len(item.choices) else -1
        else:
            index = _typed_choice(item.choices, str(entry), lang)
        if index < 0:
            return None
        out.add(index)
    return out


def multi_verdict(item: MultiItem, response: object, lang: str | None) -> Verdict:
    right = item.answer_indexes
    expected = " · ".join(item.choices[i].get(lang, lang or "") for i in right)
    chosen = _chosen(item, response, lang)
    if not chosen:
        return Verdict("wrong", expected, "no answer", 0.0)
    weights = item.choice_weights()
    score = min(1.0, max(0.0, sum(weights[i] for i in chosen) / 100))
    found = sum(i in chosen for i in right)
    extra = len(chosen) - found
    if found == len(right) and round(score, 2) >= 1:  # 3 x 33.33333 is all of it
        return Verdict("correct", expected, None, 1.0)
    reason = f"{found} of {len(right)} right choices"
    if extra:
        reason += ", a wrong choice too"
    return Verdict("nearly" if score > 0 else "wrong", expected, reason, round(score, 4))
