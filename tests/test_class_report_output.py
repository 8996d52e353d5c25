"""``kzlearn class report`` writes: a terminal table, JSON, two CSV tables and one
self-contained HTML page; it never replaces a file of another kind, and a missing
database or a password-holding URL gives one line."""

from __future__ import annotations

import csv
import json
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import pytest

from kzlearn.cli import main
from kzlearn.cli.classroom import csv_paths
from kzlearn.store.base import Learner
from tests.classroom import AMINA, PACK, answer_all, classroom, report_json
from tests.conftest import run_cli
from tests.stores import Backend

__all__ = ["classroom"]  # the fixture this module uses


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
