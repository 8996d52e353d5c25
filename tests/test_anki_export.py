"""Anki export, proven by the official Anki backend importing it into a fresh collection."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from anki.collection import Collection
from anki.consts import CARD_TYPE_REV, QUEUE_TYPE_REV
from anki.import_export_pb2 import (
    ImportAnkiPackageOptions,
    ImportAnkiPackageRequest,
    ImportAnkiPackageUpdateCondition,
)
from anki.notes import NoteId

from kzlearn import ExportError, KzlearnError, Pack, load_packs
from kzlearn.interop.anki import export_apkg
from kzlearn.interop.anki_style import SCRIPT
from kzlearn.interop.gift import parse_gift
from kzlearn.models import ClozeItem, MultiItem, TermFact
from kzlearn.models.validation import dump_pack_data, validate_pack
from kzlearn.questions.generate import all_items
from tests.conftest import DECKS, ROOT, run_cli

PACKS = load_packs(DECKS)
IF_NEWER = ImportAnkiPackageUpdateCondition.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER


@pytest.fixture
def collection(tmp_path: Path) -> Iterator[Collection]:
    col = Collection(str(tmp_path / "collection.anki2"))
    yield col
    col.close()


def import_apkg(col: Collection, path: Path) -> None:
    options = ImportAnkiPackageOptions(
        merge_notetypes=True,
        update_notes=IF_NEWER,
        update_notetypes=IF_NEWER,
        with_scheduling=False,
    )
    col.import_anki_package(ImportAnkiPackageRequest(package_path=str(path), options=options))


def key_of(col: Collection, note_id: int) -> str:
    note = col.get_note(NoteId(note_id))
    return html.unescape(note["Key"])


def expected_notes(pack: Pack) -> int:
    """One note per item, but one note (two cards) per term fact for its generated items."""
    items = [i.id for i in all_items(pack)]
    terms = [f.id for f in pack.facts if isinstance(f, TermFact)]
    generated = [
        [i for i in (f"{t}.mcq", f"{t}.mcq.reverse", f"{t}.card") if i in items] for t in terms
    ]
    return len(items) - sum(map(len, generated)) + sum(bool(g) for g in generated)


def test_every_item_is_one_note_and_every_card_renders(
    collection: Collection, tmp_path: Path
) -> None:
    path = tmp_path / "decks.apkg"
    written = export_apkg(PACKS, path, timestamp=1_700_000_000)
    import_apkg(collection, path)
    assert written == sum(expected_notes(p) for p in PACKS)
    assert collection.note_count() == written
    keys = [key_of(collection, n) for n in collection.find_notes("")]
    assert len(set(keys)) == len(keys) == written
    for card_id in collection.find_cards(""):
        card = collection.get_card(card_id)
        question, answer = card.question(), card.answer()
        assert len(re.sub(r"<style>.*?</style>", "", question, flags=re.S).strip()) > 20
        assert len(answer) > len(question) or "cloze" in card.note_type()["name"]
    deck_names = {d.name for d in collection.decks.all_names_and_ids()}
    assert "kzlearn::كازاخستان: ثلاثون عاماً من الاستقلال" in deck_names
    assert "kzlearn::العلاقات المغربية الكازاخستانية" in deck_names


def test_cards_show_the_right_text(collection: Collection, tmp_path: Path) -> None:
    path = tmp_path / "decks.apkg"
    export_apkg(PACKS, path, timestamp=1_700_000_000)
    import_apkg(collection, path)
    by_key = {key_of(collection, n): n for n in collection.find_notes("")}

    mcq = collection.get_note(by_key["kz-independence/memorandum-signatories"])
    card = mcq.cards()[0]
    assert "أي دولة لم تكن من الموقعين" in card.question()
    assert "Which state was not among the signatories" in card.question()
    assert re.search(r"class=right><b class=letter>[^<]+</b>الصين", card.answer())
    assert "class=right" not in card.question()

    typed = collection.get_note(by_key["kz-independence/president-name"]).cards()[0]
    assert "type" in typed.question()  # Anki's type-in-the-answer box
    assert "نور سلطان نزارباييف" in typed.answer()

    term = collection.get_note(by_key["morocco-kazakhstan/fakhama.term"])
    questions = sorted(c.question() for c in term.cards())
    assert len(questions) == 2
    assert any("فخامة" in q and "رئيس الدولة" not in q for q in questions)
    assert any("رئيس الدولة" in q for q in questions)

    evidence = collection.get_note(by_key["kz-independence/independence-day.short"]).cards()[0]
    assert "عندما حصلت كازاخستان على الاستقلال في 16 ديسمبر 1991" in evidence.answer()
    assert "فؤاد الغزيزر" in evidence.answer()


def test_cloze_notes_have_one_card_per_blank(collection: Collection, tmp_path: Path) -> None:
    path = tmp_path / "decks.apkg"
    export_apkg(PACKS, path, timestamp=1_700_000_000)
    import_apkg(collection, path)
    by_key = {key_of(collection, n): n for n in collection.find_notes("")}
    clozes = [(p.id, i) for p in PACKS for i in all_items(p) if isinstance(i, ClozeItem)]
    assert clozes
    for pack_id, item in clozes:
        note = collection.get_note(by_key[f"{pack_id}/{item.id}"])
        cards = note.cards()
        assert len(cards) == len(item.blanks(None, ""))
        for card in cards:
            assert "[...]" in card.question()
            assert "cloze" in card.answer()


def edited(pack: Pack) -> Pack:
    data = dump_pack_data(pack)
    item = next(i for i in data["items"] if i["id"] == "president-name")
    item["prompt"]["ar"] = "ما اسم أول رئيس لكازاخستان؟"
    return validate_pack(data)


def test_an_edited_re_export_updates_in_place_and_keeps_scheduling(
    collection: Collection, tmp_path: Path
) -> None:
    first, second = tmp_path / "v1.apkg", tmp_path / "v2.apkg"
    export_apkg(PACKS[:1], first, timestamp=1_700_000_000)
    import_apkg(collection, first)
    notes_before = collection.note_count()
    by_key = {key_of(collection, n): n for n in collection.find_notes("")}
    note_id = by_key["kz-independence/president-name"]
    card = collection.get_note(note_id).cards()[0]
    card.type, card.queue = CARD_TYPE_REV, QUEUE_TYPE_REV  # a card under review
    card.ivl, card.due, card.reps = 21, 900, 4
    collection.update_card(card)

    export_apkg([edited(PACKS[0])], second, timestamp=1_700_086_400)
    import_apkg(collection, second)
    assert collection.note_count() == notes_before
    note = collection.get_note(note_id)
    assert "ما اسم أول رئيس لكازاخستان؟" in note["Prompt"]
    again = note.cards()[0]
    assert (again.ivl, again.due, again.reps, again.queue) == (21, 900, 4, 2)


def test_same_timestamp_is_not_newer_so_anki_keeps_the_old_note(
    collection: Collection, tmp_path: Path
) -> None:
    first, second = tmp_path / "v1.apkg", tmp_path / "v2.apkg"
    export_apkg(PACKS[:1], first, timestamp=1_700_000_000)
    export_apkg([edited(PACKS[0])], second, timestamp=1_700_000_000)
    import_apkg(collection, first)
    import_apkg(collection, second)
    by_key = {key_of(collection, n): n for n in collection.find_notes("")}
    assert (
        "اكتب اسم الرئيس الأول"
        in collection.get_note(by_key["kz-independence/president-name"])["Prompt"]
    )


def test_injected_html_stays_inert(collection: Collection, tmp_path: Path) -> None:
    pack = validate_pack(
        {
            "id": "evil",
            "title": "Evil <b>pack</b>",
            "language": "en",
            "items": [
                {
                    "id": "a",
                    "type": "short",
                    "prompt": "<script>alert(1)</script> Who?",
                    "answer": "<img src=x onerror=alert(1)>",
                },
                {
                    "id": "b",
                    "type": "mcq",
                    "prompt": "Pick <iframe src=evil>",
                    "choices": ["<b>x</b>", "y"],
                    "answer": "y",
                },
            ],
        }
    )
    path = tmp_path / "evil.apkg"
    export_apkg([pack], path, timestamp=1_700_000_000)
    import_apkg(collection, path)
    for card_id in collection.find_cards(""):
        card = collection.get_card(card_id)
        for side in (card.question(), card.answer()):
            rendered = side.replace(SCRIPT, "")  # kzlearn's own, from the template
            for tag in ("<script", "<img", "<iframe", "<b>"):
                assert tag not in rendered.lower()
    assert any(
        "&lt;script&gt;" in collection.get_card(c).question() for c in collection.find_cards("")
    )


def test_arabic_fields_are_right_to_left_and_tags_are_namespaced(
    collection: Collection, tmp_path: Path
) -> None:
    path = tmp_path / "decks.apkg"
    export_apkg(PACKS, path, timestamp=1_700_000_000)
    import_apkg(collection, path)
    note = collection.get_note(collection.find_notes("")[0])
    note_type = note.note_type()
    assert note_type is not None
    assert note_type["name"].endswith("(rtl)")
    assert all(
        f["rtl"] == (f["name"] != "Key" and "Translation" not in f["name"])
        for f in note_type["flds"]
    )
    assert "dir=rtl" in note_type["tmpls"][0]["qfmt"]
    tags = {t for n in collection.find_notes("") for t in collection.get_note(n).tags}
    assert "kzlearn::kz-independence::diplomacy" in tags
    assert all(" " not in t and t.startswith("kzlearn::") for t in tags)


def test_new_cards_come_in_pack_order(collection: Collection, tmp_path: Path) -> None:
    path = tmp_path / "decks.apkg"
    export_apkg(PACKS[:1], path, timestamp=1_700_000_000)
    import_apkg(collection, path)
    order = {key_of(collection, n): i for i, n in enumerate(collection.find_notes(""))}
    dues = sorted(
        (collection.get_card(c).due, key_of(collection, collection.get_card(c).nid))
        for c in collection.find_cards("is:new")
    )
    first_item = f"kz-independence/{PACKS[0].items[0].id}"
    assert dues[0][1] == first_item
    assert len({due for due, _ in dues}) > len(order) // 2


def test_an_existing_file_that_is_not_a_package_is_never_overwritten(tmp_path: Path) -> None:
    precious = tmp_path / "notes.apkg"
    precious.write_text("my notes", encoding="utf-8")
    with pytest.raises(ExportError, match="is not an Anki package"):
        export_apkg(PACKS, precious)
    assert precious.read_text(encoding="utf-8") == "my notes"
    assert [p.name for p in tmp_path.iterdir()] == ["notes.apkg"]


def test_subdecks_by_tag(collection: Collection, tmp_path: Path) -> None:
    path = tmp_path / "decks.apkg"
    export_apkg(PACKS[:1], path, subdecks_by_tag=True, timestamp=1_700_000_000)
    import_apkg(collection, path)
    names = {d.name for d in collection.decks.all_names_and_ids()}
    assert "kzlearn::كازاخستان: ثلاثون عاماً من الاستقلال::diplomacy" in names


def test_the_command_line_exports_the_bundled_decks(
    tmp_path: Path, collection: Collection
) -> None:
    out = tmp_path / "kz.apkg"
    result = run_cli("export", "anki", *map(str, DECKS), "-o", str(out), cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "notes from 2 pack(s)" in result.stdout
    import_apkg(collection, out)
    assert collection.note_count() == sum(expected_notes(p) for p in PACKS)
    bad = run_cli("export", "anki", "no-such-pack", "-o", str(tmp_path / "x.apkg"))
    assert bad.returncode == 1
    assert "Traceback" not in bad.stderr
    assert "no such file, and no bundled pack has this id" in bad.stderr


def test_a_failed_export_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "out.apkg"
    with pytest.raises(KzlearnError, match="cannot write here"):
        export_apkg(PACKS, target)
    assert list(tmp_path.iterdir()) == []


def test_a_select_all_item_is_a_note_of_its_own_type(
    collection: Collection, tmp_path: Path
) -> None:
    path = tmp_path / "decks.apkg"
    export_apkg(PACKS, path, timestamp=1_700_000_000)
    import_apkg(collection, path)
    by_key = {key_of(collection, n): n for n in collection.find_notes("")}
    note = collection.get_note(by_key["kz-independence/memorandum-signatories.multi"])
    note_type = note.note_type()
    assert note_type is not None
    assert note_type["name"].startswith("kzlearn select all that apply")
    card = note.cards()[0]
    assert "class=right" not in card.question()
    item = next(i for i in PACKS[0].items if i.id == "memorandum-signatories.multi")
    assert isinstance(item, MultiItem)
    assert card.answer().count(" class=right>") == len(item.answer_indexes)


def test_a_partly_right_choice_shows_its_share_on_the_back(
    collection: Collection, tmp_path: Path
) -> None:
    pack = parse_gift(
        "::home::Jesus Christ was from {~Jerusalem ~%25%Bethlehem ~%50%Galilee =Nazareth}.",
        "h.gift",
        pack_id="home",
    )
    path = tmp_path / "home.apkg"
    export_apkg([pack], path, timestamp=1_700_000_000)
    import_apkg(collection, path)
    card = collection.get_card(collection.find_cards("")[0])
    assert re.search(r" class=partial><b class=letter>\w</b>Galilee \(50%\)</li>", card.answer())
    assert re.search(r" class=partial><b class=letter>\w</b>Bethlehem \(25%\)</li>", card.answer())
    assert "partial" not in card.question()
