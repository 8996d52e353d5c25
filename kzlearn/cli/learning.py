"""The student's commands: quiz, review, stats and progress."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from kzlearn.safetext import safe, safe_line

if TYPE_CHECKING:
    from kzlearn.models import Item, Pack
    from kzlearn.quiz.session import QuizOptions
    from kzlearn.review.srs import Reviewer


from kzlearn.cli.common import (
    add_rtl,
    check_lang,
    for_terminal,
    open_store,
    pack_paths,
    positive,
    quiz_options,
    resolve_packs,
)
from kzlearn.gcpause import gc_paused


def _played(packs: Sequence[Pack], items: dict[str, list[Item]]) -> dict[str, list[Item]]:
    """Each pack's items as played, flashcards' back-to-front cards included, by pack id
    (``items`` as resolve_packs filled it)."""
    from kzlearn.questions.self_graded import with_reverse_cards

    return {pack.id: with_reverse_cards(items[pack.id]) for pack in packs}


def _keys_by_pack(
    played: dict[str, list[Item]], types: Sequence[str] | None = None
) -> dict[str, list[str]]:
    """``pack_id/item_id`` of every item played (of ``types``), by pack."""
    return {
        pack_id: [f"{pack_id}/{item.id}" for item in cards if types is None or item.type in types]
        for pack_id, cards in played.items()
    }


def review_queue(
    reviewer: Reviewer,
    packs: Sequence[Pack],
    items: dict[str, list[Item]],
    options: QuizOptions,
    new_per_day: int,
) -> list[str]:
    """What ``kzlearn review`` asks: what is due and new, of ``--types``, at most ``--count``
    of it; every item is kept in sync, whichever types are asked."""
    played = _played(packs, items)
    reviewer.sync(packs, _keys_by_pack(played))
    wanted = _keys_by_pack(played, options.types)
    return reviewer.queue(wanted, new_per_day=new_per_day)[: options.count or None]


def cmd_quiz(args: argparse.Namespace) -> int:
    return _run_app(args, review=False)


def cmd_review(args: argparse.Namespace) -> int:
    return _run_app(args, review=True)


def _run_app(args: argparse.Namespace, *, review: bool) -> int:
    """The terminal app, recording into the progress store; in review mode, what is due."""
    from kzlearn.cache import fill_in_background

    # The start makes tens of thousands of objects that live as long as the app and a few
    # hundred of garbage: collecting would walk them all again (a tenth of a warm start).
    with gc_paused(keep=True):
        # Packs changed since the last start are read in a child process while this one
        # loads the terminal app; then they come from the cache.
        wait = fill_in_background(pack_paths(args.packs))
        try:
            from kzlearn.tui.app import KzlearnApp, load_ahead
            from kzlearn.tui.bidi import detect_rtl_mode

            if wait is not None:  # the time the child still needs is idle time here
                load_ahead()
                import kzlearn.store.sqlite  # noqa: F401  (opened after the packs, loaded now)
        finally:
            if wait is not None:
                wait()
        items: dict[str, list[Item]] = {}
        packs = resolve_packs(args.packs, items=items)
        check_lang(args.lang, packs)
        store = open_store(args)
    with store:

        def make_reviewer() -> Reviewer:
            from kzlearn.review.srs import Reviewer

            return Reviewer(store)

        reviewer: Reviewer | Callable[[], Reviewer] = make_reviewer
        options = quiz_options(args)
        queue = None
        if review:
            reviewer = make_reviewer()
            queue = review_queue(reviewer, packs, items, options, args.new_per_day)
            if not queue:
                from kzlearn.tui.i18n import nothing_due

                said = nothing_due(options.lang or packs[0].language)
                print("\n".join(for_terminal([said], args.rtl)))
                return 0
        app = KzlearnApp(
            packs,
            options=options,
            start_quiz=bool(args.packs) and not review,
            rtl=args.rtl or detect_rtl_mode(),
            reviewer=reviewer,
            review_keys=queue,
            items=items,
        )
        app.run()
        if app.crash is not None:
            raise app.crash
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    import json

    from kzlearn.review.srs import pack_stats

    items: dict[str, list[Item]] = {}
    packs = resolve_packs(args.packs, items=items)
    keys = _keys_by_pack(_played(packs, items))
    with open_store(args, read_only=True) as store:
        stats = [pack_stats(store, pack, keys[pack.id]) for pack in packs]
    if args.json:
        from dataclasses import asdict

        print(json.dumps([asdict(s) for s in stats], indent=2))
        return 0
    print(
        f"{'pack':<22}{'new':>6}{'learn':>7}{'review':>8}{'today':>7}{'tmrw':>6}{'week':>6}"
        f"{'retention 30d':>15}{'streak':>8}"
    )
    for s in stats:
        retention = (
            f"{s.retention_30d:.0%} of {s.reviews_30d}" if s.retention_30d is not None else "-"
        )
        print(
            f"{s.pack_id:<22}{s.new:>6}{s.learning:>7}{s.review:>8}{s.due_today:>7}"
            f"{s.due_tomorrow:>6}{s.due_week:>6}{retention:>15}{s.streak_days:>7}d"
        )
    totals = [sum(day) for day in zip(*(s.due_by_day for s in stats), strict=True)]
    print("\ndue in the coming days:")
    print(_chart(totals))
    return 0


def _chart(counts: list[int]) -> str:
    """A small bar chart of due counts, one column a day."""
    bars = " ▁▂▃▄▅▆▇█"
    top = max(counts) or 1
    line = "".join(bars[round(c / top * 8)] if c else "·" for c in counts)
    return f"  {line}  (today → +{len(counts) - 1} days, highest {max(counts)})"


def cmd_progress(args: argparse.Namespace) -> int:
    from kzlearn.review.srs import export_progress, import_progress, revlog_csv, write_revlog

    with open_store(args, read_only=args.action != "import") as store:
        if args.action == "export":
            count = export_progress(store, args.file, force=args.force)
            print(f"{safe_line(args.file)}: {count} reviews written", file=sys.stderr)
        elif args.action == "import":
            added, updated = import_progress(store, args.file)
            print(f"{safe_line(args.file)}: {added} reviews added, {updated} cards updated")
        elif args.file == "-":
            sys.stdout.write(safe(revlog_csv(store)))
        else:
            count = write_revlog(store, args.file, force=args.force)
            print(f"{safe_line(args.file)}: {count} reviews", file=sys.stderr)
    return 0


def add_quiz_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--types",
        help="item types, comma separated: mcq,true_false,short,cloze,order,match,multi,flashcard "
        "(default: all)",
    )
    parser.add_argument("--count", type=positive, help="how many questions (default: all)")
    parser.add_argument("--seed", type=int, help="the same seed gives the same quiz")
    parser.add_argument(
        "--lang", help="display language: ar, en, fr or a pack's (default: the pack's)"
    )
    add_rtl(parser)
