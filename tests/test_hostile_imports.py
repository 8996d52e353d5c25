"""Hostile GIFT, CSV and .apkg files: each is answered quickly with a pack or one clear error.

No test here measures time (tests/benchmarks/bench_hostile.py does); the inputs are sized so
that the old patterns would not finish in any reasonable time (exponential, cubic), and the
patterns are checked to stop at the next place a match could start, which makes them linear.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kzlearn.errors import KzlearnError, PackError
from kzlearn.interop import anki_fields, gift
from kzlearn.interop.anki_import import read_apkg
from kzlearn.interop.gift import parse_gift
from kzlearn.interop.tabular import parse_terms
from kzlearn.models import FlashcardItem, cloze_blanks
from tests.conftest import run_cli
from tests.hostile import (
    apkg,
    bad_crc_apkg,
    collection,
    lying_size_apkg,
    mutate,
    recursive_view_apkg,
)

# -- GIFT -----------------------------------------------------------------------------------


def test_a_gift_name_of_backslashes_is_answered_at_once() -> None:
    # 43 bytes took 30 s and doubled every few bytes: 200 would outlive the universe.
    with pytest.raises(PackError, match="no answer block"):
        parse_gift("::" + "\\" * 200, "f.gift", pack_id="x")
    pack = parse_gift("::a\\:b:: Q {=yes}", "f.gift", pack_id="x")
    assert pack.items[0].id == "a-b"


def test_gift_html_stripping_stops_at_the_next_tag() -> None:
    assert gift._TAG.pattern.endswith("[^<>]*>")  # no scan from one "<" past the next one
    pack = parse_gift("Q <b>bold</b> " + "<" * 200_000 + " {=yes}", "f.gift", pack_id="x")
    assert pack.items[0].prompt.plain is not None
    assert pack.items[0].prompt.plain.startswith("Q bold <<<")


def test_a_gift_answer_block_of_a_million_marks_is_refused_early() -> None:
    with pytest.raises(PackError, match="more than 100 answers"):
        parse_gift("Q {" + "=" * 1_000_000 + "}", "f.gift", pack_id="x")


def test_too_many_gift_questions_are_refused_with_the_limit() -> None:
    with pytest.raises(PackError, match="more than 3 questions") as caught:
        parse_gift("Q {=a}\n\n" * 4, "f.gift", pack_id="x", max_cards=3)
    assert caught.value.line == 7


# -- CSV ------------------------------------------------------------------------------------


def test_one_long_csv_line_is_sniffed_in_a_bounded_prefix() -> None:
    line = '",' * 100_000  # csv.Sniffer took 30 s on 72 KB of this, and 4 times that on 2x
    with pytest.raises(PackError, match="separated by one comma, found"):
        parse_terms(line + "\n", "long.csv", pack_id="x")
    with pytest.raises(PackError, match="found 200001 field"):
        parse_terms("word," * 200_000 + "\n", "long.csv", pack_id="x")


def test_a_csv_field_over_128_kib_is_one_located_error(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_text("a,b\n" + "x" * 200_000 + ",y\n", encoding="utf-8")
    result = run_cli("import", "csv", str(path))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"kzlearn: {path}:2:1: unreadable row: field larger than field limit (131072)"
    ]


def test_csv_with_cr_only_line_ends_imports(tmp_path: Path) -> None:
    pack = parse_terms('a,b\r"c\rd",e\rf,g\r', "mac.csv", pack_id="x")
    assert [f.term.plain for f in pack.facts] == ["a", "c\nd", "f"]  # type: ignore[union-attr]


def test_a_million_csv_rows_are_refused_with_the_limit_without_reading_them_all() -> None:
    rows = "".join(f"t{i},d{i}\n" for i in range(1_000))
    with pytest.raises(PackError, match="more than 500 cards") as caught:
        parse_terms(rows, "many.csv", pack_id="x", max_cards=500)
    assert caught.value.line == 501
    assert len(parse_terms(rows, "many.csv", pack_id="x").facts) == 1_000


# -- Anki -----------------------------------------------------------------------------------


def test_a_notes_view_that_recurses_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PackError, match="notes is a view"):
        read_apkg(recursive_view_apkg(tmp_path), pack_id="x")


@pytest.mark.parametrize(
    "make",
    [bad_crc_apkg, lambda tmp: lying_size_apkg(tmp, 100), lambda tmp: lying_size_apkg(tmp, 9000)],
    ids=["bad-crc", "size-too-small", "size-too-large"],
)
def test_a_broken_zip_member_is_one_clear_error(tmp_path: Path, make: object) -> None:
    path = make(tmp_path)  # type: ignore[operator]
    result = run_cli("import", "anki", str(path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith(f"kzlearn: {path}: ")


def test_null_integer_and_blob_note_fields_import_what_is_valid(tmp_path: Path) -> None:
    notes = [
        (1, 1, None),
        (2, 1, 12345),
        (3, 1, b"front\x1fback\xff"),
        ("x", 1, "text id\x1fok"),
        (3, 1, "same id\x1fok"),
        (None, None, "no type\x1fok"),
        (4, 1, "only a front"),  # fewer fields than its type
    ]
    path = apkg(tmp_path / "n.apkg", collection(tmp_path / "n.anki2", notes))
    result = read_apkg(path, pack_id="x")
    prompts = sorted(i.prompt.plain or "" for i in result.pack.items)
    assert prompts == ["front", "no type", "same id", "text id"]
    assert len(result.skipped) == 3
    assert len({i.id for i in result.pack.items}) == 4


@pytest.mark.parametrize(
    ("models", "message"),
    [([1, 2], "not a JSON object"), ("{", "not a JSON object")],
)
def test_note_types_that_are_not_a_mapping_are_refused(
    tmp_path: Path, models: object, message: str
) -> None:
    path = apkg(tmp_path / "m.apkg", collection(tmp_path / "m.anki2", models=models))
    with pytest.raises(PackError, match=message):
        read_apkg(path, pack_id="x")


def test_odd_note_types_are_read_by_position(tmp_path: Path) -> None:
    models = {"1": [], "x": {"flds": 5}, "2": {"flds": [1, {"name": None}]}}
    path = apkg(tmp_path / "m.apkg", collection(tmp_path / "m.anki2", models=models))
    assert read_apkg(path, pack_id="x").pack.items[0].prompt.plain == "front"


def test_anki_patterns_stop_at_the_next_place_a_match_could_start(tmp_path: Path) -> None:
    # The cloze pattern was cubic (9.6 KB: over a minute), the media pattern quadratic.
    assert anki_fields.CLOZE.search("{{c1::a::b{{c2::x}}").group(2) == "x"  # type: ignore[union-attr]
    assert anki_fields.MEDIA.search("<img a <img src=b.png>").group(3) == "b.png"  # type: ignore[union-attr]
    fields = [
        "{{c1::" + "::" * 100_000 + "\x1fback",
        "<img " * 50_000 + "\x1fback",
        "[sound:" * 40_000 + "\x1fback",
        "Cloze {{c1::" + "{{c1::x" * 20_000 + "}} end\x1f",
    ]
    notes = [(i, 1, f) for i, f in enumerate(fields, start=1)]
    path = apkg(tmp_path / "slow.apkg", collection(tmp_path / "slow.anki2", notes))
    result = read_apkg(path, pack_id="x")
    kinds = [type(i) for i in result.pack.items]
    assert kinds == [FlashcardItem, FlashcardItem, FlashcardItem]
    assert result.skipped == ["note 4 (Basic): nested clozes (a cloze inside a cloze)"]


def test_cloze_blanks_stop_at_the_next_opening() -> None:
    assert cloze_blanks("{{" * 100_000) == []
    assert cloze_blanks("a {{x|y}} {{a{b}}") == [("x", "y"), ("a{b",)]


def test_an_empty_cloze_is_left_out_not_a_failed_import(tmp_path: Path) -> None:
    notes = [(1, 1, "{{c1::}} empty\x1f"), (2, 1, "front\x1fback")]
    path = apkg(tmp_path / "e.apkg", collection(tmp_path / "e.anki2", notes))
    result = read_apkg(path, pack_id="x")
    assert [i.prompt.plain for i in result.pack.items] == ["front"]
    assert len(result.skipped) == 1


# -- fuzz -----------------------------------------------------------------------------------

GIFT_SEEDS = [
    "// c\n$CATEGORY: a/b\n::n\\:1:: <b>Q</b> {=%50%yes#ok ~no -> x}\n\n::t:: T? {T}\n",
    "::" + "\\" * 40,
    "Q " + "<" * 2000 + " {=a ~b}\n\n::m:: M {=a -> b =c -> d}\n",
    "::c:: The {=x =y} and {#12..13} ####why\n",
]
CSV_SEEDS = [
    'term,definition\n"a, b";c\r\nd\te\n',
    "w," * 3000 + "\n",
    'a;"b\rc"\r',
    "#separator:tab\n#html:true\n#guid column:1\n#deck column:2\n#tags column:5\n"
    'g\tD::e\t<ul><li>a</li></ul>\t"b<br>c"\tt u\nh\tE\t{{c1::x}}\t<i>y</i>\t\n',
]
# Bounded: a few hundred mutations a run (new ones each run; a failure prints its seed).
FUZZ = settings(
    database=None,
    max_examples=int(os.environ.get("KZLEARN_FUZZ_EXAMPLES", "300")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


EDITS = st.lists(
    st.tuples(st.integers(0, 10**6), st.integers(0, 8), st.binary(max_size=12)), max_size=8
)


@FUZZ
@given(edits=EDITS, gift_seed=st.sampled_from(GIFT_SEEDS), csv_seed=st.sampled_from(CSV_SEEDS))
def test_fuzzed_gift_and_csv_give_a_pack_or_a_clean_error(
    edits: list[tuple[int, int, bytes]], gift_seed: str, csv_seed: str
) -> None:
    for seed, parse in ((gift_seed, parse_gift), (csv_seed, parse_terms)):
        text = mutate(seed.encode(), edits).decode("utf-8", "replace")
        with contextlib.suppress(KzlearnError):  # anything else fails the test
            parse(text, "fuzz", pack_id="x")


@FUZZ
@given(edits=EDITS, stored=st.booleans())
def test_fuzzed_apkg_bytes_give_a_pack_or_a_clean_error(
    tmp_path: Path, edits: list[tuple[int, int, bytes]], stored: bool
) -> None:
    notes = [(1, 1, "{{c1::x::h}} <img src=a.png>\x1fb"), (2, 1, "front\x1fback [sound:a.mp3]")]
    seed = collection(tmp_path / "seed.anki2", notes)
    package = apkg(tmp_path / "seed.apkg", seed, stored=stored).read_bytes()
    for target, data in (("db", seed), ("zip", package)):
        mutated = mutate(data, edits)
        path = tmp_path / "fuzz.apkg"
        if target == "db":
            apkg(path, mutated)
        else:
            path.write_bytes(mutated)
        with contextlib.suppress(KzlearnError):  # anything else fails the test
            read_apkg(path, pack_id="x")


@pytest.mark.parametrize(
    ("sql", "message"),
    [
        (
            "CREATE TABLE notes (id, mid, flds AS (printf('%.*c', 100000000, 'x')))",
            "notes.flds is computed",
        ),
        ("CREATE VIRTUAL TABLE notes USING fts5(id, mid, flds)", "notes is a virtual table"),
    ],
)
def test_notes_that_compute_what_they_return_are_refused(
    tmp_path: Path, sql: str, message: str
) -> None:
    data = collection(tmp_path / "c.anki2", notes_sql=sql)
    with pytest.raises(PackError, match=message):
        read_apkg(apkg(tmp_path / "c.apkg", data), pack_id="x")


def test_a_collection_with_bytes_that_are_not_utf8_is_one_clear_error(tmp_path: Path) -> None:
    seed = bytearray(collection(tmp_path / "u.anki2", [(1, 1, "f\x1fb")]))
    seed[seed.index(b"CREATE TABLE notes") + 7] = 0x80  # found by the fuzz test
    with pytest.raises(PackError, match="cannot be read"):
        read_apkg(apkg(tmp_path / "u.apkg", bytes(seed)), pack_id="x")
    latin = tmp_path / "l.anki2"
    collection(latin)
    with sqlite3.connect(latin) as db:  # Latin-1 bytes in a TEXT column
        db.execute("UPDATE notes SET flds = CAST(X'636166e91f6261636b' AS TEXT)")
    db.close()
    result = read_apkg(apkg(tmp_path / "l.apkg", latin.read_bytes()), pack_id="x")
    assert result.pack.items[0].prompt.plain == "caf\ufffd"


def test_an_import_problem_names_the_question_line_and_field_without_union_tags() -> None:
    with pytest.raises(PackError) as caught:
        parse_gift(
            "\n::m:: M {" + " ".join(f"=a{i} -> b{i}" for i in range(13)) + "}",
            "g",
            pack_id="x",
        )
    assert caught.value.line == 2  # the GIFT line, never an offset in the pack's data
    assert caught.value.field == ""
    assert "skipped: pairs: " in str(caught.value)
    assert "match" not in str(caught.value)


def test_gift_questions_with_the_same_long_name_get_distinct_ids_that_fit() -> None:
    name = "n" * 200
    pack = parse_gift(f"::{name}:: A {{=a}}\n\n::{name}:: B {{=b}}\n", "g", pack_id="x")
    ids = [item.id for item in pack.items]
    assert len(set(ids)) == 2
    assert all(len(i) <= 80 for i in ids)
