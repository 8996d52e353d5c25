"""The progress export file (``kzlearn progress export``), and its checking on import.

An import is read whole and checked against these models before anything is written:
types, ranges, known values, finite numbers and timestamps a real review could have. A file
with any problem is refused whole, its first problems each located at a line and column.
"""

from __future__ import annotations

import json
import math
import time
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    ValidationError,
    model_validator,
)

from kzlearn.errors import StoreError
from kzlearn.store.base import SCHEMA_VERSION, check_name

__all__ = ["CardEntry", "FsrsCard", "ProgressFile", "ReviewEntry", "read_progress_file"]

MAX_PROBLEMS = 10
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC).timestamp()  # before kzlearn and FSRS
# Pydantic matches with Rust regex, whose $ is the end of the text (never before a newline).
KEY_PATTERN = r"^[a-z0-9][a-z0-9._-]*/[a-z0-9][a-z0-9._-]*$"


def _latest() -> float:
    return time.time() + 86400  # a day of clock skew between two machines


def _finite(value: float) -> float:
    if not math.isfinite(value):
        raise ValueError(f"{value} is not a finite number")
    return value


def _moment(value: float) -> float:
    _finite(value)
    if not EARLIEST <= value <= _latest():
        raise ValueError(f"{value} is not a time between 2000 and now (in epoch seconds)")
    return value


def _iso_moment(value: str, *, until_now: bool) -> str:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not an ISO 8601 date and time") from None
    if moment.tzinfo is None:
        raise ValueError(f"{value!r} has no time zone")
    if until_now:
        _moment(moment.timestamp())
    elif moment.timestamp() < EARLIEST:
        raise ValueError(f"{value!r} is before 2000")
    return value


Number = StrictInt | StrictFloat
Seconds = Annotated[Number, AfterValidator(_moment)]
Due = Annotated[StrictStr, AfterValidator(lambda v: _iso_moment(v, until_now=False))]
Reviewed = Annotated[StrictStr, AfterValidator(lambda v: _iso_moment(v, until_now=True))]
Key = Annotated[StrictStr, Field(pattern=KEY_PATTERN, max_length=200)]
PackId = Annotated[StrictStr, Field(pattern=r"^[a-z0-9][a-z0-9._-]*$", max_length=100)]
# Not Literal[1, 2, 3]: a Literal of ints lets true in as 1.
State = Annotated[StrictInt, Field(ge=1, le=3)]  # fsrs: learning, review, relearning


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, populate_by_name=True)


class FsrsCard(_Strict):
    """An ``fsrs.Card`` as its ``to_dict`` writes it."""

    card_id: Annotated[StrictInt, Field(ge=0, lt=2**63)]
    state: State
    step: Annotated[StrictInt, Field(ge=0, le=100)] | None
    stability: Annotated[Number, AfterValidator(_finite), Field(gt=0, le=1e6)] | None
    difficulty: Annotated[Number, AfterValidator(_finite), Field(ge=1, le=10)] | None
    due: Due
    last_review: Reviewed | None


