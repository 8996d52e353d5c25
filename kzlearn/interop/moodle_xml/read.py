"""Moodle XML to a pack: every question kzlearn can ask, the others listed with their line.

A question that cannot be imported is listed as ``FILE:LINE: skipped: why`` and the rest
are imported; ``strict`` refuses the whole file instead. Categories give tags (the last
part of a category below the top one) and the pack's title and description (the top
category and its information); Moodle tags are kept as tags.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import Any

from kzlearn.errors import PackError, Problem
from kzlearn.interop.build import MAX_CARDS, build_pack, clean, slug, too_many, unique_id
from kzlearn.interop.moodle_xml.files import Embedded, decode
from kzlearn.interop.moodle_xml.gaps import convert
from kzlearn.interop.moodle_xml.questions import UnmappedError, plain, text_of
from kzlearn.interop.moodle_xml.tree import XmlDocument, parse_xml
from kzlearn.models import Pack

__all__ = ["GRADE_TAG", "MoodleImport", "read_moodle_xml"]

GRADE_TAG = "kzlearn:grade:"
"""A Moodle tag ``kzlearn:grade:name`` (``date``, ``number``) on a short answer says how
kzlearn grades it: what an export writes so that the import gives the item back unchanged."""

_TOP = {"$course$", "$system$", "$cat1$", "$module$", "top"}
# The category Moodle makes for each course: its name says which course, its information
# nothing a learner needs (English Moodle's words: other languages' are kept as they are).
_DEFAULT = re.compile(r"^Default for (?=\S)")
_DEFAULT_INFO = re.compile(r"The default category for questions shared in context ")
_PLUGINFILE = re.compile(r"@@PLUGINFILE@@/([^\"'<>\s?#]+)")


@dataclass(frozen=True, slots=True)
class MoodleImport:
    """The pack made, the questions left out (one line each), the files found."""

    pack: Pack
    skipped: list[str]
    files: list[Embedded]
    questions: int  # questions read, categories not counted
    notes: list[str] = field(default_factory=list)  # what an imported question lost


@dataclass
class _State:
    file: str
    lang: str
    path: list[str] = field(default_factory=list)  # the current category, below the top
    tops: list[str] = field(default_factory=list)
    described: dict[str, str] = field(default_factory=dict)  # top category -> its info
    names: set[str] = field(default_factory=set)
    items: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    files: list[Embedded] = field(default_factory=list)


def category_path(text: str) -> list[str]:
    """The parts of a Moodle category path below the top ('//' is a '/' in a name)."""
    # As Moodle splits one: each '//' from the left is a '/', then '/' separates.
    parts = [p.replace("\0", "/").strip() for p in text.replace("//", "\0").split("/")]
    while parts and (parts[0] in _TOP or not parts[0]):
        parts.pop(0)
    return [p for p in parts if p]


def _tag(text: str) -> str:
    return re.sub(r"[^\w.:-]+", "-", text).strip("-.:_")[:60].strip("-.:")


def _tags(question: ET.Element, state: _State) -> tuple[list[str], str | None]:
    """The item's tags, and how a short answer is graded (from a kzlearn tag)."""
    grade = None
    tags: list[str] = []
    written = question.find("tags")
    if written is not None:
        for tag in written.findall("tag"):
            text = plain(tag)
            if text.startswith(GRADE_TAG):
                grade = text[len(GRADE_TAG) :]
            elif _tag(text):
                tags.append(_tag(text))
    elif len(state.path) > 1 and _tag(state.path[-1]):
        tags.append(_tag(state.path[-1]))
    return list(dict.fromkeys(tags)), grade


def _files(question: ET.Element, line: int, item: str) -> list[Embedded]:
    found = [
        Embedded(f.get("name", ""), line, item, decode(f.text))
        for f in question.iter("file")
        if f.get("encoding") == "base64" and f.get("name")
    ]
    old = question.findtext("image")  # Moodle 1.x: <image> and <image_base64>
    if old and old.strip():
        found.append(Embedded(old.strip(), line, item, decode(question.findtext("image_base64"))))
    embedded = {f.name for f in found}
    for text in question.iter("text"):
        for name in _PLUGINFILE.findall(text.text or ""):
            if name not in embedded:  # referred to, not in the file
                embedded.add(name)
                found.append(Embedded(name, line, item, None))
    return found


def _is_single(question: ET.Element) -> bool:
    return (question.findtext("single") or "true").strip().lower() in ("true", "1", "yes")


