"""Read Anki packages (.apkg): note types, notes, cards and decks (anki_convert makes items).

Both layouts: legacy (collection.anki2 / .anki21, SQLite) and modern (collection.anki21b,
zstd-compressed SQLite; such packages also carry a stub collection.anki2, ignored). Nothing
is extracted by name (no zip-slip); members that are too large, too many or compressed past
any honest ratio (zip bombs) are refused before being read, and reads are bounded anyway.
"""

from __future__ import annotations

import json
import re
import sqlite3
import zipfile
import zlib
from pathlib import Path
from typing import Any

from kzlearn.errors import PackError, Problem
from kzlearn.interop.anki_convert import AnkiImport, FieldMap, Note, NoteType, convert
from kzlearn.interop.build import MAX_CARDS, too_many
from kzlearn.interop.protowire import proto_fields

__all__ = ["AnkiImport", "read_apkg"]

MAX_MEMBER = 256 * 1024 * 1024
MAX_MEMBERS = 100_000
MAX_RATIO = 200  # no honest collection compresses better than this
_COLLECTIONS = ("collection.anki21b", "collection.anki21", "collection.anki2")
MAX_VALUE = 16 * 1024 * 1024  # the longest text or blob SQLite hands back
_STEPS_PER_BYTE = 50  # SQLite instructions a honest read needs per byte of collection, and more
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, ValueError)


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


def open_package(path: Path) -> zipfile.ZipFile:
    """The package as a zip archive.

    Raises:
        PackError: it is not one.
    """
    try:
        return zipfile.ZipFile(path)
    except _ZIP_ERRORS as error:
        raise _fail(path, f"not an Anki package (not a zip file: {error})") from None


def _collection(path: Path) -> bytes:
    with open_package(path) as archive:
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


def _string(value: object) -> str:
    """A column's value as text, whatever SQLite's loose typing let the package store."""
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return "" if value is None else str(value)


def _columns(db: sqlite3.Connection, table: str) -> set[str]:
    return {
        _string(r[0]).lower()
        for r in db.execute("SELECT name FROM pragma_table_xinfo(?)", (table,))
    }


def _has(db: sqlite3.Connection, table: str, path: Path) -> bool:
    """Whether the collection has ``table`` (refused when it is not a plain stored table)."""
    found = db.execute("SELECT 1 FROM sqlite_master WHERE lower(name) = ?", (table,)).fetchone()
    if found:
        _require(db, (table,), path)
    return bool(found)


def _template(config: object) -> tuple[str, str]:
    """A modern template's front and back (fields 1 and 2 of its protobuf config)."""
    found = dict(proto_fields(config if isinstance(config, bytes) else b""))
    front, back = found.get(1, b""), found.get(2, b"")
    return (
        front.decode("utf-8", "replace") if isinstance(front, bytes) else "",
        back.decode("utf-8", "replace") if isinstance(back, bytes) else "",
    )


def _note_types(db: sqlite3.Connection, path: Path) -> dict[object, NoteType]:
    """Note types by id: name, fields and card templates; types that make no sense are left
    out (their notes are read by position)."""
    modern = db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND lower(name) = 'notetypes'"
    ).fetchone()
    if modern:
        _require(db, ("notes", "fields", "notetypes"), path)
        fields: dict[object, list[str]] = {}
        rows = db.execute(
            "SELECT ntid, ord, name FROM fields ORDER BY ntid, ord LIMIT ?", (MAX_CARDS,)
        )
        for ntid, _ord, name in rows:
            fields.setdefault(ntid, []).append(_string(name))
        names = dict(db.execute("SELECT id, name FROM notetypes LIMIT ?", (MAX_CARDS,)))
        templates: dict[object, list[tuple[str, str]]] = {}
        if _has(db, "templates", path):
            rows = db.execute(
                "SELECT ntid, config FROM templates ORDER BY ntid, ord LIMIT ?", (MAX_CARDS,)
            )
            for ntid, config in rows:
                templates.setdefault(ntid, []).append(_template(config))
        return {
            ntid: NoteType(_string(names.get(ntid)), tuple(f), tuple(templates.get(ntid, ())))
            for ntid, f in fields.items()
        }
    _require(db, ("notes", "col"), path)
    models = _col_json(db, "models", path)
    types: dict[object, NoteType] = {}
    for mid, model in models.items():
        flds = model.get("flds") if isinstance(model, dict) else None
        if isinstance(flds, list) and re.fullmatch(r"-?[0-9]{1,19}", mid):
            tmpls = model.get("tmpls")
            types[int(mid)] = NoteType(
                _string(model.get("name")),
                tuple(_string(f.get("name")) if isinstance(f, dict) else "" for f in flds),
                tuple(
                    (_string(t.get("qfmt")), _string(t.get("afmt")))
                    for t in (tmpls if isinstance(tmpls, list) else ())
                    if isinstance(t, dict)
                ),
            )
    return types


