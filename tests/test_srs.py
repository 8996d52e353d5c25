"""Scheduling with FSRS over the store: what is due, overrides, pack changes, statistics,
moving progress between machines."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fsrs import Card, Rating, Scheduler, State

from kzlearn import load_packs
from kzlearn.errors import StoreError
from kzlearn.models.validation import dump_pack_data, validate_pack
from kzlearn.questions.generate import all_items
from kzlearn.review.srs import (
    REVLOG_COLUMNS,
    Reviewer,
    card_id_for,
    export_progress,
    import_progress,
    pack_stats,
    revlog_csv,
)
from tests.conftest import DECKS
from tests.stores import Backend

PACK = load_packs(DECKS)[0]
KEYS = {PACK.id: [f"{PACK.id}/{i.id}" for i in all_items(PACK)]}
DAY0 = datetime(2026, 5, 4, 9, tzinfo=UTC)


@pytest.fixture
def reviewer(backend: Backend) -> Iterator[Reviewer]:
    with backend.open() as store:
        yield Reviewer(store, Scheduler(enable_fuzzing=False))


def test_a_verdict_maps_to_a_rating_and_1_to_4_override_it(reviewer: Reviewer) -> None:
    for outcome, rating in (("wrong", 1), ("nearly", 2), ("correct", 3)):
        review_id = reviewer.record(f"p/{outcome}", outcome, now=DAY0)  # type: ignore[arg-type]
        assert reviewer.store.review(review_id).rating == rating  # type: ignore[union-attr]
    review_id = reviewer.record("p/x", "wrong", now=DAY0)
    reviewer.amend(review_id, Rating.Easy)
    card = Card.from_json(reviewer.store.card("p/x").card)  # type: ignore[union-attr]
    expected, _ = Scheduler(enable_fuzzing=False).review_card(
        Card(card_id=card_id_for("p/x"), due=DAY0), Rating.Easy, DAY0, 0
    )
    assert card.due == expected.due
    assert reviewer.store.review(review_id).rating == 4  # type: ignore[union-attr]


def test_only_the_latest_review_can_be_amended(reviewer: Reviewer) -> None:
    first = reviewer.record("p/a", "correct", now=DAY0)
    reviewer.record("p/a", "correct", now=DAY0 + timedelta(days=2))
    with pytest.raises(StoreError, match="only the latest"):
        reviewer.amend(first, Rating.Again)


def test_coming_back_the_next_day_shows_exactly_what_fsrs_says_is_due(reviewer: Reviewer) -> None:
    queue = reviewer.queue(KEYS, now=DAY0, new_per_day=10)
    assert queue == KEYS[PACK.id][:10]  # nothing due yet: new items in pack order
    oracle = Scheduler(enable_fuzzing=False)
    cards: dict[str, Card] = {}
    for i, key in enumerate(queue):
        outcome = ("correct", "wrong", "nearly")[i % 3]
        reviewer.record(key, outcome, now=DAY0, duration=4)  # type: ignore[arg-type]
        card = Card(card_id=card_id_for(key), due=DAY0)
        cards[key], _ = oracle.review_card(
            card,
            {"correct": Rating.Good, "wrong": Rating.Again, "nearly": Rating.Hard}[outcome],
            DAY0,
            4000,
        )
    for later in (
        timedelta(seconds=30),
        timedelta(minutes=11),
        timedelta(days=1),
        timedelta(days=2),
        timedelta(days=5),
        timedelta(days=12),
    ):
        when = DAY0 + later
        expected_due = sorted((c.due, k) for k, c in cards.items() if c.due <= when)
        queue = reviewer.queue(KEYS, now=when, new_per_day=10)
        shown = queue[: len(expected_due)]
        assert sorted(shown) == sorted(k for _, k in expected_due)
        assert [cards[k].due for k in shown] == sorted(cards[k].due for k in shown)
        new_today = 0 if later < timedelta(hours=12) else 10  # today's ten are used up
        assert queue[len(expected_due) :] == KEYS[PACK.id][10 : 10 + new_today]


def test_an_edited_item_keeps_its_progress_and_a_removed_one_keeps_history(
    reviewer: Reviewer,
) -> None:
    key = f"{PACK.id}/president-name"
    reviewer.record(key, "correct", now=DAY0)
    data = dump_pack_data(PACK)
    for item in data["items"]:
        if item["id"] == "president-name":
            item["prompt"]["ar"] = "من كان أول رئيس؟"
    edited = validate_pack(data)
    keys = {edited.id: [f"{edited.id}/{i.id}" for i in all_items(edited)]}
    reviewer.sync([edited], keys)
    assert reviewer.store.card(key).active  # type: ignore[union-attr]
    later = DAY0 + timedelta(days=60)
    assert key in reviewer.queue(keys, now=later)

    data["items"] = [i for i in data["items"] if i["id"] != "president-name"]
    removed = validate_pack(data)
    keys = {removed.id: [f"{removed.id}/{i.id}" for i in all_items(removed)]}
    reviewer.sync([removed], keys)
    assert key not in reviewer.queue(keys, now=later)
    assert not reviewer.store.card(key).active  # type: ignore[union-attr]
    assert [r.key for r in reviewer.store.reviews()] == [key]  # history kept


def test_the_daily_limit_counts_items_introduced_today(reviewer: Reviewer) -> None:
    introduced = reviewer.queue(KEYS, now=DAY0, new_per_day=3)
    for key in introduced:
        reviewer.record(key, "correct", now=DAY0)
    # an hour later only their learning steps come back; no new item joins today
    later = reviewer.queue(KEYS, now=DAY0 + timedelta(hours=1), new_per_day=3)
    assert set(later) <= set(introduced)
    tomorrow = reviewer.queue(KEYS, now=DAY0 + timedelta(days=1, hours=1), new_per_day=3)
    assert KEYS[PACK.id][3:6] == [k for k in tomorrow if k in KEYS[PACK.id][3:6]]


def test_stats_agree_with_the_review_log(reviewer: Reviewer) -> None:
    keys = KEYS[PACK.id]
    for day in range(4):
        when = DAY0 + timedelta(days=day)
        for key in reviewer.queue(KEYS, now=when, new_per_day=5):
            reviewer.record(key, "wrong" if key.endswith("mcq") else "correct", now=when)
    reviewer.record(keys[-1], "correct", source="quiz", now=DAY0)
    now = DAY0 + timedelta(days=3, hours=2)
    stats = pack_stats(reviewer.store, PACK, keys, now=now)
    log = reviewer.store.reviews()
    reviewed = {r.key for r in log if r.source == "review"}
    assert stats.new == len(keys) - len(reviewed)
    states = {k: Card.from_json(reviewer.store.card(k).card).state for k in reviewed}  # type: ignore[union-attr]
    assert stats.review == sum(s == State.Review for s in states.values())
    assert stats.learning == len(reviewed) - stats.review
    graded = [r for r in log if r.source == "review" and r.state_before == int(State.Review)]
    if graded:
        remembered = sum((r.rating or 0) > 1 for r in graded)
        assert stats.retention_30d == pytest.approx(remembered / len(graded))
    assert stats.reviews_30d == sum(r.source == "review" for r in log)
    assert stats.streak_days == 4
    assert sum(stats.due_by_day) == len(reviewed)  # every card is due within two weeks
    assert stats.due_week == sum(stats.due_by_day[:7])


def test_progress_moves_to_another_machine_and_merges(
    reviewer: Reviewer, backend: Backend, tmp_path: Path
) -> None:
    for i, key in enumerate(KEYS[PACK.id][:8]):
        reviewer.record(key, "correct" if i % 2 else "wrong", now=DAY0, answer={"typed": "x"})
    exported = tmp_path / "progress.json"
    assert export_progress(reviewer.store, str(exported)) == 8
    other = backend.open("laptop")
    assert import_progress(other, str(exported)) == (8, 8)
    assert import_progress(other, str(exported)) == (0, 0)  # importing twice adds nothing
    mine = {(r.key, r.at, r.rating, r.answer) for r in reviewer.store.reviews()}
    theirs = {(r.key, r.at, r.rating, r.answer) for r in other.reviews()}
    assert mine == theirs
    assert {c.key: c.due for c in other.cards()} == {c.key: c.due for c in reviewer.store.cards()}
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "something else"}), encoding="utf-8")
    with pytest.raises(StoreError, match="not a kzlearn progress export"):
        import_progress(other, str(bad))
    other.close()


def test_the_review_log_as_csv_in_ankis_revlog_order(reviewer: Reviewer) -> None:
    key = KEYS[PACK.id][0]
    reviewer.record(key, "correct", now=DAY0, duration=3.5)
    reviewer.record(key, "correct", now=DAY0 + timedelta(days=3), duration=2)
    reviewer.record(key, "correct", source="quiz", now=DAY0)
    rows = list(csv.reader(io.StringIO(revlog_csv(reviewer.store))))
    assert tuple(rows[0]) == REVLOG_COLUMNS
    assert len(rows) == 3  # quiz answers schedule nothing and are left out
    first = dict(zip(REVLOG_COLUMNS, rows[1], strict=True))
    assert first["id"] == str(int(DAY0.timestamp() * 1000))
    assert first["cid"] == str(card_id_for(key))
    assert (first["ease"], first["time"], first["type"]) == ("3", "3500", "0")


def test_the_intervals_shown_before_a_rating_are_the_ones_it_schedules(backend: Backend) -> None:
    # FSRS fuzzes intervals at random: the preview and the rating draw the same fuzz, from
    # the card's state, or "4 easy 6d" would schedule the card 11 days out.
    from kzlearn.tui.reviewing import intervals_now

    def days(delta: timedelta) -> int:
        return round(delta.total_seconds() / 86400)

    with backend.open() as store:
        reviewer = Reviewer(store)  # FSRS's own scheduler, fuzz and all
        shown, scheduled = [], []
        for key in KEYS[PACK.id][:12]:
            shown.append(days(intervals_now(reviewer, key)[4]))
            review = store.review(reviewer.record(key, "correct", rating=Rating.Easy))
            assert review is not None
            card = Card.from_json(store.card(key).card)  # type: ignore[union-attr]
            scheduled.append(days(card.due - datetime.fromtimestamp(review.at, UTC)))
        assert shown == scheduled
        assert len(set(scheduled)) > 1  # fuzzed: not one interval for every card
