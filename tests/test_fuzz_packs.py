"""Fuzzing the pack reader (issue 14): the bundled decks, mutated byte by byte, truncated,
with control bytes inserted and keys duplicated, either validate (and then generate their
questions) or fail with a clean PackError, never another exception."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from kzlearn import PackError, load_pack
from kzlearn.questions.generate import all_items
from tests.conftest import DECKS

SOURCES = [path.read_bytes() for path in DECKS]
CONTROL = [bytes([b]) for b in [*range(0x20), 0x7F]] + [chr(c).encode() for c in range(0x80, 0xA0)]
CONTROL += ["\u202e".encode(), b"\xef\xbb\xbf", b"\xff", b"\xc3"]


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(SOURCES)))
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["flip", "truncate", "control", "duplicate", "drop", "swap"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if kind == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif kind == "truncate":
            del data[at:]
        elif kind == "control":
            data[at:at] = draw(st.sampled_from(CONTROL))
        else:
            lines = bytes(data).split(b"\n")
            line = draw(st.integers(0, len(lines) - 1))
            if kind == "duplicate":  # a key (or list entry) twice
                lines.insert(line, lines[line])
            elif kind == "drop":
                del lines[line]
            elif line + 1 < len(lines):
                lines[line], lines[line + 1] = lines[line + 1], lines[line]
            data = bytearray(b"\n".join(lines))
    return bytes(data)


@settings(
    max_examples=1000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(mutated())
def test_a_mutated_deck_validates_or_fails_cleanly(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzzed.yaml"
        path.write_bytes(data)
        problems: list[str] = []
        try:
            pack = load_pack(path)
        except PackError as error:
            problems = [str(problem) for problem in error.problems]
    event("refused" if problems else "valid")
    if problems:
        assert all("\n" not in p and p.startswith(f"{path}:") for p in problems), problems
    else:
        all_items(pack)
