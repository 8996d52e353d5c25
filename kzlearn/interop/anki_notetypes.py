"""The kzlearn note types of an Anki export: their fields, card templates and style.

Plain strings only (no genanki): the exporter turns them into models. Each note type comes
in two variants, by the direction of the pack's language; their ids and fields never change,
so a new export updates the notes and note types already in a collection. Every element
says its direction: the pack's language fields ``dir=rtl`` (or ``ltr``), the translation
fields ``ltr`` (a right-to-left translation carries its own ``dir`` in the field).
"""

from __future__ import annotations

from dataclasses import dataclass

from kzlearn.interop.anki_style import CSS, SCRIPT
from kzlearn.interop.ids import stable_int

__all__ = ["CSS", "NOTE_TYPES", "TRANSLATIONS", "NoteType", "stable_id", "templates"]


def stable_id(name: str) -> int:
    """A positive id derived from ``name``: the same name gives the same id everywhere."""
    return stable_int(name)


@dataclass(frozen=True, slots=True)
class NoteType:
    name: str
    fields: tuple[str, ...]
    templates: tuple[tuple[str, str, str], ...]  # name, front, back; "@M": the main direction
    cloze: bool = False


_MAIN = "@M"


def _main(field: str, cls: str) -> str:
    return f"<div class={cls} dir={_MAIN}>{{{{{field}}}}}</div>"


def _translation(field: str) -> str:
    """A translation field under what it translates, when it is not empty."""
    return f"{{{{#{field}}}}}<div class=translation dir=ltr>{{{{{field}}}}}</div>{{{{/{field}}}}}"


def _shown(field: str, cls: str) -> str:
    """A field, and its translation under it when there is one."""
    return _main(field, cls) + _translation(f"{field}Translation")


_EXTRAS = (
    f"{{{{#Explanation}}}}<div class=explanation dir={_MAIN}>{{{{Explanation}}}}</div>"
    "{{/Explanation}}"
    f"{{{{#Evidence}}}}<div class=evidence dir={_MAIN}>{{{{Evidence}}}}</div>{{{{/Evidence}}}}"
    f"{{{{#Source}}}}<div class=source dir={_MAIN}>{{{{Source}}}}</div>{{{{/Source}}}}"
)
_RULE = "<hr id=answer>"


def _card(name: str, front: str, answer: str) -> tuple[str, str, str]:
    """A card template: the front, then the answer and the extras under a rule."""
    return name, front, f"{front}{_RULE}{answer}{_EXTRAS}"


def _picker(field: str, *, back: bool) -> str:
    """Clickable options (the script's box): ``field``'s lettered choices."""
    flag = " data-back" if back else ""
    return f'<div class=kz-pick data-k="{{{{Key}}}}"{flag} dir={_MAIN}>{{{{{field}}}}}</div>'


def _true_false(*, back: bool) -> str:
    """The statement with its cue, its translation and the place of the two buttons."""
    flag = " data-back" if back else ""
    return (
        f'<div class=kz-pick data-k="{{{{Key}}}}"{flag}>'
        + _shown("Prompt", "prompt")
        + f"<div class=tf dir={_MAIN}></div></div>"
    )


_COMMON = ("Explanation", "Evidence", "Source", "Key")
_PROMPTED = ("Prompt", "PromptTranslation")
_ANSWERED = ("Answer", "AnswerTranslation")
_PROMPT = _shown("Prompt", "prompt")
# One comparison on the back (Anki replaces every {{type:}}); "@TYPE" becomes "type:nc:" for
# right-to-left languages, where the comparison ignores diacritics.
_TYPED = f"<div class=typed dir={_MAIN}>{{{{@TYPEAnswer}}}}</div>"

NOTE_TYPES: dict[str, NoteType] = {
    "typed": NoteType(
        "type the answer",
        (*_PROMPTED, *_ANSWERED, *_COMMON),
        (
            (
                "Typed",
                _PROMPT + _TYPED,
                _PROMPT + _RULE + _TYPED + _translation("AnswerTranslation") + _EXTRAS,
            ),
        ),
    ),
    "term": NoteType(
        "term and definition",
        ("Term", "TermTranslation", "Definition", "DefinitionTranslation", *_COMMON),
        (
            _card("Term → definition", _shown("Term", "term"), _shown("Definition", "definition")),
            _card("Definition → term", _shown("Definition", "definition"), _shown("Term", "term")),
        ),
    ),
    "cloze": NoteType(
        "cloze",
        ("Text", "TextTranslation", *_COMMON),
        (
            (
                "Cloze",
                f"<div class=passage dir={_MAIN}>{{{{cloze:Text}}}}</div>",
                f"<div class=passage dir={_MAIN}>{{{{cloze:Text}}}}</div>"
                + _translation("TextTranslation")
                + _EXTRAS,
            ),
        ),
        cloze=True,
    ),
    "mcq": NoteType(
        "multiple choice",
        (*_PROMPTED, "Choices", "ChoicesAnswered", *_COMMON),
        (
            (
                "Choice",
                _PROMPT + _picker("Choices", back=False) + SCRIPT,
                _PROMPT + _RULE + _picker("ChoicesAnswered", back=True) + SCRIPT + _EXTRAS,
            ),
        ),
    ),
    "multi": NoteType(
        "select all that apply",
        (*_PROMPTED, "Choices", "ChoicesAnswered", *_COMMON),
        # Several picks: lettered and static (the script takes one pick).
        (
            _card(
                "Select all",
                _PROMPT + _main("Choices", "options"),
                _main("ChoicesAnswered", "options"),
            ),
        ),
    ),
    "true_false": NoteType(
        "true or false",
        (*_PROMPTED, *_ANSWERED, *_COMMON),
        (
            (
                "True or false",
                _true_false(back=False) + SCRIPT,
                _true_false(back=True)
                + _RULE
                + f"<div class=kz-answer dir={_MAIN}>{{{{Answer}}}}</div>"
                + _translation("AnswerTranslation")
                + SCRIPT
                + _EXTRAS,
            ),
        ),
    ),
    "order": NoteType(
        "ordering",
        (*_PROMPTED, "Shuffled", "InOrder", *_COMMON),
        (_card("Order", _PROMPT + _main("Shuffled", "entries"), _main("InOrder", "entries")),),
    ),
    "match": NoteType(
        "matching",
        (*_PROMPTED, "Sides", "Pairs", *_COMMON),
        (_card("Match", _PROMPT + _main("Sides", "sides"), _main("Pairs", "pairs")),),
    ),
}

TRANSLATIONS = frozenset(f for t in NOTE_TYPES.values() for f in t.fields if "Translation" in f)
"""The fields that hold a translation: left to right unless their content says otherwise."""


def templates(note_type: NoteType, rtl: bool) -> list[tuple[str, str, str]]:
    """``note_type``'s card templates for a language written right to left or not."""
    direction = "rtl" if rtl else "ltr"
    typed = "type:nc:" if rtl else "type:"

    def fill(template: str) -> str:
        return template.replace(_MAIN, direction).replace("@TYPE", typed)

    return [(name, fill(front), fill(back)) for name, front, back in note_type.templates]
