"""Quality warnings for a valid pack: what a careful colleague would point out.

- the answer is in the prompt;
- two items ask the same thing;
- an item (generated ones included) whose prompt gives away another fact's answer;
- a choice or distractor that the grader would accept as right;
- a flashcard whose back repeats its front, or whose hint gives the back away;
- a fact without evidence, an item with neither a fact nor evidence;
- facts and items still marked ``draft``;
- a fact whose question or statement falls back to a template in one of the languages;
- an entity without a ``group`` and too few distractors of its own;
- a text missing one of the pack's declared translations.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import fields
from pathlib import Path

from kzlearn.errors import Problem
from kzlearn.files import read_user_text
from kzlearn.language.text import fold
from kzlearn.models import (
    DateFact,
    EntityFact,
    Fact,
    FlashcardItem,
    Item,
    McqItem,
    NumberFact,
    Pack,
    ShortItem,
    _walk_localized,
)
from kzlearn.packs import parse_pack
from kzlearn.questions.generate import all_items, template_fallbacks
from kzlearn.questions.giveaways import giveaway_pairs
from kzlearn.questions.grading import Kind, match_answer
from kzlearn.yamlread import Located, read_yaml

__all__ = ["NOTE", "lint_file", "lint_pack"]

NOTE = "note: "  # a message that informs and does not make lint fail

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


def _draft_warnings(pack: Pack) -> Iterator[tuple[Loc, str]]:
    for field in ("facts", "items"):
        for i, entry in enumerate(getattr(pack, field)):
            if entry.draft:
                yield (field, i, "draft"), "still a draft: review it, then remove draft: true"


def _wording_warnings(pack: Pack) -> Iterator[tuple[Loc, str]]:
    index = {f.id: i for i, f in enumerate(pack.facts)}
    missing: dict[tuple[str, str], list[str]] = {}
    for fact_id, field, lang in template_fallbacks(pack):
        missing.setdefault((fact_id, field), []).append(lang)
    for (fact_id, field), langs in missing.items():
        yield (
            ("facts", index[fact_id], field),
            f"no {field} in {', '.join(langs)}: a template words it; write the fact's own",
        )
    for i, fact in enumerate(pack.facts):
        if isinstance(fact, EntityFact) and fact.group is None and len(fact.distractors) < 3:
            yield (
                ("facts", i),
                "an entity without a group and fewer than 3 distractors: generated "
                "alternatives may be of another kind",
            )


def _giveaway_notes(pack: Pack, items: list[Item]) -> Iterator[tuple[Loc, str]]:
    """One note per (item or fact shown, fact given away); quizzes keep such pairs apart."""
    written = {item.id: i for i, item in enumerate(pack.items)}
    facts = {f.id: i for i, f in enumerate(pack.facts)}
    found: dict[Loc, dict[str, list[str]]] = {}
    for shown, asked in giveaway_pairs(items):
        if shown is asked:
            continue  # generation drops such items; _item_warnings names written ones
        if shown.fact is not None and shown.fact == asked.fact:
            continue  # one fact's items: a quiz asks a fact once, first
        if shown.id in written:
            loc: Loc = ("items", written[shown.id], "prompt")
        elif shown.fact in facts:
            loc = ("facts", facts[shown.fact])
        else:
            loc = ()
        found.setdefault(loc, {}).setdefault(asked.fact or asked.id, []).append(shown.id)
    for loc, given in found.items():
        for what, shown_ids in given.items():
            by = ", ".join(dict.fromkeys(shown_ids))
            yield loc, f"{NOTE}{by} names the answer to {what!r}; a quiz keeps them apart"


def _evidence_warnings(pack: Pack) -> Iterator[tuple[Loc, str]]:
    for i, item in enumerate(pack.items):
        if item.fact is None and item.evidence is None:
            yield (
                ("items", i),
                "an item with neither a fact nor evidence: no passage is shown after answering",
            )


_SKIP = frozenset({"id", "fact", "tags", "evidence"})  # what two items may differ in


def _repeat_warnings(pack: Pack, items: list[Item]) -> Iterator[tuple[Loc, str]]:
    """Items that ask the same thing: two written ones with one prompt, or a generated one
    with the prompt of another item of its type (a fact's typed question and its multiple
    choice share their prompt by design)."""
    written = {item.id: i for i, item in enumerate(pack.items)}
    facts = {f.id: i for i, f in enumerate(pack.facts)}
    by_prompt: dict[str, Item] = {}
    by_type: dict[tuple[str, str], Item] = {}
    for item in items:
        prompt = fold(item.prompt.get(pack.language, pack.language))
        shape = prompt
        if item.type in ("order", "match", "cloze"):  # a generic prompt: compare the content
            shape += repr([getattr(item, f.name) for f in fields(item) if f.name not in _SKIP])
        first = by_type.setdefault((item.type, shape), item)
        if item.id in written:
            first = by_prompt.setdefault(prompt, item)
        if first is item:
            continue
        where = f"items.{written[first.id]}" if first.id in written else first.id
        if item.id in written:
            key = "front" if isinstance(item, FlashcardItem) else "prompt"
            yield ("items", written[item.id], key), f"asks the same thing as {where}"
        elif item.fact in facts:
            yield ("facts", facts[item.fact]), f"{item.id} asks the same thing as {where}"


def _item_warnings(pack: Pack) -> Iterator[tuple[Loc, str]]:
    facts = {f.id: f for f in pack.facts}
    for i, item in enumerate(pack.items):
        prompt = fold(item.prompt.get(pack.language, pack.language))
        if isinstance(item, ShortItem | McqItem):
            right = item.answer.get(pack.language, pack.language)
            if len(fold(right)) > 2 and fold(right) in prompt:
                yield ("items", i, "prompt"), f"the answer {right!r} is in the prompt"
        if isinstance(item, FlashcardItem):
            yield from _flashcard_warnings(item, i, pack.language)
        if isinstance(item, McqItem):
            answers, kind = _answers(facts.get(item.fact or ""))
            for j, choice in enumerate(item.choices):
                if j != item.answer_index:
                    for text in _graded_right(answers, kind, choice.values()):
                        yield ("items", i, "choices", j), f"{text!r} would be graded right"


def _flashcard_warnings(item: FlashcardItem, i: int, lang: str) -> Iterator[tuple[Loc, str]]:
    front, back = (fold(t.get(lang, lang)) for t in (item.prompt, item.back))
    if front == back:
        yield ("items", i, "back"), "the back repeats the front"
    hint = fold(item.hint.get(lang, lang)) if item.hint else ""
    if len(back) > 2 and back in hint:
        yield ("items", i, "hint"), "the hint gives the back away"


def _translation_warnings(pack: Pack) -> Iterator[tuple[Loc, str]]:
    for loc, localized in _walk_localized(pack, ()):
        if loc and loc[0] == "sources":
            continue  # a source's title is in the source's language
        missing = [lang for lang in pack.translations if not localized.has(lang, pack.language)]
        if missing:
            yield loc, f"no {', '.join(missing)} translation"


def lint_pack(pack: Pack) -> list[tuple[Loc, str]]:
    """Warnings and notes (messages starting with NOTE), each with its location."""
    items = all_items(pack)
    return [
        *_fact_warnings(pack),
        *_repeat_warnings(pack, items),
        *_draft_warnings(pack),
        *_wording_warnings(pack),
        *_item_warnings(pack),
        *_evidence_warnings(pack),
        *_giveaway_notes(pack, items),
        *_translation_warnings(pack),
    ]


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
        kind = "" if message.startswith(NOTE) else "warning: "
        problems.append(Problem(str(path), line, column, ".".join(map(str, loc)), kind + message))
    return sorted(problems, key=lambda p: (p.line or 0, p.column or 0))
