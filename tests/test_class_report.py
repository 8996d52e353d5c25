"""``kzlearn class report`` on a real store: a synthetic class answers through the quiz
session and the reviewer, and the report's numbers are those worked out here; it writes
JSON, CSV and HTML, and never writes the database."""

from __future__ import annotations

import csv
import json
import math
import time
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import pytest
from fsrs import Card, Scheduler, State

from kzlearn.cli import main
from kzlearn.cli.classroom import csv_paths
from kzlearn.quiz.session import AnswerRecord, QuizOptions, QuizSession
from kzlearn.review.srs import Reviewer
from kzlearn.store.base import Learner
from tests.conftest import run_cli
from tests.stores import Backend

PACK = """\
id: class-test
title: Class test
language: en
version: 1
items:
  - id: easy
    type: mcq
    prompt: Which is the capital of Kazakhstan?
    choices: [Astana, Almaty, Shymkent]
    answer: Astana
  - id: trap
    type: mcq
    prompt: In which year did Kazakhstan become independent?
    choices: ["1991", "1990", "1995", "1989"]
    answer: "1991"
  - id: misleading
    type: true_false
    prompt: Kazakhstan is the largest landlocked country.
    answer: true
  - id: typed
    type: short
    prompt: Name the first president.
    answer: Nazarbayev
"""
RETIRED = """\
  - id: retired
    type: true_false
    prompt: Almaty is the capital.
    answer: false
"""
ITEMS = ("easy", "trap", "misleading", "typed", "retired")
AMINA = "أمينة"
# student -> each item's response and the score it must get; every student of 5B answers
# every item. "easy" everyone gets right; "1990" is chosen more than the answer to
# "trap"; the strong students (who do best elsewhere) get "misleading" wrong.
CLASS = {
    AMINA: (0, 0, False, "Nazarbayev", False),
    "Baurzhan": (0, 1, False, "nazarbayev", False),
    "Chloe": (0, 1, True, "Tokayev", True),
    "Dana": (0, 1, True, "Nazarbayev", False),
    "Erlan": (0, 2, True, "Tokayev", True),
    "Farid": (0, "", True, "I do not know", True),
}
SCORES = {
    AMINA: (1, 1, 0, 1, 1),
    "Baurzhan": (1, 0, 0, 1, 1),
    "Chloe": (1, 0, 1, 0, 0),
    "Dana": (1, 0, 1, 1, 1),
    "Erlan": (1, 0, 1, 0, 0),
    "Farid": (1, 0, 1, 0, 0),
}
STEP = 7.0  # seconds on each quiz answer
DAY = 86400.0


class Clock:
    """A clock that moves only when told."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def textbook_r(xs: list[float], ys: list[float]) -> float:
    """Pearson's r by the one-pass computational formula."""
    n = len(xs)
    sx, sy = sum(xs), sum(ys)
    sxy = sum(x * y for x, y in zip(xs, ys, strict=True))
    sxx, syy = sum(x * x for x in xs), sum(y * y for y in ys)
    return (n * sxy - sx * sy) / math.sqrt((n * sxx - sx**2) * (n * syy - sy**2))


def moodle_discrimination(item: int) -> float | None:
    """Each student's item score against the sum of their other scores (every student
    answered every item, so Moodle's sum and the report's mean agree)."""
    own = [float(s[item]) for s in SCORES.values()]
    rest = [float(sum(s) - s[item]) for s in SCORES.values()]
    if len(set(own)) < 2:
        return None
    return textbook_r(own, rest)


def answer_all(backend: Backend, pack_path: Path, learner: Learner, responses: tuple) -> None:  # type: ignore[type-arg]
    from kzlearn.packs import load_pack

    pack = load_pack(pack_path)
    clock = Clock()
    with backend.open(learner=learner) as store:
        reviewer = Reviewer(store)

        def record(a: AnswerRecord) -> None:
            reviewer.record(a.key, a.outcome, answer=a.response, duration=a.seconds, source="quiz")

        session = QuizSession(
            [pack],
            QuizOptions(seed=1),
            keys=[f"{pack.id}/{i}" for i in ITEMS],
            clock=clock,
            on_answer=record,
        )
        for response in responses:
            clock.now += STEP
            session.answer(response)


