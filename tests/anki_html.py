"""Reading rendered Anki cards: each text run with the direction its markup gives it."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from kzlearn.language.text import has_arabic

_VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "col", "area", "source"}
_LATIN = re.compile(r"[A-Za-z]")
_ARABIC = re.compile(r"[\u0600-\u06ff]")


class _Runs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.runs: list[tuple[str, str | None]] = []
        self.autos = 0
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        given = dict(attrs)
        direction = given.get("dir")
        self.autos += direction == "auto"
        hint = _anki_hint(tag, given)
        self.stack.append(("a-hint" if hint else tag, direction))
        self.skip += tag in ("style", "script") or hint

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        while self.stack:
            open_tag, _ = self.stack.pop()
            self.skip -= open_tag in ("style", "script", "a-hint")
            if open_tag in (tag, "a-hint"):
                break

    def handle_data(self, data: str) -> None:
        if self.skip or not (_LATIN.search(data) or has_arabic(data)):
            return
        found = next((d for _, d in reversed(self.stack) if d is not None), None)
        self.runs.append((data.strip(), found))


def _anki_hint(tag: str, attrs: dict[str, str | None]) -> bool:
    """Anki's own "show hint" link ({{hint:}}): its label is Anki's, in Anki's language."""
    return tag == "a" and (attrs.get("class") or "") == "hint"


def text_runs(html: str) -> tuple[list[tuple[str, str | None]], int]:
    """Each run of letters in ``html`` (styles and scripts left out) with the direction of
    its nearest element that states one (None: none does), and the count of ``dir=auto``."""
    parser = _Runs()
    parser.feed(html)
    parser.close()
    return parser.runs, parser.autos


def language_direction(text: str) -> str:
    """rtl for a text mostly in Arabic letters, ltr for one mostly in Latin letters."""
    return "rtl" if len(_ARABIC.findall(text)) > len(_LATIN.findall(text)) else "ltr"
