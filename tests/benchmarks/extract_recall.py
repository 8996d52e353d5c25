"""How many of the bundled decks' facts `kzlearn extract` drafts from their article, by value.

Run by hand: ``python tests/benchmarks/extract_recall.py``. A deck's date, number or entity
fact counts as found when the draft has a fact of the same kind with the same value (dates
by ISO form, numbers by value, entity names after folding).
"""

from __future__ import annotations

from kzlearn.facts.extract import draft_pack
from kzlearn.language.dates import PartialDate
from kzlearn.language.text import fold
from kzlearn.models import AnyFact, DateFact, EntityFact, NumberFact
from kzlearn.packs import parse_pack
from tests.conftest import ARTICLE, DECKS


def _key(fact: AnyFact) -> tuple[str, str] | None:
    if isinstance(fact, DateFact):
        return ("date", fact.value.iso() + (f"/{fact.until.iso()}" if fact.until else ""))
    if isinstance(fact, NumberFact):
        return ("number", str(float(fact.value)))
    if isinstance(fact, EntityFact):
        return ("entity", fold(fact.value.get("ar", "ar")))
    return None


def recall() -> tuple[list[str], list[str]]:
    """The deck facts (``deck:id``) the draft finds, and those it misses."""
    text = ARTICLE.read_text(encoding="utf-8")
    draft = draft_pack(text, pack_id="recall", title="recall", published=PartialDate(2021, 12, 14))
    drafted = {k for f in parse_pack(draft).facts if (k := _key(f)) is not None}
    found: list[str] = []
    missed: list[str] = []
    for deck in DECKS:
        pack = parse_pack(deck.read_text(encoding="utf-8"), str(deck))
        for fact in pack.facts:
            key = _key(fact)
            if key is not None:
                (found if key in drafted else missed).append(f"{pack.id}:{fact.id}")
    return found, missed


def main() -> None:
    found, missed = recall()
    total = len(found) + len(missed)
    print(f"deck facts (date, number, entity) found by value: {len(found)}/{total}")
    print("missed:", ", ".join(missed))


if __name__ == "__main__":
    main()
