"""Grading rules a fair teacher applies, each accepted with its reason, and what stays wrong."""

from __future__ import annotations

import pytest

from kzlearn.language.numbers import parse_number, read_number
from kzlearn.models import ClozeItem, ShortItem, TrueFalseItem
from kzlearn.questions.grading import grade, match_answer
from kzlearn.questions.lists import split_list
from kzlearn.tui.i18n import reason_text
from tests.items import item_of

Case = tuple[str, str, str, str | None]


def text(expected: str, given: str, *, person: bool = False) -> tuple[str, str | None]:
    return match_answer([expected], given, lang="ar", person=person)


@pytest.mark.parametrize(
    ("expected", "given", "outcome", "reason"),
    [
        ("محمد السادس", "الملك محمد السادس", "correct", "ignored the title"),
        ("Bourita", "Minister Bourita", "correct", "ignored the title"),
        ("Nasser Bourita", "Minister Bourita", "correct", "family name only"),
        ("ناصر بوريطة", "الوزير بوريطة", "correct", "family name only"),
        ("ناصر بوريطة", "السيد ناصر بوريطة", "correct", "ignored the title"),
        ("سوليكول سيلوكيزي", "السفيرة سوليكول سيلوكيزي", "correct", "ignored the title"),
        ("Mukhtar Tileuberdi", "Mr. Mukhtar Tileuberdi", "correct", "ignored the title"),
        (
            "Kassym-Jomart Tokayev",
            "President Kassym-Jomart Tokayev",
            "correct",
            "ignored the title",
        ),
        ("مكناس", "مدينة مكناس", "correct", "ignored a generic word"),
        ("Meknes", "the city of Meknes", "correct", "ignored a generic word"),
        ("الأمم المتحدة", "منظمة الأمم المتحدة", "correct", "ignored a generic word"),
        ("منظمة الأمم المتحدة", "الأمم المتحدة", "correct", "ignored a generic word"),
        ("الرباط", "في الرباط", "correct", "ignored the preposition"),
        ("الرباط", "بالرباط", "correct", "ignored the preposition"),
        ("Arab world", "the Arab world", "correct", "ignored the article"),
        ("مصمودي", "المصمودي", "correct", "ignored the article"),
        ("المصمودي", "مصمودي", "correct", "ignored the article"),
        # ال is never stripped blindly: a short bare word is another word.
        ("الماطي", "ماطي", "wrong", None),
        ("ماتي", "ألماتي", "wrong", None),
        ("الرباط", "رباط", "wrong", None),
        # A title or generic word does not make a wrong name right.
        ("محمد السادس", "الملك الحسن الثاني", "wrong", None),
        ("مكناس", "مدينة فاس", "wrong", None),
        ("Bourita", "Minister Tileuberdi", "wrong", None),
        # A title alone is no answer.
        ("ناصر بوريطة", "الوزير", "wrong", None),
    ],
)
def test_titles_generic_words_and_articles(
    expected: str, given: str, outcome: str, reason: str | None
) -> None:
    assert text(expected, given) == (outcome, reason)


@pytest.mark.parametrize(
    ("expected", "given", "outcome", "reason"),
    [
        ("ناصر بوريطة", "بوريطة", "correct", "family name only"),
        ("مختار مصمودي", "المصمودي", "correct", "family name only"),
        ("عبد اللطيف ملين", "ملين", "correct", "family name only"),
        ("عبد اللطيف ملين", "عبداللطيف ملين", "correct", "ignored spaces"),
        ("Sulukol Seilkhozy", "Seil-khozy", "correct", "family name only"),
        ("Sulukol Seilkhozy", "Seilkhozy", "correct", "family name only"),
        ("قاسم جومارت توكاييف", "قاسم توكاييف", "correct", "without the middle name"),
        ("قاسم جومارت توكاييف", "توكاييف", "correct", "family name only"),
        ("Kassym-Jomart Tokayev", "Tokayev", "correct", "family name only"),
        ("نور سلطان نزارباييف", "نزارباييف", "correct", "family name only"),
        ("ناصر بوريطة", "بوريطا", "nearly", "one letter off"),  # a typo in the family name
        ("مختار تلوبردي", "تلوبيردي", "correct", "family name only"),  # a long vowel
        ("مختار تلوبردي", "تلوبيرضي", "wrong", None),
        # The given name alone is not the family name: nearly.
        ("ناصر بوريطة", "ناصر", "nearly", "only the given name"),
        ("مختار تلوبردي", "مختار مصمودي", "wrong", None),
        ("مختار تلوبردي", "مصمودي", "wrong", None),
        # Phrases that are not names: their last word is not the answer.
        ("كومنولث الدول المستقلة", "المستقلة", "wrong", None),
        ("منظمة الأمم المتحدة", "المتحدة", "wrong", None),
        ("المنظمة الإسلامية للأمن الغذائي", "الغذائي", "wrong", None),
        ("العالم العربي", "العربي", "wrong", None),
        ("الدار البيضاء", "البيضاء", "wrong", None),
        ("the United Nations", "Nations", "wrong", None),
        ("the Arab world", "world", "wrong", None),
        ("South Africa", "Africa", "wrong", None),
        ("North Korea", "Korea", "wrong", None),
        ("جنوب أفريقيا", "أفريقيا", "wrong", None),
        ("قاز فاك", "فاك", "wrong", None),  # too short to be a family name
        ("Kazakhstan 2030", "2030", "wrong", None),  # digits: no name
    ],
)
def test_family_names(expected: str, given: str, outcome: str, reason: str | None) -> None:
    assert text(expected, given) == (outcome, reason)


