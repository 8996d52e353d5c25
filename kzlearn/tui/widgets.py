"""Widgets of the quiz: right-to-left aware text, and one answer widget per item type.

Widgets only show and collect: they post a message with the student's response, and the
screen hands it to the QuizSession.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input

from kzlearn.safetext import safe
from kzlearn.tui.bidi import RtlMode, direction_rtl, display_lines, is_rtl

__all__ = ["AnswerInputs", "BidiText", "ChoiceList", "MatchBoard", "OrderList"]

LETTERS = "abcdefghij"
# What the a-j keys type with the Arabic (101) keyboard layout. b types "لا" (two key
# events, ل then ا) and g types ل, h ا: ل is taken as b and ا is ignored, so g and h need
# their digits (7, 8) there; matching seldom has more than six pairs.
ARABIC_LAYOUT = {"ش": 0, "ل": 1, "ؤ": 2, "ي": 3, "ث": 4, "ب": 5, "ه": 8, "ت": 9, "ا": -1}


class BidiText(Widget):
    """Text wrapped to the widget's width, each line in reading order for this terminal."""

    DEFAULT_CSS = """
    BidiText { height: auto; width: 1fr; }
    BidiText.-rtl { text-align: right; }
    """

    def __init__(
        self,
        text: str = "",
        *,
        mode: RtlMode = "app",
        markup_style: str = "",
        rtl: bool | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._text = text
        self.mode = mode
        self.rtl = rtl  # the paragraph's direction; None: from its first strong letter
        self.markup_style = markup_style
        self._cache: tuple[str, int, list[str]] | None = None
        self._align()  # before mounting: styled once, not again on mount

    @property
    def text(self) -> str:
        """The logical text shown."""
        return self._text

    def update(self, text: str) -> None:
        """Show ``text`` instead."""
        self._text = text
        self._align()
        self.refresh(layout=True)

    def _align(self) -> None:
        # Right-to-left paragraphs start at the right edge once the app has reordered them.
        self.set_class(self.mode == "app" and self.direction_rtl, "-rtl")

    @property
    def direction_rtl(self) -> bool:
        """Whether the text is a right-to-left paragraph."""
        return is_rtl(self._text) if self.rtl is None else self.rtl

    def lines(self, width: int) -> list[str]:
        """The display lines at ``width`` cells."""
        if self._cache is None or self._cache[:2] != (self._text, width):
            # Every text of a pack reaches the terminal here: its controls are shown, not obeyed.
            shown = display_lines(safe(self._text), width, self.mode, rtl=self.rtl)
            self._cache = (self._text, width, shown)
        return self._cache[2]

    def render(self) -> Text:
        width = self.content_region.width or self.size.width or 80
        return Text("\n".join(self.lines(width)), style=self.markup_style, no_wrap=True)

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return len(self.lines(width))


class _Rows(Widget, can_focus=True):
    """A focusable list of text rows with a highlighted one (arrows move it)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor_up", "Up", show=False),
        Binding("down", "cursor_down", "Down", show=False),
    ]

    DEFAULT_CSS = """
    _Rows { height: auto; }
    _Rows > .row { padding: 0 1; }
    _Rows > .row.-highlight { background: $accent 40%; }
    _Rows:focus > .row.-highlight { background: $accent; color: $text; }
    """

    def __init__(self, rows: list[str], *, mode: RtlMode, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows = list(rows)
        self.mode = mode
        self.highlighted = 0
        # The question's direction, for rows with no letter (a year among Arabic choices).
        self.base_rtl: bool | None = None

    def compose(self):  # type: ignore[no-untyped-def]
        for i, row in enumerate(self.rows):
            rtl = None if self.base_rtl is None else direction_rtl(row, self.base_rtl)
            # The highlight is given here, not once mounted: each row is styled once.
            classes = "row -highlight" if i == self.highlighted else "row"
            yield BidiText(self.label(i, row), mode=self.mode, rtl=rtl, classes=classes)

    def label(self, index: int, row: str) -> str:
        return row

    def on_mount(self) -> None:
        if self.highlighted:  # highlighted before mounting (a flashcard's "I knew it")
            self._paint()

    def _paint(self) -> None:
        for i, row in enumerate(self.query(".row").results(BidiText)):
            row.set_class(i == self.highlighted, "-highlight")
            if i == self.highlighted:
                row.scroll_visible()

    def relabel(self) -> None:
        for i, row in enumerate(self.query(".row").results(BidiText)):
            row.update(self.label(i, self.rows[i]))

    def action_cursor_up(self) -> None:
        self.highlighted = (self.highlighted - 1) % len(self.rows)
        self._paint()

    def action_cursor_down(self) -> None:
        self.highlighted = (self.highlighted + 1) % len(self.rows)
        self._paint()


class ChoiceList(_Rows):
    """Choices: arrows and enter, or a number or letter key chooses at once."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "choose", "Answer"),
        *(Binding(str(n + 1), f"pick({n})", show=False) for n in range(9)),
        *(Binding(letter, f"pick({n})", show=False) for n, letter in enumerate(LETTERS)),
    ]

    class Chosen(Message):
        """The student chose a row."""

        def __init__(self, sender: ChoiceList, index: int) -> None:
            super().__init__()
            self.sender = sender
            self.index = index

        @property
        def control(self) -> ChoiceList:
            """The list that was chosen from."""
            return self.sender

    def label(self, index: int, row: str) -> str:
        return f"{index + 1}. {row}"

    def action_choose(self) -> None:
        self.post_message(self.Chosen(self, self.highlighted))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # A number or letter beyond the last choice is not ours: let it reach the screen
        # (f is "false" on a true/false question, not a sixth choice).
        if action == "pick" and parameters and isinstance(parameters[0], int):
            return parameters[0] < len(self.rows)
        return True

    def action_pick(self, index: int) -> None:
        if index < len(self.rows):
            self.highlighted = index
            self._paint()
            self.post_message(self.Chosen(self, index))


