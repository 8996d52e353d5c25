"""The bundled decks: valid, bilingual, faithful to the article, covering the checklist."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from kzlearn import Localized, Pack, load_pack, load_packs
from kzlearn.language.text import fold
from kzlearn.models import ClozeItem, EntityFact, ShortItem, _walk_localized
from kzlearn.packs import bundled_deck_paths
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
    assert types == {"mcq", "true_false", "short", "cloze", "order", "match"}


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
        again = Pack.model_validate(pack.model_dump(mode="json", exclude_defaults=True))
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
