"""Moodle XML export, then import: the bundled decks come back as the same items, and
the file holds only what Moodle's importer (question/format/xml/format.php) reads."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kzlearn import Pack, load_packs
from kzlearn.interop.moodle_xml import read_moodle_xml
from kzlearn.interop.moodle_xml.text import is_decimal
from kzlearn.interop.moodle_xml.write import to_moodle_xml
from kzlearn.language.numbers import parse_decimal
from kzlearn.localized import Localized
from kzlearn.models import (
    ClozeItem,
    Item,
    MatchItem,
    McqItem,
    MultiItem,
    OrderItem,
    ShortItem,
    TrueFalseItem,
)
from kzlearn.models.validation import validate_pack
from kzlearn.packs import parse_pack
from kzlearn.questions.generate import all_items
from tests.conftest import DECKS

PACKS = load_packs(DECKS)

# Every item type, and texts that XML, HTML and Moodle's cloze syntax each treat specially.
EDGE = parse_pack(
    """
id: edge
title: "Edge / cases ]]> & <b>"
description: "About <this> &amp; that ]]> too"
language: en
tags: [x]
items:
  - {id: n, type: short, prompt: "How many? 3 < 4 & 5 > 2", answer: "1.5", accept: ["2"],
     grade_as: number, explanation: "Two lines:\\nthe second ]]> here"}
  - {id: d, type: short, prompt: "When?", answer: "1991-12-16", grade_as: date}
  - {id: p, type: short, prompt: "Who?", answer: "Nazarbayev", grade_as: name, accept: [N]}
  - {id: m, type: mcq, prompt: "<i>not a tag</i>?", choices: ["a & b", "c ]]> d", "&amp;"],
     answer: "&amp;", tags: [t1, t2]}
  - {id: c, type: cloze, prompt: "Fill", text: "A {{x~y|z#w}} and {{a/b \\"q\\" \\\\}} end"}
  - {id: o, type: order, prompt: "Order", sequence: ["1 & 2", "<3>", "four"]}
  - {id: mu, type: multi, prompt: "Which?", choices: [a, b, c, d], answers: [a, c]}
  - {id: mw, type: multi, prompt: "Which?", choices: [a, b, c], answers: [a, b],
     weights: [75, 25, -100]}
  - {id: mp, type: mcq, prompt: "Where?", choices: [Nazareth, Galilee, Jerusalem],
     answer: Nazareth, partial: [{answer: Galilee, weight: 50}]}
  - {id: sp, type: short, prompt: "Who?", answer: "Grant", accept: ["Ulysses * Grant"],
     partial: [{answer: "Ulysses", weight: 33.33333}]}
  - {id: nt, type: short, prompt: "Pi?", answer: "3.1415", grade_as: number, tolerance: 0.0005,
     partial: [{answer: "3", weight: 50, tolerance: 0.5}]}
  - {id: mt, type: match, prompt: "Match",
     pairs: [{left: "<a>", right: "&b"}, {left: "c", right: "d"}]}
