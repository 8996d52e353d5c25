"""Spaced repetition: FSRS scheduling (the ``fsrs`` package) over the progress store.

A verdict maps to a rating (wrong → Again, nearly → Hard, correct → Good); a student may
override it with 1-4 after seeing the answer. Review answers move the FSRS card; quiz
answers are logged but do not schedule (a quiz asks several items of one fact at once).
"""

from __future__ import annotations

import csv
import io
import json
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from fsrs import Card, Rating, Scheduler, State

from kzlearn.errors import StoreError
from kzlearn.files import atomic_write, read_user_text, starts_with
from kzlearn.models import Pack
from kzlearn.questions.verdict import Outcome
from kzlearn.store.base import CardRow, Learner, ProgressStore, ReviewRow, StoreTransaction

__all__ = [
    "RATING_FOR",
    "PackStats",
    "Reviewer",
    "card_id_for",
    "export_progress",
    "import_progress",
    "pack_stats",
    "revlog_csv",
    "write_revlog",
]

RATING_FOR: dict[Outcome, Rating] = {
    "wrong": Rating.Again,
    "nearly": Rating.Hard,
    "correct": Rating.Good,
}
PARAMS_VERSION = "fsrs-6 default"


def card_id_for(key: str) -> int:
    """A stable FSRS card id for ``pack_id/item_id`` (never the creation time)."""
    from kzlearn.interop.ids import stable_int

    return stable_int(f"card {key}")


def _utc(ts: float) -> datetime:
    return datetime.fromtimestamp(ts, UTC)


class Reviewer:
    """Records answers in a store and schedules them with FSRS.

    Args:
        store: the open progress store.
        scheduler: the FSRS scheduler (tests pass one without fuzzing).
    """

    def __init__(self, store: ProgressStore, scheduler: Scheduler | None = None) -> None:
        self.store = store
        self.scheduler = scheduler or Scheduler()

    def schedule(
        self, card: Card, rating: Rating, when: datetime, duration_ms: int | None = None
    ) -> Card:
        """``card`` after a review rated ``rating`` at ``when``.

        FSRS fuzzes each interval at random. The fuzz is drawn here from the card's own state,
        so the intervals shown before a rating (kzlearn.tui.reviewing) are the ones the rating
        then schedules. Python's random state is left as it was."""
        import random

        saved = random.getstate()
        random.seed(
            f"{card.card_id}/{card.state}/{card.step}/{card.stability}/{card.difficulty}/"
            f"{card.last_review}"
        )
        try:
            return self.scheduler.review_card(card, rating, when, duration_ms)[0]
        finally:
            random.setstate(saved)

    def record(
        self,
        key: str,
        outcome: Outcome,
        *,
        answer: object = None,
        duration: float = 0.0,
        source: str = "review",
        rating: Rating | None = None,
        now: datetime | None = None,
        uid: str | None = None,
    ) -> int:
        """Log one answer, committed before returning; a review also reschedules the card.

        A clock that went backwards is clamped to the card's last review. ``uid`` names the
        answer (a new one by default): an answer recorded twice with one uid is stored
        once. Returns the id of the review (to amend its rating).
        """
        now = now or datetime.now(UTC)
        pack_id = key.split("/", 1)[0]
        uid = uid or uuid.uuid4().hex

        def write(tx: StoreTransaction) -> int:
            done = tx.review_by_uid(uid)
            if done is not None:  # stored by a try whose commit's reply was lost
                return done.id
            when = now
            row = tx.card(key)
            card = Card.from_json(row.card) if row else Card(card_id=card_id_for(key), due=when)
            if card.last_review is not None and when < card.last_review:
                when = card.last_review  # the clock went backwards: never review in the past
            before = card.to_json()
            state_before = int(card.state)
            after = None
            if source == "review":
                chosen = rating or RATING_FOR[outcome]
                card = self.schedule(card, chosen, when, int(duration * 1000))
                after = card.to_json()
                tx.put_card(
                    CardRow(key, pack_id, after, card.due.timestamp(), int(card.state), True)
                )
            reviewed = source == "review"
            review = ReviewRow(
                id=0,
                key=key,
                pack_id=pack_id,
                at=when.timestamp(),
                rating=int(rating or RATING_FOR[outcome]) if reviewed else None,
                outcome=outcome,
                duration=duration,
                answer=json.dumps(answer, ensure_ascii=False),
                source=source,
                state_before=state_before,
                card_before=before if reviewed else None,
                card_after=after,
                params=PARAMS_VERSION if reviewed else None,
                uid=uid,
            )
            return tx.add_review(review)

        return self.store.run(write)

    def amend(self, review_id: int, rating: Rating) -> None:
        """Replace the rating of a review (the student pressed 1-4 after the answer).

        Only the card's latest review can be amended; the card is rescheduled from the
        state it had before that review.

        Raises:
            StoreError: there is no such review, or it is not the card's latest.
        """
        with self.store.transaction() as tx:
            review = tx.review(review_id)
            if review is None or review.card_before is None:
                raise StoreError(f"no review {review_id} to amend")
            if tx.review_ids(review.key)[-1] != review.id:
                raise StoreError("only the latest review of a card can be amended")
            card = self.schedule(
                Card.from_json(review.card_before),
                rating,
                _utc(review.at),
                int(review.duration * 1000),
            )
            after = card.to_json()
            tx.put_card(
                CardRow(
                    review.key, review.pack_id, after, card.due.timestamp(), int(card.state), True
                ),
            )
            tx.set_rating(review.id, int(rating), after)

    def sync(self, packs: Sequence[Pack], keys_by_pack: dict[str, list[str]]) -> None:
        """Cards of items still in their pack are scheduled; the rest keep their history."""
        for pack in packs:
            self.store.set_active(pack.id, set(keys_by_pack.get(pack.id, [])))

    def queue(
        self,
        keys_by_pack: dict[str, list[str]],
        *,
        now: datetime | None = None,
        new_per_day: int = 20,
    ) -> list[str]:
        """What to review now: due cards first (most overdue first), then new items in pack
        order, as many as today's new-card limit still allows."""
        now = now or datetime.now(UTC)
        pack_ids = list(keys_by_pack)
        known = {key for keys in keys_by_pack.values() for key in keys}
        due = [k for k in self.store.due_keys(now.timestamp(), pack_ids) if k in known]
        seen = self.store.card_keys(pack_ids)
        start_of_day = _local_midnight(now)
        introduced = self.store.introduced_since(start_of_day.timestamp())
        room = max(0, new_per_day - introduced)
        new = [k for keys in keys_by_pack.values() for k in keys if k not in seen][:room]
        return due + new


