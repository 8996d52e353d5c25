"""No escape sequence from a pack, an import or a file name reaches the terminal raw."""

from __future__ import annotations

import re
from functools import partialmethod
from pathlib import Path

import pytest
from textual.app import App

from kzlearn import cli
from kzlearn.interop.gift import parse_gift
from kzlearn.interop.tabular import parse_terms
from kzlearn.models import Pack
from kzlearn.models.validation import validate_pack
from kzlearn.packs import dump_pack
from kzlearn.quiz.session import QuizOptions
from kzlearn.safetext import safe, safe_line, strip_controls
from kzlearn.tui.app import KzlearnApp
from kzlearn.yamlread import read_yaml
from tests.conftest import run_cli
from tests.tui.helpers import screen_text

# What a terminal would obey: C0 (but tab and newline), DEL, C1, bidi overrides and isolates.
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

EVIL = r"""id: evil
title: "Evil \e]0;PWNED\a deck"
language: en
items:
  - id: clipboard
    type: mcq
    prompt: "Copy \e]52;c;aGVsbG8=\e\\ now"
    choices: ["\e[5mblink\e[25m", "plain"]
    answer: "plain"
  - id: link
    type: short
    prompt: "Where? \e]8;;http://evil.example\e\\here\e]8;;\e\\"
    answer: "there"
    accept: ["th\u202eere"]
  - id: c1
    type: cloze
    prompt: "Fill \u2066in\u2069"
    text: "A {{blank}} \x9b31m red"
"""


def evil_pack() -> Pack:
    """The pack as an older kzlearn (or a stale cache) let it through."""
    return validate_pack(read_yaml(EVIL).data, [])


def test_safe_shows_every_unsafe_character_as_its_yaml_escape() -> None:
    text = "a\x1b]52;c;x\x07\tb\nc\u202e\x9b\x7f\ud800 \u200f\u061c"
    assert safe(text) == "a\\x1b]52;c;x\\x07\tb\nc\\u202e\\x9b\\x7f\\ud800 \u200f\u061c"
    assert safe_line("a\tb\nc\r") == "a\\tb\\nc\\r"
    assert strip_controls("a\x1b[5mb\r\nc\rd\te\u2066") == "a[5mb\nc\nd e"
    assert RAW.search(safe(text)) is None


def test_validate_reports_each_control_character_where_it_is(tmp_path: Path) -> None:
    path = tmp_path / "evil.yaml"
    path.write_text(EVIL, encoding="utf-8")
    result = run_cli("validate", str(path))
    assert result.returncode == 1
    assert RAW.search(result.stdout + result.stderr) is None
    lines = result.stderr.splitlines()
    expected = {
        f"{path}:2:1: title: holds the control character \\x1b",
        f"{path}:7:5: items.0.prompt: holds the control character \\x1b",  # OSC 52
        f"{path}:8:15: items.0.choices.0: holds the control character \\x1b",  # blink
        f"{path}:12:5: items.1.prompt: holds the control character \\x1b",  # OSC 8
        f"{path}:14:14: items.1.accept.0: holds the control character \\u202e",
        f"{path}:17:5: items.2.prompt: holds the control character \\u2066",
        f"{path}:18:5: items.2.text: holds the control character \\x9b",
    }
    for start in expected:
        assert any(line.startswith(start) for line in lines), (start, lines)


def test_a_file_name_and_problem_with_controls_print_as_one_safe_line(tmp_path: Path) -> None:
    path = tmp_path / "bad\x1b]0;x\x07\nname.yaml"
    path.write_text("id: x\n", encoding="utf-8")
    result = run_cli("validate", str(path))
    assert result.returncode == 1
    assert RAW.search(result.stderr) is None
    assert "bad\\x1b]0;x\\x07\\nname.yaml:" in result.stderr
    missing = run_cli("quiz", "no\x1b[2Jsuch")
    assert missing.returncode == 1
    assert "no\\x1b[2Jsuch: no such file" in missing.stderr


def test_import_headers_and_exports_to_stdout_are_escaped(tmp_path: Path) -> None:
    source = tmp_path / "deck\x1b]52;c;eA==\x07.csv"
    source.write_text("term\x1b[5m,definition\x9b1m\nother,thing\u202e\n", encoding="utf-8")
    result = run_cli("import", "csv", str(source))
    assert result.returncode == 0, result.stderr
    assert RAW.search(result.stdout + result.stderr) is None
    assert "deck\\x1b]52;c;eA==\\x07.csv" in result.stdout  # the header names the file


def test_packs_written_by_importers_hold_no_control_character() -> None:
    gift = parse_gift("::q\x1b:: Say \x1b]8;;x\x07hi {=yes\x9b ~no\u202e}\n", "g", pack_id="g")
    terms = parse_terms("a\x1b[2J,b\x07\n", "t", pack_id="t")
    for pack in (gift, terms):
        assert RAW.search(dump_pack(pack, "header")) is None


