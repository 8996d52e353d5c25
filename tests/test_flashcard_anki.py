"""Flashcards to Anki and back: basic notes with a reverse card where asked, proven by the
official backend, and read back by kzlearn as flashcards."""

from __future__ import annotations

from pathlib import Path

import pytest
from anki.collection import Collection
from anki.import_export_pb2 import ImportAnkiPackageOptions, ImportAnkiPackageRequest

from kzlearn.interop.anki import export_apkg
from kzlearn.interop.anki_import import read_apkg
from kzlearn.models import FlashcardItem
from kzlearn.packs import parse_pack
from tests.test_anki_export import collection

__all__ = ["collection"]  # the fixture, shared with the export tests

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
  - id: president
    type: flashcard
    front: {ar: "أول رئيس لكازاخستان", en: "The first president of Kazakhstan"}
    back: {ar: "نزارباييف", en: "Nazarbayev"}
"""


@pytest.fixture
def exported(tmp_path: Path) -> Path:
    path = tmp_path / "cards.apkg"
    export_apkg([parse_pack(PACK)], path, timestamp=1_700_000_000)
    return path


def cards_of(col: Collection, front: str) -> list[tuple[int, str, str]]:
    (note_id,) = col.find_notes(f'"Front:{front}"')
    note = col.get_note(note_id)
    return sorted((c.ord, c.question(), c.answer()) for c in note.cards())


def test_flashcards_are_basic_notes_with_a_reverse_card_where_asked(
    exported: Path, collection: Collection
) -> None:
    pack = parse_pack(PACK)
    collection.import_anki_package(
        ImportAnkiPackageRequest(package_path=str(exported), options=ImportAnkiPackageOptions())
    )
    assert collection.note_count() == len(pack.items)
    wanted = sum(2 if isinstance(i, FlashcardItem) and i.reverse else 1 for i in pack.items)
    assert collection.card_count() == wanted
    forward, backward = cards_of(collection, "عاصمة كازاخستان")
    assert "عاصمة كازاخستان" in forward[1]
    assert "أستانا" not in forward[1]
    assert "أستانا" in forward[2]
    assert "منذ 1997" in forward[2]  # the notes, after the answer
    assert "تبدأ بالألف" in forward[1]  # the hint, behind Anki's "show hint"
    assert "أستانا" in backward[1]
    assert "عاصمة كازاخستان" not in backward[1]
    (only,) = cards_of(collection, "أول رئيس لكازاخستان")
    assert only[0] == 0


def test_each_language_reads_in_its_own_direction_and_night_mode_is_dark(
    exported: Path, collection: Collection
) -> None:
    collection.import_anki_package(
        ImportAnkiPackageRequest(package_path=str(exported), options=ImportAnkiPackageOptions())
    )
    (_, question, answer) = cards_of(collection, "أول رئيس لكازاخستان")[0]
    assert "<div dir=rtl>أول رئيس لكازاخستان</div>" in question
    assert "<div dir=ltr class=translation>The first president of Kazakhstan</div>" in question
    assert "<div dir=rtl>نزارباييف</div>" in answer
    (note_id,) = collection.find_notes('"Front:أول رئيس لكازاخستان"')
    css = collection.get_note(note_id).note_type()["css"]  # type: ignore[index]
    assert ".card.nightMode" in css


def test_exported_flashcards_come_back_as_flashcards(exported: Path) -> None:
    pack = parse_pack(PACK)
    back = read_apkg(exported, pack_id="again", lang="ar")
    assert not back.skipped
    assert len(back.pack.items) == len(pack.items)
    for mine, theirs in zip(pack.items, back.pack.items, strict=True):
        assert theirs.id == mine.id  # the Key field: progress keyed by the id carries over
        assert isinstance(mine, FlashcardItem)
        assert isinstance(theirs, FlashcardItem)
        assert theirs.prompt.plain == mine.prompt.get("ar", "ar")
        assert theirs.back.plain == mine.back.get("ar", "ar")
        assert theirs.reverse == mine.reverse
        assert (theirs.hint is None) == (mine.hint is None)
    first = back.pack.items[0]
    assert isinstance(first, FlashcardItem)
    assert first.hint is not None
    assert first.hint.plain == "تبدأ بالألف"
    assert first.explanation is not None
    assert (first.explanation.plain or "").startswith("منذ 1997")
