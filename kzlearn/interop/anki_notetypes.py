"""The kzlearn note types of an Anki export: their fields, card templates and style.

Plain strings only (no genanki): the exporter turns them into models.
"""

from __future__ import annotations

from dataclasses import dataclass

from kzlearn.interop.ids import stable_int

__all__ = ["CSS", "NOTE_TYPES", "NoteType", "front", "stable_id"]

CSS = """
.card { font-family: "Noto Naskh Arabic", "Amiri", "Scheherazade New", "Geeza Pro",
        "Segoe UI", "Arial", sans-serif; font-size: 22px; text-align: center;
        color: #1d1d1f; background: #fdfdfb; line-height: 1.6; }
.nightMode .card, .night_mode .card { color: #ececec; background: #1e1e1e; }
[dir=rtl] { text-align: right; }
.translation { font-size: 16px; color: #6b6b6b; margin-top: .4em; }
.choices { display: inline-block; text-align: start; margin: .6em auto; }
.choices li { margin: .2em 0; }
.right { font-weight: bold; color: #157347; }
.right::after { content: " ✓"; }
.explanation { font-size: 18px; margin-top: 1em; }
.evidence { font-size: 16px; color: #555; margin-top: 1em; font-style: italic; }
.source { font-size: 14px; color: #777; }
table.pairs { margin: .6em auto; border-collapse: collapse; }
table.pairs td { padding: .2em .6em; border-bottom: 1px solid #ddd; }
"""

_COMMON = ("Explanation", "Evidence", "Source", "Key")
_BACK_EXTRAS = (
    "{{#Explanation}}<div class=explanation>{{Explanation}}</div>{{/Explanation}}"
    "{{#Evidence}}<div class=evidence>{{Evidence}}</div>{{/Evidence}}"
    "{{#Source}}<div class=source>{{Source}}</div>{{/Source}}"
)


def stable_id(name: str) -> int:
    """A positive id derived from ``name``: the same name gives the same id everywhere."""
    return stable_int(name)


def front(body: str) -> str:
    return f"<div dir=auto>{body}</div>"


@dataclass(frozen=True, slots=True)
class NoteType:
    name: str
    fields: tuple[str, ...]
    templates: tuple[tuple[str, str, str], ...]  # name, front, back
    cloze: bool = False


def _shown(field: str) -> str:
    """A field, and its translation under it when there is one."""
    return "{{" + field + "}}" + _translation(f"{field}Translation")


def _translation(field: str) -> str:
    """A translation field under what it translates, when it is not empty."""
    return f"{{{{#{field}}}}}<div class=translation>{{{{{field}}}}}</div>{{{{/{field}}}}}"


def _card(name: str, front: str, answer: str) -> tuple[str, str, str]:
    """A card template: the front, then the answer and the extras under a rule."""
    return name, front, f"{front}<hr id=answer>{answer}{_BACK_EXTRAS}"


_PROMPTED = ("Prompt", "PromptTranslation")
_ANSWERED = ("Answer", "AnswerTranslation")

NOTE_TYPES: dict[str, NoteType] = {
    "typed": NoteType(
        "type the answer",
        (*_PROMPTED, *_ANSWERED, *_COMMON),
        (_card("Typed", _shown("Prompt") + "<br>{{type:Answer}}", "{{type:Answer}}"),),
    ),
    "term": NoteType(
        "term and definition",
        ("Term", "TermTranslation", "Definition", "DefinitionTranslation", *_COMMON),
        (
            _card("Term → definition", _shown("Term"), _shown("Definition")),
            _card("Definition → term", _shown("Definition"), _shown("Term")),
        ),
    ),
    "cloze": NoteType(
        "cloze",
        ("Text", "TextTranslation", *_COMMON),
        (
            (
                "Cloze",
                "{{cloze:Text}}",
                "{{cloze:Text}}" + _translation("TextTranslation") + _BACK_EXTRAS,
            ),
        ),
        cloze=True,
    ),
    "mcq": NoteType(
        "multiple choice",
        (*_PROMPTED, "Choices", "ChoicesAnswered", *_COMMON),
        (_card("Choice", _shown("Prompt") + "{{Choices}}", "{{ChoicesAnswered}}"),),
    ),
    "multi": NoteType(
        "select all that apply",
        (*_PROMPTED, "Choices", "ChoicesAnswered", *_COMMON),
        (_card("Select all", _shown("Prompt") + "{{Choices}}", "{{ChoicesAnswered}}"),),
    ),
    "true_false": NoteType(
        "true or false",
        (*_PROMPTED, *_ANSWERED, *_COMMON),
        (_card("True or false", _shown("Prompt"), _shown("Answer")),),
    ),
    "order": NoteType(
        "ordering",
        (*_PROMPTED, "Shuffled", "InOrder", *_COMMON),
        (_card("Order", _shown("Prompt") + "{{Shuffled}}", "{{InOrder}}"),),
    ),
    "match": NoteType(
        "matching",
        (*_PROMPTED, "Sides", "Pairs", *_COMMON),
        (_card("Match", _shown("Prompt") + "{{Sides}}", "{{Pairs}}"),),
    ),
}
