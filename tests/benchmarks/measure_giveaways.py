"""Measure: how many 10-question quizzes hold an item whose prompt gives away another's answer.

Run by hand: ``python tests/benchmarks/measure_giveaways.py [SEEDS]``. For each bundled pack
and both packs together, in Arabic and English, SEEDS quizzes (default 500) are drawn as
``kzlearn quiz --count 10`` draws them; the figure is the share of quizzes with a giveaway
pair, next to the share a draw that ignores giveaways (the round robin alone) would have.
"""

from __future__ import annotations

import sys

from kzlearn import Pack, bundled_deck_paths, load_packs
from kzlearn.questions.giveaways import giveaway_pairs
from kzlearn.quiz.session import QuizOptions, QuizSession


def share_with_giveaways(packs: list[Pack], lang: str, seeds: int, *, avoid: bool) -> float:
    hit = 0
    for seed in range(seeds):
        options = QuizOptions(count=10 if avoid else None, seed=seed, lang=lang)
        session = QuizSession(packs, options)
        keys = session._state.keys if avoid else session._state.keys[:10]
        items = [session._items[k][1] for k in keys]
        if any(a is not b for a, b in giveaway_pairs(items)):
            hit += 1
    return hit / seeds


def main() -> None:
    seeds = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    packs = load_packs(bundled_deck_paths())
    sets = [[p] for p in packs] + [packs]
    for chosen in sets:
        name = "+".join(p.id for p in chosen)
        for lang in ("ar", "en"):
            now = share_with_giveaways(chosen, lang, seeds, avoid=True)
            before = share_with_giveaways(chosen, lang, seeds, avoid=False)
            print(f"{name:40} {lang}: {now:6.1%} of quizzes (round robin alone: {before:6.1%})")


if __name__ == "__main__":
    main()
