"""Clauses of a sentence: where a fact's evidence, `about` and suggested question come from.

A clause is the text between separators: the punctuation ، ؛ : ; , ( ) and, before a word,
a conjunction or particle that opens a new clause (وأن, وقد, حيث, عندما, و + a verb). A
separator inside quotation marks does not count, so a quoted title stays whole. Everything
here works on character offsets into the sentence, so evidence stays verbatim.
"""

from __future__ import annotations

import bisect
import functools
import re
import sys

from kzlearn.language.text import fold

__all__ = ["Clause", "about", "clauses", "date_question", "evidence", "looks_like_verb"]

Clause = tuple[int, int]  # start and end offsets in the sentence

# Digits apart from letters: «1997وخلال» is a year, then a word that opens a clause.
_WORD = re.compile(r"\d+|(?:[^\W\d]|[\u064b-\u065f\u0670])+")
_OPEN_QUOTES = {"“": "”", "«": "»", '"': '"'}
_MARKS = re.compile(r'[،؛:;,()\[\]“”«»"]')
_TRIM = " \t،؛:;,.!?؟-–—"


def _folded(words: str) -> frozenset[str]:
    return frozenset(fold(w) for w in words.split())


# Particles that open a clause on their own, and after و or ف.
_OPENERS = _folded("حيث عندما بينما مما كما لكن إلا فإن فإنه أما إذ لقد")
_AFTER_AND = _folded("أن إن قد كان كانت لكن خلال في منذ بعد عندما حيث هذا هذه ذلك بدعوة")
# Frequent past-tense verbs of news writing (what a clause about an event starts with).
_VERBS = _folded(
    "قام قامت شارك شاركت زار زارت وقع وقعت أقيمت أقيم عقد عقدت انعقد انعقدت بدأ بدأت "
    "انتهى انتهت حصل حصلت أعلن أعلنت أصبح أصبحت انضم انضمت تم تمت جرى جرت أكد أكدت "
    "تباحث اتفق اتفقا استقبل استقبلت افتتح افتتحت تأسس تأسست أسس أنشئت ولد توفي صادق "
    "صادقت فاز فازت نظم نظمت احتفل احتفلت تحتفل أطلق أطلقت أعرب أشاد أشادا وصل وصلت غادر "
    "اعترف اعترفت حقق حققت سجل سجل دخل دخلت وافق وافقت قال قالت أشار أوضح أضاف هنأ "
    "استجاب رحب رحبا مرت مر تحولت تحول أبرم أبرمت اعتمد اعتمدت صدر صدرت فتح فتحت"
)
_NOT_VERBS = _folded("تحت ذات بيروت الكويت وقت بنت ثبت")
# Words that belong to a date phrase but say nothing of what happened.
_DATE_WORDS = _folded(
    "في منذ حتى عام سنة العام السنة يوم بتاريخ تاريخ شهر خلال صيف شتاء ربيع خريف مطلع "
    "أواخر أوائل منتصف الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت"
)


def _is_filler(word: str) -> bool:
    key = fold(word)
    return key in _DATE_WORDS or (len(key) > 2 and key[0] in "وف" and key[1:] in _DATE_WORDS)


def looks_like_verb(word: str, *, guess: bool = True) -> bool:
    """A guess that ``word`` (without و/ف) is a past-tense verb: a frequent one, or (with
    ``guess``) a short word ending in ت, which names such as جومارت also do."""
    key = fold(word)
    if key in _VERBS:
        return True
    return (
        guess
        and key not in _NOT_VERBS
        and key.endswith("ت")
        and not key.endswith("ات")
        and not key.startswith("ال")
        and 3 <= len(key) <= 6
    )


def _opens_clause(word: str) -> bool:
    key = fold(word)
    if key in _OPENERS:
        return True
    if len(key) > 2 and key[0] in "وف":
        rest = key[1:]
        return rest in _AFTER_AND or rest in _OPENERS or looks_like_verb(rest)
    return False


def clauses(sentence: str) -> list[Clause]:
    """The clauses of ``sentence``, as offsets, in order; each holds at least one word."""
    return list(_clauses(sentence))


