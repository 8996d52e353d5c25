"""Questions a teacher would sign: same-kind distractors, whole questions, fair clozes."""

from __future__ import annotations

import datetime

import pytest

from kzlearn import Pack, parse_pack
from kzlearn.models import ClozeItem, McqItem, ShortItem, TrueFalseItem
from kzlearn.questions.cloze import date_cloze, mark_sic, tidy
from kzlearn.questions.generate import all_items, generate_items, template_fallbacks
from kzlearn.questions.grading import grade
from kzlearn.questions.phrases import phrase, with_weekday

PEOPLE = """\
id: people
title: {ar: "أشخاص", en: "People"}
language: ar
translations: [en]
facts:
  - id: ambassador
    kind: entity
    category: person
    group: ambassador
    side: kazakhstan
    gender: f
    value: {ar: "سوليكول سيلوكيزي", en: "Sulukol Seilkhozy"}
    about: {ar: "سفيرة كازاخستان بالمغرب", en: "Kazakhstan's ambassador to Morocco"}
  - id: ambassador-2
    kind: entity
    category: person
    group: ambassador
    side: kazakhstan
    gender: f
    value: {ar: "أيغول نورلانوفا", en: "Aigul Nurlanova"}
    about: {ar: "سفيرة كازاخستان بتونس", en: "Kazakhstan's ambassador to Tunisia"}
  - id: ambassador-3
    kind: entity
    category: person
    group: ambassador
    side: kazakhstan
    gender: f
    value: {ar: "دينارا سيدوفا", en: "Dinara Seidova"}
    about: {ar: "سفيرة كازاخستان بمصر", en: "Kazakhstan's ambassador to Egypt"}
  - id: minister
    kind: entity
    category: person
    group: foreign-minister
    side: morocco
    gender: m
    value: {ar: "ناصر بوريطة", en: "Nasser Bourita"}
    about: {ar: "وزير الخارجية المغربي", en: "Morocco's foreign minister"}
  - id: mayor
    kind: entity
    category: person
    group: mayor
    side: morocco
    gender: m
    value: {ar: "مختار مصمودي", en: "Mokhtar Masmoudi"}
    about: {ar: "عمدة مكناس", en: "the mayor of Meknes"}
  - id: ambassador-m
    kind: entity
    category: person
    group: ambassador
    side: kazakhstan
    gender: m
    value: {ar: "قاسم توكاييف", en: "Kassym Tokayev"}
    about: {ar: "سفير سابق", en: "a former ambassador"}
"""


def _pack(text: str) -> Pack:
    return parse_pack(text, "test.yaml")


def _item(pack: Pack, item_id: str) -> object:
    return next((i for i in generate_items(pack, seed=3) if i.id == item_id), None)


def test_a_woman_ambassadors_alternatives_are_women_ambassadors() -> None:
    pack = _pack(PEOPLE)
    mcq = _item(pack, "ambassador.mcq")
    assert isinstance(mcq, McqItem)
    names = {c.get("en", "ar") for c in mcq.choices}
    assert names == {"Sulukol Seilkhozy", "Aigul Nurlanova", "Dinara Seidova"}
    assert mcq.prompt.get("ar", "ar") == "من هي سفيرة كازاخستان بالمغرب؟"
    false = _item(pack, "ambassador.true_false.false")
    assert isinstance(false, TrueFalseItem)
    assert false.prompt.get("ar", "ar") in {
        "سفيرة كازاخستان بالمغرب هي أيغول نورلانوفا.",
        "سفيرة كازاخستان بالمغرب هي دينارا سيدوفا.",
    }


def test_too_few_same_kind_alternatives_give_no_multiple_choice() -> None:
    # The minister is the only foreign minister: no mayor, no ambassador stands in.
    items = {i.id for i in generate_items(_pack(PEOPLE), seed=3)}
    assert "minister.mcq" not in items
    assert "minister.true_false.false" not in items
    assert {"minister.short", "minister.true_false.true"} <= items


