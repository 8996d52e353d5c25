"""Quality warnings for a valid pack: what a careful colleague would point out.

- the answer is in the prompt;
- two items ask the same thing;
- a choice or distractor that the grader would accept as right;
- a fact without evidence;
- a text missing one of the pack's declared translations.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from kzlearn.errors import Problem
from kzlearn.files import read_user_text
from kzlearn.language.text import fold
from kzlearn.models import (
    DateFact,
    EntityFact,
    Fact,
    McqItem,
    NumberFact,
    Pack,
    ShortItem,
    _walk_localized,
)
from kzlearn.packs import parse_pack
from kzlearn.questions.grading import Kind, match_answer
from kzlearn.yamlread import Located, read_yaml

__all__ = ["lint_file", "lint_pack"]

Loc = tuple[str | int, ...]


def _answers(fact: Fact | None) -> tuple[list[str], Kind]:
    """What the grader accepts for ``fact``, and how it compares (none for terms)."""
    if isinstance(fact, DateFact):
        return [fact.value.iso(), *fact.accept], "date"
    if isinstance(fact, NumberFact):
        return [str(fact.value), *fact.accept], "number"
    if isinstance(fact, EntityFact):
        return [*fact.value.values(), *fact.accept], "text"
    return [], "text"


def _graded_right(answers: list[str], kind: Kind, texts: Iterable[str]) -> list[str]:
    if not answers:
        return []
    return [t for t in texts if match_answer(answers, t, lang=None, kind=kind)[0] != "wrong"]


def _fact_warnings(pack: Pack) -> Iterator[tuple[Loc, str]]:
    for i, fact in enumerate(pack.facts):
        if fact.evidence is None:
            yield ("facts", i), "a fact without evidence: quote the passage it comes from"
        answers, kind = _answers(fact)
        for j, distractor in enumerate(fact.distractors):
            for text in _graded_right(answers, kind, distractor.values()):
                yield ("facts", i, "distractors", j), f"{text!r} would be graded right"


def _item_warnings(pack: Pack) -> Iterator[tuple[Loc, str]]:
    facts = {f.id: f for f in pack.facts}
    seen: dict[str, int] = {}
    for i, item in enumerate(pack.items):
        prompt = fold(item.prompt.get(pack.language, pack.language))
        if prompt in seen:
            yield ("items", i, "prompt"), f"asks the same thing as items.{seen[prompt]}"
        seen.setdefault(prompt, i)
        if isinstance(item, ShortItem | McqItem):
            right = item.answer.get(pack.language, pack.language)
            if len(fold(right)) > 2 and fold(right) in prompt:
                yield ("items", i, "prompt"), f"the answer {right!r} is in the prompt"
        if isinstance(item, McqItem):
            answers, kind = _answers(facts.get(item.fact or ""))
            for j, choice in enumerate(item.choices):
                if j != item.answer_index:
                    for text in _graded_right(answers, kind, choice.values()):
                        yield ("items", i, "choices", j), f"{text!r} would be graded right"


def _translation_warnings(pack: Pack) -> Iterator[tuple[Loc, str]]:
    for loc, localized in _walk_localized(pack, ()):
        if loc and loc[0] == "sources":
            continue  # a source's title is in the source's language
        missing = [lang for lang in pack.translations if not localized.has(lang, pack.language)]
        if missing:
            yield loc, f"no {', '.join(missing)} translation"


def lint_pack(pack: Pack) -> list[tuple[Loc, str]]:
    """Warnings, each with the location of what it is about."""
    return [*_fact_warnings(pack), *_item_warnings(pack), *_translation_warnings(pack)]


def _position(located: Located, loc: Loc) -> tuple[int | None, int | None]:
    for end in range(len(loc), -1, -1):
        found = located.positions.get(tuple(loc[:end]))
        if found is not None:
            return found
    return None, None


def lint_file(path: str | Path) -> list[Problem]:
    """Warnings for one pack file, located by line and column.

    Raises:
        PackError: the file is not a valid pack (validate it first).
    """
    text = read_user_text(path, "pack file")
    pack = parse_pack(text, str(path))
    located = read_yaml(text)
    problems = []
    for loc, message in lint_pack(pack):
        line, column = _position(located, loc)
        problems.append(
            Problem(str(path), line, column, ".".join(map(str, loc)), f"warning: {message}")
        )
    return sorted(problems, key=lambda p: (p.line or 0, p.column or 0))
