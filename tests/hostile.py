"""Hostile importer inputs, built on disk: shared by the tests, the fuzz test and the benchmark."""

from __future__ import annotations

import json
import sqlite3
import struct
import zipfile
from collections.abc import Sequence
from pathlib import Path

BASIC = {"1": {"name": "Basic", "flds": [{"name": "Front"}, {"name": "Back"}]}}


def collection(
    path: Path,
    notes: Sequence[tuple[object, object, object]] = ((1, 1, "front\x1fback"),),
    *,
    models: object = BASIC,
    notes_sql: str = "CREATE TABLE notes (id, mid, flds)",
) -> bytes:
    """A legacy collection (col, notes) as SQLite bytes; ``notes_sql`` may make notes a view."""
    if path.exists():
        path.unlink()
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE col (models TEXT)")
    db.execute("INSERT INTO col VALUES (?)", (json.dumps(models),))
    db.execute(notes_sql)
    if notes_sql.startswith("CREATE TABLE") and " AS (" not in notes_sql:
        db.executemany("INSERT INTO notes VALUES (?, ?, ?)", notes)
    db.commit()
    db.close()
    return path.read_bytes()


def apkg(path: Path, data: bytes, *, stored: bool = False) -> Path:
    """A package holding ``data`` as its collection.anki2."""
    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(path, "w", method) as archive:
        archive.writestr("collection.anki2", data)
    return path


def recursive_view_apkg(tmp: Path) -> Path:
    """notes is a view that counts without end (it never finishes on a naive read)."""
    view = (
        "CREATE VIEW notes AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) "
        "SELECT n AS id, 1 AS mid, printf('%.1000c', 'x') || char(31) || 'b' AS flds FROM r"
    )
    return apkg(tmp / "view.apkg", collection(tmp / "view.anki2", notes_sql=view))


def bad_crc_apkg(tmp: Path) -> Path:
    """A stored member whose bytes no longer match its CRC."""
    path = apkg(tmp / "crc.apkg", collection(tmp / "crc.anki2"), stored=True)
    raw = bytearray(path.read_bytes())
    header = raw.index(b"SQLite format 3")
    raw[header + 200] ^= 0xFF
    path.write_bytes(bytes(raw))
    return path


def lying_size_apkg(tmp: Path, size: int) -> Path:
    """A member whose declared uncompressed size (both headers) is ``size``."""
    path = apkg(tmp / f"size{size}.apkg", collection(tmp / "size.anki2"))
    raw = bytearray(path.read_bytes())
    local = raw.index(b"PK\x03\x04")
    struct.pack_into("<I", raw, local + 22, size)
    central = raw.index(b"PK\x01\x02")
    struct.pack_into("<I", raw, central + 24, size)
    path.write_bytes(bytes(raw))
    return path


def mutate(seed: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    """``seed`` with each edit made in turn: at ``position`` (modulo the length), ``delete``
    bytes replaced by ``insert`` (what a fuzzer does to a valid file)."""
    data = bytearray(seed)
    for position, delete, insert in edits:
        at = position % (len(data) + 1)
        data[at : at + delete] = insert
    return bytes(data)
