"""GIFT with Moodle's meaning: Moodle's own examples and fixtures (tests/data/moodle), weights,
tolerances, wildcards, escapes and text forms as Moodle's documentation describes them."""

from __future__ import annotations

import re

import pytest

from kzlearn import Pack, PackError, load_packs
from kzlearn.interop.gift import parse_gift, read_gift, to_gift
from kzlearn.interop.moodle_xml.write import to_moodle_xml
from kzlearn.models import ClozeItem, Item, MatchItem, McqItem, MultiItem, ShortItem
from kzlearn.models.validation import validate_pack
from kzlearn.packs import dump_pack
from kzlearn.questions.generate import all_items
from kzlearn.questions.grading import grade
from tests.conftest import DECKS, ROOT, run_cli

MOODLE = ROOT / "tests" / "data" / "moodle"


def _read(name: str) -> tuple[dict[str, Item], list[str]]:
    path = MOODLE / name
    read = read_gift(path.read_text(encoding="utf-8"), name, pack_id="m")
    return {i.id: i for i in read.pack.items}, read.skipped


def _blocks(text: str) -> int:
    """How many answer blocks a GIFT file opens (an escaped brace opens none)."""
    lines = (line for line in text.splitlines() if not line.lstrip().startswith("//"))
    return sum(len(re.findall(r"(?<!\\)\{", line)) for line in lines)


def test_every_question_of_moodles_examples_is_imported() -> None:
    text = (MOODLE / "examples.txt").read_text(encoding="utf-8")
    items, skipped = _read("examples.txt")
    assert skipped == []
    assert len(items) == _blocks(text)


def test_moodles_fixture_lists_the_essay_and_the_extra_match_entry() -> None:
    items, skipped = _read("questions.gift.txt")
    assert skipped == [
        "questions.gift.txt:2: skipped: an essay (an empty answer block): kzlearn grades no "
        "free text",
        "questions.gift.txt:5: skipped: the extra right entry 'Chat' (no left to match)",
    ]
    match = items["moodle-activities"]
    assert isinstance(match, MatchItem)
    assert match.prompt.plain == "Match the activity to the description."  # [html]: <b> gone
    assert [p.right.plain for p in match.pairs] == ["Forum", "Choice", "Database", "Wiki"]
    colours = items["colours"]
    assert isinstance(colours, MultiItem)
    assert [c.plain for c in colours.choices] == ["yellow", "red", "off-beige", "blue"]
    assert colours.weights == (50, -100, 50, -100)
    assert grade(colours, [0, 2]).outcome == "correct"
    assert grade(colours, [0, 1]).outcome == "wrong"
    assert (grade(colours, [2]).outcome, grade(colours, [2]).score) == ("nearly", 0.5)
    range_ = items["q5"]  # {#3:2~#Completely wrong}: 1 to 5
    assert [grade(range_, n).outcome for n in ("1", "5", "0.9", "6")] == [
        "correct",
        "correct",
        "wrong",
        "wrong",
    ]
    assert range_.explanation is not None
    assert range_.explanation.plain == "Completely wrong"
    animal = items["shortanswer"]  # =%0%* is Moodle's "anything else": no answer
    assert isinstance(animal, ShortItem)
    assert [p.answer for p in animal.partial] == ["Cat"]
    assert grade(animal, "cat").score == 0.5
    assert grade(animal, "dog").outcome == "wrong"
    tf = items["q1"]
    assert tf.explanation is not None
    assert tf.explanation.plain is not None
    assert "Hitchiker's Guide" in tf.explanation.plain


def test_moodles_category_fixture_reads_html_with_escapes() -> None:
    items, skipped = _read("questions_in_category.gift.txt")
    assert len(skipped) == 1
    greeting = items["greeting"]
    assert greeting.prompt.plain == "Listen to this greeting:\n\nWhat language is being spoken?"
    assert greeting.tags == ("default-for-new-features",)
    assert items["moodle-acronym"].prompt.plain == (
        "Moodle is an acronym for Modular Object-Oriented Dynamic Learning Environment."
    )


def _one(text: str) -> Item:
    return parse_gift(text, "t.gift", pack_id="t").items[0]


