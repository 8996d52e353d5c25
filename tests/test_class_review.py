"""What a teacher saw on a first class report: every item flagged after one student's
answer, no word on who needs help, a class code typed in another case (or mistyped) giving
an empty report with no hint, Arabic prompts set left to right in the HTML page."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from kzlearn.cli import main
from kzlearn.report.build import FLAG_MIN_STUDENTS
from kzlearn.report.text import HELP_BELOW
from kzlearn.store.base import Learner
from tests.classroom import AMINA, PACK, answer_all, report_json
from tests.conftest import Write
from tests.stores import Backend

WRONG = (1, 1, False, "Tokayev")  # every answer wrong: facility 0, a distractor above


def test_an_item_is_flagged_only_once_enough_students_answered(
    backend: Backend, tmp_path: Path, write: Write
) -> None:
    pack = write("class-test.yaml", PACK)
    for n in range(FLAG_MIN_STUDENTS):
        answer_all(backend, pack, Learner("6B", f"S{n}"), WRONG)
        items = report_json(backend, pack, "--class", "6B")["items"]
        assert all(i["students"] == n + 1 for i in items)
        if n + 1 < FLAG_MIN_STUDENTS:
            assert [i["flags"] for i in items] == [[] for _ in items]
    assert "hard" in items[0]["flags"]
    assert "distractor-above-answer" in items[0]["flags"]


def test_the_students_who_need_help_are_named_lowest_first(
    backend: Backend, tmp_path: Path, write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = write("class-test.yaml", PACK)
    answer_all(backend, pack, Learner("6B", "Strong"), (0, 0, True, "Nazarbayev"))
    answer_all(backend, pack, Learner("6B", AMINA), (0, 1, False, "Tokayev"))  # 25%
    answer_all(backend, pack, Learner("6B", "Weak"), WRONG)  # 0%
    scores = {s["student"]: s["score"] for s in report_json(backend, pack)["students"]}
    low = sorted((s for s in scores if scores[s] < HELP_BELOW), key=scores.__getitem__)
    assert low == ["Weak", AMINA]
    assert main(["class", "report", str(pack), "--db", backend.location()]) == 0
    table = capsys.readouterr().out
    part = table.split("Needs help")[1].split("\n\n")[0].splitlines()[1:]
    assert [line.split()[1] for line in part] == low  # "25%  name (class)"
    page = tmp_path / "r.html"
    assert (
        main(["class", "report", str(pack), "--db", backend.location(), "--html", str(page)]) == 0
    )
    help_part = page.read_text(encoding="utf-8").split("Needs help")[1].split("</section>")[0]
    assert help_part.index("Weak") < help_part.index(AMINA)
    assert "Strong" not in help_part


def test_the_class_is_found_in_any_case_and_a_wrong_one_is_said(
    backend: Backend, tmp_path: Path, write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = write("class-test.yaml", PACK)
    answer_all(backend, pack, Learner("6B", "Dana"), WRONG)
    answer_all(backend, pack, Learner("7A", "Dana"), (0, 0, True, "Nazarbayev"))
    data = report_json(backend, pack, "--class", "6b")  # students join with "6b" too
    assert data["class"] == "6B"
    assert [(s["class"], s["student"], s["score"]) for s in data["students"]] == [
        ("6B", "Dana", 0.0)
    ]
    capsys.readouterr()
    data = report_json(backend, pack, "--class", "9Z")
    assert data["students"] == []
    err = capsys.readouterr().err
    assert "no answers from class '9Z'; classes with answers: 6B, 7A" in err


class Blocks(HTMLParser):
    """The direction of the block (p or td) each piece of text sits in."""

    def __init__(self) -> None:
        super().__init__()
        self.dirs: list[str | None] = []
        self.texts: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("p", "td"):
            self.dirs.append(dict(attrs).get("dir"))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("p", "td"):
            self.dirs.pop()

    def handle_data(self, data: str) -> None:
        if data.strip() and self.dirs:
            self.texts.append((data.strip(), self.dirs[-1]))


def test_arabic_prompts_and_choices_are_right_to_left_blocks_in_html(
    backend: Backend, tmp_path: Path, write: Write
) -> None:
    arabic = (
        PACK.replace("language: en", "language: ar")
        .replace("Which is the capital of Kazakhstan?", "ما عاصمة كازاخستان؟")
        .replace("[Astana, Almaty, Shymkent]", "[أستانا, ألماتي, شيمكنت]")
        .replace("answer: Astana", "answer: أستانا")
    )
    pack = write("class-test.yaml", arabic)
    answer_all(backend, pack, Learner("6B", "Dana"), (0, 1, True, "Nazarbayev"))
    page = tmp_path / "r.html"
    assert (
        main(["class", "report", str(pack), "--db", backend.location(), "--html", str(page)]) == 0
    )
    blocks = Blocks()
    blocks.feed(page.read_text(encoding="utf-8"))
    for text in ("ما عاصمة كازاخستان؟", "أستانا", "ألماتي"):
        # the block itself: a dir=auto span inside a left-to-right block is set at the left
        assert (text, "auto") in blocks.texts
    assert ("1 student, facility 100%, discrimination -", None) in blocks.texts