@pytest.fixture
def classroom(backend: Backend, tmp_path: Path) -> tuple[Backend, Path, float]:
    """The class answered (the pack then lost its item "retired"); returns the backend,
    the pack file and the time the reviews were made up to."""
    pack = tmp_path / "class-test.yaml"
    pack.write_text(PACK + RETIRED, encoding="utf-8")
    for student, responses in CLASS.items():
        answer_all(backend, pack, Learner("5B", student), responses)
    pack.write_text(PACK, encoding="utf-8")
    # Amina reviews "easy" until it is mastered; Baurzhan answers "trap" right later on;
    # a student of another class gets "easy" wrong.
    now = datetime.now(UTC)
    with backend.open(learner=Learner("5B", AMINA)) as store:
        reviewer = Reviewer(store, Scheduler(enable_fuzzing=False))
        for days in (5, 15, 40, 90):
            reviewer.record(
                "class-test/easy", "correct", answer=0, duration=3.0, now=now + timedelta(days)
            )
    with backend.open(learner=Learner("5B", "Baurzhan")) as store:
        Reviewer(store).record(
            "class-test/trap", "correct", answer=0, duration=2.0, now=now + timedelta(1)
        )
        Reviewer(store).record("class-test/typed", "wrong", answer="x", duration=1.0)
    with backend.open(learner=Learner("6A", "Zhanar")) as store:
        Reviewer(store).record("class-test/easy", "wrong", answer=1, source="quiz")
    return backend, pack, (now + timedelta(90)).timestamp()


