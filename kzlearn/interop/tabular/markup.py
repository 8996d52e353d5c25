"""Readable text from the HTML of an Anki field: line breaks, blocks and list items kept."""

from __future__ import annotations

import re
from html.parser import HTMLParser

__all__ = ["html_to_text"]

_BLOCKS = {"div", "p", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre"}
_SKIPPED = {"style", "script"}
_SPACES = re.compile(r"[ \t\xa0]+")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.lists: list[list[int]] = []  # per open list: [number of the next item, or 0]
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag == "br" or tag in _BLOCKS:
            self.parts.append("\n")
        elif tag in ("ul", "ol"):
            self.lists.append([1 if tag == "ol" else 0])
            self.parts.append("\n")
        elif tag == "li":
            numbering = self.lists[-1] if self.lists else [0]
            bullet = f"{numbering[0]}. " if numbering[0] else "- "
            numbering[0] += bool(numbering[0])
            self.parts.append("\n" + bullet)
        elif tag in ("td", "th"):
            self.parts.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(self.skipping - 1, 0)
        elif tag in ("ul", "ol"):
            if self.lists:
                self.lists.pop()
            self.parts.append("\n")
        elif tag in _BLOCKS or tag == "li":
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data.replace("\n", " "))  # in HTML a line end is a space


def html_to_text(html: str) -> str:
    """``html`` as plain text: ``<br>``, paragraphs and divs become line ends, list items
    lines of their own ("- " or "1. "), entities their characters, other tags nothing."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)
