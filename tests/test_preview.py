"""`kzlearn preview`: every item a student can get, with its answer, for the teacher."""

from __future__ import annotations

from kzlearn import load_packs
from kzlearn.questions.generate import all_items
from tests.conftest import DECKS, run_cli


def test_preview_shows_every_item_with_its_answer_and_evidence() -> None:
    pack = load_packs(DECKS)[0]
    done = run_cli("preview", str(DECKS[0]))
    assert done.returncode == 0, done.stderr
    headers = [line for line in done.stdout.splitlines() if line.startswith("── ")]
    assert len(headers) == len(all_items(pack))
    for item in all_items(pack):
        assert f"── {pack.id}/{item.id}  (" in done.stdout
    assert "الإجابة: " in done.stdout
    assert "المموهات: " in done.stdout
    assert "الشاهد: «" in done.stdout


def test_preview_in_english_for_one_fact() -> None:
    pack = load_packs(DECKS)[0]
    fact = next(f for f in pack.facts if f.kind == "date")
    done = run_cli("preview", str(DECKS[0]), "--lang", "en", "--fact", fact.id)
    assert done.returncode == 0, done.stderr
    headers = [line for line in done.stdout.splitlines() if line.startswith("── ")]
    assert headers
    assert all(f"fact {fact.id})" in h for h in headers)
    assert "Answer: " in done.stdout
    assert "(multiple choice · generated" in done.stdout


def test_preview_refuses_a_language_or_fact_the_pack_lacks() -> None:
    done = run_cli("preview", str(DECKS[0]), "--lang", "de")
    assert done.returncode == 1
    assert done.stderr.startswith("kzlearn: ")
    assert "no de text" in done.stderr
    done = run_cli("preview", str(DECKS[0]), "--fact", "nope")
    assert done.returncode == 1
    assert "no fact has the id 'nope'" in done.stderr


def test_preview_shows_the_facts_note_where_the_item_has_no_explanation() -> None:
    from kzlearn import parse_pack
    from kzlearn.questions.preview import preview_lines

    pack = parse_pack(
        'id: n\ntitle: "n"\nlanguage: en\nfacts:\n  - id: games\n    kind: date\n'
        '    value: 1990\n    about: "the Peace Games"\n    note: "So the article says."\n',
        "n.yaml",
    )
    lines = list(preview_lines(pack, all_items(pack)))
    assert lines.count("Explanation: So the article says.") == len(
        [line for line in lines if line.startswith("── ")]
    )
