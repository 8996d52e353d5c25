"""A headless Textual driver that ends the app once the first question is on screen.

bench_startup.py runs the real command (``python -m kzlearn quiz ...``) with
``TEXTUAL_DRIVER=first_question_driver:FirstQuestionDriver``: Textual then draws with this
driver instead of the terminal, and nothing of kzlearn is changed for the measure. Like the
trivial app, the time of the refresh that follows the first question goes to stderr (the
benchmark reads it), then the app exits.
"""

from __future__ import annotations

import asyncio
import sys
import time

from textual.drivers.headless_driver import HeadlessDriver

POLL_SECONDS = 0.002


class FirstQuestionDriver(HeadlessDriver):
    def start_application_mode(self) -> None:
        super().start_application_mode()
        loop = asyncio.get_running_loop()
        app = self._app

        def first_frame() -> None:
            print(f"first frame at {time.monotonic()} cpu {time.process_time()}", file=sys.stderr)
            app.exit()

        def poll() -> None:
            from kzlearn.tui.screens import QuizScreen  # loaded by then: the app uses it

            stack = app.screen_stack
            screen = stack[-1] if stack else None
            if isinstance(screen, QuizScreen) and screen.question is not None:
                app.call_after_refresh(first_frame)
            else:
                loop.call_later(POLL_SECONDS, poll)

        loop.call_later(POLL_SECONDS, poll)
