"""Where generated distractors come from: pack values of the same kind, and near values.

Sampling is O(k) however large a pool, so generation stays linear in the number of facts.
"""

from __future__ import annotations

import calendar
import random
from collections.abc import Iterator, Sequence
from typing import Any, TypeVar

from kzlearn.language.dates import PartialDate

__all__ = ["group_in_sets", "interval", "near_numbers", "neighbours", "sample"]

_T = TypeVar("_T")

GROUP = 4  # entries in a generated ordering or matching set


def sample(pool: Sequence[_T], exclude: object, rng: random.Random, k: int = 8) -> list[_T]:
    """Up to ``k`` random entries of ``pool`` other than ``exclude``, in random order.

    O(k) however large the pool, so generation stays linear in the number of facts.
    """
    if len(pool) <= k + 1:
        picked = [x for x in pool if x is not exclude]
        rng.shuffle(picked)
        return picked
    return [pool[i] for i in rng.sample(range(len(pool)), k + 1) if pool[i] is not exclude][:k]


def group_in_sets(entries: list[Any]) -> list[list[Any]]:
    """``entries`` in sets of about GROUP for orderings and matchings; none under three (two
    entries to order or match are one either/or guess)."""
    if len(entries) < 3:
        return []
    groups = [entries[i : i + GROUP] for i in range(0, len(entries), GROUP)]
    if len(groups) > 1 and len(groups[-1]) < 3:
        tail = groups.pop()
        groups[-1] = groups[-1] + tail if len(groups[-1]) + len(tail) <= GROUP + 2 else groups[-1]
    return groups


def interval(value: PartialDate) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    year = value.year or 0
    if value.month is None:
        return (year, 1, 1), (year, 12, 31)
    if value.day is None:
        return (year, value.month, 1), (
            year,
            value.month,
            calendar.monthrange(year or 2000, value.month)[1],
        )
    return (year, value.month, value.day), (year, value.month, value.day)


def neighbours(value: PartialDate) -> Iterator[PartialDate]:
    y, m, d = value.year, value.month, value.day
    steps = (1, -1, 2, -2, 3, -3, 5)
    candidates: list[tuple[int | None, int | None, int | None]] = []
    if m is None and y is not None:
        candidates += [(y + s, None, None) for s in steps]
    elif d is None and y is not None and m is not None:
        candidates += [(y, m + s, None) for s in (1, -1, 2, -2)] + [
            (y + s, m, None) for s in (1, -1)
        ]
    elif m is not None and d is not None:
        candidates += [(y, m, d + s) for s in (1, -1, 2, -2, 10, -10)]
        candidates += [(y, m + s, d) for s in (1, -1)]
        if y is not None:
            candidates += [(y + s, m, d) for s in (1, -1)]
    for cy, cm, cd in candidates:
        try:
            yield PartialDate(cy, cm, cd)
        except ValueError:
            continue


def near_numbers(value: float) -> list[float]:
    if float(value).is_integer() and abs(value) <= 12:
        steps: tuple[float, ...] = (1, -1, 2, -2, 3)
    else:
        steps = (5, -5, 10, -10, 1, -1, 20)
    return [value + s for s in steps if value + s > 0 or value <= 0]
