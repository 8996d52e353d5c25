"""Moodle XML: feedback per answer kept in the explanation and given back on export; a
question with one gap is a multiple choice with its choices; several gaps are typed blanks,
listed; Moodle's own multiple choice and true/false fixtures; a Moodle 4.x course's bank."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from kzlearn.interop.feedback import explanation, split_explanation
from kzlearn.interop.moodle_xml import MoodleImport, read_moodle_xml
from kzlearn.interop.moodle_xml.write import to_moodle_xml
from kzlearn.localized import Localized
from kzlearn.models import ClozeItem, McqItem, MultiItem, OrderItem, ShortItem, TrueFalseItem
from kzlearn.packs import parse_pack
from tests.conftest import run_cli
from tests.moodle_xml import DATA, by_id, line_of, load

COURSE = "course_geography_4x.xml"


def quiz(question: str) -> MoodleImport:
    return read_moodle_xml(f"<quiz>{question}</quiz>", "q.xml", pack_id="t")


def test_moodles_multichoice_fixture_is_a_select_all_with_its_fractions() -> None:
    (item,) = load("multichoice_testquestion.moodle.xml").pack.items
    assert isinstance(item, MultiItem)
    assert [c.get(None, "en") for c in item.answers] == ["London", "Paris"]
    assert item.weights == (0, 0, 50, 0, 50)  # wrong answers cost nothing, as in the file
    assert item.explanation == Localized("Berlin, Paris and London")


def test_moodles_truefalse_fixture_keeps_the_feedback_of_both_answers() -> None:
    (item,) = load("truefalse_testquestion.moodle.xml").pack.items
    assert isinstance(item, TrueFalseItem)
    assert item.answer is True
    assert item.explanation == Localized(
        "You should have selected true.\n"
        "«true»: This is the right answer.\n«false»: This is the wrong answer."
    )


def test_moodles_drag_drop_fixture_is_typed_blanks_and_says_its_choices_were_dropped() -> None:
    result = load("ddwtos_testquestion.moodle.xml")
    (item,) = result.pack.items
    assert isinstance(item, ClozeItem)
    assert item.text == Localized("The {{cat}} {{sat}} on the {{mat}}.")
    line = line_of("ddwtos_testquestion.moodle.xml", 'type="gapselect"')
    where = f"{DATA / 'ddwtos_testquestion.moodle.xml'}:{line}: {item.id}"
    assert result.notes == [
        f"{where}: the choices of 3 of its 3 gaps were dropped (typed blanks)",
        f"{where}: its 2 hint(s) were dropped (kzlearn shows none before an answer)",
    ]


def test_a_course_bank_reads_as_a_teacher_wrote_it() -> None:
    result = load(COURSE)
    items = by_id(result)
    assert result.pack.title == Localized("Geography 7B")  # not "Default for Geography 7B"
    assert result.pack.description is None  # Moodle's words, not the teacher's
    capital = items["capital-of-kazakhstan"]
    assert isinstance(capital, McqItem)
    assert [c.get(None, "en") for c in capital.choices] == ["Astana", "Almaty", "Tashkent"]
    assert capital.explanation == Localized(
        "Astana has been the capital since 1997.\n«Astana»: Yes!\n"
        "«Almaty»: Almaty was the capital until 1997; it is still the largest city.\n"
        "«Tashkent»: That is the capital of Uzbekistan."
    )
    borders = items["borders"]
    assert isinstance(borders, MultiItem)
    assert borders.explanation == Localized(
        "«Mongolia»: Close, but a strip of Russia and China lies between them."
    )
    currency = items["currency"]
    assert isinstance(currency, ShortItem)
    assert currency.explanation is not None
    assert currency.explanation.get(None, "en").splitlines()[1:] == [
        "«rouble»: Before 1993, yes.",
        "«*»: No: think of the coins called tiyn.",  # Moodle's "any other answer"
    ]
    height = items["height-of-khan-tengri"]
    assert isinstance(height, ShortItem)
    assert (height.prompt, height.tolerance) == (Localized("How high is Khan Tengri? (m)"), 20)
    steppe = items["steppe-sentence"]  # one gap: the sentence and its choices
    assert isinstance(steppe, McqItem)
    assert steppe.prompt == Localized("The Kazakh steppe is mostly ____.")
    assert [c.get(None, "en") for c in steppe.choices] == ["grassland", "rainforest", "glacier"]
    baikonur = items["baikonur"]  # one choice field: the same, with each choice's feedback
    assert isinstance(baikonur, McqItem)
    assert baikonur.prompt == Localized(
        "The first man in space, Yuri Gagarin, was launched from ____ in 1961."
    )
    assert baikonur.answer == Localized("Baikonur")
    assert baikonur.explanation == Localized(
        "«Baikonur»: Right\n«Plesetsk»: That is in Russia\n«Vostochny»: Built much later"
    )
    assert isinstance(items["capitals-in-order"], OrderItem)
    description = line_of(COURSE, 'type="description"')
    assert result.skipped == [
        f"{DATA / COURSE}:{description}: skipped: a description (text shown between "
        "questions), not a question"
    ]
    first, rivers = line_of(COURSE, "Capital of Kazakhstan"), line_of(COURSE, "Rivers and")
    assert result.notes == [  # what Moodle shows and kzlearn cannot, each on a line
        f"{DATA / COURSE}:{first - 2}: capital-of-kazakhstan: its 1 hint(s) were dropped "
        "(kzlearn shows none before an answer)",
        f"{DATA / COURSE}:{rivers - 2}: rivers-and-lakes: its 1 extra answer(s) without a "
        "question were dropped",
    ]


def test_one_gap_with_one_choice_is_a_typed_blank_and_nothing_is_said_dropped() -> None:
    result = quiz(
        '<question type="ddwtos"><name><text>d</text></name><questiontext format="html">'
        "<text>Capital: [[1]].</text></questiontext>"
        "<dragbox><text>Astana</text><group>1</group></dragbox>"
        "<dragbox><text>tenge</text><group>2</group></dragbox></question>"
    )
    (item,) = result.pack.items
    assert isinstance(item, ClozeItem)  # its group holds no other word to choose from
    assert item.text == Localized("Capital: {{Astana}}.")
    assert result.notes == []


def test_several_choice_fields_are_typed_blanks_and_listed_once() -> None:
    result = quiz(
        '<question type="cloze"><name><text>c</text></name><questiontext format="html">'
        "<text>{1:MC:=Astana~Almaty} is the capital, {2:SA:=tenge} the currency, "
        "{3:MCV:=Ili~Ural} a river.</text></questiontext></question>"
    )
    (item,) = result.pack.items
    assert isinstance(item, ClozeItem)
    assert item.blanks(None, "en") == [("Astana",), ("tenge",), ("Ili",)]
    assert result.notes == [
        "q.xml:1: c: the choices of 2 of its 3 gaps were dropped (typed blanks)"
    ]


def test_a_one_field_choice_with_partial_credit_keeps_it() -> None:
    result = quiz(
        '<question type="cloze"><name><text>c</text></name><questiontext format="html">'
        "<text><![CDATA[<p>Pick.</p><p>The old capital was {1:MULTICHOICE_S:%100%Almaty"
        "~%50%Alma-Ata#Its old name~Astana#No}.</p>]]></text></questiontext></question>"
    )
    (item,) = result.pack.items
    assert isinstance(item, McqItem)
    assert item.prompt == Localized("Pick.\nThe old capital was ____.")
    assert [(p.answer, p.weight) for p in item.partial] == [("Alma-Ata", 50)]
    assert item.explanation == Localized("«Alma-Ata»: Its old name\n«Astana»: No")


def test_each_answers_feedback_goes_back_to_its_answer_and_imports_unchanged() -> None:
    pack = parse_pack(
        """
