"""What an Anki field and a card template hold: a field's HTML as readable text, the
fields a template shows (and how), cloze deletions as blanks, tags kzlearn accepts."""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Iterator
from typing import NamedTuple

__all__ = [
    "CLOZE",
    "MEDIA",
    "OPEN_CLOZE",
    "Refs",
    "blank",
    "cloze_fields",
    "refs",
    "tag",
    "text_of",
]

# Linear patterns: one way to match any text, and no scan from a start past the next place
# a match could start ("{{", "<", "["), so a hostile field costs its length, not its square.
CLOZE = re.compile(r"\{\{c(\d+)::((?:(?!\}\}|::|\{\{).)*)(?:::((?:(?!\}\}|\{\{).)*))?\}\}", re.S)
OPEN_CLOZE = re.compile(r"\{\{c\d+::")
_SRC = r"""\ssrc=(?:"([^"<>]*)"|'([^'<>]*)'|([^"'<>\s]+))"""
MEDIA = re.compile(r"<img\b[^<>]*?" + _SRC + r"|\[sound:([^\[\]]+)\]", re.I)
_IMG_SRC = re.compile(_SRC, re.I)
_SOUND = re.compile(r"\[sound:([^\[\]]*)\]")
_HTML = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)?[^<>]*>")
_SPACES = re.compile(r"[ \t\xa0]+")
_REF = re.compile(r"\{\{([^{}]*)\}\}")
_SPECIAL = {"frontside", "tags", "deck", "subdeck", "card", "cardflag", "type", ""}
_TAG_CHARS = re.compile(r"[^\w.:-]+")


def text_of(field_html: str) -> str:
    """A field as readable text: lines for breaks, blocks and list entries (• or 1.),
    images and sounds named in brackets, entities decoded, spaces collapsed."""
    out: list[str] = []
    lists: list[int | None] = []  # a counter per open <ol>, None per <ul>
    position = 0
    for match in _HTML.finditer(field_html):
        out.append(field_html[position : match.start()])
        position = match.end()
        closing, name = bool(match.group(1)), (match.group(2) or "").lower()
        if name == "img":
            src = _IMG_SRC.search(match.group(0))
            if src is not None:
                out.append(f" [image: {next(g for g in src.groups() if g is not None)}] ")
        elif name == "br" or (closing and name in ("div", "p", "tr", "h1", "h2", "h3")):
            out.append("\n")
        elif name in ("ul", "ol"):
            if closing and lists:
                lists.pop()
            elif not closing and len(lists) < 20:
                lists.append(0 if name == "ol" else None)
            out.append("\n")
        elif name == "li" and not closing:
            count = lists[-1] if lists else None
            if count is not None:
                lists[-1] = count + 1
            bullet = "•" if count is None else f"{count + 1}."
            out.append("\n" + "  " * max(0, len(lists) - 1) + bullet + " ")
    out.append(field_html[position:])
    text = _SOUND.sub(lambda m: f" [sound: {m.group(1)}] ", html.unescape("".join(out)))
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def tag(text: str) -> str:
    return _TAG_CHARS.sub("_", text.strip()).lstrip(".:-_")[:60].rstrip(".:-")


class Refs(NamedTuple):
    always: tuple[str, ...]  # fields shown whatever the note holds
    conditional: tuple[str, ...]  # fields shown inside a {{#section}}
    hints: tuple[str, ...]  # {{hint:Field}}
    typed: tuple[str, ...]  # {{type:Field}}
    sections: frozenset[str]  # the fields sections test


@functools.lru_cache(maxsize=256)  # read for every note; a collection has a few note types
def refs(template: str) -> Refs:
    """The fields a card template shows, and how."""
    always: list[str] = []
    conditional: list[str] = []
    hints: list[str] = []
    typed: list[str] = []
    sections: set[str] = set()
    depth = 0
    for match in _REF.finditer(template):
        inside = match.group(1).strip()
        if inside[:1] in "#^":
            depth += 1
            sections.add(inside[1:].strip())
            continue
        if inside[:1] == "/":
            depth = max(0, depth - 1)
            continue
        filters, _, name = inside.rpartition(":")
        name = name.strip()
        if name.lower() in _SPECIAL:
            continue
        kinds = {f.strip().lower() for f in filters.split(":")}
        target = (
            typed
            if "type" in kinds
            else hints
            if "hint" in kinds
            else conditional
            if depth
            else always
        )
        if name not in target:
            target.append(name)
    return Refs(tuple(always), tuple(conditional), tuple(hints), tuple(typed), frozenset(sections))


def blank(match: re.Match[str], number: int) -> str:
    """A cloze deletion: a blank (with its hint after it) for ``number``, else its text."""
    if int(match.group(1)) != number:
        return match.group(2)
    answer = text_of(match.group(2)).replace("\n", " ").replace("|", "/")
    hint = text_of(match.group(3) or "").replace("\n", " ")
    return "{{" + answer + "}}" + (f" [{hint}]" if hint else "")


def cloze_fields(template: str) -> Iterator[str]:
    for match in _REF.finditer(template):
        filters, _, name = match.group(1).rpartition(":")
        if "cloze" in (f.strip().lower() for f in filters.split(":")):
            yield name.strip()
