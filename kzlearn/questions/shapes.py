"""The shapes that every kind of fact's items share: wording, distractors, multiple choice
and true/false statements (see :mod:`kzlearn.questions.builder` for what each kind of fact
makes of them: ids, randomness and where distractors come from are described there).
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from kzlearn.language.dates import parse_date
from kzlearn.language.text import fold, has_arabic
from kzlearn.localized import Localized
from kzlearn.models import (
    AnyFact,
    DateFact,
    EntityFact,
    Item,
    McqItem,
    Pack,
    TrueFalseItem,
)
from kzlearn.questions.grading import Kind, match_answer
from kzlearn.questions.phrases import phrase, with_weekday

__all__ = ["Shapes"]

CHOICES = 4
MIN_CHOICES = 3


class Shapes:
    """The item shapes of one pack; :class:`kzlearn.questions.builder.Builder` fills them."""

    def __init__(self, pack: Pack, seed: int | None) -> None:
        self.pack = pack
        self.seed = seed
        self.langs = [pack.language, *pack.translations]

    # -- text helpers ----------------------------------------------------------------------

    def text(self, value: Localized, lang: str) -> str:
        return value.get(lang, self.pack.language)

    def localized(self, make: Callable[[str], str]) -> Localized:
        return Localized({lang: make(lang) for lang in self.langs})

    def own_or(self, own: Localized | None, lang: str, fallback: Callable[[], str]) -> str:
        """The fact's own text in ``lang`` where it has one, else the template's."""
        if own is not None and own.has(lang, self.pack.language):
            return self.text(own, lang)
        return fallback()

    def question(self, fact: AnyFact, key: str) -> Localized:
        gender = fact.gender if isinstance(fact, EntityFact) else None
        return self.localized(
            lambda lang: self.own_or(
                fact.question,
                lang,
                lambda: phrase(key, lang, gender=gender, about=self.text(fact.about, lang)),
            )
        )

    def rng(self, fact: AnyFact, purpose: str = "") -> random.Random:
        return random.Random(f"{self.seed}/{self.pack.id}/{fact.id}/{purpose}")

    def base(self, fact: AnyFact) -> dict[str, Any]:
        return {
            "fact": fact.id,
            "tags": fact.tags,
            "evidence": fact.evidence,
            "explanation": fact.note,
        }

    # -- shared shapes ---------------------------------------------------------------------

    def distractors(
        self,
        prompt: Localized,
        answer: Localized,
        pool: Sequence[Localized],
        answers: Sequence[str],
        kind: Kind = "text",
        *,
        person: bool = False,
        graded: int | None = None,
    ) -> list[Localized]:
        """Up to three of ``pool``, in order: none equal to the answer, none graded right,
        none that the prompt itself names.

        Only the first ``graded`` entries go through the grader (all by default): the rest
        are values of the answer's own kind and precision that differ from it, wrong by
        construction (grading every generated date is most of generation's time).
        """
        keys = {fold(t) for t in answer.values()}
        asked = [f" {fold(t)} " for t in prompt.values()]
        # As text, an answer in Arabic letters is never graded against Latin ones and back:
        # each side is compared only with the answers it could match (half the work).
        by_script = {
            script: [a for a in answers if kind != "text" or _script(a) in (script, None)]
            for script in ("arabic", "latin", None)
        }
        picked: list[Localized] = []
        for index, candidate in enumerate(pool):
            texts = list(candidate.values())
            folded = [fold(t) for t in texts]
            if any(f in keys for f in folded):
                continue
            if any(f" {f} " in a for f in folded for a in asked):
                continue  # "who spoke with Tileuberdi?" must not offer Tileuberdi
            if (graded is None or index < graded) and any(
                match_answer(by_script[_script(t)], t, lang=None, kind=kind, person=person)[0]
                != "wrong"
                for t in texts
            ):
                continue  # a distractor that would be graded right is no distractor
            keys.update(folded)
            picked.append(candidate)
            if len(picked) == CHOICES - 1:
                break
        return picked

    def mcq(
        self, fact: AnyFact, prompt: Localized, answer: Localized, wrong: list[Localized]
    ) -> McqItem | None:
        if len(wrong) < MIN_CHOICES - 1:
            return None
        choices = [answer, *wrong]
        self.rng(fact, "mcq").shuffle(choices)
        return McqItem(
            id=f"{fact.id}.mcq",
            type="mcq",
            prompt=prompt,
            choices=tuple(choices),
            answer=answer,
            **self.base(fact),
        )

    def true_false(
        self,
        fact: AnyFact,
        answer: Localized,
        wrong: Localized | None,
        template: str = "statement",
    ) -> Iterator[Item]:
        gender = fact.gender if isinstance(fact, EntityFact) else None
        for variant, value in (("true", answer), ("false", wrong)):
            if value is None:
                continue
            when = _full_date(value) if isinstance(fact, DateFact) else None

            def state(lang: str, value: Localized = value, when: Any = when) -> str:
                about = self.text(fact.about, lang)
                text = self.own_or(
                    fact.statement,
                    lang,
                    lambda: phrase(template, lang, gender=gender, about=about, answer="{answer}"),
                )
                text = with_weekday(text, lang, when)
                return text.replace("{answer}", self.text(value, lang))

            yield TrueFalseItem(
                id=f"{fact.id}.true_false.{variant}",
                type="true_false",
                prompt=self.localized(state),
                answer=variant == "true",
                **self.base(fact),
            )


def _full_date(value: Localized) -> Any:
    """The calendar day a displayed date names, when it names a whole one."""
    for text in value.values():
        parsed = parse_date(text)
        if parsed is not None:
            date = parsed.value
            if date.year is None or date.month is None or date.day is None:
                return None
            return datetime.date(date.year, date.month, date.day)
    return None


def _script(text: str) -> str | None:
    """Whether ``text`` is written in Arabic letters, Latin ones, or neither (digits)."""
    if has_arabic(text):
        return "arabic"
    return "latin" if any(c.isalpha() for c in text) else None
