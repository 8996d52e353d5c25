"""Reading user files with clear errors, and writing files without ever losing the old one."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kzlearn.errors import KzlearnError, PackError

__all__ = ["atomic_path", "atomic_write", "read_user_text"]

MAX_TEXT_BYTES = 64 * 1024 * 1024
# Longest first: the UTF-32 little-endian mark begins with the UTF-16 one.
_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def read_user_text(path: str | Path, what: str = "file") -> str:
    """The text of a UTF-8 file that a user named.

    Raises:
        PackError: missing, a directory, too large, binary, not UTF-8 (with the line and
            column of the first bad byte).
    """
    path = Path(path)
    name = str(path)
    if not path.exists():
        raise PackError.single(name, "no such file")
    if path.is_dir():
        raise PackError.single(name, f"is a directory, not a {what}")
    try:
        size = path.stat().st_size
        if size > MAX_TEXT_BYTES:
            raise PackError.single(name, f"is {size:,} bytes; a {what} is at most 64 MiB")
        data = path.read_bytes()
    except OSError as error:
        raise PackError.single(name, f"cannot be read: {error.strerror}") from None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            raise PackError.single(
                name, f"is {encoding} text, not UTF-8: save it as UTF-8", line=1, column=1
            )
    if b"\x00" in data:
        before = data[: data.index(b"\x00")]
        line = before.count(b"\n") + 1
        column = len(before) - before.rfind(b"\n")
        raise PackError.single(name, f"is a binary file, not a {what}", line=line, column=column)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        raise PackError.single(
            name, f"is not UTF-8 text (byte 0x{data[error.start]:02x})", line=line, column=column
        ) from None


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """A temporary file beside ``path`` to write; renamed over ``path`` if the block succeeds.

    A reader sees the old file or the new one, never a half-written one; on any error the
    temporary file is removed and ``path`` is untouched.

    Raises:
        KzlearnError: the folder is missing or not writable.
    """
    path = Path(path)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as error:
        raise KzlearnError(f"{path}: cannot write here: {error.strerror}") from None
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def atomic_write(path: str | Path, data: bytes | str) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename (see atomic_path).

    Raises:
        KzlearnError: the folder is missing or not writable.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        with atomic_path(path) as tmp, tmp.open("wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as error:
        raise KzlearnError(f"{path}: cannot write: {error.strerror}") from None