class OrderList(_Rows):
    """Entries to order: arrows pick one, shift+arrows (or u and d) move it, enter answers."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("shift+up,u", "move(-1)", "Move up"),
        Binding("shift+down,d", "move(1)", "Move down"),
        Binding("enter", "done", "Answer"),
    ]

    class Ordered(Message):
        """The student's order: the original indexes, top to bottom."""

        def __init__(self, order: list[int]) -> None:
            super().__init__()
            self.order = order

    def __init__(
        self, entries: list[tuple[int, str]], *, mode: RtlMode, id: str | None = None
    ) -> None:
        super().__init__([text for _, text in entries], mode=mode, id=id)
        self.keys = [index for index, _ in entries]

    def label(self, index: int, row: str) -> str:
        return f"{index + 1}. {row}"

    def action_move(self, step: int) -> None:
        i, j = self.highlighted, self.highlighted + step
        if not 0 <= j < len(self.rows):
            return
        self.rows[i], self.rows[j] = self.rows[j], self.rows[i]
        self.keys[i], self.keys[j] = self.keys[j], self.keys[i]
        self.highlighted = j
        self.relabel()
        self._paint()

    def action_done(self) -> None:
        self.post_message(self.Ordered(list(self.keys)))


class MatchBoard(_Rows):
    """Left entries; pick one with the arrows and press the letter of its right entry."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(letter, f"assign({n})", show=False) for n, letter in enumerate(LETTERS)),
        Binding("backspace", "clear", "Clear", show=False),
        Binding("enter", "done", "Answer"),
    ]

    class Matched(Message):
        """The student's pairs: for each left entry, the pair index of the right chosen."""

        def __init__(self, chosen: list[int]) -> None:
            super().__init__()
            self.chosen = chosen

    class Incomplete(Message):
        """Enter was pressed before every left entry had a right one."""

    def __init__(
        self,
        lefts: list[str],
        rights: list[tuple[int, str]],
        *,
        mode: RtlMode,
        id: str | None = None,
    ) -> None:
        self.rights = rights
        self.assigned: list[int | None] = [None] * len(lefts)
        super().__init__(lefts, mode=mode, id=id)

    def label(self, index: int, row: str) -> str:
        slot = self.assigned[index]
        mark = "?" if slot is None else LETTERS[slot]
        return f"{index + 1}. {row}  {'←' if is_rtl(row) else '→'} {mark}"

    def on_key(self, event: events.Key) -> None:
        # A digit, or the letter an Arabic keyboard layout types on the a-j keys, names a
        # right entry as its Latin letter does.
        char = event.character or ""
        if char in ARABIC_LAYOUT:
            slot = ARABIC_LAYOUT[char]
        elif char.isdigit() and char.isascii() and char != "0":
            slot = int(char) - 1
        else:
            return
        event.stop()
        event.prevent_default()
        if slot >= 0:
            self.action_assign(slot)

    def action_assign(self, slot: int) -> None:
        if slot >= len(self.rights):
            return
        self.assigned = [None if a == slot else a for a in self.assigned]
        self.assigned[self.highlighted] = slot
        self.relabel()
        if self.highlighted < len(self.rows) - 1:
            self.action_cursor_down()

    def action_clear(self) -> None:
        self.assigned[self.highlighted] = None
        self.relabel()

    def action_done(self) -> None:
        if any(a is None for a in self.assigned):
            self.post_message(self.Incomplete())
            return
        self.post_message(
            self.Matched([self.rights[a][0] for a in self.assigned if a is not None])
        )


class AnswerInputs(Vertical):
    """One or more typed answers; each shows a preview of the text as it reads."""

    DEFAULT_CSS = """
    AnswerInputs { height: auto; }
    AnswerInputs > .preview { color: $text-muted; padding: 0 1; }
    """

    class Submitted(Message):
        """The student's answers, in logical order, one per input."""

        def __init__(self, answers: list[str]) -> None:
            super().__init__()
            self.answers = answers

    def __init__(self, labels: list[str], *, mode: RtlMode) -> None:
        super().__init__()
        self.labels = labels
        self.mode = mode

    def compose(self):  # type: ignore[no-untyped-def]
        for i, label in enumerate(self.labels):
            # The label goes through BidiText; an Input holds only what the student types.
            yield BidiText(label, mode=self.mode, classes="blank-label")
            # select_on_focus off: text kept through a language switch is added to, not lost.
            yield Input(id=f"answer-{i}", select_on_focus=False)
            yield BidiText("", mode=self.mode, classes="preview", id=f"preview-{i}")

    def on_mount(self) -> None:
        self.query_one("#answer-0", Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        index = (event.input.id or "answer-0").split("-")[1]
        preview = self.query_one(f"#preview-{index}", BidiText)
        # Only Arabic needs a preview: the Input shows it in logical order.
        preview.update(f"↳ {event.value}" if is_rtl(event.value) else "")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        inputs = list(self.query(Input).results(Input))
        index = inputs.index(event.input)
        if index < len(inputs) - 1:
            inputs[index + 1].focus()
            return
        for widget in inputs:
            widget.disabled = True
        self.post_message(self.Submitted([w.value for w in inputs]))
