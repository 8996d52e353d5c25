"""A class report as one self-contained HTML page: inline CSS, a bar chart (inline SVG)
per item, nothing fetched from the network. Every stored text is escaped, and each one
that may be Arabic sits in its own ``dir="auto"`` element, so it reads right to left
inside the left-to-right page."""

from __future__ import annotations

from html import escape

from kzlearn.report.build import FLAG_MIN_STUDENTS, ClassReport, ItemRow
from kzlearn.report.export import iso
from kzlearn.report.text import (
    FLAG_TEXT,
    HELP_BELOW,
    duration_text,
    needs_help,
    other_packs_text,
    percent,
    signed,
    student_name,
)

__all__ = ["MARKER", "report_html"]

MARKER = "<!DOCTYPE html>\n<!-- kzlearn class report -->"
BAR = 240  # the longest bar, in pixels

_CSS = """
body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
th, td { padding: 0.25em 0.6em; border-bottom: 1px solid #ddd; text-align: start; }
td.n, th.n { text-align: end; font-variant-numeric: tabular-nums; }
.flag { color: #a40000; }
section.item { margin: 1.5em 0; padding-top: 0.5em; border-top: 2px solid #eee; }
section.item.flagged { border-top-color: #a40000; }
.chart td { border: none; padding: 0.1em 0.5em; }
rect.answer { fill: #2e7d32; } rect.distractor { fill: #c62828; }
rect.nearly { fill: #f9a825; } rect.skipped, rect.other { fill: #9e9e9e; }
.key { font-family: ui-monospace, monospace; }
.help { border-inline-start: 4px solid #a40000; padding-inline-start: 0.8em; }
"""


def _text(value: str) -> str:
    return f'<span dir="auto">{escape(value)}</span>'


def report_html(report: ClassReport) -> str:
    """The whole page."""
    who = f"class {report.class_name}" if report.class_name else "every class"
    title = f"Class report: {who}"
    parts = [
        MARKER,
        '<html lang="en" dir="ltr"><head><meta charset="utf-8">',
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>Class report: {_text(who)}</h1>",
        f"<p>Packs: {', '.join(_text(p) for p in report.packs)}. Made "
        f"{escape(iso(report.generated_at) or '')} (UTC).</p>",
        f"<p>{_text(other_packs_text(report) or '')}</p>" if report.other_packs else "",
        _help(report),
        _students(report),
        "<h2>Items</h2>",
        "<p>Facility: the mean score of the students' first answers. Discrimination: the "
        "correlation between the item's score and the rest of the test (first answers; "
        "negative means the students who did well elsewhere did worse here). An item is "
        f"flagged once {FLAG_MIN_STUDENTS} students have answered it.</p>",
        _items_table(report),
        *(_item_section(item) for item in report.items),
        "</body></html>\n",
    ]
    return "\n".join(parts)


def _help(report: ClassReport) -> str:
    low = needs_help(report)
    if not low:
        return ""
    rows = "".join(f"<li>{_text(student_name(report, s))}: {percent(s.score)}</li>" for s in low)
    return (
        f"<section class=help><h2>Needs help ({len(low)})</h2>"
        f"<p>Score under {HELP_BELOW:.0%}, the lowest first:</p><ul>{rows}</ul></section>"
    )


def _students(report: ClassReport) -> str:
    head = (
        "<tr><th>student</th><th>class</th><th class=n>answered</th><th class=n>answers</th>"
        "<th class=n>score</th><th class=n>time</th><th class=n>mastered</th>"
        "<th class=n>due</th><th>last answer</th></tr>"
    )
    rows = [
        f"<tr><td>{_text(s.student)}</td><td>{_text(s.class_name)}</td>"
        f"<td class=n>{s.answered}</td><td class=n>{s.answers}</td>"
        f"<td class=n>{percent(s.score)}</td><td class=n>{duration_text(s.seconds)}</td>"
        f"<td class=n>{s.mastered}</td><td class=n>{s.due}</td>"
        f"<td>{escape(iso(s.last_at) or '-')}</td></tr>"
        for s in report.students
    ]
    note = (
        f"<p>Score: the mean of each student's first answer to each item (nearly right counts "
        f"half). Mastered: cards in review whose stability is {report.mastered_days:g} days "
        "or more. Due: cards due now.</p>"
    )
    return f"<h2>Students</h2>{note}<table>{head}{''.join(rows)}</table>"


def _items_table(report: ClassReport) -> str:
    head = (
        "<tr><th>item</th><th>type</th><th class=n>students</th><th class=n>facility</th>"
        "<th class=n>discrimination</th><th>flags</th></tr>"
    )
    rows = [
        f'<tr><td class=key><a href="#{_anchor(i)}">{escape(i.key)}</a></td>'
        f"<td>{escape(i.type or '?')}</td><td class=n>{i.students}</td>"
        f"<td class=n>{percent(i.facility)}</td><td class=n>{signed(i.discrimination)}</td>"
        f"<td class=flag>{escape(' '.join(i.flags))}</td></tr>"
        for i in report.items
    ]
    return f"<table>{head}{''.join(rows)}</table>"


def _anchor(item: ItemRow) -> str:
    return "item-" + "".join(c if c.isalnum() or c in "-_" else "-" for c in item.key)


def _item_section(item: ItemRow) -> str:
    flagged = " flagged" if item.flags or not item.in_pack else ""
    flags = "".join(f"<li class=flag>{escape(FLAG_TEXT[f])}</li>" for f in item.flags)
    top = sum(c.count for c in item.choices) or 1  # bars as shares of the answers
    rows = []
    for c in item.choices:
        width = round(c.count / top * BAR)
        mark = {"answer": "✓", "nearly": "~"}.get(c.kind, "")
        rows.append(
            f'<tr><td>{mark}</td><td dir="auto">{escape(c.label)}</td>'
            f'<td><svg width="{BAR}" height="14" role="img" aria-label="{c.count}">'
            f'<rect class="{c.kind}" x="0" y="1" width="{width}" height="12"/></svg></td>'
            f"<td class=n>{c.count}</td></tr>"
        )
    return (
        f'<section class="item{flagged}" id="{_anchor(item)}">'
        f'<h3 class=key>{escape(item.key)}</h3><p dir="auto">{escape(item.prompt)}</p>'
        f"<p>{item.students} student{'' if item.students == 1 else 's'}, facility "
        f"{percent(item.facility)}, discrimination {signed(item.discrimination)}</p>"
        f"{f'<ul>{flags}</ul>' if flags else ''}"
        f"<table class=chart>{''.join(rows)}</table></section>"
    )
