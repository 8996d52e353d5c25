"""What a quiz is made of: its options, a question as shown, feedback, answers, summary."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kzlearn.errors import KzlearnError
from kzlearn.localized import Localized
from kzlearn.models import (
    ClozeItem,
    Item,
    MatchItem,
    McqItem,
    MultiItem,
    OrderItem,
    Pack,
    cloze_blanks,
)
from kzlearn.questions.verdict import Outcome, Verdict

__all__ = [
    "FORMAT",
    "ITEM_TYPES",
    "AnswerRecord",
    "Feedback",
    "Question",
    "QuizOptions",
    "Summary",
]

ITEM_TYPES = ("mcq", "true_false", "short", "cloze", "order", "match", "multi", "flashcard")
FORMAT = 1


@dataclass(frozen=True, slots=True)
class QuizOptions:
    """What a quiz asks: item types, how many, the seed, and the display language."""

    types: tuple[str, ...] = ITEM_TYPES
    count: int | None = None
    seed: int | None = None
    lang: str | None = None  # None: each pack's own language
    generated: bool = True  # include items generated from facts
    tags: tuple[str, ...] = ()  # only items with one of these tags

    def __post_init__(self) -> None:
        unknown = set(self.types) - set(ITEM_TYPES)
        if unknown:
            raise KzlearnError(
                f"unknown item type {sorted(unknown)[0]!r}; expected {', '.join(ITEM_TYPES)}"
            )
        if self.count is not None and self.count < 1:
            raise KzlearnError("a quiz needs at least one question")


@dataclass(frozen=True, slots=True)
class Question:
    """An item as presented: texts in the display language, entries in shown order."""

    key: str
    pack: Pack
    item: Item
    number: int
    total: int
    lang: str
    # As shown: mcq and multi, the choices' indexes; order, item.sequence's; match, the rights'.
    order: tuple[int, ...] = ()

    def text(self, value: Localized, lang: str | None = None) -> str:
        """``value`` in the display language (or ``lang``)."""
        return value.get(lang or self.lang, self.pack.language)

    @property
    def prompt(self) -> str:
        """The question, in the display language."""
        return self.text(self.item.prompt)

    def translation(self, lang: str) -> str | None:
        """The prompt in another language, when the pack has it."""
        if not self.item.prompt.has(lang, self.pack.language):
            return None
        return self.text(self.item.prompt, lang)

    @property
    def choices(self) -> list[str]:
        """Multiple choice and select-all: the choices, in the order shown (``order`` maps
        them back)."""
        if not isinstance(self.item, McqItem | MultiItem):
            return []
        return [self.text(self.item.choices[i]) for i in self.order]

    @property
    def entries(self) -> list[tuple[int, str]]:
        """Ordering: (index in the right order, text), in the order first shown."""
        if not isinstance(self.item, OrderItem):
            return []
        return [(i, self.text(self.item.sequence[i])) for i in self.order]

    @property
    def lefts(self) -> list[str]:
        """Matching: the left entries, in pack order."""
        if not isinstance(self.item, MatchItem):
            return []
        return [self.text(p.left) for p in self.item.pairs]

    @property
    def rights(self) -> list[tuple[int, str]]:
        """Matching: (index of its pair, text) of the right entries, shuffled."""
        if not isinstance(self.item, MatchItem):
            return []
        return [(i, self.text(self.item.pairs[i].right)) for i in self.order]

    @property
    def cloze_parts(self) -> list[str]:
        """Cloze: the passage split around its blanks (one more part than blanks)."""
        if not isinstance(self.item, ClozeItem):
            return []
        parts: list[str] = []
        rest = self.text(self.item.text)
        for _ in cloze_blanks(rest):
            before, _, after = rest.partition("{{")
            parts.append(before)
            rest = after.partition("}}")[2]
        parts.append(rest)
        return parts


@dataclass(frozen=True, slots=True)
class Feedback:
    """What a student reads after answering."""

    verdict: Verdict
    explanation: str | None
    evidence: str | None  # the passage, in the display language
    evidence_original: str | None  # the passage as the source writes it, when different
    source: str | None  # title, author and date of the source


@dataclass(frozen=True, slots=True)
class AnswerRecord:
    """One answer given in a quiz."""

    key: str
    outcome: Outcome
    response: Any
    seconds: float
    reason: str | None = None
    overridden: bool = False  # the student said "I was right": counted correct


@dataclass(frozen=True, slots=True)
class Summary:
    """The end of a quiz: score, time and a breakdown per tag."""

    total: int
    correct: int
    nearly: int
    wrong: int
    seconds: float
    per_tag: dict[str, tuple[float, int]]  # tag -> (score as in `score`, answered)
    mistakes: list[str]

    @property
    def score(self) -> float:
        """Correct counts 1, nearly 0.5; out of the items answered (0 to 1)."""
        answered = self.correct + self.nearly + self.wrong
        return (self.correct + 0.5 * self.nearly) / answered if answered else 0.0
