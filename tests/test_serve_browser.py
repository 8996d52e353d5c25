"""The served quiz in a real browser (issue 15 §1): Debian's headless Chromium, driven by
playwright's client (never a browser playwright downloads), opens the page, the student
types a name and the class code, answers, and the answer is in the store as theirs."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from kzlearn.store import Learner, open_store
from tests.browser import browser
from tests.servehelp import ANSI, Served, server, wait_for_reviews

if TYPE_CHECKING:
    from playwright.sync_api import Browser

__all__ = ["browser", "server"]  # the fixtures this module uses

WAIT = 60.0  # seconds for each screen to show


def test_a_student_answers_in_a_browser_and_the_answer_is_stored_as_theirs(
    server: Served, browser: Browser, tmp_path: Path
) -> None:
    from playwright.sync_api import WebSocket

    shown = bytearray()  # what the app sent the browser's terminal, since the last step

    def watch(ws: WebSocket) -> None:
        ws.on("framereceived", lambda data: shown.extend(data if isinstance(data, bytes) else b""))

    def once_shown(text: str = "") -> None:
        """Wait for the app to draw ``text`` (or anything) and then fall quiet."""
        deadline = time.monotonic() + WAIT
        while text.encode() not in ANSI.sub(b"", bytes(shown)) or not shown:
            assert time.monotonic() < deadline, text
            page.wait_for_timeout(100)
        size = -1
        while size != len(shown):  # drawn once it stops changing
            size = len(shown)
            page.wait_for_timeout(300)
        shown.clear()

    page = browser.new_page(viewport={"width": 1280, "height": 800})
    try:
        page.on("websocket", watch)
        page.goto(server.url)
        once_shown("Enter")  # the sign-in screen: "your name, then Enter"
        page.locator(".xterm-helper-textarea").focus()
        page.keyboard.type("Dana")
        page.keyboard.press("Enter")  # on to the class code
        once_shown()
        page.keyboard.type("5B")
        page.keyboard.press("Enter")
        once_shown(".Dana")  # the decks, and the toast naming the student (right to left)
        page.keyboard.press("Enter")  # every deck
        once_shown()
        page.keyboard.press("s")  # start
        once_shown("1/")  # the status line: question 1 of N
        page.screenshot(path=str(tmp_path / "question.png"))
        # An answer to whatever kind of question comes first: true, the first choice,
        # a typed "t1" or the order as shown; where that is not yet an answer (more
        # blanks, pairs left), escape gives up on it, which is recorded too.
        page.keyboard.type("t1")
        page.keyboard.press("Enter")
        page.keyboard.press("Escape")
        reviews = wait_for_reviews(
            tmp_path / "class.sqlite3",
            Learner("5B", "Dana"),
            timeout=WAIT,
            pause=lambda: page.wait_for_timeout(200),
        )
    finally:
        page.close()
    # Where "t1" answered the first question and enter went on, the escape skipped the
    # second, recorded too: on a loaded machine before the store was read.
    assert len(reviews) in (1, 2)
    assert len({r.key for r in reviews}) == len(reviews)
    with open_store(tmp_path / "class.sqlite3") as store:
        assert store.class_rows(None)[1][0].student == "Dana"
