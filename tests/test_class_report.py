"""``kzlearn class report`` on a real store (SQLite and PostgreSQL): the numbers a
synthetic class makes are those worked out here, and the store is never written."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from fsrs import Card, State

from kzlearn.cli import main
from kzlearn.store.base import Learner
from tests.classroom import (
    AMINA,
    CLASS,
    ITEMS,
    SCORES,
    STEP,
    classroom,
    moodle_discrimination,
    report_json,
)
from tests.stores import Backend

__all__ = ["classroom"]  # the fixture this module uses


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
    backend, pack, _ = classroom
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


def test_answers_to_packs_left_out_are_counted(classroom: tuple[Backend, Path, float]) -> None:
    backend, pack, _ = classroom
    everything = report_json(backend, pack)
    out = pack.parent / "bundled.json"
    assert main(["class", "report", "--db", backend.location(), "--json", str(out)]) == 0
    bundled = json.loads(out.read_text(encoding="utf-8"))
    assert bundled["students"] == []
    assert bundled["items"] == []
    assert bundled["answers_to_other_packs"] == {
        "class-test": sum(s["answers"] for s in everything["students"])
    }
    assert everything["answers_to_other_packs"] == {}
