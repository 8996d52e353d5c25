"""Flashcards in an Anki export: a basic note type with an optional reverse card.

Each language's text sits in its own ``dir`` (the pack's language and its translation may
read in opposite directions), the hint is Anki's own "show hint" link, and the card turns
dark in night mode (Anki sets ``nightMode`` on the card's own element, not on a parent).
kzlearn reads the note type back as flashcards (kzlearn.interop.anki_convert).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from kzlearn.interop.anki_notetypes import CSS, stable_id

if TYPE_CHECKING:
    from kzlearn.localized import Localized
    from kzlearn.models import FlashcardItem

__all__ = ["FIELDS", "FLASHCARD", "flashcard_fields", "flashcard_model"]

FLASHCARD = "flashcard"
FIELDS = (
    "Front",
    "FrontTranslation",
    "Back",
    "BackTranslation",
    "Hint",
    "Notes",
    "Add Reverse",
    "Evidence",
    "Source",
    "Key",
)
_OWN_LANGUAGE = ("Front", "Back", "Hint", "Notes")  # the pack's language; Anki edits them rtl
Text = Callable[["Localized | None"], str]
_CSS = """
.hint { font-size: 16px; margin-top: .6em; }
.card.nightMode, .card.night_mode { color: #ececec; background: #1e1e1e; }
.card.nightMode .translation, .card.night_mode .translation,
.card.nightMode .evidence, .card.night_mode .evidence { color: #b0b0b0; }
"""


def _side(field: str, own: str, other: str) -> str:
    translation = f"{field}Translation"
    return (
        f"<div dir={own}>{{{{{field}}}}}</div>"
        f"{{{{#{translation}}}}}<div dir={other} class=translation>{{{{{translation}}}}}</div>"
        f"{{{{/{translation}}}}}"
    )


def _extras(own: str) -> str:
    return (
        f"{{{{#Notes}}}}<div dir={own} class=explanation>{{{{Notes}}}}</div>{{{{/Notes}}}}"
        f"{{{{#Evidence}}}}<div dir={own} class=evidence>{{{{Evidence}}}}</div>{{{{/Evidence}}}}"
        f"{{{{#Source}}}}<div dir={own} class=source>{{{{Source}}}}</div>{{{{/Source}}}}"
    )


def flashcard_model(rtl: bool, translation_rtl: bool) -> dict[str, Any]:
    """The note type (genanki.Model's arguments: the exporter alone imports genanki) for a
    pack whose language and first translation read right to left or not."""
    own, other = ("rtl" if rtl else "ltr"), ("rtl" if translation_rtl else "ltr")
    hint = f"{{{{#Hint}}}}<div dir={own} class=hint>{{{{hint:Hint}}}}</div>{{{{/Hint}}}}"
    front, back = _side("Front", own, other), _side("Back", own, other)
    suffix = f" ({own}, {other})"
    return {
        "model_id": stable_id(f"kzlearn note type flashcard{suffix}"),
        "name": f"kzlearn flashcard{suffix}",
        "fields": [{"name": f, "rtl": rtl and f in _OWN_LANGUAGE} for f in FIELDS],
        "templates": [
            {
                "name": "Front → back",
                "qfmt": front + hint,
                "afmt": "{{FrontSide}}<hr id=answer>" + back + _extras(own),
            },
            {
                "name": "Back → front",
                "qfmt": "{{#Add Reverse}}" + back + "{{/Add Reverse}}",
                "afmt": "{{FrontSide}}<hr id=answer>" + front + _extras(own),
            },
        ],
        "css": CSS + _CSS,
    }


def flashcard_fields(
    item: FlashcardItem, main: Text, translation: Text, common: dict[str, str]
) -> dict[str, str]:
    """The note's fields: ``main`` and ``translation`` give a text (escaped) in the pack's
    language and in its translation; ``common`` holds Explanation, Evidence, Source, Key."""
    return {
        "Front": main(item.prompt),
        "FrontTranslation": translation(item.prompt),
        "Back": main(item.back),
        "BackTranslation": translation(item.back),
        "Hint": main(item.hint),
        "Notes": common.get("Explanation", ""),
        "Add Reverse": "y" if item.reverse else "",
        "Evidence": common.get("Evidence", ""),
        "Source": common.get("Source", ""),
        "Key": common.get("Key", ""),
    }
