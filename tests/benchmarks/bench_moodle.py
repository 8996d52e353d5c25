"""Benchmark: importing and exporting Moodle XML, and hostile Moodle XML files.

Run by hand: ``python tests/benchmarks/bench_moodle.py``. The import of a large bank (the
bundled decks' export, repeated) is reported against parsing the same bytes with defusedxml
alone, measured in the same run; each hostile text against a plain text of the same size.
"""

from __future__ import annotations

import functools

from defusedxml.ElementTree import fromstring

from kzlearn import load_packs
from kzlearn.interop.moodle_xml import read_moodle_xml
from kzlearn.interop.moodle_xml.text import cloze_parts, html_to_text
from kzlearn.interop.moodle_xml.write import to_moodle_xml
from kzlearn.questions.generate import all_items
from tests.benchmarks.timing import median_seconds
from tests.conftest import DECKS


def _read_text(text: str) -> object:
    return html_to_text(text), cloze_parts(text)


def main() -> None:
    packs = load_packs(DECKS)
    items = {pack.id: all_items(pack) for pack in packs}
    exported = to_moodle_xml(packs, items)
    body = exported.text.split("<quiz>\n", 1)[1].rsplit("</quiz>", 1)[0]
    copies = 10_000 // exported.written + 1
    big = '<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n' + body * copies + "</quiz>\n"
    data = big.encode()
    baseline = median_seconds(lambda: fromstring(data))
    ours = median_seconds(lambda: read_moodle_xml(data, "big.xml", pack_id="b", lang="ar"))
    count = exported.written * copies
    print(f"defusedxml parse, {len(data) / 1e6:.1f} MB      : {baseline:6.2f} s (baseline)")
    print(f"import {count:,} questions        : {ours:6.2f} s, {ours / baseline:.1f}x")
    export = median_seconds(lambda: to_moodle_xml(packs, items))
    print(f"export {exported.written} questions            : {export * 1000:6.1f} ms")

    size = 1_000_000
    plain = "a" * size
    base = median_seconds(functools.partial(_read_text, plain))
    for name, text in {
        "unclosed comments": "<!--" * (size // 4),
        "unclosed fields": "{1:SA:" * (size // 6),
        "spaces": " " * size,
        "open tags": "<a" * (size // 2),
        "backslashes": "{1:SA:" + "\\" * size,
    }.items():
        took = median_seconds(functools.partial(_read_text, text))
        print(f"1 MB of {name:18}: {took:6.3f} s, {took / base:.1f}x plain text")


if __name__ == "__main__":
    main()
