"""Control characters in pack text: ``validate`` reports each one where it is.

A terminal obeys escape sequences (kzlearn.safetext), so a pack must not carry them, in any
text: localized texts and plain strings (cloze passages, accepted answers, authors, urls).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from kzlearn.localized import Localized
from kzlearn.models.pack import walk_values
from kzlearn.safetext import escape_char, first_unsafe

if TYPE_CHECKING:
    from kzlearn.models import Pack

__all__ = ["control_problems"]

Loc = tuple[str | int, ...]

# In a pack's JSON, what may be an unsafe character (kzlearn.safetext): an escaped C0 other
# than tab and newline, DEL, a C1, a bidi embedding, override or isolate (UTF-8). A literal
# backslash may match too; the walk that follows decides.
_MAYBE_UNSAFE_JSON = re.compile(
    rb"\\u00[01]|\\[bfr]|\x7f|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]"
)


def control_problems(pack: Pack) -> Iterator[tuple[Loc, str]]:
    """Every text of ``pack`` that holds a character a terminal would obey, with where."""
    from kzlearn.models.validation import pack_json  # only what validates calls this

    try:  # one pass in pydantic-core over the pack's JSON, far faster than walking it here
        if not _MAYBE_UNSAFE_JSON.search(pack_json(pack)):
            return
    except (ValueError, TypeError):  # a lone surrogate has no JSON: walk
        pass
    for loc, text in _walk_strings(pack, ()):
        at = first_unsafe(text)
        if at is not None:
            yield (
                loc,
                f"holds the control character {escape_char(text[at])} (character {at + 1}): "
                "a terminal would obey it; remove it",
            )


def _walk_strings(value: Any, loc: Loc) -> Iterator[tuple[Loc, str]]:
    for at, found in walk_values(value, loc):
        if isinstance(found, str):
            yield at, found
        elif isinstance(found, Localized):
            if found.plain is not None:
                yield at, found.plain
            else:
                for lang, text in found.texts.items():
                    yield (*at, lang), text
