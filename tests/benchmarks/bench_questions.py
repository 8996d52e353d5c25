"""Benchmark: generating every item for a pack of 20,000 facts; grading Arabic date answers.

Run by hand: ``python tests/benchmarks/bench_questions.py``. Generation is reported per fact
and as a ratio to validating the same pack (the baseline measured in the same run); grading
as answers per second, with the ratio to a plain string comparison of the same answers.
"""

from __future__ import annotations

import random
import statistics
import time

from kzlearn.language.dates import ARABIC_MONTHS
from kzlearn.models import Pack
from kzlearn.models.validation import validate_pack
from kzlearn.questions.generate import generate_items
from kzlearn.questions.grading import match_answer

FACTS = 20_000
ANSWERS = 20_000


def make_pack(facts: int) -> dict[str, object]:
    """Date, entity, number and term facts in equal shares."""
    rng = random.Random(1)
    out: list[dict[str, object]] = []
    for i in range(facts):
        about = {"ar": f"حدث رقم {i}", "en": f"event {i}"}
        kind = i % 4
        fact: dict[str, object] = {"id": f"f{i}", "about": about}
        if kind == 0:
            y, m, d = rng.randint(1900, 2020), rng.randint(1, 12), rng.randint(1, 28)
            fact |= {
                "kind": "date",
                "value": f"{y}-{m:02d}-{d:02d}",
                "evidence": f"في {d} ديسمبر {y} وقع الحدث رقم {i}",
            }
        elif kind == 1:
            fact |= {
                "kind": "entity",
                "category": "person",
                "value": {"ar": f"شخص {i}", "en": f"Person {i}"},
            }
        elif kind == 2:
            fact |= {"kind": "number", "value": rng.randint(1, 10_000)}
        else:
            fact |= {
                "kind": "term",
                "term": {"ar": f"مصطلح {i}", "en": f"term {i}"},
                "definition": {"ar": f"تعريف {i}", "en": f"definition {i}"},
            }
        out.append(fact)
    return {
        "id": "bench",
        "title": "اختبار",
        "language": "ar",
        "translations": ["en"],
        "facts": out,
    }


def timed(action: object) -> tuple[float, object]:
    started = time.perf_counter()
    result = action()  # type: ignore[operator]
    return time.perf_counter() - started, result


def main() -> None:
    data = make_pack(FACTS)
    validate_s, pack = timed(lambda: validate_pack(data))
    assert isinstance(pack, Pack)
    generate_s, items = timed(lambda: generate_items(pack, seed=1))
    assert isinstance(items, list)
    print(f"pack of {FACTS} facts: validated in {validate_s:.2f} s (baseline)")
    print(
        f"generated {len(items)} items in {generate_s:.2f} s: "
        f"{generate_s / FACTS * 1e6:.0f} µs per fact, {generate_s / validate_s:.1f}x validation"
    )

    rng = random.Random(2)
    tables = list(ARABIC_MONTHS.values())
    cases = []
    for _ in range(ANSWERS):
        y, m, d = rng.randint(1900, 2020), rng.randint(1, 12), rng.randint(1, 28)
        month = rng.choice(tables)[m - 1].split("|")[0]
        cases.append((f"{y}-{m:02d}-{d:02d}", f"{d} {month} {y}"))
    runs = []
    for _ in range(3):
        started = time.perf_counter()
        for expected, given in cases:
            match_answer([expected], given, lang="ar", kind="date")
        runs.append(time.perf_counter() - started)
    grading = statistics.median(runs)
    started = time.perf_counter()
    for expected, given in cases:
        _ = expected == given
    plain = time.perf_counter() - started
    print(
        f"graded {ANSWERS} Arabic date answers: {ANSWERS / grading:,.0f} answers/s "
        f"(median of 3; {grading / plain:,.0f}x a plain string comparison)"
    )


if __name__ == "__main__":
    main()
