"""The interface's message catalogs: complete in every language, read as gettext would."""

from __future__ import annotations

import string

import pytest

from kzlearn.tui.bidi import display_lines
from kzlearn.tui.i18n import LANGS, LOCALE, catalog, read_po, reason_text
from kzlearn.tui.msgids import message_ids


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_arabic_english_and_french_ship() -> None:
    assert set(LANGS) >= {"ar", "en", "fr"}


@pytest.mark.parametrize("lang", ["ar", "en", "fr"])
def test_every_message_id_has_a_text_in_every_language(lang: str) -> None:
    messages = read_po((LOCALE / f"{lang}.po").read_text(encoding="utf-8"))
    missing = sorted(m for m in message_ids() if not messages.get(m))
    assert not missing, f"{lang}.po lacks {missing}"
    for msgid, text in messages.items():
        assert fields(text) == fields(msgid), (lang, msgid)  # the same {fields}


def test_a_missing_message_is_found() -> None:
    # What the test above relies on: a call in the code is a message id.
    assert "Leave the quiz? Your answers so far are kept." in message_ids()
    assert "{right} of {total} in place" in message_ids()  # a grader reason


def test_the_po_reader_reads_continued_and_escaped_strings() -> None:
    text = '# c\nmsgid ""\nmsgstr "Language: x\\n"\n\nmsgid "a"\n"b \\"q\\""\nmsgstr "c"\n"d"\n'
    assert read_po(text) == {'ab "q"': "cd"}
    with pytest.raises(ValueError, match="line 2"):
        read_po('msgid "a"\nnonsense\n')


def test_grader_reasons_are_shown_in_the_display_language() -> None:
    assert reason_text("2 of 3 in place", "ar") == "2 من 3 في مكانها"
    assert reason_text("4 of 6 pairs", "fr") == "4 paires sur 6"
    assert reason_text("ignored diacritics, hamza seat", "ar") == "تجاهل الحركات، كرسي الهمزة"
    assert reason_text("Moroccan month name", "ar") == "اسم الشهر بالصيغة المغربية"
    assert catalog("fr").gettext("no such message") == "no such message"


def test_a_wrapped_line_without_an_arabic_letter_reads_right_to_left() -> None:
    text = "الاستراتيجية المحددة في «كازاخستان 2030» (1991–1993)"
    for width in range(12, 40):  # (1991–1993) fits a line
        lines = display_lines(text, width)
        for line in lines:
            if "1991" in line:  # (1991–1993) is shown as the rest of the screen shows it
                assert "(1993–1991)" in line, (width, lines)
            if line.strip() in ("2030»", "«2030"):  # the logical 2030» alone on a line
                assert line.strip() == "«2030", (width, lines)  # mirrored, as beside Arabic
    assert display_lines("(1991–1993)", 40, rtl=True) == ["(1993–1991)"]
    assert display_lines("«2030»", 40, rtl=True) == ["«2030»"]
    assert display_lines("2030» x", 40, rtl=True)[0] != "2030» x"


def test_the_screens_do_not_import_the_app() -> None:
    import subprocess
    import sys

    code = "import sys, kzlearn.tui.screens; print('kzlearn.tui.app' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"  # no cycle: the app imports the screens, not back
