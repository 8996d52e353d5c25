"""Export packs as Anki packages (.apkg) with genanki.

Identity is stable: a note's GUID comes from the pack id and the item id, model and deck ids
from hashes of fixed names and of the pack id, so an edited pack exported again updates the
notes already in a collection (Anki updates a note only when the incoming one is newer: each
export stamps the current time). All pack text is HTML-escaped.
"""

from __future__ import annotations

import random
import time
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import genanki

from kzlearn.errors import ExportError
from kzlearn.files import atomic_path
from kzlearn.interop.anki_flashcards import FIELDS, FLASHCARD, flashcard_fields, flashcard_model
from kzlearn.interop.anki_notetypes import CSS, NOTE_TYPES, NoteType, front, stable_id
from kzlearn.language.numbers import format_number
from kzlearn.language.text import fold, has_arabic
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
from kzlearn.questions.generate import all_items

__all__ = ["AnkiNote", "anki_notes", "export_apkg", "stable_id"]

Progress = Callable[[int, int], None]
_RTL = ("ar", "fa", "he", "ur")


def _model(note_type: NoteType, rtl: bool) -> genanki.Model:
    suffix = " (rtl)" if rtl else ""
    return genanki.Model(
        stable_id(f"kzlearn note type {note_type.name}{suffix}"),
        f"kzlearn {note_type.name}{suffix}",
        fields=[{"name": f, "rtl": rtl and f not in ("Key",)} for f in note_type.fields],
        templates=[
            {"name": n, "qfmt": front(q), "afmt": front(a)} for n, q, a in note_type.templates
        ],
        css=CSS,
        model_type=genanki.Model.CLOZE if note_type.cloze else genanki.Model.FRONT_BACK,
        sort_field_index=0,
    )


@dataclass(frozen=True, slots=True)
class AnkiNote:
    """One note to export: its key (``pack_id/item_id``), note type, fields and tags."""

    key: str
    note_type: str
    fields: dict[str, str]
    tags: tuple[str, ...]
    subdeck: str | None = None


_ESCAPE = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;", "\n": "<br>"}
)


def _esc(text: str) -> str:
    """Teacher text made inert in HTML (what html.escape does, in one pass, plus <br>)."""
    return text.translate(_ESCAPE)


