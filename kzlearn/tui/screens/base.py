"""What every screen of the app shares: the app as a :class:`Host`, and its words."""

from __future__ import annotations

import dataclasses
from typing import ClassVar, cast

from textual.binding import ActiveBinding, Binding, BindingType
from textual.screen import Screen

from kzlearn.models import Pack
from kzlearn.tui.host import Host

__all__ = ["LANGUAGE_BINDING", "KzScreen"]

# On every screen: the language switch and the keys (an Input takes l and ? first).
# Letter keys also answer to what an Arabic (101) layout types on them (l: م, q: ض, ...).
LANGUAGE_BINDING: list[BindingType] = [
    Binding("f2,l,م", "toggle_language", "Language"),
    Binding("question_mark,f1", "help", "Keys"),
]


class KzScreen(Screen[None]):
    """A screen of this app."""

    BINDINGS: ClassVar[list[BindingType]] = LANGUAGE_BINDING

    @property
    def kz(self) -> Host:
        """The app, as a host."""
        return cast(Host, self.app)

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        # The footer reads the bindings' descriptions: give them in the display language.
        out: dict[str, ActiveBinding] = {}
        for key, active in super().active_bindings.items():
            binding = active.binding
            if binding.description:
                text = self.kz.show(self.t(binding.description))
                binding = dataclasses.replace(binding, description=text)
            out[key] = active._replace(binding=binding)
        return out

    def t(self, message: str, **fields: object) -> str:
        """``message`` in the display language."""
        return self.kz.t(message, **fields)

    def languages(self) -> list[str]:
        """The languages the switch goes through on this screen."""
        from kzlearn.tui.i18n import LANGS

        langs: list[str] = []
        for pack in self.packs_shown():
            langs += [pack.language, *pack.translations]
        return [lang for lang in dict.fromkeys(langs) if lang in LANGS] or list(LANGS)

    def packs_shown(self) -> list[Pack]:
        """The packs this screen is about."""
        return self.kz.packs

    async def action_toggle_language(self) -> None:
        self.kz.switch_language(self.languages())
        await self.relabel()

    async def relabel(self) -> None:
        """Show this screen again in the new display language."""
        await self.recompose()

    def action_help(self) -> None:
        from kzlearn.tui.screens.dialogs import HelpScreen

        self.app.push_screen(HelpScreen())
