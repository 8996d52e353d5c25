"""Anki import: legacy and modern packages (the modern one made by the official backend),
and packages that are not what they claim."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from anki.collection import Collection
from anki.import_export_pb2 import ExportAnkiPackageOptions

from kzlearn import PackError, load_packs
from kzlearn.interop.anki import export_apkg
from kzlearn.interop.anki_import import read_apkg
from kzlearn.models import ClozeItem, FlashcardItem, ShortItem
from tests.conftest import DECKS, run_cli


def modern_package(tmp_path: Path) -> Path:
    col = Collection(str(tmp_path / "source.anki2"))
    deck = col.decks.id("Kazakhstan")
    assert deck is not None
    basic = col.new_note(col.models.by_name("Basic"))  # type: ignore[arg-type]
    basic["Front"] = 'What is the largest city of <b>Kazakhstan</b>?<img src="almaty.jpg">'
    basic["Back"] = "Almaty&nbsp;(ألماتي)<br>[sound:almaty.mp3]"
    col.add_note(basic, deck)
    cloze = col.new_note(col.models.by_name("Cloze"))  # type: ignore[arg-type]
    cloze["Text"] = "Independence: {{c1::16 December 1991}}, led by {{c2::Nazarbayev::a name}}."
    col.add_note(cloze, deck)
    out = tmp_path / "modern.apkg"
    options = ExportAnkiPackageOptions(
        with_scheduling=False, with_deck_configs=False, with_media=False, legacy=False
    )
    col.export_anki_package(out_path=str(out), options=options, limit=None)
    col.close()
    return out


def test_a_modern_package(tmp_path: Path) -> None:
    path = modern_package(tmp_path)
    assert "collection.anki21b" in zipfile.ZipFile(path).namelist()
    result = read_apkg(path, pack_id="modern")
    kinds = {type(i) for i in result.pack.items}
    assert kinds == {FlashcardItem, ClozeItem}
    card = next(i for i in result.pack.items if isinstance(i, FlashcardItem))
    assert card.prompt.plain == "What is the largest city of Kazakhstan? [image: almaty.jpg]"
    assert card.back.plain == "Almaty (ألماتي)\n[sound: almaty.mp3]"
    clozes = [i.text.plain for i in result.pack.items if isinstance(i, ClozeItem)]
    assert clozes == [  # one item per cloze number
        "Independence: {{16 December 1991}}, led by Nazarbayev.",
        "Independence: 16 December 1991, led by {{Nazarbayev}} [a name].",
    ]
    assert result.media == ["almaty.jpg", "almaty.mp3"]


def test_a_legacy_package_round_trips_our_own_export(tmp_path: Path) -> None:
    packs = load_packs(DECKS[:1])
    path = tmp_path / "ours.apkg"
    notes = export_apkg(packs, path, timestamp=1_700_000_000)
    assert "collection.anki2" in zipfile.ZipFile(path).namelist()
    result = read_apkg(path, pack_id="ours", lang="ar")
    kept = len({re.sub(r"\.c\d+$", "", i.id) for i in result.pack.items})  # a cloze a number
    left_out = sum(int(line.split()[0]) for line in result.skipped)
    assert kept + left_out == notes
    by_prompt = {i.prompt.plain: i for i in result.pack.items}
    typed = by_prompt["اكتب اسم الرئيس الأول لكازاخستان."]
    assert isinstance(typed, ShortItem)
    assert typed.answer.plain == "نور سلطان نزارباييف"
    assert result.skipped  # multiple choice, ordering, matching: no single answer field
    shorts = [i for i in result.pack.items if isinstance(i, ShortItem)]
    assert all(i.answer.plain != i.prompt.plain for i in shorts)


def _zip(tmp_path: Path, members: dict[str, bytes], name: str = "evil.apkg") -> Path:
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, data in members.items():
            archive.writestr(member, data)
    return path


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "deck.apkg"
    path.write_text("hello", encoding="utf-8")
    with pytest.raises(PackError, match="not a zip file"):
        read_apkg(path, pack_id="x")


def test_zip_slip_names_are_refused(tmp_path: Path) -> None:
    path = _zip(tmp_path, {"../../etc/evil": b"x", "collection.anki2": b"x"})
    with pytest.raises(PackError, match="unsafe member name"):
        read_apkg(path, pack_id="x")
    assert not (tmp_path.parent.parent / "etc" / "evil").exists()


def test_a_zip_bomb_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = _zip(tmp_path, {"collection.anki2": b"\0" * (64 * 1024 * 1024)})
    assert path.stat().st_size < 1024 * 1024
    with pytest.raises(PackError, match="zip bomb"):
        read_apkg(path, pack_id="x")


def test_no_collection_inside(tmp_path: Path) -> None:
    path = _zip(tmp_path, {"media": b"{}"})
    with pytest.raises(PackError, match="no collection inside"):
        read_apkg(path, pack_id="x")


def test_the_command_refuses_cleanly_and_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.apkg"
    bad.write_bytes(b"PK\x03\x04 truncated")
    out = tmp_path / "p.yaml"
    result = run_cli("import", "anki", str(bad), "-o", str(out))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert not out.exists()
    good = modern_package(tmp_path)
    result = run_cli("import", "anki", str(good), "-o", str(out))
    assert result.returncode == 0, result.stderr
    header = out.read_text(encoding="utf-8")
    assert "Media not copied: almaty.jpg: not in the package" in header  # exported without
    assert io.StringIO(result.stderr).read().strip().endswith("3 item(s) imported")