@functools.lru_cache(maxsize=256)  # evidence, about and question each ask for a sentence's
def _clauses(sentence: str) -> tuple[Clause, ...]:
    # Each cut is (where a clause ends, where the next starts): punctuation is dropped, a
    # word that opens a clause is kept («1997وخلال» has no space to drop).
    cuts: list[tuple[int, int]] = []
    quoted: list[Clause] = []
    closing: str | None = None
    for match in _MARKS.finditer(sentence):
        char, at = match.group(), match.start()
        if closing is not None:
            if char == closing:
                quoted[-1] = (quoted[-1][0], at)
                closing = None
        elif char in _OPEN_QUOTES:
            closing = _OPEN_QUOTES[char]
            quoted.append((at, len(sentence)))
        else:
            cuts.append((at, at + 1))
    q = 0
    for match in _WORD.finditer(sentence):
        at = match.start()
        while q < len(quoted) and quoted[q][1] < at:
            q += 1  # words come in order: one walk over the quotations
        inside = q < len(quoted) and quoted[q][0] < at
        if at > 0 and not inside and _opens_clause(match.group()):
            cuts.append((at, at))
    bounds: list[Clause] = []
    start = 0
    for end, after in sorted(cuts):
        if _WORD.search(sentence, start, end):
            bounds.append(_trimmed(sentence, start, end))
        start = max(start, after)
    if _WORD.search(sentence, start):
        bounds.append(_trimmed(sentence, start, len(sentence)))
    return tuple(bounds)


def _trimmed(sentence: str, start: int, end: int) -> Clause:
    while start < end and sentence[start] in _TRIM:
        start += 1
    while end > start and sentence[end - 1] in _TRIM:
        end -= 1
    return start, end


def _words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in _WORD.finditer(text, start, end)]


def clause_of(bounds: list[Clause] | tuple[Clause, ...], start: int) -> int:
    """The index of the clause that holds offset ``start`` (the nearest one before it)."""
    return max(0, bisect.bisect_right(bounds, (start, sys.maxsize)) - 1)


_REACH = 400  # characters each side of a value: more than any evidence or about needs


def _near(sentence: str, start: int, end: int) -> tuple[list[Clause], int, bool]:
    """The clauses within reach of ``sentence[start:end]``, cut at words where they reach
    further; the index of the one that holds it; and whether that one was cut before it.
    Only what is near is read, so a sentence of a megabyte costs no more per value."""
    bounds = _clauses(sentence) or ((0, len(sentence)),)
    lo, hi = max(0, start - _REACH), min(len(sentence), end + _REACH)
    first, holder, last = (clause_of(bounds, at) for at in (lo, start, hi))
    near: list[Clause] = []
    here, cut = 0, False
    for k in range(first, last + 1):
        a, b = bounds[k]
        x, y = max(a, lo), min(b, hi)
        if x > a:  # start at a word, never inside one
            x = sentence.find(" ", x, start if k == holder else y) + 1 or a
        if y < b:
            y = max(sentence.rfind(" ", max(x, end), y), end)
        if x < y and _WORD.search(sentence, x, y):
            if k == holder:
                here, cut = len(near), x > a
            near.append((x, y))
    return near or [(start, end)], here, cut


