"""Stable integer ids derived from names: the same name gives the same id everywhere."""

from __future__ import annotations

import hashlib

__all__ = ["stable_int"]


def stable_int(name: str) -> int:
    """A positive 48-bit id from ``name`` (fits Anki's ids and JavaScript's safe integers)."""
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:6], "big") | (1 << 40)
