"""Flashcards: the item, written front/back/hint/notes in a pack; graded by the student."""

from __future__ import annotations

from pathlib import Path

import pytest

from kzlearn import PackError, load_pack, load_packs
from kzlearn.models import FlashcardItem, TermFact
from kzlearn.packs import dump_pack, parse_pack
from kzlearn.questions.generate import all_items
from kzlearn.questions.grading import correct_response, grade
from kzlearn.questions.self_graded import REVERSE, with_reverse_cards
from kzlearn.quiz.session import QuizOptions, QuizSession
from tests.conftest import DECKS
from tests.test_flashcard_anki import PACK


def card(text: str = PACK) -> FlashcardItem:
    item = parse_pack(text).items[0]
    assert isinstance(item, FlashcardItem)
    return item


def test_a_flashcard_reads_front_back_hint_notes_and_reverse() -> None:
    item = card()
    assert item.prompt.get("en", "ar") == "The capital of Kazakhstan"
    assert item.back.get("ar", "ar") == "أستانا"
    assert item.hint is not None
    assert item.hint.get("en", "ar") == "It starts with A"
    # notes are the explanation every item has: the quiz's feedback shows them
    assert item.explanation is not None
    assert item.explanation.get("en", "ar") == "Since 1997"
    assert item.reverse


def test_a_flashcard_is_written_back_as_front_and_notes() -> None:
    text = dump_pack(parse_pack(PACK))
    assert "front:" in text
    assert "notes:" in text
    assert "prompt:" not in text
    assert "explanation:" not in text
    assert parse_pack(text) == parse_pack(PACK)


def test_a_flashcard_without_a_back_is_one_located_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(PACK.replace('    back: {ar: "أستانا", en: "Astana"}\n', ""), "utf-8")
    with pytest.raises(PackError) as caught:
        load_pack(path)
    line = str(caught.value).splitlines()[0]
    assert line.startswith(f"{path}:6:")
    assert "back" in line


def test_a_misspelt_front_is_suggested(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(PACK.replace("    front:", "    fornt:"), "utf-8")
    with pytest.raises(PackError) as caught:
        load_pack(path)
    assert "front" in str(caught.value)


@pytest.mark.parametrize(
    ("response", "outcome"),
    [
        (True, "correct"),
        (False, "wrong"),
        (1, "wrong"),
        (2, "nearly"),
        (3, "correct"),
        (4, "correct"),
        ("", "wrong"),
        ("نعم", "correct"),
        ("no", "wrong"),
    ],
)
def test_the_student_grades_a_flashcard(response: object, outcome: str) -> None:
    verdict = grade(card(), response, lang="en")
    assert (verdict.outcome, verdict.expected) == (outcome, "Astana")


def test_the_model_response_of_a_flashcard_is_knowing_it() -> None:
    assert grade(card(), correct_response(card())).correct


def test_a_term_fact_gives_a_flashcard_both_ways() -> None:
    pack = next(p for p in load_packs(DECKS) if any(isinstance(f, TermFact) for f in p.facts))
    terms = [f for f in pack.facts if isinstance(f, TermFact) and not f.draft]
    written = {i.id for i in pack.items}
    cards = {
        i.fact: i for i in all_items(pack) if isinstance(i, FlashcardItem) and i.id not in written
    }
    assert set(cards) == {t.id for t in terms}
    for term in terms:
        card = cards[term.id]
        assert (card.prompt, card.back, card.reverse) == (term.term, term.definition, True)


def test_generated_flashcards_join_a_quiz_of_flashcards_alone() -> None:
    packs = load_packs(DECKS)
    every = QuizSession(packs, QuizOptions(seed=1))
    written = {(p.id, i.id) for p in packs for i in p.items}
    types: set[str] = set()
    generated_cards = []
    while (question := every.current) is not None:
        types.add(question.item.type)
        if isinstance(question.item, FlashcardItem):
            pack_id = question.key.split("/", 1)[0]
            if (pack_id, question.item.id.removesuffix(REVERSE)) not in written:
                generated_cards.append(question.key)
        every.skip()
    assert "mcq" in types
    assert generated_cards == []  # the terms are asked by their choices
    alone = QuizSession(packs, QuizOptions(seed=1, types=("flashcard",)))
    played = [
        i for p in packs for i in with_reverse_cards(all_items(p)) if isinstance(i, FlashcardItem)
    ]
    assert alone.total == len(played) > 0  # back to front too


def test_written_flashcards_join_any_quiz() -> None:
    session = QuizSession([parse_pack(PACK)], QuizOptions(seed=1))
    assert session.total == len(with_reverse_cards(parse_pack(PACK).items))


LINTED = """\
id: cards
title: {ar: "بطاقات", en: "Cards"}
language: ar
translations: [en]
items:
  - id: same
    evidence: {quote: "أستانا"}
    type: flashcard
    front: {ar: "أستانا", en: "Astana"}
    back: {ar: "أستانا", en: "Astana"}
  - id: told
    evidence: {quote: "أستانا"}
    type: flashcard
    front: "عاصمة كازاخستان"
    back: {ar: "أستانا", en: "Astana"}
    hint: {ar: "إنها أستانا", en: "It is Astana"}
"""


def test_lint_finds_a_back_that_repeats_the_front_and_a_hint_that_tells_it(
    tmp_path: Path,
) -> None:
    from kzlearn.questions.lint import lint_file

    path = tmp_path / "cards.yaml"
    path.write_text(LINTED, encoding="utf-8")
    lines = LINTED.splitlines()
    found = {(p.line, p.field, p.message) for p in lint_file(path)}
    assert (
        lines.index('    back: {ar: "أستانا", en: "Astana"}') + 1,
        "items.0.back",
        "warning: the back repeats the front",
    ) in found
    assert (
        lines.index('    hint: {ar: "إنها أستانا", en: "It is Astana"}') + 1,
        "items.1.hint",
        "warning: the hint gives the back away",
    ) in found
    # a missing translation of the front is found on the line that writes `front`
    assert (
        lines.index('    front: "عاصمة كازاخستان"') + 1,
        "items.1.front",
        "warning: no en translation",
    ) in found


def test_preview_shows_the_back_hint_notes_and_reverse() -> None:
    from kzlearn.questions.preview import preview_lines

    pack = parse_pack(PACK)
    lines = list(preview_lines(pack, pack.items, lang="en"))
    assert lines[:6] == [
        "── cards/capital  (flashcard · written by hand)",
        "The capital of Kazakhstan",
        "Hint: It starts with A",
        "Back: Astana",
        "(also asked back to front)",
        "Explanation: Since 1997",
    ]
