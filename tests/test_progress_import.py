"""A poisoned progress export (issue 14) is refused whole, located, and changes nothing."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from fsrs import Scheduler
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kzlearn.errors import StoreError
from kzlearn.review.srs import Reviewer, export_progress, import_progress, pack_stats, revlog_csv
from tests.conftest import run_cli
from tests.stores import Backend

DAY0 = datetime(2026, 5, 4, 9, tzinfo=UTC)


@pytest.fixture
def exported(tmp_path: Path, backend: Backend) -> dict[str, Any]:
    with backend.open("source") as store:
        reviewer = Reviewer(store, Scheduler(enable_fuzzing=False))
        reviewer.record("p/one", "correct", now=DAY0, answer={"typed": "x"})
        reviewer.record("p/one", "wrong", source="quiz", now=DAY0)
        reviewer.record("p/two", "nearly", now=DAY0)
        export_progress(store, str(tmp_path / "good.json"))
    data: dict[str, Any] = json.loads((tmp_path / "good.json").read_text(encoding="utf-8"))
    return data


def poison(data: dict[str, Any], where: str, field: str, value: Any) -> dict[str, Any]:
    data = json.loads(json.dumps(data))
    data[where][0][field] = value
    return data


CASES = [
    ("reviews", "at", "yesterday", "reviews.0.at"),
    ("reviews", "at", 1e308, "not a time between 2000 and now"),
    ("reviews", "at", -1e12, "not a time between 2000 and now"),
    ("reviews", "at", 4102444800, "not a time between 2000 and now"),  # 2100
    ("reviews", "card_after", "garbage", "not a card"),
    ("reviews", "card_after", '{"card_id": 1}', "not a card"),
    ("reviews", "rating", 99, "reviews.0.rating"),
    ("reviews", "rating", True, "reviews.0.rating"),
    ("reviews", "source", "hacker", "reviews.0.source"),
    ("reviews", "outcome", "maybe", "reviews.0.outcome"),
    ("reviews", "duration", -1, "reviews.0.duration"),
    ("reviews", "answer", "{not json", "not JSON text"),
    ("reviews", "key", "p/one\n", "reviews.0.key"),
    ("reviews", "surprise", 1, "reviews.0.surprise"),
    ("cards", "active", "no", "cards.0.active"),
    ("cards", "key", "other/one", "is not in the pack"),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[1]}={c[2]!r}")
def test_a_poisoned_export_is_refused_whole_and_the_store_keeps_what_it_had(
    tmp_path: Path, backend: Backend, exported: dict[str, Any], case: tuple[str, str, Any, str]
) -> None:
    where, field, value, expected = case
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(poison(exported, where, field, value), indent=1), encoding="utf-8")
    with backend.open("mine") as store:
        Reviewer(store).record("p/mine", "correct", now=DAY0)
        before = store.dump()
        with pytest.raises(StoreError) as caught:
            import_progress(store, str(bad))
        assert store.dump() == before
        revlog_csv(store)  # what is stored still reads
    message = str(caught.value)
    assert expected in message
    assert message.startswith(f"{bad}:")
    assert message.endswith("nothing was imported")


def test_a_problem_is_located_at_its_line_and_column(
    tmp_path: Path, backend: Backend, exported: dict[str, Any]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(poison(exported, "reviews", "rating", 99), indent=1), encoding="utf-8"
    )
    lines = bad.read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if '"rating": 99' in text)
    column = lines[line - 1].index('"rating"') + 1
    with backend.open("mine") as store, pytest.raises(StoreError) as caught:
        import_progress(store, str(bad))
    assert (
        str(caught.value).splitlines()[0].startswith(f"{bad}:{line}:{column}: reviews.0.rating:")
    )


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_refused(
    tmp_path: Path, backend: Backend, exported: dict[str, Any], constant: str
) -> None:
    text = json.dumps(
        poison(exported, "cards", "card", {**exported["cards"][0]["card"], "stability": 1.5})
    )
    bad = tmp_path / "bad.json"
    bad.write_text(text.replace("1.5", constant), encoding="utf-8")
    with backend.open("mine") as store, pytest.raises(StoreError, match=constant):
        import_progress(store, str(bad))


def test_a_json_syntax_error_is_located(tmp_path: Path, backend: Backend) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "kzlearn-progress",\n "cards": [,]}', encoding="utf-8")
    with (
        backend.open("mine") as store,
        pytest.raises(StoreError, match=rf"^{bad}:2:12: "),
    ):
        import_progress(store, str(bad))


def test_the_cli_refuses_poison_and_stats_keeps_working(
    tmp_path: Path, backend: Backend, exported: dict[str, Any]
) -> None:
    db = backend.location("mine")
    bad = tmp_path / "bad.json"
    for where, field, value, _ in CASES[:3]:
        bad.write_text(json.dumps(poison(exported, where, field, value)), encoding="utf-8")
        result = run_cli("progress", "import", str(bad), "--db", db)
        assert result.returncode == 1
        assert "Traceback" not in result.stderr
    stats = run_cli("stats", "--db", db)
    assert stats.returncode == 0, stats.stderr
    good = tmp_path / "good.json"
    imported = run_cli("progress", "import", str(good), "--db", db)
    assert imported.returncode == 0, imported.stderr
    assert "3 reviews added, 2 cards updated" in imported.stdout


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, inner in value.items():
            found += _paths(inner, (*path, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found += _paths(inner, (*path, index))
    return found


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_value_anywhere_in_an_export_is_imported_whole_or_refused_cleanly(
    tmp_path: Path, backend: Backend, exported: dict[str, Any], data: st.DataObject
) -> None:
    poisoned = json.loads(json.dumps(exported))
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from([p for p in _paths(poisoned) if p]))
        parent = poisoned
        for part in path[:-1]:
            parent = parent[part]
        parent[path[-1]] = data.draw(JSON_VALUES)
    bad = tmp_path / "fuzzed.json"
    bad.write_text(json.dumps(poisoned), encoding="utf-8")
    with backend.open(uuid.uuid4().hex) as store:
        refused = None
        try:
            import_progress(store, str(bad))
        except StoreError as error:
            refused = str(error)
        if refused is not None:
            assert store.dump()["reviews"] == []
            assert refused.startswith(f"{bad}")
            return
        # whatever was accepted can be shown, exported and logged
        revlog_csv(store)
        export_progress(store, str(tmp_path / "again.json"), force=True)
        for pack_id in {c.pack_id for c in store.cards()}:
            keys = [c.key for c in store.cards([pack_id])]
            pack_stats(store, SimpleNamespace(id=pack_id), keys)  # type: ignore[arg-type]


def test_an_answer_the_student_said_was_right_moves_with_the_rest(
    tmp_path: Path, backend: Backend
) -> None:
    from kzlearn.tui.reviewing import mark_overridden

    with backend.open("source") as store:
        reviewer = Reviewer(store)
        review_id = reviewer.record("p/one", "wrong", source="quiz", now=DAY0)
        assert mark_overridden(reviewer, review_id)
        assert not mark_overridden(reviewer, review_id)  # once only: it is no longer a quiz
        export_progress(store, str(tmp_path / "progress.json"))
    with backend.open("target") as store:
        assert import_progress(store, str(tmp_path / "progress.json")) == (1, 0)
        [review] = store.reviews()
        assert (review.source, review.outcome) == ("quiz-overridden", "correct")
