"""The quiz's header (counter and progress bar) and the marked answer after answering."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text
from textual.containers import Vertical
from textual.widget import Widget

from kzlearn.tui.bidi import RtlMode, display_lines, is_rtl
from kzlearn.tui.widgets import BidiText

if TYPE_CHECKING:  # (the marks need the graders: loaded with the first feedback)
    from kzlearn.tui.marks import Mark

__all__ = ["MarkRows", "ProgressLine", "StatusLine"]


class ProgressLine(Widget):
    """A bar as wide as the widget, filled in proportion to what is done (every width)."""

    DEFAULT_CSS = "ProgressLine { height: 1; width: 1fr; color: $accent; }"

    def __init__(self, total: int, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.total = max(total, 1)
        self.done = 0
        self.rtl = False  # fills from the right

    def update(self, done: int) -> None:
        self.done = max(0, min(done, self.total))
        self.refresh()

    def cells(self, width: int) -> str:
        """The bar at ``width`` cells."""
        filled = round(width * self.done / self.total)
        bar = "█" * filled + "░" * (width - filled)
        return bar[::-1] if self.rtl else bar

    def render(self) -> Text:
        return Text(self.cells(self.content_region.width or self.size.width))


class StatusLine(Widget):
    """One line: the longest of its variants that fits the width (shorter ones for 40
    columns), in reading order."""

    DEFAULT_CSS = "StatusLine { height: 1; width: auto; max-width: 70%; padding: 0 1 0 0; }"

    def __init__(self, *, mode: RtlMode, id: str | None = None) -> None:
        super().__init__(id=id)
        self.mode = mode
        self.variants: list[str] = [""]

    def update(self, *variants: str) -> None:
        self.variants = list(variants) or [""]
        self.refresh(layout=True)

    def get_content_width(self, container: object, viewport: object) -> int:
        return max(cell_len(v) for v in self.variants)

    def render(self) -> Text:
        width = self.content_region.width or self.size.width or 80
        fitting = [v for v in self.variants if cell_len(v) <= width] or [self.variants[-1]]
        line = display_lines(fitting[0], 10**4, self.mode)[0]
        return Text(line[:width] if cell_len(line) > width else line, no_wrap=True)


class MarkRows(Vertical):
    """The student's answer, part by part, marked ✓ ≈ ✗, with the right text by a wrong one."""

    DEFAULT_CSS = """
    MarkRows { height: auto; }
    MarkRows > .mark { padding: 0 1; }
    MarkRows > .mark.-right { color: $success; text-style: bold; }
    MarkRows > .mark.-nearly { color: $warning; }
    MarkRows > .mark.-wrong { color: $error; }
    MarkRows > .mark.-missed { color: $success; }
    """

    def __init__(
        self,
        rows: list[Mark],
        *,
        mode: RtlMode,
        right_word: str,
        numbered: bool = True,
        rtl: bool = False,
    ) -> None:
        super().__init__(id="marks")
        self.rtl = rtl  # the question's direction: a row of digits reads as its question
        self.rows = rows
        self.mode = mode
        self.right_word = right_word
        self.numbered = numbered

    def compose(self):  # type: ignore[no-untyped-def]
        for i, mark in enumerate(self.rows, start=1):
            number = f"{i}. " if self.numbered else ""
            text = f"{mark.sign} {number}{mark.text}"
            rtl = self.rtl or is_rtl(mark.text)
            arrow = "←" if rtl else "→"
            if mark.right is not None:
                text += f"  {arrow} {self.right_word}: {mark.right}"
            elif mark.state == "missed":  # a right choice left unticked
                text += f"  {arrow} {self.right_word}"
            # The row's direction is its text's, not its sign's.
            yield BidiText(text, mode=self.mode, rtl=rtl, classes=f"mark -{mark.state}")
