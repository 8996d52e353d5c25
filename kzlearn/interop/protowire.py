"""The protocol buffer wire format, read without a schema: the few fields kzlearn needs of
a modern Anki package (card templates, the media list). The protobuf package reads only
messages it has compiled classes for, and Anki's are not published as a library."""

from __future__ import annotations

from collections.abc import Iterator

__all__ = ["proto_fields"]


def _varint(data: bytes, at: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        if at >= len(data) or shift > 63:
            raise ValueError("a truncated varint")
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, at


def proto_fields(data: bytes) -> Iterator[tuple[int, int | bytes]]:
    """(field number, value) of each field of one message: varints as ints, length-delimited
    values as bytes; fixed-width values skipped. Stops quietly at the first malformed byte
    (a hostile package gives fewer fields, never an error or a loop)."""
    at = 0
    try:
        while at < len(data):
            key, at = _varint(data, at)
            number, wire = key >> 3, key & 7
            if wire == 0:
                value, at = _varint(data, at)
                yield number, value
            elif wire == 2:
                size, at = _varint(data, at)
                if at + size > len(data):
                    return
                yield number, data[at : at + size]
                at += size
            elif wire in (1, 5):
                at += 8 if wire == 1 else 4
            else:
                return
    except ValueError:
        return
