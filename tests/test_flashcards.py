"""Flashcards: the item, written front/back/hint/notes in a pack; graded by the student."""

from __future__ import annotations

from pathlib import Path

import pytest

from kzlearn import PackError, load_pack
from kzlearn.models import FlashcardItem
from kzlearn.packs import dump_pack, parse_pack
from kzlearn.questions.grading import correct_response, grade

PACK = """\
id: cards
title: {ar: "بطاقات", en: "Cards"}
language: ar
translations: [en]
items:
  - id: capital
    type: flashcard
    front: {ar: "عاصمة كازاخستان", en: "The capital of Kazakhstan"}
    back: {ar: "أستانا", en: "Astana"}
    hint: {ar: "تبدأ بالألف", en: "It starts with A"}
    notes: {ar: "منذ 1997", en: "Since 1997"}
    reverse: true
"""


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
