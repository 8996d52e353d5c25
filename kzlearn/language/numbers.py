"""Numbers as people write them: digits of any script, separators, and number words."""

from __future__ import annotations

import functools
import math
import re

from kzlearn.language.text import digits_to_ascii, fold, normalize_basic

__all__ = ["format_number", "parse_decimal", "parse_number", "read_number"]

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
    # The forms used with a feminine noun (سبع قمم): ثلاث to تسع, without ة.
    words |= {w[:-1]: v for w, v in words.items() if w.endswith("ة") and 3 <= v <= 9}
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


# Canonical Roman numerals up to 399, capitals only: "vi" or "mix" in a word stays a word.
_ROMAN = re.compile(r"C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _roman_value(numeral: str) -> int:
    values = [_ROMAN_VALUES[c] for c in numeral]
    # A letter before a greater one is subtracted (IX): the pattern allows only canonical ones.
    return sum(-v if v < after else v for v, after in zip(values, [*values[1:], 0], strict=True))


def parse_number(text: str) -> float | None:
    """The value of ``text`` as a number, or None.

    ``20000``, ``20,000``, ``٢٠٠٠٠``, ``thirty``, ``ثلاثين``, ``trente et un`` are numbers,
    and so are Roman numerals of two letters or more written in capitals (``VII``).
    """
    roman = _ROMAN.fullmatch(text.strip())
    if roman is not None and len(roman.group()) >= 2:
        return _roman_value(roman.group())
    text = digits_to_ascii(normalize_basic(text))
    if not text or sum(c.isdigit() for c in text) > MAX_DIGITS:
        return None
    if _NUMERIC.fullmatch(text):
        return _parse_digits(text)
    return _parse_words(text)


_DECIMAL = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]{1,3})?")


def parse_decimal(text: str) -> float | None:
    """Like :func:`parse_number`, but "." is always the decimal point (Moodle's numbers):
    ``3.141`` is 3.141, never 3141. An answer a teacher wrote is read this way."""
    plain = text.strip()
    if _DECIMAL.fullmatch(plain) and sum(c.isdigit() for c in plain) <= MAX_DIGITS:
        value = float(plain)
        if value in (math.inf, -math.inf):
            return None
        return int(value) if value.is_integer() and "e" not in plain.lower() else value
    return parse_number(text)


def format_number(value: float) -> str:
    """A number as a pack shows it: no trailing ``.0``."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


# Words that name what is counted or ranked ("the tenth anniversary", "30 عاماً"), folded
# when first used. A number with one of them is still that number; other words are not.
_COUNTED = (
    "ذكرى الذكرى قمة القمة دورة الدورة مرة المرة مرات سنة السنة سنوات عام عاما أعوام سنين "
    "المرتبة مرتبة المركز الرتبة النسخة الطبعة الجولة يوم أيام شهر أشهر شهور كم كلم "
    "year years anniversary summit session time times edition round day days month months km "
    "an ans année années anniversaire sommet fois édition jour jours mois"
)
_ARTICLES = ("the", "le", "la", "l", "les")
_SUFFIXES = ("st", "nd", "rd", "th", "e", "er", "re", "eme", "ieme", "em")
_EN_ORDINALS = {"first": "one", "second": "two", "third": "three", "fifth": "five"}
_EN_ORDINALS |= {"eighth": "eight", "ninth": "nine", "twelfth": "twelve"}
_FR_ORDINALS = {"premier": "un", "premiere": "un", "second": "deux", "seconde": "deux"}
_FR_ORDINALS |= {"cinquieme": "cinq", "neuvieme": "neuf"}
_AR_UNITS = "اول ثاني ثالث رابع خامس سادس سابع ثامن تاسع عاشر".split()


@functools.cache
def _ordinal_tables() -> tuple[frozenset[str], dict[str, int], dict[str, int]]:
    counted = frozenset(fold(w) for w in _COUNTED.split())
    units = {fold(w): i + 1 for i, w in enumerate(_AR_UNITS)}
    units |= {w + "ه": v for w, v in units.items()} | {"اولي": 1, "حادي": 1, "حاديه": 1}
    tens: dict[str, int] = {}
    for i, word in enumerate(_TENS_AR):
        tens[fold(word)] = tens[fold(word[:-2] + "ين")] = 20 + 10 * i
    return counted, units, tens


def _latin_ordinal(word: str) -> str | None:
    """The cardinal word of an English or French ordinal word ("thirtieth" → "thirty")."""
    if word in _EN_ORDINALS or word in _FR_ORDINALS:
        return _EN_ORDINALS.get(word) or _FR_ORDINALS[word]
    if word.endswith("ieme"):
        base = word[:-4]
        return base if base in _WORDS else base + "e"
    if word.endswith("ieth"):
        return word[:-4] + "y"
    return word[:-2] if word.endswith("th") else None


def _arabic_ordinal(tokens: list[str]) -> int | None:
    """الثالث, العاشرة, الحادي عشر, الخامس والثلاثون, الثلاثين: the number ranked."""
    _, units, tens = _ordinal_tables()
    stems = [t.removeprefix("و").removeprefix("ال") for t in tokens if t != "و"]
    if not stems:
        return None
    if len(stems) == 1:
        return units.get(stems[0]) or tens.get(stems[0])
    unit = units.get(stems[0])
    if len(stems) != 2 or unit is None or unit > 9:
        return None
    if stems[1] in ("عشر", "عشره"):
        return 10 + unit
    return unit + tens[stems[1]] if stems[1] in tens else None


def read_number(text: str) -> tuple[int | float, str] | None:
    """A number written as an ordinal or with what it counts, and how it was read.

    ``the 10th``, ``tenth``, ``dixième``, ``العاشرة``, ``الذكرى الثلاثين`` are ordinals
    ("ordinal read as a number"); ``10 سنوات``, ``ten years``, ``30 عاماً`` count something
    ("ignored the unit"). None for anything else, plain numbers included (see parse_number).
    """
    counted = _ordinal_tables()[0]
    folded = digits_to_ascii(fold(text)).replace("-", " ")
    tokens = re.sub(r"(?<=[0-9])(?=[^0-9 ])", " ", folded).split()
    rest = [t for t in tokens if t not in counted and t not in _ARTICLES]
    if not rest or len(rest) > 4:
        return None
    unit = len(rest) < len(tokens) - sum(t in _ARTICLES for t in tokens)
    if len(rest) == 2 and rest[0].isascii() and rest[0].isdigit() and rest[1] in _SUFFIXES:
        return int(rest[0]), "ordinal read as a number"
    arabic = _arabic_ordinal(rest)
    if arabic is not None:
        return arabic, "ordinal read as a number"
    cardinal = _latin_ordinal(rest[-1])
    if cardinal is not None:
        value = parse_number(" ".join([*rest[:-1], cardinal]))
        if value is not None:
            return value, "ordinal read as a number"
    value = parse_number(" ".join(rest)) if unit else None
    return (value, "ignored the unit") if value is not None else None