""",
    "edge.yaml",
)


def project(item: Item, lang: str, default: str) -> dict[str, Any]:
    """What a Moodle XML file in ``lang`` says of ``item``."""

    def t(value: Localized | None) -> str | None:
        return None if value is None else value.get(lang, default)

    seen: dict[str, Any] = {
        "id": item.id,
        "type": item.type,
        "prompt": t(item.prompt),
        "explanation": t(item.explanation),
        "tags": item.tags,
    }
    if isinstance(item, McqItem):
        seen |= {"choices": [t(c) for c in item.choices], "answer": t(item.answer)}
        seen["partial"] = [(p.answer, round(p.weight, 3)) for p in item.partial]
    elif isinstance(item, MultiItem):
        seen |= {"choices": [t(c) for c in item.choices], "answers": [t(a) for a in item.answers]}
        seen["weights"] = [round(w, 3) for w in item.choice_weights()]
    elif isinstance(item, TrueFalseItem):
        seen["answer"] = item.answer
    elif isinstance(item, ShortItem):
        accepted: list[object] = [t(item.answer), *item.accept]
        if item.grade_as == "number" and all(is_decimal(str(a)) for a in accepted):
            accepted = [parse_decimal(str(a)) for a in accepted]  # as Moodle writes one
        seen |= {"answer": accepted[0], "accept": accepted[1:], "grade_as": item.grade_as}
        seen["tolerance"] = item.tolerance or 0
        seen["partial"] = [(p.answer, round(p.weight, 3), p.tolerance) for p in item.partial]
    elif isinstance(item, ClozeItem):
        seen["text"] = t(item.text)
    elif isinstance(item, OrderItem):
        seen["sequence"] = [t(e) for e in item.sequence]
    else:
        assert isinstance(item, MatchItem)
        seen["pairs"] = [(t(p.left), t(p.right)) for p in item.pairs]
    return seen


@pytest.mark.parametrize("lang", [None, "en"])
@pytest.mark.parametrize("pack", [*PACKS, EDGE], ids=lambda p: p.id)
def test_an_export_imports_back_as_the_same_items(pack: Pack, lang: str | None) -> None:
    every = all_items(pack)
    exported = to_moodle_xml([pack], {pack.id: every}, lang=lang)
    items = [i for i in every if i.type != "flashcard"]
    assert exported.skipped == [  # Moodle has no flashcard: each is listed
        f"{pack.id}/{i.id} (Moodle has no flashcard question)" for i in every if i not in items
    ]
    assert exported.written == len(items)
    language = lang or pack.language
    back = read_moodle_xml(exported.text, "x.xml", pack_id=pack.id, lang=language, strict=True)
    assert back.pack.title == Localized(pack.text(pack.title, language))
    assert pack.description is not None
    assert back.pack.description == Localized(pack.text(pack.description, language))
    assert [project(i, language, language) for i in back.pack.items] == [
        project(i, language, pack.language) for i in items
    ]


def test_several_packs_export_under_their_titles_and_import_as_one() -> None:
    items = {pack.id: all_items(pack) for pack in PACKS}
    exported = to_moodle_xml(PACKS, items)
    back = read_moodle_xml(exported.text, "x.xml", pack_id="all", lang="ar")
    assert len(back.pack.items) == sum(map(len, items.values())) - len(exported.skipped)
    assert all(s.endswith("(Moodle has no flashcard question)") for s in exported.skipped)
    assert back.pack.title == Localized("all")  # two top categories: the pack id


# What qformat_xml reads of each question type (import_headers, import_multichoice, ...)
# and of qtype_ordering: an element the export writes outside these would be ignored.
_READ = {
    "*": {"name", "questiontext", "generalfeedback", "defaultgrade", "penalty", "hidden",
          "tags", "idnumber"},
    "multichoice": {"single", "shuffleanswers", "answernumbering", "answer"},
    "truefalse": {"answer"},
    "shortanswer": {"usecase", "answer"},
    "numerical": {"answer", "unitgradingtype", "unitpenalty", "showunits", "unitsleft"},
    "matching": {"shuffleanswers", "subquestion"},
    "ordering": {"layouttype", "selecttype", "selectcount", "gradingtype", "showgrading",
                 "numberingstyle", "answer"},
    "cloze": set(),
}  # fmt: skip


# What each type needs written, else Moodle's default is not kzlearn's (shuffleanswers is
# false by default; qtype_ordering selects 6 at RANDOM and grades RELATIVE).
_WRITTEN = {
    "*": {"name", "questiontext", "generalfeedback", "defaultgrade", "penalty", "hidden"},
    "cloze": {"name", "questiontext", "generalfeedback", "penalty", "hidden"},
    "multichoice": {"single", "shuffleanswers", "answernumbering"},
    "shortanswer": {"usecase"},
    "numerical": {"unitgradingtype", "unitpenalty", "showunits", "unitsleft"},
    "matching": {"shuffleanswers"},
    "ordering": {"layouttype", "selecttype", "selectcount", "gradingtype", "showgrading"},
}  # fmt: skip


# question_bank::fraction_options_full(): Moodle's importer refuses any other fraction.
_MOODLE_GRADES = [
    0, 0.05, 0.1, 0.1111111, 0.125, 0.1428571, 0.1666667, 0.2, 0.25, 0.3,
    0.3333333, 0.4, 0.5, 0.6, 0.6666667, 0.7, 0.75, 0.8, 0.8333333, 0.9, 1,
]  # fmt: skip


def test_the_export_holds_what_moodles_importer_reads() -> None:
    packs = [*PACKS, EDGE]
    exported = to_moodle_xml(packs, {pack.id: all_items(pack) for pack in packs})
    root = ET.fromstring(exported.text)
    assert root.tag == "quiz"
    kinds = set()
    for question in root.iter("question"):
        kind = question.get("type", "")
        if kind == "category":
            assert question.findtext("category/text", "").startswith("$course$/top/")
            continue
        kinds.add(kind)
        tags = {child.tag for child in question}
        assert tags <= _READ["*"] | _READ[kind]
        assert tags >= _WRITTEN["*" if kind != "cloze" else "cloze"] | _WRITTEN.get(kind, set())
        # Moodle's defaults: one try at true/false, a third off per try elsewhere
        assert question.findtext("penalty") == ("1" if kind == "truefalse" else "0.3333333")
        if kind == "multichoice":
            positive = [float(a.get("fraction", "")) for a in question.findall("answer")]
            positive = [f for f in positive if f > 0]
            if question.findtext("single") == "true":  # Moodle: one answer worth 100%
                assert max(positive) == 100
            else:  # Moodle: the right answers add up to 100% (rounded to 2 places)
                assert question.findtext("single") == "false"
                assert round(sum(positive) / 100, 2) == 1
        fractions = [float(a.get("fraction", "")) for a in question.findall("answer")]
        if kind == "ordering":  # qtype_ordering writes each answer's position
            assert fractions == list(range(1, len(fractions) + 1))
        else:
            assert all(
                any(abs(abs(f) / 100 - g) < 1e-7 for g in _MOODLE_GRADES) for f in fractions
            )
        for answer in question.findall("answer"):
            assert answer.find("text") is not None
        if kind in ("shortanswer", "numerical", "truefalse"):
            assert all(a.get("format") != "html" for a in question.findall("answer"))
        if kind == "numerical":
            for answer in question.findall("answer"):
                float(answer.findtext("text", ""))
                assert float(answer.findtext("tolerance", "")) >= 0
        if kind == "cloze":
            assert "{1:SHORTANSWER:=" in question.findtext("questiontext/text", "")
    assert kinds == set(_READ) - {"*"}


def test_a_text_missing_in_the_language_written_keeps_its_own_direction() -> None:
    pack = parse_pack(
        """
