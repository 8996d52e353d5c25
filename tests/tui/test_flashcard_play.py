"""Flashcards as a student plays them in a real terminal, small ones included: nothing cut
off, no needless scrollbar, the keys an Anki user expects."""

from __future__ import annotations

from pathlib import Path

import pytest

from kzlearn.cli.learning import review_queue
from kzlearn.models import FlashcardItem, Pack
from kzlearn.packs import parse_pack
from kzlearn.questions.generate import all_items
from kzlearn.questions.self_graded import REVERSE, with_reverse_cards
from kzlearn.quiz.session import QuizOptions
from kzlearn.review.srs import Reviewer
from kzlearn.store.sqlite import Store
from kzlearn.tui.app import KzlearnApp
from kzlearn.tui.bidi import display_lines
from kzlearn.tui.i18n import LOCALE, read_po
from kzlearn.tui.screens import QuizScreen, flashcard
from tests.test_bidi import seen
from tests.tui.helpers import PACKS, review_app, screen_text

LONG = """\
id: long
title: {ar: "بطاقات طويلة", en: "Long cards"}
language: ar
translations: [en]
items:
  - id: capital
    type: flashcard
    front: {ar: "ما عاصمة كازاخستان؟", en: "What is the capital of Kazakhstan?"}
    back: {ar: "أستانا (Astana)، وكانت تسمى أكمولا ثم نور سلطان بين 2019 و2022",
           en: "Astana (أستانا); the capital moved from Almaty in 1997, and the city was
             called Nur-Sultan between 2019 and 2022"}
    hint: {ar: "تبدأ بحرف A في الإنجليزية", en: "It starts with A"}
    notes: {ar: "نقلت العاصمة من ألماتي سنة 1997.", en: "The capital moved from Almaty in 1997."}
"""


def long_pack(*, reverse: bool = False) -> Pack:
    return parse_pack(LONG + ("    reverse: true\n" if reverse else ""))


