"""The class report's statistics on plain rows: Moodle's facility and discrimination
indexes (checked against formulas written differently here), the flags, and how stored
answers are counted against an item's choices."""

from __future__ import annotations

import json

import pytest

from kzlearn.models import McqItem, OrderItem, ShortItem, TrueFalseItem
from kzlearn.report import Attempt, CardState, build_report
from kzlearn.report.choices import MAX_RESPONSES, tally
from kzlearn.report.stats import discrimination_index, facility_index, item_flags, pearson
from tests.classroom import textbook_r
from tests.items import item_of

SCORES = {  # student -> item -> first-answer score; every student answered every item
    "a": {"q1": 1.0, "q2": 1.0, "q3": 0.0, "q4": 1.0},
    "b": {"q1": 1.0, "q2": 0.5, "q3": 0.0, "q4": 1.0},
    "c": {"q1": 0.0, "q2": 0.0, "q3": 1.0, "q4": 1.0},
    "d": {"q1": 1.0, "q2": 0.0, "q3": 1.0, "q4": 1.0},
    "e": {"q1": 0.0, "q2": 0.0, "q3": 1.0, "q4": 1.0},
}


@pytest.mark.parametrize("item", ["q1", "q2", "q3"])
def test_discrimination_is_moodles_with_every_item_answered(item: str) -> None:
    # Moodle: the item's mark against the attempt's other marks summed.
    own = [SCORES[s][item] for s in SCORES]
    rest = [sum(v for k, v in SCORES[s].items() if k != item) for s in SCORES]
    found = discrimination_index(item, SCORES.values())
    assert found == pytest.approx(textbook_r(own, rest))


def test_a_misleading_item_discriminates_negatively() -> None:
    found = discrimination_index("q3", SCORES.values())
    assert found is not None
    assert found < 0
    assert "negative-discrimination" in item_flags(0.6, found, None, [])


def test_with_items_left_unanswered_the_rest_is_a_mean() -> None:
    partial = {
        "a": {"q1": 1.0, "q2": 1.0},
        "b": {"q1": 1.0, "q2": 1.0, "q3": 1.0, "q4": 0.0},
        "c": {"q1": 0.0, "q2": 0.0, "q3": 0.0},
        "d": {"q1": 0.0, "q4": 1.0},
        "e": {"q1": 1.0},  # answered nothing else: no rest to compare with
    }
    paired = [s for s in partial.values() if len(s) > 1]
    own = [s["q1"] for s in paired]
    rest = [(sum(s.values()) - s["q1"]) / (len(s) - 1) for s in paired]
    assert discrimination_index("q1", partial.values()) == pytest.approx(textbook_r(own, rest))


def test_no_index_without_variation_or_pairs() -> None:
    assert discrimination_index("q4", SCORES.values()) is None  # everyone right
    assert pearson([1.0], [0.5]) is None
    assert pearson([], []) is None
    assert facility_index([]) is None


def test_facility_is_the_mean_score() -> None:
    scores = [SCORES[s]["q2"] for s in SCORES]
    assert facility_index(scores) == pytest.approx(1.5 / 5)


@pytest.mark.parametrize(
    ("facility", "discrimination", "answer", "distractors", "flags"),
    [
        (0.5, 0.3, 5, [2, 3], []),
        (0.5, -0.01, 5, [2, 3], ["negative-discrimination"]),
        (0.3, 0.3, 3, [4, 1], ["distractor-above-answer"]),
        (0.3, 0.3, 3, [3, 1], []),  # as often as the answer: not above it
        (0.19, None, 1, [], ["hard"]),
        (0.2, None, 1, [], []),
        (0.96, None, 10, [], ["easy"]),
        (0.95, None, 10, [], []),
        (None, None, None, [9], []),
    ],
)
def test_flags(
    facility: float | None,
    discrimination: float | None,
    answer: int | None,
    distractors: list[int],
    flags: list[str],
) -> None:
    assert item_flags(facility, discrimination, answer, distractors) == flags


MCQ = item_of(
    McqItem,
    {
        "id": "capital",
        "type": "mcq",
        "prompt": {"ar": "ما عاصمة كازاخستان؟", "en": "Capital?"},
        "choices": [{"ar": "أستانا", "en": "Astana"}, {"ar": "ألماتي", "en": "Almaty"}, "شيمكنت"],
        "answer": {"ar": "أستانا", "en": "Astana"},
    },
)


