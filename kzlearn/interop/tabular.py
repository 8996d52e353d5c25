"""Quizlet-style term lists: one card a line, term and definition (tab, comma or semicolon)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable

from kzlearn.errors import PackError, Problem
from kzlearn.localized import Localized
from kzlearn.models import Item, McqItem, Pack, ShortItem, TermFact, TrueFalseItem

__all__ = ["parse_terms", "to_terms"]

_HEADERS = {
    ("term", "definition"),
    ("front", "back"),
    ("question", "answer"),
    ("word", "meaning"),
    ("المصطلح", "التعريف"),
    ("terme", "définition"),
}


def _dialect(text: str) -> str:
    sample = "\n".join(text.splitlines()[:50])
    counts = {d: sample.count(d) for d in ("\t", ";", ",")}
    if counts["\t"]:
        return "\t"
    try:
        return csv.Sniffer().sniff(sample, delimiters=";,").delimiter
    except csv.Error:
        return max(counts, key=lambda d: counts[d])


def parse_terms(text: str, file: str, *, pack_id: str, lang: str = "en") -> Pack:
    """A pack of term facts, one per row of ``text``.

    Raises:
        PackError: ragged rows (each with its line), or no card at all.
    """
    delimiter = _dialect(text)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    problems: list[Problem] = []
    facts: list[dict[str, object]] = []
    for index, row in enumerate(reader):
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
            continue
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
    from kzlearn.packs import parse_pack

    data = {"id": pack_id, "title": pack_id, "language": lang, "facts": facts}
    return parse_pack(json.dumps(data, ensure_ascii=False), file)


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
