"""Read Anki packages (.apkg): basic and cloze notes become items; media are listed.

Both layouts: legacy (collection.anki2 / .anki21, SQLite) and modern (collection.anki21b,
zstd-compressed SQLite; such packages also carry a stub collection.anki2, ignored). Nothing
is extracted by name (no zip-slip); members that are too large, too many or compressed past
any honest ratio (zip bombs) are refused before being read, and reads are bounded anyway.
"""

from __future__ import annotations

import html
import json
import re
import sqlite3
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kzlearn.errors import PackError, Problem
from kzlearn.interop.build import MAX_CARDS, build_pack, too_many
from kzlearn.models import Pack, cloze_blanks

__all__ = ["AnkiImport", "read_apkg"]

MAX_MEMBER = 256 * 1024 * 1024
MAX_MEMBERS = 100_000
MAX_RATIO = 200  # no honest collection compresses better than this
_COLLECTIONS = ("collection.anki21b", "collection.anki21", "collection.anki2")
_FRONT = ("front", "question", "prompt", "term", "text", "recto", "سؤال")
_BACK = ("back", "answer", "definition", "verso", "جواب")
# Linear patterns: one way to match any text, and no scan from a start past the next place
# a match could start ("{{", "<", "["), so a hostile field costs its length, not its square.
_CLOZE = re.compile(r"\{\{c(\d+)::((?:(?!\}\}|::|\{\{).)*)(?:::((?:(?!\}\}|\{\{).)*))?\}\}", re.S)
_MEDIA = re.compile(r"""<img\b[^<>]*?\ssrc=["']?([^"'<>\s]+)|\[sound:([^\[\]]+)\]""", re.I)
_SOUND = re.compile(r"\[sound:[^\[\]]+\]")
_TAG = re.compile(r"<[^<>]+>")
_BREAK = re.compile(r"<br\s*/?>|</div>|</p>", re.I)
_SPACES = re.compile(r"[ \t\xa0]+")
MAX_VALUE = 16 * 1024 * 1024  # the longest text or blob SQLite hands back
_STEPS_PER_BYTE = 50  # SQLite instructions a honest read needs per byte of collection, and more
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, ValueError)


@dataclass(frozen=True, slots=True)
class AnkiImport:
    """What a package held: the pack made of it, media referenced, notes left out."""

    pack: Pack
    media: list[str]
    skipped: int


def _fail(path: Path, message: str) -> PackError:
    return PackError([Problem(str(path), None, None, "", message)])


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path) -> bytes:
    if info.file_size > MAX_MEMBER:
        raise _fail(path, f"{info.filename} would unpack to {info.file_size:,} bytes: refused")
    if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise _fail(
            path,
            f"{info.filename} is compressed {info.file_size // max(info.compress_size, 1)}:1, "
            "a zip bomb: refused",
        )
    try:  # a bad CRC, a lying size, a broken stream, encryption, an unknown compression
        with archive.open(info) as member:
            data = member.read(MAX_MEMBER + 1)
    except (*_ZIP_ERRORS, NotImplementedError) as error:
        raise _fail(path, f"{info.filename} cannot be unpacked: {error}") from None
    if len(data) > MAX_MEMBER:
        raise _fail(path, f"{info.filename} unpacks past its declared size: refused")
    return data


def _zstd(data: bytes, path: Path) -> bytes:
    import zstandard

    try:
        with zstandard.ZstdDecompressor().stream_reader(data) as reader:
            out = reader.read(MAX_MEMBER + 1)
    except zstandard.ZstdError as error:
        raise _fail(path, f"the collection is not valid zstd data: {error}") from None
    if len(out) > MAX_MEMBER:
        raise _fail(path, "the collection unpacks past 256 MiB: refused")
    return out