@pytest.mark.parametrize("block", ["{#3.1415:0.0005}", "{#3.141..3.142}"])
def test_pi_to_three_decimal_places(block: str) -> None:
    item = _one(f"What is the value of pi (to 3 decimal places)? {block}.")
    assert isinstance(item, ShortItem)
    assert item.prompt.plain == "What is the value of pi (to 3 decimal places)?"
    assert item.tolerance == pytest.approx(0.0005)
    assert [grade(item, t).outcome for t in ("3.142", "3.141", "3.1415", "3.143", "3142")] == [
        *("correct",) * 3,
        *("wrong",) * 2,
    ]


def test_numbers_use_the_point_as_decimal_point() -> None:
    item = _one("How long? {#1.250}")
    assert isinstance(item, ShortItem)
    assert grade(item, "1.25").outcome == "correct"
    assert grade(item, "1250").outcome == "wrong"


def test_weighted_numerical_answers() -> None:
    item = _one("When was Ulysses S. Grant born? {#\n    =1822:0\n    =%50%1822:2}")
    assert [(grade(item, y).outcome, grade(item, y).score) for y in ("1822", "1820", "1819")] == [
        ("correct", None),
        ("nearly", 0.5),
        ("wrong", None),
    ]


def test_partial_weights_are_not_full_credit() -> None:
    item = _one(
        "::Jesus' hometown::Jesus Christ was from {\n    ~Jerusalem#important\n"
        "    ~%25%Bethlehem#born here\n    ~%50%Galilee#more specific\n    =Nazareth#Yes!}."
    )
    assert isinstance(item, McqItem)
    assert item.prompt.plain == "Jesus Christ was from _____."  # missing word: still a choice
    choices = [c.plain for c in item.choices]
    verdicts = {c: grade(item, i) for i, c in enumerate(choices)}
    assert verdicts["Nazareth"].outcome == "correct"
    assert (verdicts["Galilee"].outcome, verdicts["Galilee"].score) == ("nearly", 0.5)
    assert verdicts["Bethlehem"].score == 0.25
    assert verdicts["Jerusalem"].outcome == "wrong"
    assert item.explanation is not None
    assert "«Bethlehem»: born here" in str(item.explanation.plain)
    short = _one("Jesus Christ was from {=Nazareth =%75%Nazereth =%25%Bethlehem}.")
    assert isinstance(short, ShortItem)
    assert grade(short, "Nazareth").outcome == "correct"
    assert grade(short, "Bethlehem").score == 0.25
    assert grade(short, "nazereth").score == 0.75


def test_negative_weights_are_wrong_and_several_positive_are_select_all() -> None:
    item = _one("Who is in Grant's tomb? {~%-50%No one ~%50%Grant ~%50%Grant's wife ~%-50%Me}")
    assert isinstance(item, MultiItem)
    assert grade(item, [1, 2]).outcome == "correct"
    assert grade(item, [0, 1]).outcome == "wrong"
    assert grade(item, [1]).outcome == "nearly"


def test_short_answer_wildcards() -> None:
    item = _one("Who wrote The Magic Flute? {=*Mozart*}")
    assert grade(item, "Wolfgang Amadeus Mozart").outcome == "correct"
    assert grade(item, "Salieri").outcome == "wrong"


@pytest.mark.parametrize(
    ("text", "prompt", "answer"),
    [
        ("[plain]Is it true that 3 < 5 and 7 > 2?{T}", "Is it true that 3 < 5 and 7 > 2?", None),
        ("[markdown]Is 3 < 5?{T}", "Is 3 < 5?", None),
        ("Is it true that 3 < 5 and 7 > 2?{T}", "Is it true that 3 < 5 and 7 > 2?", None),
        ("[html]Is 3 &lt; 5 <b>true</b>?{T}", "Is 3 < 5 true?", None),
        ("Is 3 <i>less</i>?{T}", "Is 3 less?", None),  # Moodle's own form, holding a tag
        ("Which language? {=C\\# ~Java}", "Which language?", "C#"),
        ("Which tag? {=\\#moodle}", "Which tag?", "#moodle"),
        (
            "Write \\{ \\} \\~ \\= \\: \\\\ and a\\nline {=a \\= b}",
            "Write { } ~ = : \\ and a\nline",
            "a = b",
        ),
    ],
)
def test_escapes_and_text_forms(text: str, prompt: str, answer: str | None) -> None:
    item = _one(text)
    assert item.prompt.plain == prompt
    if answer is not None:
        assert isinstance(item, McqItem | ShortItem)
        assert item.answer.plain == answer


