"""The pack model: sources, facts, items and packs (frozen dataclasses, no unknown fields).

Pydantic checks pack data into these models in :mod:`kzlearn.models.validation`, which
importing this package does not load. Checks that need the whole pack (unique ids,
references, languages) are in :func:`pack_problems`; validation runs them, and
:func:`kzlearn.packs.load_pack` reports every one of them with its line in the file.
"""

from kzlearn.localized import Localized
from kzlearn.models.base import Evidence, Loc, Source
from kzlearn.models.facts import (
    AnyFact,
    DateFact,
    EntityFact,
    NumberFact,
    PhraseFact,
    SequenceFact,
    TermFact,
)
from kzlearn.models.items import (
    CLOZE_BLANK,
    ClozeItem,
    FlashcardItem,
    Item,
    MatchItem,
    MatchPair,
    McqItem,
    MultiItem,
    OrderItem,
    PartialAnswer,
    ShortItem,
    TrueFalseItem,
    cloze_blanks,
)
from kzlearn.models.pack import Pack, pack_problems, walk_localized

_walk_localized = walk_localized  # the name the first callers knew
Fact = AnyFact  # a fact of any kind

__all__ = [
    "CLOZE_BLANK",
    "AnyFact",
    "ClozeItem",
    "DateFact",
    "EntityFact",
    "Evidence",
    "Fact",
    "FlashcardItem",
    "Item",
    "Loc",
    "Localized",
    "MatchItem",
    "MatchPair",
    "McqItem",
    "MultiItem",
    "NumberFact",
    "OrderItem",
    "Pack",
    "PartialAnswer",
    "PhraseFact",
    "SequenceFact",
    "ShortItem",
    "Source",
    "TermFact",
    "TrueFalseItem",
    "cloze_blanks",
    "pack_problems",
    "walk_localized",
]