def test_a_person_flag_allows_the_article_and_makes_the_given_name_nearly() -> None:
    assert text("ناصر بوريطة", "ناصر", person=True) == ("nearly", "only the given name")
    assert text("قاسم جومارت توكاييف", "قاسم جومارت", person=True)[0] == "nearly"
    assert text("عبد اللطيف ملين", "عبد اللطيف", person=True)[0] == "nearly"
    # A name with ال on its family name is a person's only when the caller says so.
    assert text("مختار المصمودي", "المصمودي") == ("wrong", None)
    assert text("مختار المصمودي", "المصمودي", person=True) == ("correct", "family name only")
    assert text("مختار تلوبردي", "ناصر", person=True) == ("wrong", None)


@pytest.mark.parametrize(
    ("expected", "given", "outcome", "reason"),
    [
        ("الصين وفرنسا", "فرنسا والصين", "correct", "in another order"),
        ("الصين وفرنسا", "فرنسا، الصين", "correct", "in another order"),
        ("الصين وفرنسا", "الصين، فرنسا", "correct", "listed another way"),
        ("الصين وفرنسا", "الصين و فرنسا", "correct", "ignored spaces"),
        ("الولايات المتحدة وروسيا", "روسيا والولايات المتحدة", "correct", "in another order"),
        ("culture, economy, sport", "sport & culture and economy", "correct", "in another order"),
        ("China and France", "France, China", "correct", "in another order"),
        ("الصين وفرنسا", "فرنسا", "nearly", "one part is missing"),
        ("culture, economy, sport", "sport, culture", "nearly", "one part is missing"),
        ("الصين وفرنسا", "فرنسا وألمانيا", "wrong", None),
        ("الصين وفرنسا", "الصين وفرنسا وألمانيا", "wrong", None),
        ("culture, economy, sport", "sport", "wrong", None),  # two of three missing
        ("الصين وفرنسا", "فرنسا أو الصين", "wrong", None),  # hedging is no list
    ],
)
def test_lists_in_any_order(expected: str, given: str, outcome: str, reason: str | None) -> None:
    assert text(expected, given) == (outcome, reason)


def test_waw_splits_only_as_a_conjunction() -> None:
    assert split_list("الولايات المتحدة وروسيا") == ["الولايات المتحدة", "روسيا"]
    assert split_list("وهران") == ["وهران"]  # a word that starts with و, first
    assert split_list("عبد الوهاب") == ["عبد الوهاب"]  # و inside a word
    assert split_list("culture, economy, and sport") == ["culture", "economy", "sport"]


