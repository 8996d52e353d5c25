"""Moodle XML import: Moodle's own fixtures and kzlearn's, each question mapped or listed
with its line; embedded files; --strict."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kzlearn.errors import KzlearnError, PackError
from kzlearn.interop.moodle_xml import read_moodle_xml
from kzlearn.localized import Localized
from kzlearn.models import (
    ClozeItem,
    MatchItem,
    McqItem,
    MultiItem,
    OrderItem,
    ShortItem,
    TrueFalseItem,
)
from tests.hostile import mutate
from tests.moodle_xml import DATA, by_id, line_of, load


def test_moodles_nested_categories_give_the_title_and_tags() -> None:
    result = load("nested_categories_with_questions.xml")
    items = by_id(result)
    assert result.pack.title == Localized("Iota")  # the top category
    assert result.pack.description == Localized("This is Iota category for test")
    assert {i: items[i].tags for i in items} == {
        "iota-question": (),
        "kappa-question": ("Kappa",),
        "lambda-question": ("Lambda",),
        "mu-question": ("Mu",),
    }
    assert all(isinstance(i, TrueFalseItem) and i.answer for i in items.values())
    essay = line_of("nested_categories_with_questions.xml", 'type="essay"')
    path = DATA / "nested_categories_with_questions.xml"
    assert result.skipped == [
        f"{path}:{essay}: skipped: Moodle's 'essay' questions have no kzlearn form"
    ]


def test_moodles_cloze_with_images_is_a_cloze_item_and_its_images_are_decoded() -> None:
    result = load("multianswer.xml")
    (item,) = result.pack.items
    assert isinstance(item, ClozeItem)
    assert item.prompt == Localized("Match the following cities with the correct state,")
    assert item.blanks(None, "en") == [
        ("California",),
        ("Arizona",),
        ("California",),
        ("Arizona",),
        ("Paris",),
    ]  # choices became typed blanks; the 50% Marseille is not a right answer
    assert item.explanation is not None
    explanation = item.explanation.get(None, "en").splitlines()
    assert explanation[:3] == [  # each field's feedback, numbered as the preview numbers it
        "This is a Moodle question",
        "[1] «California»: OK",
        "[1] «Arizona»: Wrong",
    ]
    assert explanation[-2] == (  # HTML in a field's feedback is read as text
        "[5] «Marseille»: No, that is the second largest city in France (after Paris)."
    )
    assert "  " not in item.text.get(None, "en")  # a removed image leaves one space
    names = [f.name for f in result.files]
    assert names == ["arizona_2.png", "california-state-flag.png", "moodle.png"]
    assert all(f.data is not None and f.data.startswith(b"\x89PNG") for f in result.files)
    assert {f.item for f in result.files} == {item.id}


def test_moodle_1_9_image_fields_are_found() -> None:
    result = load("sample_questions_with_old_image_tag.xml")
    assert [type(i) for i in result.pack.items] == [ClozeItem, McqItem]
    mcq = result.pack.items[1]
    assert isinstance(mcq, McqItem)
    assert mcq.answer == Localized("right answer")
    assert [f.name for f in result.files] == ["moodle.png", "moodle.png"]
    assert all(f.data and f.data.startswith(b"\x89PNG") for f in result.files)


def test_moodles_broken_cloze_questions_are_each_skipped_with_their_line() -> None:
    name = "broken_cloze_questions.xml"
    with pytest.raises(PackError) as caught:
        load(name)
    problems = caught.value.problems
    assert [p.line for p in problems[:-1]] == [
        line_of(name, '<question type="cloze">', n) for n in range(1, 6)
    ]
    assert [p.message for p in problems] == [
        "skipped: no embedded answer such as {1:SHORTANSWER:=answer}",
        "skipped: no embedded answer such as {1:SHORTANSWER:=answer}",
        "skipped: embedded answer 1: a choice needs at least two answers",
        "skipped: embedded answer 1 has no answer worth 100%",
        "skipped: embedded answer 1: 'zero' is not a number",
        "no question left",
    ]


def test_moodles_invalid_grades_are_refused_as_moodle_refuses_them() -> None:
    with pytest.raises(PackError) as caught:
        load("error_invalid_grades.xml")
    first = caught.value.problems[0]
    assert first.line == line_of("error_invalid_grades.xml", "<question ")
    assert first.message == "skipped: an answer's grade 33% is not one of Moodle's grades"


def test_html_in_moodle_ids_is_no_trouble() -> None:
    result = load("html_chars_in_idnumbers.xml")
    assert [i.id for i in result.pack.items] == ["alpha-question"]
    assert result.pack.title == Localized("Alpha")


def test_moodles_gap_select_fixture_is_a_cloze_of_its_right_words() -> None:
    (item,) = load("ddwtos_testquestion.moodle.xml").pack.items
    assert isinstance(item, ClozeItem)
    assert item.text == Localized("The {{cat}} {{sat}} on the {{mat}}.")
    assert item.explanation == Localized("The cat sat on the mat.")


def test_moodles_ordering_fixture_keeps_its_order() -> None:
    question = (DATA / "ordering_testimport.moodle.xml").read_text()
    result = read_moodle_xml(f"<quiz>{question}</quiz>", "x.xml", pack_id="t")
    (item,) = result.pack.items
    assert isinstance(item, OrderItem)
    assert [e.get(None, "en") for e in item.sequence] == [
        "Modular", "Object", "Oriented", "Dynamic", "Learning", "Environment"
    ]  # fmt: skip
    assert item.prompt == Localized("Put these words in order.")


MIXED = "kzlearn_mixed.xml"


def test_every_mapped_type_of_kzlearns_fixture() -> None:
    items = by_id(load(MIXED, lang="ar"))
    capital = items["capital"]
    assert isinstance(capital, McqItem)
    assert capital.answer == Localized("أستانا")
    assert [(p.answer, p.weight) for p in capital.partial] == [("ألماتي", 50)]
    assert capital.explanation == Localized(  # each answer's feedback, named
        "«أستانا»: نعم، منذ 1997.\n«ألماتي»: العاصمة السابقة."
    )
    neighbours = items["neighbours"]
    assert isinstance(neighbours, MultiItem)
    assert neighbours.answers == (Localized("Russia"), Localized("China"))
    assert neighbours.weights == (50, 50, -100)  # not the default shares: kept
    president = items["first-president"]
    assert isinstance(president, ShortItem)
    assert (president.answer, president.accept) == (
        Localized("Nazarbayev"),
        ("Nursultan * Nazarbayev",),
    )  # Moodle's wildcard is kzlearn's; the catch-all * worth 0 is left out
    assert [(p.answer, p.weight) for p in president.partial] == [("Nursultan", 50)]
    assert president.grade_as == "name"
    assert president.tags == ("presidents",)
    assert president.explanation == Localized("Nursultan Nazarbayev, 1991–2019.")
    area = items["area"]
    assert isinstance(area, ShortItem)
    assert (area.grade_as, area.answer, area.tolerance) == ("number", Localized("2.7249"), 0.05)
    assert [(p.answer, p.weight, p.tolerance) for p in area.partial] == [("3", 50, 0.5)]
    assert area.prompt == Localized("How large is Kazakhstan, in millions? (km²)")
    cities = items["cities"]
    assert isinstance(cities, MatchItem)
    assert [(p.left, p.right) for p in cities.pairs] == [
        (Localized("Astana"), Localized("capital")),
        (Localized("Almaty"), Localized("largest city")),
    ]  # the distractor without a question is left out
    events = items["events"]
    assert isinstance(events, OrderItem)
    assert [e.get(None, "ar") for e in events.sequence] == [
        "Independence",
        "New capital",
        "Expo 2017",
    ]
    gaps, drag, cloze = items["gaps"], items["drag"], items["cloze"]
    assert isinstance(gaps, ClozeItem)
    assert isinstance(drag, McqItem)  # one gap: a multiple choice, its choices kept
    assert isinstance(cloze, ClozeItem)
    assert gaps.prompt == Localized("Choose.")
    assert gaps.text == Localized("The capital is {{Astana}} and the currency is the {{tenge}}.")
    assert drag.prompt == Localized("Kazakhstan became independent in ____.")
    assert drag.choices == (Localized("1991"), Localized("1989"))
    assert drag.answer == Localized("1991")
    assert cloze.text == Localized(
        "Kazakhstan has {{19}} million people and its capital is {{Astana|Nur-Sultan}}."
    )
    assert items["landlocked"].tags == ()  # in the top category
    assert items["cities"].tags == ("history",)  # the category below it


def test_kzlearns_fixture_lists_what_it_skips_with_the_line_of_each_question() -> None:
    result = load(MIXED)
    path = DATA / MIXED
    description, essay = line_of(MIXED, "description"), line_of(MIXED, "essay")
    assert result.skipped == [
        f"{path}:{description}: skipped: a description (text shown "
        "between questions), not a question",
        f"{path}:{essay}: skipped: Moodle's 'essay' questions have no kzlearn form",
        f"{path}:{line_of(MIXED, 'Bad fraction') - 1}: skipped: an answer's fraction 'lots' is "
        "not a number",
    ]
    gaps, cloze = line_of(MIXED, "gapselect"), line_of(MIXED, 'type="cloze"')
    assert result.notes == [
        f"{path}:{line_of(MIXED, 'matching')}: cities: its 1 extra answer(s) without a question "
        "were dropped",
        f"{path}:{gaps}: gaps: the choices of 1 of its 2 gaps "
        "were dropped (typed blanks)",  # the other gap's group has one word: nothing lost
        f"{path}:{cloze}: cloze: the partly right answers of 1 blank(s) were dropped",
        f"{path}:{cloze}: cloze: the tolerance of 1 number(s) was dropped "
        "(typed blanks are exact)",
    ]
    assert result.pack.title == Localized("Kazakhstan / Morocco")  # '//' is a '/' in a name
    assert result.questions == len(result.pack.items) + len(result.skipped)


def test_strict_refuses_the_file_naming_every_skipped_question() -> None:
    with pytest.raises(PackError) as caught:
        load(MIXED, strict=True)
    assert [str(p) for p in caught.value.problems] == load(MIXED).skipped


def test_files_referred_to_and_embedded_are_listed() -> None:
    files = [(f.name, f.item, f.data) for f in load(MIXED).files]
    assert files == [
        ("../../../etc/flag.png", "flag", b"\x89PNG\r\n\x1a\n"),
        (".hidden", "flag", b"hi"),
        ("flag.png", "flag", None),
        ("missing.png", "flag", None),
    ]


def test_too_many_questions_are_refused_at_the_first_one_past_the_limit() -> None:
    with pytest.raises(PackError, match="more than 3 questions") as caught:
        load(MIXED, max_cards=3)
    assert caught.value.line == line_of(MIXED, "<question type=", 6)  # 2 are categories


@pytest.mark.parametrize(
    "text",
    ["<!--" * 100_000, "{1:SA:" * 60_000, " " * 400_000, "<a" * 200_000, "\\" * 400_000],
    ids=["comments", "fields", "spaces", "tags", "backslashes"],
)
def test_pathological_question_texts_are_read_through(text: str) -> None:
    # Each pattern is linear: a quadratic one would take hours on these, not a moment.
    xml = (
        '<quiz><question type="cloze"><questiontext format="moodle_auto_format"><text>'
        f"<![CDATA[{text}]]></text></questiontext></question>"
        '<question type="truefalse"><questiontext><text>ok</text></questiontext>'
        '<answer fraction="100"><text>true</text></answer></question></quiz>'
    )
    result = read_moodle_xml(xml, "x.xml", pack_id="t")
    assert [i.id for i in result.pack.items] == ["q2"]
    assert len(result.skipped) == 1


_SEEDS = sorted(DATA.glob("*.xml"))
_EDITS = st.lists(
    st.tuples(
        st.integers(0, 10**6),
        st.integers(0, 12),
        st.sampled_from(
            [b"", b"<", b">", b"]]>", b"&amp;", b"{1:SA:", b"}", b"[[9]]", b"%50%", b"~", b"=",
             b"<answer fraction='x'>", b"</answer>", b"<tolerance>nan</tolerance>", b"\\",
             b"<question type='multichoice'>", b"<single>false</single>", b"\xd8\xa7", b"\n"]
        ),
    ),
    max_size=8,
)  # fmt: skip


@settings(database=None, max_examples=200, deadline=None)
@given(seed=st.sampled_from(_SEEDS), edits=_EDITS, strict=st.booleans())
def test_a_mutated_moodle_file_gives_a_pack_or_a_clean_error(
    seed: Path, edits: list[tuple[int, int, bytes]], strict: bool
) -> None:
    data = mutate(seed.read_bytes(), edits)
    with contextlib.suppress(KzlearnError):  # anything else fails the test
        result = read_moodle_xml(data, "fuzz.xml", pack_id="t", strict=strict)
        assert result.pack.items
