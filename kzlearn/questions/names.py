"""Rules a fair teacher applies to names: titles, generic words, articles, family names.

Each rule rewrites the typed text (and the accepted one) and compares what is left with
:func:`kzlearn.questions.compare.text_match`; an acceptance names its rule as the reason.
ال is never stripped blindly (../shared/DESIGN.md): a word with or without it counts as the
same word only when the bare word has five letters or more (المصمودي = مصمودي, but الماطي is
not ماطي, and so رباط is not الرباط). A family name alone is accepted only where the accepted
answer looks like a person's name, or where the caller says it is one (``person=True``); the
given name alone is then nearly. An answer may be described by words of its question or
source with a role (:func:`described_match`), and half a long name is nearly (:func:`part_match`).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from kzlearn.language.text import fold, has_arabic
from kzlearn.questions.compare import HEDGES, WRONG, Match, text_match

__all__ = [
    "NO_CONTEXT",
    "Context",
    "context_words",
    "described_match",
    "may_describe",
    "name_match",
    "part_match",
    "words",
]

_TITLES = (
    "الملك الملكة الرئيس الرئيسة السيد السيدة الوزير الوزيرة السفير السفيرة الأمير الأميرة "
    "ملك رئيس سيد سيدة وزير وزيرة سفير سفيرة أمير سعادة فخامة معالي جلالة سمو "
    "الدكتور الدكتورة دكتور د الشيخ الأستاذ الأستاذة نائب الوزراء الشؤون الخارجية "
    "mr mrs ms miss dr doctor president minister king queen prince princess sir lady "
    "ambassador deputy prime foreign affairs vice m mme mlle monsieur madame président "
    "présidente "
    "ministre roi reine ambassadeur ambassadrice docteur"
)
# Words naming the kind of thing before its name: "مدينة مكناس" is مكناس, "لقاح قازفاك" is
# قازفاك, "عدم انتشار الأسلحة النووية" is معاهدة عدم انتشار الأسلحة النووية.
_KINDS = (
    "مدينة المدينة دولة بلد منظمة هيئة جمهورية مملكة ولاية إقليم "
    "معاهدة المعاهدة اتفاقية الاتفاقية لقاح اللقاح "
    "city town country state republic kingdom organisation organization "
    "treaty convention vaccine "
    "ville pays république royaume traité vaccin"
)
_PREPOSITIONS = "في in at à en"
_OF = ("of", "de", "du", "d")
_ARTICLES = ("the", "le", "la", "les", "l")
# Words that start a place's name or end a body's: "South Africa" is not "Africa".
_NOT_GIVEN_NAMES = (
    "north south east west new saint san santa sri costa great upper lower united saudi "
    "central northern southern eastern western "
    "شمال جنوب شرق غرب وسط جزر جزيرة جمهورية مملكة إمارة سلطنة دولة مدينة منظمة"
)
_NOT_FAMILY_NAMES = (
    "nations states union world republic kingdom organization organisation security treaty "
    "city island islands sea ocean council assembly bank fund court agreement protocol "
    "conference summit strategy emirates community commonwealth forum party movement "
    "institute university league games cup war region province county river lake mountains "
    "africa america asia europe arabia korea guinea sudan"
)
_FUNCTION_WORDS = "of for and the de du des la le et in on at to a an"
# Words that say who or what the answer is, around it: "نزارباييف رئيس كازاخستان الأول".
_ROLES = (
    "رئيس عمدة العمدة عاصمة العاصمة الأول الاول الأولى الثاني السابق السابقة الحالي الحالية "
    "نائب وزير وزيرة وزارة خارجية سفير سفيرة ملك أمير زعيم مؤسس بطل "
    "mayor capital first second former current founder leader chief head "
    "maire capitale premier première ancien actuel"
)
_MAX_DESCRIPTION = 6  # words around the answer; more is an essay, not a description
_PREFIXES = ("وال", "بال", "لل", "ال", "ل", "ب")
_PARTICLES = ("عبد", "ابو", "بن", "ابن", "بنت", "ولد", "اب")  # they join the next word
_MIN_BARE = 5  # a word keeps or drops ال freely only from this many letters


@functools.cache
def _tables() -> dict[str, frozenset[str]]:
    def folded(words: str | tuple[str, ...]) -> frozenset[str]:
        return frozenset(fold(w) for w in (words.split() if isinstance(words, str) else words))

    return {
        "titles": folded(_TITLES),
        "kinds": folded(_KINDS),
        "prepositions": folded(_PREPOSITIONS),
        "of": folded(_OF),
        "articles": folded(_ARTICLES),
        "not_given": folded(_NOT_GIVEN_NAMES),
        "not_family": folded(_NOT_FAMILY_NAMES),
        "function": folded(_FUNCTION_WORDS),
        "roles": frozenset(_stem(w) for w in (*_TITLES.split(), *_KINDS.split(), *_ROLES.split())),
    }


def _stem(word: str) -> str:
    """A folded word without the ال, ل or ب it is written with: الخارجية and خارجية."""
    word = fold(word)
    for prefix in _PREFIXES:
        if word.startswith(prefix) and _bare_letters(word) - len(prefix) >= 3:
            return word[len(prefix) :]
    return word


def words(text: str) -> list[str]:
    """The words of ``text``: formatting gone, punctuation and hyphens turned to spaces."""
    return fold(text, through="same").split()


_STRIP_REASONS = (
    "ignored the title",
    "ignored a generic word",
    "ignored the preposition",
    "ignored the article",
)


def _strip(text_words: list[str]) -> tuple[list[str], str | None]:
    """Leading titles, generic words and articles removed, and the weightiest reason."""
    t = _tables()
    out, found = list(text_words), set()
    while len(out) > 1:
        head = fold(out[0])
        if head in t["titles"]:
            found.add("ignored the title")
        elif head in t["kinds"]:
            found.add("ignored a generic word")
            if len(out) > 2 and fold(out[1]) in t["of"]:
                out.pop(0)
        elif head in t["prepositions"]:
            found.add("ignored the preposition")
        elif head in t["articles"] or head in t["of"]:
            found.add("ignored the article")
        else:
            break
        out.pop(0)
    if len(out) == 1 and fold(out[0]).startswith("بال") and len(out[0]) > 4:  # بالرباط
        out = [out[0][1:]]
        found.add("ignored the preposition")
    return out, next((r for r in _STRIP_REASONS if r in found), None)


def _bare_letters(word: str) -> int:
    return sum(c.isalpha() for c in word)


def _article_aligned(expected: list[str], given: list[str]) -> list[str] | None:
    """``given`` with ال put right where it is the only difference, or None if none is."""
    if len(expected) != len(given):
        return None
    out, changed = [], False
    for e, g in zip(expected, given, strict=True):
        fe, fg = fold(e), fold(g)
        long_enough = _bare_letters(fe.removeprefix("ال")) >= _MIN_BARE
        if fe != fg and long_enough and ("ال" + fg == fe or fg == "ال" + fe):
            out.append(e)
            changed = True
        else:
            out.append(g)
    return out if changed else None


def _compare(expected: list[str], given: list[str], lang: str | None) -> Match:
    """Compare word lists as texts, letting ال differ on long words."""
    result = text_match(" ".join(expected), " ".join(given), lang)
    if result.outcome != "correct":
        aligned = _article_aligned(expected, given)
        if aligned is not None:
            second = text_match(" ".join(expected), " ".join(aligned), lang)
            result = result.better(second.because("ignored the article"))
    return result


def _units(name: list[str]) -> list[list[str]]:
    """A name's parts, with عبد, أبو, بن ... joined to the word they belong to."""
    units: list[list[str]] = []
    joining = False
    for word in name:
        if joining:
            units[-1].append(word)
        else:
            units.append([word])
        joining = fold(word) in _PARTICLES
    return units


