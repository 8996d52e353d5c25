"""Dates as a fair teacher grades them: a value against a value, never a fuzzy string.

Exact dates (any month table) are correct. Less than the source gives (only the year, a
day and month without the year, a season, a two-digit year) is nearly; more than it gives is
nearly. A season with the year is right where the source gives only that year. A date
written month-first (12/25/1991) is read so only when no day-first reading exists. The month
alone for a month and year, and a year's last two digits, are nearly.
"""

from __future__ import annotations

import functools

from kzlearn.language.dates import PartialDate, date_parts, date_tokens, parse_date
from kzlearn.language.text import fold
from kzlearn.questions.compare import WRONG, Match

__all__ = ["date_match"]

_SEASONS = {  # months of each season, northern hemisphere
    "ربيع الربيع spring printemps": (3, 4, 5),
    "صيف الصيف summer été": (6, 7, 8),
    "خريف الخريف autumn fall automne": (9, 10, 11),
    "شتاء الشتاء winter hiver": (12, 1, 2),
}


@functools.cache
def _season_words() -> dict[str, tuple[int, ...]]:
    return {fold(w, through="lenient"): ms for ws, ms in _SEASONS.items() for w in ws.split()}


def _season(given: str) -> tuple[tuple[int, ...], int] | None:
    """The months of a season and its year, for "صيف 1990", "summer of 1990"."""
    table = _season_words()
    tokens = date_tokens(given)
    seasons = [table[t] for t in tokens if t in table]
    if len(seasons) != 1:
        return None
    parsed = parse_date(" ".join(t for t in tokens if t not in table))
    if parsed is None or parsed.value.granularity != "year":
        return None
    return seasons[0], parsed.value.year or 0


def _month_first(given: str) -> PartialDate | None:
    """12/25/1991: the only reading of three numbers whose second is over 12."""
    parts = date_parts(given)
    if parts is None or parts[0] or parts[1] or len(parts[2]) != 3:
        return None
    (m, mt), (d, dt), (y, yt) = parts[2]
    if len(mt) > 2 or len(dt) > 2 or len(yt) != 4 or not m <= 12 < d:
        return None
    try:
        return PartialDate(y, m, d)
    except ValueError:
        return None


def _two_digit_year(given: str) -> tuple[int, int, int | None] | None:
    """(month, year's last two digits, day or None) for "أبريل 21", "30/4/21"."""
    parts = date_parts(given)
    if parts is None:
        return None
    months, days, nums = parts
    if any(len(t) > 2 for _, t in nums):
        return None
    if len(months) == 1 and len(nums) == 1 and not days:
        return months[0][0], nums[0][0], None
    if len(months) == 1 and len(nums) + len(days) == 2 and nums:
        day = days[0] if days else nums[0][0]
        return months[0][0], nums[-1][0], day
    if not months and not days and len(nums) == 3:
        return nums[1][0], nums[2][0], nums[0][0]
    return None


def _other_readings(expected: PartialDate, given: str) -> Match:
    if expected.year is None:
        return WRONG
    season = _season(given)
    if season is not None:
        months, year = season
        if year != expected.year:
            return WRONG
        if expected.month is None:
            return Match("correct", "a season of that year")
        return Match("nearly", "the season, not the month") if expected.month in months else WRONG
    us = _month_first(given)
    if us is not None:
        return _exact(expected, us, "read month first")
    short = _two_digit_year(given)
    if short is not None and expected.month is not None:
        month, yy, day = short
        if (month, yy, day) == (expected.month, expected.year % 100, expected.day):
            return Match("nearly", "two-digit year")
    return _less_or_around(expected, given)


def _less_or_around(expected: PartialDate, given: str) -> Match:
    """The month alone for a month and year; "94" for 1994.

    Not a range of years ("1990-1992"): from an answer alone, a range the source gives
    cannot be told from a hedge.
    """
    parts = date_parts(given)
    if parts is None:
        return WRONG
    months, days, nums = parts
    if expected.granularity == "month" and not days and not nums and len(months) == 1:
        return Match("nearly", "the year is missing") if months[0][0] == expected.month else WRONG
    if expected.granularity != "year" or months or days:
        return WRONG
    if len(nums) == 1 and len(nums[0][1]) == 2 and nums[0][0] == (expected.year or 0) % 100:
        return Match("nearly", "two-digit year")
    return WRONG


def _exact(expected: PartialDate, got: PartialDate, style: str | None) -> Match:
    if got == expected:
        return Match("correct", style)
    if expected.year is None and (got.month, got.day) == (expected.month, expected.day):
        return Match("correct", style)
    if got.year is None:  # a day and month: right for a full date, less than it
        if expected.granularity == "day" and (got.month, got.day) == (
            expected.month,
            expected.day,
        ):
            return Match("nearly", "the year is missing")
        return WRONG
    if got.year != expected.year:
        return WRONG
    if got.granularity == "year" and expected.granularity in ("month", "day"):
        return Match("nearly", "only the year")
    if got.month != expected.month:
        if expected.month is None:
            return Match("nearly", "the source gives only the year")
        return WRONG
    if got.granularity == "month" and expected.granularity == "day":
        return Match("nearly", "the day is missing")
    if expected.granularity == "month" and got.granularity == "day":
        return Match("nearly", "the source gives only the month")
    return WRONG


def date_match(expected: PartialDate, given: str) -> Match:
    """Grade ``given`` as a date against ``expected``."""
    parsed = parse_date(given)
    if parsed is None:
        return _other_readings(expected, given)
    regional = parsed.month_style not in (None, "English", "French")
    result = _exact(
        expected, parsed.value, f"{parsed.month_style} month name" if regional else None
    )
    if result.outcome != "correct":
        result = result.better(_other_readings(expected, given))
    return result