class _Writer:
    """Turns one pack's items into notes, in the pack's language with one translation."""

    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        self.lang = pack.language
        self.other = pack.translations[0] if pack.translations else None
        self.rng = random.Random(f"anki/{pack.id}")
        self.base_tag = f"kzlearn::{pack.id}"
        self.pack_tags = tuple(f"{self.base_tag}::{t.replace(' ', '_')}" for t in pack.tags)
        self.facts = {f.id: f for f in pack.facts}
        self.citations: dict[str | None, str] = {}
        self.tag_cache: dict[tuple[str, ...], tuple[str, ...]] = {}

    def main(self, value: Localized | None) -> str:
        return _esc(value.get(self.lang, self.lang)) if value is not None else ""

    def translation(self, value: Localized | None) -> str:
        if value is None or self.other is None or not value.has(self.other, self.lang):
            return ""
        return _esc(value.get(self.other, self.lang))

    def both(self, value: Localized) -> str:
        extra = self.translation(value)
        return self.main(value) + (f" <span class=translation>({extra})</span>" if extra else "")

    def common(self, item: Item | TermFact) -> dict[str, str]:
        fact = None if isinstance(item, TermFact) or not item.fact else self.facts.get(item.fact)
        evidence = item.evidence or (fact.evidence if fact else None)
        explanation = (
            item.note
            if isinstance(item, TermFact)
            else (item.explanation or (fact.note if fact else None))
        )
        source_text = quote = ""
        if evidence is not None:
            source_text = self.citation(evidence.source)
            quote = "« " + self.main(evidence.quote) + " »"
            translated = self.translation(evidence.quote)
            if translated:
                quote += f"<div class=translation>{translated}</div>"
        return {
            "Explanation": self.both(explanation) if explanation else "",
            "Evidence": quote,
            "Source": source_text,
        }

    def citation(self, source_id: str | None) -> str:
        """Title, author and date of a source, once per source."""
        if source_id not in self.citations:
            source = self.pack.source(source_id)
            parts = []
            if source is not None:
                parts = [
                    source.title.get(source.language, self.lang),
                    source.author or "",
                    source.published.display(self.lang) if source.published else "",
                ]
            self.citations[source_id] = _esc(" — ".join(p for p in parts if p))
        return self.citations[source_id]

    def tags(self, tags: tuple[str, ...]) -> tuple[str, ...]:
        """Anki tags: the pack's and these, namespaced, no spaces (cached: few distinct)."""
        found = self.tag_cache.get(tags)
        if found is None:
            own = (f"{self.base_tag}::{t.replace(' ', '_')}" for t in tags)
            found = (self.base_tag, *dict.fromkeys((*self.pack_tags, *own)))
            self.tag_cache[tags] = found
        return found

    def note(self, item: Item) -> AnkiNote:
        key = f"{self.pack.id}/{item.id}"
        fields = {**self.common(item), "Key": _esc(key)}
        if isinstance(item, FlashcardItem):
            fields = flashcard_fields(item, self.main, self.translation, fields)
            subdeck = item.tags[0] if item.tags else None
            return AnkiNote(key, FLASHCARD, fields, self.tags(item.tags), subdeck)
        prompt = {
            "Prompt": self.main(item.prompt),
            "PromptTranslation": self.translation(item.prompt),
        }
        if isinstance(item, McqItem | MultiItem):
            choices = [self.both(c) for c in item.choices]
            multi = isinstance(item, MultiItem)
            right = item.answer_indexes if isinstance(item, MultiItem) else (item.answer_index,)
            shares = _shares(item)
            answered = [
                f"<li class=right>{c}</li>"
                if i in right
                else f"<li class=partial>{c} ({shares[i]})</li>"
                if i in shares
                else f"<li>{c}</li>"
                for i, c in enumerate(choices)
            ]
            listed = "<ol class=choices>" if not multi else "<ol class='choices multi'>"
            fields |= prompt | {
                "Choices": listed + "".join(f"<li>{c}</li>" for c in choices) + "</ol>",
                "ChoicesAnswered": listed + "".join(answered) + "</ol>",
            }
            kind = "multi" if multi else "mcq"
        elif isinstance(item, TrueFalseItem):
            words = {"ar": ("صح", "خطأ"), "fr": ("Vrai", "Faux")}
            true, false = words.get(self.lang, ("True", "False"))
            other = words.get(self.other or "", ("True", "False"))
            fields |= prompt | {
                "Answer": true if item.answer else false,
                "AnswerTranslation": (other[0] if item.answer else other[1]) if self.other else "",
            }
            kind = "true_false"
        elif isinstance(item, ShortItem):
            fields |= prompt | {
                "Answer": self.main(item.answer),
                "AnswerTranslation": self.translation(item.answer),
            }
            kind = "typed"
        elif isinstance(item, ClozeItem):
            passage = item.text.get(self.lang, self.lang)
            text = _esc(passage)
            for number, blank in enumerate(cloze_blanks(passage), start=1):
                written = "{{" + "|".join(blank) + "}}"
                hint = ""
                text = text.replace(_esc(written), f"{{{{c{number}::{_esc(blank[0])}{hint}}}}}", 1)
            fields |= {"Text": text, "TextTranslation": self.translation(item.translation)}
            kind = "cloze"
        elif isinstance(item, OrderItem):
            entries = [self.both(e) for e in item.sequence]
            shuffled = entries[:]
            while len(shuffled) > 1 and shuffled == entries:
                self.rng.shuffle(shuffled)
            fields |= prompt | {
                "Shuffled": "<ul class=choices>"
                + "".join(f"<li>{e}</li>" for e in shuffled)
                + "</ul>",
                "InOrder": "<ol class=choices>"
                + "".join(f"<li>{e}</li>" for e in entries)
                + "</ol>",
            }
            kind = "order"
        else:
            assert isinstance(item, MatchItem)
            lefts = [self.both(p.left) for p in item.pairs]
            rights = [self.both(p.right) for p in item.pairs]
            shuffled = rights[:]
            while len(shuffled) > 1 and shuffled == rights:
                self.rng.shuffle(shuffled)
            rows = "".join(
                f"<tr><td>{a}</td><td>{b}</td></tr>" for a, b in zip(lefts, shuffled, strict=True)
            )
            pairs = "".join(
                f"<tr><td>{a}</td><td>{b}</td></tr>" for a, b in zip(lefts, rights, strict=True)
            )
            fields |= prompt | {
                "Sides": f"<table class=pairs>{rows}</table>",
                "Pairs": f"<table class=pairs>{pairs}</table>",
            }
            kind = "match"
        return AnkiNote(
            key, kind, fields, self.tags(item.tags), item.tags[0] if item.tags else None
        )

    def term_note(self, fact: TermFact) -> AnkiNote:
        key = f"{self.pack.id}/{fact.id}.term"
        fields = {
            **self.common(fact),
            "Key": _esc(key),
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
    if isinstance(item, MultiItem):
        return {}
    keys = [{fold(t, through="same") for t in c.values()} for c in item.choices]
    return {
        i: f"{format_number(round(p.weight, 2))}%"
        for p in item.partial
        for i, k in enumerate(keys)
        if fold(p.answer, through="same") in k
    }


def anki_notes(pack: Pack, *, seed: int | None = None) -> list[AnkiNote]:
    """The notes of ``pack``, in pack order: one per item, and one two-card note per term
    fact in place of its generated items (term → definition and back)."""
    writer = _Writer(pack)
    terms = {f.id: f for f in pack.facts if isinstance(f, TermFact)}
    notes: list[AnkiNote] = []
    done_terms: set[str] = set()
    for item in all_items(pack, seed=seed):
        fact_id = item.id.split(".")[0]
        term_items = (f"{fact_id}.mcq", f"{fact_id}.mcq.reverse", f"{fact_id}.card")
        if fact_id in terms and item.id in term_items:
            if fact_id not in done_terms:
                done_terms.add(fact_id)
                notes.append(writer.term_note(terms[fact_id]))
            continue
        notes.append(writer.note(item))
    return notes


class _Note(genanki.Note):  # type: ignore[misc]
    """A note whose fields kzlearn wrote: escaped text in a few known tags.

    genanki checks every field of every note for HTML tags it does not know, a warning
    meant for hand-written HTML; ours has none, and the check costs more than writing.
    """

    def _check_invalid_html_tags_in_fields(self) -> None:
        return None


def _is_apkg(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError):
        return False
    return bool({"collection.anki2", "collection.anki21", "collection.anki21b"} & names)


def export_apkg(
    packs: Sequence[Pack],
    path: str | Path,
    *,
    parent: str = "kzlearn",
    subdecks_by_tag: bool = False,
    seed: int | None = None,
    timestamp: float | None = None,
    progress: Progress | None = None,
) -> int:
    """Write ``packs`` to ``path`` as one Anki package; returns the number of notes.

    One deck per pack under ``parent`` (``parent::pack title``), with the pack's description;
    with ``subdecks_by_tag`` each note goes to a subdeck named after its first tag.

    Raises:
        ExportError: ``path`` exists and is not an Anki package, or cannot be written.
    """
    path = Path(path)
    if path.exists() and (path.is_dir() or not _is_apkg(path)):
        raise ExportError(f"{path}: exists and is not an Anki package; not overwriting it")
    models = {(k, rtl): _model(t, rtl) for k, t in NOTE_TYPES.items() for rtl in (False, True)}
    decks: list[genanki.Deck] = []
    total = 0
    batches = [(pack, anki_notes(pack, seed=seed)) for pack in packs]
    grand_total = sum(len(notes) for _, notes in batches)
    for pack, notes in batches:
        title = pack.text(pack.title).replace("::", ":")
        name = f"{parent}::{title}"
        deck = genanki.Deck(
            stable_id(f"kzlearn deck {pack.id}"),
            name,
            _esc(pack.text(pack.description)) if pack.description else "",
        )
        subdecks: dict[str, genanki.Deck] = {}
        rtl = has_arabic(pack.text(pack.title)) or pack.language in _RTL
        other = pack.translations[0] if pack.translations else pack.language
        card_model = genanki.Model(
            **flashcard_model(rtl, other in _RTL),
            model_type=genanki.Model.FRONT_BACK,
            sort_field_index=0,
        )
        for position, note in enumerate(notes):
            names = FIELDS if note.note_type == FLASHCARD else NOTE_TYPES[note.note_type].fields
            model = card_model if note.note_type == FLASHCARD else models[(note.note_type, rtl)]
            target = deck
            if subdecks_by_tag and note.subdeck:
                target = subdecks.setdefault(
                    note.subdeck,
                    genanki.Deck(
                        stable_id(f"kzlearn deck {pack.id}::{note.subdeck}"),
                        f"{name}::{note.subdeck}",
                    ),
                )
            target.add_note(
                _Note(
                    model=model,
                    fields=[note.fields.get(f, "") for f in names],
                    tags=list(note.tags),
                    guid=genanki.guid_for(*note.key.split("/", 1)),
                    due=position,
                )
            )
            total += 1
            if progress is not None and (total % 500 == 0 or total == grand_total):
                progress(total, grand_total)
        decks.append(deck)
        decks.extend(subdecks.values())
    package = genanki.Package(decks)
    try:
        with atomic_path(path) as tmp:
            package.write_to_file(
                str(tmp), timestamp=time.time() if timestamp is None else timestamp
            )
    except OSError as error:
        raise ExportError(f"{path}: cannot write: {error.strerror or error}") from None
    return total