id: fb
title: Feedback
language: en
items:
  - {id: m, type: mcq, prompt: "Capital?", choices: [Astana, Almaty, Tashkent],
     answer: Astana, explanation: "Since 1997.\\n«Almaty»: Until 1997.\\n«Tashkent»: Uzbekistan."}
  - {id: t, type: true_false, prompt: "Landlocked?", answer: true,
     explanation: "«false»: It is."}
  - {id: s, type: short, prompt: "Currency?", answer: tenge,
     explanation: "«tenge»: Yes.\\n«Almaty»: not a currency."}
  - {id: o, type: mcq, prompt: "Order?", choices: [a, b], answer: a,
     explanation: "«b»: first\\n«a»: second"}
""",
        "fb.yaml",
    )
    exported = to_moodle_xml([pack], {pack.id: list(pack.items)})
    root = ET.fromstring(exported.text)
    questions = {q.findtext("name/text"): q for q in root.iter("question")}

    def said(name: str) -> tuple[str, dict[str, str]]:
        question = questions[name]
        own = {
            a.findtext("text") or "": a.findtext("feedback/text") or ""
            for a in question.iter("answer")
        }
        return question.findtext("generalfeedback/text") or "", {k: v for k, v in own.items() if v}

    assert said("m") == (
        "<p>Since 1997.</p>",
        {"Almaty": "Until 1997.", "Tashkent": "Uzbekistan."},
    )
    assert said("t") == ("", {"false": "It is."})
    # "Almaty" is no answer of "s", and "b" comes before "a" in "o": kept as written
    assert said("s")[1] == {}
    assert said("o")[1] == {}
    back = read_moodle_xml(exported.text, "x.xml", pack_id="fb", strict=True)
    assert [i.explanation for i in back.pack.items] == [i.explanation for i in pack.items]


_ANSWER = (
    st.text(st.characters(blacklist_characters="«»\n", blacklist_categories=["Cs"]), min_size=1)
    .map(str.strip)
    .filter(bool)
)


@given(
    st.text(st.characters(blacklist_categories=["Cs", "Cc"])).map(str.strip),
    st.lists(st.tuples(_ANSWER, _ANSWER, st.booleans()), max_size=4, unique_by=lambda a: a[0]),
)
def test_an_explanation_reads_back_as_the_same_feedback(
    general: str, answers: list[tuple[str, str, bool]]
) -> None:
    written = explanation(general, answers)
    back, own = split_explanation(written, [(a, right) for a, _, right in answers])
    assert explanation(back, [(a, own.get(a, ""), right) for a, _, right in answers]) == written


def test_the_import_lists_what_it_dropped_and_says_it_in_the_pack(tmp_path: Path) -> None:
    source = tmp_path / "drag.xml"
    source.write_bytes((DATA / "ddwtos_testquestion.moodle.xml").read_bytes())
    done = run_cli("import", "moodle", str(source), "-o", str(tmp_path / "drag.yaml"))
    assert done.returncode == 0, done.stderr
    line = line_of("ddwtos_testquestion.moodle.xml", 'type="gapselect"')
    note = (
        f"{line}: imported-drag-and-drop-into-text-001: "
        "the choices of 3 of its 3 gaps were dropped (typed blanks)"
    )
    assert f"{source}:{note}" in done.stderr.splitlines()
    assert f"# drag.xml:{note}" in (tmp_path / "drag.yaml").read_text().splitlines()


def test_an_old_true_false_in_the_teachers_language_reads_as_moodle_reads_it() -> None:
    def answer(first: str, second: str, right_first: bool) -> bool:
        result = quiz(
            '<question type="truefalse"><name><text>v</text></name><questiontext format="html">'
            "<text>Astana is the capital.</text></questiontext>"
            f'<answer fraction="{100 if right_first else 0}"><text>{first}</text></answer>'
            f'<answer fraction="{0 if right_first else 100}"><text>{second}</text></answer>'
            "</question>"
        )
        (item,) = result.pack.items
        assert isinstance(item, TrueFalseItem)
        return item.answer

    assert answer("Vrai", "Faux", right_first=True) is True  # the first is "true"
    assert answer("Vrai", "Faux", right_first=False) is False
    assert answer("false", "true", right_first=False) is True  # named: by name


def test_what_kzlearn_grades_otherwise_is_listed() -> None:
    result = quiz(
        '<question type="multichoice"><name><text>neg</text></name><questiontext format="html">'
        "<text>Capital?</text></questiontext><single>true</single>"
        '<answer fraction="100"><text>Astana</text></answer>'
        '<answer fraction="-50"><text>Almaty</text></answer></question>'
        '<question type="shortanswer"><name><text>case</text></name><questiontext format="html">'
        "<text>Symbol of iron?</text></questiontext><usecase>1</usecase>"
        '<answer fraction="100"><text>Fe</text></answer></question>'
    )
    assert [i.id for i in result.pack.items] == ["neg", "case"]
    assert result.notes == [
        "q.xml:1: neg: its negative marks were dropped (a wrong choice earns nothing)",
        "q.xml:1: case: case-sensitive matching was dropped (kzlearn ignores case)",
    ]