@pytest.mark.parametrize(
    ("text", "line", "column", "message"),
    [
        ("::a:: fine {=x ~y}\n\n::b:: broken {=x ~y\n", 3, 14, "not closed"),
        ("::a:: number\n{#12 =%50%\n  many}\n", 3, 3, "needs a number"),
        ("::m:: Match {\n =a -> b\n =c d}\n", 3, 3, "needs '->'"),
        ("Q {~a ~ ~b}\n", 1, 7, "an empty answer"),
    ],
)
def test_gift_errors_name_the_line_and_column(
    text: str, line: int, column: int, message: str
) -> None:
    with pytest.raises(PackError) as caught:
        parse_gift(text, "bad.gift", pack_id="b")
    assert (caught.value.line, caught.value.column) == (line, column)
    assert message in str(caught.value)
    assert str(caught.value).startswith(f"bad.gift:{line}:{column}: ")


def test_questions_kzlearn_cannot_hold_are_listed_and_strict_refuses_them() -> None:
    text = "Say hello. {}\n\n::d:: Just read this.\n\nQ {=yes}\n\n::m:: M {=a -> b}\n"
    read = read_gift(text, "s.gift", pack_id="s")
    assert [i.prompt.plain for i in read.pack.items] == ["Q"]
    where = [s.split(": skipped: ")[0] for s in read.skipped]
    assert where == ["s.gift:1", "s.gift:3", "s.gift:7"]
    assert "pairs" in read.skipped[2]  # the field of the item, never an offset in the data
    with pytest.raises(PackError) as caught:
        read_gift(text, "s.gift", pack_id="s", strict=True)
    assert [p.line for p in caught.value.problems] == [1, 3, 7]


def test_cli_import_lists_skipped_questions_and_strict_fails(tmp_path: object) -> None:
    source = MOODLE / "questions.gift.txt"
    out = f"{tmp_path}/q.yaml"
    done = run_cli("import", "gift", str(source), "-o", out)
    assert done.returncode == 0
    assert done.stderr.count(": skipped: ") == 2
    refused = run_cli("import", "gift", str(source), "--strict", "-o", f"{tmp_path}/r.yaml")
    assert refused.returncode != 0
    assert "Traceback" not in refused.stderr
    assert ":2: cannot be imported: an essay" in refused.stderr


# -- export ---------------------------------------------------------------------------------


def _round_trip(pack: Pack) -> Pack:
    return parse_gift(to_gift([pack], {pack.id: list(pack.items)}).text, "r", pack_id=pack.id)


def test_moodles_examples_survive_an_export_and_import() -> None:
    for name in ("examples.txt", "questions.gift.txt"):
        pack = read_gift((MOODLE / name).read_text(encoding="utf-8"), name, pack_id="m").pack
        again = _round_trip(pack)
        assert list(again.items) == list(pack.items)


def test_export_marks_plain_text_and_writes_weights_as_moodle() -> None:
    text = (
        "::w::Is 3 < 5? {~%25%a ~%50%b =c ~d}\n\n::m::Pick {~%50%a ~%50%b ~%-100%c}\n\n"
        "::n::Pi? {#=3.1415:0.0005 =%50%3.14:0.01}\n\n::s::Who? {=A* =%50%b}\n"
    )
    pack = parse_gift(text, "w", pack_id="w")
    gift = to_gift([pack], {"w": list(pack.items)}).text
    assert "::w::[plain]Is 3 < 5? {~%25%a ~%50%b =c ~d}" in gift
    assert "{~%50%a ~%50%b ~%-100%c}" in gift
    assert "{#=3.1415:0.0005 =%50%3.14:0.01}" in gift
    assert "{=A* =%50%b}" in gift


def test_export_leaves_no_empty_category() -> None:
    pack = load_packs(DECKS)[0]
    items: list[Item] = [i for i in all_items(pack) if i.type == "order"]
    assert items  # only items GIFT cannot hold
    exported = to_gift([pack], {pack.id: items})
    assert exported.written == 0
    assert "$CATEGORY" not in exported.text
    assert set(exported.reasons) == {"ordering has no GIFT form"}


