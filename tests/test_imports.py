"""`import kzlearn` is cheap: no TUI, no exporter; the public API is explicit."""

from __future__ import annotations

import subprocess
import sys

import pytest

import kzlearn


def _loaded_after(statement: str) -> set[str]:
    code = f"import sys\n{statement}\nprint(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_import_kzlearn_loads_no_framework() -> None:
    loaded = _loaded_after("import kzlearn")
    assert not {"textual", "genanki", "pydantic", "yaml", "rich"} & loaded


def test_loading_a_pack_loads_neither_textual_nor_genanki() -> None:
    loaded = _loaded_after("import kzlearn; kzlearn.load_pack(kzlearn.bundled_deck_paths()[0])")
    assert "pydantic" in loaded
    assert not {"textual", "genanki"} & loaded


def test_all_is_sorted_and_every_name_resolves() -> None:
    assert kzlearn.__all__ == sorted(kzlearn.__all__)
    for name in kzlearn.__all__:
        assert getattr(kzlearn, name) is not None


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="has no attribute 'nope'"):
        getattr(kzlearn, "nope")  # noqa: B009
