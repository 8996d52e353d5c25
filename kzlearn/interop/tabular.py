"""Quizlet-style term lists: one card a line, term and definition (tab, comma or semicolon)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from kzlearn.errors import PackError, Problem
from kzlearn.interop.build import MAX_CARDS, build_pack, too_many
from kzlearn.localized import Localized
from kzlearn.models import Item, McqItem, Pack, ShortItem, TermFact, TrueFalseItem

__all__ = ["parse_terms", "to_terms"]

_MAX_PROBLEMS = 100  # a file that is not a term list at all is told so in a screenful

_HEADERS = {
    ("term", "definition"),
    ("front", "back"),
    ("question", "answer"),
    ("word", "meaning"),
    ("المصطلح", "التعريف"),
    ("terme", "définition"),
}


_SAMPLE_LINES = 50
_SAMPLE_CHARS = 64 * 1024


def _dialect(text: str) -> str:
    """Tab if the first lines hold one; else whichever of ; and , splits more of them into
    exactly two fields (quotes respected). Reads a bounded prefix once per candidate, so a
    long line costs linear time (csv.Sniffer was quadratic on it)."""
    sample = text[:_SAMPLE_CHARS]
    lines = sample.splitlines()[:_SAMPLE_LINES]
    if any("\t" in line for line in lines):
        return "\t"
    sample = "\n".join(lines)
    scores: dict[str, tuple[int, int]] = {}
    for delimiter in (";", ","):
        try:
            rows = list(csv.reader(io.StringIO(sample), delimiter=delimiter))
        except csv.Error:
            rows = []
        pairs = sum(1 for row in rows if len(row) == 2)
        scores[delimiter] = (pairs, sample.count(delimiter))
    return max(scores, key=lambda d: scores[d])


def parse_terms(
    text: str, file: str, *, pack_id: str, lang: str = "en", max_cards: int = MAX_CARDS
) -> Pack:
    """A pack of term facts, one per row of ``text`` (rows read one at a time).

    Raises:
        PackError: ragged rows (each with its line), an unreadable row, no card at all, or
            more than ``max_cards`` cards.
    """
    delimiter = _dialect(text)
    # newline=None: CR-only and CRLF line ends read as newlines, even inside quotes.
    reader = csv.reader(io.StringIO(text, newline=None), delimiter=delimiter)
    problems: list[Problem] = []
    facts: list[dict[str, object]] = []
    index = -1
    while True:
        index += 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            problems.append(Problem(file, reader.line_num, 1, "", f"unreadable row: {error}"))
            break  # the reader cannot resynchronise after a broken row
        line = reader.line_num - row.count("\n")  # where the row starts
        cells = [c.strip() for c in row]
        if not any(cells):
            continue
        if index == 0 and tuple(c.lower() for c in cells[:2]) in _HEADERS:
            continue
        if len(cells) != 2 or not all(cells):
            shown = {"\t": "tab", ",": "comma", ";": "semicolon"}[delimiter]
            problems.append(
                Problem(
                    file,
                    line,
                    1,
                    "",
                    f"expected a term and a definition "
                    f"separated by one {shown}, found {len(cells)} field(s)",
                )
            )
            if len(problems) >= _MAX_PROBLEMS:
                break
            continue
        if len(facts) >= max_cards:
            raise too_many(file, "cards", max_cards, line=line)
        term, definition = cells
        facts.append(
            {
                "id": f"term-{len(facts) + 1}",
                "kind": "term",
                "term": term,
                "definition": definition,
                "about": term,
            }
        )
    if problems:
        raise PackError(problems)
    if not facts:
        raise PackError.single(
            file, "no card in this file: one term and definition a line", line=1, column=1
        )
    data = {"id": pack_id, "title": pack_id, "language": lang, "facts": facts}
    return build_pack(data, file)


def _cell(value: Localized, lang: str, pack: Pack) -> str:
    return value.get(lang, pack.language).replace("\n", " ")


def to_terms(
    packs: Iterable[Pack],
    items: dict[str, list[Item]],
    *,
    lang: str | None = None,
    delimiter: str = "\t",
) -> tuple[str, int]:
    """Term facts as term/definition rows, and items with one answer as prompt/answer rows."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    count = 0
    for pack in packs:
        language = lang or pack.language
        for fact in pack.facts:
            if isinstance(fact, TermFact) and not fact.draft:
                writer.writerow(
                    [_cell(fact.term, language, pack), _cell(fact.definition, language, pack)]
                )
                count += 1
        for item in items[pack.id]:
            prompt = _cell(item.prompt, language, pack)
            if isinstance(item, McqItem | ShortItem):
                writer.writerow([prompt, _cell(item.answer, language, pack)])
            elif isinstance(item, TrueFalseItem):
                writer.writerow([prompt, "true" if item.answer else "false"])
            else:
                continue
            count += 1
    return out.getvalue(), count