@functools.lru_cache(maxsize=1 << 12)
def _name_units(original: str, person: bool) -> tuple[tuple[str, ...], ...] | None:
    """The parts of ``original`` (titles removed) when it looks like a person's name."""
    units = _units(_strip(words(original))[0])
    return tuple(map(tuple, units)) if _looks_like_a_name(original, units, person) else None


def _looks_like_a_name(original: str, units: list[list[str]], person: bool) -> bool:
    t = _tables()
    flat = [w for u in units for w in u]
    if len(units) < 2 or any(c.isdigit() for w in flat for c in w):
        return False
    family = fold("".join(units[-1]))
    if _bare_letters(family) < (3 if person else 4):
        return False
    if person:
        return True
    if fold(units[0][0]) in t["not_given"] or family in t["not_family"]:
        return False
    for unit in units:
        head = fold(unit[0])
        if head in t["function"] or (head.startswith(("ال", "لل")) and len(unit) == 1):
            return False  # an article or a preposition: a phrase, not a name
    # A name in Latin letters is capitalised: "the Arab world" is no person.
    latin = [w for w in original.split() if w[:1].isalpha() and not has_arabic(w)]
    return all(w[:1].isupper() for w in latin)


def _family_rules(given: list[str], original: str, lang: str | None, person: bool) -> Match:
    name = _name_units(original, person)
    if name is None:
        return WRONG
    units = [list(u) for u in name]
    best = _compare(units[-1], given, lang).because("family name only")
    if len(units) >= 3:
        first_last = [*units[0], *units[-1]]
        best = best.better(_compare(first_last, given, lang).because("without the middle name"))
    if best.outcome == "correct":
        return best
    given_names = [units[0]] if len(units) == 2 else [units[0], [w for u in units[:-1] for w in u]]
    for given_name in given_names:
        alone = _compare(given_name, given, lang).at_most_nearly("only the given name")
        best = best.better(alone)
    return best


