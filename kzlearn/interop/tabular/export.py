"""Term lists for Quizlet and the like: one term and its definition a row."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from kzlearn.localized import Localized
from kzlearn.models import McqItem, Pack, ShortItem, TermFact

__all__ = ["to_terms"]


def _cell(value: Localized, lang: str, pack: Pack) -> str:
    return value.get(lang, pack.language).replace("\n", " ")


def to_terms(
    packs: Iterable[Pack], *, lang: str | None = None, delimiter: str = "\t"
) -> tuple[str, int]:
    """The term facts of ``packs`` as term/definition rows, then the written questions with
    one answer (multiple choice, typed) as question/answer rows, in ``lang`` (default: each
    pack's language), each row once. Questions generated from facts are left out: they ask
    the same terms again, and a true/false statement is no term."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    written: set[tuple[str, str]] = set()
    for pack in packs:
        language = lang or pack.language
        rows = [
            (fact.term, fact.definition)
            for fact in pack.facts
            if isinstance(fact, TermFact) and not fact.draft
        ]
        rows += [
            (item.prompt, item.answer)
            for item in pack.items
            if isinstance(item, McqItem | ShortItem) and not item.draft
        ]
        for front, back in rows:
            row = (_cell(front, language, pack), _cell(back, language, pack))
            if row not in written:
                written.add(row)
                writer.writerow(row)
    return out.getvalue(), len(written)