def report_json(backend: Backend, pack: Path, *extra: str) -> dict:  # type: ignore[type-arg]
    out = pack.parent / f"report{len(extra)}.json"
    code = main(
        ["class", "report", str(pack), "--db", backend.location(), "--json", str(out), *extra]
    )
    assert code == 0
    return json.loads(out.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_item_statistics_are_moodles(classroom: tuple[Backend, Path, float]) -> None:
    backend, pack, _ = classroom
    data = report_json(backend, pack, "--class", "5B")
    items = {i["item"]: i for i in data["items"]}
    assert list(items) == list(ITEMS)  # pack order; the retired item last
    for index, name in enumerate(ITEMS):
        scores = [s[index] for s in SCORES.values()]
        assert items[name]["students"] == len(CLASS)
        assert items[name]["facility"] == pytest.approx(sum(scores) / len(scores))
        expected = moodle_discrimination(index)
        if expected is None:
            assert items[name]["discrimination"] is None
        else:
            assert items[name]["discrimination"] == pytest.approx(expected)
    assert items["easy"]["flags"] == ["easy"]
    assert "distractor-above-answer" in items["trap"]["flags"]
    assert items["misleading"]["flags"] == ["negative-discrimination"]
    assert items["misleading"]["discrimination"] < 0
    assert items["retired"]["in_pack"] is False
    assert items["retired"]["students"] == len(CLASS)


def test_choices_are_counted_from_first_answers(classroom: tuple[Backend, Path, float]) -> None:
    backend, pack, _ = classroom
    items = {i["item"]: i for i in report_json(backend, pack, "--class", "5B")["items"]}
    trap = [(c["label"], c["count"], c["kind"]) for c in items["trap"]["choices"]]
    firsts = [r[1] for r in CLASS.values()]
    assert trap == [
        ("1991", firsts.count(0), "answer"),
        ("1990", firsts.count(1), "distractor"),
        ("1995", firsts.count(2), "distractor"),
        ("1989", firsts.count(3), "distractor"),
        ("(no answer)", firsts.count(""), "skipped"),
    ]
    typed = {c["label"]: (c["count"], c["kind"]) for c in items["typed"]["choices"]}
    assert typed["Tokayev"] == (2, "distractor")
    assert sum(n for n, kind in typed.values() if kind == "answer") == 3


def test_students(classroom: tuple[Backend, Path, float]) -> None:
    backend, pack, reviewed_until = classroom
    data = report_json(backend, pack, "--class", "5B")
    students = {s["student"]: s for s in data["students"]}
    assert set(students) == set(CLASS)
    for name, scores in SCORES.items():
        assert students[name]["answered"] == len(ITEMS)
        assert students[name]["score"] == pytest.approx(sum(scores) / len(scores))
    amina, baurzhan = students[AMINA], students["Baurzhan"]
    assert amina["answers"] == len(ITEMS) + 4
    assert amina["seconds"] == pytest.approx(len(ITEMS) * STEP + 4 * 3.0)
    assert baurzhan["answers"] == len(ITEMS) + 2
    assert baurzhan["seconds"] == pytest.approx(len(ITEMS) * STEP + 2.0 + 1.0)
    # Mastered and due, read from the cards here with fsrs itself.
    with backend.open(learner=Learner("5B", AMINA)) as store:
        card = Card.from_json(store.card("class-test/easy").card)  # type: ignore[union-attr]
    assert card.state == State.Review
    assert (card.stability or 0) >= 21
    assert amina["mastered"] == 1
    assert card.due.timestamp() > time.time()
    assert amina["due"] == 0
    with backend.open(learner=Learner("5B", "Baurzhan")) as store:
        cards = [Card.from_json(store.card(f"class-test/{k}").card) for k in ("trap", "typed")]  # type: ignore[union-attr]
    assert baurzhan["mastered"] == 0
    assert baurzhan["due"] == sum(1 for c in cards if c.due.timestamp() <= time.time())
    assert reviewed_until > time.time()


def test_every_class_without_class(classroom: tuple[Backend, Path, float]) -> None:
    backend, pack, _ = classroom
    data = report_json(backend, pack)
    assert {(s["class"], s["student"]) for s in data["students"]} == {("5B", s) for s in CLASS} | {
        ("6A", "Zhanar")
    }
    easy = next(i for i in data["items"] if i["item"] == "easy")
    assert easy["facility"] == pytest.approx(len(CLASS) / (len(CLASS) + 1))
    assert data["class"] is None


def test_the_report_never_writes_the_store(classroom: tuple[Backend, Path, float]) -> None:
    backend, pack, _ = classroom
    before = backend.snapshot("progress")
    for output in ([], ["--html", str(pack.parent / "r.html")], ["--class", "5B"]):
        assert main(["class", "report", str(pack), "--db", backend.location(), *output]) == 0
    assert backend.snapshot("progress") == before


def test_csv_tables(classroom: tuple[Backend, Path, float]) -> None:
    backend, pack, _ = classroom
    target = pack.parent / "week.csv"
    code = main(["class", "report", str(pack), "--db", backend.location(), "--csv", str(target)])
    assert code == 0
    students_path, items_path = csv_paths(str(target))
    assert (students_path.name, items_path.name) == ("week-students.csv", "week-items.csv")
    data = report_json(backend, pack)
    with students_path.open(encoding="utf-8", newline="") as handle:
        students = list(csv.DictReader(handle))
    with items_path.open(encoding="utf-8", newline="") as handle:
        items = list(csv.DictReader(handle))
    assert [(s["class"], s["student"], int(s["answers"])) for s in students] == [
        (s["class"], s["student"], s["answers"]) for s in data["students"]
    ]
    assert [i["key"] for i in items] == [i["key"] for i in data["items"]]
    for row, item in zip(items, data["items"], strict=True):
        assert float(row["facility"]) == pytest.approx(item["facility"], abs=1e-4)
        assert row["flags"].split() == item["flags"]
    trap = next(r for r in items if r["key"] == "class-test/trap")
    assert trap["choices"].startswith("*1991=1 | 1990=3")


class Page(HTMLParser):
    """Checks that every element closes in order, and collects what a page links to."""

    VOID: ClassVar[set[str]] = {"meta", "br", "img", "input", "link", "hr", "rect"}

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.urls: list[str] = []
        self.rtl_texts: list[tuple[str, str]] = []
        self._dir: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.urls += [v for k, v in attrs if k in ("src", "href") and v and not v.startswith("#")]
        if tag not in self.VOID:
            self.open.append(tag)
            self._dir.append(found.get("dir"))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.urls += [v for k, v in attrs if k in ("src", "href") and v and not v.startswith("#")]

    def handle_endtag(self, tag: str) -> None:
        assert self.open[-1:] == [tag], f"</{tag}> closes {self.open[-1:]}"
        self.open.pop()
        self._dir.pop()

    def handle_data(self, data: str) -> None:
        if any("\u0600" <= c <= "\u06ff" for c in data):
            self.rtl_texts.append((data, self._dir[-1] or ""))


def test_html_page_is_whole_and_offline(classroom: tuple[Backend, Path, float]) -> None:
    backend, pack, _ = classroom
    target = pack.parent / "report.html"
    assert (
        main(["class", "report", str(pack), "--db", backend.location(), "--html", str(target)])
        == 0
    )
    text = target.read_text(encoding="utf-8")
    page = Page()
    page.feed(text)
    page.close()
    assert page.open == []
    assert page.urls == []
    assert "http" not in text.replace("http-equiv", "")
    assert text.count("<svg") == sum(
        len(i["choices"]) for i in report_json(backend, pack)["items"]
    )
    assert (AMINA, "auto") in page.rtl_texts  # Arabic sits in a dir=auto element
    assert 'dir="ltr"' in text.split("<body>")[0]


def test_stored_text_is_escaped_in_html(backend: Backend, tmp_path: Path) -> None:
    pack = tmp_path / "class-test.yaml"
    pack.write_text(PACK, encoding="utf-8")
    answer_all(backend, pack, Learner("5B", "<b>Eve</b>"), (0, 0, True, "<script>x</script>"))
    target = tmp_path / "r.html"
    assert (
        main(["class", "report", str(pack), "--db", backend.location(), "--html", str(target)])
        == 0
    )
    text = target.read_text(encoding="utf-8")
    assert "<script>" not in text
    assert "<b>Eve" not in text
    assert "&lt;script&gt;x&lt;/script&gt;" in text
    assert "&lt;b&gt;Eve&lt;/b&gt;" in text


def test_a_missing_database_is_one_line(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "progress.sqlite3"
    result = run_cli("class", "report", "--db", str(missing))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert "no progress database" in result.stderr
    assert not missing.parent.exists()


def test_a_password_is_never_printed(tmp_path: Path) -> None:
    secret = "s3cr3t-pw"
    result = run_cli("class", "report", "--db", f"postgresql://teacher:{secret}@127.0.0.1:1/kz")
    assert result.returncode == 1
    assert secret not in result.stderr + result.stdout
    assert result.stderr.count("\n") == 1


def test_another_kind_of_file_is_not_replaced(classroom: tuple[Backend, Path, float]) -> None:
    backend, pack, _ = classroom
    notes = pack.parent / "notes-items.csv"
    notes.write_text("my notes\n", encoding="utf-8")
    code = main(
        [
            "class",
            "report",
            str(pack),
            "--db",
            backend.location(),
            "--csv",
            str(pack.parent / "notes.csv"),
        ]
    )
    assert code == 1
    assert notes.read_text(encoding="utf-8") == "my notes\n"
    assert not (pack.parent / "notes-students.csv").exists()  # neither table written


def test_terminal_table_and_json_on_stdout(
    classroom: tuple[Backend, Path, float], capsys: pytest.CaptureFixture[str]
) -> None:
    backend, pack, _ = classroom
    args = ["class", "report", str(pack), "--db", backend.location(), "--class", "5B"]
    assert main(args) == 0
    table = capsys.readouterr().out
    data = report_json(backend, pack, "--class", "5B")
    for student in data["students"]:
        line = next(ln for ln in table.splitlines() if ln.endswith(f" {student['student']}"))
        assert line.split()[:2] == [str(student["answered"]), str(student["answers"])]
    to_check = table.split("Items to check")[1]
    flagged = [i["key"] for i in data["items"] if i["flags"] or not i["in_pack"]]
    assert [ln.split(":")[0] for ln in to_check.splitlines() if ln.startswith("class-test/")] == (
        flagged
    )
    capsys.readouterr()
    assert main([*args, "--json", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["items"] == data["items"]
