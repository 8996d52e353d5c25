"""Partial dates: values, ISO form, display, and parsing what people write.

A fact may know a year, a year and month, a full date, or a day and month without a year.
Parsing accepts ISO, d/m/y, Arabic with the month names of every region (../shared/DESIGN.md)
and ordinal day words, English and French. dateparser was measured to miss Morocco's month
names, so the tables live here.
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from kzlearn.language.text import fold

__all__ = [
    "ARABIC_MONTHS",
    "DateParts",
    "Granularity",
    "ParsedDate",
    "PartialDate",
    "date_parts",
    "parse_date",
    "phrase_table",
]

Granularity = Literal["year", "month", "day", "month-day"]


def _months(row: str) -> tuple[str, ...]:
    return tuple(row.split(","))


# One row a region; column = month - 1. Several spellings of a month are separated by "|";
# the first is the one displayed, the others are common misspellings (دسمبر, فبرير).
ARABIC_MONTHS: dict[str, tuple[str, ...]] = {
    "standard": _months(
        "يناير,فبراير|فبرير|فبرائر,مارس,أبريل,مايو,يونيو|يونيه,يوليو|يوليه,أغسطس|أغسطوس,"
        "سبتمبر|سيبتمبر,أكتوبر|أوكتوبر,نوفمبر|نوفامبر,ديسمبر|دسمبر|ديسامبر"
    ),
    "Moroccan": _months("يناير,فبراير,مارس,أبريل,ماي,يونيو,يوليوز,غشت,شتنبر,أكتوبر,نونبر,دجنبر"),
    "Algerian and Tunisian": _months(
        "جانفي,فيفري,مارس,أفريل,ماي,جوان,جويلية,أوت,سبتمبر,أكتوبر,نوفمبر,ديسمبر"
    ),
    "Mauritanian": _months(
        "يناير,فبراير,مارس,إبريل,مايو,يونيو,يوليو,أغشت,شتمبر,أكتوبر,نوفمبر,دجمبر"
    ),
    "Levantine and Iraqi": _months(
        "كانون الثاني,شباط,آذار,نيسان,أيار,حزيران,تموز,آب,أيلول,"
        "تشرين الأول,تشرين الثاني,كانون الأول"
    ),
}
_ENGLISH = _months(
    "january,february,march,april,may,june,july,august,september,october,november,december"
)
_FRENCH = _months(
    "janvier,février,mars,avril,mai,juin,juillet,août,septembre,octobre,novembre,décembre"
)
_ORDINAL_UNITS = (
    "الحادي",
    "الثاني",
    "الثالث",
    "الرابع",
    "الخامس",
    "السادس",
    "السابع",
    "الثامن",
    "التاسع",
)
_FILLER_WORDS = (
    "في من منذ ابتداء ابتداءا عام سنة السنة يوم بتاريخ تاريخ شهر خلال حوالي م ميلادي ميلادية "
    "الاحد الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت "
    "the of on in year day st nd rd th monday tuesday wednesday thursday friday saturday "
    "sunday since from le la en de du an année er depuis "
    "lundi mardi mercredi jeudi vendredi samedi dimanche"
)
_HIJRI_MARKS = ("هـ", "ه", "ah")


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    """A date known to a year, a month, a day, or a day of a month in no given year."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        y, m, d = self.year, self.month, self.day
        if y is None and (m is None or d is None):
            raise ValueError("a date without a year needs a month and a day (--MM-DD)")
        if d is not None and m is None:
            raise ValueError("a day needs a month")
        # A year below 100 cannot be told from a day or a month in a typed answer, and
        # datetime formats it ambiguously: refused rather than asked about.
        if y is not None and not MIN_YEAR <= y <= 9999:
            raise ValueError(f"year {y} is out of range {MIN_YEAR}-9999")
        if m is not None and not 1 <= m <= 12:
            raise ValueError(f"month {m} is out of range 1-12")
        if m is not None and d is not None:
            last = calendar.monthrange(y if y is not None else 2000, m)[1]
            if not 1 <= d <= last:
                raise ValueError(
                    f"day {d} does not exist in {_ENGLISH[m - 1].title()}"
                    + (f" {y}" if y is not None else "")
                )

    @property
    def granularity(self) -> Granularity:
        """Which parts the date has."""
        if self.year is None:
            return "month-day"
        if self.month is None:
            return "year"
        return "month" if self.day is None else "day"

    def iso(self) -> str:
        """ISO 8601 partial form: ``1994``, ``1992-05``, ``1991-12-16`` or ``--12-09``."""
        if self.year is None:
            return f"--{self.month:02d}-{self.day:02d}"
        parts = [f"{self.year:04d}"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
        if self.day is not None:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def __str__(self) -> str:
        return self.iso()

    @classmethod
    def from_iso(cls, text: str) -> PartialDate:
        """Parse the ISO partial form that :meth:`iso` writes.

        Raises:
            ValueError: the text is not an ISO partial date, or the date does not exist.
        """
        match = _ISO.fullmatch(text.strip())
        if match is None:
            raise ValueError(f"{text!r} is not a date: write YYYY, YYYY-MM, YYYY-MM-DD or --MM-DD")
        y, m, d, md_m, md_d = match.groups()
        if md_m is not None:
            return cls(None, int(md_m), int(md_d))
        return cls(int(y), int(m) if m else None, int(d) if d else None)

    def display(self, lang: str = "en") -> str:
        """The date as a reader of ``lang`` writes it (Arabic: the standard month names)."""
        if self.month is None:
            return str(self.year)
        if lang == "ar":
            month = ARABIC_MONTHS["standard"][self.month - 1].split("|")[0]
        elif lang == "fr":
            month = _FRENCH[self.month - 1]
        else:
            month = _ENGLISH[self.month - 1].title()
        parts: list[str] = []
        if self.day is not None:
            parts.append("1er" if lang == "fr" and self.day == 1 else str(self.day))
        parts.append(month)
        if self.year is not None:
            parts.append(str(self.year))
        return " ".join(parts)


MIN_YEAR = 100

# [0-9], never \d: other scripts' digits ("፩") pass str.isdigit but int() refuses them.
_ISO = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?|--([0-9]{2})-([0-9]{2})")


@dataclass(frozen=True, slots=True)
class ParsedDate:
    """A date read from free text, and the regional month table its month came from."""

    value: PartialDate
    month_style: str | None  # "Moroccan", "English", ...; None for the standard names


Phrase = tuple[str, int, str | None]  # kind ("month" or "day"), value, style


def _ordinal_days() -> dict[str, int]:
    units = ("الأول", *_ORDINAL_UNITS[1:])
    days = {u: i + 1 for i, u in enumerate(units)} | {"العاشر": 10, "فاتح": 1, "الفاتح": 1}
    for i, unit in enumerate(_ORDINAL_UNITS):
        days[f"{unit} عشر"] = 11 + i
        days[f"{unit} والعشرين"] = 21 + i
    days |= {"العشرين": 20, "العشرون": 20, "الثلاثين": 30, "الثلاثون": 30}
    days["الحادي والثلاثين"] = 31
    return days


def _build_phrases() -> dict[tuple[str, ...], Phrase]:
    phrases: dict[tuple[str, ...], Phrase] = {}

    def add(text: str, kind: str, value: int, style: str | None) -> None:
        key = tuple(fold(text).replace("و ", "و").split())
        phrases.setdefault(key, (kind, value, style))

    for style, row in ARABIC_MONTHS.items():
        for month, names in enumerate(row, start=1):
            for name in names.split("|"):
                add(name, "month", month, None if style == "standard" else style)
    for month, name in enumerate(_ENGLISH, start=1):
        add(name, "month", month, "English")
        add(name[:3], "month", month, "English")
    add("sept", "month", 9, "English")
    for month, name in enumerate(_FRENCH, start=1):
        add(name, "month", month, "French")
    for name, day in _ordinal_days().items():
        add(name, "day", day, None)
    add("premier", "day", 1, None)
    return phrases


@functools.cache
def _tables() -> tuple[dict[tuple[str, ...], Phrase], int, frozenset[str], frozenset[str]]:
    """Phrases, the longest phrase's length, fillers and Hijri marks; built on first use."""
    phrases = _build_phrases()
    fillers = frozenset(fold(w) for w in _FILLER_WORDS.split())
    hijri = frozenset(fold(w) for w in _HIJRI_MARKS)
    return phrases, max(len(k) for k in phrases), fillers, hijri


def phrase_table() -> dict[tuple[str, ...], Phrase]:
    """Folded month names and ordinal day words, as token tuples (for extraction too)."""
    return _tables()[0]


_GLUE = re.compile(r"(?<=[0-9])(?=[^0-9])|(?<=[^0-9])(?=[0-9])")


def date_tokens(text: str) -> list[str]:
    """Fold ``text`` and split it into words, with digits unglued from letters."""
    folded = fold(text, through="lenient")
    # "و العشرين" and "والعشرين" are the same word; glue the conjunction back.
    folded = re.sub(r"(^| )و ", r"\1و", folded)
    return _GLUE.sub(" ", folded).split()


def _lex(tokens: list[str]) -> Iterator[tuple[str, int, str | None, str]]:
    phrases, longest, fillers, hijri = _tables()
    i = 0
    while i < len(tokens):
        for size in range(min(longest, len(tokens) - i), 0, -1):
            phrase = phrases.get(tuple(tokens[i : i + size]))
            if phrase is not None:
                yield (*phrase, " ".join(tokens[i : i + size]))
                i += size
                break
        else:
            token = tokens[i]
            if token.isascii() and token.isdigit():
                yield ("num", int(token), None, token)
            elif token in hijri:
                yield ("hijri", 0, None, token)
            elif token not in fillers:
                yield ("word", 0, None, token)
            i += 1


def parse_date(text: str) -> ParsedDate | None:
    """Read a whole answer as a date, or None when it is not one.

    ``16 دجنبر 1991``, ``السادس عشر من دجنبر 1991``, ``١٦ كانون الأول ١٩٩١``,
    ``16/12/1991``, ``1991-12-16``, ``December 16, 1991`` and ``16 décembre 1991`` all give
    1991-12-16. A year marked هـ (Hijri) is not a Gregorian date and gives None.
    """
    iso = text.strip()
    if _ISO.fullmatch(iso):
        try:
            return ParsedDate(PartialDate.from_iso(iso), None)
        except ValueError:
            return None
    parts = date_parts(text)
    if parts is None:
        return None
    months, days, nums = parts
    try:
        date = _assemble(months, days, nums)
    except ValueError:
        return None
    if date is None:
        return None
    return ParsedDate(date, months[0][1] if months else None)


DateParts = tuple[list[tuple[int, str | None]], list[int], list[tuple[int, str]]]


def date_parts(text: str) -> DateParts | None:
    """Months (value, style), ordinal days and numbers (value, digits) of a date-only text."""
    parts: DateParts = ([], [], [])
    months, days, nums = parts
    for kind, value, style, token in _lex(date_tokens(text)):
        if kind in ("word", "hijri"):
            return None
        if kind == "month":
            months.append((value, style))
        elif kind == "day":
            days.append(value)
        else:
            nums.append((value, token))
    return parts


def _assemble(
    months: list[tuple[int, str | None]], days: list[int], nums: list[tuple[int, str]]
) -> PartialDate | None:
    def is_year(token: str) -> bool:
        return len(token) >= 3

    if len(months) > 1 or len(days) > 1 or len(nums) > 3:
        return None
    if months:
        month = months[0][0]
        years = [n for n, t in nums if is_year(t)]
        day_nums = [n for n, t in nums if not is_year(t)]
        if len(years) > 1 or len(day_nums) + len(days) > 1:
            return None
        day = days[0] if days else (day_nums[0] if day_nums else None)
        year = years[0] if years else None
        if year is None and day is None:
            return None
        return PartialDate(year, month, day)
    if days:
        return None
    values = [n for n, _ in nums]
    shapes = tuple(is_year(t) for _, t in nums)
    if shapes == (True,):
        return PartialDate(values[0])
    if shapes == (False, True):
        return PartialDate(values[1], values[0])
    if shapes == (True, False):
        return PartialDate(values[0], values[1])
    if shapes == (False, False, True):
        return PartialDate(values[2], values[1], values[0])
    if shapes == (True, False, False):
        return PartialDate(values[0], values[1], values[2])
    if shapes == (False, False):
        return PartialDate(None, values[1], values[0])
    return None
