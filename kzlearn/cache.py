"""A cache of validated packs and their generated items, for a fast start.

Validating a pack and generating its items depend only on the pack file's bytes and on the
code, so the result is kept in the user cache folder, keyed by both (the file's content hash
and kzlearn's, pydantic's and Python's versions with the stamps of kzlearn's own modules).
Any problem with the cache (missing, stale, unreadable, unwritable) means: do the work.
The cache holds only what kzlearn itself wrote there.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
from pathlib import Path

from kzlearn import __version__
from kzlearn.files import atomic_path, read_user_text
from kzlearn.models import Item, Pack
from kzlearn.packs import parse_pack
from kzlearn.questions.generate import all_items

__all__ = ["cache_dir", "load_pack_and_items"]

_FORMAT = 1


def cache_dir() -> Path:
    """KZLEARN_CACHE, else kzlearn's folder in the user cache folder."""
    chosen = os.environ.get("KZLEARN_CACHE")
    if chosen:
        return Path(chosen)
    import platformdirs

    return Path(platformdirs.user_cache_dir("kzlearn", appauthor=False)) / "packs"


@functools.cache  # once a process: it stats every module of the package
def _code_stamp() -> str:
    import pydantic

    package = Path(__file__).resolve().parent
    parts = [str(_FORMAT), __version__, pydantic.VERSION, sys.version]
    for module in sorted(package.rglob("*.py")):
        stat = module.stat()
        parts.append(f"{module.relative_to(package)}:{stat.st_size}:{stat.st_mtime_ns}")
    return "\n".join(parts)


def load_pack_and_items(path: str | Path) -> tuple[Pack, list[Item]]:
    """The validated pack at ``path`` and all its items, from the cache when it is current.

    Raises:
        PackError: the file is not a valid pack (never cached).
    """
    text = read_user_text(path, "pack file")
    digest = hashlib.sha256(_code_stamp().encode() + b"\0" + text.encode()).hexdigest()
    entry = cache_dir() / f"{digest}.pickle"
    try:
        with entry.open("rb") as handle:
            pack, items = pickle.load(handle)
        if isinstance(pack, Pack) and isinstance(items, list):
            return pack, items
    except Exception:  # a bad cache entry is a miss, never a failure
        pass
    pack = parse_pack(text, str(path))
    items = all_items(pack)
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        with atomic_path(entry) as tmp, tmp.open("wb") as handle:
            pickle.dump((pack, items), handle, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # an unwritable cache only costs speed
        pass
    return pack, items