@pytest.mark.parametrize(
    ("expected", "given", "outcome", "reason"),
    [
        ("10", "الذكرى العاشرة", "correct", "ordinal read as a number"),
        ("10", "العاشر", "correct", "ordinal read as a number"),
        ("10", "العاشرة", "correct", "ordinal read as a number"),
        ("10", "10 سنوات", "correct", "ignored the unit"),
        ("10", "ten years", "correct", "ignored the unit"),
        ("10", "the 10th", "correct", "ordinal read as a number"),
        ("10", "10th", "correct", "ordinal read as a number"),
        ("10", "dixième", "correct", "ordinal read as a number"),
        ("30", "الثلاثين", "correct", "ordinal read as a number"),
        ("30", "الذكرى الثلاثين", "correct", "ordinal read as a number"),
        ("30", "30 عاماً", "correct", "ignored the unit"),
        ("30", "thirtieth", "correct", "ordinal read as a number"),
        ("7", "القمة السابعة", "correct", "ordinal read as a number"),
        ("21", "الحادي والعشرين", "correct", "ordinal read as a number"),
        ("11", "الحادية عشرة", "correct", "ordinal read as a number"),
        ("21", "twenty-first", "correct", "ordinal read as a number"),
        ("4", "quatrième", "correct", "ordinal read as a number"),
        ("30", "ثلاثين", "correct", "read as a number"),
        # Wrong numbers stay wrong, however they are written.
        ("30", "الذكرى الحادية والثلاثين", "wrong", None),
        ("10", "التاسعة", "wrong", None),
        ("10", "11 سنة", "wrong", None),
        ("7", "the 8th", "wrong", None),
        ("30", "twentieth", "wrong", None),
        ("30", "ليس 30", "wrong", None),  # "not 30": only counted words are ignored
        ("30", "30 أو 31", "wrong", None),
    ],
)
def test_ordinals_and_counted_units_are_numbers(
    expected: str, given: str, outcome: str, reason: str | None
) -> None:
    assert match_answer([expected], given, lang="ar", kind="number") == (outcome, reason)


@pytest.mark.parametrize(
    ("expected", "given", "outcome", "reason"),
    [
        ("1990", "صيف 1990", "correct", "a season of that year"),
        ("1990", "summer of 1990", "correct", "a season of that year"),
        ("2020", "ربيع 2020", "correct", "a season of that year"),
        ("1990", "صيف 1991", "wrong", None),
        ("1992-05", "ربيع 1992", "nearly", "the season, not the month"),
        ("1992-05", "spring 1992", "nearly", "the season, not the month"),
        ("1992-05", "خريف 1992", "wrong", None),
        ("1992-05", "ربيع 1993", "wrong", None),
        ("1991-12-16", "شتاء 1991", "nearly", "the season, not the month"),
        ("1991-12-16", "16 ديسمبر", "nearly", "the year is missing"),
        ("1991-12-16", "December 16", "nearly", "the year is missing"),
        ("1991-12-16", "17 ديسمبر", "wrong", None),
        ("2021-04", "أبريل 21", "nearly", "two-digit year"),
        ("2021-04", "April 21", "nearly", "two-digit year"),
        ("2021-04-30", "30/4/21", "nearly", "two-digit year"),
        ("2021-04-30", "30 أبريل 21", "nearly", "two-digit year"),
        ("2021-04", "أبريل 22", "wrong", None),
        ("2021-04-30", "30/4/20", "wrong", None),
        ("1991-12-16", "12/16/1991", "correct", "read month first"),
        ("1991-12-16", "12/17/1991", "wrong", None),
        ("1992-05-26", "May 26, 1992", "correct", None),
        # Day first wherever both readings exist: 5/12/1992 is 5 December, not 12 May.
        ("1992-05-12", "5/12/1992", "wrong", None),
        ("1992-12-05", "5/12/1992", "correct", None),
    ],
)
def test_seasons_partial_and_month_first_dates(
    expected: str, given: str, outcome: str, reason: str | None
) -> None:
    assert match_answer([expected], given, lang="ar", kind="date") == (outcome, reason)


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("صواب", True),
        ("صحيح", True),
        ("صحيحة", True),
        ("ص", True),
        ("yes", True),
        ("Right", True),
        ("correct", True),
        ("vrai", True),
        ("خاطئ", False),
        ("خاطئة", False),
        ("غلط", False),
        ("ليس صحيحا", False),
        ("ليس صحيحاً", False),
        ("خ", False),
        ("faux", False),
        ("no", False),
        ("wrong", False),
        ("incorrect", False),
        ("خطأ!", False),
    ],
)
def test_true_false_words(word: str, value: bool) -> None:
    item = item_of(TrueFalseItem, id="q", type="true_false", prompt="?", answer=value)
    opposite = item_of(TrueFalseItem, id="q", type="true_false", prompt="?", answer=not value)
    assert grade(item, word).correct
    assert grade(opposite, word).outcome == "wrong"
    assert grade(opposite, word).reason is None  # understood, just wrong