def name_match(expected: str, given: str, lang: str | None, *, person: bool = False) -> Match:
    """``given`` against ``expected`` with titles, generic words, ال and family names.

    Only for answers that :func:`text_match` did not already accept.
    """
    e_words, g_words = words(expected), words(given)
    if not e_words or not g_words:
        return WRONG
    e_core, e_reason = _strip(e_words)
    g_core, g_reason = _strip(g_words)
    best = _compare(e_core, g_core, lang)
    reason = g_reason or e_reason
    if reason is not None:
        best = best.because(reason)
    if best.outcome != "correct":
        best = best.better(_family_rules(g_core, expected, lang, person))
    return best


@dataclass(frozen=True, slots=True)
class Context:
    """The stems of the words of a question and of its source, for :func:`described_match`.

    A word of the question may describe an answer anywhere; a word only the source has (it
    names other people too) only right after a role: "عمدة مكناس".
    """

    question: frozenset[str] = frozenset()
    source: frozenset[str] = frozenset()


NO_CONTEXT = Context()


@functools.lru_cache(maxsize=1 << 10)
def context_words(question: tuple[str, ...], source: tuple[str, ...] = ()) -> Context:
    """The :class:`Context` of a question's texts and its source's texts."""

    def stems(texts: tuple[str, ...]) -> frozenset[str]:
        return frozenset(_stem(w) for text in texts for w in words(text))

    return Context(stems(question), stems(source))


