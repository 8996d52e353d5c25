"""Files embedded in Moodle XML (``<file name=... encoding="base64">``) and images a text
refers to: listed, and the embedded ones written into a folder beside the pack.

A name comes from the file being imported, so it is never trusted as a path: only its last
part is kept, with letters, digits, '.', '_' and '-'; it never starts with a dot; two files
of the same name get distinct names. Nothing is written outside the folder.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass
from pathlib import Path

from kzlearn.errors import KzlearnError

__all__ = ["Embedded", "decode", "safe_name", "write_files"]

_UNSAFE = re.compile(r"[^\w.-]+")
_MAX_NAME = 100


@dataclass(frozen=True, slots=True)
class Embedded:
    """A file a question holds or refers to."""

    name: str  # as the question names it
    line: int  # the line of the question
    item: str  # the id of the item made of it ("" for a question left out)
    data: bytes | None  # the decoded content; None for a file only referred to


def decode(text: str | None) -> bytes | None:
    """The bytes of base64 ``text``, or None if it is not base64."""
    try:
        return base64.b64decode("".join((text or "").split()), validate=True)
    except (binascii.Error, ValueError):
        return None


def safe_name(name: str, taken: set[str]) -> str:
    """A file name for ``name`` that is one plain name, not in ``taken`` (case-blind);
    added to ``taken``."""
    base = re.split(r"[/\\]", name)[-1]
    base = _UNSAFE.sub("_", base).lstrip("._-")[:_MAX_NAME] or "file"
    stem, dot, ext = base.rpartition(".")
    if not dot:
        stem, ext = base, ""
    candidate, n = base, 1
    while candidate.lower() in taken:
        n += 1
        candidate = f"{stem}-{n}.{ext}" if ext else f"{stem}-{n}"
    taken.add(candidate.lower())
    return candidate


def write_files(files: list[Embedded], folder: Path, *, force: bool) -> list[tuple[str, str]]:
    """Write every embedded file into ``folder`` (made if missing); returns each file's
    name in the question and the name written.

    Raises:
        KzlearnError: ``folder`` is not a folder, or a file is there already (without
            ``force``); nothing is written then.
    """
    wanted = [f for f in files if f.data is not None]
    if not wanted:
        return []
    if folder.exists() and (folder.is_symlink() or not folder.is_dir()):
        raise KzlearnError(f"{folder}: exists and is not a folder; the images go there")
    taken: set[str] = set()
    names = [safe_name(f.name, taken) for f in wanted]
    if not force:
        for name in names:
            if (folder / name).exists():
                raise KzlearnError(
                    f"{folder / name}: exists; not overwriting it (use --force to replace it)"
                )
    from kzlearn.files import atomic_write

    try:
        folder.mkdir(parents=False, exist_ok=True)
    except OSError as error:
        raise KzlearnError(f"{folder}: cannot make the folder: {error.strerror}") from None
    for embedded, name in zip(wanted, names, strict=True):
        target = folder / name
        if target.is_symlink():
            raise KzlearnError(f"{target}: is a symbolic link; not writing through it")
        assert embedded.data is not None
        atomic_write(target, embedded.data, force=True)
    return [(f.name, n) for f, n in zip(wanted, names, strict=True)]