@pytest.mark.parametrize("pack", load_packs(DECKS), ids=lambda p: p.id)
def test_export_in_english_writes_english_everywhere(pack: Pack) -> None:
    items = all_items(pack)
    exported = to_gift([pack], {pack.id: items}, lang="en")
    back = {i.id: i for i in parse_gift(exported.text, "e", pack_id="e").items}
    assert back
    for item in items:
        if item.id not in back:
            continue
        again = back[item.id]
        if isinstance(item, ClozeItem):
            english = item.text.get("en", pack.language)
            if isinstance(again, ClozeItem):
                assert again.text.plain == english
            continue
        assert again.prompt.plain == item.prompt.get("en", pack.language)
        if isinstance(item, McqItem):
            assert isinstance(again, McqItem)
            assert again.answer.plain == item.answer.get("en", pack.language)


def test_a_question_moodle_reads_but_kzlearn_cannot_hold_says_why_in_plain_words() -> None:
    read = read_gift("Q {=a ~a ~b}\n\nQ2 {=x ~y}\n", "f.gift", pack_id="x")
    assert read.skipped == ["f.gift:1: skipped: choices 1 and 2 are the same"]
    assert [i.prompt.plain for i in read.pack.items] == ["Q2"]


def test_export_escapes_every_control_character_of_plain_text() -> None:
    prompt = "Is 3 < 5 & is C# {x} a=b: ~ \\ here\nand there?"
    pack = validate_pack(
        {
            "id": "e",
            "title": "e",
            "language": "en",
            "items": [{"id": "q", "type": "short", "prompt": prompt, "answer": "a=b {c}"}],
        }
    )
    gift = to_gift([pack], {"e": list(pack.items)}).text
    assert "::q::[plain]Is 3 < 5 & is C\\# \\{x\\} a\\=b\\: \\~ \\\\ here\\nand there? " in gift
    assert "{=a\\=b \\{c\\}}" in gift
    again = _round_trip(pack)
    assert list(again.items) == list(pack.items)


def test_an_imported_pack_writes_weights_and_tolerances_as_teachers_do() -> None:
    text = "::n:: Grant? {#=1822:0 =%50%1822:2}\n\n::m:: Two? {~%50%a ~%50%b ~%-100%c}\n"
    written = dump_pack(parse_gift(text, "w", pack_id="w"), "")
    assert "weight: 50\n" in written
    assert "tolerance: 2\n" in written
    assert "- -100\n" in written
    assert ".0\n" not in written


def test_export_writes_each_category_once_above_its_questions() -> None:
    packs = load_packs(DECKS)
    items: dict[str, list[Item]] = {p.id: all_items(p) for p in packs}
    blocks = to_gift(packs, items).text.strip().split("\n\n")
    categories = [b for b in blocks if b.startswith("$CATEGORY: ")]
    assert len(categories) == len(set(categories))
    followed = [blocks[i + 1] for i, b in enumerate(blocks) if b in categories]
    assert all(b.startswith("::") for b in followed)  # never an empty category
    wanted = {
        f"$CATEGORY: {p.id}/{i.tags[0]}" if i.tags else f"$CATEGORY: {p.id}"
        for p in packs
        for i in items[p.id]
        if i.type != "order"
    }
    assert set(categories) <= wanted


def test_a_partial_answer_names_one_choice_everywhere() -> None:
    # Choices of signs alone fold to nothing: a partial answer "-" must name "-" only (as
    # the model reads it), in grading and in every export, never "+" as well.
    pack = validate_pack(
        {
            "id": "signs",
            "title": "Signs",
            "language": "en",
            "items": [
                {
                    "id": "sign",
                    "type": "mcq",
                    "prompt": "Which sign subtracts?",
                    "choices": ["+", "-", "x"],
                    "answer": "x",
                    "partial": [{"answer": "-", "weight": 50}],
                }
            ],
        }
    )
    item = pack.items[0]
    assert isinstance(item, McqItem)
    assert item.partial_weights() == (0, 50, 0)
    assert grade(item, 0).outcome == "wrong"
    assert (grade(item, 1).outcome, grade(item, 1).score) == ("nearly", 0.5)
    gift = to_gift([pack], {"signs": [item]}).text
    assert "{~+ ~%50%- =x}" in gift
    xml = to_moodle_xml([pack], {"signs": [item]}).text
    fractions = re.findall(r'fraction="([^"]*)"[^>]*>\s*<text><!\[CDATA\[(.)\]\]>', xml)
    assert fractions == [("0", "+"), ("50", "-"), ("100", "x")]
