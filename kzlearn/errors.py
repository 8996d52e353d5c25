"""The exceptions kzlearn raises.

Every error a user can cause is a :class:`KzlearnError`; the command line turns it into one
line on stderr and a non-zero exit. Anything else is a bug.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kzlearn.safetext import safe_line

__all__ = ["ExportError", "KzlearnError", "PackError", "Problem", "StoreError"]


class KzlearnError(Exception):
    """Base class of every error a user of kzlearn can cause."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem found in a pack file, with where it is."""

    file: str
    line: int | None
    column: int | None
    field: str
    message: str

    def __str__(self) -> str:
        # One line, whatever the file name or the message quotes (kzlearn.safetext).
        where = safe_line(self.file)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        field = f" {safe_line(self.field)}:" if self.field else ""
        return f"{where}:{field} {safe_line(self.message)}"


class PackError(KzlearnError, ValueError):
    """A pack file could not be read or is not valid.

    Attributes:
        problems: every problem found in the file, in file order.
        file, line, column, field: those of the first problem.
    """

    def __init__(self, problems: list[Problem]) -> None:
        if not problems:
            raise ValueError("PackError needs at least one problem")
        self.problems = problems
        first = problems[0]
        self.file = first.file
        self.line = first.line
        self.column = first.column
        self.field = first.field
        super().__init__("\n".join(str(p) for p in problems))

    @classmethod
    def single(
        cls,
        file: str | Path,
        message: str,
        *,
        line: int | None = None,
        column: int | None = None,
        field: str = "",
    ) -> PackError:
        """A PackError with one problem."""
        return cls([Problem(str(file), line, column, field, message)])


class ExportError(KzlearnError):
    """A pack could not be written in another format."""


class StoreError(KzlearnError):
    """The progress database could not be opened, read or written."""
