"""QuizSession: a quiz without a terminal. The app shows and collects; the session decides.

It picks the items (at most one per fact before any fact comes back), presents them
(shuffled entries for ordering and matching, deterministic for a seed), grades answers,
keeps score, streak, mistakes and time per item, retries mistakes, and round-trips through
JSON so a quiz can be resumed.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from kzlearn.errors import KzlearnError
from kzlearn.models import (
    ClozeItem,
    Item,
    MatchItem,
    McqItem,
    MultiItem,
    OrderItem,
    Pack,
)
from kzlearn.questions.self_graded import with_reverse_cards
from kzlearn.questions.verdict import Outcome, Verdict
from kzlearn.quiz.feedback import feedback_for
from kzlearn.quiz.parts import (
    FORMAT,
    ITEM_TYPES,
    AnswerRecord,
    Feedback,
    Question,
    QuizOptions,
    Summary,
)

__all__ = [
    "ITEM_TYPES",
    "AnswerRecord",
    "Feedback",
    "Question",
    "QuizOptions",
    "QuizSession",
    "Summary",
]

_POINTS: dict[Outcome, float] = {"correct": 1.0, "nearly": 0.5, "wrong": 0.0}


@dataclass
class _State:
    keys: list[str]
    index: int = 0
    answers: list[AnswerRecord] = field(default_factory=list)


class QuizSession:
    """A quiz over the items of one or more packs.

    Args:
        packs: the packs to draw items from.
        options: types, count, seed and display language.
        keys: play exactly these items (``pack_id/item_id``), in this order.
        clock: seconds, monotonic; tests pass their own.
        on_answer: called with every answer as it is recorded (the progress store).
        items: each pack's items when already generated (kzlearn.cache), by pack id.
    """

    def __init__(
        self,
        packs: Sequence[Pack],
        options: QuizOptions | None = None,
        *,
        keys: Sequence[str] | None = None,
        clock: Callable[[], float] = time.monotonic,
        on_answer: Callable[[AnswerRecord], None] | None = None,
        items: Mapping[str, Sequence[Item]] | None = None,
    ) -> None:
        options = options or QuizOptions()
        if options.seed is None:
            options = _with_seed(options, random.SystemRandom().randrange(2**31))
        self.options = options
        self.packs = {p.id: p for p in packs}
        self._items: dict[str, tuple[Pack, Item]] = {}
        for pack in packs:
            if not options.generated:
                pool: Sequence[Item] = pack.items
            elif items is not None and pack.id in items:
                pool = items[pack.id]
            else:
                from kzlearn.questions.generate import all_items  # not with a warm cache

                pool = all_items(pack)
            for item in with_reverse_cards(pool):
                self._items[f"{pack.id}/{item.id}"] = (pack, item)
        self._clock = clock
        self._started = clock()
        self._shown_at = self._started
        self.on_answer = on_answer
        chosen = list(keys) if keys is not None else self._choose()
        if not chosen:
            raise KzlearnError("no item matches these options")
        self._state = _State([k for k in chosen if k in self._items])

    def _choose(self) -> list[str]:
        opts = self.options
        rng = random.Random(opts.seed)
        by_fact: dict[str, list[str]] = {}
        for key, (pack, item) in self._items.items():
            if item.type not in opts.types:
                continue
            if opts.tags and not set(opts.tags) & set(item.tags):
                continue
            if isinstance(item, ClozeItem) and not item.text.has(
                opts.lang or pack.language, pack.language
            ):
                continue  # a passage not written in the quiz's language
            if item.type == "flashcard" and item.fact and opts.types != ("flashcard",):
                continue  # a fact's self-graded card, asked better by its other items
            by_fact.setdefault(f"{pack.id}/{item.fact or item.id}", []).append(key)
        groups = list(by_fact.values())
        for group in groups:
            rng.shuffle(group)
        rng.shuffle(groups)
        # Round robin: every fact once before any fact twice.
        chosen: list[str] = []
        for round_ in range(max((len(g) for g in groups), default=0)):
            chosen.extend(g[round_] for g in groups if round_ < len(g))
        if not opts.count:
            return chosen  # every item was asked for, giveaways included
        return self._without_giveaways(chosen, opts.count)

    def _without_giveaways(self, keys: list[str], count: int) -> list[str]:
        """The first ``count`` of ``keys`` such that no item's prompt holds another's answer."""
        from kzlearn.questions.giveaways import gives_away

        kept: list[Item] = []
        out: list[str] = []
        for key in keys:
            item = self._items[key][1]
            if any(gives_away(item, k) or gives_away(k, item) for k in kept):
                continue
            kept.append(item)
            out.append(key)
            if len(out) == count:
                break
        return out

    # -- playing ---------------------------------------------------------------------------

    def set_lang(self, lang: str | None) -> None:
        """Show the next items in ``lang`` (None: each pack's own language)."""
        self.options = replace(self.options, lang=lang)

    def shown_now(self, question: Question) -> Question:
        """``question`` in the language the session shows items in now (after set_lang)."""
        return replace(question, lang=self._lang(question.pack))

    def _lang(self, pack: Pack) -> str:
        return self.options.lang or pack.language

    @property
    def total(self) -> int:
        """How many items the quiz has."""
        return len(self._state.keys)

    @property
    def index(self) -> int:
        """How many items have been answered."""
        return self._state.index

    @property
    def finished(self) -> bool:
        """True once every item is answered."""
        return self._state.index >= len(self._state.keys)

    @property
    def current(self) -> Question | None:
        """The item to answer now, or None at the end."""
        if self.finished:
            return None
        key = self._state.keys[self._state.index]
        pack, item = self._items[key]
        lang = self._lang(pack)
        order: tuple[int, ...] = ()
        rng = random.Random(f"{self.options.seed}/{key}")
        if isinstance(item, OrderItem | MatchItem):
            size = len(item.sequence) if isinstance(item, OrderItem) else len(item.pairs)
            order = _shuffled(size, rng)
        elif isinstance(item, McqItem | MultiItem):  # each quiz shows its own order
            shown = list(range(len(item.choices)))
            rng.shuffle(shown)
            order = tuple(shown)
        return Question(key, pack, item, self._state.index + 1, self.total, lang, order)

    def answer(self, response: object) -> Feedback:
        """Grade ``response`` to the current item, record it and move on.

        Raises:
            KzlearnError: the quiz is finished.
        """
        question = self.current
        if question is None:
            raise KzlearnError("the quiz is finished")
        from kzlearn.questions.grading import grade  # (the graders: not needed to start)

        verdict = grade(question.item, response, lang=question.lang)
        now = self._clock()
        record = AnswerRecord(
            question.key,
            verdict.outcome,
            _jsonable(response),
            max(0.0, now - self._shown_at),
            verdict.reason,
        )
        self._state.answers.append(record)
        self._state.index += 1
        self._shown_at = now
        if self.on_answer is not None:
            self.on_answer(record)
        return self.feedback(question, verdict)

    def override_last(self) -> AnswerRecord:
        """The student says the last answer was right ("I was right"): count it correct,
        marked as overridden. Returns the new record.

        Raises:
            KzlearnError: there is no answer, or it was already correct.
        """
        if not self._state.answers or self._state.answers[-1].outcome == "correct":
            raise KzlearnError("no wrong or nearly answer to count as right")
        record = replace(self._state.answers[-1], outcome="correct", overridden=True)
        self._state.answers[-1] = record
        return record

    def undo_last(self) -> AnswerRecord:
        """Take back the last answer: its item is the current one again.

        Raises:
            KzlearnError: nothing was answered.
        """
        if not self._state.answers:
            raise KzlearnError("no answer to take back")
        record = self._state.answers.pop()
        self._state.index -= 1
        self._shown_at = self._clock()
        return record

    def skip(self) -> Feedback:
        """Give up on the current item: it counts as a mistake."""
        return self.answer("")

    def feedback(self, question: Question, verdict: Verdict) -> Feedback:
        """The explanation, evidence and source to show with ``verdict``."""
        return feedback_for(question, verdict)

    # -- results ---------------------------------------------------------------------------

    @property
    def answers(self) -> list[AnswerRecord]:
        """Every answer so far, in order."""
        return list(self._state.answers)

    @property
    def streak(self) -> int:
        """Correct answers in a row, up to now."""
        count = 0
        for record in reversed(self._state.answers):
            if record.outcome != "correct":
                break
            count += 1
        return count

    @property
    def best_streak(self) -> int:
        """The longest run of correct answers."""
        best = run = 0
        for record in self._state.answers:
            run = run + 1 if record.outcome == "correct" else 0
            best = max(best, run)
        return best

    @property
    def mistakes(self) -> list[str]:
        """Keys of the items answered wrong or nearly, in order, each once."""
        return list(dict.fromkeys(a.key for a in self._state.answers if a.outcome != "correct"))

    def retry_mistakes(self) -> QuizSession:
        """A new quiz over this quiz's mistakes.

        Raises:
            KzlearnError: there were none.
        """
        if not self.mistakes:
            raise KzlearnError("no mistakes to retry")
        # A new seed: the retry shows choices and orderings shuffled anew.
        reseeded = replace(self.options, seed=random.Random(self.options.seed).randrange(2**31))
        return QuizSession(
            list(self.packs.values()),
            reseeded,
            keys=self.mistakes,
            clock=self._clock,
            on_answer=self.on_answer,
            items=self._by_pack(),
        )

    def _by_pack(self) -> dict[str, list[Item]]:
        by_pack: dict[str, list[Item]] = {}
        for pack, item in self._items.values():
            by_pack.setdefault(pack.id, []).append(item)
        return by_pack

    def summary(self) -> Summary:
        """Score, time and the breakdown per tag."""
        counts = {"correct": 0, "nearly": 0, "wrong": 0}
        per_tag: dict[str, list[float]] = {}
        for record in self._state.answers:
            counts[record.outcome] += 1
            for tag in self._items[record.key][1].tags or ("untagged",):
                entry = per_tag.setdefault(tag, [0, 0])
                entry[0] += _POINTS[record.outcome]  # the score's rule: nearly counts half
                entry[1] += 1
        return Summary(
            total=self.total,
            correct=counts["correct"],
            nearly=counts["nearly"],
            wrong=counts["wrong"],
            seconds=sum(a.seconds for a in self._state.answers),
            per_tag={t: (c, int(n)) for t, (c, n) in sorted(per_tag.items())},
            mistakes=self.mistakes,
        )

    # -- saving ----------------------------------------------------------------------------

    def to_json(self) -> str:
        """The whole session, to resume with :meth:`from_json`."""
        return json.dumps(
            {
                "format": FORMAT,
                "options": {
                    **asdict(self.options),
                    "types": list(self.options.types),
                    "tags": list(self.options.tags),
                },
                "keys": self._state.keys,
                "index": self._state.index,
                "answers": [asdict(a) for a in self._state.answers],
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(
        cls,
        packs: Sequence[Pack],
        text: str,
        *,
        clock: Callable[[], float] = time.monotonic,
        on_answer: Callable[[AnswerRecord], None] | None = None,
    ) -> QuizSession:
        """Resume a session saved by :meth:`to_json` over the same packs.

        Items that the packs no longer have are dropped.

        Raises:
            KzlearnError: the text is not a saved session.
        """
        try:
            data = json.loads(text)
            if data.get("format") != FORMAT:
                raise KzlearnError(f"a saved quiz of format {data.get('format')!r} cannot be read")
            raw = data["options"]
            options = QuizOptions(
                **{**raw, "types": tuple(raw["types"]), "tags": tuple(raw["tags"])}
            )
            session = cls(packs, options, keys=data["keys"], clock=clock, on_answer=on_answer)
            answers = [AnswerRecord(**a) for a in data["answers"]]
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise KzlearnError(f"not a saved quiz: {error}") from None
        kept = set(session._state.keys)
        session._state.answers = [a for a in answers if a.key in kept]
        answered = {a.key for a in session._state.answers}
        session._state.index = sum(1 for k in session._state.keys if k in answered)
        # Answered items first, in their order; the rest after, as they were.
        session._state.keys = [k for k in data["keys"] if k in answered and k in kept] + [
            k for k in data["keys"] if k not in answered and k in kept
        ]
        return session


def _with_seed(options: QuizOptions, seed: int) -> QuizOptions:
    return QuizOptions(
        options.types, options.count, seed, options.lang, options.generated, options.tags
    )


def _shuffled(size: int, rng: random.Random) -> tuple[int, ...]:
    order = list(range(size))
    while size > 1 and order == list(range(size)):
        rng.shuffle(order)  # never show an ordering already solved
    return tuple(order)


def _jsonable(response: object) -> Any:
    if isinstance(response, str | int | float | bool) or response is None:
        return response
    if isinstance(response, dict):
        return {str(k): _jsonable(v) for k, v in response.items()}
    if isinstance(response, list | tuple):
        return [_jsonable(v) for v in response]
    return str(response)
