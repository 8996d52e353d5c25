"""Numbers as people write them: digits of any script, separators, and number words."""

from __future__ import annotations

import re

from kzlearn.language.text import digits_to_ascii, fold, normalize_basic

__all__ = ["format_number", "parse_number"]

_UNITS_EN = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS_EN = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_UNITS_FR = (
    "zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze "
    "seize dix-sept dix-huit dix-neuf"
).split()
_TENS_FR = "vingt trente quarante cinquante soixante soixante-dix quatre-vingt quatre-vingt-dix"
_UNITS_AR = (
    "صفر واحد اثنان ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة أحد_عشر اثنا_عشر ثلاثة_عشر "
    "أربعة_عشر خمسة_عشر ستة_عشر سبعة_عشر ثمانية_عشر تسعة_عشر"
).split()
_TENS_AR = "عشرون ثلاثون أربعون خمسون ستون سبعون ثمانون تسعون".split()
_SCALES = {
    "hundred": 100,
    "thousand": 1000,
    "million": 10**6,
    "cent": 100,
    "cents": 100,
    "mille": 1000,
    "millions": 10**6,
    "مئة": 100,
    "مائة": 100,
    "مئتان": 200,
    "مائتان": 200,
    "ألف": 1000,
    "آلاف": 1000,
    "مليون": 10**6,
    "ملايين": 10**6,
}


def _word_table() -> dict[str, int]:
    words: dict[str, int] = {}
    for table in (_UNITS_EN, _UNITS_FR, _UNITS_AR):
        for value, word in enumerate(table):
            words[word.replace("_", " ")] = value
    for i, word in enumerate(_TENS_EN):
        words[word] = 20 + 10 * i
    for i, word in enumerate(_TENS_FR.split()):
        words[word] = (20, 30, 40, 50, 60, 70, 80, 90)[i]
    words["quatre-vingts"] = 80
    for i, word in enumerate(_TENS_AR):
        words[word] = 20 + 10 * i
        words[word[:-2] + "ين"] = 20 + 10 * i  # oblique case: ثلاثين
    words |= {"اثنين": 2, "اثنا": 2, "اثني": 2, "إحدى": 1, "احد": 1, "عشر": 10}
    return {fold(w): v for w, v in words.items()}


_WORDS = _word_table()
_SCALE_WORDS = {fold(w): v for w, v in _SCALES.items()}
_FILLER = {"and", "et", "و"}
MAX_DIGITS = 30  # no answer is a longer number; int() refuses past 4,300 digits
#: Number words never name more than this: "hundred hundred ..." must not overflow a float.
MAX_WORDS_VALUE = 10**15
# [0-9] and re.ASCII, not \d: "፩" is a digit to Unicode that int() refuses.
_NUMERIC = re.compile(r"[-+]?[0-9][0-9\s,.'\u066b\u066c\u202f\u00a0]*", re.ASCII)


def _parse_digits(text: str) -> float | None:
    text = text.replace("\u066b", ".").replace("\u066c", ",")
    text = re.sub(r"[\s'\u202f\u00a0]", "", text)
    sign = -1 if text.startswith("-") else 1
    text = text.lstrip("+-")
    if re.fullmatch(r"[0-9]+", text):
        return sign * int(text)
    if re.fullmatch(r"[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?", text):  # 20,000 or 1,234.5
        return sign * float(text.replace(",", ""))
    if re.fullmatch(r"[0-9]{1,3}(\.[0-9]{3})+(,[0-9]+)?", text):  # 20.000 or 1.234,5
        return sign * float(text.replace(".", "").replace(",", "."))
    if re.fullmatch(r"[0-9]+[.,][0-9]+", text):
        return sign * float(text.replace(",", "."))
    return None


def _parse_words(text: str) -> float | None:
    tokens = re.sub(r"(^| )و(?=\S)", r"\1و ", fold(text)).replace("-", " ").split()
    tokens = [t for t in tokens if t not in _FILLER]
    if not tokens:
        return None
    total = current = 0
    i = 0
    while i < len(tokens):
        pair = " ".join(tokens[i : i + 2])
        if pair in _WORDS:
            current += _WORDS[pair]
            i += 2
            continue
        token = tokens[i]
        if token in _WORDS:
            current += _WORDS[token]
        elif token in _SCALE_WORDS:
            scale = _SCALE_WORDS[token]
            if scale in (100, 200):
                current = max(current, 1) * 100 if scale == 100 else current + 200
            else:
                total += max(current, 1) * scale
                current = 0
        else:
            return None
        if total + current > MAX_WORDS_VALUE:
            return None
        i += 1
    return total + current


def parse_number(text: str) -> float | None:
    """The value of ``text`` as a number, or None.

    ``20000``, ``20,000``, ``٢٠٠٠٠``, ``thirty``, ``ثلاثين``, ``trente et un`` are numbers.
    """
    text = digits_to_ascii(normalize_basic(text))
    if not text or sum(c.isdigit() for c in text) > MAX_DIGITS:
        return None
    if _NUMERIC.fullmatch(text):
        return _parse_digits(text)
    return _parse_words(text)


def format_number(value: float) -> str:
    """A number as a pack shows it: no trailing ``.0``."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
