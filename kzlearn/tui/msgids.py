"""Every message id the interface asks its catalogs for, found in its code: the calls
``t("...")`` and ``tr(lang, "...")``, the words kept in tables, the keys' descriptions and
the grader's reasons. The catalog test checks each has a text in every language."""

from __future__ import annotations

import ast
from pathlib import Path

__all__ = ["message_ids"]

HERE = Path(__file__).parent


def _calls(tree: ast.AST) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
        args = node.args[1:] if name == "tr" else node.args if name == "t" else []
        if args and isinstance(args[0], ast.Constant) and isinstance(args[0].value, str):
            found.add(args[0].value)
    return found


def message_ids() -> set[str]:
    """The ids: literals in calls, the tables' words, descriptions, reasons."""
    from textual.binding import Binding

    from kzlearn.language.dates import ARABIC_MONTHS
    from kzlearn.language.text import STEPS
    from kzlearn.tui import screens
    from kzlearn.tui.checks import CheckList
    from kzlearn.tui.i18n import TYPE_NAMES
    from kzlearn.tui.screens.dialogs import HELP_ROWS
    from kzlearn.tui.screens.feedback import VERDICTS
    from kzlearn.tui.screens.picker import DeckList
    from kzlearn.tui.widgets import ChoiceList, MatchBoard, OrderList

    ids: set[str] = set()
    for path in HERE.rglob("*.py"):
        ids |= _calls(ast.parse(path.read_text(encoding="utf-8")))
    ids |= set(TYPE_NAMES.values()) | set(VERDICTS.values())
    ids |= {text for row in HELP_ROWS for text in row}
    for owner in [
        *(getattr(screens, n) for n in screens.__all__),
        ChoiceList,
        CheckList,
        DeckList,
        OrderList,
        MatchBoard,
    ]:
        for binding in owner.BINDINGS:
            if isinstance(binding, Binding) and binding.description:
                ids.add(binding.description)
    ids |= {step.name for step in STEPS}
    ids |= {f"{style} month name" for style in ARABIC_MONTHS if style != "standard"}
    ids |= GRADER_REASONS
    return ids


# The reasons kzlearn.questions.grading gives besides the normalisation steps and month
# names; counted ones ("2 of 3 in place") are matched as "{right} of {total} in place".
GRADER_REASONS = {
    "ignored spaces",
    "one letter off",
    "accents",
    "read as a number",
    "only the year",
    "the day is missing",
    "the source gives only the month",
    "the source gives only the year",
    "no answer",
    "answer true or false",
    "put every entry in order once",
    "two neighbours swapped",
    "match every entry",
    "{right} of {total} in place",
    "{right} of {total} pairs",
    "{right} of {total} blanks",
    "ignored the title",
    "ignored a generic word",
    "ignored the preposition",
    "ignored the article",
    "family name only",
    "without the middle name",
    "only the given name",
    "in another order",
    "listed another way",
    "one part is missing",
    "ordinal read as a number",
    "ignored the unit",
    "a season of that year",
    "the season, not the month",
    "the year is missing",
    "two-digit year",
    "read month first",
    "long vowel spelling",
    "final hamza left out",
    "ignored the description",
    "part of the answer",
    "blanks swapped",
    "partly right",
    "within the tolerance",
    "{right} of {total} right choices",
    "a wrong choice too",
}
