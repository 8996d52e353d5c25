"""Weights, tolerances and wildcards as Moodle means them: select-all items, partial
answers, numbers within a tolerance, short answers with ``*``."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from kzlearn.localized import Localized
from kzlearn.models import McqItem, MultiItem, ShortItem
from kzlearn.models.validation import dump_item_data
from kzlearn.questions.grading import correct_response, grade
from tests.items import item_of


def _multi(**extra: object) -> MultiItem:
    data: dict[str, object] = {"id": "m", "type": "multi", "prompt": "Which are primes?"}
    data |= {"choices": ["2", "3", "4", "9"], "answers": ["2", "3"]}
    return item_of(MultiItem, data | extra)


def test_select_all_credit_is_the_sum_of_chosen_weights() -> None:
    item = _multi()
    assert grade(item, correct_response(item)).outcome == "correct"
    half = grade(item, [0])
    assert (half.outcome, half.score) == ("nearly", 0.5)
    assert half.reason == "1 of 2 right choices"
    # By default a wrong choice takes back what a right one gives.
    assert grade(item, [0, 2]).outcome == "wrong"
    assert grade(item, [0, 1, 2]).score == 0.5
    assert grade(item, []).outcome == "wrong"
    assert grade(item, "3, 2").outcome == "correct"  # typed texts, any order


def test_select_all_written_weights_are_used() -> None:
    item = _multi(weights=[50, 50, 0, -100])
    assert grade(item, [0, 1, 2]).outcome == "correct"  # a choice of weight 0 costs nothing
    assert grade(item, [0, 1, 3]).outcome == "wrong"  # clamped at 0


@pytest.mark.parametrize(
    ("weights", "problem"),
    [
        ([50, 50, 0], "one per choice"),
        ([60, 50, 0, 0], "add up to 100"),
        ([50, 0, 50, 0], "only they"),
        ([50, 50, 0, -150], "greater than or equal to -100"),
    ],
)
def test_select_all_bad_weights_are_refused(weights: list[float], problem: str) -> None:
    with pytest.raises(ValidationError, match=problem):
        _multi(weights=weights)


def test_select_all_answers_must_be_choices() -> None:
    with pytest.raises(ValidationError, match="not one of the choices"):
        _multi(answers=["2", "5"])


def test_an_item_built_in_code_is_checked_as_one_read_from_a_file() -> None:
    two, three, five = Localized("2"), Localized("3"), Localized("5")
    fields: dict[str, Any] = {"id": "m", "type": "multi", "prompt": Localized("Primes?")}
    assert MultiItem(**fields, choices=(two, three), answers=(two,)).answer_indexes == (0,)
    with pytest.raises(ValueError, match="answer 2 is not one of the choices"):
        MultiItem(**fields, choices=(two, three), answers=(two, five))


def test_mcq_partial_choice_is_nearly_with_its_share() -> None:
    item = item_of(
        McqItem,
        {
            "id": "home",
            "type": "mcq",
            "prompt": "Jesus Christ was from",
            "choices": ["Nazareth", "Jerusalem", "Bethlehem", "Galilee"],
            "answer": "Nazareth",
            "partial": [
                {"answer": "Bethlehem", "weight": 25},
                {"answer": "Galilee", "weight": 50},
            ],
        },
    )
    assert grade(item, 0).outcome == "correct"
    assert (grade(item, 2).outcome, grade(item, 2).score) == ("nearly", 0.25)
    assert grade(item, 3).score == 0.5
    assert grade(item, 1).outcome == "wrong"


def test_mcq_partial_must_be_another_choice() -> None:
    with pytest.raises(ValidationError, match="not one of the other choices"):
        item_of(
            McqItem,
            {
                "id": "x",
                "type": "mcq",
                "prompt": "p",
                "choices": ["a", "b"],
                "answer": "a",
                "partial": [{"answer": "a", "weight": 50}],
            },
        )


def _number(answer: str, **extra: object) -> ShortItem:
    data: dict[str, object] = {"id": "n", "type": "short", "prompt": "pi?", "answer": answer}
    data["grade_as"] = "number"
    return item_of(ShortItem, data | extra)


@pytest.mark.parametrize(
    ("typed", "outcome"),
    [
        *[("3.142", "correct"), ("3.141", "correct"), ("3,1416", "correct")],
        *[("3.1415", "correct"), ("3.143", "wrong"), ("3142", "wrong"), ("3.14", "wrong")],
    ],
)
def test_number_within_its_tolerance(typed: str, outcome: str) -> None:
    # Moodle's {#3.1415:0.0005}: "." is the decimal point, 3.141 is no 3141.
    assert grade(_number("3.1415", tolerance=0.0005), typed).outcome == outcome


def test_number_answer_with_three_decimals_is_a_decimal() -> None:
    item = _number("1.250")
    assert grade(item, "1.25").outcome == "correct"
    assert grade(item, "1250").outcome == "wrong"


def test_number_partial_answers_with_their_own_tolerance() -> None:
    item = _number(
        "3.1415", tolerance=0.0005, partial=[{"answer": "3.14", "weight": 50, "tolerance": 0.01}]
    )
    verdict = grade(item, "3.135")
    assert (verdict.outcome, verdict.score, verdict.reason) == ("nearly", 0.5, "partly right")
    assert grade(item, "3.2").outcome == "wrong"


def test_tolerance_needs_a_number_item() -> None:
    with pytest.raises(ValidationError, match="grade_as: number"):
        item_of(
            ShortItem, {"id": "t", "type": "short", "prompt": "p", "answer": "x", "tolerance": 1}
        )


def test_short_partial_answer_is_nearly() -> None:
    item = item_of(
        ShortItem,
        {
            "id": "s",
            "type": "short",
            "prompt": "Who's buried in Grant's tomb?",
            "answer": "no one",
            "accept": ["nobody"],
            "partial": [{"answer": "Grant", "weight": 50}],
        },
    )
    assert grade(item, "Nobody").outcome == "correct"
    assert (grade(item, "grant").outcome, grade(item, "grant").score) == ("nearly", 0.5)
    assert grade(item, "Lincoln").outcome == "wrong"


@pytest.mark.parametrize(
    ("pattern", "typed", "right"),
    [
        ("*Mozart*", "Wolfgang Amadeus MOZART", True),
        ("Mozart *", "Mozart W. A.", True),
        ("Mozart *", "Mozartx", False),
        ("colo*r", "colour", True),
        ("colo*r", "colours", False),
        ("5 \\* 3", "5 * 3", True),
        ("5 \\* 3", "5 x 3", False),
    ],
)
def test_short_answer_wildcards_as_moodle(pattern: str, typed: str, right: bool) -> None:
    item = item_of(
        ShortItem, {"id": "w", "type": "short", "prompt": "p", "answer": "x", "accept": [pattern]}
    )
    assert (grade(item, typed).outcome == "correct") is right


def test_select_all_weights_add_up_as_moodle_rounds_them() -> None:
    item = item_of(
        MultiItem,
        {
            "id": "t",
            "type": "multi",
            "prompt": "p",
            "choices": ["a", "b", "c", "d"],
            "answers": ["a", "b", "c"],
            "weights": [33.33333, 33.33333, 33.33333, -100],
        },
    )
    assert grade(item, [0, 1, 2]).outcome == "correct"
    with pytest.raises(ValidationError, match="add up to 100"):
        item_of(MultiItem, dump_item_data(item) | {"weights": [33, 33, 33, -100]})


def test_a_pattern_of_many_stars_is_answered_at_once() -> None:
    # As a regular expression (.*a.*a...) this backtracks for longer than anyone waits.
    item = item_of(
        ShortItem,
        {"id": "w", "type": "short", "prompt": "p", "answer": "x", "accept": ["*a" * 40 + "*b"]},
    )
    assert grade(item, "a" * 1999).outcome == "wrong"
    assert grade(item, "a" * 40 + "b").outcome == "correct"