def test_fewer_choices_rather_than_silly_ones_but_never_under_three() -> None:
    # Two other women ambassadors: three choices, and the man or the mayor never fills in.
    mcq = _item(_pack(PEOPLE), "ambassador.mcq")
    assert isinstance(mcq, McqItem)
    assert len(mcq.choices) == 3
    # The one man ambassador has no same-kind alternative: no multiple choice at all.
    assert _item(_pack(PEOPLE), "ambassador-m.mcq") is None


def test_a_distractor_is_never_named_by_the_prompt() -> None:
    pack = _pack(
        PEOPLE.replace(
            'about: {ar: "سفيرة كازاخستان بالمغرب", en: "Kazakhstan\'s ambassador to Morocco"}',
            'about: {ar: "السفيرة التي خلفت أيغول نورلانوفا", '
            'en: "the ambassador who followed Aigul Nurlanova"}',
        )
    )
    mcq = _item(pack, "ambassador.mcq")
    assert mcq is None  # Nurlanova is named by the prompt: one alternative is left
    unnamed = _item(_pack(PEOPLE), "ambassador.mcq")
    assert isinstance(unnamed, McqItem)
    assert any("Nurlanova" in c.get("en", "ar") for c in unnamed.choices)


def test_teacher_distractors_come_first() -> None:
    pack = _pack(
        PEOPLE.replace(
            '    value: {ar: "ناصر بوريطة"',
            '    distractors: [{ar: "صلاح الدين مزوار", en: "Salaheddine Mezouar"}, '
            '{ar: "سعد الدين العثماني", en: "Saadeddine Othmani"}]\n'
            '    value: {ar: "ناصر بوريطة"',
        )
    )
    mcq = _item(pack, "minister.mcq")
    assert isinstance(mcq, McqItem)
    assert {c.get("en", "ar") for c in mcq.choices} == {
        "Nasser Bourita",
        "Salaheddine Mezouar",
        "Saadeddine Othmani",
    }
    false = _item(pack, "minister.true_false.false")
    assert isinstance(false, TrueFalseItem)
    assert "Salaheddine Mezouar" in false.prompt.get("en", "ar")


def test_templates_are_whole_questions_that_agree_in_gender() -> None:
    assert phrase("who", "ar", gender="f", about="سفيرة كازاخستان") == "من هي سفيرة كازاخستان؟"
    assert phrase("who", "ar", gender="m", about="عمدة مكناس") == "من هو عمدة مكناس؟"
    assert phrase("what", "en", about="the largest city") == "What is the largest city?"
    assert phrase("statement", "en", about="the mayor", answer="X") == "The mayor is X."
    for lang in ("ar", "en", "fr"):
        assert "What is this?" not in phrase("what_is", lang, term="t")
        assert "ما المقصود بما يلي" not in phrase("what_is", lang, term="t")


def test_a_fact_without_its_own_question_in_a_language_is_reported() -> None:
    pack = _pack(
        PEOPLE.replace(
            'about: {ar: "عمدة مكناس", en: "the mayor of Meknes"}',
            'about: {ar: "عمدة مكناس", en: "the mayor of Meknes"}\n'
            '    question: {ar: "من كان عمدة مكناس سنة 1992؟"}',
        )
    )
    fallbacks = set(template_fallbacks(pack))
    assert ("mayor", "question", "en") in fallbacks
    assert ("mayor", "question", "ar") not in fallbacks
    short = _item(pack, "mayor.short")
    assert isinstance(short, ShortItem)
    assert short.prompt.get("ar", "ar") == "من كان عمدة مكناس سنة 1992؟"
    assert short.prompt.get("en", "ar") == "Who is the mayor of Meknes?"