id: mixed
title: {ar: عنوان, en: Title}
language: ar
translations: [en]
items:
  - {id: a, type: true_false, prompt: {ar: نص, en: Text}, answer: true}
  - {id: b, type: true_false, prompt: نص فقط, answer: false}
""",
        "mixed.yaml",
    )
    root = ET.fromstring(to_moodle_xml([pack], {pack.id: list(pack.items)}, lang="en").text)
    texts = [q.findtext("questiontext/text") for q in root.iter("question")][1:]
    assert texts == ["<p>Text</p>", '<p dir="rtl">نص فقط</p>']


LANGS = ["ar", "en"]
_WORD = st.text(
    alphabet=st.sampled_from(list("abcءابتثجح019<>&;]]}{|~#/\\\"'*%=:.!?-_ ")),
    min_size=1,
    max_size=8,
).map(lambda w: "".join(w.split()) or "x")
_TEXT = st.lists(_WORD, min_size=1, max_size=6).flatmap(
    lambda words: st.lists(st.sampled_from([" ", "\n"]), min_size=len(words) - 1,
                           max_size=len(words) - 1).map(
        lambda seps: "".join(w + s for w, s in zip(words, [*seps, ""], strict=True))
    )
)  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    prompt=_TEXT, answer=_WORD, other=_WORD, explanation=_TEXT, lang=st.sampled_from(["ar", "en"])
)
def test_any_text_survives_an_export_and_an_import(
    prompt: str, answer: str, other: str, explanation: str, lang: str
) -> None:
    if answer == other or "{{" in prompt + answer + other or "}}" in prompt + answer + other:
        return
    data = {
        "id": "p",
        "title": prompt,
        "language": lang,
        "items": [
            {"id": "m", "type": "mcq", "prompt": prompt, "choices": [answer, other],
             "answer": answer, "explanation": explanation},
            {"id": "s", "type": "short", "prompt": prompt, "answer": answer, "accept": [other]},
            {"id": "c", "type": "cloze", "prompt": prompt,
             "text": f"{prompt} {{{{{answer.replace('|', '').replace('*', '')}}}}} {other}"},
        ],
    }  # fmt: skip
    try:
        pack = validate_pack(data)
    except ValueError:
        return  # not a valid pack (two choices the same once folded, a blank left empty)
    exported = to_moodle_xml([pack], {pack.id: list(pack.items)})
    back = read_moodle_xml(exported.text, "x.xml", pack_id="p", lang=lang, strict=True)
    assert back.pack.title == pack.title
    assert [project(i, lang, lang) for i in back.pack.items] == [
        project(i, lang, lang) for i in pack.items
    ]


def test_what_moodle_cannot_hold_is_left_out_and_named() -> None:
    pack = parse_pack(
        """
id: odd
title: Odd
language: en
items:
  - {id: w, type: multi, prompt: "Which?", choices: [a, b, c], answers: [a, b],
     weights: [55, 45, -100]}
  - {id: s, type: cloze, prompt: "Fill", text: "Five times two is {{5*2|10}}."}
  - {id: ok, type: true_false, prompt: "Fine?", answer: true}
""",
        "odd.yaml",
    )
    exported = to_moodle_xml([pack], {pack.id: list(pack.items)})
    assert exported.skipped == [
        "odd/w (55% is not one of Moodle's grades)",
        "odd/s (a blank's answer holds '*', a wildcard in Moodle's cloze)",
    ]
    assert exported.written == 1
    back = read_moodle_xml(exported.text, "x.xml", pack_id="odd")
    assert [i.id for i in back.pack.items] == ["ok"]
