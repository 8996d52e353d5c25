"""``kzlearn import moodle`` and ``kzlearn export moodle`` as a user runs them: hostile
files refused in one line, images written beside the pack and nowhere else."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from kzlearn.errors import KzlearnError
from kzlearn.interop.moodle_xml.files import Embedded, safe_name, write_files
from tests.conftest import DECKS, run_cli
from tests.moodle_xml import DATA

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE quiz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<quiz><question type="truefalse"><questiontext><text>&lol9;</text></questiontext>
<answer fraction="100"><text>true</text></answer></question></quiz>
"""

EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE quiz [
  <!ENTITY secret SYSTEM "file:///etc/passwd">
]>
<quiz><question type="truefalse"><questiontext><text>&secret;</text></questiontext>
<answer fraction="100"><text>true</text></answer></question></quiz>
"""


def one_line_error(tmp_path: Path, text: str) -> str:
    path = tmp_path / "hostile.xml"
    path.write_text(text)
    done = run_cli("import", "moodle", str(path), "-o", str(tmp_path / "pack.yaml"))
    assert done.returncode == 1
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    assert len(done.stderr.splitlines()) == 1
    assert not (tmp_path / "pack.yaml").exists()
    return done.stderr.strip()


def test_a_billion_laughs_is_refused_in_one_line(tmp_path: Path) -> None:
    error = one_line_error(tmp_path, BILLION_LAUGHS)
    assert error.startswith(
        f"kzlearn: {tmp_path / 'hostile.xml'}:3:1: declares the XML entity 'lol'"
    )


def test_an_external_entity_is_refused_in_one_line(tmp_path: Path) -> None:
    error = one_line_error(tmp_path, EXTERNAL)
    assert error.startswith(f"kzlearn: {tmp_path / 'hostile.xml'}:3:1: declares the XML entity")
    assert "root:" not in error  # nothing of the file named was read


def test_xml_that_is_not_well_formed_names_its_line_and_column(tmp_path: Path) -> None:
    error = one_line_error(tmp_path, "<quiz>\n<question>\n  </quiz>\n")
    assert error == f"kzlearn: {tmp_path / 'hostile.xml'}:3:5: not well-formed XML: mismatched tag"


def test_xml_that_is_not_a_moodle_quiz_is_refused(tmp_path: Path) -> None:
    error = one_line_error(tmp_path, "<html><body/></html>")
    assert error.endswith("not Moodle XML: the root element is <html>, not <quiz>")


def test_import_writes_the_pack_and_its_images_beside_it(tmp_path: Path) -> None:
    pack = tmp_path / "out" / "cities.yaml"
    pack.parent.mkdir()
    done = run_cli("import", "moodle", str(DATA / "multianswer.xml"), "-o", str(pack))
    assert done.returncode == 0, done.stderr
    folder = tmp_path / "out" / "cities-images"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["cities-images", "cities.yaml"]
    assert sorted(p.name for p in folder.iterdir()) == [
        "arizona_2.png",
        "california-state-flag.png",
        "moodle.png",
    ]
    assert (folder / "moodle.png").read_bytes().startswith(b"\x89PNG")
    text = pack.read_text()
    assert "#   cloze-with-images: moodle.png -> moodle.png" in text
    assert run_cli("validate", str(pack)).returncode == 0
    assert "1 item(s) imported, 0 question(s) skipped, 3 image(s) written" in done.stderr


def test_hostile_file_names_stay_in_the_images_folder(tmp_path: Path) -> None:
    pack = tmp_path / "deep" / "mixed.yaml"
    pack.parent.mkdir()
    done = run_cli("import", "moodle", str(DATA / "kzlearn_mixed.xml"), "-o", str(pack))
    assert done.returncode == 0, done.stderr
    written = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*"))
    assert written == [
        "deep",
        "deep/mixed-images",
        "deep/mixed-images/flag.png",
        "deep/mixed-images/hidden",
        "deep/mixed.yaml",
    ]
    lines = done.stderr.splitlines()
    assert [line.split(": ", 1)[1] for line in lines if ": skipped: " in line] == [
        "skipped: a description (text shown between questions), not a question",
        "skipped: Moodle's 'essay' questions have no kzlearn form",
        "skipped: an answer's fraction 'lots' is not a number",
    ]


def test_existing_images_are_not_overwritten_and_then_nothing_is_written(tmp_path: Path) -> None:
    (tmp_path / "mixed-images").mkdir()
    (tmp_path / "mixed-images" / "hidden").write_text("mine")
    pack = tmp_path / "mixed.yaml"
    done = run_cli("import", "moodle", str(DATA / "kzlearn_mixed.xml"), "-o", str(pack))
    assert done.returncode == 1
    assert "hidden: exists; not overwriting it" in done.stderr
    assert not pack.exists()
    assert (tmp_path / "mixed-images" / "hidden").read_text() == "mine"
    assert not (tmp_path / "mixed-images" / "flag.png").exists()


def test_strict_refuses_the_file_and_writes_nothing(tmp_path: Path) -> None:
    pack = tmp_path / "mixed.yaml"
    done = run_cli(
        "import", "moodle", str(DATA / "kzlearn_mixed.xml"), "--strict", "-o", str(pack)
    )
    assert done.returncode == 1
    assert sum(": skipped: " in line for line in done.stderr.splitlines()) == 3
    assert list(tmp_path.iterdir()) == []


def test_safe_names_are_plain_distinct_names() -> None:
    taken: set[str] = set()
    names = ["../../x.png", "a\\b\\x.png", "X.PNG", ".bashrc", "", "...", "ok name!.png"]
    assert [safe_name(n, taken) for n in names] == [
        "x.png",
        "x-2.png",
        "X-3.PNG",
        "bashrc",
        "file",
        "file-2",
        "ok_name_.png",
    ]


def test_a_symlinked_images_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "images").symlink_to(tmp_path / "elsewhere")
    files = [Embedded("a.png", 1, "q", b"data")]
    with pytest.raises(KzlearnError, match="is not a folder"):
        write_files(files, tmp_path / "images", force=True)
    assert list((tmp_path / "elsewhere").iterdir()) == []


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_an_exported_deck_imports_back_through_the_command_line(tmp_path: Path, lang: str) -> None:
    exported = tmp_path / "deck.xml"
    done = run_cli("export", "moodle", str(DECKS[0]), "--lang", lang, "-o", str(exported))
    assert done.returncode == 0, done.stderr
    written = int(done.stderr.split(" question(s) written")[0].split()[-1])
    text = exported.read_text(encoding="utf-8")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<quiz>')
    assert ('<p dir="rtl">' in text) == (lang == "ar")
    back = tmp_path / "back.yaml"
    done = run_cli("import", "moodle", str(exported), "--lang", lang, "--strict", "-o", str(back))
    assert done.returncode == 0, done.stderr
    assert f"{written} item(s) imported, 0 question(s) skipped" in done.stderr
    assert run_cli("validate", str(back)).returncode == 0


def test_base64_images_decode_to_the_bytes_in_the_file() -> None:
    text = (DATA / "multianswer.xml").read_text()
    start = text.index('<file name="moodle.png" encoding="base64">') + len(
        '<file name="moodle.png" encoding="base64">'
    )
    raw = base64.b64decode(text[start : text.index("</file>", start)])
    from kzlearn.interop.moodle_xml import read_moodle_xml

    result = read_moodle_xml(text, "x.xml", pack_id="t")
    assert next(f.data for f in result.files if f.name == "moodle.png") == raw


def test_an_export_in_a_language_a_pack_lacks_is_refused(tmp_path: Path) -> None:
    done = run_cli("export", "moodle", str(DECKS[0]), "--lang", "fr", "-o", str(tmp_path / "x"))
    assert done.returncode == 1
    assert done.stderr.startswith("kzlearn: ")
    assert "no fr text (the pack has ar, en)" in done.stderr
    assert not (tmp_path / "x").exists()


def test_an_unknown_encoding_is_one_clear_error() -> None:
    from kzlearn.interop.moodle_xml import read_moodle_xml

    data = b'<?xml version="1.0" encoding="UF-8"?>\n<quiz/>'
    with pytest.raises(KzlearnError, match=r"^x.xml:1:1: declares an encoding"):
        read_moodle_xml(data, "x.xml", pack_id="t")
