"""The pack cache: a warm start gives the same packs and items; anything odd is a miss."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from kzlearn import PackError
from kzlearn.cache import _entry, fill_in_background, load_pack_and_items
from kzlearn.packs import load_pack
from kzlearn.questions.generate import all_items
from kzlearn.quiz.session import QuizOptions, QuizSession
from tests.conftest import DECKS, run_cli

GOOD = DECKS[0].read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("KZLEARN_CACHE", str(folder))
    return folder


def test_a_warm_load_equals_a_fresh_one(tmp_path: Path, cache: Path) -> None:
    path = tmp_path / "pack.yaml"
    path.write_text(GOOD, encoding="utf-8")
    cold = load_pack_and_items(path)
    assert len(list(cache.iterdir())) == 1
    warm = load_pack_and_items(path)
    fresh = load_pack(path)
    assert cold == warm
    assert warm[0] == fresh
    assert warm[1] == all_items(fresh)


def test_an_edited_pack_is_read_again(tmp_path: Path, cache: Path) -> None:
    path = tmp_path / "pack.yaml"
    path.write_text(GOOD, encoding="utf-8")
    load_pack_and_items(path)
    path.write_text(GOOD.replace("version: 1", "version: 2"), encoding="utf-8")
    pack, _ = load_pack_and_items(path)
    assert pack.version == "2"
    assert len(list(cache.iterdir())) == 2


def test_a_broken_cache_entry_is_a_miss(tmp_path: Path, cache: Path) -> None:
    path = tmp_path / "pack.yaml"
    path.write_text(GOOD, encoding="utf-8")
    load_pack_and_items(path)
    entry = next(cache.iterdir())
    entry.write_bytes(b"not a pickle")
    pack, items = load_pack_and_items(path)
    assert pack == load_pack(path)
    assert items


def test_an_unwritable_cache_only_costs_speed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("KZLEARN_CACHE", str(blocker / "cache"))  # under a file: cannot exist
    path = tmp_path / "pack.yaml"
    path.write_text(GOOD, encoding="utf-8")
    pack, _ = load_pack_and_items(path)
    assert pack == load_pack(path)


def test_an_invalid_pack_is_an_error_and_never_cached(tmp_path: Path, cache: Path) -> None:
    path = tmp_path / "pack.yaml"
    path.write_text(GOOD.replace("language: ar", "language: 7"), encoding="utf-8")
    with pytest.raises(PackError):
        load_pack_and_items(path)
    assert not cache.exists() or not list(cache.iterdir())


def test_items_are_stable_and_each_quiz_shuffles_choices_itself() -> None:
    pack = load_pack(DECKS[0])
    key = "kz-independence/memorandum-signatories"
    shown = {
        tuple(QuizSession([pack], QuizOptions(seed=seed), keys=[key]).current.choices)  # type: ignore[union-attr]
        for seed in range(12)
    }
    assert len(shown) > 3  # the same item, shown in several orders
    for seed in range(3):
        session = QuizSession([pack], QuizOptions(seed=seed), keys=[key])
        question = session.current
        assert question is not None
        right = question.order.index(question.item.answer_index)  # type: ignore[union-attr]
        assert question.choices[right] == "الصين"
        assert session.answer(question.order[right]).verdict.correct


CHILD_FILLS = """
import os, sys
import kzlearn.questions.generate as generate
from kzlearn.cache import fill_in_background

log, paths = sys.argv[1], sys.argv[2:]
real = generate.all_items

def all_items(pack):
    print("a library's warning", file=sys.stderr)
    with open(log, "a") as handle:
        handle.write(f"{os.getpid()}\\n")
    return real(pack)

generate.all_items = all_items
wait = fill_in_background(paths)
if wait is not None:
    wait()
print(os.getpid())
"""


def _start(
    log: Path, paths: list[Path], cache: Path
) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    """A start that fills the cache for ``paths``: its result, and the processes that
    generated items (logged to ``log``)."""
    result = subprocess.run(
        [sys.executable, "-c", CHILD_FILLS, str(log), *map(str, paths)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "KZLEARN_CACHE": str(cache)},
    )
    return result, log.read_text(encoding="utf-8").split() if log.exists() else []


def test_a_child_fills_the_cache_while_the_start_goes_on(tmp_path: Path, cache: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text(GOOD, encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(GOOD.replace("language: ar", "language: 7"), encoding="utf-8")
    # Another process generated the items, once; only the valid pack is cached (the
    # loading that follows reports the other's problems).
    result, generated_by = _start(tmp_path / "generated-by", [good, bad], cache)
    assert len(generated_by) == 1
    assert generated_by != result.stdout.split()
    assert not result.stderr  # what the child prints never reaches the terminal
    assert [entry.name for entry in cache.iterdir()] == [_entry(GOOD).name]
    pack, items = load_pack_and_items(good)
    assert pack == load_pack(good)
    assert list(items) == list(all_items(pack))
    with pytest.raises(PackError):
        load_pack_and_items(bad)


def test_two_packs_are_generated_in_two_processes(tmp_path: Path, cache: Path) -> None:
    # Generating is most of a cold start's work: the child validates every pack, then
    # generates them with a helper process, so that two cores share it.
    paths = []
    for deck in DECKS[:2]:
        paths.append(tmp_path / deck.name)
        paths[-1].write_text(deck.read_text(encoding="utf-8"), encoding="utf-8")
    result, generated_by = _start(tmp_path / "generated-by", paths, cache)
    assert len(generated_by) == 2
    assert len(set(generated_by)) == 2  # two processes, one pack each
    assert result.stdout.split()[0] not in generated_by  # neither of them the start
    assert sorted(e.name for e in cache.iterdir()) == sorted(
        _entry(p.read_text(encoding="utf-8")).name for p in paths
    )  # both written before the start went on


def test_no_child_when_the_cache_cannot_be_written(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    path = tmp_path / "pack.yaml"
    path.write_text(GOOD, encoding="utf-8")
    _, generated_by = _start(tmp_path / "generated-by", [path], blocker / "cache")
    assert generated_by == []  # its work would be lost: the start does it itself


def test_no_child_from_a_process_with_threads(tmp_path: Path, cache: Path) -> None:
    path = tmp_path / "pack.yaml"
    path.write_text(GOOD, encoding="utf-8")
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert fill_in_background([path]) is None
    finally:
        stop.set()
        other.join()
    assert not cache.exists()
    wait = fill_in_background([path])  # the only thread again: a child fills it
    assert wait is not None
    wait()
    assert fill_in_background([path]) is None  # nothing left to fill
    assert [entry.name for entry in cache.iterdir()] == [_entry(GOOD).name]


def test_an_invalid_pack_is_still_one_line_before_the_app(tmp_path: Path, cache: Path) -> None:
    path = tmp_path / "pack.yaml"
    path.write_text(GOOD.replace("language: ar", "language: 7", 1), encoding="utf-8")
    db = tmp_path / "p.sqlite3"
    result = run_cli("quiz", str(path), "--db", str(db), env={"KZLEARN_CACHE": str(cache)})
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    line = GOOD.splitlines().index("language: ar") + 1
    assert lines[0].startswith(f"kzlearn: {path}:{line}:1: language: "), lines
    assert not cache.exists() or not list(cache.iterdir())
