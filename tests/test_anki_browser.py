"""Cards rendered by headless Chromium: computed directions, night mode, the choice script
(shuffle, pick, answer side) and the same cards with scripts off. Each side is served as its
own page of one origin, as AnkiDroid and AnkiMobile show them; nothing else may load."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from anki.collection import Collection

from kzlearn.interop.anki import export_apkg
from tests.anki_html import language_direction
from tests.browser import browser
from tests.test_anki_export import PACKS, import_apkg, key_of

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

__all__ = ["browser"]

ORIGIN = "http://cards.test/"
TYPED = re.compile(r"\[\[type:(nc:)?\w+\]\]")
Sides = dict[str, tuple[str, str]]


@pytest.fixture(scope="module")
def cards(tmp_path_factory: pytest.TempPathFactory) -> Sides:
    """The question and answer of one card of each note type, and of two chosen notes."""
    folder = tmp_path_factory.mktemp("anki")
    path = folder / "decks.apkg"
    export_apkg(PACKS, path, timestamp=1_700_000_000)
    col = Collection(str(folder / "collection.anki2"))
    try:
        import_apkg(col, path)
        found: Sides = {}
        for card_id in col.find_cards(""):
            card = col.get_card(card_id)
            sides = (TYPED.sub("", card.question()), TYPED.sub("", card.answer()))
            found.setdefault(card.note_type()["name"], sides)
            found.setdefault(key_of(col, card.nid), sides)
        return found
    finally:
        col.close()


def document(body: str, night: bool = False) -> str:
    classes = "card card1 nightMode night_mode" if night else "card card1"
    return f"<!doctype html><html><head><meta charset=utf-8></head><body class='{classes}'>{body}"


@pytest.fixture
def site(browser: Browser) -> Iterator[tuple[Page, dict[str, str]]]:
    """A page that serves ``pages`` (path -> HTML) from one origin and refuses the rest."""
    context = browser.new_context()
    page = context.new_page()
    pages: dict[str, str] = {}
    outside: list[str] = []

    def serve(route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        if url.startswith(ORIGIN) and url[len(ORIGIN) :] in pages:
            route.fulfill(body=pages[url[len(ORIGIN) :]], content_type="text/html")  # type: ignore[attr-defined]
        else:
            outside.append(url)
            route.abort()  # type: ignore[attr-defined]

    page.route("**/*", serve)
    yield page, pages
    context.close()
    assert outside == []  # no network, no external file


OWN_TEXT = """() => [...document.body.querySelectorAll('*')].flatMap(el => {
  const own = [...el.childNodes].filter(n => n.nodeType === 3).map(n => n.data).join('');
  // Anki's own "show hint" link speaks Anki's language, not the card's.
  return /[A-Za-z\\u0600-\\u06ff]/.test(own) && !['STYLE', 'SCRIPT'].includes(el.tagName)
    && !el.matches('a.hint')
    ? [[own.trim(), getComputedStyle(el).direction]] : [];
})"""


def test_every_element_is_laid_out_in_its_languages_direction(
    site: tuple[Page, dict[str, str]], cards: Sides
) -> None:
    page, pages = site
    checked = 0
    for name, sides in cards.items():
        if not name.startswith("kzlearn "):
            continue
        for side, html in zip(("q", "a"), sides, strict=True):
            pages[side] = document(html)
            page.goto(ORIGIN + side)
            for text, direction in page.evaluate(OWN_TEXT):
                checked += 1
                assert direction == language_direction(text), (name, text)
    assert checked > 100


def test_night_mode_darkens_every_card_and_clozes_stand_out(
    site: tuple[Page, dict[str, str]], cards: Sides
) -> None:
    page, pages = site
    for name, (_, answer) in cards.items():
        if not name.startswith("kzlearn "):
            continue
        for night in (False, True):
            pages["n"] = document(answer, night)
            page.goto(ORIGIN + "n")
            background = page.evaluate("getComputedStyle(document.body).backgroundColor")
            level = sum(map(int, re.findall(r"\d+", background)[:3])) / 3
            assert (level < 80) == night, (name, background)
    cloze = next(v for k, v in cards.items() if k.startswith("kzlearn cloze"))
    pages["c"] = document(cloze[1])
    page.goto(ORIGIN + "c")
    style = page.evaluate(
        "(() => { const c = getComputedStyle(document.querySelector('.cloze'));"
        " const b = getComputedStyle(document.body); return [c.fontWeight, c.color, b.color]; })()"
    )
    assert int(style[0]) >= 700
    assert style[1] != style[2]


def options(page: Page) -> list[tuple[str, str]]:
    """(data-i, letter) of the options in their shown order."""
    return [
        (li.get_attribute("data-i") or "", li.locator(".letter").inner_text())
        for li in page.locator(".kz-pick li").all()
    ]


def test_choices_are_shuffled_each_review_and_the_pick_is_marked_on_the_back(
    site: tuple[Page, dict[str, str]], cards: Sides
) -> None:
    page, pages = site
    question, answer = cards["kz-independence/memorandum-signatories"]
    pages["q"], pages["a"] = document(question), document(answer)
    orders = set()
    for _ in range(12):
        page.goto(ORIGIN + "q")
        shown = options(page)
        assert [letter for _, letter in shown] == ["أ", "ب", "ج", "د"]
        orders.add(tuple(i for i, _ in shown))
    assert len(orders) > 1
    front = [i for i, _ in options(page)]
    page.locator(".kz-pick li").nth(2).click()
    picked = front[2]
    page.goto(ORIGIN + "a")
    assert [i for i, _ in options(page)] == front
    assert page.locator(".picked").get_attribute("data-i") == picked
    right = page.locator(".right")
    assert right.count() == 1
    assert "الصين" in right.inner_text()


def test_true_or_false_buttons(site: tuple[Page, dict[str, str]], cards: Sides) -> None:
    page, pages = site
    question, answer = next(v for k, v in cards.items() if k.startswith("kzlearn true or"))
    pages["q"], pages["a"] = document(question), document(answer)
    page.goto(ORIGIN + "q")
    buttons = page.locator(".tf button")
    assert buttons.all_inner_texts() == ["صح", "خطأ"]
    buttons.nth(1).click()
    page.goto(ORIGIN + "a")
    assert page.locator(".picked").inner_text() == "خطأ"
    said = page.locator(".kz-answer").inner_text().strip()
    assert page.locator(".tf .right").inner_text() == said


def test_with_scripts_off_the_cards_still_work(browser: Browser, cards: Sides) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        question, answer = cards["kz-independence/memorandum-signatories"]
        page.set_content(document(question))
        letters = page.locator(".kz-pick .letter").all_inner_texts()
        assert letters == ["أ", "ب", "ج", "د"]
        assert all(li.is_visible() for li in page.locator(".kz-pick li").all())
        page.set_content(document(answer))
        assert page.locator(".right").is_visible()
        assert "الصين" in page.locator(".right").inner_text()
        assert page.locator(".picked").count() == 0
        question, answer = next(v for k, v in cards.items() if k.startswith("kzlearn true or"))
        page.set_content(document(question))
        assert page.locator(".cue").inner_text() == "صح أم خطأ؟"
        assert page.locator(".tf button").count() == 0
        page.set_content(document(answer))
        assert page.locator(".kz-answer").inner_text().strip() in ("صح", "خطأ")
    finally:
        context.close()


def test_the_card_files_hold_no_address(tmp_path: Path) -> None:
    path = tmp_path / "d.apkg"
    export_apkg(PACKS, path, timestamp=1_700_000_000)
    col = Collection(str(tmp_path / "c.anki2"))
    try:
        import_apkg(col, path)
        for model in col.models.all():
            if model["name"].startswith("kzlearn"):
                text = model["css"] + "".join(t["qfmt"] + t["afmt"] for t in model["tmpls"])
                assert not re.search(r"https?:|//|src=|@import|url\(", text)
    finally:
        col.close()
