"""Right-to-left text for terminals that neither reorder nor shape (most of them).

Data, Input values and grading keep logical order. For display only: shape the Arabic
(arabic-reshaper, harakat kept, no ALLAH ligature), wrap the logical text to the width, then
reorder each line (python-bidi's pure-Python algorithm, which mirrors brackets, base
direction R), then put each haraka back after its base letter. Terminals that reorder by
themselves (VTE >= 0.58, Konsole, mlterm) get logical text: reordering twice garbles it.
"""

from __future__ import annotations

import functools
import os
import unicodedata
from collections.abc import Mapping
from typing import Literal

from rich.cells import cell_len

from kzlearn.language.text import direction_rtl, has_arabic

__all__ = [
    "RtlMode",
    "detect_rtl_mode",
    "direction_rtl",
    "display_lines",
    "is_rtl",
    "visual_line",
]

RtlMode = Literal["app", "terminal", "off"]
RTL_MODES: tuple[RtlMode, ...] = ("app", "terminal", "off")


def detect_rtl_mode(env: Mapping[str, str] | None = None) -> RtlMode:
    """``app`` unless the terminal reorders right-to-left text itself (or KZLEARN_RTL says)."""
    env = os.environ if env is None else env
    chosen = env.get("KZLEARN_RTL", "").strip().lower()
    for mode in RTL_MODES:
        if chosen == mode:
            return mode
    vte = env.get("VTE_VERSION", "")
    if vte.isdigit() and int(vte) >= 5800:
        return "terminal"
    if env.get("KONSOLE_VERSION") or "mlterm" in env.get("TERM", ""):
        return "terminal"
    return "app"


@functools.cache
def _reshaper() -> object:
    import arabic_reshaper

    return arabic_reshaper.ArabicReshaper(
        configuration={"delete_harakat": False, "ARABIC LIGATURE ALLAH": False}
    )


def is_rtl(text: str) -> bool:
    """Whether ``text`` is a right-to-left paragraph: its first strong letter is (UBA P2)."""
    return direction_rtl(text, False)


def _shape(text: str) -> str:
    return _reshaper().reshape(text)  # type: ignore[attr-defined, no-any-return]


def visual_line(line: str, *, rtl: bool | None = None) -> str:
    """One line of logical text, shaped and in visual (left-to-right cell) order.

    ``rtl`` is the direction of the paragraph the line belongs to (by default, the line's).
    """
    from bidi.algorithm import get_display

    rtl = is_rtl(line) if rtl is None else rtl
    if not has_arabic(line) and not rtl:
        return line
    # A line of a right-to-left paragraph is reordered even without an Arabic letter:
    # «2030 or (1991–1993) read right to left like the rest of their paragraph.
    shaped = _shape(line) if has_arabic(line) else line
    ordered: str = get_display(shaped, base_dir="R" if rtl else "L")
    return _marks_after_base(ordered)


def _marks_after_base(text: str) -> str:
    # After reversal a haraka precedes the letter it belongs to; a terminal draws a
    # combining mark on the cell before it, so move each run of marks after its letter.
    out: list[str] = []
    pending: list[str] = []
    for char in text:
        if unicodedata.combining(char):
            pending.append(char)
            continue
        out.append(char)
        out.extend(pending)
        pending.clear()
    out.extend(pending)
    return "".join(out)


@functools.lru_cache(maxsize=4096)
def _cells(word: str) -> int:
    """A word's width in terminal cells, shaped (a ligature such as lam-alef is one)."""
    return cell_len(_shape(word))


def _wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap by terminal cells, measured on the shaped text. Shaping joins
    letters within a word only, so a line's width is its words' plus the spaces between."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current, used = "", 0
        for word in paragraph.split(" "):
            cells = _cells(word)
            if not current or used + 1 + cells <= width:
                current, used = (
                    (f"{current} {word}", used + 1 + cells) if current else (word, cells)
                )
            else:
                lines.append(current)
                current, used = word, cells
            while used > width > 0:  # a word longer than the line
                cut = _fit(current, width)
                lines.append(current[:cut])
                current = current[cut:]
                used = _cells(current)
        lines.append(current)
    return lines


def _fit(text: str, width: int) -> int:
    cut = len(text)
    while cut > 1 and cell_len(_shape(text[:cut])) > width:
        cut -= 1
    return cut


def display_lines(
    text: str, width: int, mode: RtlMode = "app", *, rtl: bool | None = None
) -> list[str]:
    """``text`` wrapped to ``width`` cells, each line ready to draw left to right.

    Right-to-left lines (mode ``app``) are shaped and reordered after wrapping, so every
    line holds whole words in reading order and the first line is the start of the text.
    ``rtl`` is the paragraph's direction (by default, from its first strong letter).
    """
    width = max(width, 1)
    lines = _wrap(text, width)
    rtl = is_rtl(text) if rtl is None else rtl
    if mode != "app" or not (rtl or has_arabic(text)):
        return lines
    # One direction for the whole paragraph, whatever each line starts with.
    return [visual_line(line, rtl=rtl) for line in lines]
