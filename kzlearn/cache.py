"""A cache of validated packs and their generated items, for a fast start.

Validating a pack and generating its items depend only on the pack file's bytes and on the
code, so the result is kept in the user cache folder, keyed by both (the file's content hash;
kzlearn's and Python's versions; the stamps of kzlearn's own modules and of pydantic's).
Any problem with the cache (missing, stale, unreadable, unwritable) means: do the work.
The cache holds only what kzlearn itself wrote there.

A first start after a pack changed can fill the cache in a child process
(:func:`fill_in_background`, which generates with a helper of its own) while the terminal
app loads: two cores at work, not one. Reading the cache back needs no pydantic (the models
are dataclasses): only validating does.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from kzlearn import __version__
from kzlearn.files import atomic_path, read_user_text

if TYPE_CHECKING:
    from kzlearn.models import Item, Pack

__all__ = ["cache_dir", "fill_in_background", "load_pack_and_items"]

_FORMAT = 1
CHILD_SECONDS = 120  # the most a start waits for the child; then it does the work itself


def cache_dir() -> Path:
    """KZLEARN_CACHE, else kzlearn's folder in the user cache folder."""
    chosen = os.environ.get("KZLEARN_CACHE")
    if chosen:
        return Path(chosen)
    import platformdirs

    return Path(platformdirs.user_cache_dir("kzlearn", appauthor=False)) / "packs"


@functools.cache  # once a process: it stats every module of the package
def _code_stamp() -> str:
    parts = [str(_FORMAT), __version__, sys.version, *_library_stamps()]
    _module_stamps(os.path.dirname(os.path.realpath(__file__)), "", parts)
    return "\n".join(parts)


def _module_stamps(folder: str, prefix: str, parts: list[str]) -> None:
    """Size and time of each module under ``folder`` (os.scandir: a tenth of rglob's time)."""
    with os.scandir(folder) as scan:
        entries = sorted(scan, key=lambda entry: entry.name)
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            if entry.name != "__pycache__":
                _module_stamps(entry.path, f"{prefix}{entry.name}/", parts)
        elif entry.name.endswith(".py"):
            stat = entry.stat()
            parts.append(f"{prefix}{entry.name}:{stat.st_size}:{stat.st_mtime_ns}")


def _library_stamps() -> list[str]:
    """pydantic's and pydantic-core's installed files, as stamps: importing pydantic (or
    importlib.metadata) to ask their versions would cost a warm start more than the cache
    saves it, and reinstalling either rewrites these files."""
    from importlib.util import find_spec

    stamps = []
    for name, file in (("pydantic", "version.py"), ("pydantic_core", "__init__.py")):
        spec = find_spec(name)
        folders = spec.submodule_search_locations if spec is not None else None
        if not folders:
            stamps.append(f"{name}: none")
            continue
        path = Path(next(iter(folders))) / file
        try:
            stat = path.stat()
            stamps.append(f"{path}:{stat.st_size}:{stat.st_mtime_ns}")
        except OSError:
            stamps.append(f"{path}: none")
    return stamps


def _entry(text: str) -> Path:
    digest = hashlib.sha256(_code_stamp().encode() + b"\0" + text.encode()).hexdigest()
    return cache_dir() / f"{digest}.pickle"


def load_pack_and_items(path: str | Path) -> tuple[Pack, list[Item]]:
    """The validated pack at ``path`` and all its items, from the cache when it is current.

    Raises:
        PackError: the file is not a valid pack (never cached).
    """
    from kzlearn.models import Pack

    text = read_user_text(path, "pack file")
    entry = _entry(text)
    try:
        with entry.open("rb") as handle:
            pack, items = pickle.load(handle)
        if isinstance(pack, Pack) and isinstance(items, list):
            return pack, items
    except Exception:  # a bad cache entry is a miss, never a failure
        pass
    from kzlearn.packs import parse_pack
    from kzlearn.questions.generate import all_items

    pack = parse_pack(text, str(path))
    items = all_items(pack)
    _store(entry, pack, items)
    return pack, items


def _store(entry: Path, pack: Pack, items: list[Item]) -> None:
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        with atomic_path(entry) as tmp, tmp.open("wb") as handle:
            pickle.dump((pack, items), handle, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # an unwritable cache only costs speed
        pass


def _missing(paths: Iterable[str | Path]) -> list[tuple[str | Path, str, Path]]:
    """Each of ``paths`` whose cache entry is missing, with its text and that entry."""
    missing: list[tuple[str | Path, str, Path]] = []
    for path in paths:
        try:
            text = read_user_text(path, "pack file")
            entry = _entry(text)
            if not entry.is_file():
                missing.append((path, text, entry))
        except Exception:  # an unreadable file: the start reports it, in its own time
            pass
    return missing


def fill_in_background(paths: Iterable[str | Path]) -> Callable[[], None] | None:
    """Start filling the cache for those of ``paths`` that miss it, in a forked child;
    returns the function that waits for the child (call it before loading the packs), or
    None when no child was started.

    Nothing changes for the caller but speed: the child reports nothing and writes only
    cache entries of valid packs, so the loading that follows finds them, or does the work
    itself (and reports every problem) as it would have without the child. The child is
    made only on Linux (fork is the only cheap way, and not a safe one everywhere) and only
    from a process with a single thread (a fork copies no other thread, nor frees its locks).
    """
    import threading

    if not sys.platform.startswith("linux") or threading.active_count() != 1:
        return None
    missing = _missing(paths)
    if not missing or not _writable(cache_dir()):
        return None  # (an unwritable cache: the child's work would be lost)
    # The models are loaded first, here: this process needs them to read the cache back.
    import kzlearn.models  # noqa: F401

    readable, writable = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        status = 1
        try:
            os.setpgid(0, 0)  # its own group, with its helper: a timeout stops both
            os.close(readable)
            _silence()
            _fill(missing)
            status = 0
        finally:
            os._exit(status)  # no exit handlers, no flushing of the parent's buffers
    with contextlib.suppress(OSError):  # (set on both sides: neither waits for the other)
        os.setpgid(pid, pid)
    os.close(writable)

    def wait() -> None:
        import select
        import signal

        try:
            # The pipe reads as closed (ready) once the child has exited.
            done, _, _ = select.select([readable], [], [], CHILD_SECONDS)
            if not done:
                os.killpg(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except (OSError, ValueError):  # already reaped or gone: nothing to wait for
            pass
        finally:
            os.close(readable)

    return wait


def _fill(missing: list[tuple[str | Path, str, Path]]) -> None:
    """Validate the ``missing`` packs (path, text, cache entry), then generate their items
    and cache both, in two processes when there are two packs or more: generating is most
    of the work, and the parent is busy loading the terminal app on the other core
    meanwhile. The helper inherits the pipe's writing end, so the parent waits for both."""
    from kzlearn.packs import parse_pack
    from kzlearn.questions.generate import all_items

    valid: list[tuple[Path, Pack]] = []
    for path, text, entry in missing:
        with contextlib.suppress(Exception):  # an invalid pack: the parent reports it
            valid.append((entry, parse_pack(text, str(path))))
    mine = valid[0::2]
    if len(valid) > 1 and os.fork() == 0:
        mine = valid[1::2]  # the helper, which exits as this child does (os._exit)
    for entry, pack in mine:
        with contextlib.suppress(Exception):
            _store(entry, pack, all_items(pack))


def _writable(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK | os.X_OK)


def _silence() -> None:
    """Nothing the child might print (a library's warning) reaches the terminal."""
    null = os.open(os.devnull, os.O_RDWR)
    for stream in (0, 1, 2):
        os.dup2(null, stream)
    os.close(null)