def _local_midnight(now: datetime) -> datetime:
    local = now.astimezone()
    return local.replace(hour=0, minute=0, second=0, microsecond=0)


@dataclass(frozen=True, slots=True)
class PackStats:
    """What a student's progress in one pack looks like."""

    pack_id: str
    new: int
    learning: int
    review: int
    due_today: int
    due_tomorrow: int
    due_week: int
    retention_30d: float | None  # share of review-state cards remembered, last 30 days
    reviews_30d: int
    streak_days: int
    due_by_day: list[int]  # the next 14 days, today first


def pack_stats(
    store: ProgressStore, pack: Pack, keys: list[str], *, now: datetime | None = None
) -> PackStats:
    """Counts, due forecast, retention and streak for one pack."""
    now = now or datetime.now(UTC)
    wanted = set(keys)
    cards = [c for c in store.cards([pack.id]) if c.active and c.key in wanted]
    midnight = _local_midnight(now)
    ends = [(midnight + timedelta(days=d + 1)).timestamp() for d in range(14)]
    by_day = [0] * 14
    for card in cards:
        for index, end in enumerate(ends):
            if card.due < end:
                by_day[index] += 1
                break
    month = store.reviews([pack.id], since=(now - timedelta(days=30)).timestamp())
    graded = [r for r in month if r.source == "review" and r.state_before == int(State.Review)]
    passed = sum(1 for r in graded if (r.rating or 1) > int(Rating.Again))
    days = {_utc(r.at).astimezone().date() for r in store.reviews([pack.id])}
    streak = 0
    day = now.astimezone().date()
    if day not in days:
        day -= timedelta(days=1)  # today may still come
    while day in days:
        streak += 1
        day -= timedelta(days=1)
    return PackStats(
        pack_id=pack.id,
        new=len(keys) - len(cards),
        learning=sum(1 for c in cards if c.state in (int(State.Learning), int(State.Relearning))),
        review=sum(1 for c in cards if c.state == int(State.Review)),
        due_today=by_day[0],
        due_tomorrow=by_day[1],
        due_week=sum(by_day[:7]),
        retention_30d=passed / len(graded) if graded else None,
        reviews_30d=sum(1 for r in month if r.source == "review"),
        streak_days=streak,
        due_by_day=by_day,
    )


_PROGRESS_FILE = starts_with(re.compile(rb'\s*\{\s*"format"\s*:\s*"kzlearn-progress"'))


