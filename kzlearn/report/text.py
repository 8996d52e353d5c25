"""A class report as terminal text: a table of students, a table of items, and the
choices of every item that looks wrong.

Text that may be Arabic (names, prompts, choices) ends each line, so a terminal (or
kzlearn) reordering it leaves the columns before it in place.
"""

from __future__ import annotations

from kzlearn.report.build import FLAG_MIN_STUDENTS, ClassReport, ItemRow, StudentRow
from kzlearn.report.export import iso
from kzlearn.safetext import safe_line

__all__ = [
    "FLAG_TEXT",
    "HELP_BELOW",
    "duration_text",
    "needs_help",
    "other_packs_text",
    "percent",
    "report_lines",
]

FLAG_TEXT = {
    "negative-discrimination": "negative discrimination: stronger students got it wrong more",
    "distractor-above-answer": "a wrong answer was given more often than the right one",
    "hard": "facility under 20%",
    "easy": "facility over 95%",
}
BAR_WIDTH = 20
HELP_BELOW = 0.5  # a score under this: the student is named first, as needing help


def needs_help(report: ClassReport) -> list[StudentRow]:
    """The students whose score is under HELP_BELOW, the lowest first: the table is in
    name order, and a teacher of thirty should not have to scan it for them."""
    low = [s for s in report.students if s.score is not None and s.score < HELP_BELOW]
    return sorted(low, key=lambda s: (s.score or 0.0, s.student.casefold()))


def student_name(report: ClassReport, student: StudentRow) -> str:
    """A student as the report names them (with their class when it shows every class)."""
    name = student.student or "(this computer's student)"
    if report.class_name is None and student.class_name:
        name = f"{name} ({student.class_name})"
    return name


def percent(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def signed(value: float | None) -> str:
    return "-" if value is None else f"{value:+.2f}"


def duration_text(seconds: float) -> str:
    """Seconds as H:MM:SS."""
    whole = round(seconds)
    return f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


def report_lines(report: ClassReport) -> list[str]:
    """The report, line by line (control characters of stored text shown escaped)."""
    who = f"class {report.class_name}" if report.class_name else "every class"
    lines = [
        f"Class report: {who}; packs {', '.join(report.packs)}; {iso(report.generated_at)} (UTC)",
        *filter(None, [other_packs_text(report)]),
        "",
        f"Students ({len(report.students)}): score = mean of first answers; mastered = "
        f"in review with stability >= {report.mastered_days:g} days",
        f"{'answered':>8} {'answers':>8} {'score':>6} {'time':>9} {'mastered':>9} "
        f"{'due':>5}  {'last answer':<20} student",
    ]
    for s in report.students:
        name = student_name(report, s)
        lines.append(
            f"{s.answered:>8} {s.answers:>8} {percent(s.score):>6} "
            f"{duration_text(s.seconds):>9} {s.mastered:>9} {s.due:>5}  "
            f"{(iso(s.last_at) or '-').replace('+00:00', 'Z'):<20} {name}"
        )
    if not report.students:
        lines.append("(no answers yet)")
    width = max([len(i.key) for i in report.items] + [4])
    lines += [
        "",
        *_help_lines(report),
        f"Items ({len(report.items)}): facility = mean score; discrimination = correlation "
        "with the rest of the test; first answers only; flags once "
        f"{FLAG_MIN_STUDENTS} students answered",
        f"{'item':<{width}} {'type':<10} {'students':>8} {'facility':>8} {'discr.':>7}  flags",
    ]
    for i in report.items:
        lines.append(
            f"{i.key:<{width}} {i.type or '?':<10} {i.students:>8} {percent(i.facility):>8} "
            f"{signed(i.discrimination):>7}  {' '.join(i.flags)}"
        )
    flagged = [i for i in report.items if i.flags or not i.in_pack]
    if flagged:
        lines += ["", f"Items to check ({len(flagged)}):"]
        for item in flagged:
            lines += _item_lines(item)
    return [safe_line(line) for line in lines]


def _help_lines(report: ClassReport) -> list[str]:
    low = needs_help(report)
    if not low:
        return []
    lines = [f"Needs help (score under {HELP_BELOW:.0%}): {len(low)}"]
    lines += [f"  {percent(s.score):>4}  {student_name(report, s)}" for s in low]
    return [*lines, ""]  # before the items' table


def other_packs_text(report: ClassReport) -> str | None:
    """A line on the answers left out, so that a report on other packs than the class
    used does not look like a class that did nothing."""
    if not report.other_packs:
        return None
    counts = ", ".join(f"{n} to {pack}" for pack, n in report.other_packs.items())
    return f"Not in this report (name these packs to see them): answers {counts}."


def _item_lines(item: ItemRow) -> list[str]:
    lines = ["", f"{item.key}: {item.prompt}"]
    lines += [f"  ! {FLAG_TEXT[flag]}" for flag in item.flags]
    top = sum(c.count for c in item.choices) or 1  # bars as shares of the answers
    for choice in item.choices:
        mark = {"answer": "✓", "nearly": "~"}.get(choice.kind, " ")
        bar = "█" * round(choice.count / top * BAR_WIDTH)
        lines.append(f"  {mark} {choice.count:>4} {bar:<{BAR_WIDTH}} {choice.label}")
    return lines
