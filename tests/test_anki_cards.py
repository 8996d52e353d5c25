"""Anki cards students can study: directions, lettered and clickable choices, cues, one
typed comparison, stable cloze numbers; proven with the official Anki backend."""

from __future__ import annotations

import html
import json
import re
import sqlite3
import zipfile
from pathlib import Path
from typing import Any

import pytest
from anki.collection import Collection
from anki.notes import NoteId

from kzlearn import Pack
from kzlearn.interop.anki import export_apkg
from kzlearn.interop.anki_notes import cloze_numbers
from kzlearn.language.text import fold
from kzlearn.models import ShortItem
from kzlearn.models.validation import validate_pack
from kzlearn.questions.generate import all_items
from tests.anki_html import language_direction, text_runs
from tests.test_anki_export import PACKS, collection, import_apkg, key_of

__all__ = ["collection"]  # the fixture, shared with the export tests

TYPED = re.compile(r"\[\[type:(nc:)?(\w+)\]\]")


def imported(col: Collection, tmp_path: Path, packs: list[Pack] = PACKS) -> dict[str, NoteId]:
    path = tmp_path / "decks.apkg"
    export_apkg(packs, path, timestamp=1_700_000_000)
    import_apkg(col, path)
    return {key_of(col, n): n for n in col.find_notes("")}


def test_every_card_gives_each_language_its_own_direction(
    collection: Collection, tmp_path: Path
) -> None:
    imported(collection, tmp_path)
    wrong: list[str] = []
    checked = 0
    for card_id in collection.find_cards(""):
        card = collection.get_card(card_id)
        for side in (card.question(), card.answer()):
            runs, autos = text_runs(TYPED.sub("", side))
            assert autos == 0
            for text, direction in runs:
                checked += 1
                if direction != language_direction(text):
                    wrong.append(f"{card.note_type()['name']}: {direction} {text!r}")
    assert checked > 0
    assert wrong == []


def test_typed_backs_compare_once_then_show_the_translation_and_the_alternatives(
    collection: Collection, tmp_path: Path
) -> None:
    by_key = imported(collection, tmp_path)
    shorts = [(p, i) for p in PACKS for i in all_items(p) if isinstance(i, ShortItem)]
    assert shorts
    for pack, item in shorts:
        note = collection.get_note(by_key[f"{pack.id}/{item.id}"])
        template = note.note_type()["tmpls"][0]  # type: ignore[index]
        assert template["qfmt"].count("{{type:nc:Answer}}") == 1
        assert template["afmt"].count("{{type:") == 1
        card = note.cards()[0]
        back = card.answer()
        assert back.count("[[type:nc:Answer]]") == 1
        after = back.split("[[type:nc:Answer]]", 1)[1]
        english = f"<div class=translation dir=ltr>{item.answer.get('en', pack.language)}</div>"
        has_english = item.answer.has("en", pack.language)
        assert (english in after) == has_english
        # Every accepted form but those that only respell a shown answer.
        shown = {fold(t) for t in item.answer.values()}
        alternatives = [html.escape(a) for a in item.accept if fold(a) not in shown]
        if alternatives:
            assert "يُقبل أيضاً:" in after
            assert all(a in after for a in alternatives)
            assert not has_english or after.index(english) < after.index("يُقبل أيضاً:")
    # Anki's own comparison ignores diacritics (nc): an answer typed with them is right.
    answer = "نور سلطان نزارباييف"
    compared = collection.compare_answer(answer, "نُور سُلْطان نزارباييف", combining=False)
    assert "typeBad" not in compared
    assert "typeMissed" not in compared


def test_choices_are_lettered_and_the_right_one_marked(
    collection: Collection, tmp_path: Path
) -> None:
    by_key = imported(collection, tmp_path)
    card = collection.get_note(by_key["kz-independence/memorandum-signatories"]).cards()[0]
    front, back = card.question(), card.answer()
    letters = re.findall(r"<b class=letter>([^<]+)</b>", front)
    assert letters == ["أ", "ب", "ج", "د"]
    assert "class=right" not in front
    right = re.findall(r"<li data-i=\d+ class=right><b class=letter>[^<]+</b>([^<]+)", back)
    assert [r.strip() for r in right] == ["الصين"]
    assert 'data-k="kz-independence/memorandum-signatories"' in front
    assert front.count("<script>") == back.count("<script>") == 1
    assert "http" not in card.note_type()["tmpls"][0]["qfmt"]