@pytest.mark.parametrize(
    ("template", "lang", "day", "expected"),
    [
        (
            "تباحث الوزيران هاتفياً يوم الجمعة {answer}.",
            "ar",
            datetime.date(2020, 4, 30),
            "تباحث الوزيران هاتفياً يوم الخميس {answer}.",
        ),
        (
            "The ministers spoke on Friday, {answer}.",
            "en",
            datetime.date(2021, 4, 30),
            "The ministers spoke on Friday, {answer}.",
        ),
        (
            "The ministers spoke on Friday, {answer}.",
            "en",
            datetime.date(2021, 4, 29),
            "The ministers spoke on Thursday, {answer}.",
        ),
        ("The ministers spoke on Friday {answer}.", "en", None, "The ministers spoke {answer}."),
        ("They met in {answer}.", "en", datetime.date(2021, 4, 29), "They met in {answer}."),
    ],
)
def test_a_weekday_in_a_statement_agrees_with_the_date(
    template: str, lang: str, day: datetime.date | None, expected: str
) -> None:
    assert with_weekday(template, lang, day) == expected


def test_a_false_date_statement_names_the_right_weekday() -> None:
    pack = _pack(
        """\
id: call
title: "call"
language: en
facts:
  - id: call
    kind: date
    value: 2021-04-30
    about: "the phone call"
    statement: "The ministers spoke on Friday {answer}."
    distractors: ["29 April 2021", "1 May 2021"]
"""
    )
    items = {i.id: i for i in generate_items(pack, seed=1)}
    true, false = items["call.true_false.true"], items["call.true_false.false"]
    assert true.prompt.get("en", "en") == "The ministers spoke on Friday 30 April 2021."
    assert false.prompt.get("en", "en") == "The ministers spoke on Thursday 29 April 2021."


def test_display_tidies_the_sources_spacing_and_marks_its_typos() -> None:
    assert tidy("وفي دجنبر عام1994 شارك") == "وفي دجنبر عام 1994 شارك"
    assert tidy("الماطي(هي أكبر مدينة)") == "الماطي (هي أكبر مدينة)"
    assert tidy("1997وخلال") == "1997 وخلال"
    assert mark_sic("وتعهدت بأن دولة غير نووية", ["بأن"]) == "وتعهدت بأن [sic] دولة غير نووية"


def test_a_date_cloze_in_each_language_accepting_every_form() -> None:
    from kzlearn.language.dates import PartialDate

    texts = date_cloze(
        {
            "ar": "وفي دجنبر عام1994 شارك الوفد الكازاخستاني في أعمال القمة السابعة",
            "en": "In December 1994 the Kazakh delegation took part in the seventh summit",
        },
        PartialDate(1994, 12),
        ["دجنبر 94"],
    )
    assert texts["ar"].startswith("وفي عام {{ديسمبر 1994|") or "{{ديسمبر 1994|" in texts["ar"]
    assert "عام1994" not in texts["ar"]
    assert texts["en"].startswith("In {{December 1994|")
    ar_answers = texts["ar"].split("{{")[1].split("}}")[0].split("|")
    assert {"ديسمبر 1994", "December 1994", "دجنبر 94"} <= set(ar_answers)


def test_a_fragment_or_a_repeated_value_gives_no_cloze() -> None:
    from kzlearn.language.dates import PartialDate

    assert date_cloze({"ar": "في 30 أبريل 2021"}, PartialDate(2021, 4, 30), []) == {}
    twice = "زار الوفد الماطي في 1992 ثم عاد إليها في 1992 مرة أخرى للتوقيع"
    assert date_cloze({"ar": twice}, PartialDate(1992), []) == {}


CLOZE_PACK = """\
id: c
title: {ar: "ت", en: "t"}
language: ar
translations: [en]
facts:
  - id: summit
    kind: date
    value: 1994-12
    about: {ar: "القمة", en: "the summit"}
    evidence:
      quote:
        ar: "وفي دجنبر عام1994 شارك الوفد الكازاخستاني في أعمال القمة السابعة"
        en: "In December 1994 the Kazakh delegation took part in the seventh summit"
  - id: arabic-only
    kind: date
    value: 1997
    about: {ar: "المرحلة", en: "the phase"}
    evidence:
      quote:
        ar: "ومنذ عام 1997 بدأت المرحلة الثالثة لتنمية السياسة الخارجية"
        en: "From then on the third phase began"
"""