def _collection(path: Path) -> bytes:
    try:
        archive = zipfile.ZipFile(path)
    except _ZIP_ERRORS as error:
        raise _fail(path, f"not an Anki package (not a zip file: {error})") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise _fail(path, f"{len(infos):,} members: refused")
        for info in infos:
            name = info.filename
            if name.startswith(("/", "\\")) or ".." in Path(name).parts or ":" in name:
                raise _fail(path, f"unsafe member name {name!r}: refused")
        by_name = {i.filename: i for i in infos}
        for name in _COLLECTIONS:
            if name in by_name:
                data = _read_member(archive, by_name[name], path)
                return _zstd(data, path) if name.endswith("b") else data
    raise _fail(path, "not an Anki package: no collection inside")


def _text(field: str) -> str:
    field = _TAG.sub("", _SOUND.sub("", _BREAK.sub("\n", field)))
    return _SPACES.sub(" ", html.unescape(field)).strip()


def _string(value: object) -> str:
    """A column's value as text, whatever SQLite's loose typing let the package store."""
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return "" if value is None else str(value)


def _note_types(db: sqlite3.Connection, path: Path) -> dict[object, list[str]]:
    """Field names by note type id; types that make no sense are left out (their notes are
    read by position)."""
    modern = db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND lower(name) = 'notetypes'"
    ).fetchone()
    if modern:
        _require(db, ("notes", "fields"), path)
        fields: dict[object, list[str]] = {}
        rows = db.execute(
            "SELECT ntid, ord, name FROM fields ORDER BY ntid, ord LIMIT ?", (MAX_CARDS,)
        )
        for ntid, _ord, name in rows:
            fields.setdefault(ntid, []).append(_string(name))
        return fields
    _require(db, ("notes", "col"), path)
    row = db.execute("SELECT models FROM col LIMIT 1").fetchone()
    try:
        models: Any = json.loads(_string(row[0] if row else None) or "{}")
    except (ValueError, RecursionError):
        raise _fail(path, "the note types (col.models) are not valid JSON") from None
    if not isinstance(models, dict):
        raise _fail(path, "the note types (col.models) are not a JSON object")
    types: dict[object, list[str]] = {}
    for mid, model in models.items():
        flds = model.get("flds") if isinstance(model, dict) else None
        if isinstance(flds, list) and re.fullmatch(r"-?[0-9]{1,19}", mid):
            types[int(mid)] = [_string(f.get("name")) if isinstance(f, dict) else "" for f in flds]
    return types


def _require(db: sqlite3.Connection, names: tuple[str, ...], path: Path) -> None:
    """Refuse anything but plain stored tables: a view can recurse without end, a virtual
    table runs a module's code, a generated column computes what it returns."""
    for name in names:
        row = db.execute(
            "SELECT type, sql FROM sqlite_master WHERE lower(name) = ?", (name,)
        ).fetchone()
        if row is None:
            raise _fail(path, f"the collection has no {name} table: not an Anki collection")
        kind, sql = row
        if kind != "table" or _string(sql).lstrip().upper().startswith("CREATE VIRTUAL"):
            shown = "virtual table" if kind == "table" else _string(kind)
            raise _fail(path, f"{name} is a {shown}, not a table: refused")
        hidden = db.execute("SELECT name FROM pragma_table_xinfo(?) WHERE hidden > 1", (name,))
        computed = [_string(r[0]) for r in hidden]
        if computed:
            raise _fail(path, f"{name}.{computed[0]} is computed, not stored: refused")


def _pick(names: list[str], wanted: tuple[str, ...], default: int) -> int | None:
    """The field called one of ``wanted``; by position only in a two-field (basic) type:
    in a richer note type the second field may be anything (a translation, a hint)."""
    lowered = [n.lower() for n in names]
    for name in wanted:
        if name in lowered:
            return lowered.index(name)
    return default if len(names) == 2 else None


