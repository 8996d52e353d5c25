"""Benchmark: extraction from a 1 MB article, importing 10,000 GIFT questions, and
importing 50,000 CSV rows (reading them, then writing the pack's YAML).

Run by hand: ``python tests/benchmarks/bench_teacher.py [extraction] [gift] [csv]``.
Extraction is reported against just reading and normalising the same text (fold of every
line), the CSV import against just splitting its rows with the csv module, each measured in
the same run.
"""

from __future__ import annotations

import csv
import io
import sys
import tempfile
from pathlib import Path

from kzlearn.facts.extract import extract
from kzlearn.interop.gift import parse_gift
from kzlearn.interop.tabular import parse_terms
from kzlearn.language.text import fold
from kzlearn.packs import dump_pack
from tests.benchmarks.timing import median_seconds
from tests.conftest import ARTICLE


def _extraction() -> None:
    article = ARTICLE.read_text(encoding="utf-8")
    big = (article + "\n") * (1_000_000 // len(article.encode()) + 1)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.txt"
        path.write_text(big, encoding="utf-8")
        uncached = fold.__wrapped__  # fold is cached, and the big article repeats its lines
        baseline = median_seconds(
            lambda: [uncached(line) for line in path.read_text("utf-8").splitlines()]
        )
        ours = median_seconds(lambda: extract(path.read_text("utf-8")))
    found = len(extract(big))
    size = len(big.encode()) / 1e6
    print(f"read + normalise {size:.1f} MB : {baseline:6.2f} s (baseline)")
    print(
        f"extract {size:.1f} MB          : {ours:6.2f} s, {found:,} found, {ours / baseline:.1f}x"
    )


def _gift() -> None:
    blocks = [
        f"::q{i}:: Question {i}? {{=right {i} ~wrong {i} ~other {i}}}" for i in range(10_000)
    ]
    gift = "$CATEGORY: bench/imported\n\n" + "\n\n".join(blocks) + "\n"
    imported = median_seconds(lambda: parse_gift(gift, "bench.gift", pack_id="bench"), runs=1)
    print(f"import 10,000 GIFT questions : {imported:6.2f} s ({10_000 / imported:,.0f} a second)")
    # Moodle's notation in full: weights, feedback, HTML, tolerances, select-all, escapes.
    forms = [
        "::w{i}::[html]<b>Q{i}</b> from {{~J#no ~%25%B{i}#born ~%50%G#close =N{i}#yes}}.",
        "::m{i}:: Pick {{~%50%a{i} ~%50%b{i} ~%-100%c{i} ~%-100%d{i}}}",
        "::n{i}:: Pi? {{#=3.1415:0.0005#ok =%50%3.14:0.01#close}}",
        "::s{i}:: Who? {{=no one =%50%Grant{i} =%0%*#no\n####general \\{{x\\}} \\= {i}}}",
    ]
    rich = "\n\n".join(forms[i % 4].format(i=i) for i in range(10_000)) + "\n"
    moodle = median_seconds(lambda: parse_gift(rich, "rich.gift", pack_id="bench"), runs=1)
    ratio = moodle / imported
    print(f"import 10,000 Moodle-style   : {moodle:6.2f} s, {ratio:.1f}x the plain ones")


def _csv() -> None:
    rows = "".join(f"term {i}\tthe definition of term {i}, with a comma\n" for i in range(50_000))
    split = median_seconds(lambda: list(csv.reader(io.StringIO(rows), delimiter="\t")))
    pack = parse_terms(rows, "bench.tsv", pack_id="bench")
    read = median_seconds(lambda: parse_terms(rows, "bench.tsv", pack_id="bench"), runs=3)
    written = median_seconds(lambda: dump_pack(pack), runs=3)
    print(f"split 50,000 CSV rows        : {split:6.2f} s (baseline)")
    print(f"read them into a pack        : {read:6.2f} s, {read / split:.0f}x")
    print(f"write the pack's YAML        : {written:6.2f} s, {written / split:.0f}x")


def main() -> None:
    """Every part, or those named on the command line (extraction, gift, csv)."""
    parts = {"extraction": _extraction, "gift": _gift, "csv": _csv}
    for name in sys.argv[1:] or parts:
        parts[name]()


if __name__ == "__main__":
    main()
