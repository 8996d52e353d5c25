"""Reading user files with clear errors, and writing files without ever losing the old one."""

from __future__ import annotations

import os
import re
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from kzlearn.errors import KzlearnError, PackError

__all__ = ["atomic_path", "atomic_write", "read_user_text", "starts_with"]

MAX_TEXT_BYTES = 64 * 1024 * 1024
# Longest first: the UTF-32 little-endian mark begins with the UTF-16 one.
_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def _refuse_utf16_and_binary(data: bytes, name: str, what: str) -> None:
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


def read_user_text(
    path: str | Path, what: str = "file", *, encoding: str | None = None, hint: str = ""
) -> str:
    """The text of a UTF-8 file that a user named (of ``encoding`` when the user named
    one: a codec name Python knows, such as ``cp1252``).

    Raises:
        PackError: missing, a directory, too large, binary, not UTF-8 or not ``encoding``
            (with the line and column of the first bad byte, its offset, and ``hint``).
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
    if encoding is None:
        _refuse_utf16_and_binary(data, name, what)
    try:
        text = data.decode(encoding or "utf-8-sig")
        if "\x00" in text:  # the encoding named is not the file's (a binary file?)
            ahead = text[: text.index("\x00")]
            line, column = ahead.count("\n") + 1, len(ahead) - ahead.rfind("\n")
            raise PackError.single(
                name, f"is a binary file, not a {what}", line=line, column=column
            )
        return text.removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        where = f"byte 0x{data[error.start]:02x}"
        if encoding or hint:  # where a hex editor finds it
            where += f" at offset {error.start}"
        raise PackError.single(
            name, f"is not {encoding or 'UTF-8'} text ({where}){hint}", line=line, column=column
        ) from None


@dataclass(frozen=True, slots=True)
class _Target:
    path: Path  # where to write: the file itself, or what a symlink points to
    stream: bool  # a terminal, /dev/null or a FIFO: written through, never replaced
    mode: int | None  # the permission bits to keep, for an existing regular file
    owner: tuple[int, int] | None


def _target(
    path: Path, same_kind: Callable[[Path], bool] | None, kind: str, force: bool
) -> _Target:
    try:
        st = path.stat()  # follows a symlink: what it points to is what gets written
    except FileNotFoundError:
        return _Target(path.resolve() if path.is_symlink() else path, False, None, None)
    except OSError as error:
        raise KzlearnError(f"{path}: cannot write: {error.strerror}") from None
    if stat.S_ISDIR(st.st_mode):
        raise KzlearnError(f"{path}: is a directory")
    if stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode):
        return _Target(path, True, None, None)
    if not stat.S_ISREG(st.st_mode):
        raise KzlearnError(f"{path}: is a special file (a socket or a device); not writing to it")
    target = path.resolve() if path.is_symlink() else path
    if same_kind is not None and not force and st.st_size > 0 and not same_kind(target):
        raise KzlearnError(
            f"{path}: exists and is not {kind}; not overwriting it (use --force to replace it)"
        )
    return _Target(target, False, stat.S_IMODE(st.st_mode), (st.st_uid, st.st_gid))


def _new_file_mode() -> int:
    # mkstemp makes 0600 files; a new file gets what open() would give it under the umask.
    # Linux tells the umask without changing it (os.umask would, for every thread at once).
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    umask = os.umask(0o077)
    os.umask(umask)
    return 0o666 & ~umask


@contextmanager
def atomic_path(
    path: str | Path,
    *,
    same_kind: Callable[[Path], bool] | None = None,
    kind: str = "a file of this kind",
    force: bool = False,
) -> Iterator[Path]:
    """A temporary file beside ``path`` to write; renamed over ``path`` if the block succeeds.

    A reader sees the old file or the new one, never a half-written one; on any error the
    temporary file is removed and ``path`` is untouched. A symlink is followed (the file it
    points to is replaced, the link kept); a terminal, /dev/null or a FIFO is written
    through; an existing file keeps its permissions. ``same_kind`` tells whether an existing
    file is ``kind``: one that is not is refused unless ``force``.

    Raises:
        KzlearnError: the folder is missing or not writable, ``path`` is a directory or a
            special file, or an existing file is not ``kind``.
    """
    target = _target(Path(path), same_kind, kind, force)
    folder = None if target.stream else target.path.parent
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise KzlearnError(f"{path}: cannot write here: {error.strerror}") from None
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        if target.stream:
            with tmp.open("rb") as source, target.path.open("wb") as sink:
                shutil.copyfileobj(source, sink)
            tmp.unlink()
            return
        os.chmod(tmp, target.mode if target.mode is not None else _new_file_mode())
        if target.owner is not None and os.geteuid() == 0:
            os.chown(tmp, *target.owner)  # root writing a user's file leaves it theirs
        os.replace(tmp, target.path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def atomic_write(
    path: str | Path,
    data: bytes | str,
    *,
    same_kind: Callable[[Path], bool] | None = None,
    kind: str = "a file of this kind",
    force: bool = False,
) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename (see atomic_path).

    Raises:
        KzlearnError: the folder is missing or not writable, or ``path`` may not be replaced
            (see atomic_path).
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        with (
            atomic_path(path, same_kind=same_kind, kind=kind, force=force) as tmp,
            tmp.open("wb") as handle,
        ):
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as error:
        raise KzlearnError(f"{path}: cannot write: {error.strerror}") from None


def starts_with(prefix: bytes | re.Pattern[bytes]) -> Callable[[Path], bool]:
    """A ``same_kind`` test: the file's first KiB starts with ``prefix`` (or matches it)."""

    def test(path: Path) -> bool:
        try:
            with path.open("rb") as handle:
                head = handle.read(1024)
        except OSError:
            return False
        if isinstance(prefix, bytes):
            return head.startswith(prefix)
        return prefix.match(head) is not None

    return test
