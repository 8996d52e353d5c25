"""A GIFT file as a pack: every question kzlearn can hold, and a line for each one left out."""

from __future__ import annotations

from dataclasses import dataclass

from kzlearn.errors import PackError, Problem
from kzlearn.interop.build import MAX_CARDS, build_pack, too_many, unique_id
from kzlearn.interop.gift.reader import BadError, Question, Reader, SkipError, questions
from kzlearn.models import Pack
from kzlearn.safetext import safe_line

__all__ = ["GiftImport", "parse_gift", "read_gift"]


@dataclass(frozen=True, slots=True)
class GiftImport:
    """A pack of the questions of a GIFT file, and what was left out.

    Attributes:
        pack: the pack.
        skipped: ``FILE:LINE: skipped: why``, one for each question (or part of one) left out.
    """

    pack: Pack
    skipped: list[str]


def read_gift(
    text: str,
    file: str,
    *,
    pack_id: str,
    lang: str = "en",
    max_cards: int = MAX_CARDS,
    strict: bool = False,
) -> GiftImport:
    """The questions of a GIFT file as a pack; those kzlearn cannot hold are listed.

    Raises:
        PackError: a question GIFT cannot read (its line and column); with ``strict``, a
            question kzlearn cannot hold; no question left; more than ``max_cards``.
    """
    items: list[dict[str, object]] = []
    lines: list[int] = []  # the line of each item's question
    skipped: list[tuple[int, str]] = []
    problems: list[Problem] = []
    names: set[str] = set()
    for index, question in enumerate(questions(text), start=1):
        if index > max_cards:
            raise too_many(file, "questions", max_cards, line=question.first)
        item = _read(question, index, file, problems, skipped)
        if item is None:
            continue
        item["id"] = unique_id(str(item["id"]), index, names)
        items.append(item)
        lines.append(question.first)
    if problems:
        raise PackError(problems)
    pack = None
    while items and pack is None:
        data = {"id": pack_id, "title": pack_id, "language": lang, "items": items}
        try:
            pack = build_pack(data, file)
        except PackError as error:  # a question Moodle reads but kzlearn cannot hold
            bad = _bad_items(error)
            if not bad:
                raise
            for i in sorted(bad, reverse=True):
                skipped.append((lines[i], bad[i]))
                del items[i], lines[i]
    skipped.sort(key=lambda s: s[0])
    if strict and skipped:
        refused = [(line, f"cannot be imported: {why}") for line, why in skipped]
        raise PackError([Problem(file, line, None, "", why) for line, why in refused])
    if pack is None:
        found = [Problem(file, line, None, "", f"skipped: {why}") for line, why in skipped]
        found.append(Problem(file, 1, 1, "", "no GIFT question kzlearn can import"))
        raise PackError(found)
    return GiftImport(pack, [f"{safe_line(file)}:{line}: skipped: {why}" for line, why in skipped])


def _read(
    question: Question,
    index: int,
    file: str,
    problems: list[Problem],
    skipped: list[tuple[int, str]],
) -> dict[str, object] | None:
    reader = Reader(question, index)
    try:
        item = reader.item()
    except SkipError as why:
        skipped.append((question.first, str(why)))
        return None
    except BadError as bad:
        line, column = question.where(bad.offset)
        problems.append(Problem(file, line, column, "", str(bad)))
        return None
    skipped.extend((question.first, part) for part in reader.dropped)
    return item


def _bad_items(error: PackError) -> dict[int, str]:
    """The index and problem of each item ``error`` names (pack-wide problems: none)."""
    bad: dict[int, str] = {}
    for problem in error.problems:
        parts = problem.field.split(".")
        if len(parts) < 2 or parts[0] != "items" or not parts[1].isdigit():
            return {}
        where = ".".join(parts[2:])
        message = problem.message.removeprefix("Value error, ")  # pydantic's, not ours
        bad.setdefault(int(parts[1]), f"{where}: {message}" if where else message)
    return bad


def parse_gift(
    text: str,
    file: str,
    *,
    pack_id: str,
    lang: str = "en",
    max_cards: int = MAX_CARDS,
    strict: bool = False,
) -> Pack:
    """The pack of :func:`read_gift`."""
    return read_gift(
        text, file, pack_id=pack_id, lang=lang, max_cards=max_cards, strict=strict
    ).pack
