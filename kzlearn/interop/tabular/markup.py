"""Readable text from the HTML of an Anki field: line breaks, blocks and list items kept.

Regular expressions that never scan past the next ``<`` from a failed start, so a hostile
field costs its length (html.parser took minutes on 150 KB of ``<a <a <a``).
"""

from __future__ import annotations

import html
import re

__all__ = ["html_to_text"]

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)(?:[\s/][^<>]*)?>")
_HIDDEN = re.compile(r"<(style|script)\b", re.I)
_HIDDEN_END = {
    "style": re.compile(r"</style\s*>", re.I),
    "script": re.compile(r"</script\s*>", re.I),
}
_LINES = {"br", "div", "p", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre"}
_SPACES = re.compile(r"[ \t\xa0]+")


def _visible(text: str) -> str:
    """``text`` without its style sheets and scripts."""
    parts: list[str] = []
    pos = 0
    while (start := _HIDDEN.search(text, pos)) is not None:
        parts.append(text[pos : start.start()])
        end = _HIDDEN_END[start.group(1).lower()].search(text, start.end())
        pos = len(text) if end is None else end.end()
    parts.append(text[pos:])
    return "".join(parts)


def html_to_text(markup: str) -> str:
    """``markup`` as plain text: ``<br>``, paragraphs and divs become line ends, list items
    lines of their own ("- " or "1. "), entities their characters, other tags nothing."""
    lists: list[int] = []  # per open list: the number of its next item, or 0 for bullets

    def replace(tag: re.Match[str]) -> str:
        closing, name = tag.group(1), tag.group(2).lower()
        if name in ("ul", "ol"):
            if closing and lists:
                lists.pop()
            elif not closing:
                lists.append(1 if name == "ol" else 0)
            return "\n"
        if name == "li" and not closing:
            number = lists[-1] if lists else 0
            if number:
                lists[-1] += 1
            return f"\n{number}. " if number else "\n- "
        if name in _LINES or name == "li":
            return "\n"
        return " " if name in ("td", "th") and not closing else ""

    # In HTML a line end inside the text is a space; the tags say where lines end.
    text = _TAG.sub(replace, _visible(markup).replace("\r", " ").replace("\n", " "))
    lines = (_SPACES.sub(" ", html.unescape(line)).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)
