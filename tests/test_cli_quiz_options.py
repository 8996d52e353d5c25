"""The options of quiz, review, stats and packs: bad values are refused in one line that
says what is allowed; read-only commands create nothing (issue 13 §6)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli


@pytest.mark.parametrize("lang", ["xx", "EN"])
def test_lang_names_the_languages_it_accepts(lang: str, tmp_path: Path) -> None:
    for command in (["quiz", "kz-independence"], ["review"], ["packs"]):
        extra = ["--db", str(tmp_path / "p.sqlite3")] if command[0] != "packs" else []
        result = run_cli(*command, "--lang", lang, *extra)
        assert result.returncode == 1, (command, result.stdout)
        assert result.stderr.strip() == (
            f"kzlearn: --lang {lang!r}: not a language here; choose one of ar, en, fr"
        )
    assert not (tmp_path / "p.sqlite3").exists()


def test_count_and_new_per_day_must_be_whole_numbers() -> None:
    result = run_cli("quiz", "--count", "abc")
    assert result.returncode == 2
    assert "argument --count: 'abc' is not a positive whole number" in result.stderr
    assert "Traceback" not in result.stderr
    result = run_cli("review", "--new-per-day", "-1")
    assert result.returncode == 2
    assert "argument --new-per-day: '-1' is not a whole number, 0 or more" in result.stderr


@pytest.mark.parametrize(
    "command", [["stats"], ["progress", "export", "out.json"], ["progress", "revlog", "-"]]
)
def test_read_only_commands_never_create_a_database(command: list[str], tmp_path: Path) -> None:
    db = tmp_path / "new-dir" / "x.sqlite3"
    result = run_cli(*command, "--db", str(db), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"kzlearn: {db}: no progress database here (nothing has been answered yet)"
    )
    assert not db.parent.exists()
    assert not (tmp_path / "out.json").exists()


def test_packs_names_both_counts() -> None:
    result = run_cli("packs", "--lang", "en")
    assert result.returncode == 0, result.stderr
    from kzlearn import bundled_deck_paths, load_packs
    from kzlearn.questions.generate import all_items
    from kzlearn.questions.self_graded import with_reverse_cards

    rows = [line.split("\t") for line in result.stdout.splitlines()]
    packs = load_packs(bundled_deck_paths())
    assert [row[0] for row in rows] == [p.id for p in packs]
    for row, pack in zip(rows, packs, strict=True):
        assert row[2:5] == [
            f"{len(pack.facts)} facts",
            f"{len(pack.items)} written items",
            # as the deck picker counts: a reversed flashcard is asked both ways
            f"{len(with_reverse_cards(all_items(pack)))} questions in all",
        ]
        assert len(all_items(pack)) > len(pack.items)
    reversed_cards = sum(len(with_reverse_cards(all_items(p))) - len(all_items(p)) for p in packs)
    assert reversed_cards > 0  # the bundled decks have flashcards asked both ways


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("ar", "لا شيء مستحق للمراجعة الآن."),
        ("fr", "Rien à réviser pour l'instant."),
        ("en", "Nothing is due now."),
    ],
)
def test_a_review_with_nothing_due_says_so_in_the_display_language(
    lang: str, said: str, tmp_path: Path
) -> None:
    db = str(tmp_path / "p.sqlite3")
    result = run_cli("review", "kz-independence", "--new-per-day", "0", "--lang", lang, "--db", db)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(said)  # (a pipe: in logical order)
