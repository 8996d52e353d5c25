"""The media files of an Anki package, copied next to the pack made of it.

A package lists its media in its ``media`` member: JSON ``{"0": "name.png"}`` in the legacy
layout, a zstd-compressed protobuf list in the modern one (whose files are zstd-compressed
too); file ``n`` of the list is the member named ``n``. Names are kept as written (spaces
included) but never as paths: a name with a separator, ``..``, a control character or a
drive is not copied. An existing file of that name is kept unless it holds the same bytes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from kzlearn.errors import KzlearnError
from kzlearn.files import atomic_write
from kzlearn.interop.protowire import proto_fields

__all__ = ["MediaCopy", "copy_media"]


@dataclass
class MediaCopy:
    """What was copied, and each file that was not, with why."""

    copied: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _safe_name(name: str) -> bool:
    return (
        0 < len(name.encode("utf-8", "replace")) <= 255
        and name not in (".", "..")
        and not any(c in name for c in "/\\:")
        and all(ord(c) >= 32 and ord(c) != 127 for c in name)
    )


def _entries(data: bytes, package: Path) -> dict[str, str]:
    """Media name -> member name."""
    from kzlearn.interop.anki_import import _zstd

    try:
        listed = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        listed = None
    if isinstance(listed, dict):
        return {str(name): str(member) for member, name in listed.items()}
    out: dict[str, str] = {}
    for number, (tag, entry) in enumerate(proto_fields(_zstd(data, package))):
        if tag != 1 or not isinstance(entry, bytes):
            continue
        values = dict(proto_fields(entry))
        name = values.get(1)
        member = values.get(255, number)  # a legacy zip name, else the entry's position
        if isinstance(name, bytes):
            out[name.decode("utf-8", "replace")] = str(member)
    return out


def copy_media(package: str | Path, names: list[str], folder: str | Path) -> MediaCopy:
    """Copy the media ``names`` of ``package`` into ``folder``.

    Raises:
        PackError: the package cannot be read (see kzlearn.interop.anki_import).
    """
    from kzlearn.interop.anki_import import _fail, _read_member, _zstd, open_package

    package, folder = Path(package), Path(folder)
    result = MediaCopy()
    with open_package(package) as archive:
        infos = {i.filename: i for i in archive.infolist()}
        modern = "collection.anki21b" in infos

        def read(member: str) -> bytes:
            info = infos.get(member)
            if info is None:
                raise _fail(package, f"no member {member!r} for its media")
            return _read_member(archive, info, package)

        if "media" not in infos:
            result.problems.extend(f"{n}: not in the package" for n in names)
            return result
        entries = _entries(read("media"), package)
        for name in names:
            member = entries.get(name)
            if member is None or member not in infos:
                result.problems.append(f"{name}: not in the package")
                continue
            if not _safe_name(name):
                result.problems.append(f"{name!r}: not a plain file name; not copied")
                continue
            data = read(member)
            if modern:
                data = _zstd(data, package)
            target = folder / name
            if target.exists() and (not target.is_file() or target.read_bytes() != data):
                result.problems.append(f"{target}: exists and differs; kept, not replaced")
                continue
            try:
                atomic_write(target, data, force=True)
            except KzlearnError as error:
                result.problems.append(str(error))
                continue
            result.copied.append(name)
    return result