def stored(response: object) -> str:
    return json.dumps(response, ensure_ascii=False)  # as Reviewer.record keeps it


def test_multiple_choice_answers_are_counted_per_choice() -> None:
    answers = [
        (stored(0), "correct"),
        (stored(1), "wrong"),
        (stored(1), "wrong"),
        (stored("Almaty"), "wrong"),  # typed instead of chosen
        (stored(""), "wrong"),  # skipped
        (stored(7), "wrong"),  # a choice the item no longer has
        (None, "wrong"),
    ]
    counts = tally(MCQ, answers, lang="en", pack_lang="ar")
    assert [(c.label, c.count, c.kind) for c in counts] == [
        ("Astana", 1, "answer"),
        ("Almaty", 3, "distractor"),
        ("شيمكنت", 0, "distractor"),
        ("(other) 7", 1, "other"),
        ("(no answer)", 2, "skipped"),
    ]


def test_true_false_answers_typed_or_chosen() -> None:
    item = item_of(
        TrueFalseItem,
        {
            "id": "tf",
            "type": "true_false",
            "prompt": "Kazakhstan has no sea coast.",
            "answer": False,
        },
    )
    answers = [(stored(True), "wrong"), (stored(False), "correct"), (stored("false"), "correct")]
    counts = tally(item, answers, lang=None, pack_lang="en")
    assert [(c.label, c.count, c.kind) for c in counts] == [
        ("true", 1, "distractor"),
        ("false", 2, "answer"),
    ]


def test_typed_answers_are_grouped_and_the_rare_ones_counted_together() -> None:
    item = item_of(
        ShortItem,
        {"id": "s", "type": "short", "prompt": "First president?", "answer": "Nazarbayev"},
    )
    wrong = [f"guess {n}" for n in range(MAX_RESPONSES + 2)]
    answers = [(stored("Tokayev"), "wrong"), (stored(" tokayev "), "wrong")]
    answers += [(stored("Nazarbayev"), "correct")] + [(stored(w), "wrong") for w in wrong]
    counts = tally(item, answers, lang=None, pack_lang="en")
    assert (counts[0].label, counts[0].count, counts[0].kind) == ("Tokayev", 2, "distractor")
    assert sum(c.count for c in counts) == len(answers)
    assert counts[-1].kind == "other"
    assert counts[-1].label == f"({len(wrong) + 2 - MAX_RESPONSES} other answers)"


def test_an_ordering_reads_as_its_entries() -> None:
    item = item_of(
        OrderItem,
        {"id": "o", "type": "order", "prompt": "Order", "sequence": ["one", "two", "three"]},
    )
    counts = tally(item, [(stored([1, 0, 2]), "nearly")], lang=None, pack_lang="en")
    assert [(c.label, c.kind) for c in counts] == [("two → one → three", "nearly")]


def test_first_answers_make_the_item_statistics_and_all_answers_the_time() -> None:
    def answer(student: str, key: str, outcome: str, at: float) -> Attempt:
        return Attempt(
            student, "5B", key, key.split("/", maxsplit=1)[0], outcome, stored(""), 10.0, at
        )

    attempts = [
        answer("a", "p/x", "wrong", 1),
        answer("a", "p/x", "correct", 2),  # a second try: not in the statistics
        answer("a", "p/y", "correct", 3),
        answer("b", "p/x", "correct", 1),
        answer("b", "q/x", "correct", 1),  # another pack
    ]
    cards = [
        CardState("a", "5B", "p/x", "p", 50.0, 2, 30.0, True),  # mastered, due
        CardState("a", "5B", "p/y", "p", 500.0, 2, 30.0, False),  # left the pack
        CardState("b", "5B", "p/x", "p", 500.0, 2, 20.9, True),  # not quite
    ]
    report = build_report(attempts, cards, {}, ["p"], now=100.0)
    a, b = report.students
    found = (a.answered, a.answers, a.score, a.seconds, a.mastered, a.due)
    assert found == (2, 3, 0.5, 30.0, 1, 1)
    assert (b.answered, b.answers, b.mastered, b.due) == (1, 1, 0, 0)
    x = next(i for i in report.items if i.key == "p/x")
    assert (x.students, x.answers, x.facility, x.in_pack) == (2, 3, 0.5, False)