def described_match(
    expected: str, given: str, lang: str | None, context: Context = NO_CONTEXT
) -> Match:
    """The whole answer, with words that describe it around: "الرباط العاصمة".

    The answer must be a run of whole words of ``given``; every other word must be a role
    or title (رئيس, عمدة, الأول, نائب ...), a function word, a word of the question (or of
    its source, right after a role: :class:`Context`) or an adjective of a place named there
    (الكازاخستاني), and one at least a role or such an adjective. A hedge or a denial (أو,
    ليس, not ...), a digit, or any other word (another name) leaves the answer wrong.
    """
    t = _tables()
    g_words, size = words(given), len(words(expected))
    if not 1 < len(g_words) <= size + _MAX_DESCRIPTION or not may_describe(given, context):
        return WRONG
    if any(c.isdigit() for c in expected):
        return WRONG
    for n in range(1, size + 2):  # one word: a family name, then the name with its spaces
        for start in range(len(g_words) - n + 1):
            run = " ".join(g_words[start : start + n])
            found = text_match(expected, run, lang)
            if found.outcome != "correct" and n == 1:  # a family name alone
                found = found.better(name_match(expected, run, lang))
            if found.outcome != "correct":
                continue
            extra = g_words[:start] + g_words[start + n :]
            if _only_description(extra, t, context):
                return Match("correct", "ignored the description")
    return WRONG


@functools.lru_cache(maxsize=1 << 12)
def may_describe(given: str, context: Context) -> bool:
    """A role or an adjective, and no hedge, in ``given``: :func:`described_match` may apply."""
    t = _tables()
    folded = [fold(w) for w in words(given)]
    if any(w in HEDGES for w in folded):
        return False
    return any(s in t["roles"] or _nisba(s, context) for s in map(_stem, folded))


def _only_description(extra: list[str], t: dict[str, frozenset[str]], context: Context) -> bool:
    folded = [fold(w) for w in extra]
    if any(w in HEDGES or any(c.isdigit() for c in w) for w in folded):
        return False
    stems = [_stem(w) for w in folded]
    anchored = False
    after_role = False
    for stem, word in zip(stems, folded, strict=True):
        role = stem in t["roles"]
        adjective = _nisba(stem, context)
        known = stem in context.question or (after_role and stem in context.source)
        if not (role or adjective or known or word in t["function"]):
            return False
        anchored |= role or adjective
        after_role = role
    return anchored  # a role or an adjective says what the answer is; a bare word may not


def _nisba(stem: str, context: Context) -> bool:
    """An adjective of a place the question or source names: الكازاخستاني, المغربية.

    Or the adjective itself in the question ("اللقاح الكازاخستاني"); a name that ends in ي
    in the source (تلوبردي) is no adjective.
    """
    for ending in ("يه", "ي"):
        if stem.endswith(ending) and len(stem) > len(ending) + 2:
            base = stem.removesuffix(ending)
            return base in context.question or base in context.source or stem in context.question
    return False


_NEGATIONS = frozenset(fold(w) for w in "عدم لا غير ليس non not no anti sans".split())


def part_match(expected: str, given: str) -> Match:
    """At least half the words of a long name, in its order: "المنظمة الإسلامية", nearly.

    Not for a person's name (the given name alone has its own rule), never when a negation
    of the name is left out (انتشار الأسلحة النووية is not عدم انتشار ...), and never for
    generic words alone ("المنظمة").
    """
    e_words, g_words = words(expected), words(given)
    if len(e_words) < 3 or not 2 <= len(g_words) < len(e_words) or 2 * len(g_words) < len(e_words):
        return WRONG
    if _name_units(expected, False) is not None or any(c.isdigit() for c in expected + given):
        return WRONG  # a name has its own rules; a date or number is a value
    t = _tables()
    e_stems, g_stems = [_stem(w) for w in e_words], [_stem(w) for w in g_words]
    at, meaningful = 0, False
    for stem, word in zip(g_stems, g_words, strict=True):
        while at < len(e_stems) and e_stems[at] != stem:
            if fold(e_words[at]) in _NEGATIONS:
                return WRONG
            at += 1
        if at == len(e_stems):
            return WRONG
        at += 1
        folded = fold(word)
        meaningful |= not (stem in t["roles"] or folded in t["function"] or folded in t["kinds"])
    if any(fold(w) in _NEGATIONS for w in e_words[at:]) or not meaningful:
        return WRONG
    return Match("nearly", "part of the answer")