def test_true_false_fronts_ask_in_the_cards_language(
    collection: Collection, tmp_path: Path
) -> None:
    imported(collection, tmp_path)
    cards = [
        collection.get_card(c) for c in collection.find_cards('"note:kzlearn true or false (rtl)"')
    ]
    assert cards
    for card in cards:
        front = card.question()
        assert 'class=cue data-t="صح" data-f="خطأ">صح أم خطأ؟</div>' in front
        shown = re.search(r"<div class=kz-answer dir=rtl>([^<]*)</div>", card.answer())
        assert shown is not None
        assert shown.group(1) in ("صح", "خطأ")
        assert re.search(r"<div class=translation dir=ltr>(True|False)</div>", card.answer())


def test_matching_shows_two_labelled_columns_and_ordering_its_letters(
    collection: Collection, tmp_path: Path
) -> None:
    imported(collection, tmp_path)
    match = collection.get_card(collection.find_cards('"note:kzlearn matching (rtl)"')[0])
    columns = re.search(
        r"<ol class=left>(.*?)</ol><ol class=right-side>(.*?)</ol>", match.question()
    )
    assert columns is not None
    numbers = re.findall(r"<b class=letter>([^<]+)</b>", columns.group(1))
    letters = re.findall(r"<b class=letter>([^<]+)</b>", columns.group(2))
    assert numbers == [str(n) for n in range(1, len(numbers) + 1)]
    assert letters == ["أ", "ب", "ج", "د", "هـ", "و", "ز"][: len(numbers)]
    pairs = re.findall(
        r"<tr><td><b class=letter>(\d+)</b>.*?<td><b class=letter>([^<]+)</b>", match.answer()
    )
    assert sorted(n for n, _ in pairs) == numbers
    assert sorted(letter for _, letter in pairs) == sorted(letters)

    order = collection.get_card(collection.find_cards('"note:kzlearn ordering (rtl)"')[0])
    shuffled = re.findall(r"<b class=letter>([^<]+)</b>", order.question())
    in_order = re.findall(r"<b class=label>(\d+)</b> <b class=letter>([^<]+)</b>", order.answer())
    assert [n for n, _ in in_order] == [str(n) for n in range(1, len(shuffled) + 1)]
    assert sorted(letter for _, letter in in_order) == sorted(shuffled)
    assert [letter for _, letter in in_order] != shuffled  # the front is not the order


def test_every_note_type_is_dark_in_night_mode_and_clozes_are_highlighted(
    collection: Collection, tmp_path: Path
) -> None:
    imported(collection, tmp_path)
    for model in collection.models.all():
        if model["name"].startswith("kzlearn"):
            assert ".card.nightMode" in model["css"]
            assert ".card.night_mode" in model["css"]
            assert re.search(r"\.cloze \{[^}]*color", model["css"])


def test_a_blank_number_comes_from_its_answer_not_its_position() -> None:
    first = cloze_numbers([("1991",), ("كازاخستان",)])
    added = cloze_numbers([("أعلنت",), ("1991",), ("كازاخستان",)])
    removed = cloze_numbers([("كازاخستان",)])
    assert added[1:] == first
    assert removed == first[1:]
    twice = cloze_numbers([("a",), ("a",), ("b",)])
    assert len(set(twice)) == 3
    assert all(1 <= n <= 500 for n in (*first, *added, *twice))
    assert cloze_numbers([("كازاخستان",), ("1991",)]) == first[::-1]


def cloze_pack(text: str) -> Pack:
    return validate_pack(
        {
            "id": "cl",
            "title": "اختبار",
            "language": "ar",
            "translations": ["en"],
            "items": [{"id": "c", "type": "cloze", "prompt": "أكمل", "text": text}],
        }
    )


def schedule_by_blank(col: Collection) -> dict[str, tuple[int, int, int, int]]:
    """(due, interval, reps, type) of each card, by its blank's answer."""
    note = col.get_note(col.find_notes("")[0])
    answers = dict(re.findall(r"\{\{c(\d+)::([^}]*)\}\}", note["Text"]))
    return {
        answers[str(card.ord + 1)]: (card.due, card.ivl, card.reps, card.type)
        for card in note.cards()
    }


