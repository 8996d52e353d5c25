"""A deck made in Anki by someone else (every stock note type, built and exported by the
official backend) imports as flashcards, typed answers and clozes, with its tags, deck,
media and notes; what cannot be read is listed, each with why."""

from __future__ import annotations

from pathlib import Path

import pytest

from kzlearn import PackError, load_pack
from kzlearn.interop.anki_convert import parse_map
from kzlearn.interop.anki_import import AnkiImport, read_apkg
from kzlearn.models import ClozeItem, FlashcardItem, Item, ShortItem
from tests.anki_decks import IMAGE, PNG, third_party_deck
from tests.conftest import run_cli


@pytest.fixture(params=[False, True], ids=["modern", "legacy"])
def theirs(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    return third_party_deck(tmp_path, legacy=request.param)


def by_front(result: AnkiImport) -> dict[str, Item]:
    return {i.prompt.plain or "": i for i in result.pack.items if not isinstance(i, ClozeItem)}


def test_basic_notes_are_flashcards_and_reversed_ones_go_both_ways(theirs: Path) -> None:
    cards = by_front(read_apkg(theirs, pack_id="theirs"))
    basic = cards["Capital of Kazakhstan?"]
    assert isinstance(basic, FlashcardItem)
    assert basic.back.plain == "Astana"
    assert not basic.reverse
    both = cards["Kyrgyzstan"]
    assert isinstance(both, FlashcardItem)
    assert both.reverse
    optional = cards["Uzbekistan"]  # "Add Reverse" filled: Anki made the reverse card
    assert isinstance(optional, FlashcardItem)
    assert optional.reverse
    one_way = cards["Tajikistan"]  # "Add Reverse" empty: no reverse card
    assert isinstance(one_way, FlashcardItem)
    assert not one_way.reverse


def test_a_type_in_the_answer_note_is_a_typed_answer(theirs: Path) -> None:
    typed = by_front(read_apkg(theirs, pack_id="theirs"))["The longest river of Kazakhstan?"]
    assert isinstance(typed, ShortItem)
    assert typed.answer.plain == "Irtysh"


def test_one_cloze_item_per_number_with_hints_and_back_extra(theirs: Path) -> None:
    clozes = [
        i for i in read_apkg(theirs, pack_id="theirs").pack.items if isinstance(i, ClozeItem)
    ]
    assert [c.text.plain for c in clozes] == [
        "Astana became the capital in {{1997}} [a year], replacing Almaty.",
        "Astana became the capital in 1997, replacing {{Almaty}} [a city].",
    ]
    for cloze in clozes:
        assert cloze.explanation is not None
        assert cloze.explanation.plain == "The move was announced in 1994."


def test_nested_clozes_image_occlusion_and_custom_types_are_listed_with_why(
    theirs: Path,
) -> None:
    skipped = read_apkg(theirs, pack_id="theirs").skipped
    assert len(skipped) == 3
    nested, occlusion, custom = skipped
    assert nested.endswith("(Cloze): nested clozes (a cloze inside a cloze)")
    assert occlusion.endswith("(Image Occlusion): image occlusion (regions of a picture)")
    assert "'Vocab'" in custom
    assert "fields: Word, Meaning, Example" in custom
    assert '--map "Vocab:Word=front,Meaning=back"' in custom


def test_tags_and_sub_decks_become_tags_and_the_deck_the_title(theirs: Path) -> None:
    result = read_apkg(theirs, pack_id="theirs")
    assert result.pack.title.plain == "Geography"
    cards = by_front(result)
    assert cards["Kyrgyzstan"].tags == ("Capitals", "asia", "geo::central")
    assert cards["The longest river of Kazakhstan?"].tags == ("Rivers",)


def test_lists_and_line_breaks_read_as_text_and_an_image_is_named(theirs: Path) -> None:
    result = read_apkg(theirs, pack_id="theirs")
    card = next(i for i in result.pack.items if "Balkhash" in (i.prompt.plain or ""))
    assert isinstance(card, FlashcardItem)
    assert card.prompt.plain == f"Rivers that feed Lake Balkhash [image: {IMAGE}]"
    assert card.back.plain == "• Ili\n• Karatal\nMostly the Ili.\nSee the map."
    assert result.media == [IMAGE]


def test_a_map_chooses_the_fields_of_a_custom_note_type(theirs: Path) -> None:
    maps = dict([parse_map("Vocab:Word=front,Meaning=back,Example=notes")])
    result = read_apkg(theirs, pack_id="theirs", maps=maps)
    word = by_front(result)["ئۆزەن"]
    assert isinstance(word, FlashcardItem)
    assert word.back.plain == "river"
    assert word.explanation is not None
    assert word.explanation.plain == "Ili ئۆزىنى"
    assert not any("Vocab" in line for line in result.skipped)


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("Nope:Word=front,Meaning=back", "no note type 'Nope'"),
        ("Vocab:Word=front,Sense=back", "has no field 'Sense' for the back"),
    ],
)
def test_a_map_that_names_what_the_deck_lacks_is_one_clear_error(
    theirs: Path, spec: str, message: str
) -> None:
    with pytest.raises(PackError, match=message):
        read_apkg(theirs, pack_id="theirs", maps=dict([parse_map(spec)]))


