"""Giveaways: an item whose prompt holds the answer of another (or of itself).

A quiz never puts two such items together (:class:`kzlearn.quiz.session.QuizSession` picks
around them) and ``kzlearn lint`` lists the pairs in a pack. Answers are compared on folded
text as whole words, and dates also as values, so «ماي 1992» in one prompt gives away
«مايو 1992» in another.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from kzlearn.language.dates import parse_date
from kzlearn.language.text import fold
from kzlearn.models import ClozeItem, FlashcardItem, Item, McqItem, ShortItem
from kzlearn.questions.cloze import word_spans

__all__ = ["Clues", "clues", "giveaway_pairs", "gives_away", "names_own_answer"]

_YEAR = re.compile(r"(?<!\d)[0-9٠-٩۰-۹]{4}(?!\d)")
_MIN_LETTERS = 2  # a one-letter answer ("7" aside) is found everywhere


class Clues:
    """What an item asks for, and what its shown text tells."""

    __slots__ = ("_answer_texts", "_dates", "_shown_texts", "_told_dates", "answers", "shown")

    def __init__(self, answers: Iterable[str], shown: Iterable[str]) -> None:
        answers, shown = list(answers), list(shown)
        self.answers = frozenset(
            f for f in (fold(a) for a in answers) if len(f) >= _MIN_LETTERS or f.isdigit()
        )
        self._answer_texts = answers
        self._dates: frozenset[str] | None = None
        self.shown = tuple(f" {fold(t)} " for t in shown)
        self._shown_texts = shown
        self._told_dates: frozenset[str] | None = None

    @classmethod
    def of(cls, item: Item) -> Clues:
        """The answers ``item`` asks for and the texts it shows (prompt, passage)."""
        answers: list[str] = []
        if isinstance(item, McqItem):
            answers += item.answer.values()
        elif isinstance(item, ShortItem):
            answers += [*item.answer.values(), *item.accept]
        elif isinstance(item, ClozeItem):
            answers += [a for blank in item.blanks(None, "") for a in blank]
        elif isinstance(item, FlashcardItem):
            answers += item.back.values()
        shown = list(item.prompt.values())
        if isinstance(item, ClozeItem):
            shown += [_without_blanks(t) for t in item.text.values()]
        return cls(answers, shown)

    @property
    def dates(self) -> frozenset[str]:
        """The ISO forms of the answers that are dates with a year."""
        if self._dates is None:
            self._dates = frozenset(
                p.value.iso()
                for p in (parse_date(a) for a in self._answer_texts if _YEAR.search(a))
                if p is not None and p.value.year
            )
        return self._dates

    @property
    def told_dates(self) -> frozenset[str]:
        """The dates the shown text writes (read on first need: parsing is the slow part)."""
        if self._told_dates is None:
            self._told_dates = _dates_in(self._shown_texts)
        return self._told_dates

    def tells(self, other: Clues) -> bool:
        """Whether this item's shown text holds ``other``'s answer."""
        if any(f" {answer} " in text for answer in other.answers for text in self.shown):
            return True
        if not any(date[:4] in text for date in other.dates for text in self.shown):
            return False  # the shown text does not even write the year
        return bool(other.dates & self.told_dates)


_CACHE: dict[int, tuple[Item, Clues]] = {}


def clues(item: Item) -> Clues:
    """The clues of ``item``, computed once per item object."""
    cached = _CACHE.get(id(item))
    if cached is not None and cached[0] is item:
        return cached[1]
    if len(_CACHE) > 50_000:
        _CACHE.clear()
    found = Clues.of(item)
    _CACHE[id(item)] = (item, found)
    return found


def gives_away(shown: Item, asked: Item) -> bool:
    """Whether ``shown``'s prompt (or statement, or passage) holds ``asked``'s answer."""
    if not isinstance(asked, McqItem | ShortItem | ClozeItem):
        return False  # a statement, an ordering or a matching has no answer to give away
    return clues(shown).tells(clues(asked))


def names_own_answer(prompt: Iterable[str], answers: Iterable[str]) -> bool:
    """Whether a question worded ``prompt`` writes one of its own ``answers``: the test of
    :func:`gives_away` for an item against itself, before the item is built."""
    own = Clues(answers, prompt)
    return own.tells(own)


def giveaway_pairs(items: Sequence[Item]) -> Iterable[tuple[Item, Item]]:
    """Each (shown, asked) pair of ``items`` where ``shown`` gives ``asked``'s answer away;
    an item that gives its own answer away is paired with itself."""
    all_clues = [clues(i) for i in items]
    for i, shown in enumerate(all_clues):
        for j, asked in enumerate(all_clues):
            if isinstance(items[j], McqItem | ShortItem | ClozeItem) and shown.tells(asked):
                yield items[i], items[j]


def _without_blanks(text: str) -> str:
    out, rest = [], text
    while "{{" in rest:
        before, _, after = rest.partition("{{")
        out.append(before)
        rest = after.partition("}}")[2]
    return " ".join([*out, rest])


def _dates_in(texts: Iterable[str]) -> frozenset[str]:
    """The ISO forms of the dates (with a year) that ``texts`` write."""
    found: set[str] = set()
    for text in texts:
        words = [span for span, _ in word_spans(text)]
        for i, (start, end) in enumerate(words):
            if not _YEAR.search(text[start:end]):
                continue  # a date the prompt could give away has a year
            for first in range(max(0, i - 3), i + 1):
                for last in range(i, min(len(words), i + 3)):
                    chunk = text[words[first][0] : words[last][1]]
                    parsed = parse_date(chunk)
                    if parsed is not None and parsed.value.year:
                        found.add(parsed.value.iso())
    return frozenset(found)