def evidence(sentence: str, start: int, end: int, *, most: int = 30, least: int = 8) -> str:
    """Verbatim clause(s) around ``sentence[start:end]``: at least ``least`` words where
    the sentence has them (neighbouring clauses join), at most ``most``."""
    bounds, i, _cut = _near(sentence, start, end)
    first = last = i
    a, b = bounds[i][0], max(bounds[i][1], end)

    def size(x: int, y: int) -> int:
        return len(_words(sentence, x, y))

    while size(a, b) < least and (first > 0 or last < len(bounds) - 1):
        before = size(bounds[first - 1][0], b) if first > 0 else most + 1
        after = size(a, bounds[last + 1][1]) if last < len(bounds) - 1 else most + 1
        if min(before, after) > most:
            break
        if before <= after:
            first -= 1
            a = bounds[first][0]
        else:
            last += 1
            b = bounds[last][1]
    words = _words(sentence, a, b)
    if len(words) > most:
        at = next((k for k, (x, y) in enumerate(words) if y > start), 0)
        lo = max(0, min(at - most // 2, len(words) - most))
        a, b = words[lo][0], words[lo + most - 1][1]
    a, b = _trimmed(sentence, a, b)
    if sentence.count("(", a, b) > sentence.count(")", a, b) and sentence[b : b + 1] == ")":
        b += 1  # (قازفاك) keeps its closing bracket
    return sentence[a:b]


def _value_words(
    sentence: str, words: list[tuple[int, int]], start: int, end: int
) -> tuple[int, int] | None:
    """The first and last of ``words`` that make the value, widened over the filler words
    and day names just before and after it (في عام …, بتاريخ الخميس …)."""
    inside = [k for k, (x, _y) in enumerate(words) if start <= x < end]
    if not inside:
        return None
    lo, hi = inside[0], inside[-1]
    while lo > 0 and _is_filler(sentence[slice(*words[lo - 1])]):
        lo -= 1
    while hi + 1 < len(words) and _is_filler(sentence[slice(*words[hi + 1])]):
        hi += 1
    return lo, hi


def about(sentence: str, start: int, end: int, *, most: int = 12) -> str:
    """What the value at ``sentence[start:end]`` is about: its clause without it (and the
    filler words around it); the previous clause joins a clause of fewer than three words."""
    bounds, i, _cut = _near(sentence, start, end)
    words = _words(sentence, *bounds[i])
    span = _value_words(sentence, words, start, end)
    picked = words if span is None else words[: span[0]] + words[span[1] + 1 :]
    if len(picked) < 3 and i > 0:
        picked = _words(sentence, *bounds[i - 1]) + picked
    if len(picked) < 3 and i + 1 < len(bounds):
        picked += _words(sentence, *bounds[i + 1])
    if len(picked) > most:  # the words nearest the value
        at = next((k for k, (x, _y) in enumerate(picked) if x >= end), len(picked))
        lo = max(0, min(at - most // 2, len(picked) - most))
        picked = picked[lo : lo + most]
    return " ".join(sentence[x:y] for x, y in picked)


def _topic_first(sentence: str, kept: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """«أما المرحلة الثانية فقد بدأت …» → «بدأت المرحلة الثانية …»: the verb first."""
    keys = [fold(sentence[x:y]) for x, y in kept]
    if not keys or keys[0] != fold("أما"):
        return kept
    for k, key in enumerate(keys[1:], start=1):
        if key == fold("فقد") and k + 1 < len(kept):
            return [kept[k + 1], *kept[1:k], *kept[k + 2 :]]
        if key.startswith("ف") and looks_like_verb(key[1:]):
            return [kept[k], *kept[1:k], *kept[k + 1 :]]  # its ف goes with the others
    return kept


def date_question(sentence: str, start: int, end: int) -> str | None:
    """«متى …؟» from the clause that holds a date, the date (and its preposition) taken out;
    None unless what is left starts with a verb and has a few words after it."""
    bounds, i, cut = _near(sentence, start, end)
    if cut:
        return None  # the clause starts too far before the date to make a question
    words = _words(sentence, *bounds[i])
    if i > 0 and words and fold(sentence[slice(*words[0])]).startswith("ف"):
        topic = _words(sentence, *bounds[i - 1])
        if topic and fold(sentence[slice(*topic[0])]) == fold("أما"):
            words = topic + words  # «أما X» | «فقد بدأت …»: one clause for the question
    span = _value_words(sentence, words, start, end)
    if span is None:
        return None
    lo, hi = span
    kept = _topic_first(sentence, words[:lo] + words[hi + 1 :])
    while kept and fold(sentence[slice(*kept[0])]) in _OPENERS:
        kept = kept[1:]  # عندما حصلت … → حصلت …
    if len(kept) < 3:
        return None
    first = sentence[slice(*kept[0])]
    bare = first[1:] if fold(first)[:1] in ("و", "ف") and len(fold(first)) > 3 else first
    if not looks_like_verb(bare):
        return None
    texts = [bare] + [sentence[x:y] for x, y in kept[1:]]
    for k, text in enumerate(texts):
        if k >= 4 and fold(text) in ("التي", "الذي"):  # a long question ends at a relative
            texts = texts[:k]
            break
    if len(texts) > 16:
        return None  # too long to read as one question
    return "متى " + " ".join(texts) + "؟"
