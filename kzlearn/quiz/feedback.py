"""Feedback after an answer: the verdict, the explanation, and the passage of the source
it rests on (in the display language and as the source writes it), with its citation."""

from __future__ import annotations

from typing import Any

from kzlearn.models import Evidence, Item, Pack
from kzlearn.questions.cloze import mark_sic
from kzlearn.questions.verdict import Verdict
from kzlearn.quiz.parts import Feedback, Question

__all__ = ["feedback_for"]


def feedback_for(question: Question, verdict: Verdict) -> Feedback:
    """The explanation, evidence and source to show with ``verdict``; the source's own
    misspellings marked [sic]."""
    pack, item = question.pack, question.item
    fact = fact_of(pack, item)
    explanation = item.explanation or (fact.note if fact else None)
    evidence: Evidence | None = item.evidence or (fact.evidence if fact else None)
    quote = original = citation = None
    if evidence is not None:
        quote = mark_sic(question.text(evidence.quote), evidence.sic)
        source = pack.source(evidence.source)
        if source is not None:
            original = mark_sic(evidence.quote.get(source.language, pack.language), evidence.sic)
            citation = cite(source, question.lang, pack.language)
        if original == quote:
            original = None
    return Feedback(
        verdict,
        question.text(explanation) if explanation else None,
        quote,
        original,
        citation,
    )


def fact_of(pack: Pack, item: Item) -> Any:
    if item.fact is None:
        return None
    try:
        return pack.fact(item.fact)
    except KeyError:
        return None


def cite(source: Any, lang: str, default: str) -> str:
    parts = [source.title.get(lang, default)]
    if source.author:
        parts.append(source.author)
    if source.publisher:
        parts.append(source.publisher)
    if source.published is not None:
        parts.append(source.published.display(lang))
    return " — ".join(parts)