def _card_json(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        FsrsCard.model_validate_json(value)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        where = ".".join(map(str, first["loc"]))
        raise ValueError(f"not a card: {where + ': ' if where else ''}{first['msg']}") from None
    return value


def _json_text(value: str | None) -> str | None:
    if value is not None:
        try:
            json.loads(value, parse_constant=_no_constant)
        except ValueError:
            raise ValueError("not JSON text") from None
    return value


def _no_nul(value: str) -> str:
    # PostgreSQL text cannot hold NUL: an export must import into either backend.
    if "\x00" in value:
        raise ValueError("contains a NUL character")
    return value


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


CardText = Annotated[StrictStr | None, AfterValidator(_card_json)]


# A student's or class's name; empty for the one local student (and in version 1 files).
Name = Annotated[StrictStr, AfterValidator(check_name)]
Uid = Annotated[StrictStr, Field(pattern=r"^[A-Za-z0-9_-]{1,64}$")]


class CardEntry(_Strict):
    """A card's stored state, and whose it is."""

    class_name: Name = ""
    student: Name = ""
    key: Key
    pack_id: PackId
    card: FsrsCard
    active: StrictBool

    @model_validator(mode="after")
    def _key_in_pack(self) -> CardEntry:
        if not self.key.startswith(f"{self.pack_id}/"):
            raise ValueError(f"the key {self.key!r} is not in the pack {self.pack_id!r}")
        return self


class ReviewEntry(_Strict):
    """One answer of the log, and who gave it."""

    class_name: Name = ""
    student: Name = ""
    key: Key
    pack_id: PackId
    at: Seconds
    rating: Annotated[StrictInt, Field(ge=1, le=4)] | None
    outcome: Literal["correct", "nearly", "wrong"]
    duration: Annotated[Number, AfterValidator(_finite), Field(ge=0, le=86400)]
    answer: Annotated[StrictStr | None, AfterValidator(_json_text)]
    source: Literal["review", "quiz", "quiz-overridden"]  # overridden: "I was right"
    state_before: State | None
    card_before: CardText
    card_after: CardText
    params: Annotated[StrictStr, Field(max_length=200), AfterValidator(_no_nul)] | None
    uid: Uid | None = None

    @model_validator(mode="after")
    def _consistent(self) -> ReviewEntry:
        if not self.key.startswith(f"{self.pack_id}/"):
            raise ValueError(f"the key {self.key!r} is not in the pack {self.pack_id!r}")
        if self.source == "review" and (self.rating is None or self.card_after is None):
            raise ValueError("a review needs its rating and card_after")
        if self.source != "review" and (self.rating, self.card_after) != (None, None):
            raise ValueError("a quiz answer has no rating and no card_after")
        return self


class ProgressFile(_Strict):
    """What ``kzlearn progress export`` writes."""

    format: Literal["kzlearn-progress"]
    schema_version: Annotated[StrictInt, Field(alias="schema", ge=1, le=SCHEMA_VERSION)]
    cards: list[CardEntry]
    reviews: list[ReviewEntry]


def read_progress_file(text: str, file: str) -> ProgressFile:
    """Check a whole progress export.

    Raises:
        StoreError: not JSON, not a progress export, or with problems (the first few, each
            ``FILE:LINE:COLUMN: path: message``).
    """
    try:
        data = json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        raise StoreError(f"{file}:{error.lineno}:{error.colno}: {error.msg}") from None
    except ValueError as error:
        raise StoreError(f"{file}: {error}") from None
    if not isinstance(data, dict) or data.get("format") != "kzlearn-progress":
        raise StoreError(f"{file}: not a kzlearn progress export")
    try:
        return ProgressFile.model_validate(data)
    except ValidationError as error:
        raise StoreError(_located(error, data, text, file)) from None


def _located(error: ValidationError, data: Any, text: str, file: str) -> str:
    from kzlearn.yamlread import locate

    details = error.errors(include_url=False)[:MAX_PROBLEMS]
    paths = [_data_path(data, d["loc"]) for d in details]
    positions = locate(text, paths)
    lines = []
    for detail, path in zip(details, paths, strict=True):
        where = next(
            (positions[path[:end]] for end in range(len(path), -1, -1) if path[:end] in positions),
            None,
        )
        place = f"{file}:{where[0]}:{where[1]}" if where else file
        dotted = ".".join(map(str, path)) or "(top)"
        message = str(detail["msg"]).removeprefix("Value error, ")
        lines.append(f"{place}: {dotted}: {message}")
    count = error.error_count()
    lines.append(f"{file}: {count} problem{'s' if count > 1 else ''}; nothing was imported")
    return "\n".join(lines)


def _data_path(data: Any, loc: tuple[str | int, ...]) -> tuple[str | int, ...]:
    """The part of a Pydantic location that is in the data (unions add member names)."""
    path: list[str | int] = []
    for part in loc:
        if isinstance(data, dict) and part in data:
            data = data[part]
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        else:
            continue
        path.append(part)
    return tuple(path)
