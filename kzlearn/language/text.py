"""Normalisation of text for comparison (never for display).

Each step is named so that grading can say *why* two spellings were accepted. Steps run
cumulatively in the order of :data:`STEPS`; their tier says how grading should treat a
match that needed them: ``same`` (formatting only), ``safe`` and ``lenient`` (correct),
``nearly`` (accepted as nearly right at most). The Arabic rules follow ../shared/DESIGN.md
(after Lucene's ArabicNormalizer and CAMeL Tools): NFKC, never NFD; ال is never stripped.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "RTL_LANGUAGES",
    "STEPS",
    "Step",
    "Tier",
    "digits_to_ascii",
    "direction_rtl",
    "edit_distance_at_most_one",
    "fold",
    "has_arabic",
    "is_rtl_lang",
    "letters_only",
    "normalize_basic",
]

RTL_LANGUAGES = frozenset({"ar", "fa", "he", "ur", "ps", "yi", "ckb", "dv", "sd", "ug"})
"""Languages written right to left, by their ISO 639 codes."""


def is_rtl_lang(lang: str) -> bool:
    """Whether ``lang`` (a code such as ``ar`` or ``ar-MA``) is written right to left."""
    return lang.split("-", maxsplit=1)[0].lower() in RTL_LANGUAGES


Tier = Literal["same", "safe", "lenient", "nearly"]

_INVISIBLE = re.compile("[\u200b-\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff\u00ad]")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SPACE = re.compile(r"\s+")
_HARAKAT = re.compile("[\u064b-\u0652\u0670\u0610-\u061a\u06d6-\u06ed]")
_TATWEEL = "\u0640"
_PERSIAN = str.maketrans(
    {
        "\u06a9": "\u0643",
        "\u06cc": "\u064a",
        "\u06d0": "\u064a",
        "\u06d2": "\u064a",
        "\u06d5": "\u0647",
        "\u06c0": "\u0647",
        "\u06c1": "\u0647",
        "\u06be": "\u0647",
        "\u06a4": "\u0641",  # ڤ, the Maghrebi v, for ف: نزارباييڤ
    }
)
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"})
_YEH = str.maketrans({"ى": "ي"})
_TEH_MARBUTA_FINAL = re.compile("ة(?=\\W|$)")
_HAMZA_AFTER_ALEF_FINAL = re.compile("(?<=ا)ء(?=\\W|$)")
_RISKY = str.maketrans({"ؤ": "و", "ئ": "ي"})
_ARABIC_LETTER = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")


class _PunctuationToSpace(dict[int, int | str]):
    """A str.translate table: punctuation and symbols of every script become spaces.

    By Unicode category, so never combining marks such as harakat (a "not a word
    character" pattern takes those too). Each code point is looked up once, then cached.
    """

    def __missing__(self, code: int) -> int | str:
        value: int | str = " " if unicodedata.category(chr(code))[0] in "PS" else code
        self[code] = value
        return value


_PUNCTUATION = _PunctuationToSpace()


@functools.lru_cache(maxsize=1 << 16)
def normalize_basic(text: str) -> str:
    """NFKC, no invisible or control characters, case folded, white space collapsed."""
    text = unicodedata.normalize("NFKC", text)
    text = _CONTROL.sub(" ", _INVISIBLE.sub("", text))
    return _SPACE.sub(" ", text.casefold()).strip()


def digits_to_ascii(text: str) -> str:
    """Arabic-Indic and Persian digits to 0-9."""
    return text.translate(_DIGITS)


def _punctuation(text: str) -> str:
    return _SPACE.sub(" ", text.translate(_PUNCTUATION)).strip()


def _diacritics(text: str) -> str:
    return _HARAKAT.sub("", text)


def _tatweel(text: str) -> str:
    return text.replace(_TATWEEL, "")


def _persian(text: str) -> str:
    return text.translate(_PERSIAN)


def _alef(text: str) -> str:
    return text.translate(_ALEF)


def _alef_maqsura(text: str) -> str:
    return text.translate(_YEH)


def _final_hamza(text: str) -> str:
    return _HAMZA_AFTER_ALEF_FINAL.sub("", text)


def _teh_marbuta(text: str) -> str:
    return _TEH_MARBUTA_FINAL.sub("ه", text)


def _latin_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    # Only Latin-range marks: NFD of Arabic is never wanted (it splits أ into ا + hamza).
    kept = "".join(c for c in decomposed if not ("\u0300" <= c <= "\u036f"))
    return unicodedata.normalize("NFC", kept)


def _hamza_seats(text: str) -> str:
    return text.translate(_RISKY)


@dataclass(frozen=True, slots=True)
class Step:
    """A normalisation step: its name (the reason shown to a student) and tier."""

    name: str
    tier: Tier
    apply: Callable[[str], str]


#: The steps in the order they are applied. ``fold`` applies them all.
STEPS: tuple[Step, ...] = (
    Step("ignored punctuation", "same", _punctuation),
    Step("ignored tatweel", "safe", _tatweel),
    Step("ignored diacritics", "safe", _diacritics),
    Step("Persian letter forms", "safe", _persian),
    Step("Arabic-Indic digits", "safe", digits_to_ascii),
    Step("alef and hamza spelling", "lenient", _alef),
    Step("alef maqsura written as yeh", "lenient", _alef_maqsura),
    Step("final taa marbuta written as haa", "lenient", _teh_marbuta),
    Step("final hamza left out", "lenient", _final_hamza),  # البيضا, صحرا
    Step("ignored accents", "lenient", _latin_accents),
    Step("hamza seat", "nearly", _hamza_seats),
)


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str, *, through: Tier = "nearly") -> str:
    """The comparison form of ``text``, after every step up to tier ``through``."""
    order = ("same", "safe", "lenient", "nearly")
    limit = order.index(through)
    text = normalize_basic(text)
    for step in STEPS:
        if order.index(step.tier) <= limit:
            text = step.apply(text)
    return _SPACE.sub(" ", text).strip()


def letters_only(text: str) -> str:
    """``fold`` with spaces removed: for comparing names typed with or without spaces."""
    return fold(text).replace(" ", "")


def direction_rtl(text: str, default: bool) -> bool:
    """Whether ``text`` reads right to left: its first strong letter says; a text with none
    (digits, dates, punctuation) takes ``default``, the direction of what it belongs to."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return default


def has_arabic(text: str) -> bool:
    """True when ``text`` holds at least one Arabic letter."""
    return _ARABIC_LETTER.search(text) is not None


def edit_distance_at_most_one(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by at most one insertion, deletion or substitution."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la > lb:
        a, b, la, lb = b, a, lb, la
    i = 0
    while i < la and a[i] == b[i]:
        i += 1
    if la == lb:
        return (
            a[i + 1 :] == b[i + 1 :]
            or (  # one substitution
                i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
            )
        )  # or two neighbours swapped, the commonest typo
    return a[i:] == b[i + 1 :]
