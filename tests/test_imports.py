"""`import kzlearn` is cheap: no TUI, no exporter; the public API is explicit."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

import kzlearn


def _loaded_after(statement: str, env: dict[str, str] | None = None) -> set[str]:
    code = f"import sys\n{statement}\nprint(' '.join(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    return set(out.stdout.split())


def test_import_kzlearn_loads_no_framework() -> None:
    loaded = _loaded_after("import kzlearn")
    assert not {"textual", "genanki", "pydantic", "yaml", "rich"} & loaded


def test_loading_a_pack_loads_neither_textual_nor_genanki() -> None:
    loaded = _loaded_after("import kzlearn; kzlearn.load_pack(kzlearn.bundled_deck_paths()[0])")
    assert "pydantic" in loaded
    assert not {"textual", "genanki"} & loaded


def test_a_quiz_started_from_the_cache_loads_no_pydantic(tmp_path: Path) -> None:
    # Pydantic checks packs as they are read from files; the models are plain dataclasses,
    # so a start that finds its packs in the cache (kzlearn.cache) need not load it.
    env = {**os.environ, "KZLEARN_CACHE": str(tmp_path)}
    start = (
        "import kzlearn, kzlearn.tui.app\n"
        "from kzlearn.cache import load_pack_and_items\n"
        "for path in kzlearn.bundled_deck_paths(): load_pack_and_items(path)"
    )
    assert "pydantic" in _loaded_after(start, env)  # the first start fills the cache
    assert not {"pydantic", "pydantic_core"} & _loaded_after(start, env)


def test_all_is_sorted_and_every_name_resolves() -> None:
    assert kzlearn.__all__ == sorted(kzlearn.__all__)
    for name in kzlearn.__all__:
        assert getattr(kzlearn, name) is not None


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="has no attribute 'nope'"):
        getattr(kzlearn, "nope")  # noqa: B009


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def test_only_the_tui_imports_textual_and_only_the_anki_exporter_imports_genanki() -> None:
    package = Path(kzlearn.__file__).parent
    for path in package.rglob("*.py"):
        relative = path.relative_to(package).as_posix()
        used = _imports(path)
        if not relative.startswith("tui/"):
            assert not {"textual", "rich", "arabic_reshaper", "bidi"} & used, relative
        if relative not in ("interop/anki.py", "interop/anki_rows.py"):
            assert "genanki" not in used, relative


def test_the_terminal_app_loads_what_the_first_question_needs_and_no_more() -> None:
    # The start is timed (tests/benchmarks/bench_startup.py): graders, the other screens
    # and the exporters load when they are first used, not before the first question.
    loaded = _loaded_after("import kzlearn.tui.app")
    assert {"kzlearn.tui.screens.quiz", "kzlearn.quiz.session", "textual"} <= loaded
    later = {
        "kzlearn.questions.grading",
        "kzlearn.questions.compare",
        "kzlearn.questions.generate",
        "kzlearn.tui.marks",
        "kzlearn.tui.screens.picker",
        "kzlearn.tui.screens.setup",
        "kzlearn.tui.screens.signin",
        "kzlearn.tui.screens.summary",
        "kzlearn.tui.screens.dialogs",
        "kzlearn.store",
        "fsrs",
        "genanki",
        "yaml",
    }
    assert not later & loaded


def test_every_screen_resolves_from_the_screens_package() -> None:
    from kzlearn.tui import screens

    for name in screens.__all__:
        screen = getattr(screens, name)
        assert screen.__name__ == name
        assert screen.__module__.startswith("kzlearn.tui.screens.")
    with pytest.raises(AttributeError, match="has no attribute 'Nope'"):
        getattr(screens, "Nope")  # noqa: B009
