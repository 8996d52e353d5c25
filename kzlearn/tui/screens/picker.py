"""Choose a deck, or all of them."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll

from kzlearn.tui.screens.base import LANGUAGE_BINDING, KeysFooter, KzScreen
from kzlearn.tui.widgets import BidiText, ChoiceList

__all__ = ["DeckList", "PickerScreen"]


class DeckList(ChoiceList):
    """The decks: enter chooses one (the footer says so, not "Answer")."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "choose", "Choose")]


class PickerScreen(KzScreen):
    """The decks: each with its title in the display language and both counts."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *LANGUAGE_BINDING,
        Binding("q,ض", "app.request_quit", "Quit"),
    ]

    def compose(self) -> ComposeResult:
        lang = self.kz.lang
        rows = [self.t("All decks")] + [
            self.t(
                "{title} — {facts} facts, {items} questions",
                title=p.text(p.title, lang),
                facts=len(p.facts),
                items=len(self.kz.items_of(p)),
            )
            for p in self.kz.packs
        ]
        with VerticalScroll(id="body"):
            yield BidiText(self.t("kzlearn — choose a deck"), mode=self.kz.rtl, id="title")
            yield DeckList(rows, mode=self.kz.rtl, id="packs")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one(ChoiceList).focus()

    async def relabel(self) -> None:
        highlighted = self.query_one(ChoiceList).highlighted
        await self.recompose()
        choices = self.query_one(ChoiceList)
        choices.highlighted = highlighted
        choices.focus()

    @on(ChoiceList.Chosen)
    def chosen(self, event: ChoiceList.Chosen) -> None:
        from kzlearn.tui.screens.setup import SetupScreen

        packs = self.kz.packs if event.index == 0 else [self.kz.packs[event.index - 1]]
        self.app.push_screen(SetupScreen(packs, self.kz.options))
