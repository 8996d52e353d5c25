"""The pack cache: a warm start gives the same packs and items; anything odd is a miss."""

from __future__ import annotations

from pathlib import Path

import pytest

from kzlearn import PackError
from kzlearn.cache import load_pack_and_items
from kzlearn.packs import load_pack
from kzlearn.questions.generate import all_items
from kzlearn.quiz.session import QuizOptions, QuizSession
from tests.conftest import DECKS

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
    assert [i.model_dump() for i in warm[1]] == [i.model_dump() for i in all_items(fresh)]


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
