"""Property tests (hypothesis): normal forms, dates in every month table, generated packs."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import kzlearn
from kzlearn.language.dates import ARABIC_MONTHS, PartialDate, parse_date
from kzlearn.language.text import fold, normalize_basic
from kzlearn.models import Item, McqItem, Pack, ShortItem
from kzlearn.models.validation import validate_pack
from kzlearn.questions.generate import all_items, generate_items
from kzlearn.questions.grading import Kind, correct_response, grade, match_answer

ARABIC = "ءآأؤإئابةتثجحخدذرسشصضطظعغفقكلمنهوىيًٌٍَُِّْـکیەھ٠١٢٣٤٥٦٧٨٩،؛؟«» "
texts = st.text(alphabet=st.sampled_from(ARABIC) | st.characters(), max_size=40)
ENGLISH = (
    "January February March April May June July August September October November December"
).split()
FRENCH = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
TABLES = {
    **{k: [n.split("|")[0] for n in v] for k, v in ARABIC_MONTHS.items()},
    "English": ENGLISH,
    "French": FRENCH.split(),
}


@given(texts)
def test_normal_forms_are_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)
    assert normalize_basic(normalize_basic(text)) == normalize_basic(text)


@given(
    st.integers(1000, 2100),
    st.integers(1, 12),
    st.integers(1, 28),
    st.sampled_from(sorted(TABLES)),
    st.sampled_from(["{d} {m} {y}", "{m} {d}, {y}", "{d} {m} {y}م", "{d} من {m} عام {y}"]),
)
def test_a_date_in_any_month_table_parses_back(
    year: int, month: int, day: int, table: str, shape: str
) -> None:
    written = shape.format(d=day, m=TABLES[table][month - 1], y=year)
    parsed = parse_date(written)
    assert parsed is not None, written
    assert parsed.value == PartialDate(year, month, day)
    assert parse_date(f"{TABLES[table][month - 1]} {year}") is not None


names = st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهوي", min_size=3, max_size=9)


@st.composite
def packs(draw: st.DrawFn) -> Pack:
    facts = []
    for i in range(draw(st.integers(3, 7))):
        kind = draw(st.sampled_from(["date", "entity", "number"]))
        fact: dict[str, object] = {
            "id": f"f{i}",
            "kind": kind,
            "about": {"ar": f"حدث {i}", "en": f"event {i}"},
        }
        if kind == "date":
            y = draw(st.integers(1900, 2020))
            shape = draw(st.sampled_from(["{y}", "{y}-{m:02d}", "{y}-{m:02d}-{d:02d}"]))
            fact["value"] = shape.format(
                y=y, m=draw(st.integers(1, 12)), d=draw(st.integers(1, 28))
            )
        elif kind == "entity":
            fact |= {"category": "person", "value": {"ar": draw(names), "en": f"Person {i}"}}
        else:
            fact |= {"value": draw(st.integers(1, 5000)), "unit": {"ar": "كم", "en": "km"}}
        facts.append(fact)
    data = {
        "id": "p",
        "title": {"ar": "ت", "en": "t"},
        "language": "ar",
        "translations": ["en"],
        "facts": facts,
    }
    return validate_pack(data)


@settings(max_examples=60, deadline=None)
@given(packs(), st.integers(0, 1000))
def test_generated_items_grade_themselves_and_their_distractors(pack: Pack, seed: int) -> None:
    items = {i.id: i for i in generate_items(pack, seed=seed)}
    for item in items.values():
        assert grade(item, correct_response(item)).correct, item.id
        if isinstance(item, ShortItem):
            for text in (*item.answer.values(), *item.accept):
                assert grade(item, text).correct, (item.id, text)
        if isinstance(item, McqItem):
            typed = items.get(item.id.removesuffix(".mcq") + ".short")
            for i, choice in enumerate(item.choices):
                if i != item.answer_index and isinstance(typed, ShortItem):
                    assert grade(typed, choice.get("ar", "ar")).outcome == "wrong"


def _bundled_items() -> list[Item]:
    return [i for p in kzlearn.load_packs(kzlearn.bundled_deck_paths()) for i in all_items(p)]


BUNDLED_ITEMS = _bundled_items()
TRICKY = ["፩", "٣", "12", "hundred", "مئة", "ألف", "million", "ربيع", "/", "th", "و", "ديسمبر"]
# Any Unicode, and the digits and number words that once made grading raise, mixed or repeated.
answers = (
    st.text(max_size=60)
    | st.lists(st.sampled_from(TRICKY), max_size=4).map(" ".join)
    | st.tuples(st.sampled_from(TRICKY), st.integers(1, 200)).map(lambda t: f"{t[0]} " * t[1])
)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(BUNDLED_ITEMS), answers, st.lists(answers, max_size=4))
def test_grading_any_text_on_any_bundled_item_never_raises(
    item: Item, text: str, texts: list[str]
) -> None:
    for response in (text, texts):
        verdict = grade(item, response, lang="ar")
        assert verdict.outcome in ("correct", "nearly", "wrong")


RULE_WORDS = ["مختار مصمودي", "عبد اللطيف ملين", "الصين وفرنسا", "a, b and c", "Mr", "الملك"]
RULE_WORDS += ["بال", "و", "the", "city of", "، ", "&", "العاشرة", "ربيع", "12/25/91", "th"]
rule_texts = st.text(max_size=30) | st.lists(st.sampled_from(RULE_WORDS), max_size=6).map(" ".join)


@settings(max_examples=1000, deadline=None)
@given(rule_texts, rule_texts, st.booleans(), st.sampled_from(["text", "number", "date"]))
def test_match_answer_never_raises_whatever_it_is_given(
    expected: str, text: str, person: bool, kind: Kind
) -> None:
    outcome, _ = match_answer([expected, text[::-1]], text, lang="ar", kind=kind, person=person)
    assert outcome in ("correct", "nearly", "wrong")


SHORT_ITEMS = [i for i in BUNDLED_ITEMS if isinstance(i, ShortItem)]


@settings(max_examples=400, deadline=None)
@given(
    st.sampled_from(SHORT_ITEMS),
    st.sampled_from(SHORT_ITEMS),
    st.sampled_from(["{a} أو {b}", "{a} او {b}", "{a} ولا {b}", "{b} أو {a}", "ليس {a}"]),
)
def test_a_hedge_or_a_denial_is_never_correct(
    item: ShortItem, other: ShortItem, form: str
) -> None:
    right = str(correct_response(item, "ar"))
    wrong = str(correct_response(other, "ar"))
    if grade(item, wrong, lang="ar").outcome != "wrong":
        return  # the other item's answer is right here too: no hedge between two answers
    assert not grade(item, form.format(a=right, b=wrong), lang="ar").correct
