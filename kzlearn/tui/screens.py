"""The screens: pick a pack, set up a quiz, answer questions, see the summary; help; confirm."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import (
    Button,
    Footer,
    Label,
    ProgressBar,
    RadioButton,
    RadioSet,
    SelectionList,
    Static,
)

from kzlearn.models import ClozeItem, MatchItem, McqItem, OrderItem, Pack, ShortItem, TrueFalseItem
from kzlearn.questions.grading import Verdict
from kzlearn.quiz.session import ITEM_TYPES, Feedback, Question, QuizOptions, QuizSession
from kzlearn.tui.bidi import is_rtl
from kzlearn.tui.widgets import AnswerInputs, BidiText, ChoiceList, MatchBoard, OrderList

if TYPE_CHECKING:
    from kzlearn.tui.app import KzlearnApp

__all__ = [
    "ConfirmScreen",
    "HelpScreen",
    "PickerScreen",
    "QuizScreen",
    "SetupScreen",
    "SummaryScreen",
]

_WORDS = {
    "en": {
        "true": "True",
        "false": "False",
        "correct": "✓ Correct",
        "nearly": "≈ Nearly",
        "wrong": "✗ Wrong",
        "answer": "Answer",
        "why": "Why",
        "source": "Source",
        "placeholder": "Type your answer, then enter:",
        "blank": "Blank",
        "next": "enter: next",
        "all": "All decks",
        "facts": "facts",
        "items": "questions",
        "score": "Score",
        "sep": ", ",
        "streak": "streak",
        "mcq": "Multiple choice",
        "true_false": "True or false",
        "short": "Typed answer",
        "cloze": "Fill in the blanks",
        "order": "Put in order",
        "match": "Match pairs",
        "summary": "Summary",
        "score_line": "Score: {pct}  ({c} correct, {n} nearly, {w} wrong, of {t})",
        "time_line": "Time: {m}:{s:02d}  ·  best streak {b}",
        "by_tag": "By tag:",
        "hint_review": "n: a quiz · q: quit",
        "hint_retry": "r: retry my {k} mistakes · n: new quiz · q: quit",
        "hint_clean": "No mistakes. n: new quiz · q: quit",
        "outlook": "Next: {d} due tomorrow, {w} in the coming week.",
    },
    "ar": {
        "true": "صح",
        "false": "خطأ",
        "correct": "✓ صحيح",
        "nearly": "≈ قريب",
        "wrong": "✗ خطأ",
        "answer": "الجواب",
        "why": "لماذا",
        "source": "المصدر",
        "placeholder": "اكتب جوابك ثم اضغط enter:",
        "blank": "الفراغ",
        "next": "التالي: enter",
        "all": "كل المجموعات",
        "facts": "معلومة",
        "items": "سؤالاً",
        "score": "النتيجة",
        "sep": "، ",
        "streak": "متتالية",
        "mcq": "اختيار من متعدد",
        "true_false": "صح أم خطأ",
        "short": "جواب مكتوب",
        "cloze": "املأ الفراغ",
        "order": "رتّب",
        "match": "صِل",
        "summary": "الملخص",
        "score_line": "النتيجة: {pct}  ({c} صحيح، {n} قريب، {w} خطأ، من {t})",
        "time_line": "الوقت: {m}:{s:02d}  ·  أطول سلسلة {b}",
        "by_tag": "حسب الوسم:",
        "hint_review": "اختبار: n · خروج: q",
        "hint_retry": "إعادة أخطائي ({k}): r · اختبار جديد: n · خروج: q",
        "hint_clean": "لا أخطاء. اختبار جديد: n · خروج: q",
        "outlook": "التالي: {d} مستحقة غداً، و{w} خلال الأسبوع القادم.",
    },
}
_REASONS_AR = {
    "ignored punctuation": "تجاهل علامات الترقيم",
    "ignored tatweel": "تجاهل التطويل",
    "ignored diacritics": "تجاهل الحركات",
    "Persian letter forms": "حروف بصيغتها الفارسية",
    "Arabic-Indic digits": "أرقام هندية",
    "alef and hamza spelling": "كتابة الألف والهمزة",
    "alef maqsura written as yeh": "الألف المقصورة ياءً",
    "final taa marbuta written as haa": "التاء المربوطة هاءً",
    "ignored accents": "تجاهل العلامات",
    "ignored spaces": "تجاهل المسافات",
    "hamza seat": "كرسي الهمزة",
    "one letter off": "خطأ في حرف واحد",
    "only the year": "السنة فقط",
    "the day is missing": "ينقص اليوم",
    "the source gives only the month": "المصدر يذكر الشهر فقط",
    "the source gives only the year": "المصدر يذكر السنة فقط",
    "two neighbours swapped": "عنصران متجاوران مقلوبان",
    "no answer": "لا جواب",
    "answer true or false": "أجب بصح أو خطأ",
    "Moroccan month name": "اسم الشهر بالصيغة المغربية",
    "Algerian and Tunisian month name": "اسم الشهر بالصيغة الجزائرية والتونسية",
    "Mauritanian month name": "اسم الشهر بالصيغة الموريتانية",
    "Levantine and Iraqi month name": "اسم الشهر بالصيغة الشامية والعراقية",
    "read as a number": "قُرئ عدداً",
    "ignored the title": "تجاهل اللقب",
    "ignored a generic word": "تجاهل الكلمة العامة",
    "ignored the preposition": "تجاهل حرف الجر",
    "ignored the article": "تجاهل أداة التعريف",
    "family name only": "اسم العائلة وحده",
    "without the middle name": "دون الاسم الأوسط",
    "only the given name": "الاسم الشخصي وحده",
    "in another order": "بترتيب آخر",
    "listed another way": "بفواصل أخرى",
    "one part is missing": "ينقص جزء واحد",
    "ordinal read as a number": "قُرئ العدد الترتيبي عدداً",
    "ignored the unit": "تجاهل المعدود",
    "a season of that year": "فصل من تلك السنة",
    "the season, not the month": "الفصل لا الشهر",
    "the year is missing": "تنقص السنة",
    "two-digit year": "السنة برقمين",
    "read month first": "قُرئ الشهر أولاً",
    "long vowel spelling": "كتابة حروف المد",
    "final hamza left out": "حذف الهمزة الأخيرة",
    "ignored the description": "تجاهل الوصف",
    "part of the answer": "جزء من الجواب",
    "blanks swapped": "فراغان متبادلان",
}


def reason_text(reason: str, lang: str) -> str:
    """A grader's reason in the interface language (the grader speaks English)."""
    return _REASONS_AR.get(reason, reason) if lang == "ar" else reason


