"""What every screen of the app shares: the app as a :class:`Host`, and its words."""

from __future__ import annotations

import dataclasses
from typing import ClassVar, cast

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer

from kzlearn.models import Pack
from kzlearn.tui.host import Host

__all__ = ["FOOTER_SPARES", "LANGUAGE_BINDING", "NARROW_COLUMNS", "KeysFooter", "KzScreen"]

# On every screen: the language switch and the keys (an Input takes l and ? first).
# Letter keys also answer to what an Arabic (101) layout types on them (l: م, q: ض, ...).
LANGUAGE_BINDING: list[BindingType] = [
    Binding("f2,l,م", "toggle_language", "Language"),
    Binding("question_mark,f1", "help", "Keys"),
]


# Below this width the footer is compact (one space less a key). Whatever the width, the
# keys it has no room for are left out (they still work, and the help lists them): these
# groups first, then the screen's own keys from the last; "? Keys" always stays. Those left
# out that fit again once others are out come back, the most needed first.
NARROW_COLUMNS = 60
FOOTER_SPARES: tuple[tuple[str, ...], ...] = (
    ("toggle_language",),
    ("app.request_quit",),
    ("move(-1)", "move(1)"),
)


class KeysFooter(Footer):
    """The footer, composed again only when the keys it shows change: Textual's footer
    recomposes on every change of the screen's bindings, and a quiz's start makes three
    (the screen shown, its first focus, and the refresh after that focus)."""

    _pending = False  # a recompose is on its way and has not read the keys yet
    _shown: tuple[object, ...] | None = None  # the keys it was composed with

    def bindings_changed(self, screen: Screen[object]) -> None:
        if self._pending:
            return  # the recompose on its way reads the keys as they are then
        if self._bindings_ready and self._shown == _shown_keys(screen):
            return
        super().bindings_changed(screen)
        # (as Textual's footer decides whether to recompose)
        self._pending = screen.app.app_focus and self.is_attached and screen is self.screen

    def compose(self) -> ComposeResult:
        self._pending = False
        if self._bindings_ready:
            self._shown = _shown_keys(self.screen)
        yield from super().compose()


def _shown_keys(screen: Screen[object]) -> tuple[object, ...]:
    return tuple(
        (key, binding.action, binding.description, binding.show, enabled, tooltip)
        for key, (_, binding, enabled, tooltip) in screen.active_bindings.items()
    )


class KzScreen(Screen[None]):
    """A screen of this app."""

    BINDINGS: ClassVar[list[BindingType]] = LANGUAGE_BINDING
    _fitted_width: int | None = None  # the width the footer's keys were last chosen for

    def __init__(self) -> None:
        super().__init__()
        self._labels: dict[tuple[str, str], str] = {}  # (language, key's words) -> shown

    @property
    def kz(self) -> Host:
        """The app, as a host."""
        return cast(Host, self.app)

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        # The footer reads the bindings' descriptions: give them in the display language
        # (each translated and shaped once: the footer reads them several times a question).
        out: dict[str, ActiveBinding] = {}
        for key, active in super().active_bindings.items():
            binding = active.binding
            if binding.description:
                label = (self.kz.lang, binding.description)
                if label not in self._labels:
                    self._labels[label] = self.kz.show(self.t(binding.description))
                binding = dataclasses.replace(binding, description=self._labels[label])
            out[key] = active._replace(binding=binding)
        return self._fit_footer(out)

    def _fit_footer(self, bindings: dict[str, ActiveBinding]) -> dict[str, ActiveBinding]:
        """``bindings`` with those the footer has no room for hidden (they still work)."""
        shown: dict[str, int] = {}  # the footer shows the first binding of each action
        for active in bindings.values():
            binding = active.binding
            if binding.show and binding.action not in shown:
                display = self.app.get_key_display(binding)
                shown[binding.action] = cell_len(display) + cell_len(binding.description)
        width = self._fitted_width = self.app.size.width
        per_key = 2 if width < NARROW_COLUMNS else 3  # padding (compact: a margin instead)
        spares = [group for group in FOOTER_SPARES if set(group) & set(shown)]
        spared = {action for group in spares for action in group}
        spares += [(a,) for a in reversed(shown) if a not in spared and a != "help"]

        def needed(hidden: set[str]) -> int:
            return sum(n + per_key for a, n in shown.items() if a not in hidden)

        hidden: set[str] = set()
        left_out: list[tuple[str, ...]] = []
        for group in spares:
            if needed(hidden) <= width:
                break
            hidden.update(group)
            left_out.append(group)
        for group in reversed(left_out):
            if needed(hidden - set(group)) <= width:
                hidden -= set(group)
        return {
            key: active._replace(binding=dataclasses.replace(active.binding, show=False))
            if active.binding.action in hidden
            else active
            for key, active in bindings.items()
        }

    def on_resize(self) -> None:
        self._fit_footer_style()
        # The footer chooses its keys again for a new width (not before its first choice).
        if self._fitted_width not in (None, self.app.size.width):
            self.refresh_bindings()

    def on_screen_resume(self) -> None:
        # Shown, or shown again (the terminal may have been resized under a dialog).
        self._fit_footer_style()

    def _fit_footer_style(self) -> None:
        for footer in self.query(Footer):
            footer.compact = self.app.size.width < NARROW_COLUMNS

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
        self._fit_footer_style()  # the footer is a new one: compact again on a narrow screen
        self.refresh_bindings()  # and it waits for its keys

    def action_help(self) -> None:
        from kzlearn.tui.screens.dialogs import HelpScreen

        self.app.push_screen(HelpScreen())
