"""Anki notes made by others, as items: what each note type's card templates show decides.

A note type whose first card shows one field on the front and one more on the back (Basic,
Basic and reversed, optional reversed, most vocabulary types) gives flashcards, both ways
when the note has its reverse card; a type-in-the-answer front gives a typed answer; a cloze
gives one item per cloze number. Other note types are listed with their fields, for the
teacher to choose with a field map (``--map "Vocab:Word=front,Meaning=back"``).
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from kzlearn.errors import KzlearnError, PackError, Problem
from kzlearn.interop.anki_fields import (
    CLOZE,
    MEDIA,
    OPEN_CLOZE,
    blank,
    cloze_fields,
    refs,
    tag,
    text_of,
)
from kzlearn.interop.build import build_pack
from kzlearn.models import Pack, cloze_blanks

__all__ = ["AnkiImport", "FieldMap", "Note", "NoteType", "convert", "parse_map"]

_NOTES = ("notes", "explanation", "extra", "back extra", "comments", "remarks", "ملاحظات")
_FRONT = ("front", "question", "prompt", "term", "text", "recto", "سؤال")
_BACK = ("back", "answer", "definition", "verso", "جواب")
_OCCLUSION = re.compile(r"\{\{c\d+::image-occlusion:")  # a region's shape, not a text
_KEY = re.compile(r"[a-z0-9][a-z0-9._-]{0,79}/([a-z0-9](?:[a-z0-9._-]{0,78}[a-z0-9])?)")
CLOZE_PROMPT = {"en": "Fill in the blanks.", "ar": "املأ الفراغات.", "fr": "Complétez le texte."}
ROLES = ("front", "back", "hint", "notes")


@dataclass(frozen=True, slots=True)
class NoteType:
    """A note type as the package stores it: name, fields and (front, back) per card."""

    name: str
    fields: tuple[str, ...]
    templates: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Note:
    """One note: its fields, tags and cards, each card as (template number, deck id)."""

    id: object
    mid: object
    fields: list[str]
    tags: tuple[str, ...] = ()
    cards: tuple[tuple[object, object], ...] = ()


FieldMap = dict[str, dict[str, str]]
"""Note type name -> role (front, back, hint, notes) -> field name."""


@dataclass(frozen=True, slots=True)
class AnkiImport:
    """What a package held: the pack made of it, media its items use, notes left out (a
    line each, or one per note type, saying why)."""

    pack: Pack
    media: list[str]
    skipped: list[str] = field(default_factory=list)


def parse_map(spec: str) -> tuple[str, dict[str, str]]:
    """``NOTETYPE:FIELD=front,FIELD=back[,FIELD=hint][,FIELD=notes]`` as (type, role -> field).

    Raises:
        KzlearnError: the spec is not of that form.
    """
    equals = spec.find("=")
    colon = spec.rfind(":", 0, equals)
    if equals < 0 or colon <= 0:
        raise KzlearnError(f"--map {spec!r}: expected NOTETYPE:FIELD=front,FIELD=back")
    roles: dict[str, str] = {}
    for part in spec[colon + 1 :].split(","):
        name, _, role = part.rpartition("=")
        role = role.strip().lower()
        if role not in ROLES or not name.strip():
            raise KzlearnError(
                f"--map {spec!r}: {part.strip()!r} is not FIELD=ROLE, a role one of "
                + ", ".join(ROLES)
            )
        roles[role] = name.strip()
    if not {"front", "back"} <= roles.keys():
        raise KzlearnError(f"--map {spec!r}: name the front and the back fields")
    return spec[:colon].strip(), roles


@dataclass
class _Converter:
    types: dict[object, NoteType]
    decks: dict[object, str]
    maps: FieldMap
    items: list[dict[str, object]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    custom: dict[str, tuple[tuple[str, ...], int]] = field(default_factory=dict)
    media: set[str] = field(default_factory=set)
    note_decks: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)

    def note(self, number: int, note: Note) -> None:
        kind = self.types.get(note.mid)
        names = list(kind.fields) if kind else [f"field{i}" for i in range(len(note.fields))]
        fields = note.fields + [""] * (len(names) - len(note.fields))
        values = dict(zip(names, fields, strict=False))
        type_name = kind.name if kind else ""
        label = f"note {note.id} ({type_name})" if type_name else f"note {note.id}"
        item_id = f"note-{note.id}" if isinstance(note.id, int) else f"note-n{number}"
        key = _KEY.fullmatch(html.unescape(values.get("Key", "")).strip())
        if key is not None:  # kzlearn's own export: the item keeps its id (and its progress)
            item_id = key.group(1)
        item_id = f"note-n{number}" if item_id in self.ids else item_id  # ids may repeat
        self.ids.add(item_id)
        templates = kind.templates if kind else ()
        joined = "\x1f".join(fields)
        if _OCCLUSION.search(joined) or any("image-occlusion" in q for q, _ in templates):
            self.skipped.append(f"{label}: image occlusion (regions of a picture)")
            return
        made: list[dict[str, object]] = []
        if type_name in self.maps:
            made = self.mapped(item_id, values, self.maps[type_name], note, label)
        elif any("{{cloze:" in q.replace(" ", "") for q, _ in templates) or (
            not templates and CLOZE.search(joined)
        ):
            made = self.cloze(item_id, values, templates, label)
        elif templates:
            assert kind is not None  # templates come with a note type
            made = self.standard(item_id, values, kind, note, label)
        else:
            made = self.by_name(item_id, names, fields, label)
        if not made:
            return
        deck = self.deck_of(note)
        self.note_decks.append(deck)
        for item in made:
            item["tags"] = [t for t in dict.fromkeys(map(tag, note.tags)) if t]
            item["deck"] = deck
        self.items.extend(made)
        for match in MEDIA.finditer(joined):
            self.media.add(html.unescape(next(g for g in match.groups() if g is not None)))

    def deck_of(self, note: Note) -> str:
        first = min(note.cards, key=lambda c: str(c[0]), default=None)
        return self.decks.get(first[1], "") if first else ""

    def flashcard(
        self, item_id: str, parts: dict[str, str], reverse: bool, label: str
    ) -> list[dict[str, object]]:
        texts = {role: text_of(value) for role, value in parts.items() if value}
        if not texts.get("front") or not texts.get("back"):
            self.skipped.append(f"{label}: an empty front or back")
            return []
        return [{"id": item_id, "type": "flashcard", **texts, "reverse": reverse}]

    def mapped(
        self, item_id: str, values: dict[str, str], roles: dict[str, str], note: Note, label: str
    ) -> list[dict[str, object]]:
        parts = {role: values.get(name, "") for role, name in roles.items()}
        reverse = any(str(ord_) == "1" for ord_, _ in note.cards)
        return self.flashcard(item_id, parts, reverse, label)

    def standard(
        self,
        item_id: str,
        values: dict[str, str],
        kind: NoteType,
        note: Note,
        label: str,
    ) -> list[dict[str, object]]:
        templates = kind.templates
        front_refs, _, hints, typed, _ = refs(templates[0][0])
        back_always, back_conditional, *_ = refs(templates[0][1])
        shown = [f for f in back_always if f not in front_refs and f not in typed]
        if typed and len(front_refs) == 1:
            prompt, answer = (
                text_of(values.get(front_refs[0], "")),
                text_of(values.get(typed[0], "")),
            )
            if not prompt or not answer:
                self.skipped.append(f"{label}: an empty front or answer")
                return []
            return [{"id": item_id, "type": "short", "prompt": prompt, "answer": answer}]
        if len(front_refs) != 1 or len(shown) != 1:
            fields, count = self.custom.get(kind.name, (kind.fields, 0))
            self.custom[kind.name] = (fields, count + 1)
            return []
        front, back = front_refs[0], shown[0]
        extra = [f for f in (*back_always, *back_conditional) if f.lower() in _NOTES]
        parts = {"front": values.get(front, ""), "back": values.get(back, "")}
        parts["hint"] = values.get(hints[0], "") if hints else ""
        parts["notes"] = values.get(extra[0], "") if extra else ""
        return self.flashcard(item_id, parts, _reversed(templates, note, values, back), label)

    def by_name(
        self, item_id: str, names: list[str], fields: list[str], label: str
    ) -> list[dict[str, object]]:
        """A note type without templates (a package not written by Anki): its fields by
        name, or by position in a two-field type."""
        front, back = _pick(names, _FRONT, 0), _pick(names, _BACK, 1)
        if front is None or back is None or front == back:
            self.skipped.append(f"{label}: no front and back fields")
            return []
        return self.flashcard(
            item_id, {"front": fields[front], "back": fields[back]}, False, label
        )

    def cloze(
        self,
        item_id: str,
        values: dict[str, str],
        templates: Sequence[tuple[str, str]],
        label: str,
    ) -> list[dict[str, object]]:
        if templates:
            name = next(
                (n for n in cloze_fields(templates[0][0]) if n in values),
                next(iter(values), ""),
            )
            back_always, back_conditional, *_ = refs(templates[0][1])
            extras = [f for f in (*back_always, *back_conditional) if f != name and f in values]
        else:
            name = next((n for n, v in values.items() if CLOZE.search(v)), "")
            extras = [n for n in values if n.lower() in _NOTES]
        raw = values.get(name, "")
        numbers = sorted({int(m.group(1)) for m in CLOZE.finditer(raw)})
        if OPEN_CLOZE.search(CLOZE.sub("", raw)):
            self.skipped.append(f"{label}: nested clozes (a cloze inside a cloze)")
            return []
        if not numbers:
            self.skipped.append(f"{label}: a cloze note with no cloze")
            return []
        extra = "\n".join(t for t in (text_of(values.get(f, "")) for f in extras) if t)
        made: list[dict[str, object]] = []
        for number in numbers:
            text = text_of(CLOZE.sub(functools.partial(blank, number=number), raw))
            blanks = cloze_blanks(text)
            if not blanks or not all(all(b) for b in blanks):
                self.skipped.append(f"{label}: cloze {number} is empty")
                continue
            item: dict[str, object] = {
                "id": f"{item_id}.c{number}" if len(numbers) > 1 else item_id,
                "type": "cloze",
                "prompt": dict(CLOZE_PROMPT),
                "text": text,
            }
            if extra:
                item["explanation"] = extra
            made.append(item)
        return made


def _reversed(
    templates: Sequence[tuple[str, str]], note: Note, values: dict[str, str], back: str
) -> bool:
    """Whether the note has a card from the back to the front: its card of the second
    template, or (a package without cards) a second template that shows the back field
    first and whose conditions the note fills."""
    if note.cards:
        return any(str(ord_) == "1" for ord_, _ in note.cards) and len(templates) > 1
    if len(templates) < 2:
        return False
    always, conditional, _, _, sections = refs(templates[1][0])
    return back in (*always, *conditional) and all(values.get(s) for s in sections)


def _pick(names: list[str], wanted: tuple[str, ...], default: int) -> int | None:
    """The field called one of ``wanted``; by position only in a two-field (basic) type:
    in a richer note type the second field may be anything (a translation, a hint)."""
    lowered = [n.lower() for n in names]
    for name in wanted:
        if name in lowered:
            return lowered.index(name)
    return default if len(names) == 2 else None


def _check_maps(maps: FieldMap, types: dict[object, NoteType], file: str) -> None:
    by_name = {t.name: t for t in types.values()}
    for name, roles in maps.items():
        kind = by_name.get(name)
        if kind is None:
            known = ", ".join(repr(n) for n in sorted(by_name)) or "none"
            raise PackError.single(file, f"--map: no note type {name!r} (note types: {known})")
        for role, field_name in roles.items():
            if field_name not in kind.fields:
                raise PackError.single(
                    file,
                    f"--map: note type {name!r} has no field {field_name!r} for the {role} "
                    f"(fields: {', '.join(kind.fields)})",
                )


def convert(
    types: dict[object, NoteType],
    notes: Sequence[Note],
    decks: dict[object, str],
    *,
    file: str,
    pack_id: str,
    lang: str,
    maps: FieldMap | None = None,
) -> AnkiImport:
    """The pack of ``notes``: titled after their deck, sub-decks as tags.

    Raises:
        PackError: a map names a note type or field the package lacks; no note gave an item.
    """
    maps = maps or {}
    _check_maps(maps, types, file)
    converter = _Converter(types, decks, maps)
    for number, note in enumerate(notes, start=1):
        converter.note(number, note)
    for name, (fields, count) in converter.custom.items():
        example = f"{name}:{fields[0]}=front,{fields[1]}=back" if len(fields) > 1 else name
        converter.skipped.append(
            f"{count} note(s) of note type {name!r}: its cards do not show one "
            f"front and one back field; fields: {', '.join(fields)}; choose them with "
            f'--map "{example}"'
        )
    if not converter.items:
        raise PackError(
            [
                Problem(file, None, None, "", "no note of this package gave an item"),
                *(Problem(file, None, None, "", line) for line in converter.skipped[:20]),
            ]
        )
    title, depth = _root(converter.note_decks)
    for item in converter.items:
        parts = str(item.pop("deck")).split("::")[depth:]
        sub = tag("::".join(parts)) if parts and parts != [""] else ""
        if sub:
            item["tags"] = [sub, *(t for t in item["tags"] if t != sub)]  # type: ignore[attr-defined]
    if title == "Default":  # Anki's deck for notes put nowhere else: no title
        title = ""
    data = {"id": pack_id, "title": title or pack_id, "language": lang, "items": converter.items}
    return AnkiImport(build_pack(data, file), sorted(converter.media), converter.skipped)


def _root(decks: list[str]) -> tuple[str, int]:
    """The deck all notes share (the pack's title) and its depth: deeper parts are tags."""
    split = [d.split("::") for d in decks if d]
    if not split:
        return "", 0
    common = split[0]
    for parts in split[1:]:
        size = 0
        while size < min(len(common), len(parts)) and common[size] == parts[size]:
            size += 1
        common = common[:size]
    return "::".join(common), len(common)
