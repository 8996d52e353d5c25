"""Set up a quiz: item types, how many questions, the language."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, RadioButton, RadioSet, SelectionList

from kzlearn.models import Pack
from kzlearn.quiz.session import ITEM_TYPES, QuizOptions
from kzlearn.tui.bidi import is_rtl
from kzlearn.tui.i18n import TYPE_NAMES
from kzlearn.tui.screens.base import LANGUAGE_BINDING, KeysFooter, KzScreen
from kzlearn.tui.widgets import BidiText

__all__ = ["TYPE_NAMES", "SetupScreen"]

LANGUAGE_NAMES = {"ar": "العربية", "en": "English", "fr": "Français"}
COUNTS = ("5", "10", "20", "all")


class SetupScreen(KzScreen):
    """Item types, how many questions, and the language."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s,س,ctrl+s", "start", "Start", priority=True),
        Binding("escape", "app.pop_screen", "Back"),
        *LANGUAGE_BINDING,
        Binding("q,ض", "app.request_quit", "Quit"),
    ]

    def __init__(self, packs: list[Pack], options: QuizOptions) -> None:
        super().__init__()
        self.packs = packs
        self.types: set[str] = set(options.types)
        self.count = str(options.count or 10)

    def packs_shown(self) -> list[Pack]:
        return self.packs

    def on_mount(self) -> None:
        self.query_one("#start", Button).focus()

    def compose(self) -> ComposeResult:
        rtl = self.kz.rtl == "app" and is_rtl(self.t("Question types"))
        self.set_class(rtl, "-rtl")  # headings at the right, the first column at the right
        with VerticalScroll(id="body"):
            yield BidiText(self.t("Question types"), mode=self.kz.rtl, classes="heading")
            yield SelectionList[str](
                *((self.kz.show(self.t(TYPE_NAMES[t])), t, t in self.types) for t in ITEM_TYPES),
                id="types",
            )
            columns = [self._counts(), self._languages()]
            with Horizontal(id="choices-row"):
                for column in reversed(columns) if rtl else columns:
                    yield from column
            with Horizontal(id="buttons"):
                yield Button(self.kz.show(self.t("Start (s)")), id="start", variant="primary")
        yield KeysFooter()

    def _counts(self) -> ComposeResult:
        with Vertical(classes="column"):
            yield BidiText(self.t("How many"), mode=self.kz.rtl, classes="heading")
            with RadioSet(id="count"):
                for count in COUNTS:
                    label = self.t("all") if count == "all" else count
                    yield RadioButton(self.kz.show(label), value=count == self.count)

    def _languages(self) -> ComposeResult:
        with Vertical(classes="column"):
            yield BidiText(self.t("Language"), mode=self.kz.rtl, classes="heading")
            with RadioSet(id="lang"):
                for lang in self.languages():
                    # A label is display only: it may hold reordered text.
                    name = LANGUAGE_NAMES.get(lang, lang)
                    yield RadioButton(self.kz.show(name), value=self.kz.lang == lang)

    async def relabel(self) -> None:
        self.types = set(self.query_one("#types", SelectionList).selected)
        index = self.query_one("#count", RadioSet).pressed_index
        self.count = COUNTS[index] if index >= 0 else self.count
        await self.recompose()
        self.query_one("#start", Button).focus()

    @on(Button.Pressed, "#start")
    def action_start(self) -> None:
        types = tuple(
            t for t in ITEM_TYPES if t in self.query_one("#types", SelectionList).selected
        )
        if not types:
            self.notify(self.t("Choose at least one question type."), severity="warning")
            return
        index = self.query_one("#count", RadioSet).pressed_index
        count = COUNTS[index] if index >= 0 else "10"
        lang_index = self.query_one("#lang", RadioSet).pressed_index
        langs = self.languages()
        lang = langs[lang_index] if 0 <= lang_index < len(langs) else self.kz.lang
        options = QuizOptions(
            types=types,
            count=None if count == "all" else int(count),
            seed=self.kz.options.seed,
            lang=lang,
        )
        self.kz.start_quiz(self.packs, options)
