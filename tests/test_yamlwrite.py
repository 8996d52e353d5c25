"""Packs kzlearn writes read back as exactly what was written (issue 14)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from kzlearn import load_pack, yamlread
from kzlearn.yamlwrite import dump_yaml
from tests.conftest import run_cli

LOADERS = [yaml.SafeLoader] + ([yaml.CSafeLoader] if yaml.__with_libyaml__ else [])
TRICKY = [
    "1e5",
    "0o17",
    "1e999",
    "-.inf",
    ".nan",
    "0x1F",
    "1_000",
    "yes",
    "no",
    "null",
    "~",
    "true",
    "12",
    "-3",
    "+4.5",
    ".5",
    "2021-12-14",
    "=",
    "<<",
    "",
    " ",
    "- x",
    "#",
    "a: b",
]


def reads_back(data: Any) -> None:
    text = dump_yaml(data)
    located = yamlread.read_yaml(text)
    assert located.problems == []
    assert located.data == data
    assert yaml.safe_load(text) == data  # and a YAML 1.1 reader agrees


@pytest.mark.parametrize("loader", LOADERS, ids=lambda loader: loader.__name__)
def test_strings_that_look_like_other_things_read_back_as_text(
    loader: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(yamlread, "_Loader", loader)
    reads_back({"texts": TRICKY, **{t: t for t in TRICKY}})


@settings(max_examples=400, deadline=None)
@given(st.text(), st.text(max_size=8))
def test_any_string_reads_back_as_itself(text: str, key: str) -> None:
    reads_back({"value": text, "list": [text, key], key: text})


def test_a_csv_import_reads_back_as_the_cells_it_came_from(tmp_path: Path) -> None:
    rows = [("1e5", "0o17"), ("1e999", "yes"), ("null", "-.inf"), ("0x1F", "1_000")]
    source = tmp_path / "terms.csv"
    source.write_text("".join(f"{a},{b}\n" for a, b in rows), encoding="utf-8")
    out = tmp_path / "terms.yaml"
    result = run_cli("import", "csv", str(source), "-o", str(out))
    assert result.returncode == 0, result.stderr
    pack = load_pack(out)
    texts = {(f.term.get(None, "en"), f.definition.get(None, "en")) for f in pack.facts}  # type: ignore[union-attr]
    assert texts == set(rows)


MULTILINE = [
    "a\nb",
    "a\n",
    "\n",
    " a\nb",
    "a \nb",
    "a\r\nb",
    "a\n\n\nb",
    "#x\n- y",
    "«a»: b\n«c»: d",
]


@pytest.mark.parametrize("text", MULTILINE)
def test_a_text_of_several_lines_reads_back(text: str) -> None:
    reads_back({"explanation": text})


def test_a_text_of_several_lines_is_written_as_lines_where_yaml_can() -> None:
    written = dump_yaml({"explanation": "Astana since 1997.\n«Almaty»: until 1997."})
    assert written == "explanation: |-\n  Astana since 1997.\n  «Almaty»: until 1997.\n"