def _lost(question: ET.Element, kind: str) -> list[str]:
    """What Moodle shows of ``question`` that no kzlearn item holds."""
    lost = []
    hints = sum(bool(plain(hint)) for hint in question.findall("hint"))
    if hints:
        lost.append(f"its {hints} hint(s) were dropped (kzlearn shows none before an answer)")
    negative = any(a.get("fraction", "").strip().startswith("-") for a in question.iter("answer"))
    if kind == "multichoice" and _is_single(question) and negative:
        lost.append("its negative marks were dropped (a wrong choice earns nothing)")
    if kind == "shortanswer" and (question.findtext("usecase") or "0").strip() == "1":
        lost.append("case-sensitive matching was dropped (kzlearn ignores case)")
    if kind == "matching":
        extra = sum(
            not plain(sub) and bool(plain(sub.find("answer")))
            for sub in question.findall("subquestion")
        )
        if extra:
            lost.append(f"its {extra} extra answer(s) without a question were dropped")
    return lost


def _item(
    question: ET.Element, kind: str, index: int, state: _State, notes: list[str]
) -> dict[str, Any]:
    from kzlearn.models.validation import ValidationError, error_details, validate_item

    name = plain(question.find("name"))
    item_id = slug(name) or f"q{index}"
    tags, grade = _tags(question, state)
    base: dict[str, Any] = {"id": item_id, "prompt": plain(question.find("questiontext"))}
    general = plain(question.find("generalfeedback"))
    if general:
        base["explanation"] = general
    if tags:
        base["tags"] = tags
    data: dict[str, Any] = clean(convert(question, kind, base, state.lang, notes))
    notes += _lost(question, kind)
    if not data.get("explanation"):
        data.pop("explanation", None)
    if grade in ("name", "date", "number") and data["type"] == "short":
        data["grade_as"] = grade
    if not data.get("prompt"):
        raise UnmappedError("the question has no text")
    try:
        validate_item(data)
    except ValidationError as error:
        first = error_details(error)[0]
        where = ".".join(str(p) for p in first["loc"][1:])
        raise UnmappedError(f"{where}: {first['msg']}" if where else first["msg"]) from None
    return data


def _question(question: ET.Element, doc: XmlDocument, index: int, state: _State) -> None:
    line = doc.line(question)
    kind = question.get("type", "")
    notes: list[str] = []
    try:
        data = _item(question, kind, index, state, notes)
    except UnmappedError as why:
        state.skipped.append(Problem(state.file, line, None, "", f"skipped: {why}"))
        state.files.extend(_files(question, line, ""))
        return
    data["id"] = unique_id(str(data["id"]), index, state.names)
    state.notes += [f"{state.file}:{line}: {data['id']}: {note}" for note in notes]
    state.items.append(data)
    state.files.extend(_files(question, line, data["id"]))
    if state.path:
        state.tops.append(state.path[0])


def read_moodle_xml(
    data: str | bytes,
    file: str,
    *,
    pack_id: str,
    lang: str = "en",
    strict: bool = False,
    max_cards: int = MAX_CARDS,
) -> MoodleImport:
    """A pack of the questions of a Moodle XML file.

    Raises:
        PackError: not well-formed or hostile XML, not a Moodle quiz, no question kzlearn
            can ask, more than ``max_cards`` questions; with ``strict``, any question that
            cannot be imported (each with its line).
    """
    doc = parse_xml(data, file)
    if doc.root.tag != "quiz":
        raise PackError.single(
            file, f"not Moodle XML: the root element is <{doc.root.tag}>, not <quiz>", line=1
        )
    state = _State(file, lang)
    index = 0
    for question in doc.root.iter("question"):
        if question.get("type") == "category":
            state.path = category_path(text_of(question.find("category"))[0])
            info = plain(question.find("info"))
            if len(state.path) == 1 and info:
                state.described.setdefault(state.path[0], info)
            continue
        index += 1
        if index > max_cards:
            raise too_many(file, "questions", max_cards, line=doc.line(question))
        _question(question, doc, index, state)
    if state.skipped and strict:
        raise PackError(state.skipped)
    if not state.items:
        if state.skipped:
            raise PackError([*state.skipped, Problem(file, None, None, "", "no question left")])
        raise PackError.single(file, "no Moodle question in this file", line=1)
    tops = set(state.tops)
    title = state.tops[0] if len(tops) == 1 and len(state.tops) == len(state.items) else pack_id
    fields: dict[str, Any] = {"id": pack_id, "title": _DEFAULT.sub("", title), "language": lang}
    if title in state.described and not _DEFAULT_INFO.match(state.described[title]):
        fields["description"] = state.described[title]
    pack = build_pack({**fields, "items": state.items}, file)
    return MoodleImport(pack, [str(p) for p in state.skipped], state.files, index, state.notes)