def test_the_command_copies_media_next_to_the_pack_and_lists_what_it_left_out(
    tmp_path: Path,
) -> None:
    apkg = third_party_deck(tmp_path)
    out = tmp_path / "pack"
    out.mkdir()
    result = run_cli(
        "import",
        "anki",
        str(apkg),
        "-o",
        str(out / "geo.yaml"),
        "--map",
        "Vocab:Word=front,Meaning=back",
    )
    assert result.returncode == 0, result.stderr
    assert (out / IMAGE).read_bytes() == PNG
    text = (out / "geo.yaml").read_text(encoding="utf-8")
    assert f"Media copied next to this file: {IMAGE}" in text
    assert "Left out: note" in text
    assert "nested clozes" in result.stderr
    pack = load_pack(out / "geo.yaml")  # what was written is a valid pack
    assert any(isinstance(i, FlashcardItem) and i.prompt.plain == "ئۆزەن" for i in pack.items)


def test_a_bad_map_is_one_line_and_nothing_is_written(tmp_path: Path) -> None:
    apkg = third_party_deck(tmp_path)
    out = tmp_path / "geo.yaml"
    result = run_cli("import", "anki", str(apkg), "-o", str(out), "--map", "Vocab:Word")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not out.exists()


def test_notes_in_the_default_deck_give_the_pack_its_id_as_title(tmp_path: Path) -> None:
    from anki.collection import Collection
    from anki.decks import DeckId
    from anki.import_export_pb2 import ExportAnkiPackageOptions

    col = Collection(str(tmp_path / "plain.anki2"))
    note = col.new_note(col.models.by_name("Basic"))  # type: ignore[arg-type]
    note["Front"], note["Back"] = "A note that mentions image-occlusion:rect", "kept"
    col.add_note(note, DeckId(1))
    out = tmp_path / "plain.apkg"
    col.export_anki_package(
        out_path=str(out), options=ExportAnkiPackageOptions(legacy=False), limit=None
    )
    col.close()
    result = read_apkg(out, pack_id="plain")
    assert result.pack.title.plain == "plain"
    assert [i.type for i in result.pack.items] == ["flashcard"]  # text, not an occlusion


def test_a_media_name_that_is_a_path_is_never_written_outside(tmp_path: Path) -> None:
    import json
    import zipfile

    from kzlearn.interop.anki_media import copy_media
    from tests.hostile import collection

    path = tmp_path / "evil.apkg"
    names = {"0": "../evil.png", "1": "ok name.png"}
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("collection.anki2", collection(tmp_path / "c.anki2"))
        archive.writestr("media", json.dumps(names))
        archive.writestr("0", b"evil")
        archive.writestr("1", b"fine")
    folder = tmp_path / "pack"
    folder.mkdir()
    (folder / "ok name.png").write_bytes(b"mine")  # the teacher's own file of that name
    copied = copy_media(path, [*names.values(), "missing.png"], folder)
    assert copied.copied == []
    assert not (tmp_path / "evil.png").exists()
    assert (folder / "ok name.png").read_bytes() == b"mine"
    assert len(copied.problems) == 3
    (folder / "ok name.png").unlink()
    assert copy_media(path, ["ok name.png"], folder).copied == ["ok name.png"]
    assert (folder / "ok name.png").read_bytes() == b"fine"
