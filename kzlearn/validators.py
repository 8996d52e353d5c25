"""Checks on single pack values that keep everything downstream working.

Kept apart from models.py so that the model only names them.
"""

from __future__ import annotations

import math

__all__ = ["LARGEST_NUMBER", "SMALLEST_NUMBER", "number_in_range"]

# A number is shown in full (format_number) and must read back as a typed answer, which
# parse_number takes up to 30 digits; below 1e-4 Python's ``g`` format switches to
# exponents, which no student types.
LARGEST_NUMBER = 10**30
SMALLEST_NUMBER = 1e-4


def number_in_range(value: int | float) -> int | float:
    """``value`` if a quiz can ask for it and read the answer back.

    Raises:
        ValueError: not finite, 10^30 or more in size, or nearer to 0 than 0.0001 but not 0.
    """
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"{value} is not a number a quiz can ask for")
    if abs(value) >= LARGEST_NUMBER:
        raise ValueError("a number must be less than 10^30 in size")
    if value != 0 and abs(value) < SMALLEST_NUMBER:
        raise ValueError("a number other than 0 must be at least 0.0001 in size")
    return value
