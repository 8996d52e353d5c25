"""A class report as JSON (everything, for programs) and as CSV (two tables, for
spreadsheets: one line per student, one line per item)."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime

from kzlearn.report.build import ClassReport

__all__ = [
    "FORMAT",
    "ITEM_COLUMNS",
    "STUDENT_COLUMNS",
    "iso",
    "items_csv",
    "report_data",
    "report_json",
    "students_csv",
]

FORMAT = "kzlearn-class-report"
STUDENT_COLUMNS = (
    "class",
    "student",
    "answered",
    "answers",
    "score",
    "seconds",
    "mastered",
    "due",
    "last_answer",
)
ITEM_COLUMNS = (
    "key",
    "type",
    "in_pack",
    "students",
    "answers",
    "facility",
    "discrimination",
    "flags",
    "choices",
    "prompt",
)


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def iso(ts: float | None) -> str | None:
    """Epoch seconds as an ISO 8601 UTC time, to the second."""
    if ts is None:
        return None
    return datetime.fromtimestamp(ts, UTC).replace(microsecond=0).isoformat()


def report_data(report: ClassReport) -> dict[str, object]:
    """The report as plain data (what ``--json`` writes)."""
    return {
        "format": FORMAT,
        "version": 1,
        "class": report.class_name,
        "generated": iso(report.generated_at),
        "packs": report.packs,
        "mastered_after_days": report.mastered_days,
        "answers_to_other_packs": report.other_packs,
        "students": [
            {
                "class": s.class_name,
                "student": s.student,
                "answered": s.answered,
                "answers": s.answers,
                "score": s.score,
                "seconds": s.seconds,
                "mastered": s.mastered,
                "due": s.due,
                "last_answer": iso(s.last_at),
            }
            for s in report.students
        ],
        "items": [
            {
                "key": i.key,
                "pack": i.pack_id,
                "item": i.item_id,
                "type": i.type,
                "prompt": i.prompt,
                "in_pack": i.in_pack,
                "students": i.students,
                "answers": i.answers,
                "facility": i.facility,
                "discrimination": i.discrimination,
                "flags": i.flags,
                "choices": [
                    {"label": c.label, "count": c.count, "kind": c.kind} for c in i.choices
                ],
            }
            for i in report.items
        ],
    }


def report_json(report: ClassReport) -> str:
    return json.dumps(report_data(report), ensure_ascii=False, indent=2) + "\n"


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}".rstrip("0").rstrip(".")


def _text(value: str) -> str:
    # Student names and typed answers come from students: a cell a spreadsheet would run
    # as a formula is kept as text (OWASP's advice on CSV injection).
    return "'" + value if value[:1] in _FORMULA_STARTS else value


def students_csv(report: ClassReport) -> str:
    """One line per student; score is 0 to 1, time in seconds. A text starting as a
    formula would (=, +, -, @) starts with an apostrophe."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(STUDENT_COLUMNS)
    for s in report.students:
        writer.writerow(
            [
                _text(s.class_name),
                _text(s.student),
                s.answered,
                s.answers,
                _number(s.score),
                _number(s.seconds),
                s.mastered,
                s.due,
                iso(s.last_at) or "",
            ]
        )
    return out.getvalue()


def items_csv(report: ClassReport) -> str:
    """One line per item; ``flags`` space separated, ``choices`` as "label=count" joined
    by " | ", the right answer marked with a leading "*"."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(ITEM_COLUMNS)
    for i in report.items:
        choices = " | ".join(
            f"{'*' if c.kind == 'answer' else ''}{c.label}={c.count}" for c in i.choices
        )
        writer.writerow(
            [
                i.key,
                i.type,
                "yes" if i.in_pack else "no",
                i.students,
                i.answers,
                _number(i.facility),
                _number(i.discrimination),
                " ".join(i.flags),
                _text(choices),
                _text(i.prompt),
            ]
        )
    return out.getvalue()
