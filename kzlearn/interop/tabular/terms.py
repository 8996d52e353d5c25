"""Term lists: Quizlet exports, Anki's "Notes in Plain Text", any CSV of terms and their
definitions. One card a row; rows are read one at a time."""

from __future__ import annotations

import csv
import hashlib
import re
from dataclasses import dataclass, field

from kzlearn.errors import KzlearnError, PackError, Problem
from kzlearn.interop.build import MAX_CARDS, build_pack, too_many
from kzlearn.interop.tabular.headers import Headers, delimiter_name, read_headers
from kzlearn.interop.tabular.markup import html_to_text
from kzlearn.interop.tabular.rows import guess_delimiter, read_rows
from kzlearn.models import Pack

__all__ = ["TermsImport", "parse_terms", "read_terms"]

_MAX_PROBLEMS = 100  # a file that is not a term list at all is told so in a screenful

_HEADERS = (
    ("term", "definition"),
    ("front", "back"),
    ("question", "answer"),
    ("word", "meaning"),
    ("المصطلح", "التعريف"),
    ("terme", "définition"),
)
_CLOZE = re.compile(r"\{\{c\d+::")
_NOT_IN_TAG = re.compile(r"[^\w.:-]+")


@dataclass(frozen=True, slots=True)
class TermsImport:
    """The pack made of a term list, and the lines of cloze notes left out."""

    pack: Pack
    cloze_lines: list[int]


def parse_terms(
    text: str,
    file: str,
    *,
    pack_id: str,
    lang: str = "en",
    max_cards: int = MAX_CARDS,
    delimiter: str | None = None,
    row_separator: str | None = None,
) -> Pack:
    """A pack of term facts, one per row of ``text`` (see :func:`read_terms`)."""
    return read_terms(
        text,
        file,
        pack_id=pack_id,
        lang=lang,
        max_cards=max_cards,
        delimiter=delimiter,
        row_separator=row_separator,
    ).pack


def _head(text: str) -> tuple[list[str], int]:
    """The header lines at the top of ``text``, and where the rows start."""
    lines: list[str] = []
    start = 0
    while start < len(text) and (
        text.startswith("#", start) or (not lines and text.startswith("tags:"))
    ):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        lines.append(text[start:end].rstrip("\r"))
        start = end + 1
    return lines, min(start, len(text))


def _tag(text: str) -> str | None:
    """``text`` as a pack tag: letters, digits and ``_.:-``, starting with a letter or digit
    (Anki's tags and deck names allow more)."""
    tag = _NOT_IN_TAG.sub("_", text.strip()).lstrip("_.:-")[:60].rstrip("_")
    return tag or None


def _cell(cells: list[str], column: int) -> str:
    """The cell of a 1-based ``column`` (0: none), or ""."""
    return cells[column - 1] if 0 < column <= len(cells) else ""


def _add_tags(fact: dict[str, object], tags: list[str]) -> None:
    old = fact.get("tags")
    cleaned = [*(old if isinstance(old, list) else []), *filter(None, map(_tag, tags))]
    if cleaned:
        fact["tags"] = list(dict.fromkeys(cleaned))


def _columns(headers: Headers, delimiter: str) -> tuple[int, int]:
    """The 0-based columns of the term and the definition among the field columns: the
    first two, or those ``#columns:`` names as a term and a definition."""
    if not headers.columns:
        return 0, 1
    raw = headers.columns[0]
    if len(delimiter) == 1:
        labels = next(csv.reader([raw], delimiter=delimiter), [])
    else:
        labels = raw.split(delimiter)
    meta = headers.meta_columns()
    names = [label.strip().lower() for i, label in enumerate(labels) if i not in meta]
    for front, back in _HEADERS:
        if front in names and back in names:
            return names.index(front), names.index(back)
    return 0, 1


