"""The bundled decks: valid, bilingual, faithful to the article, covering the checklist."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from kzlearn import Localized, Pack, load_pack, load_packs
from kzlearn.language.text import fold
from kzlearn.models import (
    ClozeItem,
    EntityFact,
    Item,
    MatchItem,
    McqItem,
    OrderItem,
    ShortItem,
    _walk_localized,
)
from kzlearn.models.validation import dump_pack_data, validate_pack
from kzlearn.packs import bundled_deck_paths
from kzlearn.questions.generate import all_items
from kzlearn.questions.grading import grade
from kzlearn.quiz.parts import ITEM_TYPES
from tests.conftest import ARTICLE, DECKS, ROOT


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def packs() -> dict[str, Pack]:
    return {pack.id: pack for pack in load_packs(DECKS)}


def test_the_bundled_decks_are_the_files_in_decks() -> None:
    assert bundled_deck_paths() == DECKS
    assert len(DECKS) == 2


@pytest.mark.parametrize("path", DECKS, ids=lambda p: p.name)
def test_every_deck_is_valid(path: Path) -> None:
    pack = load_pack(path)
    assert pack.facts
    assert pack.items


@pytest.mark.parametrize("path", DECKS, ids=lambda p: p.name)
def test_every_deck_points_editors_at_the_schema(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=schema/pack.schema.json"
    assert (path.parent / "schema" / "pack.schema.json").is_file()


@pytest.mark.parametrize("path", DECKS, ids=lambda p: p.name)
def test_every_text_is_arabic_first_with_english(path: Path) -> None:
    pack = load_pack(path)
    assert pack.language == "ar"
    assert pack.translations == ("en",)
    missing = [
        ".".join(map(str, loc))
        for loc, text in _walk_localized(pack, ())
        if loc[0] != "sources" and not (text.has("ar", "ar") and text.has("en", "ar"))
    ]
    assert missing == []


@pytest.mark.parametrize("path", DECKS, ids=lambda p: p.name)
def test_every_item_type_is_written_by_hand(path: Path) -> None:
    types = {item.type for item in load_pack(path).items}
    assert types == set(ITEM_TYPES)


def test_every_arabic_evidence_quote_is_verbatim_in_the_article(packs: dict[str, Pack]) -> None:
    article = _squash(ARTICLE.read_text(encoding="utf-8"))
    quotes = [
        (pack.id, owner.id, owner.evidence.quote.get("ar", "ar"))
        for pack in packs.values()
        for owner in (*pack.facts, *pack.items)
        if owner.evidence is not None
    ]
    assert len(quotes) >= 45
    not_found = [(p, o) for p, o, quote in quotes if _squash(quote) not in article]
    assert not_found == []


def test_every_fact_has_evidence(packs: dict[str, Pack]) -> None:
    assert [f.id for pack in packs.values() for f in pack.facts if f.evidence is None] == []


def test_the_checklist_is_covered_pack_by_pack(packs: dict[str, Pack]) -> None:
    checklist = yaml.safe_load((ROOT / "tests" / "data" / "checklist.yaml").read_text("utf-8"))
    assert sorted(checklist) == list(range(1, 31))
    for number, (pack_id, fact_ids) in checklist.items():
        assert pack_id == ("kz-independence" if number <= 12 else "morocco-kazakhstan")
        for fact_id in fact_ids:
            packs[pack_id].fact(fact_id)  # raises KeyError when it is missing


@pytest.mark.parametrize(
    ("pack_id", "fact_id", "spellings"),
    [
        ("kz-independence", "first-president", ["نزارباييف", "نازارباييف", "نازاربایف"]),
        ("kz-independence", "first-president", ["Nursultan Nazarbaev"]),
        ("kz-independence", "cis-treaties", ["كومنولث الدول المستقلة", "رابطة الدول المستقلة"]),
        ("kz-independence", "lisbon-treaty-party", ["START I", "ستارت 1"]),
        ("morocco-kazakhstan", "almaty", ["الماطي", "ألماتي"]),
        ("morocco-kazakhstan", "masmoudi", ["المصمودي"]),
        ("morocco-kazakhstan", "oic-summit-city", ["البيضاء"]),
        ("morocco-kazakhstan", "qazvac", ["كازفاك"]),
        ("morocco-kazakhstan", "arab-partner", ["الوطن العربي"]),
        ("morocco-kazakhstan", "tileuberdi", ["تليوبردي", "Tleuberdi"]),
    ],
)
def test_names_accept_the_common_variants(
    packs: dict[str, Pack], pack_id: str, fact_id: str, spellings: list[str]
) -> None:
    fact = packs[pack_id].fact(fact_id)
    assert fact.kind == "entity"
    accepted = {fold(a) for a in fact.accept} | {fold(v) for v in fact.value.values()}
    for spelling in spellings:
        assert fold(spelling) in accepted


def test_facts_use_the_articles_dates(packs: dict[str, Pack]) -> None:
    dates = {
        f.id: f.value.iso() for pack in packs.values() for f in pack.facts if f.kind == "date"
    }
    assert dates["independence-day"] == "1991-12-16"
    assert dates["relations-established"] == "1992-05-26"
    assert dates["lisbon-protocol"] == "1992-05"
    assert dates["phone-call"] == "2021-04-30"


def test_a_pack_round_trips_through_its_own_dump(packs: dict[str, Pack]) -> None:
    for pack in packs.values():
        again = validate_pack(dump_pack_data(pack))
        assert again == pack


def test_localized_prefers_the_asked_language() -> None:
    text = Localized({"ar": "الماطي", "en": "Almaty"})
    assert text.get("en", "ar") == "Almaty"
    assert text.get("fr", "ar") == "الماطي"
    assert Localized("x").get("en", "ar") == "x"


def test_a_typed_name_accepts_what_its_fact_accepts(packs: dict[str, Pack]) -> None:
    pack = packs["kz-independence"]
    fact = pack.fact("first-president")
    item = next(i for i in pack.items if i.id == "president-name")
    assert isinstance(item, ShortItem)
    assert fact.kind == "entity"
    assert {fold(a) for a in fact.accept} <= {fold(a) for a in item.accept} | {
        fold(a) for a in item.answer.values()
    }


def test_the_seventh_summit_is_accepted_in_words(packs: dict[str, Pack]) -> None:
    fact = packs["morocco-kazakhstan"].fact("oic-summit-number")
    assert fold("القمة السابعة") in {fold(a) for a in fact.accept}


def test_sources_carry_the_day_of_publication(packs: dict[str, Pack]) -> None:
    for pack in packs.values():
        assert [s.published.iso() for s in pack.sources if s.published] == ["2021-12-14"]


def test_every_item_written_by_hand_has_a_fact_or_evidence(packs: dict[str, Pack]) -> None:
    bare = [
        (p.id, i.id) for p in packs.values() for i in p.items if i.fact is None and not i.evidence
    ]
    assert bare == []


def test_every_fact_asks_its_own_question_in_both_languages(packs: dict[str, Pack]) -> None:
    missing = [
        (p.id, f.id)
        for p in packs.values()
        for f in p.facts
        if f.kind != "term"
        and not (f.question and f.question.has("ar", "ar") and f.question.has("en", "ar"))
    ]
    assert missing == []


def test_entities_say_their_kind_and_bring_same_kind_distractors(packs: dict[str, Pack]) -> None:
    for pack in packs.values():
        for fact in pack.facts:
            if isinstance(fact, EntityFact):
                assert fact.group, fact.id
                assert len(fact.distractors) >= 3, fact.id
                if fact.category == "person":
                    assert fact.gender, fact.id
                    assert fact.side, fact.id


def test_the_woman_ambassadors_alternatives_are_women(packs: dict[str, Pack]) -> None:
    fact = packs["morocco-kazakhstan"].fact("ambassador")
    assert isinstance(fact, EntityFact)
    assert fact.gender == "f"
    # Kazakh women's family names end in -ova / -eva / -ayeva.
    assert all(re.search(r"(ova|eva)$", d.get("en", "ar")) for d in fact.distractors)


def test_no_distractor_is_defensibly_right(packs: dict[str, Pack]) -> None:
    mellin = packs["morocco-kazakhstan"].fact("mellin")
    assert "مصمودي" not in " ".join(d.get("ar", "ar") for d in mellin.distractors)
    assert "1992" not in mellin.question.get("ar", "ar")  # type: ignore[union-attr]
    pairs = packs["kz-independence"].fact("later-guarantors")
    nuclear = {"الصين", "فرنسا", "الهند", "باكستان", "روسيا", "بريطانيا", "الولايات المتحدة"}
    for pair in pairs.distractors:
        assert set(pair.get("ar", "ar").split(" و")) <= nuclear


def test_descriptions_are_phrase_facts_not_terms(packs: dict[str, Pack]) -> None:
    for pack_id, fact_id in [
        ("kz-independence", "soviet-obligations"),
        ("kz-independence", "phase-1"),
        ("morocco-kazakhstan", "territorial-integrity"),
        ("morocco-kazakhstan", "political-consultations"),
        ("morocco-kazakhstan", "multilateral-coordination"),
    ]:
        assert packs[pack_id].fact(fact_id).kind == "phrase"


def test_statements_name_no_weekday(packs: dict[str, Pack]) -> None:
    days = ["الجمعة", "الخميس", "Friday", "Thursday"]
    for pack in packs.values():
        for fact in pack.facts:
            if fact.statement:
                assert not any(d in t for d in days for t in fact.statement.values()), fact.id


def test_hand_written_clozes_have_english_text(packs: dict[str, Pack]) -> None:
    for pack in packs.values():
        for item in pack.items:
            if isinstance(item, ClozeItem):
                assert item.text.has("en", "ar"), item.id


# -- the bilingual teacher's second review ------------------------------------------------


def _items(packs: dict[str, Pack]) -> dict[str, Item]:
    return {f"{p.id}/{i.id}": i for p in packs.values() for i in all_items(p)}


@pytest.mark.parametrize(
    ("item_id", "given"),
    [
        ("kz-independence/un-membership.short", "ONU"),
        ("kz-independence/un-membership.short", "the United Nations Organization"),
        ("kz-independence/cis-treaties.short", "the Commonwealth"),
        ("kz-independence/npt.short", "معاهدة الحد من انتشار الأسلحة النووية"),
        ("morocco-kazakhstan/oic-summit-city.short", "كازا"),
        ("morocco-kazakhstan/round-table-city.short", "كازا"),
        ("morocco-kazakhstan/twin-cities.short", "مكناسة الزيتون"),
        ("morocco-kazakhstan/food-security-org.short", "Islamic Organisation of Food Security"),
        ("morocco-kazakhstan/ambassador.short", "سيلكوزي"),
    ],
)
def test_a_fair_teacher_accepts_these_answers(
    packs: dict[str, Pack], item_id: str, given: str
) -> None:
    item = _items(packs)[item_id]
    lang = "ar" if re.search(r"[\u0600-\u06ff]", given) else "en"
    assert grade(item, given, lang=lang).outcome == "correct"


def test_a_note_explains_the_answer_and_names_no_choice(packs: dict[str, Pack]) -> None:
    # A fact's note is shown after every item of the fact, typed answers and true/false too,
    # where the other choices are never shown.
    naming = [
        (fact.id, distractor.get(lang, "ar"))
        for pack in packs.values()
        for fact in pack.facts
        if fact.note is not None and fact.kind != "term"
        for distractor in getattr(fact, "distractors", ())
        for lang in ("ar", "en")
        if fold(distractor.get(lang, "ar")) in fold(fact.note.get(lang, "ar"))
    ]
    assert naming == []


def test_no_generated_ordering_pairs_a_start_with_its_end(packs: dict[str, Pack]) -> None:
    # "the start of X" and "the end of X" order themselves, with no reading.
    for pack in packs.values():
        for item in all_items(pack):
            if isinstance(item, OrderItem):
                subjects = [
                    re.sub(r"^the (start|end) of ", "", event.get("en", "ar"))
                    for event in item.sequence
                ]
                assert len(set(subjects)) == len(subjects), item.id


def test_the_phases_are_matched_with_what_marked_them_not_their_years(
    packs: dict[str, Pack],
) -> None:
    item = next(i for i in packs["kz-independence"].items if i.id == "phases-match")
    assert isinstance(item, MatchItem)
    assert not any(
        re.search(r"\d", pair.right.get(lang, "ar"))
        for pair in item.pairs
        for lang in ("ar", "en")
    )


def test_no_ordering_places_the_peace_games(packs: dict[str, Pack]) -> None:
    # The article dates them to summer 1990 yet says they were held under the 1992
    # agreement: their place in any order is defensible two ways.
    for pack in packs.values():
        for item in all_items(pack):
            if isinstance(item, OrderItem):
                for event in item.sequence:
                    assert "Peace Games" not in event.get("en", "ar"), item.id
                    assert "ألعاب السلام" not in event.get("ar", "ar"), item.id


def test_an_ordering_explains_its_order(packs: dict[str, Pack]) -> None:
    # The explanation an ordering shows (its own, else its first fact's note) gives the
    # dates that set the order, not a remark about one event.
    for pack in packs.values():
        for item in all_items(pack):
            if not isinstance(item, OrderItem):
                continue
            fact = pack.fact(item.fact) if item.fact else None
            shown = item.explanation or (fact.note if fact else None)
            if shown is None:
                continue
            for lang in ("ar", "en"):
                years = re.findall(r"\d{4}", shown.get(lang, "ar"))
                assert len(years) >= 2, (item.id, lang)


def test_the_first_phase_distractors_start_after_independence(packs: dict[str, Pack]) -> None:
    fact = packs["kz-independence"].fact("phase-1-period")
    years = [int(y) for d in fact.distractors for y in re.findall(r"\d{4}", d.get("ar", "ar"))]
    assert years
    assert min(years) >= 1991


@pytest.mark.parametrize(
    ("fact_id", "cues"),
    [
        ("climate-invitation", ["المغرب", "Morocco", "Moroccan"]),
        ("qazvac", ["الكازاخستاني", "Kazakh"]),
    ],
)
def test_a_question_does_not_cue_its_answer(
    packs: dict[str, Pack], fact_id: str, cues: list[str]
) -> None:
    question = packs["morocco-kazakhstan"].fact(fact_id).question
    assert question is not None
    assert not any(cue in text for cue in cues for text in question.values())


def test_the_working_visit_is_anchored_in_the_call(packs: dict[str, Pack]) -> None:
    pack = packs["morocco-kazakhstan"]
    fact = pack.fact("working-visit")
    item = next(i for i in pack.items if i.id == "working-visit.mcq")
    for text in (fact.question, fact.statement, item.prompt):
        assert text is not None
        assert "الاتصال الهاتفي" in text.get("ar", "ar")
        assert "phone call" in text.get("en", "ar")


def test_statements_read_naturally(packs: dict[str, Pack]) -> None:
    morocco = packs["morocco-kazakhstan"]
    summit = morocco.fact("oic-summit-number").statement
    fields = morocco.fact("agreement-fields").statement
    joined = morocco.fact("food-security-joined")
    assert summit is not None
    assert fields is not None
    assert joined.statement is not None
    assert "رقم" not in summit.get("ar", "ar")
    assert "number" not in summit.get("en", "ar")
    assert "المدينة المغربية" not in fields.get("ar", "ar")
    assert "the Moroccan city" not in fields.get("en", "ar")
    for text in (joined.question, joined.statement):
        assert text is not None
        assert "for which" not in text.get("en", "ar")


# -- the bilingual teacher's third review -------------------------------------------------


@pytest.mark.parametrize(
    ("pack_id", "fact_id", "implausible"),
    [
        ("kz-independence", "declared-course", "monarchy"),
        ("kz-independence", "founding-treaties", "US dollar"),
        ("kz-independence", "founding-treaties", "single federal state"),
        ("kz-independence", "cis-treaties", "ASEAN"),
        ("kz-independence", "cis-treaties", "African Union"),
        ("kz-independence", "un-membership", "European Union"),
        ("morocco-kazakhstan", "territorial-integrity", "Shanghai"),
        ("morocco-kazakhstan", "territorial-integrity", "Eurasian"),
        ("morocco-kazakhstan", "obstacles", "border"),
        ("morocco-kazakhstan", "political-consultations", "military"),
        # the fourth review
        ("kz-independence", "founding-treaties", "Security Council"),
        ("kz-independence", "embassies", "closing"),
        ("kz-independence", "embassies", "freezing"),
        ("morocco-kazakhstan", "territorial-integrity", "Security Council"),
        ("morocco-kazakhstan", "resident-embassy", "Fes"),
        ("morocco-kazakhstan", "arab-partner", "Africa"),
    ],
)
def test_distractors_are_plausible(
    packs: dict[str, Pack], pack_id: str, fact_id: str, implausible: str
) -> None:
    fact = packs[pack_id].fact(fact_id)
    assert not any(implausible in d.get("en", "ar") for d in getattr(fact, "distractors", ()))


@pytest.mark.parametrize(
    ("item_id", "contradicting"),
    [
        ("kz-independence/un-membership.true_false.false", "الأمم المتحدة"),
        ("kz-independence/npt.true_false.false", "كدولة نووية"),
        ("kz-independence/cis-treaties.true_false.false", "عدد قليل فقط"),
        ("morocco-kazakhstan/food-security-org.true_false.false", "شكر الوزير المغربي"),
        ("morocco-kazakhstan/twin-cities.true_false.false", "حسب المقال"),
    ],
    ids=lambda value: value if value.isascii() else "",
)
def test_a_false_statement_is_one_the_article_contradicts(
    packs: dict[str, Pack], item_id: str, contradicting: str
) -> None:
    # A wrong name put into a bare statement ("Fes signed an agreement with Almaty") is
    # merely not mentioned; these say what the article rules out.
    item = _items(packs)[item_id]
    assert contradicting in item.prompt.get("ar", "ar")


def test_stilted_frames_are_gone(packs: dict[str, Pack]) -> None:
    kz, ma = packs["kz-independence"], packs["morocco-kazakhstan"]
    cis = kz.fact("cis-treaties")
    assert cis.question is not None
    assert cis.statement is not None
    assert "of which" not in cis.question.get("en", "ar")
    assert "all of whose" not in cis.statement.get("en", "ar")
    for fact_id, frame in (("arab-partner", "named when"), ("working-visit", "what his")):
        statement = ma.fact(fact_id).statement
        assert statement is not None
        assert frame not in statement.get("en", "ar"), fact_id


def test_no_cloze_copies_the_sources_broken_arabic(packs: dict[str, Pack]) -> None:
    for pack in packs.values():
        for item in all_items(pack):
            if isinstance(item, ClozeItem):
                text = item.text.get("ar", "ar")
                assert "\u06a9" not in text, item.id  # the Persian kaf
                assert "وبريطانيا كازاخستان" not in text, item.id  # "signed Kazakhstan"
                assert not text.startswith("وفقاً لهذه"), item.id  # "this agreement": which?


def test_no_vocabulary_question_spells_its_answer(packs: dict[str, Pack]) -> None:
    # "Which month do Moroccans call ماي?" answers itself.
    ids = {f.id for pack in packs.values() for f in pack.facts}
    assert not ids & {"dujanbir", "mai"}


def test_the_embassy_choice_asks_what_not_where(packs: dict[str, Pack]) -> None:
    item = _items(packs)["morocco-kazakhstan/resident-embassy.mcq"]
    assert isinstance(item, McqItem)
    assert "الرباط" not in {c.get("ar", "ar") for c in item.choices}


def test_a_blessing_is_no_title_among_titles(packs: dict[str, Pack]) -> None:
    # نصره الله follows a name; offered among سعادة and فخامة it was a two-way guess.
    pack = packs["morocco-kazakhstan"]
    assert pack.fact("nasarahu-allah").kind == "phrase"
    ids = {i.id for i in all_items(pack)}
    assert not {"excellency.mcq.reverse", "fakhama.mcq.reverse"} & ids
    assert {"excellency.mcq", "fakhama.mcq", "nasarahu-allah.mcq"} <= ids


def test_every_generated_ordering_explains_its_order(packs: dict[str, Pack]) -> None:
    for pack in packs.values():
        facts = {f.id: f for f in pack.facts}
        for item in all_items(pack):
            if item.type == "order" and item.id not in {i.id for i in pack.items}:
                note = item.explanation or facts[item.fact or ""].note
                assert note is not None, item.id