def test_adding_a_blank_keeps_each_blanks_scheduling(
    collection: Collection, tmp_path: Path
) -> None:
    first, second = tmp_path / "v1.apkg", tmp_path / "v2.apkg"
    export_apkg(
        [cloze_pack("استقلت {{كازاخستان}} في {{16 ديسمبر}} {{1991}}.")],
        first,
        timestamp=1_700_000_000,
    )
    import_apkg(collection, first)
    deck = collection.decks.id_for_name("kzlearn::اختبار")
    assert deck is not None
    collection.decks.select(deck)
    studied = 0
    while (card := collection.sched.getCard()) is not None:
        collection.sched.answerCard(card, 4 if studied % 2 else 3)
        studied += 1
    assert studied >= 3
    before = schedule_by_blank(collection)
    assert all(reps > 0 for _, _, reps, _ in before.values())

    export_apkg(
        [cloze_pack("{{استقلت}} {{كازاخستان}} في {{16 ديسمبر}} {{1991}}.")],
        second,
        timestamp=1_700_086_400,
    )
    import_apkg(collection, second)
    after = schedule_by_blank(collection)
    assert set(after) == {*before, "استقلت"}
    assert {k: after[k] for k in before} == before
    assert after["استقلت"][2] == 0  # the new blank is a new card


def old_templates(path: Path) -> None:
    """Turn an export into what kzlearn wrote before: one dir=auto block per side."""
    with zipfile.ZipFile(path) as archive:
        data = archive.read("collection.anki2")
    database = path.with_suffix(".anki2")
    database.write_bytes(data)
    with sqlite3.connect(database) as connection:
        (models_json,) = connection.execute("select models from col").fetchone()
        models: dict[str, Any] = json.loads(models_json)
        for model in models.values():
            for template in model["tmpls"]:
                template["qfmt"] = "<div dir=auto>{{" + model["flds"][0]["name"] + "}}</div>"
                template["afmt"] = template["qfmt"] + "<hr id=answer>old"
        connection.execute("update col set models = ?", (json.dumps(models),))
    connection.close()
    with zipfile.ZipFile(path, "w") as archive:
        archive.write(database, "collection.anki2")
        archive.writestr("media", "{}")


def test_an_old_export_is_updated_in_place(tmp_path: Path) -> None:
    old, new = tmp_path / "old.apkg", tmp_path / "new.apkg"
    export_apkg(PACKS[:1], old, timestamp=1_700_000_000)
    old_templates(old)
    export_apkg(PACKS[:1], new, timestamp=1_700_086_400)
    path = str(tmp_path / "collection.anki2")
    col = Collection(path)
    import_apkg(col, old)
    notes = col.note_count()
    note_types = {m["id"]: m["name"] for m in col.models.all()}
    assert any("dir=auto" in m["tmpls"][0]["qfmt"] for m in col.models.all())
    import_apkg(col, new)
    col.close()
    col = Collection(path)  # a fresh read: the Python side caches note types
    try:
        assert col.note_count() == notes
        assert {m["id"]: m["name"] for m in col.models.all()} == note_types
        ours = [m for m in col.models.all() if m["name"].startswith("kzlearn")]
        assert ours
        for model in ours:
            assert "dir=auto" not in model["tmpls"][0]["qfmt"]
            assert "dir=rtl" in model["tmpls"][0]["qfmt"]
    finally:
        col.close()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_left_to_right_pack_with_an_arabic_translation(
    collection: Collection, tmp_path: Path, lang: str
) -> None:
    pack = validate_pack(
        {
            "id": "ltr",
            "title": "Left to right",
            "language": lang,
            "translations": ["ar"],
            "items": [
                {
                    "id": "q",
                    "type": "mcq",
                    "prompt": {lang: "Which city (1997)?", "ar": "أي مدينة (1997)؟"},
                    "choices": [
                        {lang: "Astana", "ar": "أستانا"},
                        {lang: "Almaty", "ar": "ألماتي"},
                    ],
                    "answer": {lang: "Astana", "ar": "أستانا"},
                },
                {
                    "id": "t",
                    "type": "true_false",
                    "prompt": {lang: "Astana (1997)."},
                    "answer": True,
                },
            ],
        }
    )
    imported(collection, tmp_path, [pack])
    for card_id in collection.find_cards(""):
        card = collection.get_card(card_id)
        for side in (card.question(), card.answer()):
            runs, autos = text_runs(side)
            assert autos == 0
            assert runs
            assert all(d == language_direction(t) for t, d in runs), runs
    cue = "Vrai ou faux ?" if lang == "fr" else "True or false?"
    assert any(cue in collection.get_card(c).question() for c in collection.find_cards(""))


def test_guids_are_genankis_so_collections_keep_their_notes() -> None:
    import genanki

    from kzlearn.interop.anki_rows import guid_for

    keys = [(p.id, i.id) for p in PACKS for i in all_items(p)] + [("x", ""), ("é", "ب")]
    assert all(guid_for(*k) == genanki.guid_for(*k) for k in keys)


def test_items_given_from_the_cache_make_the_same_notes() -> None:
    from kzlearn.interop.anki import anki_notes

    for pack in PACKS:
        assert anki_notes(pack, items=all_items(pack)) == anki_notes(pack)
