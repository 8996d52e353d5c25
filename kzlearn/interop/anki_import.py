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
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from kzlearn.errors import PackError, Problem
from kzlearn.models import Pack

__all__ = ["AnkiImport", "read_apkg"]

MAX_MEMBER = 256 * 1024 * 1024
MAX_MEMBERS = 100_000
MAX_RATIO = 200  # no honest collection compresses better than this
_COLLECTIONS = ("collection.anki21b", "collection.anki21", "collection.anki2")
_FRONT = ("front", "question", "prompt", "term", "text", "recto", "سؤال")
_BACK = ("back", "answer", "definition", "verso", "جواب")
_CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.S)
_MEDIA = re.compile(r"""<img[^>]+src=["']?([^"'>\s]+)|\[sound:([^\]]+)\]""", re.I)


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
    with archive.open(info) as member:
        data = member.read(MAX_MEMBER + 1)
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
    except (zipfile.BadZipFile, OSError) as error:
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
    field = re.sub(r"<br\s*/?>|</div>|</p>", "\n", field, flags=re.I)
    field = re.sub(r"\[sound:[^\]]+\]", "", field)
    field = re.sub(r"<[^>]+>", "", field)
    return re.sub(r"[ \t\xa0]+", " ", html.unescape(field)).strip()


def _note_types(db: sqlite3.Connection) -> dict[int, list[str]]:
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "notetypes" in tables:  # modern schema
        fields: dict[int, list[str]] = {}
        for ntid, _ord, name in db.execute(
            "SELECT ntid, ord, name FROM fields ORDER BY ntid, ord"
        ):
            fields.setdefault(ntid, []).append(name)
        return fields
    models = json.loads(db.execute("SELECT models FROM col").fetchone()[0] or "{}")
    return {int(mid): [f["name"] for f in m.get("flds", [])] for mid, m in models.items()}


def _pick(names: list[str], wanted: tuple[str, ...], default: int) -> int | None:
    """The field called one of ``wanted``; by position only in a two-field (basic) type:
    in a richer note type the second field may be anything (a translation, a hint)."""
    lowered = [n.lower() for n in names]
    for name in wanted:
        if name in lowered:
            return lowered.index(name)
    return default if len(names) == 2 else None


def read_apkg(path: str | Path, *, pack_id: str, lang: str = "en") -> AnkiImport:
    """A pack of the basic and cloze notes of an Anki package.

    Raises:
        PackError: not a zip, no collection, unsafe or oversized members, unreadable data.
    """
    path = Path(path)
    data = _collection(path)
    items: list[dict[str, object]] = []
    media: list[str] = []
    skipped = 0
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "collection.sqlite"
        copy.write_bytes(data)
        try:
            db = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
            try:
                types = _note_types(db)
                notes = db.execute("SELECT id, mid, flds FROM notes ORDER BY id").fetchall()
            finally:
                db.close()
        except (sqlite3.Error, ValueError, TypeError) as error:
            raise _fail(path, f"the collection cannot be read: {error}") from None
    for note_id, mid, flds in notes:
        fields = flds.split("\x1f")
        names = types.get(mid) or [f"field{i}" for i in range(len(fields))]
        for match in _MEDIA.finditer(flds):
            media.append(match.group(1) or match.group(2))
        item_id = f"note-{note_id}"
        cloze_field = next((f for f in fields if _CLOZE.search(f)), None)
        if cloze_field is not None:
            text = _CLOZE.sub(lambda m: "{{" + m.group(2).replace("|", "/") + "}}", cloze_field)
            text = _text(text)
            if "{{" in text:
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
    from kzlearn.packs import parse_pack

    pack_data = {"id": pack_id, "title": pack_id, "language": lang, "items": items}
    pack = parse_pack(json.dumps(pack_data, ensure_ascii=False), str(path))
    return AnkiImport(pack, sorted(set(media)), skipped)