def _col_json(db: sqlite3.Connection, column: str, path: Path) -> dict[str, Any]:
    """A JSON column of the legacy ``col`` table (models, decks): {} when it has none."""
    if column not in _columns(db, "col"):
        return {}
    row = db.execute(f"SELECT {column} FROM col LIMIT 1").fetchone()  # a fixed name
    try:
        value: Any = json.loads(_string(row[0] if row else None) or "{}")
    except (ValueError, RecursionError):
        raise _fail(path, f"the {column} (col.{column}) are not valid JSON") from None
    if not isinstance(value, dict):
        raise _fail(path, f"the {column} (col.{column}) are not a JSON object")
    return value


def _decks(db: sqlite3.Connection, path: Path) -> dict[object, str]:
    """Deck names by id, parts joined with "::" (modern collections store them with \x1f)."""
    if _has(db, "decks", path):
        rows = db.execute("SELECT id, name FROM decks LIMIT ?", (MAX_CARDS,))
        return {i: _string(n).replace("\x1f", "::") for i, n in rows}
    if not _has(db, "col", path):
        return {}
    decks = _col_json(db, "decks", path)
    return {
        int(i): _string(d.get("name"))
        for i, d in decks.items()
        if isinstance(d, dict) and re.fullmatch(r"-?[0-9]{1,19}", i)
    }


def _cards(db: sqlite3.Connection, path: Path) -> dict[object, list[tuple[object, object]]]:
    """Each note's cards: (template number, deck id)."""
    cards: dict[object, list[tuple[object, object]]] = {}
    if _has(db, "cards", path) and {"nid", "ord", "did"} <= _columns(db, "cards"):
        rows = db.execute(
            "SELECT nid, ord, did FROM cards ORDER BY nid, ord LIMIT ?", (4 * MAX_CARDS,)
        )
        for nid, ord_, did in rows:
            cards.setdefault(nid, []).append((ord_, did))
    return cards


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


def _read(data: bytes, path: Path) -> tuple[dict[object, NoteType], list[Note], dict[object, str]]:
    db = _open(data, path)
    try:
        types = _note_types(db, path)
        decks = _decks(db, path)
        cards = _cards(db, path)
        tags = ", tags" if "tags" in _columns(db, "notes") else ""
        rows = db.execute(
            f"SELECT id, mid, flds{tags} FROM notes ORDER BY id LIMIT ?", (MAX_CARDS + 1,)
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
    if len(rows) > MAX_CARDS:
        raise too_many(str(path), "notes", MAX_CARDS)
    notes = [
        Note(
            row[0],
            row[1],
            _string(row[2]).split("\x1f"),
            tuple(_string(row[3]).split()) if len(row) > 3 else (),
            tuple(cards.get(row[0], ())),
        )
        for row in rows
    ]
    return types, notes, decks


def read_apkg(
    path: str | Path, *, pack_id: str, lang: str = "en", maps: FieldMap | None = None
) -> AnkiImport:
    """A pack of the notes of an Anki package (see kzlearn.interop.anki_convert).

    Raises:
        PackError: not a zip, no collection, unsafe or oversized members, unreadable data,
            more than MAX_CARDS notes, a map naming what the package lacks, no item at all.
    """
    path = Path(path)
    types, notes, decks = _read(_collection(path), path)
    return convert(types, notes, decks, file=str(path), pack_id=pack_id, lang=lang, maps=maps)