def test_an_english_quiz_gets_english_clozes_and_no_arabic_blanks() -> None:
    from kzlearn.quiz.session import QuizOptions, QuizSession

    pack = _pack(CLOZE_PACK)
    items = {i.id: i for i in all_items(pack)}
    summit, arabic = items["summit.cloze"], items["arabic-only.cloze"]
    assert isinstance(summit, ClozeItem)
    assert isinstance(arabic, ClozeItem)
    assert summit.text.has("en", "ar")
    assert not arabic.text.has("en", "ar")
    assert grade(summit, ["December 1994"], lang="en").correct
    assert grade(summit, ["دجنبر 1994"], lang="en").correct  # the Arabic value too
    assert grade(summit, ["ديسمبر 1994"], lang="ar").correct
    assert grade(summit, ["December 1994"], lang="ar").correct  # and the English value
    session = QuizSession([pack], QuizOptions(types=("cloze",), lang="en", seed=1))
    shown = []
    while (question := session.current) is not None:
        shown.append(question.item.id)
        assert all(not any("\u0600" <= c <= "\u06ff" for c in p) for p in question.cloze_parts)
        session.skip()
    assert shown == ["summit.cloze"]


def test_draft_facts_and_items_are_never_served() -> None:
    pack = _pack(
        PEOPLE.replace("  - id: mayor\n", "  - id: mayor\n    draft: true\n")
        + """\
items:
  - id: draft-q
    type: true_false
    draft: true
    prompt: {ar: "سؤال", en: "question"}
    answer: true
  - id: mayor-q
    type: true_false
    fact: mayor
    prompt: {ar: "سؤال آخر", en: "another question"}
    answer: true
  - id: kept
    type: true_false
    prompt: {ar: "سؤال ثالث", en: "a third question"}
    answer: false
"""
    )
    ids = {i.id for i in all_items(pack)}
    assert "kept" in ids
    assert not {"draft-q", "mayor-q"} & ids
    assert not any(i.startswith("mayor.") for i in ids)


def test_feedback_quotes_the_source_verbatim_with_its_typos_marked() -> None:
    from kzlearn.quiz.session import QuizOptions, QuizSession

    pack = _pack(
        """\
id: s
title: "s"
language: ar
sources: [{id: a, title: "مقال", language: ar}]
facts:
  - id: pledge
    kind: date
    value: 1992-05
    about: "التعهد"
    question: "متى تعهدت كازاخستان بأن تكون دولة غير نووية؟"
    evidence:
      quote: "وفي ماي 1992 عام وقعت كازاخستان بروتوكول لشبونة وتعهدت بأن دولة غير نووية"
      sic: ["بأن دولة"]
"""
    )
    assert pack.facts[0].evidence is not None
    assert "[sic]" not in pack.facts[0].evidence.quote.get("ar", "ar")  # the data stays verbatim
    session = QuizSession([pack], QuizOptions(types=("short",), seed=1))
    feedback = session.answer("مايو 1992")
    assert feedback.evidence is not None
    assert "وتعهدت بأن دولة [sic] غير نووية" in feedback.evidence


def test_a_sic_word_must_be_in_the_quote() -> None:
    from kzlearn import PackError

    with pytest.raises(PackError, match=r"sic: 'كلمة' is not in the quote"):
        _pack(
            """\
id: s
title: "s"
language: ar
facts:
  - id: f
    kind: number
    value: 7
    about: "القمة"
    evidence: {quote: "القمة السابعة", sic: ["كلمة"]}
"""
        )


def test_a_persons_typed_answer_is_graded_as_a_name() -> None:
    short = _item(_pack(PEOPLE), "mayor.short")
    assert isinstance(short, ShortItem)
    assert short.grade_as == "name"
    assert grade(short, "مصمودي").outcome == "correct"  # the family name alone
    assert grade(short, "السيد مختار مصمودي").outcome == "correct"  # a title around it
    assert grade(short, "مختار").outcome == "nearly"  # the given name alone
    assert grade(short, "بوريطة").outcome == "wrong"


