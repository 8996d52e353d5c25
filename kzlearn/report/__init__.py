"""The teacher's class report: per student and per item, from the progress store.

``rows`` reads answers and cards (never writing), ``stats`` holds the statistics as pure
functions (Moodle's facility and discrimination indexes), ``choices`` counts what was
answered to each item, ``build`` puts the report together, and ``text``, ``export`` (JSON,
CSV) and ``html`` render it.
"""

from __future__ import annotations

from kzlearn.report.build import ClassReport, ItemRow, StudentRow, build_report
from kzlearn.report.rows import Attempt, CardState, read_class

__all__ = [
    "Attempt",
    "CardState",
    "ClassReport",
    "ItemRow",
    "StudentRow",
    "build_report",
    "read_class",
]
