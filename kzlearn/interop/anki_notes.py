"""The fields of kzlearn's Anki notes: every item as escaped HTML in a few known tags.

Each text says its direction where it differs from the field's (a translation written right
to left, a mixed run in ``<bdi>``). Choices are lettered in the pack's language; a cloze
blank's number comes from its answer, not its position, so that adding or removing a blank
never moves one blank's review history to another.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from kzlearn.interop.anki_flashcards import FLASHCARD, flashcard_fields
from kzlearn.interop.anki_text import RTL_LANGUAGES, cloze_numbers, esc, text_dir
from kzlearn.language.numbers import format_number
from kzlearn.language.text import fold
from kzlearn.localized import Localized
from kzlearn.models import (
    ClozeItem,
    FlashcardItem,
    Item,
    MatchItem,
    McqItem,
    MultiItem,
    OrderItem,
    Pack,
    ShortItem,
    TermFact,
    TrueFalseItem,
    cloze_blanks,
)

__all__ = ["RTL_LANGUAGES", "AnkiNote", "anki_notes", "cloze_numbers", "esc"]

_WORDS = {
    "ar": ("صح", "خطأ", "صح أم خطأ؟", "يُقبل أيضاً:", "، "),
    "fr": ("Vrai", "Faux", "Vrai ou faux ?", "Accepté aussi :", ", "),
    "en": ("True", "False", "True or false?", "Also accepted:", ", "),
}
_ARABIC_LETTERS = ("أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي", "ك", "ل", "م", "ن")
_LETTERS = {"ar": (_ARABIC_LETTERS, _ARABIC_LETTERS)}
_LATIN = (tuple("ABCDEFGHIJKLMN"), tuple("abcdefghijklmn"))  # choices; matching's right side


@dataclass(frozen=True, slots=True)
class AnkiNote:
    """One note to export: its key (``pack_id/item_id``), note type, fields and tags."""

    key: str
    note_type: str
    fields: dict[str, str]
    tags: tuple[str, ...]
    subdeck: str | None = None


def _dir(lang: str) -> str:
    return "rtl" if lang in RTL_LANGUAGES else "ltr"


class _Writer:
    """Turns one pack's items into notes, in the pack's language with one translation."""

    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        self.lang = pack.language
        self.other = pack.translations[0] if pack.translations else None
        self.dir = _dir(self.lang)
        self.other_dir = _dir(self.other) if self.other else "ltr"
        words = _WORDS.get(self.lang, _WORDS["en"])
        self.true, self.false, self.cue, self.accepted, self.comma = words
        other = _WORDS.get(self.other or "en", _WORDS["en"])
        self.other_true, self.other_false = other[0], other[1]
        self.letters, self.right_letters = _LETTERS.get(self.lang, _LATIN)
        self.rng = random.Random(f"anki/{pack.id}")
        self.base_tag = f"kzlearn::{pack.id}"
        self.pack_tags = tuple(f"{self.base_tag}::{t.replace(' ', '_')}" for t in pack.tags)
        self.facts = {f.id: f for f in pack.facts}
        self.citations: dict[str | None, str] = {}
        self.tag_cache: dict[tuple[str, ...], tuple[str, ...]] = {}
        self.shared: dict[tuple[int, int], tuple[object, object, dict[str, str]]] = {}

    # -- texts -----------------------------------------------------------------------------

    def main(self, value: Localized | None) -> str:
        return esc(value.get(self.lang, self.lang)) if value is not None else ""

    def translation(self, value: Localized | None) -> str:
        """The translation of ``value`` for a translation field (left to right unless it
        says otherwise)."""
        text = self.inline_translation(value)
        if text and self.other_dir == "rtl":
            return f"<div dir=rtl>{text}</div>"
        return text

    def inline_translation(self, value: Localized | None) -> str:
        if value is None or self.other is None:
            return ""
        if value.plain is not None:  # a plain string is in the pack's language
            return esc(value.plain) if self.other == self.lang else ""
        text = value.texts.get(self.other)
        return "" if text is None else esc(text)

    def both(self, value: Localized) -> str:
        """The text, then its translation in parentheses, isolated in its own direction."""
        extra = self.inline_translation(value)
        if not extra:
            return self.main(value)
        return (
            f"{self.main(value)} <span class=translation>"
            f"(<bdi dir={self.other_dir}>{extra}</bdi>)</span>"
        )

    def block(self, value: Localized) -> str:
        """The text, then its translation under it in its own direction."""
        extra = self.inline_translation(value)
        if not extra:
            return self.main(value)
        return f"{self.main(value)}<div class=translation dir={self.other_dir}>{extra}</div>"

    def lettered(self, letter: str, body: str, attributes: str = "") -> str:
        return f"<li{attributes}><b class=letter>{letter}</b>{body}</li>"

    # -- parts shared by every note --------------------------------------------------------

    def common(self, item: Item | TermFact) -> dict[str, str]:
        fact = None if isinstance(item, TermFact) or not item.fact else self.facts.get(item.fact)
        evidence = item.evidence or (fact.evidence if fact else None)
        explanation = (
            item.note
            if isinstance(item, TermFact)
            else (item.explanation or (fact.note if fact else None))
        )
        # Items of one fact share its evidence and note: their HTML is made once (the
        # objects are kept with it, so that their ids stay theirs).
        found = self.shared.get((id(evidence), id(explanation)))
        if found is not None and found[0] is evidence and found[1] is explanation:
            return dict(found[2])
        source_text = quote = ""
        if evidence is not None:
            source_text = self.citation(evidence.source)
            quote = "« " + self.main(evidence.quote) + " »"
            translated = self.inline_translation(evidence.quote)
            if translated:
                quote += f"<div class=translation dir={self.other_dir}>{translated}</div>"
        made = {
            "Explanation": self.block(explanation) if explanation else "",
            "Evidence": quote,
            "Source": source_text,
        }
        self.shared[(id(evidence), id(explanation))] = (evidence, explanation, made)
        return dict(made)

    def citation(self, source_id: str | None) -> str:
        """Title, author and date of a source, once per source, each in its direction."""
        if source_id not in self.citations:
            source = self.pack.source(source_id)
            parts = []
            if source is not None:
                title = source.title.get(source.language, self.lang)
                parts = [
                    (title, _dir(source.language or self.lang)),
                    (source.author or "", text_dir(source.author or "", self.dir)),
                    (source.published.display(self.lang) if source.published else "", self.dir),
                ]
            self.citations[source_id] = " — ".join(
                esc(p) if d == self.dir else f"<bdi dir={d}>{esc(p)}</bdi>" for p, d in parts if p
            )
        return self.citations[source_id]

    def tags(self, tags: tuple[str, ...]) -> tuple[str, ...]:
        """Anki tags: the pack's and these, namespaced, no spaces (cached: few distinct)."""
        found = self.tag_cache.get(tags)
        if found is None:
            own = (f"{self.base_tag}::{t.replace(' ', '_')}" for t in tags)
            found = (self.base_tag, *dict.fromkeys((*self.pack_tags, *own)))
            self.tag_cache[tags] = found
        return found

    # -- one note per item -----------------------------------------------------------------

    def note(self, item: Item) -> AnkiNote:
        key = f"{self.pack.id}/{item.id}"
        fields = {**self.common(item), "Key": esc(key)}
        if isinstance(item, FlashcardItem):  # (its own fields: the prompt is its front)
            fields = flashcard_fields(item, self.main, self.translation, fields)
            subdeck = item.tags[0] if item.tags else None
            return AnkiNote(key, FLASHCARD, fields, self.tags(item.tags), subdeck)
        prompt = {
            "Prompt": self.main(item.prompt),
            "PromptTranslation": self.translation(item.prompt),
        }
        if isinstance(item, McqItem | MultiItem):
            choices = [self.both(c) for c in item.choices]
            if isinstance(item, MultiItem):
                right: tuple[int, ...] = tuple(item.answer_indexes)
            else:
                # Generated items share the answer's object with its choice: found without
                # comparing every choice's every language (answer_index).
                found = next((i for i, c in enumerate(item.choices) if c is item.answer), -1)
                right = (found if found >= 0 else item.answer_index,)
            shares = _shares(item)
            fields |= prompt | {
                "Choices": self.choices(choices, (), {}),
                "ChoicesAnswered": self.choices(choices, right, shares),
            }
            kind = "multi" if isinstance(item, MultiItem) else "mcq"
        elif isinstance(item, TrueFalseItem):
            # The cue leads the statement; the script makes its two buttons from it.
            cue = f'<div class=cue data-t="{self.true}" data-f="{self.false}">{self.cue}</div>'
            fields |= prompt | {
                "Prompt": cue + prompt["Prompt"],
                "Answer": self.true if item.answer else self.false,
                "AnswerTranslation": self.translation(
                    Localized({self.other: self.other_true if item.answer else self.other_false})
                    if self.other
                    else None
                ),
            }
            kind = "true_false"
        elif isinstance(item, ShortItem):
            fields |= prompt | {
                "Answer": self.main(item.answer),
                "AnswerTranslation": self.translation(item.answer),
                "Explanation": self.also_accepted(item) + fields["Explanation"],
            }
            kind = "typed"
        elif isinstance(item, ClozeItem):
            fields |= {
                "Text": self.cloze(item.text.get(self.lang, self.lang)),
                "TextTranslation": self.translation(item.translation),
            }
            kind = "cloze"
        elif isinstance(item, OrderItem):
            fields |= prompt | self.order(item)
            kind = "order"
        else:
            assert isinstance(item, MatchItem)
            fields |= prompt | self.match(item)
            kind = "match"
        return AnkiNote(
            key, kind, fields, self.tags(item.tags), item.tags[0] if item.tags else None
        )

    def choices(self, choices: list[str], right: tuple[int, ...], shares: dict[int, str]) -> str:
        items = "".join(
            self.lettered(
                self.letters[i],
                f"{c} ({shares[i]})" if i in shares else c,
                f" data-i={i} class=right"
                if i in right
                else f" data-i={i} class=partial"
                if i in shares
                else f" data-i={i}",
            )
            for i, c in enumerate(choices)
        )
        return f"<ol class=choices>{items}</ol>"

    def also_accepted(self, item: ShortItem) -> str:
        shown = {fold(t) for t in item.answer.values()}
        others = [a for a in dict.fromkeys(item.accept) if fold(a) not in shown]
        if not others:
            return ""
        listed = self.comma.join(
            f"<bdi dir={text_dir(a, self.dir)}>{esc(a)}</bdi>" for a in others
        )
        return f"<div class=accepted>{self.accepted} {listed}</div>"

    def cloze(self, passage: str) -> str:
        text = esc(passage)
        blanks = cloze_blanks(passage)
        for number, blank in zip(cloze_numbers(blanks), blanks, strict=True):
            written = esc("{{" + "|".join(blank) + "}}")
            text = text.replace(written, f"{{{{c{number}::{esc(blank[0])}}}}}", 1)
        return text

    def shuffled(self, entries: list[str]) -> list[int]:
        order = list(range(len(entries)))
        while len(order) > 1 and order == sorted(order):
            self.rng.shuffle(order)
        return order

    def order(self, item: OrderItem) -> dict[str, str]:
        entries = [self.both(e) for e in item.sequence]
        shuffled = self.shuffled(entries)
        letter = {at: self.letters[i] for i, at in enumerate(shuffled)}
        front = "".join(self.lettered(letter[at], entries[at]) for at in shuffled)
        back = "".join(
            f"<li><b class=label>{n}</b> <b class=letter>{letter[at]}</b>{entry}</li>"
            for n, (at, entry) in enumerate(enumerate(entries), start=1)
        )
        return {
            "Shuffled": f"<ol class=choices>{front}</ol>",
            "InOrder": f"<ol class=choices>{back}</ol>",
        }

    def match(self, item: MatchItem) -> dict[str, str]:
        lefts = [self.both(p.left) for p in item.pairs]
        rights = [self.both(p.right) for p in item.pairs]
        shuffled = self.shuffled(rights)
        letter = {at: self.right_letters[i] for i, at in enumerate(shuffled)}
        numbered = "".join(self.lettered(str(n), e) for n, e in enumerate(lefts, start=1))
        lettered = "".join(self.lettered(letter[at], rights[at]) for at in shuffled)
        pairs = "".join(
            f"<tr><td><b class=letter>{i + 1}</b>{left}</td>"
            f"<td><b class=letter>{letter[i]}</b>{right}</td></tr>"
            for i, (left, right) in enumerate(zip(lefts, rights, strict=True))
        )
        return {
            "Sides": f"<div class=sides><ol class=left>{numbered}</ol>"
            f"<ol class=right-side>{lettered}</ol></div>",
            "Pairs": f"<table class=pairs>{pairs}</table>",
        }

    def term_note(self, fact: TermFact) -> AnkiNote:
        key = f"{self.pack.id}/{fact.id}.term"
        fields = {
            **self.common(fact),
            "Key": esc(key),
            "Term": self.main(fact.term),
            "TermTranslation": self.translation(fact.term),
            "Definition": self.main(fact.definition),
            "DefinitionTranslation": self.translation(fact.definition),
        }
        return AnkiNote(
            key, "term", fields, self.tags(fact.tags), fact.tags[0] if fact.tags else None
        )