def test_a_question_that_writes_its_own_answer_asks_nothing() -> None:
    pack = _pack(
        """\
id: self
title: "self"
language: ar
facts:
  - id: summit
    kind: date
    value: 1994-12
    about: "القمة"
    question: "ماذا حدث في قمة الدار البيضاء في دجنبر 1994؟"
    statement: "انعقدت القمة في {answer}."
    distractors: ["نونبر 1994", "دجنبر 1995"]
  - id: city
    kind: entity
    category: place
    value: "الدار البيضاء"
    about: "مدينة القمة"
    question: "أين انعقدت قمة الدار البيضاء؟"
    distractors: ["الرباط", "فاس"]
"""
    )
    ids = {i.id for i in generate_items(pack, seed=1)}
    # «دجنبر 1994» is «ديسمبر 1994» as a date: the question writes its answer
    assert not {"summit.mcq", "summit.short", "summit.cloze"} & ids
    assert not {"city.mcq", "city.short"} & ids
    assert {"summit.true_false.true", "city.true_false.true"} <= ids


def test_no_cloze_from_half_a_sentence_or_a_garbled_passage() -> None:
    from kzlearn.language.dates import PartialDate

    when = "عندما حصلت كازاخستان على الاستقلال في 16 ديسمبر 1991"
    assert date_cloze({"ar": when}, PartialDate(1991, 12, 16), []) == {}
    assert (
        date_cloze(
            {"en": "when Kazakhstan gained independence on 16 December 1991"},
            PartialDate(1991, 12, 16),
            [],
        )
        == {}
    )
    whole = "حصلت كازاخستان على الاستقلال في 16 ديسمبر 1991 بقيادة رئيسها الأول"
    assert "ar" in date_cloze({"ar": whole}, PartialDate(1991, 12, 16), [])
    garbled = _pack(
        """\
id: g
title: "g"
language: ar
facts:
  - id: pledge
    kind: date
    value: 1992-05
    about: "التعهد"
    evidence:
      quote: "وفي ماي 1992 عام وقعت كازاخستان بروتوكول لشبونة وتعهدت بأن دولة غير نووية"
      sic: ["بأن دولة"]
"""
    )
    assert not any(i.type == "cloze" for i in generate_items(garbled))


def test_preview_says_how_a_typed_answer_is_graded() -> None:
    from kzlearn.questions.preview import preview_lines

    pack = _pack(PEOPLE)
    lines = list(preview_lines(pack, generate_items(pack), lang="en", fact="mayor"))
    assert "Graded as a name: the family name alone is right, the given name alone nearly" in lines


def test_a_phrase_fact_states_only_what_is_true() -> None:
    pack = _pack(
        """\
id: ph
title: "ph"
language: en
facts:
  - id: agreed
    kind: phrase
    about: "what the ministers agreed"
    question: "What did the two ministers agree to hold?"
    answer: "political consultations"
    statement: "The two ministers agreed to hold {answer}."
    distractors: ["joint military exercises", "a trade fair", "a summit of leaders"]
"""
    )
    ids = {i.id for i in generate_items(pack)}
    assert {"agreed.mcq", "agreed.true_false.true"} <= ids
    assert "agreed.true_false.false" not in ids


def test_no_matching_or_ordering_of_two() -> None:
    two = """\
id: two
title: "two"
language: en
facts:
  - {id: a, kind: term, about: "a", term: "sa'ada", definition: "the title of an ambassador"}
  - {id: b, kind: term, about: "b", term: "fakhama", definition: "the title of a president"}
"""
    assert not any(i.type == "match" for i in generate_items(_pack(two)))
    three = (
        two
        + '  - {id: c, kind: term, about: "c", term: "sumuw",'
        + ' definition: "the title of a prince"}\n'
    )
    assert any(i.type == "match" for i in generate_items(_pack(three)))
