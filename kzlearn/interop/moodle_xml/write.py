"""Packs to Moodle XML: a question bank Moodle's importer reads (question/format/xml), and
that ``read_moodle_xml`` turns back into the same items.

Each pack is a category named by its title, each item's first tag a category below it;
every tag is also a Moodle tag. HTML texts are in CDATA sections (a ``]]>`` in a text is
split across two), right to left in a right-to-left language.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from xml.sax.saxutils import escape

from kzlearn.interop.feedback import split_explanation
from kzlearn.interop.moodle_xml.questions import MOODLE_GRADES
from kzlearn.interop.moodle_xml.read import GRADE_TAG
from kzlearn.interop.moodle_xml.text import cloze_code, is_decimal, text_to_html
from kzlearn.language.numbers import format_number, parse_decimal
from kzlearn.localized import Localized
from kzlearn.models import (
    CLOZE_BLANK,
    ClozeItem,
    Item,
    MatchItem,
    McqItem,
    MultiItem,
    OrderItem,
    Pack,
    ShortItem,
    TrueFalseItem,
)

__all__ = ["MoodleExport", "to_moodle_xml"]


@dataclass(frozen=True, slots=True)
class MoodleExport:
    """The text of a Moodle XML file, and the items it could not hold."""

    text: str
    written: int
    skipped: list[str]


def _cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _html(tag: str, body: str, indent: str = "    ") -> str:
    return (
        f'{indent}<{tag} format="html">\n{indent}  <text>{_cdata(body)}</text>\n{indent}</{tag}>'
    )


def _inline(text: str) -> str:
    return html.escape(text, quote=False).replace("\n", "<br>")


def _percent(fraction: float) -> str:
    return f"{fraction:.5f}".rstrip("0").rstrip(".")  # as Moodle writes: 33.33333


def _answer(fraction: float, text: str, *, rich: bool = True, feedback: str = "") -> str:
    body = _cdata(_inline(text)) if rich else escape(text)
    form = "html" if rich else "moodle_auto_format"
    said = _cdata(_inline(feedback)) if feedback else ""
    return (
        f'    <answer fraction="{_percent(fraction)}" format="{form}">\n'
        f"      <text>{body}</text>\n"
        f'      <feedback format="html">\n        <text>{said}</text>\n      </feedback>\n'
        "    </answer>"
    )


def _feedback_of(item: Item, t: Callable[[Localized], str]) -> list[tuple[str, bool]]:
    """The answers an explanation may give feedback to (as the import writes them), and
    whether each is right."""
    if isinstance(item, McqItem):
        return [(t(c), i == item.answer_index) for i, c in enumerate(item.choices)]
    if isinstance(item, MultiItem):
        right = set(item.answer_indexes)
        return [(t(c), i in right) for i, c in enumerate(item.choices)]
    if isinstance(item, TrueFalseItem):
        return [("true", item.answer), ("false", not item.answer)]
    if isinstance(item, ShortItem) and item.grade_as != "number":  # numbers are rewritten
        accepted = [(a, True) for a in (t(item.answer), *item.accept)]
        return [*accepted, *((p.answer, False) for p in item.partial)]
    return []


def _category(parts: list[str], info: str = "") -> str:
    # A space keeps a name's first or last '/' from pairing with a separator; Moodle trims it.
    names = [f" {p} " if p.startswith("/") or p.endswith("/") else p for p in parts]
    path = "/".join(p.replace("/", "//") for p in ["$course$", "top", *names])
    return (
        '  <question type="category">\n'
        f"    <category>\n      <text>{escape(path)}</text>\n    </category>\n"
        f'    <info format="html">\n      <text>{_cdata(info) if info else ""}</text>\n'
        "    </info>\n"
        "  </question>"
    )


_GRADES = [100 * g for g in MOODLE_GRADES if g]  # what Moodle's importer accepts


class _NoFormError(Exception):
    """An item Moodle cannot hold; the message says why."""


def _grade(weight: float) -> float:
    for grade in _GRADES:
        if abs(abs(weight) - grade) < 0.01:
            return grade if weight > 0 else -grade
    if weight == 0:
        return 0
    raise _NoFormError(f"{weight:g}% is not one of Moodle's grades")


def _decimal(text: str) -> str | None:
    value = parse_decimal(text)
    if value is None:
        return None
    written = format_number(value)
    return written if is_decimal(written) else repr(float(value))


def _choices(
    item: McqItem | MultiItem, t: Callable[[Localized], str], own: dict[str, str]
) -> list[str]:
    if isinstance(item, MultiItem):
        weights = list(item.choice_weights())
        single = "false"
    else:
        weights = list(item.partial_weights())
        weights[item.answer_index] = 100
        single = "true"
    answers = [
        _answer(_grade(w), t(c), feedback=own.get(t(c), ""))
        for w, c in zip(weights, item.choices, strict=True)
    ]
    head = (
        f"    <single>{single}</single>\n    <shuffleanswers>true</shuffleanswers>\n"
        "    <answernumbering>abc</answernumbering>"
    )
    return [head, *answers]


def _numerical(item: ShortItem, numbers: list[str]) -> list[str]:
    def answer(fraction: float, number: str, tolerance: float | None) -> str:
        within = f"      <tolerance>{tolerance or 0:g}</tolerance>\n    </answer>"
        return _answer(fraction, number, rich=False).replace("    </answer>", within)

    answers = [answer(100, n, item.tolerance) for n in dict.fromkeys(numbers)]
    for partial in item.partial:
        number = _decimal(partial.answer) or partial.answer
        answers.append(answer(_grade(partial.weight), number, partial.tolerance))
    units = (
        "    <unitgradingtype>0</unitgradingtype>\n    <unitpenalty>0.1</unitpenalty>\n"
        "    <showunits>3</showunits>\n    <unitsleft>0</unitsleft>"
    )
    return [*answers, units]


def _body(item: Item, t: Callable[[Localized], str], own: dict[str, str]) -> tuple[str, list[str]]:
    """The Moodle type and the elements after the header (``own``: each answer's
    feedback).

    Raises:
        _NoFormError: Moodle has no such question.
    """
    if isinstance(item, McqItem | MultiItem):
        return "multichoice", _choices(item, t, own)
    if isinstance(item, TrueFalseItem):
        return "truefalse", [
            _answer(100 if item.answer else 0, "true", rich=False, feedback=own.get("true", "")),
            _answer(0 if item.answer else 100, "false", rich=False, feedback=own.get("false", "")),
        ]
    if isinstance(item, ShortItem):
        accepted = [t(item.answer), *item.accept]
        numbers = [_decimal(a) for a in accepted] if item.grade_as == "number" else [None]
        if None not in numbers:  # words among the answers ("thirty"): a short answer
            return "numerical", _numerical(item, [n for n in numbers if n is not None])
        answers = [_answer(100, a, rich=False, feedback=own.get(a, "")) for a in accepted]
        answers += [
            _answer(_grade(p.weight), p.answer, rich=False, feedback=own.get(p.answer, ""))
            for p in item.partial
        ]
        return "shortanswer", ["    <usecase>0</usecase>", *answers]
    if isinstance(item, MatchItem):
        pairs = [
            '    <subquestion format="html">\n'
            f"      <text>{_cdata(_inline(t(p.left)))}</text>\n"
            f"      <answer>\n        <text>{escape(t(p.right))}</text>\n      </answer>\n"
            "    </subquestion>"
            for p in item.pairs
        ]
        return "matching", ["    <shuffleanswers>true</shuffleanswers>", *pairs]
    if isinstance(item, OrderItem):
        head = (
            "    <layouttype>VERTICAL</layouttype>\n    <selecttype>ALL</selecttype>\n"
            f"    <selectcount>{len(item.sequence)}</selectcount>\n"
            "    <gradingtype>ABSOLUTE_POSITION</gradingtype>\n"
            "    <showgrading>SHOW</showgrading>\n    <numberingstyle>none</numberingstyle>"
        )
        # the fraction of an ordering answer is its position, as qtype_ordering writes it
        return "ordering", [head, *(_answer(i, t(e)) for i, e in enumerate(item.sequence, 1))]
    raise _NoFormError(f"Moodle has no {item.type} question")


def _question(item: Item, pack: Pack, lang: str) -> str:
    def t(value: Localized) -> str:
        return value.get(lang, pack.language)

    def paragraph(value: Localized, text: str | None = None) -> str:
        # right to left if its text is in such a language
        written = lang if value.has(lang, pack.language) else pack.language
        return text_to_html(t(value) if text is None else text, written)

    if isinstance(item, ClozeItem):
        kind, parts = "cloze", list[str]()
        passage, last = list[str](), 0
        text = t(item.text)
        for match in CLOZE_BLANK.finditer(text):
            passage.append(_inline(text[last : match.start()]))
            answers = tuple(a.strip() for a in match.group(1).split("|"))
            if any("*" in a for a in answers):
                raise _NoFormError("a blank's answer holds '*', a wildcard in Moodle's cloze")
            passage.append(cloze_code(answers))
            last = match.end()
        passage.append(_inline(text[last:]))
        opening = paragraph(item.text).partition(">")[0] + ">"
        body = f"{paragraph(item.prompt)}{opening}{''.join(passage)}</p>"
    general, own = "", dict[str, str]()
    if item.explanation:  # each answer's own feedback, as the import wrote it, goes back
        general, own = split_explanation(t(item.explanation), _feedback_of(item, t))
    if not isinstance(item, ClozeItem):
        kind, parts = _body(item, t, own)
        body = paragraph(item.prompt)
    feedback = paragraph(item.explanation, general) if item.explanation and general else ""
    lines = [
        f'  <question type="{kind}">',
        f"    <name>\n      <text>{escape(item.id)}</text>\n    </name>",
        _html("questiontext", body),
        _html("generalfeedback", feedback),
    ]
    if kind != "cloze":  # a cloze question's grade is the sum of its fields'
        lines.append("    <defaultgrade>1</defaultgrade>")
    # Moodle's own defaults: a second try at true/false earns nothing, elsewhere 2/3.
    penalty = "1" if kind == "truefalse" else "0.3333333"
    lines += [f"    <penalty>{penalty}</penalty>", "    <hidden>0</hidden>", *parts]
    tags = list(item.tags)
    if isinstance(item, ShortItem) and kind == "shortanswer" and item.grade_as != "text":
        tags.append(GRADE_TAG + item.grade_as)
    if tags:
        inner = "".join(f"      <tag><text>{escape(tag)}</text></tag>\n" for tag in tags)
        lines.append(f"    <tags>\n{inner}    </tags>")
    lines.append("  </question>")
    return "\n".join(lines)


def to_moodle_xml(
    packs: Iterable[Pack], items: dict[str, list[Item]], *, lang: str | None = None
) -> MoodleExport:
    """Moodle XML of every item of ``packs`` (``items`` by pack id), in ``lang`` (default:
    each pack's language); a category per pack and, below it, per first tag."""
    blocks: list[str] = []
    skipped: list[str] = []
    written = 0
    for pack in packs:
        language = lang or pack.language
        title = pack.text(pack.title, language)
        description = pack.description
        info = text_to_html(pack.text(description, language), language) if description else ""
        blocks.append(_category([title], info))  # the pack's own category, described
        category: list[str] | None = [title]
        for item in items[pack.id]:
            wanted = [title, item.tags[0]] if item.tags else [title]
            try:
                question = _question(item, pack, language)
            except _NoFormError as why:
                skipped.append(f"{pack.id}/{item.id} ({why})")
                continue
            if wanted != category:
                category = wanted
                blocks.append(_category(wanted))
            blocks.append(question)
            written += 1
    text = '<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n' + "\n\n".join(blocks) + "\n</quiz>\n"
    return MoodleExport(text, written, skipped)
