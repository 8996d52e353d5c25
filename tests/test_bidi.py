"""Right-to-left display: shaping, wrapping, reordering, marks, mirroring, mode detection."""

from __future__ import annotations

import unicodedata

import arabic_reshaper
import pytest

from kzlearn.tui.bidi import detect_rtl_mode, display_lines, is_rtl, visual_line

SENTENCE = "أقيمت العلاقات الدبلوماسية بين المملكة المغربية وجمهورية كازاخستان منذ زمن بعيد"
_SHAPER = arabic_reshaper.ArabicReshaper(
    configuration={"delete_harakat": False, "ARABIC LIGATURE ALLAH": False}
)


def seen(word: str) -> str:
    """How a word looks on a terminal that draws cells left to right (the oracle).

    Arabic letters are shaped and drawn in reverse; a number keeps its digits' order.
    """
    return word if word.isdigit() else _SHAPER.reshape(word)[::-1]


@pytest.mark.parametrize("width", [80, 30, 18, 12])
def test_wrapped_lines_hold_whole_words_in_reading_order(width: int) -> None:
    lines = display_lines(SENTENCE, width)
    assert all(len(line) <= width for line in lines)
    read: list[str] = []
    for line in lines:  # top to bottom, each line right to left
        read.extend(reversed(line.split(" ")))
    assert read == [seen(word) for word in SENTENCE.split(" ")]


def test_harakat_follow_their_letter() -> None:
    line = visual_line("مُخْتَار")
    for i, char in enumerate(line):
        if unicodedata.combining(char):
            assert i > 0
            assert not unicodedata.combining(line[i - 1])
    # the damma belongs to the first letter, which is drawn last (rightmost)
    assert line.index("\u064f") == len(line) - 1


def test_brackets_are_mirrored_and_numbers_stay_left_to_right() -> None:
    line = visual_line("في 16 ديسمبر 1991 (كازاخستان)")
    assert line.startswith("(")
    assert line.endswith(seen("في"))
    assert "1991" in line
    assert "16" in line
    assert line.index("1991") < line.index("16")


def test_a_left_to_right_line_with_arabic_keeps_its_start() -> None:
    line = visual_line("Answer: كازاخستان")
    assert line == f"Answer: {seen('كازاخستان')}"
    assert not is_rtl("Answer: كازاخستان")
    assert is_rtl("1. صح")


def test_the_allah_ligature_is_off() -> None:
    assert "\ufdf2" not in visual_line("الله أكبر")


@pytest.mark.parametrize("mode", ["terminal", "off"])
def test_other_modes_keep_logical_order(mode: str) -> None:
    assert display_lines(SENTENCE, 200, mode) == [SENTENCE]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("env", "mode"),
    [
        ({}, "app"),
        ({"TERM": "xterm-256color"}, "app"),
        ({"VTE_VERSION": "7600"}, "terminal"),
        ({"VTE_VERSION": "5200"}, "app"),
        ({"KONSOLE_VERSION": "230804"}, "terminal"),
        ({"TERM": "mlterm"}, "terminal"),
        ({"VTE_VERSION": "7600", "KZLEARN_RTL": "app"}, "app"),
        ({"KZLEARN_RTL": "off"}, "off"),
        ({"KZLEARN_RTL": "sideways"}, "app"),
    ],
)
def test_the_mode_is_detected_from_the_environment(env: dict[str, str], mode: str) -> None:
    assert detect_rtl_mode(env) == mode


def _wrap_measuring_each_line(text: str, width: int) -> list[str]:
    """Word wrap that shapes every candidate line whole: slow, and the reference."""
    from rich.cells import cell_len

    shape = arabic_reshaper.ArabicReshaper(
        configuration={"delete_harakat": False, "ARABIC LIGATURE ALLAH": False}
    ).reshape
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split(" "):
            candidate = f"{current} {word}" if current else word
            if cell_len(shape(candidate)) <= width or not current:
                current = candidate
            else:
                lines.append(current)
                current = word
        lines.append(current)
    return lines


@pytest.mark.parametrize("width", [12, 20, 33, 47, 80])
def test_wrapping_by_word_widths_gives_the_lines_measured_whole(width: int) -> None:
    # Every Arabic text of the bundled decks, lam-alef ligatures and harakat included: shaping
    # joins letters within a word only, so adding up words measures a line exactly.
    from kzlearn import load_packs
    from kzlearn.models import walk_localized
    from kzlearn.tui.bidi import _wrap
    from tests.conftest import DECKS

    texts = {
        text.get("ar", "ar")
        for pack in load_packs(DECKS)
        for _, text in walk_localized(pack, ())
        if text.has("ar", "ar")
    }
    texts = {t for t in texts if all(len(w) <= width for w in t.replace("\n", " ").split(" "))}
    assert any("لا" in t for t in texts)
    assert [_wrap(t, width) for t in sorted(texts)] == [
        _wrap_measuring_each_line(t, width) for t in sorted(texts)
    ]