def _shares(item: McqItem | MultiItem) -> dict[int, str]:
    """A partly right choice's share of the credit, by index (Moodle's %50%)."""
    if isinstance(item, MultiItem) or not item.partial:
        return {}
    weights = item.partial_weights()
    return {i: f"{format_number(round(w, 2))}%" for i, w in enumerate(weights) if w}


def anki_notes(
    pack: Pack, *, seed: int | None = None, items: Sequence[Item] | None = None
) -> list[AnkiNote]:
    """The notes of ``pack``, in pack order: one per item, and one two-card note per term
    fact in place of its two generated multiple-choice items (term → definition and back).

    ``items`` are the pack's items when already generated (kzlearn.cache); else they are
    generated here with ``seed``.
    """
    from kzlearn.questions.generate import all_items

    writer = _Writer(pack)
    terms = {f.id: f for f in pack.facts if isinstance(f, TermFact)}
    notes: list[AnkiNote] = []
    done_terms: set[str] = set()
    for item in all_items(pack, seed=seed) if items is None else items:
        fact_id = item.id.split(".")[0]
        if fact_id in terms and item.id in (
            f"{fact_id}.mcq",
            f"{fact_id}.mcq.reverse",
            f"{fact_id}.card",
        ):
            if fact_id not in done_terms:
                done_terms.add(fact_id)
                notes.append(writer.term_note(terms[fact_id]))
            continue
        notes.append(writer.note(item))
    return notes
