"""What students answered to one item: each choice of a multiple-choice or true/false item
with how often it was chosen, and for typed items (short, cloze, ordering, matching) the
answers given, alike ones counted together."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from kzlearn.models import Item

__all__ = ["MAX_RESPONSES", "ChoiceCount", "Kind", "tally"]

# answer: the right choice (or a typed answer graded correct); distractor: a wrong choice
# (or a wrong typed answer); nearly: a typed answer graded nearly right; skipped: no answer;
# other: a response that is none of the choices (typed to a multiple-choice item, or a
# choice the item no longer has).
Kind = Literal["answer", "distractor", "nearly", "skipped", "other"]
_TYPED_KINDS: dict[str, Kind] = {"correct": "answer", "nearly": "nearly"}
MAX_RESPONSES = 8  # typed answers listed one by one; the rarer ones are counted together


@dataclass(frozen=True, slots=True)
class ChoiceCount:
    """One choice (or one typed answer) and how many students gave it."""

    label: str
    count: int
    kind: Kind


def _decode(stored: str | None) -> object:
    if stored is None:
        return None
    try:
        return json.loads(stored)
    except ValueError:
        return stored  # not JSON: kept as the text it is


def _is_blank(response: object) -> bool:
    if response is None:
        return True
    if isinstance(response, str):
        return not response.strip()
    if isinstance(response, list):
        return all(_is_blank(r) for r in response)
    return False


def tally(
    item: Item | None,
    answers: Sequence[tuple[str | None, str]],
    *,
    lang: str | None,
    pack_lang: str,
) -> list[ChoiceCount]:
    """Count ``answers`` (the stored response and its outcome) against ``item``'s
    choices; ``item`` is None for an item no longer in its pack. Choices come in the
    item's order (every one, chosen or not), typed answers most frequent first."""
    from kzlearn.models import McqItem, TrueFalseItem

    skipped = 0
    given: list[tuple[object, str]] = []
    for stored, outcome in answers:
        response = _decode(stored)
        if _is_blank(response):
            skipped += 1
        else:
            given.append((response, outcome))
    if isinstance(item, McqItem):
        counts = _mcq(item, given, lang, pack_lang)
    elif isinstance(item, TrueFalseItem):
        counts = _true_false(item, given)
    else:
        counts = _typed(item, given, lang, pack_lang)
    if skipped:
        counts.append(ChoiceCount("(no answer)", skipped, "skipped"))
    return counts


def _others(texts: list[str]) -> list[ChoiceCount]:
    found: dict[str, int] = {}
    for text in texts:
        found[text] = found.get(text, 0) + 1
    return [ChoiceCount(f"(other) {t}", n, "other") for t, n in found.items()]


def _mcq(
    item: Item, given: list[tuple[object, str]], lang: str | None, pack_lang: str
) -> list[ChoiceCount]:
    from kzlearn.models import McqItem
    from kzlearn.questions.grading import match_answer

    assert isinstance(item, McqItem)
    counts = [0] * len(item.choices)
    others: list[str] = []
    for response, _outcome in given:
        chosen: int | None = None
        if isinstance(response, int) and not isinstance(response, bool):
            chosen = response if 0 <= response < len(counts) else None
        else:
            typed = str(response)
            chosen = next(
                (
                    i
                    for i, choice in enumerate(item.choices)
                    if match_answer(list(choice.values()), typed, lang=lang)[0] == "correct"
                ),
                None,
            )
        if chosen is None:
            others.append(_label(response))
        else:
            counts[chosen] += 1
    right = item.answer_index
    return [
        ChoiceCount(
            choice.get(lang, pack_lang), counts[i], "answer" if i == right else "distractor"
        )
        for i, choice in enumerate(item.choices)
    ] + _others(others)


def _true_false(item: Item, given: list[tuple[object, str]]) -> list[ChoiceCount]:
    from kzlearn.models import TrueFalseItem
    from kzlearn.questions.grading import grade

    assert isinstance(item, TrueFalseItem)
    chosen = {True: 0, False: 0}
    others: list[str] = []
    for response, _outcome in given:
        if isinstance(response, bool):
            chosen[response] += 1
            continue
        verdict = grade(item, str(response))  # a typed "صحيح", "false", ...
        if verdict.outcome == "correct":
            chosen[item.answer] += 1
        elif verdict.reason is None:  # read as the other value
            chosen[not item.answer] += 1
        else:
            others.append(_label(response))
    return [
        ChoiceCount(
            "true" if value else "false",
            chosen[value],
            "answer" if value == item.answer else "distractor",
        )
        for value in (True, False)
    ] + _others(others)


def _typed(
    item: Item | None, given: list[tuple[object, str]], lang: str | None, pack_lang: str
) -> list[ChoiceCount]:
    from kzlearn.language.text import fold

    counts: Counter[tuple[str, str]] = Counter()  # (outcome, folded text) -> students
    first_label: dict[tuple[str, str], str] = {}
    for response, outcome in given:
        label = _label(response, item, lang, pack_lang)
        key = (outcome, fold(label))
        counts[key] += 1
        first_label.setdefault(key, label)
    ranked = counts.most_common()
    shown = [
        ChoiceCount(first_label[key], n, _TYPED_KINDS.get(key[0], "distractor"))
        for key, n in ranked[:MAX_RESPONSES]
    ]
    rest = sum(n for _key, n in ranked[MAX_RESPONSES:])
    if rest:
        shown.append(ChoiceCount(f"({len(ranked) - MAX_RESPONSES} other answers)", rest, "other"))
    return shown


def _label(
    response: object, item: Item | None = None, lang: str | None = None, pack_lang: str = ""
) -> str:
    """A response as a teacher reads it: text as typed, blanks joined by " | ", an
    ordering as its entries in the order given, a matching as its pairs."""
    from kzlearn.models import MatchItem, OrderItem

    if isinstance(response, str):
        return " ".join(response.split())
    if isinstance(response, list):
        if isinstance(item, OrderItem) and _indexes(response, len(item.sequence)):
            return " → ".join(item.sequence[i].get(lang, pack_lang) for i in response)
        if isinstance(item, MatchItem) and _indexes(response, len(item.pairs)):
            return "; ".join(
                f"{pair.left.get(lang, pack_lang)} — {item.pairs[i].right.get(lang, pack_lang)}"
                for pair, i in zip(item.pairs, response, strict=False)
            )
        return " | ".join(_label(r) for r in response)
    return json.dumps(response, ensure_ascii=False)


def _indexes(values: list[object], size: int) -> bool:
    return all(isinstance(v, int) and not isinstance(v, bool) and 0 <= v < size for v in values)
