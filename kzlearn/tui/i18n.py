"""The interface's words, from message catalogs in the display language.

Catalogs are gettext .po files in ``kzlearn/tui/locale`` (``ar.po``, ``en.po``, ``fr.po``).
They ship as .po and are read here by a tiny reader into a :class:`gettext.NullTranslations`:
hatchling has no step to compile .mo files at build time, and committed .mo files would be
a second copy to keep in step. Adding a language is adding a .po file (a translation, no
code). Message ids are the English texts; placeholders are ``str.format`` fields.

No textual here: the command line reads :data:`LANGS` to check ``--lang``.
"""

from __future__ import annotations

import functools
import gettext
import re
from pathlib import Path

__all__ = [
    "LANGS",
    "TYPE_NAMES",
    "Translations",
    "catalog",
    "nothing_due",
    "read_po",
    "reason_text",
    "tr",
]

LOCALE = Path(__file__).with_name("locale")
LANGS: tuple[str, ...] = tuple(sorted(p.stem for p in LOCALE.glob("*.po")))
FALLBACK = "en"

# Each item type's name, as the interface says it (a message id).
TYPE_NAMES = {
    "mcq": "Multiple choice",
    "true_false": "True or false",
    "short": "Typed answer",
    "cloze": "Fill in the blanks",
    "order": "Put in order",
    "match": "Match pairs",
    "multi": "Select all that apply",
    "flashcard": "Flashcard",
}


def read_po(text: str) -> dict[str, str]:
    """msgid -> msgstr of a .po file (no plurals or contexts: this interface has none).

    Raises:
        ValueError: a line that is neither a comment, a keyword nor a quoted string.
    """
    entries: dict[str, str] = {}
    field: str | None = None
    parts: dict[str, list[str]] = {}

    def flush() -> None:
        if "msgid" in parts and "msgstr" in parts:
            msgid = "".join(parts["msgid"])
            if msgid:  # the empty id is the header
                entries[msgid] = "".join(parts["msgstr"])
        parts.clear()

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        keyword = re.match(r"(msgid|msgstr)\s+(\".*\")$", line)
        if keyword:
            field = keyword.group(1)
            if field == "msgid":
                flush()
            parts[field] = [_unquote(keyword.group(2), number)]
        elif line.startswith('"') and field is not None:
            parts[field].append(_unquote(line, number))
        else:
            raise ValueError(f"line {number}: not a .po line: {line[:40]}")
    flush()
    return entries


_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}
_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')


def _unquote(quoted: str, number: int) -> str:
    # The C escapes gettext writes; literal_eval would do, at ten times the start-up cost.
    whole = _QUOTED.fullmatch(quoted)
    if whole is None:
        raise ValueError(f"line {number}: a badly quoted string")
    try:
        return re.sub(r"\\(.)", lambda m: _ESCAPES[m.group(1)], whole.group(1))
    except KeyError as error:
        raise ValueError(f"line {number}: unknown escape \\{error.args[0]}") from None


class Translations(gettext.NullTranslations):
    """gettext's interface over a catalog read from a .po file."""

    def __init__(
        self, messages: dict[str, str], fallback: gettext.NullTranslations | None
    ) -> None:
        super().__init__()
        self.messages = messages
        self.fallback = fallback

    def gettext(self, message: str) -> str:
        text = self.messages.get(message)
        if text:
            return text
        return self.fallback.gettext(message) if self.fallback else message


@functools.cache
def catalog(lang: str) -> Translations:
    """The catalog of ``lang``; English fills what it lacks (none, when tests pass)."""
    fallback = None if lang == FALLBACK else catalog(FALLBACK)
    path = LOCALE / f"{lang}.po"
    messages = read_po(path.read_text(encoding="utf-8")) if path.is_file() else {}
    return Translations(messages, fallback)


def tr(lang: str, message: str, **fields: object) -> str:
    """``message`` in ``lang``, its ``{fields}`` filled."""
    text = catalog(lang).gettext(message)
    return text.format(**fields) if fields else text


def nothing_due(lang: str) -> str:
    """What ``kzlearn review`` says, in ``lang``, when no card is due."""
    return tr(lang, "Nothing is due now. `kzlearn stats` shows what comes next.")


_COUNTED = re.compile(r"^(\d+) of (\d+) (in place|pairs|blanks|right choices)$")


def reason_text(reason: str, lang: str) -> str:
    """A grader's reason (kzlearn.questions.grading speaks English) in ``lang``.

    A reason may join several with ", " and may count ("2 of 3 in place").
    """
    out: list[str] = []
    for part in reason.split(", "):
        counted = _COUNTED.match(part)
        if counted:
            right, total, what = counted.groups()
            out.append(tr(lang, "{right} of {total} " + what, right=right, total=total))
        else:
            out.append(tr(lang, part))
    return tr(lang, ", ").join(out)
