"""Packs to Moodle XML: a question bank Moodle's importer reads (question/format/xml), and
that ``read_moodle_xml`` turns back into the same items.

Each pack is a category named by its title, each item's first tag a category below it;
every tag is also a Moodle tag. HTML texts are in CDATA sections (a ``]]>`` in a text is
split across two), right to left in a right-to-left language.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from xml.sax.saxutils import escape

from kzlearn.interop.moodle_xml.read import GRADE_TAG
from kzlearn.interop.moodle_xml.text import cloze_code, is_decimal, text_to_html
from kzlearn.language.numbers import format_number, parse_number
from kzlearn.localized import Localized
from kzlearn.models import (
    ClozeItem,
    Item,
    MatchItem,
    McqItem,
    OrderItem,
    Pack,
    ShortItem,
    TrueFalseItem,
)

__all__ = ["MoodleExport", "to_moodle_xml"]

_BLANK = re.compile(r"\{\{((?:(?!\{\{|\}\})[^\n])*)\}\}")  # as kzlearn.models.items


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


def _answer(fraction: float, text: str, *, rich: bool = True) -> str:
    body = _cdata(_inline(text)) if rich else escape(text)
    form = "html" if rich else "moodle_auto_format"
    return (
        f'    <answer fraction="{fraction:g}" format="{form}">\n'
        f"      <text>{body}</text>\n"
        '      <feedback format="html">\n        <text></text>\n      </feedback>\n'
        "    </answer>"
    )


def _category(parts: list[str]) -> str:
    path = "/".join(p.replace("/", "//") for p in ["$course$", "top", *parts])
    return (
        '  <question type="category">\n'
        f"    <category>\n      <text>{escape(path)}</text>\n    </category>\n"
        '    <info format="html">\n      <text></text>\n    </info>\n'
        "  </question>"
    )


def _decimal(text: str) -> str | None:
    value = parse_number(text)
    if value is None:
        return None
    written = format_number(value)
    return written if is_decimal(written) else repr(float(value))


def _body(item: Item, t: Callable[[Localized], str], lang: str) -> tuple[str, list[str]] | None:
    """The Moodle type and the elements after the header, or None: no Moodle form."""
    if isinstance(item, McqItem):
        answers = [
            _answer(100 if i == item.answer_index else 0, t(c)) for i, c in enumerate(item.choices)
        ]
        head = "    <single>true</single>\n    <shuffleanswers>true</shuffleanswers>\n"
        return "multichoice", [head + "    <answernumbering>abc</answernumbering>", *answers]
    if isinstance(item, TrueFalseItem):
        return "truefalse", [
            _answer(100 if item.answer else 0, "true", rich=False),
            _answer(0 if item.answer else 100, "false", rich=False),
        ]
    if isinstance(item, ShortItem):
        accepted = [t(item.answer), *item.accept]
        numbers = [_decimal(a) for a in accepted] if item.grade_as == "number" else [None]
        if None not in numbers:  # words among the answers ("thirty"): a short answer
            answers = [
                _answer(100, n, rich=False).replace(
                    "    </answer>", "      <tolerance>0</tolerance>\n    </answer>"
                )
                for n in dict.fromkeys(n for n in numbers if n is not None)
            ]
            units = (
                "    <unitgradingtype>0</unitgradingtype>\n    <unitpenalty>0.1</unitpenalty>\n"
                "    <showunits>3</showunits>\n    <unitsleft>0</unitsleft>"
            )
            return "numerical", [*answers, units]
        answers = [_answer(100, a, rich=False) for a in accepted]
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
            "    <selectcount>0</selectcount>\n"
            "    <gradingtype>ABSOLUTE_POSITION</gradingtype>\n"
            "    <showgrading>SHOW</showgrading>\n    <numberingstyle>none</numberingstyle>"
        )
        return "ordering", [head, *(_answer(i, t(e)) for i, e in enumerate(item.sequence, 1))]
    return None


def _question(item: Item, pack: Pack, lang: str) -> str | None:
    def t(value: Localized) -> str:
        return value.get(lang, pack.language)

    if isinstance(item, ClozeItem):
        kind, parts = "cloze", list[str]()
        passage, last = list[str](), 0
        text = t(item.text)
        for match in _BLANK.finditer(text):
            passage.append(_inline(text[last : match.start()]))
            answers = tuple(a.strip() for a in match.group(1).split("|"))
            passage.append(cloze_code(answers))
            last = match.end()
        passage.append(_inline(text[last:]))
        rtl = text_to_html("", lang).removesuffix("</p>")
        body = f"{text_to_html(t(item.prompt), lang)}{rtl}{''.join(passage)}</p>"
    else:
        found = _body(item, t, lang)
        if found is None:
            return None
        kind, parts = found
        body = text_to_html(t(item.prompt), lang)
    feedback = text_to_html(t(item.explanation), lang) if item.explanation else ""
    lines = [
        f'  <question type="{kind}">',
        f"    <name>\n      <text>{escape(item.id)}</text>\n    </name>",
        _html("questiontext", body),
        _html("generalfeedback", feedback),
    ]
    if kind != "cloze":  # a cloze question's grade is the sum of its fields'
        lines.append("    <defaultgrade>1</defaultgrade>")
    lines += ["    <penalty>0.3333333</penalty>", "    <hidden>0</hidden>", *parts]
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
        category: list[str] | None = None
        for item in items[pack.id]:
            wanted = [title, item.tags[0]] if item.tags else [title]
            question = _question(item, pack, language)
            if question is None:
                skipped.append(f"{pack.id}/{item.id}")
                continue
            if wanted != category:
                category = wanted
                blocks.append(_category(wanted))
            blocks.append(question)
            written += 1
    text = '<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n' + "\n\n".join(blocks) + "\n</quiz>\n"
    return MoodleExport(text, written, skipped)
