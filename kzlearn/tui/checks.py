"""Select all that apply: choices ticked and unticked by key, then answered with enter."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message

from kzlearn.tui.bidi import RtlMode
from kzlearn.tui.widgets import ARABIC_LAYOUT, LETTERS, _Rows

__all__ = ["CheckList"]


class CheckList(_Rows):
    """Choices with boxes: a number or letter key (or the Arabic layout's letter on that
    key) ticks or unticks its choice, space the highlighted one; enter answers."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "done", "Answer"),
        Binding("space", "tick_highlighted", "Tick", show=False),
        *(Binding(str(n + 1), f"tick({n})", show=False) for n in range(9)),
        *(Binding(letter, f"tick({n})", show=False) for n, letter in enumerate(LETTERS)),
    ]

    class Checked(Message):
        """The student answered: the rows ticked, in row order."""

        def __init__(self, rows: list[int]) -> None:
            super().__init__()
            self.rows = rows

    def __init__(self, rows: list[str], *, mode: RtlMode, id: str | None = None) -> None:
        self.ticked: set[int] = set()
        super().__init__(rows, mode=mode, id=id)

    def label(self, index: int, row: str) -> str:
        return f"[{'x' if index in self.ticked else ' '}] {index + 1}. {row}"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # A key beyond the last choice is not ours: it reaches the screen.
        if action == "tick" and parameters and isinstance(parameters[0], int):
            return parameters[0] < len(self.rows)
        return True

    def on_key(self, event: events.Key) -> None:
        slot = ARABIC_LAYOUT.get(event.character or "")
        if slot is not None and 0 <= slot < len(self.rows):
            event.stop()
            event.prevent_default()
            self.action_tick(slot)

    def action_tick(self, index: int) -> None:
        if index < len(self.rows):
            self.ticked ^= {index}
            self.highlighted = index
            self.relabel()
            self._paint()

    def action_tick_highlighted(self) -> None:
        self.action_tick(self.highlighted)

    def action_done(self) -> None:
        self.post_message(self.Checked(sorted(self.ticked)))
