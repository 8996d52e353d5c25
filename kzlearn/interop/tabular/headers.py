"""The header lines of Anki's "Notes in Plain Text" files, and delimiter names.

Anki reads ``#key:value`` lines at the top of a file (and a legacy ``tags:`` first line);
any other line starting with ``#`` there is a comment. Columns are numbered from 1.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kzlearn.errors import PackError

__all__ = ["DELIMITERS", "Headers", "delimiter_name", "read_delimiter", "read_headers"]

DELIMITERS = {
    "tab": "\t",
    "comma": ",",
    "semicolon": ";",
    "pipe": "|",
    "space": " ",
    "colon": ":",
}
"""Anki's separator names (Quizlet's are tab, comma and a custom string)."""


@dataclass(slots=True)
class Headers:
    """What a file's header lines said."""

    anki: bool = False
    """Whether a ``key:value`` header was read: Anki pads rows to its widest note type, so
    further columns are then fields (a note), not a mistake."""
    delimiter: str | None = None
    html: bool = False
    tags: list[str] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    deck: str | None = None
    guid_column: int = 0
    notetype_column: int = 0
    deck_column: int = 0
    tags_column: int = 0

    def meta_columns(self) -> set[int]:
        """The 0-based columns that hold no field."""
        numbers = (self.guid_column, self.notetype_column, self.deck_column, self.tags_column)
        return {n - 1 for n in numbers if n > 0}


def delimiter_name(delimiter: str) -> str:
    """How an error names ``delimiter``."""
    names = {char: name for name, char in DELIMITERS.items()}
    return names.get(delimiter, repr(delimiter))


def read_delimiter(value: str, where: str) -> str:
    """The delimiter a name (tab, comma, ...; any case) or a literal string stands for.

    Raises:
        ValueError: an empty value, or a line break (``where`` says which option or header).
    """
    named = DELIMITERS.get(value.strip().lower())
    if named is not None:
        return named
    if not value or "\n" in value or "\r" in value:
        names = ", ".join(DELIMITERS)
        raise ValueError(f"{where}: expected {names} or the separating text, got {value!r}")
    return value


def _column(value: str, key: str, file: str, line: int) -> int:
    text = value.strip()
    if not text.isdigit() or int(text) < 1:
        raise PackError.single(
            file, f"#{key}: expected a column number from 1, got {value!r}", line=line, column=1
        )
    return int(text)


def read_headers(lines: list[str], file: str) -> Headers:
    """The headers at the top of ``lines`` (the file's first lines, without line ends).

    Raises:
        PackError: a separator, html flag or column number that cannot be read, with its line.
    """
    headers = Headers()
    for number, line in enumerate(lines, start=1):
        if number == 1 and line.startswith("tags:"):
            headers.tags = line[len("tags:") :].split()
            headers.anki = True
        elif not line.startswith("#"):
            break
        elif ":" in line:
            key, value = line[1:].split(":", 1)
            _read(headers, key.strip().lower(), value, file, number)
            headers.anki = True
    return headers


def _read(headers: Headers, key: str, value: str, file: str, line: int) -> None:
    if key == "separator":
        try:
            # Anki reads "#separator: " as a space: only a name is stripped.
            headers.delimiter = read_delimiter(value, "#separator")
        except ValueError as error:
            raise PackError.single(file, str(error), line=line, column=1) from None
    elif key == "html":
        flag = value.strip().lower()
        if flag not in ("true", "false"):
            raise PackError.single(
                file, f"#html: expected true or false, got {value!r}", line=line, column=1
            )
        headers.html = flag == "true"
    elif key == "tags":
        headers.tags = value.split()
    elif key == "columns":
        headers.columns = [value]  # split once the delimiter is known
    elif key == "deck":
        headers.deck = value.strip() or None
    elif key.endswith(" column") and key[: -len(" column")] in (
        "guid",
        "notetype",
        "deck",
        "tags",
    ):
        setattr(headers, key.replace(" ", "_"), _column(value, key, file, line))
    # Other keys (#notetype:, #if matches:, #match scope:) choose a note type of a collection
    # and what to do with notes already there: nothing a pack has. Anki ignores unknown keys.
