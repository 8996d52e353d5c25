"""The command line, run as a user runs it: exit codes, output, help for every command."""

from __future__ import annotations

import argparse
import json

import pytest

from kzlearn import load_packs
from kzlearn.cli import build_parser
from kzlearn.packs import schema_text
from tests.conftest import DECKS, ROOT, run_cli


def test_validate_the_bundled_decks() -> None:
    result = run_cli("validate", *map(str, DECKS))
    assert result.returncode == 0, result.stderr
    for pack in load_packs(DECKS):
        counts = f"{pack.id}: {len(pack.facts)} facts, {len(pack.items)} items"
        assert counts in result.stdout
    assert result.stderr.strip() == "2 valid, 0 invalid"


def test_packs_lists_the_bundled_decks() -> None:
    result = run_cli("packs", "--lang", "en")
    assert result.returncode == 0, result.stderr
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert [(r[0], r[1]) for r in rows] == [
        ("kz-independence", "Kazakhstan: thirty years of independence"),
        ("morocco-kazakhstan", "Morocco–Kazakhstan relations"),
    ]


def test_schema_is_json_and_the_committed_copy_is_current() -> None:
    result = run_cli("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["title"] == "Pack"
    assert {"id", "title", "language"} <= set(schema["required"])
    committed = (ROOT / "decks" / "schema" / "pack.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(), "run: kzlearn schema > decks/schema/pack.schema.json"


def test_help_loads_no_heavy_module() -> None:
    code = (
        "import sys, contextlib, io\n"
        "from kzlearn.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        "    main(['--help'])\n"
        "print(sorted(m for m in ('pydantic', 'textual', 'genanki', 'yaml') if m in sys.modules))"
    )
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


@pytest.mark.parametrize("name", sorted(_subcommands()))
def test_every_command_has_help_and_is_in_the_readme(name: str) -> None:
    parser = _subcommands()[name]
    assert parser.format_help().strip()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"kzlearn {name}" in readme


def test_usage_errors_exit_2_without_traceback() -> None:
    result = run_cli("validate")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "required: PACK" in result.stderr


def test_readme_opens_with_the_two_commands_and_ci_runs_the_test_one() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    block = readme[readme.index("```sh") + 1 : readme.index("```sh") + 3]
    assert block[0].endswith(".venv/bin/kzlearn")
    assert block[1].endswith(".venv/bin/pytest -q")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert block[1] in ci.splitlines()
