"""kzlearn: quizzes and flashcards from the facts of real articles.

``import kzlearn`` is cheap: every public name is loaded on first use, and neither the
terminal app (textual) nor the Anki exporter (genanki) is ever imported from here.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS: dict[str, str] = {
    "ClozeItem": "kzlearn.models",
    "DateFact": "kzlearn.models",
    "EntityFact": "kzlearn.models",
    "Evidence": "kzlearn.models",
    "ExportError": "kzlearn.errors",
    "Fact": "kzlearn.models",
    "FlashcardItem": "kzlearn.models",
    "Item": "kzlearn.models",
    "KzlearnError": "kzlearn.errors",
    "Localized": "kzlearn.localized",
    "MatchItem": "kzlearn.models",
    "MatchPair": "kzlearn.models",
    "McqItem": "kzlearn.models",
    "MultiItem": "kzlearn.models",
    "NumberFact": "kzlearn.models",
    "OrderItem": "kzlearn.models",
    "Pack": "kzlearn.models",
    "PackError": "kzlearn.errors",
    "PartialDate": "kzlearn.language.dates",
    "Problem": "kzlearn.errors",
    "QuizOptions": "kzlearn.quiz.session",
    "QuizSession": "kzlearn.quiz.session",
    "SequenceFact": "kzlearn.models",
    "ShortItem": "kzlearn.models",
    "Source": "kzlearn.models",
    "StoreError": "kzlearn.errors",
    "TermFact": "kzlearn.models",
    "TrueFalseItem": "kzlearn.models",
    "Verdict": "kzlearn.questions.grading",
    "all_items": "kzlearn.questions.generate",
    "answers_match": "kzlearn.questions.grading",
    "bundled_deck_paths": "kzlearn.packs",
    "correct_response": "kzlearn.questions.grading",
    "generate_items": "kzlearn.questions.generate",
    "grade": "kzlearn.questions.grading",
    "load_pack": "kzlearn.packs",
    "load_packs": "kzlearn.packs",
    "pack_schema": "kzlearn.packs",
    "parse_pack": "kzlearn.packs",
}

__all__ = [
    "ClozeItem",
    "DateFact",
    "EntityFact",
    "Evidence",
    "ExportError",
    "Fact",
    "FlashcardItem",
    "Item",
    "KzlearnError",
    "Localized",
    "MatchItem",
    "MatchPair",
    "McqItem",
    "MultiItem",
    "NumberFact",
    "OrderItem",
    "Pack",
    "PackError",
    "PartialDate",
    "Problem",
    "QuizOptions",
    "QuizSession",
    "SequenceFact",
    "ShortItem",
    "Source",
    "StoreError",
    "TermFact",
    "TrueFalseItem",
    "Verdict",
    "__version__",
    "all_items",
    "answers_match",
    "bundled_deck_paths",
    "correct_response",
    "generate_items",
    "grade",
    "load_pack",
    "load_packs",
    "pack_schema",
    "parse_pack",
]

if TYPE_CHECKING:
    from kzlearn.errors import ExportError, KzlearnError, PackError, Problem, StoreError
    from kzlearn.language.dates import PartialDate
    from kzlearn.localized import Localized
    from kzlearn.models import (
        ClozeItem,
        DateFact,
        EntityFact,
        Evidence,
        Fact,
        FlashcardItem,
        Item,
        MatchItem,
        MatchPair,
        McqItem,
        MultiItem,
        NumberFact,
        OrderItem,
        Pack,
        SequenceFact,
        ShortItem,
        Source,
        TermFact,
        TrueFalseItem,
    )
    from kzlearn.packs import bundled_deck_paths, load_pack, load_packs, pack_schema, parse_pack
    from kzlearn.questions.generate import all_items, generate_items
    from kzlearn.questions.grading import Verdict, answers_match, correct_response, grade
    from kzlearn.quiz.session import QuizOptions, QuizSession


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'kzlearn' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