def export_progress(store: ProgressStore, path: str, *, force: bool = False) -> int:
    """Write every card and review to a JSON file (atomically); returns the review count.

    Raises:
        KzlearnError: ``path`` exists and is not a progress export (unless ``force``), or
            cannot be written.
    """
    data = store.dump()
    text = json.dumps(data, ensure_ascii=False, indent=1)
    kind = "a kzlearn progress export"
    atomic_write(path, text, same_kind=_PROGRESS_FILE, kind=kind, force=force)
    reviews = data["reviews"]
    assert isinstance(reviews, list)
    return len(reviews)


def import_progress(store: ProgressStore, path: str) -> tuple[int, int]:
    """Merge a progress export: new reviews are added, each card keeps its latest state;
    each under the student and class the export names.

    Returns (reviews added, cards updated).

    Raises:
        StoreError: the file is not a kzlearn progress export.
    """
    from kzlearn.review.progress_file import read_progress_file

    export = read_progress_file(read_user_text(path, "progress export"), path)
    added = updated = 0
    with store.transaction() as top:
        learners = {Learner(e.class_name, e.student) for e in export.reviews} | {
            Learner(e.class_name, e.student) for e in export.cards
        }
        # One transaction a learner (PostgreSQL takes the learner's lock each time one is made).
        as_learner = {learner: top.as_learner(learner) for learner in learners}
        existing = {
            learner: {(r.key, r.at, r.source, r.rating) for r in tx.reviews()}
            for learner, tx in as_learner.items()
        }
        for r in export.reviews:
            learner = Learner(r.class_name, r.student)
            identity = (r.key, float(r.at), r.source, r.rating)
            if identity in existing[learner] or (r.uid and top.review_by_uid(r.uid)):
                continue
            row = ReviewRow(0, **r.model_dump(exclude={"class_name", "student"}))
            as_learner[learner].add_review(row)
            existing[learner].add(identity)
            added += 1
        for c in export.cards:
            tx = as_learner[Learner(c.class_name, c.student)]
            raw = c.card.model_dump()
            incoming = Card.from_dict(raw)  # type: ignore[arg-type]
            mine = tx.card(c.key)
            if mine is not None:
                current = Card.from_json(mine.card)
                if (current.last_review or datetime.min.replace(tzinfo=UTC)) >= (
                    incoming.last_review or datetime.min.replace(tzinfo=UTC)
                ):
                    continue
            due = incoming.due.timestamp()
            row_card = CardRow(
                c.key, c.pack_id, json.dumps(raw), due, int(incoming.state), c.active
            )
            tx.put_card(row_card)
            updated += 1
    return added, updated


REVLOG_COLUMNS = ("id", "cid", "usn", "ease", "ivl", "lastIvl", "factor", "time", "type")


def revlog_csv(store: ProgressStore) -> str:
    """The review log as CSV in the column order of Anki's revlog table.

    ``ivl`` and ``lastIvl`` are in days, ``factor`` is the FSRS difficulty times 1000,
    ``time`` milliseconds, ``type`` 0 learn, 1 review, 2 relearn (quiz answers are left out:
    they schedule nothing).
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(REVLOG_COLUMNS)
    last_interval: dict[str, int] = {}
    for r in store.reviews():
        if r.source != "review" or r.card_after is None:
            continue
        after = Card.from_json(r.card_after)
        interval = max(0, round((after.due.timestamp() - r.at) / 86400))
        kind = {int(State.Learning): 0, int(State.Review): 1, int(State.Relearning): 2}.get(
            r.state_before or 1, 0
        )
        writer.writerow(
            [
                int(r.at * 1000),
                card_id_for(r.key),
                -1,
                r.rating,
                interval,
                last_interval.get(r.key, 0),
                round((after.difficulty or 0) * 1000),
                int(r.duration * 1000),
                kind,
            ]
        )
        last_interval[r.key] = interval
    return out.getvalue()


def write_revlog(store: ProgressStore, path: str, *, force: bool = False) -> int:
    """Write :func:`revlog_csv` to ``path`` (atomically); returns the number of reviews.

    Raises:
        KzlearnError: ``path`` exists and is not a review log (unless ``force``), or cannot
            be written.
    """
    text = revlog_csv(store)
    header = ",".join(REVLOG_COLUMNS).encode() + b"\n"
    kind = "a review log CSV"
    atomic_write(path, text, same_kind=starts_with(header), kind=kind, force=force)
    return text.count("\n") - 1