async def test_the_quiz_never_sends_raw_controls_from_pack_text() -> None:
    pack = evil_pack()
    app = KzlearnApp([pack], options=QuizOptions(seed=1, lang="en"), rtl="app")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        seen = [screen_text(app)]
        await pilot.press("enter")  # the deck picker: all decks, then the setup screen
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert app.session is not None
        while app.session.current is not None:
            seen.append(screen_text(app))
            await pilot.press("escape")  # skip: the feedback shows the expected answer
            await pilot.pause()
            await pilot.pause()
            seen.append(screen_text(app))
            await pilot.press("enter")
            await pilot.pause()
        seen.append(screen_text(app))
        segments = [
            segment.text for strip in app.screen._compositor.render_strips() for segment in strip
        ]
    shown = "\n".join(seen)
    assert RAW.search(shown) is None
    assert RAW.search("".join(segments)) is None
    for escaped in ("\\x1b]0;PWNED\\x07", "\\x1b]52;c;aGVsbG8=", "\\x1b]8;;http", "\\x9b31m"):
        assert escaped in shown, escaped


def test_a_crash_in_the_app_exits_non_zero_with_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    def broken(self: KzlearnApp) -> None:
        raise ValueError("the grader fell over")

    monkeypatch.setattr(KzlearnApp, "on_mount", broken)
    monkeypatch.setattr(KzlearnApp, "run", partialmethod(App.run, headless=True))
    monkeypatch.delenv("KZLEARN_DEBUG", raising=False)
    code = cli.main(["quiz", "kz-independence", "--db", str(tmp_path / "p.sqlite3")])
    err = capsys.readouterr().err
    assert code == cli.INTERNAL_ERROR != 0
    assert err.splitlines() == [
        "kzlearn: internal error, please report it: ValueError: the grader fell over"
    ]


def test_extract_writes_a_draft_without_the_article_controls(tmp_path: Path) -> None:
    article = tmp_path / "art\nid: injected.txt"
    article.write_text(
        "في 16 دجنبر 1991 \x1b]52;c;eA==\x07 استقلت كازاخستان \u202e.\n", encoding="utf-8"
    )
    result = run_cli("extract", str(article))
    assert result.returncode == 0, result.stderr
    assert RAW.search(result.stdout) is None
    assert "\nid: injected" not in result.stdout  # the file name stays inside its comment
    out = tmp_path / "draft.yaml"
    out.write_text(result.stdout, encoding="utf-8")
    assert run_cli("validate", str(out)).returncode == 0


DRIVEN = """
import sys
from kzlearn.models.validation import validate_pack
from kzlearn.quiz.session import QuizOptions
from kzlearn.tui.app import KzlearnApp
from kzlearn.tui.screens import PickerScreen, QuizScreen, SummaryScreen
from kzlearn.yamlread import read_yaml

pack = validate_pack(read_yaml(open(sys.argv[1]).read()).data, [])


class Driven(KzlearnApp):
    def on_mount(self):
        super().on_mount()
        self.set_interval(0.25, self.step)

    async def step(self):
        screen = self.screen
        if isinstance(screen, PickerScreen):
            self.start_quiz(self.packs, self.options)
        elif isinstance(screen, SummaryScreen):
            self.exit()
        elif isinstance(screen, QuizScreen):
            if screen.answered is None:
                await screen.action_skip()
            else:
                await screen.action_next()


Driven([pack], options=QuizOptions(seed=1, lang="en"), rtl="app").run()
"""


def test_the_bytes_the_quiz_writes_to_a_real_terminal_hold_no_pack_escape(
    tmp_path: Path,
) -> None:
    import fcntl
    import os
    import pty
    import select
    import struct
    import subprocess
    import sys
    import termios
    import time

    pack = tmp_path / "evil.yaml"
    pack.write_text(EVIL, encoding="utf-8")
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "KZLEARN_RTL": "app"}
    child = subprocess.Popen(
        [sys.executable, "-c", DRIVEN, str(pack)],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        cwd=Path(__file__).resolve().parent.parent,
    )
    os.close(slave)
    written = bytearray()
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            written += chunk
        elif child.poll() is not None:
            break
    child.kill()
    child.wait()
    os.close(master)
    text = written.decode("utf-8", "replace")
    assert "Traceback" not in text
    assert "Score" in text  # the quiz and its summary were drawn
    for raw in ("\x1b]52;", "\x1b]0;PWNED", "\x1b]8;;http://evil", "\x1b[5m", "\x9b", "\u202e"):
        assert raw not in text, repr(raw)
    for shown in ("\\x1b]52;c;aGVsbG8=", "\\x1b]0;PWNED\\x07", "\\x9b31m"):
        assert shown in text, shown


def test_a_flashcards_control_character_is_located_as_the_file_writes_it(
    tmp_path: Path,
) -> None:
    path = tmp_path / "card.yaml"
    path.write_text(
        "id: c\ntitle: t\nlanguage: en\nitems:\n  - id: c1\n    type: flashcard\n"
        '    front: "Astana"\n    back: "the capital"\n    notes: "moved \\e[5m in 1997"\n',
        encoding="utf-8",
    )
    result = run_cli("validate", str(path))
    assert result.returncode == 1
    assert result.stderr.startswith(
        f"{path}:9:5: items.0.notes: holds the control character \\x1b"
    ), result.stderr