@dataclass(slots=True)
class _Cards:
    """The facts of the rows read so far, and the problems found."""

    file: str
    headers: Headers
    delimiter: str
    max_cards: int
    problems: list[Problem] = field(default_factory=list)
    facts: list[dict[str, object]] = field(default_factory=list)
    decks: list[str] = field(default_factory=list)
    guids: dict[str, int] = field(default_factory=dict)
    cloze_lines: list[int] = field(default_factory=list)

    def problem(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.file, line, 1, "", message))

    def add(self, line: int, cells: list[str], fields: list[str], at: tuple[int, int]) -> None:
        """The card of one row (``fields``: its cells but the meta columns; ``at``: where
        the term and the definition are among them)."""
        headers = self.headers
        term, definition = (fields[i] if i < len(fields) else "" for i in at)
        if headers.anki and _CLOZE.search(term):
            self.cloze_lines.append(line)
            return
        if not (term and definition) or (not headers.anki and len(cells) != 2):
            found = f"found {len(cells)} field(s)"
            if headers.anki or len(cells) == 2:
                found = "found an empty term or definition"
            name = delimiter_name(self.delimiter)
            self.problem(
                line, f"expected a term and a definition separated by one {name}, {found}"
            )
            return
        if len(self.facts) >= self.max_cards:
            raise too_many(self.file, "cards", self.max_cards, line=line)
        fact: dict[str, object] = {
            "id": f"term-{len(self.facts) + 1}",
            "kind": "term",
            "term": term,
            "definition": definition,
            "about": term,
        }
        guid = _cell(cells, headers.guid_column)
        if guid:
            if guid in self.guids:
                self.problem(line, f"the guid {guid!r} is also on line {self.guids[guid]}")
                return
            self.guids[guid] = line
            # Anki's guids are case-sensitive and hold punctuation; a hash of one is a slug.
            fact["id"] = "note-" + hashlib.sha256(guid.encode()).hexdigest()[:16]
        extra = [f for i, f in enumerate(fields) if f and i not in at]
        if extra:
            fact["note"] = "\n".join(extra)  # an example or a hint: shown after answering
        _add_tags(fact, [*headers.tags, *_cell(cells, headers.tags_column).split()])
        self.decks.append(_cell(cells, headers.deck_column))
        self.facts.append(fact)


def read_terms(
    text: str,
    file: str,
    *,
    pack_id: str,
    lang: str = "en",
    max_cards: int = MAX_CARDS,
    delimiter: str | None = None,
    row_separator: str | None = None,
) -> TermsImport:
    """A pack of term facts, one per row of ``text``.

    ``delimiter`` (a character or, with no quoting, a string) and ``row_separator`` (line
    ends by default) override the file's ``#separator:`` header and the guess.

    Raises:
        PackError: a header or row that cannot be read (each with its line), a delimiter
            that cannot be guessed, no card at all, or more than ``max_cards`` cards.
        KzlearnError: a row separator without a delimiter.
    """
    head, start = _head(text)
    headers = read_headers(head, file)
    body, first_line = text[start:], len(head) + 1
    delimiter = delimiter or headers.delimiter
    if row_separator is not None and delimiter is None:
        raise KzlearnError(
            "--row-separator needs --delimiter: the text between term and definition"
        )
    if delimiter is None:
        delimiter = guess_delimiter(body, file, first_line)
    at = _columns(headers, delimiter)
    meta = headers.meta_columns()
    cards = _Cards(file, headers, delimiter, max_cards)
    first = True
    for row in read_rows(body, delimiter, row_separator, first_line):
        if row.error is not None:
            cards.problem(row.line, row.error)
            break
        cells = [c.strip() for c in row.cells]
        if not any(cells):
            continue
        if first and tuple(c.lower() for c in cells[:2]) in _HEADERS:
            first = False
            continue
        first = False
        fields = [c for i, c in enumerate(cells) if i not in meta]
        cards.add(
            row.line, cells, [html_to_text(f) for f in fields] if headers.html else fields, at
        )
        if len(cards.problems) >= _MAX_PROBLEMS:
            break
    if cards.problems:
        raise PackError(cards.problems)
    if not cards.facts:
        message = "no card in this file: one term and definition a row"
        if cards.cloze_lines:
            message += " (only cloze notes: import the deck's .apkg with `kzlearn import anki`)"
        raise PackError.single(file, message, line=1, column=1)
    distinct = set(cards.decks) - {""}
    if len(distinct) > 1:  # one deck is the pack's title; several are tags
        for fact, deck in zip(cards.facts, cards.decks, strict=True):
            _add_tags(fact, [deck])
    title = next(iter(distinct)) if len(distinct) == 1 else headers.deck or pack_id
    data = {"id": pack_id, "title": title, "language": lang, "facts": cards.facts}
    return TermsImport(build_pack(data, file), cards.cloze_lines)
