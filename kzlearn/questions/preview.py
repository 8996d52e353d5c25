"""A teacher's preview: every item students can get, as they see it, with its answer.

Plain text in logical order, one block per item: the prompt, the choices (or entries,
pairs, passage) as shown, the answer, the distractors, what else is accepted, and the
evidence with its source. The command line reorders it for the terminal when it is one.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from kzlearn.language.numbers import format_number
from kzlearn.localized import Localized
from kzlearn.models import (
    ClozeItem,
    FlashcardItem,
    Item,
    MatchItem,
    McqItem,
    MultiItem,
    OrderItem,
    Pack,
    PartialAnswer,
    ShortItem,
    TrueFalseItem,
)
from kzlearn.questions.grading import blank_kind

__all__ = ["preview_lines"]

_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "mcq": "multiple choice",
        "multi": "select all that apply",
        "partial": "Partly right",
        "true_false": "true or false",
        "short": "typed answer",
        "cloze": "fill in the blanks",
        "order": "ordering",
        "match": "matching",
        "flashcard": "flashcard",
        "back": "Back",
        "hint": "Hint",
        "reverse": "also asked back to front",
        "answer": "Answer",
        "distractors": "Distractors",
        "accepted": "Also accepted",
        "evidence": "Evidence",
        "explanation": "Explanation",
        "true": "true",
        "false": "false",
        "fact": "fact",
        "written": "written by hand",
        "generated": "generated",
        "no_text": "(no passage in this language: left out of quizzes in it)",
        "graded": "Graded",
        "as_date": "as a date: every region's month names (ماي, دجنبر, أيار…), Arabic-Indic "
        "digits, with or without عام; for a fuller date, the year alone is nearly",
        "as_number": "as a number: digits of both kinds, number words and ordinals",
        "as_name": "as a name: the family name alone is right, the given name alone nearly",
        "as_text": "as text: spelling variants of hamza, alef, taa marbuta and yaa, "
        "diacritics, titles and 'the' are forgiven",
    },
    "ar": {
        "mcq": "اختيار من متعدد",
        "multi": "اختر كل الإجابات الصحيحة",
        "partial": "صحيح جزئياً",
        "true_false": "صواب أم خطأ",
        "short": "إجابة مكتوبة",
        "cloze": "املأ الفراغ",
        "order": "ترتيب",
        "match": "مطابقة",
        "flashcard": "بطاقة",
        "back": "الظهر",
        "hint": "تلميح",
        "reverse": "تُسأل أيضاً من الظهر إلى الوجه",
        "answer": "الإجابة",
        "distractors": "المموهات",
        "accepted": "يُقبل أيضاً",
        "evidence": "الشاهد",
        "explanation": "الشرح",
        "true": "صواب",
        "false": "خطأ",
        "fact": "المعلومة",
        "written": "مكتوب يدوياً",
        "generated": "مولَّد",
        "no_text": "(لا نص بهذه اللغة: لا يظهر في اختباراتها)",
        "graded": "التصحيح",
        "as_date": "كتاريخ: تُقبل أسماء الشهور في كل البلدان (ماي، دجنبر، أيار…) والأرقام "
        "الهندية، مع «عام» أو بدونها؛ والسنة وحدها «قريبة» إن كان التاريخ أتمّ منها",
        "as_number": "كعدد: بالأرقام بنوعيها، وبالحروف، وبالأعداد الترتيبية",
        "as_name": "كاسم شخص: يكفي اسم العائلة، والاسم الأول وحده «قريب»",
        "as_text": "كنص: تُغتفر فروق الهمزة والألف والتاء المربوطة والياء والتشكيل والألقاب",
    },
}


def preview_lines(
    pack: Pack, items: Sequence[Item], *, lang: str | None = None, fact: str | None = None
) -> Iterator[str]:
    """The preview of ``items`` of ``pack`` in ``lang`` (the pack's language by default),
    only those of ``fact`` when it is given; a text of several lines (an explanation with
    each answer's feedback) gives several lines, the next ones indented."""
    for block in _blocks(pack, items, lang=lang, fact=fact):
        first, *rest = block.split("\n")
        yield first
        yield from (f"    {line}" for line in rest)


def _blocks(
    pack: Pack, items: Sequence[Item], *, lang: str | None, fact: str | None
) -> Iterator[str]:
    lang = lang or pack.language
    words = _LABELS.get(lang, _LABELS["en"])
    written = {item.id for item in pack.items}

    def t(value: Localized) -> str:
        return value.get(lang, pack.language)

    for item in items:
        if fact is not None and item.fact != fact:
            continue
        origin = words["written"] if item.id in written else words["generated"]
        about = f" · {words['fact']} {item.fact}" if item.fact else ""
        yield f"── {pack.id}/{item.id}  ({words[item.type]} · {origin}{about})"
        yield t(item.prompt)
        yield from _body(item, pack, lang, words)
        fact_of = next((f for f in pack.facts if f.id == item.fact), None)
        explanation = item.explanation or (fact_of.note if fact_of else None)
        if explanation is not None:  # as the quiz shows it: the item's own, else its fact's
            yield f"{words['explanation']}: {t(explanation)}"
        evidence = item.evidence or (fact_of.evidence if fact_of else None)
        if evidence is not None:
            source = pack.source(evidence.source)
            cite = f" — {source.title.get(source.language, pack.language)}" if source else ""
            yield f"{words['evidence']}: «{t(evidence.quote)}»{cite}"
        yield ""


def _partial(partial: Sequence[PartialAnswer], words: dict[str, str]) -> Iterator[str]:
    if partial:
        shown = [
            f"{p.answer}{'' if p.tolerance is None else f' ± {p.tolerance:g}'} ({p.weight:.4g}%)"
            for p in partial
        ]
        yield f"{words['partial']}: {' · '.join(shown)}"


def _body(item: Item, pack: Pack, lang: str, words: dict[str, str]) -> Iterator[str]:
    def text(value: Localized) -> str:
        return value.get(lang, pack.language)

    if isinstance(item, McqItem | MultiItem):
        right = (item.answer_index,) if isinstance(item, McqItem) else item.answer_indexes
        weights = _weights(item)
        for i, choice in enumerate(item.choices):
            mark = "  ✓" if i in right else ""
            share = f" ({format_number(round(weights[i], 2))}%)" if weights[i] else ""
            yield f"  {chr(ord('a') + i)}) {text(choice)}{mark}{share}"
        if isinstance(item, MultiItem):
            return
        yield f"{words['answer']}: {text(item.answer)}"
        wrong = [text(c) for i, c in enumerate(item.choices) if i != item.answer_index]
        yield f"{words['distractors']}: {' · '.join(wrong)}"
    elif isinstance(item, TrueFalseItem):
        yield f"{words['answer']}: {words['true' if item.answer else 'false']}"
    elif isinstance(item, ShortItem):
        within = "" if item.tolerance is None else f" ± {item.tolerance:g}"
        yield f"{words['answer']}: {text(item.answer)}{within}"
        others = [a for a in (*item.answer.values(), *item.accept) if a != text(item.answer)]
        if others:
            yield f"{words['accepted']}: {' · '.join(dict.fromkeys(others))}"
        yield from _partial(item.partial, words)
        yield f"{words['graded']} {words['as_' + item.grade_as]}"
    elif isinstance(item, ClozeItem):
        if not item.text.has(lang, pack.language):
            yield words["no_text"]
        passage = text(item.text)
        blanks = item.blanks(lang, pack.language)
        shown = passage
        for i, _ in enumerate(blanks, start=1):
            start, end = shown.find("{{"), shown.find("}}")
            shown = f"{shown[:start]}[{i}]____{shown[end + 2 :]}"
        yield f"  {shown}"
        for i, answers in enumerate(blanks, start=1):
            rest = f" ({' · '.join(answers[1:])})" if len(answers) > 1 else ""
            yield f"{words['answer']} [{i}]: {answers[0]}{rest}"
            yield f"  {words['graded']} {words['as_' + blank_kind(answers[0])]}"
    elif isinstance(item, OrderItem):
        for i, entry in enumerate(item.sequence, start=1):
            yield f"  {i}. {text(entry)}"
    elif isinstance(item, MatchItem):
        for i, pair in enumerate(item.pairs, start=1):
            yield f"  {i}. {text(pair.left)} → {text(pair.right)}"
    elif isinstance(item, FlashcardItem):
        if item.hint is not None:
            yield f"{words['hint']}: {text(item.hint)}"
        yield f"{words['back']}: {text(item.back)}"
        if item.reverse:
            yield f"({words['reverse']})"


def _weights(item: McqItem | MultiItem) -> list[float]:
    """What each choice earns, where it is not all or nothing: Moodle's weights."""
    if isinstance(item, MultiItem):
        return list(item.weights) if item.weights is not None else [0.0] * len(item.choices)
    return list(item.partial_weights())
