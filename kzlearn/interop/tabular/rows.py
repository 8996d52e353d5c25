"""The rows of a term list: CSV (quotes respected) or Quizlet's custom separators, each
with the line it starts on; and the guess of a CSV file's delimiter."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass

from kzlearn.errors import PackError

__all__ = ["Row", "guess_delimiter", "read_rows"]

_SAMPLE_LINES = 50
_SAMPLE_CHARS = 64 * 1024


@dataclass(frozen=True, slots=True)
class Row:
    """One row: its cells, or why it could not be read (the reader stops there)."""

    line: int
    cells: list[str]
    error: str | None = None


def _field_counts(sample: str, delimiter: str, truncated: bool) -> list[int] | None:
    """The number of fields of each non-empty row of ``sample`` (the last row left out when
    the sample was cut, as it may end inside a field); None if a row is not valid CSV with
    this delimiter (text after a closing quote: the quotes belong to another delimiter)."""
    rows: list[list[str]] = []
    reader = csv.reader(io.StringIO(sample, newline=None), delimiter=delimiter, strict=True)
    try:
        rows.extend(reader)
    except csv.Error:
        if not truncated or reader.line_num < sample.count("\n"):
            return None
        truncated = False  # the cut row is the one that failed, and is not in rows
    if truncated and rows:
        rows.pop()
    return [len(row) for row in rows if any(cell.strip() for cell in row)]


def guess_delimiter(text: str, file: str, first_line: int) -> str:
    """Tab, semicolon or comma: the one that splits every sampled row into the same number
    (two or more) of fields, quotes respected. Reads a bounded prefix once per candidate, so a
    long line costs linear time (csv.Sniffer was quadratic on it).

    Raises:
        PackError: both semicolon and comma split every row alike (one of them is inside the
            fields), or neither does while both appear: the user must say which.
    """
    sample = text[:_SAMPLE_CHARS]
    lines = sample.splitlines(keepends=True)
    truncated = len(lines) > _SAMPLE_LINES or len(sample) < len(text)
    sample = "".join(lines[:_SAMPLE_LINES])
    counts = {d: _field_counts(sample, d, truncated) for d in ("\t", ";", ",")}
    even = [d for d, n in counts.items() if n and n[0] >= 2 and len(set(n)) == 1]
    # A tab inside a field is rare, and tab is Quizlet's default: tab wins when it fits.
    if "\t" in even:
        return "\t"
    if len(even) == 1:
        return even[0]
    present = [d for d in (";", ",") if d in sample]
    if not even and "\t" in sample:
        return "\t"  # every row is then reported with what it holds
    if even or len(present) == 2:
        both = next((i for i, ln in enumerate(lines) if ";" in ln and "," in ln), 0)
        raise PackError.single(
            file,
            "cannot tell whether a semicolon or a comma separates the term from the "
            "definition (the other is inside the fields): pass --delimiter semicolon or "
            "--delimiter comma",
            line=first_line + both,
            column=1,
        )
    return present[0] if present else ","


def read_rows(
    text: str, delimiter: str, row_separator: str | None, first_line: int
) -> Iterator[Row]:
    """The rows of ``text`` (which starts on line ``first_line`` of its file).

    A one-character delimiter and no row separator: CSV, quotes respected. Otherwise
    Quizlet's custom export, which quotes nothing: rows split at ``row_separator`` (line ends
    by default), fields at every ``delimiter``.
    """
    if len(delimiter) == 1 and row_separator is None:
        yield from _csv_rows(text, delimiter, first_line)
        return
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    line = first_line
    for row in text.split(row_separator or "\n"):
        start = line + len(row) - len(row.lstrip("\n"))  # a row after ";\n" starts below
        yield Row(start, row.split(delimiter))
        line += row.count("\n") + (row_separator or "\n").count("\n")


def _csv_rows(text: str, delimiter: str, first_line: int) -> Iterator[Row]:
    # newline=None: CR-only and CRLF line ends read as newlines, even inside quotes.
    reader = csv.reader(io.StringIO(text, newline=None), delimiter=delimiter)
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            # The reader cannot resynchronise after a broken row.
            yield Row(first_line - 1 + reader.line_num, [], f"unreadable row: {error}")
            return
        yield Row(first_line - 1 + reader.line_num - sum(c.count("\n") for c in row), row)
