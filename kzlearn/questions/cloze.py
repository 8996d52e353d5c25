"""Cloze passages made from a fact's evidence: a value blanked in a whole clause."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from kzlearn.language.dates import PartialDate, date_tokens, parse_date

__all__ = ["date_cloze", "find_date", "mark_sic", "tidy", "word_spans"]


def find_date(quote: str, value: PartialDate) -> tuple[int, int] | None:
    """The character span of ``quote`` that writes ``value`` (shortest, first)."""
    words = [(w, i) for i, w in word_spans(quote)]
    for size in range(1, 7):
        for start in range(len(words) - size + 1):
            chunk = words[start : start + size]
            begin, end = chunk[0][1][0], chunk[-1][1][1]
            text = quote[begin:end]
            if not any(c.isdigit() for c in text) and not date_tokens(text):
                continue
            parsed = parse_date(text.strip("،,.:;()«»\"' "))
            if parsed is not None and parsed.value == value:
                return begin, end
    return None


def word_spans(text: str) -> Iterator[tuple[tuple[int, int], str]]:
    start = None
    for i, char in enumerate(text + " "):
        if char.isspace() or char in "،,.()":
            if start is not None:
                yield (start, i), text[start:i]
                start = None
        elif start is None:
            start = i


_GLUED = re.compile(
    r"(?<=[\u0600-\u06FF])(?=\d)|(?<=\d)(?=[\u0600-\u06FF])|(?<=\S)(?=\()|(?<=\))(?=\w)|(?<=[،,])(?=\w)"
)
MIN_WORDS = 6  # a shorter quote is a fragment, not a clause worth a cloze
# A quote that opens with a subordinating word is half a sentence ("when Kazakhstan gained
# independence on ____"): no cloze reads well from it.
_SUBORDINATE = re.compile(
    r"^\W*(?:عندما|حين|حينما|لما|حيث|الذي|التي|الذين|اللذان|اللتان|بعدما|كما|مما|"
    r"when|while|where|which|who|whose|after|as|because|since|lorsque|quand|où|qui|dont)\b",
    re.IGNORECASE,
)


def tidy(text: str) -> str:
    """``text`` with the source's glued words spaced for reading ("عام1994" → "عام 1994").

    Only for display: an evidence quote stays verbatim.
    """
    return _GLUED.sub(" ", text)


def mark_sic(text: str, sic: Iterable[str]) -> str:
    """``text`` with each of the source's misspellings followed by [sic]."""
    for word in sic:
        text = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)(?! \[sic\])", f"{word} [sic]", text)
    return text


def date_cloze(
    quotes: dict[str, str], value: PartialDate, accept: Iterable[str], sic: Iterable[str] = ()
) -> dict[str, str]:
    """A cloze passage per language of ``quotes`` (lang → quote) with ``value`` blanked.

    A language is left out when its quote is a fragment, writes no such date, or writes it
    twice (the other mention would give the blank away). Each blank accepts the date as
    written there, as written in every language, and ``accept``.
    """
    spans: dict[str, tuple[str, int, int]] = {}
    for lang, quote in quotes.items():
        shown = mark_sic(tidy(quote), sic)
        if len(shown.split()) < MIN_WORDS or "{" in shown or "}" in shown:
            continue
        if _SUBORDINATE.match(shown):
            continue
        span = find_date(shown, value)
        if span is None:
            continue
        rest = shown[span[1] :]
        if str(value.year or value.day) in rest and find_date(rest, value) is not None:
            continue  # written twice: the other mention gives the blank away
        spans[lang] = (shown, *span)
    answers = [value.display(lang) for lang in spans]
    answers += [shown[start:end] for shown, start, end in spans.values()]
    answers += [a for a in accept if "|" not in a and "{" not in a and "}" not in a]
    out: dict[str, str] = {}
    for lang, (shown, start, end) in spans.items():
        own = [value.display(lang), shown[start:end]]
        blank = "|".join(dict.fromkeys(a.strip() for a in [*own, *answers]))
        out[lang] = f"{shown[:start]}{{{{{blank}}}}}{shown[end:]}"
    return out