def test_a_word_that_is_neither_true_nor_false_is_asked_again() -> None:
    item = item_of(TrueFalseItem, id="q", type="true_false", prompt="?", answer=True)
    assert grade(item, "ربما").reason == "answer true or false"


@pytest.mark.parametrize(
    ("item", "given"),
    [
        (
            item_of(
                ShortItem, id="d", type="short", prompt="?", answer="1991-12-16", grade_as="date"
            ),
            "፩",
        ),
        (
            item_of(
                ShortItem, id="d", type="short", prompt="?", answer="1991-12-16", grade_as="date"
            ),
            "፩፪/፩፪/፩፱፱፩",
        ),
        (
            item_of(
                ClozeItem, id="c", type="cloze", prompt="?", text="في {{1991}} و{{كازاخستان}}"
            ),
            "፩፩",
        ),
        (
            item_of(ShortItem, id="n", type="short", prompt="?", answer="30", grade_as="number"),
            "፫፻",
        ),
        (
            item_of(ShortItem, id="n", type="short", prompt="?", answer="30", grade_as="number"),
            "و",
        ),
        (item_of(ClozeItem, id="c", type="cloze", prompt="?", text="{{و}} {{1991}}"), "1"),
        (
            item_of(ShortItem, id="n", type="short", prompt="?", answer="30", grade_as="number"),
            "hundred " * 155,
        ),
        (
            item_of(ShortItem, id="n", type="short", prompt="?", answer="30", grade_as="number"),
            "مئة " * 160,
        ),
        (
            item_of(ShortItem, id="n", type="short", prompt="?", answer="30", grade_as="number"),
            "thousand million " * 40,
        ),
    ],
)
def test_digits_of_other_scripts_and_huge_number_words_do_not_raise(
    item: ShortItem | ClozeItem, given: str
) -> None:
    assert grade(item, given).outcome == "wrong"


def test_number_words_have_a_ceiling_and_digits_are_ascii_or_arabic_indic() -> None:
    assert parse_number("hundred " * 155) is None
    assert parse_number("፩") is None
    assert parse_number("١٢") == 12
    assert parse_number("twenty thousand") == 20000
    assert read_number("፩th") is None
    assert read_number("و") is None  # a lone conjunction is no ordinal
    assert read_number("و و") is None


def test_every_new_reason_has_an_arabic_translation() -> None:
    reasons = {
        text("محمد السادس", "الملك محمد السادس")[1],
        text("مكناس", "مدينة مكناس")[1],
        text("الرباط", "في الرباط")[1],
        text("مصمودي", "المصمودي")[1],
        text("ناصر بوريطة", "بوريطة")[1],
        text("قاسم جومارت توكاييف", "قاسم توكاييف")[1],
        text("ناصر بوريطة", "ناصر", person=True)[1],
        text("الصين وفرنسا", "فرنسا والصين")[1],
        text("الصين وفرنسا", "الصين، فرنسا")[1],
        text("الصين وفرنسا", "فرنسا")[1],
        match_answer(["10"], "العاشرة", lang="ar", kind="number")[1],
        match_answer(["10"], "10 سنوات", lang="ar", kind="number")[1],
        match_answer(["10"], "عشرة", lang="ar", kind="number")[1],
        match_answer(["1990"], "صيف 1990", lang="ar", kind="date")[1],
        match_answer(["1990-06"], "صيف 1990", lang="ar", kind="date")[1],
        match_answer(["1990-06-01"], "1 يونيو", lang="ar", kind="date")[1],
        match_answer(["2021-04"], "أبريل 21", lang="ar", kind="date")[1],
        match_answer(["1991-12-16"], "12/16/1991", lang="ar", kind="date")[1],
    }
    assert None not in reasons
    assert len(reasons) == 18
    untranslated = {r for r in reasons if r is not None and reason_text(r, "ar") == r}
    assert not untranslated


def test_a_cloze_blank_written_as_an_ordinal_takes_the_number() -> None:
    item = item_of(ClozeItem, id="q", type="cloze", prompt="?", text="في أعمال القمة {{السابعة}}")
    assert grade(item, ["7"]).correct
    assert grade(item, ["السابعة"]).correct
    assert grade(item, ["seventh"]).correct
    assert grade(item, ["8"]).outcome == "wrong"
    assert grade(item, ["الثامنة"]).outcome == "wrong"
