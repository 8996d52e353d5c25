"""Numbers as values: exact, or within a teacher's tolerance (Moodle's ``{#3.1415:0.0005}``)."""

from __future__ import annotations

import math

from kzlearn.language.numbers import parse_decimal, parse_number, read_number
from kzlearn.language.text import normalize_basic
from kzlearn.questions.compare import WRONG, Match

__all__ = ["number_match", "same_number"]


def same_number(want: float, got: float) -> bool:
    if isinstance(want, int) and isinstance(got, int):
        return want == got  # exact: no float conversion, no overflow
    return math.isclose(want, got, rel_tol=1e-9, abs_tol=1e-9)


def _within(want: float, got: float, tolerance: float) -> bool:
    # A hair over the tolerance still counts: 3.1415 ± 0.0005 holds 3.141 and 3.142 exactly.
    return same_number(want, got) or abs(got - want) <= tolerance * (1 + 1e-9) + 1e-12


def number_match(expected: str, given: str, tolerance: float | None = None) -> Match:
    """``tolerance`` set: ``expected`` is a teacher's number ("." its decimal point) and
    ``given`` is right within that distance of it, read either way ("3.142" or "3,142")."""
    want = parse_number(expected) if tolerance is None else parse_decimal(expected)
    if want is None:  # a cloze blank may hold an ordinal: "القمة {{السابعة}}"
        ordinal = read_number(expected)
        if ordinal is None:
            return WRONG
        want = ordinal[0]
    got = parse_number(given)
    if tolerance is not None:
        comma = given.strip().replace(",", ".", 1) if given.count(",") == 1 else given
        readings = {parse_decimal(given), got, parse_decimal(comma)}  # 3,142: a decimal comma
        near = [g for g in readings if g is not None and _within(want, g, tolerance)]
        got = near[0] if near else got
        if near and not same_number(want, near[0]):
            return Match("correct", "within the tolerance")
    if got is not None:
        if not same_number(want, got):
            return WRONG
        plain = normalize_basic(given).replace(" ", "")
        return Match(
            "correct", None if plain.isascii() and plain[:1].isdigit() else "read as a number"
        )
    read = read_number(given)  # an ordinal, or a number with what it counts
    if read is not None and same_number(want, read[0]):
        return Match("correct", read[1])
    return WRONG
