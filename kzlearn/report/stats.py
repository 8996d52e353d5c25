"""The statistics of a class report, as pure functions over plain numbers.

They follow Moodle's quiz statistics (question/classes/statistics/questions/calculator.php):
the facility index is an item's mean score, and the discrimination index is the Pearson
correlation, over students, between the item's score and the score of the rest of the
test. Moodle prints both times 100; here they are fractions, -1 to 1 for the
discrimination. Each student's first answer to an item is the one that counts: later ones
come after the feedback and after reviews, and measure memory more than the item.

One departure, because kzlearn students do not all answer the same items (quizzes of a
chosen length, reviews as they come due): the rest of the test is a student's *mean*
score over the other items they answered, where Moodle, whose attempts all hold the same
questions, takes the sum. When every student answered every item the two give the same
correlation (the sum is the mean times a constant); when they did not, the sum would
measure how much a student did rather than how well.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

__all__ = [
    "EASY_ABOVE",
    "HARD_BELOW",
    "POINTS",
    "discrimination_index",
    "discrimination_indexes",
    "facility_index",
    "item_flags",
    "pearson",
    "points",
]

# What an answer scores: the quiz's rule (kzlearn.quiz.session), nearly counts half.
POINTS: Mapping[str, float] = {"correct": 1.0, "nearly": 0.5, "wrong": 0.0}
HARD_BELOW = 0.2
EASY_ABOVE = 0.95


def points(outcome: str) -> float:
    """The score of one answer: correct 1, nearly 0.5, anything else 0."""
    return POINTS.get(outcome, 0.0)


def facility_index(scores: Sequence[float]) -> float | None:
    """The mean score (0 to 1); None for no scores."""
    return sum(scores) / len(scores) if scores else None


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """The correlation of two paired samples, as Moodle computes it: the sample
    covariance over the product of the sample standard deviations.

    None for fewer than two pairs, or where either sample does not vary (Moodle leaves
    the index empty then).
    """
    n = len(xs)
    if n != len(ys):
        raise ValueError("the samples are not paired")
    if n < 2:
        return None
    mean_x, mean_y = sum(xs) / n, sum(ys) / n
    cov = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / (n - 1)
    var_x = sum((x - mean_x) ** 2 for x in xs) / (n - 1)
    var_y = sum((y - mean_y) ** 2 for y in ys) / (n - 1)
    if var_x * var_y <= 0:
        return None
    r = cov / math.sqrt(var_x * var_y)
    return max(-1.0, min(1.0, r))  # rounding can leave it a hair outside


def discrimination_index(key: str, scores: Iterable[Mapping[str, float]]) -> float | None:
    """How well item ``key`` tells the students who do well from those who do not.

    ``scores`` holds, for each student, their first-answer score per item. The students who
    answered ``key`` and at least one other item are paired: the score on ``key`` against
    the mean score on their other items.
    """
    return discrimination_indexes(scores, [key])[key]


def discrimination_indexes(
    scores: Iterable[Mapping[str, float]], keys: Iterable[str]
) -> dict[str, float | None]:
    """:func:`discrimination_index` of each of ``keys``, each student's total summed once."""
    pairs: dict[str, tuple[list[float], list[float]]] = {key: ([], []) for key in keys}
    for by_item in scores:
        if len(by_item) < 2:
            continue
        total, others = sum(by_item.values()), len(by_item) - 1
        for key, score in by_item.items():
            if key in pairs:
                pairs[key][0].append(score)
                pairs[key][1].append((total - score) / others)
    return {key: pearson(own, rest) for key, (own, rest) in pairs.items()}


def item_flags(
    facility: float | None,
    discrimination: float | None,
    answer_count: int | None,
    distractor_counts: Sequence[int],
) -> list[str]:
    """What makes an item look wrong, as short codes.

    ``negative-discrimination``: the students who do well elsewhere do worse on it (the
    key may be wrong, or the wording misleads the careful); ``distractor-above-answer``: a
    wrong choice (or one wrong typed answer) was given more often than the right one;
    ``hard``: facility under 0.2; ``easy``: facility over 0.95. ``answer_count`` is None
    where the item has no choices to compare.
    """
    flags: list[str] = []
    if discrimination is not None and discrimination < 0:
        flags.append("negative-discrimination")
    if answer_count is not None and any(c > answer_count for c in distractor_counts):
        flags.append("distractor-above-answer")
    if facility is not None and facility < HARD_BELOW:
        flags.append("hard")
    if facility is not None and facility > EASY_ABOVE:
        flags.append("easy")
    return flags
