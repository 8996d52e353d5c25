"""`kzlearn preview`: every item a student can get, with its answer, for the teacher."""

from __future__ import annotations

from pathlib import Path

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


def test_preview_of_an_imported_moodle_bank_shows_weights_partial_credit_and_feedback(
    tmp_path: Path,
) -> None:
    pack = tmp_path / "course.yaml"
    source = Path(__file__).parent / "data" / "moodle" / "xml" / "course_geography_4x.xml"
    assert (
        run_cli("import", "moodle", str(source), "--id", "course", "-o", str(pack)).returncode == 0
    )
    done = run_cli("preview", str(pack))
    assert done.returncode == 0, done.stderr  # a select-all-that-apply item crashed it
    lines = done.stdout.splitlines()
    assert "── course/borders  (select all that apply · written by hand)" in lines
    assert "  a) Russia  ✓ (33.33%)" in lines
    assert "  d) Mongolia (-100%)" in lines
    assert "Answer: 7010 ± 20" in lines  # the tolerance a number is graded with
    assert "Explanation: Astana has been the capital since 1997." in lines
    at = lines.index("Explanation: Astana has been the capital since 1997.")
    assert lines[at + 1 : at + 3] == [  # each answer's feedback on its own line
        "    «Astana»: Yes!",
        "    «Almaty»: Almaty was the capital until 1997; it is still the largest city.",
    ]
    assert "\\n" not in done.stdout


def test_preview_shows_partly_right_answers_with_their_weight(tmp_path: Path) -> None:
    pack = tmp_path / "p.yaml"
    pack.write_text(
        "id: p\ntitle: P\nlanguage: en\nitems:\n"
        "  - {id: m, type: mcq, prompt: 'Where?', choices: [Nazareth, Galilee, Rome],\n"
        "     answer: Nazareth, partial: [{answer: Galilee, weight: 50}]}\n"
        "  - {id: n, type: short, prompt: 'Pi?', answer: '3.1415', grade_as: number,\n"
        "     tolerance: 0.0005, partial: [{answer: '3', weight: 50, tolerance: 0.5}]}\n",
        encoding="utf-8",
    )
    done = run_cli("preview", str(pack))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "  b) Galilee (50%)" in lines  # the share of a partly right choice
    assert "Answer: 3.1415 ± 0.0005" in lines
    assert "Partly right: 3 ± 0.5 (50%)" in lines
