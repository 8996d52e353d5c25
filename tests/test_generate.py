"""Generated items: the right kinds, stable ids, deterministic, fair distractors, self-grading."""

from __future__ import annotations

from collections import Counter

import pytest

from kzlearn import Pack, load_packs
from kzlearn.language.dates import parse_date
from kzlearn.models import DateFact, McqItem, OrderItem, ShortItem
from kzlearn.models.validation import dump_item_data, dump_pack_data, validate_pack
from kzlearn.questions.generate import all_items, generate_items
from kzlearn.questions.grading import correct_response, grade
from tests.conftest import DECKS

PACKS = load_packs(DECKS)


@pytest.fixture(scope="module", params=PACKS, ids=lambda p: p.id)
def pack(request: pytest.FixtureRequest) -> Pack:
    result: Pack = request.param
    return result


def test_each_fact_kind_gets_its_item_types(pack: Pack) -> None:
    items = generate_items(pack, seed=1)
    by_fact: dict[str, set[str]] = {}
    for item in items:
        by_fact.setdefault(item.id.split(".")[0], set()).add(item.type)
    for fact in pack.facts:
        kinds = by_fact[fact.id]
        expected = {
            "date": {"mcq", "true_false", "short"},
            "entity": {"mcq", "true_false", "short"},
            "number": {"mcq", "short"},
            "term": {"mcq"},
            "phrase": {"mcq"},
            "sequence": {"order"},
        }[fact.kind]
        assert expected <= kinds, (fact.id, kinds)
    assert any(i.type == "cloze" for i in items)
    assert any(
        i.id.endswith(".order") and i.fact and pack.fact(i.fact).kind == "date" for i in items
    )
    if sum(f.kind == "term" for f in pack.facts) >= 3:  # two make no matching
        assert any(i.type == "match" for i in items)


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_every_item_grades_its_own_answer_correct(pack: Pack, lang: str) -> None:
    for item in all_items(pack, seed=7):
        verdict = grade(item, correct_response(item, lang), lang=lang)
        assert verdict.correct, (item.id, verdict)


def test_every_accepted_alternative_is_correct(pack: Pack) -> None:
    for item in all_items(pack, seed=7):
        if isinstance(item, ShortItem):
            for text in [*item.answer.values(), *item.accept]:
                assert grade(item, text).correct, (item.id, text)


def test_no_distractor_would_be_graded_right(pack: Pack) -> None:
    items = {i.id: i for i in generate_items(pack, seed=3)}
    checked = 0
    for item in items.values():
        if not isinstance(item, McqItem):
            continue
        typed = items.get(item.id.removesuffix(".mcq") + ".short")
        for i, choice in enumerate(item.choices):
            if i == item.answer_index:
                continue
            assert grade(item, i).outcome == "wrong"
            if isinstance(typed, ShortItem):
                for text in choice.values():
                    assert grade(typed, text).outcome == "wrong", (item.id, text)
                    checked += 1
    assert checked > 20


def test_same_seed_same_items_other_seed_other_positions(pack: Pack) -> None:
    dump = list(generate_items(pack, seed=11))
    assert dump == list(generate_items(pack, seed=11))
    other = list(generate_items(pack, seed=12))
    assert [d.id for d in dump] == [d.id for d in other]
    assert dump != other


def test_ids_survive_edits_of_the_text(pack: Pack) -> None:
    before = [i.id for i in generate_items(pack, seed=1)]
    data = dump_pack_data(pack)
    for n, fact in enumerate(data["facts"]):
        fact["about"] = {"ar": f"نص جديد {n}", "en": f"new text {n}"}
        if fact.get("question"):
            fact["question"] = {"ar": "سؤال جديد؟", "en": "A new question?"}
    edited = validate_pack(data)
    assert [i.id for i in generate_items(edited, seed=1)] == before


def test_editing_one_fact_reshuffles_no_other(pack: Pack) -> None:
    data = dump_pack_data(pack)
    first = data["facts"][0]
    first["about"] = {"ar": "تعديل", "en": "edited"}
    edited = validate_pack(data)
    before = {i.id: i for i in generate_items(pack, seed=5)}
    after = {i.id: i for i in generate_items(edited, seed=5)}
    for item_id, item in before.items():
        if isinstance(item, McqItem) and not item_id.startswith(first["id"] + "."):
            assert after[item_id].choices == item.choices  # type: ignore[union-attr]


def test_date_distractors_keep_the_granularity_and_are_plausible(pack: Pack) -> None:
    published = max(s.published for s in pack.sources if s.published)
    assert published.year is not None
    for item in generate_items(pack, seed=2):
        fact = pack.fact(item.fact) if item.fact else None
        if not isinstance(item, McqItem) or not isinstance(fact, DateFact):
            continue
        value = fact.value
        seen = set()
        for choice in item.choices:
            parsed = parse_date(choice.get("en", "ar"))
            assert parsed is not None
            assert parsed.value.granularity == value.granularity, (item.id, choice)
            assert parsed.value not in seen
            seen.add(parsed.value)
            assert parsed.value.year is None or parsed.value.year <= published.year


def test_the_right_choice_is_anywhere() -> None:
    positions: Counter[int] = Counter()
    for seed in range(40):
        for pack in PACKS:
            for item in generate_items(pack, seed=seed):
                if isinstance(item, McqItem) and len(item.choices) == 4:
                    positions[item.answer_index] += 1
    total = sum(positions.values())
    assert set(positions) == {0, 1, 2, 3}
    assert all(count / total > 0.2 for count in positions.values()), positions


def test_hand_written_items_come_first_and_ids_are_unique(pack: Pack) -> None:
    items = all_items(pack, seed=1)
    assert [i.id for i in items[: len(pack.items)]] == [i.id for i in pack.items]
    assert len({i.id for i in items}) == len(items)


def test_generated_items_are_valid_pack_items(pack: Pack) -> None:
    data = dump_pack_data(pack)
    data["items"] = [dump_item_data(i) for i in all_items(pack, seed=4)]
    again = validate_pack(data)
    # Items built in code skip the file's checks of single fields (ids, lengths): they
    # must pass them, and read back as they were.
    assert list(again.items) == all_items(pack, seed=4)


def test_facts_with_the_same_label_do_not_break_generation(pack: Pack) -> None:
    data = dump_pack_data(pack)
    for fact in data["facts"]:
        fact["about"] = {"ar": "نص واحد", "en": "one text"}
    items = generate_items(validate_pack(data), seed=1)
    orderings = [i for i in items if isinstance(i, OrderItem)]
    for ordering in orderings:
        labels = {e.get("en", "ar") for e in ordering.sequence}
        assert len(labels) == len(ordering.sequence)


def test_a_date_that_runs_over_a_line_of_its_evidence_makes_no_cloze() -> None:
    # A blank holds no line break: such a passage is no cloze (it was a broken one).
    quote = "Kazakhstan declared its full independence on 16\nDecember 1991 in Almaty."
    pack = validate_pack(
        {
            "id": "lines",
            "title": "Lines",
            "language": "en",
            "facts": [
                {
                    "id": "indep",
                    "kind": "date",
                    "about": "Kazakhstan's independence",
                    "value": "1991-12-16",
                    "evidence": quote,
                }
            ],
        }
    )
    items = all_items(pack, seed=1)
    assert "indep.short" in {i.id for i in items}
    assert not [i for i in items if i.type == "cloze"]
    assert validate_pack({**dump_pack_data(pack), "items": [dump_item_data(i) for i in items]})