@pytest.mark.parametrize("kind", ["flashcard", "cloze"])
async def test_a_short_question_has_no_scrollbar_at_80x24(kind: str) -> None:
    options = QuizOptions(seed=2, lang="ar", types=(kind,))
    app = KzlearnApp(PACKS, options=options, start_quiz=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        body = app.screen.query_one("#body")
        assert body.virtual_size.height <= body.size.height, screen_text(app)
        assert not body.show_vertical_scrollbar


async def test_at_40x12_the_turned_card_shows_all_four_ratings(tmp_path: Path) -> None:
    with Store(tmp_path / "progress.sqlite3") as store:
        app = review_app(long_pack(), store)
        async with app.run_test(size=(40, 12)) as pilot:
            await pilot.pause()
            await pilot.press("space")
            await pilot.pause()
            await pilot.pause()
            text = screen_text(app).replace("\u00a0", " ")  # ratings wrap whole
            assert "4 easy" in text, text
            assert "enter keeps 3" in text, text


async def test_at_40x12_the_turned_card_shows_both_answers_of_a_quiz() -> None:
    options = QuizOptions(seed=1, lang="en")
    app = KzlearnApp([long_pack()], options=options, start_quiz=True)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        await pilot.press("space")
        await pilot.pause()
        await pilot.pause()
        assert "2. I knew it" in screen_text(app), screen_text(app)


@pytest.mark.parametrize(("lang", "key"), [("en", "h: hint"), ("ar", "تلميح: h")])
async def test_the_hint_key_keeps_its_word_on_a_narrow_terminal(lang: str, key: str) -> None:
    # Arabic as the interface's other keys say it ("خروج: q"), read right to left.
    app = KzlearnApp([long_pack()], options=QuizOptions(seed=1, lang=lang), start_quiz=True)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        lines = [line.strip() for line in screen_text(app).splitlines()]
        assert (seen(key) if lang == "ar" else key) in lines, lines


async def test_space_on_a_turned_card_answers_as_enter_does() -> None:
    # Anki: space turns the card, and space again says "good".
    app = KzlearnApp([long_pack()], options=QuizOptions(seed=1, lang="en"), start_quiz=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("space")
        await pilot.pause()
        await pilot.press("space")
        await pilot.pause()
        assert "✓ Correct" in screen_text(app)
        assert app.session is not None
        assert [a.outcome for a in app.session.answers] == ["correct"]


def test_review_asks_only_the_types_and_the_count_asked_for(tmp_path: Path) -> None:
    items = {p.id: all_items(p) for p in PACKS}
    kinds = {f"{p.id}/{i.id}": i.type for p in PACKS for i in with_reverse_cards(items[p.id])}
    with Store(tmp_path / "progress.sqlite3") as store:
        reviewer = Reviewer(store)
        cards = QuizOptions(types=("flashcard",))
        queue = review_queue(reviewer, PACKS, items, cards, new_per_day=1000)
        flashcards = [k for k, kind in kinds.items() if kind == "flashcard"]
        assert flashcards
        assert sorted(queue) == sorted(flashcards)
        some = QuizOptions(types=("mcq", "true_false"), count=3)
        queue = review_queue(reviewer, PACKS, items, some, new_per_day=1000)
        assert len(queue) == some.count
        assert {kinds[k] for k in queue} <= {"mcq", "true_false"}


@pytest.mark.parametrize("lang", ["ar", "en", "fr"])
def test_every_tag_of_the_bundled_decks_is_translated(lang: str) -> None:
    # The summary's scores by tag: English in the Arabic interface otherwise.
    messages = read_po((LOCALE / f"{lang}.po").read_text(encoding="utf-8"))
    tags = {t for p in PACKS for i in all_items(p) for t in i.tags}
    assert tags
    assert sorted(t for t in tags if not messages.get(t)) == []


async def test_a_reverse_card_is_asked_back_to_front_too() -> None:
    # reverse: true, as Anki's "Basic (and reversed card)": the back is asked for the front.
    pack = long_pack(reverse=True)
    app = KzlearnApp([pack], options=QuizOptions(seed=1, lang="en"), start_quiz=True)
    (card,) = pack.items
    assert isinstance(card, FlashcardItem)
    assert card.reverse
    front, back = card.prompt.get("en", "ar"), card.back.get("en", "ar")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.session is not None
        asked = []
        while app.session.current is not None:
            question = app.session.current
            asked.append(question.item.id)
            shown = screen_text(app)
            if question.item.id == card.id + REVERSE:
                assert front not in shown  # its back, shown first
                assert "h: hint" not in shown  # the hint is a clue to the back: not here
            await pilot.press("space")
            await pilot.pause()
            assert front in screen_text(app)
            assert back.split()[0] in screen_text(app)  # Astana
            await pilot.press("2", "enter")
            await pilot.pause()
        assert sorted(asked) == [card.id, card.id + REVERSE]


def test_a_review_introduces_a_reverse_card_after_every_front_to_back_one(
    tmp_path: Path,
) -> None:
    items = {p.id: all_items(p) for p in PACKS}
    with Store(tmp_path / "progress.sqlite3") as store:
        queue = review_queue(
            Reviewer(store), PACKS, items, QuizOptions(types=("flashcard",)), new_per_day=1000
        )
    reverse = [n for n, key in enumerate(queue) if key.endswith(REVERSE)]
    forward = [n for n, key in enumerate(queue) if not key.endswith(REVERSE)]
    assert reverse
    assert forward
    assert max(forward) < min(reverse)
    assert {k.removesuffix(REVERSE) for k in queue} == set(queue) - {queue[n] for n in reverse}


@pytest.mark.parametrize(
    ("key", "outcome"),
    [("1", "wrong"), ("2", "correct"), ("3", "correct"), ("4", "correct"), ("enter", "correct")],
)
async def test_1_is_the_one_key_for_not_knowing_a_card_as_in_a_review(
    key: str, outcome: str
) -> None:
    # An Anki user (and a kzlearn reviewer) presses 1 for Again: never "I knew it".
    app = KzlearnApp([long_pack()], options=QuizOptions(seed=1, lang="en"), start_quiz=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("space")
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        assert app.session is not None
        assert [a.outcome for a in app.session.answers] == [outcome]


@pytest.mark.parametrize("lang", ["ar", "en"])
async def test_a_narrow_terminal_wraps_between_ratings_never_inside_one(
    tmp_path: Path, lang: str
) -> None:
    with Store(tmp_path / "progress.sqlite3") as store:
        app = review_app(long_pack(), store)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            if app.lang != lang:
                await pilot.press("f2")
                await pilot.pause()
            screen = app.screen
            assert isinstance(screen, QuizScreen)
            assert screen.question is not None
            line = flashcard.rating_line(screen, screen.question.key)
    rated, keeps = line.replace("\u00a0", " ").split(" — ")
    ratings = [*rated.split(" · "), keeps]
    assert len(ratings) == 5
    for width in range(20, 60):  # 40x12 leaves 36 cells
        lines = [part.replace("\u00a0", " ") for part in display_lines(line, width, "off")]
        assert not any(part.startswith("·") for part in lines), (width, lines)
        for rating in ratings:  # "3 good 10m" whole on one line, when one can hold it
            if len(rating) <= width:
                assert any(rating in part for part in lines), (width, rating, lines)