TYPE_NAMES = {
    "mcq": "Multiple choice",
    "true_false": "True or false",
    "short": "Typed answer",
    "cloze": "Fill in the blanks",
    "order": "Put in order",
    "match": "Match pairs",
}


def words(lang: str) -> dict[str, str]:
    """Interface words in ``lang`` (English when there are none)."""
    return _WORDS.get(lang, _WORDS["en"])


class _Screen(Screen[None]):
    """A screen of this app, over some packs."""

    def __init__(self, packs: list[Pack]) -> None:
        super().__init__()
        self.packs = packs

    @property
    def kz(self) -> KzlearnApp:
        """The app, typed."""
        return self.app  # type: ignore[return-value]


class PickerScreen(_Screen):
    """Choose a deck (or all of them)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("q", "app.request_quit", "Quit")]

    def compose(self) -> ComposeResult:
        lang = self.kz.lang
        w = words(lang)
        rows = [w["all"]] + [
            f"{p.text(p.title, lang)} — {len(p.facts)} {w['facts']}{w['sep']}"
            f"{len(self.kz.items_of(p))} {w['items']}"
            for p in self.packs
        ]
        with VerticalScroll(id="body"):
            yield Label("kzlearn — choose a deck", id="title")
            yield ChoiceList(rows, mode=self.kz.rtl, id="packs")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(ChoiceList).focus()

    @on(ChoiceList.Chosen)
    def chosen(self, event: ChoiceList.Chosen) -> None:
        packs = self.packs if event.index == 0 else [self.packs[event.index - 1]]
        self.app.push_screen(SetupScreen(packs))


class SetupScreen(_Screen):
    """Item types, how many questions, and the language."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s,ctrl+s", "start", "Start", priority=True),
        Binding("escape", "app.pop_screen", "Back"),
        Binding("q", "app.request_quit", "Quit"),
    ]

    def compose(self) -> ComposeResult:
        options = self.kz.options
        with VerticalScroll(id="body"):
            yield Label("Question types", classes="heading")
            yield SelectionList[str](
                *((TYPE_NAMES[t], t, t in options.types) for t in ITEM_TYPES), id="types"
            )
            with Horizontal(id="choices-row"):
                with Vertical(classes="column"):
                    yield Label("How many", classes="heading")
                    with RadioSet(id="count"):
                        for count in ("5", "10", "20", "all"):
                            wanted = str(options.count) if options.count else "10"
                            yield RadioButton(count, value=count == wanted)
                with Vertical(classes="column"):
                    yield Label("Language", classes="heading")
                    with RadioSet(id="lang"):
                        for lang, name in (("ar", "العربية"), ("en", "English")):
                            # A label is display only: it may hold reordered text.
                            yield RadioButton(self.kz.show(name), value=self.kz.lang == lang)
            with Horizontal(id="buttons"):
                yield Button("Start (s)", id="start", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#start", Button).focus()

    @on(Button.Pressed, "#start")
    def action_start(self) -> None:
        types = tuple(self.query_one("#types", SelectionList).selected)
        if not types:
            self.notify("Choose at least one question type.", severity="warning")
            return
        count_set = self.query_one("#count", RadioSet)
        count_label = str(count_set.pressed_button.label) if count_set.pressed_button else "10"
        lang_index = self.query_one("#lang", RadioSet).pressed_index
        lang = ("ar", "en")[lang_index] if lang_index >= 0 else self.kz.lang
        options = QuizOptions(
            types=types,
            count=None if count_label == "all" else int(count_label),
            seed=self.kz.options.seed,
            lang=lang,
        )
        self.kz.start_quiz(self.packs, options)


class QuizScreen(_Screen):
    """One question at a time; feedback after each answer."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("t", "true_false(True)", "True", show=False),
        Binding("f", "true_false(False)", "False", show=False),
        Binding("enter,space,n", "next", "Next", show=False),
        Binding("f2,l", "toggle_language", "Language"),
        Binding("question_mark,f1", "help", "Keys"),
        Binding("q", "app.request_quit", "Quit"),
        Binding("escape", "skip", "Skip", show=False),
        *(Binding(str(n), f"rate({n})", show=False) for n in range(1, 5)),
    ]

    def __init__(self, session: QuizSession) -> None:
        super().__init__(list(session.packs.values()))
        self.session = session
        self.question: Question | None = None
        self.answered: Feedback | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="status"):
            yield BidiText("", mode=self.kz.rtl, id="score")
            yield ProgressBar(total=self.session.total, show_eta=False, id="progress")
        with VerticalScroll(id="body"):
            yield BidiText("", mode=self.kz.rtl, id="kind", classes="heading")
            yield BidiText("", mode=self.kz.rtl, id="prompt")
            yield Vertical(id="answer")
            yield Vertical(id="feedback")
        yield Footer()

    async def on_mount(self) -> None:
        await self.show_question()

    @property
    def lang(self) -> str:
        return self.session.options.lang or (self.question.lang if self.question else "en")

    def _status(self) -> None:
        w = words(self.lang)
        s = self.session.summary()
        number = min(self.session.index + 1, self.session.total)
        self.query_one("#score", BidiText).update(
            f"{w['score']} {s.correct + 0.5 * s.nearly:g}/{self.session.index} · "
            f"{w['streak']} {self.session.streak} · {number}/{self.session.total}"
        )
        self.query_one("#progress", ProgressBar).update(progress=self.session.index)

    async def show_question(self) -> None:
        self.answered = None
        self.question = self.session.current
        await self.query_one("#feedback", Vertical).remove_children()
        answer = self.query_one("#answer", Vertical)
        await answer.remove_children()
        if self.question is None:
            self.kz.show_summary(self.session)
            return
        q = self.question
        w = words(self.lang)
        self.query_one("#kind", BidiText).update(w[q.item.type])
        self.query_one("#prompt", BidiText).update(q.prompt)
        item = q.item
        widget: ChoiceList | OrderList | MatchBoard | AnswerInputs | Vertical
        if isinstance(item, McqItem):
            widget = ChoiceList(q.choices, mode=self.kz.rtl, id="choices")
        elif isinstance(item, TrueFalseItem):
            widget = ChoiceList([w["true"], w["false"]], mode=self.kz.rtl, id="choices")
        elif isinstance(item, OrderItem):
            widget = OrderList(q.entries, mode=self.kz.rtl, id="order")
        elif isinstance(item, MatchItem):
            board = MatchBoard(q.lefts, q.rights, mode=self.kz.rtl, id="match")
            rights = Vertical(
                *(
                    BidiText(f"{'abcdefghij'[i]}) {text}", mode=self.kz.rtl, classes="right")
                    for i, (_, text) in enumerate(q.rights)
                ),
                id="rights",
            )
            widget = Vertical(board, rights, id="matching")
        elif isinstance(item, ClozeItem):
            parts = q.cloze_parts
            passage = "".join(
                p + (f" ({i + 1}) ____ " if i < len(parts) - 1 else "")
                for i, p in enumerate(parts)
            )
            blanks = len(parts) - 1
            labels = [
                f"{w['blank']} {i + 1}" if blanks > 1 else w["placeholder"] for i in range(blanks)
            ]
            widget = Vertical(
                BidiText(passage, mode=self.kz.rtl, classes="passage"),
                AnswerInputs(labels, mode=self.kz.rtl),
            )
        else:
            assert isinstance(item, ShortItem)
            widget = AnswerInputs([w["placeholder"]], mode=self.kz.rtl)
        await answer.mount(widget)
        focus = next(iter(answer.query("ChoiceList, OrderList, MatchBoard, Input")), None)
        if focus is not None:
            focus.focus()
        self._status()
        self.query_one("#body", VerticalScroll).scroll_home(animate=False)

    # -- answers from the widgets ----------------------------------------------------------

    async def submit(self, response: object) -> None:
        if self.answered is not None or self.question is None:
            return
        self.answered = self.session.answer(response)
        await self._show_feedback(self.answered)
        self._status()
        for widget in self.query("#answer ChoiceList, #answer OrderList, #answer MatchBoard"):
            widget.can_focus = False
        self.set_focus(None)

    @on(ChoiceList.Chosen, "#choices")
    async def chose(self, event: ChoiceList.Chosen) -> None:
        if self.question is None:
            return
        if isinstance(self.question.item, TrueFalseItem):
            await self.submit(event.index == 0)
        else:  # the row shown -> the item's own choice
            await self.submit(self.question.order[event.index])

    @on(OrderList.Ordered)
    async def ordered(self, event: OrderList.Ordered) -> None:
        await self.submit(event.order)

    @on(MatchBoard.Matched)
    async def matched(self, event: MatchBoard.Matched) -> None:
        await self.submit(event.chosen)

    @on(MatchBoard.Incomplete)
    def incomplete(self) -> None:
        self.notify("Give every entry on the left a letter from the right.", severity="warning")

    @on(AnswerInputs.Submitted)
    async def typed(self, event: AnswerInputs.Submitted) -> None:
        item = self.question.item if self.question else None
        await self.submit(event.answers if isinstance(item, ClozeItem) else event.answers[0])

    async def _show_feedback(self, feedback: Feedback) -> None:
        w = words(self.lang)
        verdict: Verdict = feedback.verdict
        panel = self.query_one("#feedback", Vertical)
        reason = reason_text(verdict.reason, self.lang) if verdict.reason else ""
        head = w[verdict.outcome] + (f" — {reason}" if reason else "")
        expected = verdict.expected
        if is_rtl(expected):
            expected = expected.replace(" → ", " ← ")  # the arrow follows the reading direction
        parts: list[BidiText] = [
            BidiText(head, mode=self.kz.rtl, classes=f"verdict -{verdict.outcome}"),
            BidiText(f"{w['answer']}: {expected}", mode=self.kz.rtl, classes="expected"),
        ]
        if feedback.explanation:
            parts.append(BidiText(feedback.explanation, mode=self.kz.rtl, classes="explanation"))
        if feedback.evidence:
            parts.append(
                BidiText(f"« {feedback.evidence} »", mode=self.kz.rtl, classes="evidence")
            )
        if feedback.evidence_original:
            parts.append(
                BidiText(f"« {feedback.evidence_original} »", mode=self.kz.rtl, classes="evidence")
            )
        if feedback.source:
            parts.append(
                BidiText(f"{w['source']}: {feedback.source}", mode=self.kz.rtl, classes="source")
            )
        hint = w["next"]
        if self.kz.reviewing:
            suggested = {"wrong": 1, "nearly": 2, "correct": 3}[verdict.outcome]
            hint = f"1 again · 2 hard · 3 good · 4 easy — enter keeps {suggested}"
        parts.append(BidiText(hint, mode=self.kz.rtl, classes="hint"))
        await panel.mount(*parts)
        # The verdict is what a student reads first: bring it to the top of the view.
        self.call_after_refresh(parts[0].scroll_visible, top=True, animate=False)

    # -- keys ------------------------------------------------------------------------------

    async def action_true_false(self, value: bool) -> None:
        if self.question is not None and isinstance(self.question.item, TrueFalseItem):
            await self.submit(value)

    async def action_next(self) -> None:
        if self.answered is not None:
            await self.show_question()

    async def action_rate(self, rating: int) -> None:
        """Review mode: 1 again, 2 hard, 3 good, 4 easy, instead of the suggested rating."""
        if self.answered is not None and self.kz.rate(rating):
            await self.show_question()

    async def action_skip(self) -> None:
        if self.answered is None and self.question is not None:
            await self.submit("")

    async def action_toggle_language(self) -> None:
        if self.question is None:
            return
        langs = [self.question.pack.language, *self.question.pack.translations]
        current = self.lang
        new = langs[(langs.index(current) + 1) % len(langs)] if current in langs else langs[0]
        self.session.set_lang(new)
        self.kz.lang = new
        if self.answered is None:
            await self.show_question()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen())


class SummaryScreen(Screen[None]):
    """Score, time, a breakdown per tag; retry mistakes or start again."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "retry", "Retry my mistakes"),
        Binding("n", "new", "New quiz"),
        Binding("q", "app.request_quit", "Quit"),
    ]

    def __init__(self, session: QuizSession) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        s = self.session.summary()
        lang = self.session.options.lang or next(iter(self.session.packs.values())).language
        w = words(lang)
        mode = self.app.rtl  # type: ignore[attr-defined]
        minutes, seconds = divmod(round(s.seconds), 60)
        score = f"{s.score:.0%}"
        lines = [
            w["score_line"].format(pct=score, c=s.correct, n=s.nearly, w=s.wrong, t=s.total),
            w["time_line"].format(m=minutes, s=seconds, b=self.session.best_streak),
            "",
            w["by_tag"],
            *(f"  {tag:<16} {c}/{n}" for tag, (c, n) in s.per_tag.items()),
        ]
        due = self.app.outlook()  # type: ignore[attr-defined]
        if due is not None:
            lines += ["", w["outlook"].format(d=due[0], w=due[1])]
        if self.app.reviewing:  # type: ignore[attr-defined]
            hint = w["hint_review"]
        elif s.mistakes:
            hint = w["hint_retry"].format(k=len(s.mistakes))
        else:
            hint = w["hint_clean"]
        with VerticalScroll(id="body"):
            yield BidiText(w["summary"], mode=mode, id="title")
            with Vertical(id="summary"):
                for line in lines:
                    yield BidiText(line or " ", mode=mode)
            yield BidiText(hint, mode=mode, classes="hint")
        yield Footer()

    def action_retry(self) -> None:
        if self.session.mistakes and not self.app.reviewing:  # type: ignore[attr-defined]
            self.app.switch_screen(QuizScreen(self.session.retry_mistakes()))

    def action_new(self) -> None:
        self.app.new_quiz()  # type: ignore[attr-defined]


class HelpScreen(ModalScreen[None]):
    """The keys."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q,f1", "app.pop_screen", "Close")
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label("Keys", classes="heading")
            yield Static(
                "Multiple choice   1-9 or a-j choose · ↑↓ and enter\n"
                "True / false      t or f · ↑↓ and enter\n"
                "Typed, cloze      type, then enter (enter moves to the next blank)\n"
                "Put in order      ↑↓ pick · shift+↑↓ or u/d move · enter answers\n"
                "Match pairs       ↑↓ pick a left entry · its right letter · enter\n"
                "After an answer   enter, space or n: next question\n"
                "Anywhere          l or F2: Arabic/English · escape: skip · ? or F1: keys\n"
                "                  q or ctrl+c: leave (asks first during a quiz)"
            )
            yield Static("escape: close", classes="hint")


class ConfirmScreen(ModalScreen[bool]):
    """Yes or no."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(self.question)
            with Horizontal(id="buttons"):
                yield Button("Yes (y)", id="yes", variant="error")
                yield Button("No (n)", id="no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed, "#yes")
    def yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def no(self) -> None:
        self.dismiss(False)

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)