def _open(data: bytes, path: Path) -> sqlite3.Connection:
    """The collection, in memory (nothing written to disk), read only, with every read
    bounded: values by MAX_VALUE, work by a budget of instructions for its size."""
    if data[18:20] == b"\x02\x02":  # WAL mode, which an in-memory database cannot open
        data = data[:18] + b"\x01\x01" + data[20:]
    db = sqlite3.connect(":memory:")
    db.text_factory = _string  # text that is not UTF-8 is read, not a crash
    try:
        db.deserialize(data)
        db.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE)
        db.execute("PRAGMA query_only = ON")
    except sqlite3.Error as error:
        db.close()
        raise _fail(path, f"the collection cannot be read: {error}") from None
    budget = [_STEPS_PER_BYTE * len(data) // 1000 + 10_000]

    def spend() -> int:
        budget[0] -= 1
        return budget[0] < 0  # non-zero interrupts the statement

    db.set_progress_handler(spend, 1000)
    return db


def _notes(data: bytes, path: Path) -> tuple[dict[object, list[str]], list[tuple[Any, ...]]]:
    db = _open(data, path)
    try:
        types = _note_types(db, path)
        notes = db.execute(
            "SELECT id, mid, flds FROM notes ORDER BY id LIMIT ?", (MAX_CARDS + 1,)
        ).fetchall()
    except sqlite3.OperationalError as error:
        message = "too much work: refused" if "interrupt" in str(error) else str(error)
        raise _fail(path, f"the collection cannot be read: {message}") from None
    except (sqlite3.Error, OverflowError) as error:
        raise _fail(path, f"the collection cannot be read: {error}") from None
    except UnicodeDecodeError:  # SQLite's own message quotes a schema that is not UTF-8
        raise _fail(path, "the collection cannot be read: its schema is garbled") from None
    finally:
        db.close()
    if len(notes) > MAX_CARDS:
        raise too_many(str(path), "notes", MAX_CARDS)
    return types, notes


def read_apkg(path: str | Path, *, pack_id: str, lang: str = "en") -> AnkiImport:
    """A pack of the basic and cloze notes of an Anki package.

    Raises:
        PackError: not a zip, no collection, unsafe or oversized members, unreadable data,
            more than MAX_CARDS notes.
    """
    path = Path(path)
    types, notes = _notes(_collection(path), path)
    items: list[dict[str, object]] = []
    media: list[str] = []
    skipped = 0
    ids: set[str] = set()
    for number, (note_id, mid, raw) in enumerate(notes, start=1):
        flds = _string(raw)
        fields = flds.split("\x1f")
        names = types.get(mid) or [f"field{i}" for i in range(len(fields))]
        fields += [""] * (len(names) - len(fields))  # a note with fewer fields than its type
        for match in _MEDIA.finditer(flds):
            media.append(match.group(1) or match.group(2))
        item_id = f"note-{note_id}" if isinstance(note_id, int) else f"note-n{number}"
        item_id = f"note-n{number}" if item_id in ids else item_id  # ids need not be unique
        ids.add(item_id)
        cloze_field = next((f for f in fields if _CLOZE.search(f)), None)
        if cloze_field is not None:
            text = _CLOZE.sub(lambda m: "{{" + m.group(2).replace("|", "/") + "}}", cloze_field)
            text = _text(text)
            blanks = cloze_blanks(text)
            if blanks and all(all(b) for b in blanks):
                items.append(
                    {"id": item_id, "type": "cloze", "prompt": "Fill in the blanks.", "text": text}
                )
                continue
        front, back = _pick(names, _FRONT, 0), _pick(names, _BACK, 1)
        if front is None or back is None or front == back:
            skipped += 1
            continue
        prompt, answer = _text(fields[front]), _text(fields[back])
        if not prompt or not answer:
            skipped += 1
            continue
        items.append({"id": item_id, "type": "short", "prompt": prompt, "answer": answer})
    if not items:
        raise _fail(path, f"no basic or cloze note with text in this package ({skipped} left out)")
    pack_data = {"id": pack_id, "title": pack_id, "language": lang, "items": items}
    pack = build_pack(pack_data, str(path))
    return AnkiImport(pack, sorted(set(media)), skipped)
