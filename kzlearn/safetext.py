"""Text from packs, imports and file names, made safe to show on a terminal.

A pack is untrusted input: YAML escapes let it hold any character, and a terminal obeys
some of them (ESC and C1 sequences set the clipboard with OSC 52, the window title, links,
blinking; bidi overrides and isolates reorder the interface around them). Every path that
shows such text passes it through :func:`safe` (or :func:`safe_line`), which shows each
unsafe character as the escape that writes it in a double-quoted YAML string: ``\\x1b``,
``\\x9b``, ``\\u202e``. What ``validate`` reports can thus be found and fixed in the file.

Unsafe: C0 controls (tab and newline only where lines may break), DEL, C1 (U+0080-U+009F),
the bidi embeddings and overrides (U+202A-U+202E) and isolates (U+2066-U+2069), and lone
surrogates (no terminal encoding holds them). Kept: the bidi marks U+200E, U+200F and
U+061C, which Arabic text uses and which only set the direction of neutral characters next
to them: they cannot reverse strong letters, so they cannot disguise the interface.

Imports (kzlearn.interop) use :func:`strip_controls`: a pack written by kzlearn holds none.
"""

from __future__ import annotations

import re

__all__ = ["UNSAFE", "escape_char", "first_unsafe", "safe", "safe_line", "strip_controls"]

_BIDI = "\u202a-\u202e\u2066-\u2069"
_SURROGATES = "\ud800-\udfff"
UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}{_SURROGATES}]")
"""One unsafe character where tab and newline are allowed."""
_UNSAFE_LINE = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}{_SURROGATES}]")


_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def escape_char(char: str) -> str:
    """The visible form of one character: ``\\x1b``, ``\\u202e``, ``\\n``."""
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def _escape(match: re.Match[str]) -> str:
    return escape_char(match.group())


def safe(text: str) -> str:
    """``text`` with each unsafe character shown as its escape; tabs and newlines kept."""
    return UNSAFE.sub(_escape, text)


def safe_line(text: str) -> str:
    """``text`` as one line: tabs and newlines are escaped too."""
    return _UNSAFE_LINE.sub(_escape, text)


def first_unsafe(text: str) -> int | None:
    """The index of the first unsafe character of ``text`` (tab and newline allowed)."""
    match = UNSAFE.search(text)
    return None if match is None else match.start()


_CR = re.compile(r"\r\n?")


def strip_controls(text: str) -> str:
    """``text`` without unsafe characters: line ends become newlines, tabs spaces."""
    if "\t" not in text and UNSAFE.search(text) is None:  # the usual case: nothing to do
        return text
    return UNSAFE.sub("", _CR.sub("\n", text).replace("\t", " "))
