"""The Moodle XML fixtures (exports of real Moodle courses) and how the tests read them."""

from __future__ import annotations

from pathlib import Path

from kzlearn.interop.moodle_xml import MoodleImport, read_moodle_xml
from kzlearn.models import Item

DATA = Path(__file__).parent / "data" / "moodle" / "xml"


def line_of(name: str, needle: str, nth: int = 1) -> int:
    """The line of the ``nth`` line of fixture ``name`` holding ``needle``."""
    lines = [
        i for i, line in enumerate((DATA / name).read_text().splitlines(), 1) if needle in line
    ]
    return lines[nth - 1]


def load(name: str, **options: object) -> MoodleImport:
    path = DATA / name
    return read_moodle_xml(path.read_bytes(), str(path), pack_id="t", **options)  # type: ignore[arg-type]


def by_id(result: MoodleImport) -> dict[str, Item]:
    return {item.id: item for item in result.pack.items}
