"""Quality warnings, each with its line."""

from __future__ import annotations

from pathlib import Path

from kzlearn.questions.lint import lint_file
from tests.conftest import DECKS, run_cli

PACK = """\
id: demo
title: {en: "Demo", ar: "تجربة"}
language: en
translations: [ar]
facts:
  - id: independence
    kind: date
    value: 1991-12-16
    about: {en: "independence", ar: "الاستقلال"}
    distractors: [{en: "16/12/1991", ar: "16 دجنبر 1991"}]
items:
  - id: q1
    type: mcq
    fact: independence
    prompt: {en: "When was independence?", ar: "متى الاستقلال؟"}
    choices: [{en: "1991-12-16", ar: "1991-12-16"}, {en: "16 December 1991", ar: "16 ديسمبر 1991"}]
    answer: {en: "1991-12-16", ar: "1991-12-16"}
  - id: q2
    type: short
    prompt: "Who was Nazarbayev, the first president?"
    answer: "Nazarbayev"
  - id: q3
    type: true_false
    prompt: {en: "When was independence?", ar: "متى الاستقلال؟"}
    answer: true
"""


def test_every_kind_of_warning_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "demo.yaml"
    path.write_text(PACK, encoding="utf-8")
    found = [(p.line, p.field, p.message) for p in lint_file(path)]
    messages = "\n".join(f"{line} {field} {message}" for line, field, message in found)
    assert (
        6,
        "facts.0",
        "warning: a fact without evidence: quote the passage it comes from",
    ) in found
    assert any(line == 10 and "would be graded right" in m for line, _, m in found), messages
    assert any(
        f == "items.0.choices.1" and "'16 December 1991' would be graded right" in m
        for _, f, m in found
    ), messages
    assert any(
        line == 20 and "the answer 'Nazarbayev' is in the prompt" in m for line, _, m in found
    ), messages
    assert any(
        f == "items.2.prompt" and "asks the same thing as items.0" in m for _, f, m in found
    ), messages
    assert any(f == "items.1.prompt" and "no ar translation" in m for _, f, m in found), messages


def test_the_bundled_decks_are_lint_clean() -> None:
    result = run_cli("lint", *map(str, DECKS))
    assert result.returncode == 0, result.stdout
    warnings = [line for line in result.stdout.splitlines() if ": note: " not in line]
    assert warnings == []
    assert result.stderr.startswith("0 warning(s), ")


def test_generated_items_are_linted_too(tmp_path: Path) -> None:
    path = tmp_path / "gen.yaml"
    path.write_text(
        """\
id: gen
title: "gen"
language: en
facts:
  - id: city
    kind: entity
    category: place
    value: "Almaty"
    about: "the largest city"
    evidence: "Almaty, the largest city"
  - id: call
    kind: date
    value: 2021-04-30
    about: "the call"
    question: "When did the ministers speak by phone?"
    statement: "The ministers spoke by phone on {answer}."
    evidence: "the ministers spoke by phone on 30 April 2021"
items:
  - id: again
    type: short
    fact: city
    prompt: "What is the largest city?"
    answer: "Almaty"
""",
        encoding="utf-8",
    )
    found = [(p.field, p.message) for p in lint_file(path)]
    messages = "\n".join(f"{f} {m}" for f, m in found)
    # the template's question for the city, in English, and its statement
    assert (
        "facts.0.question",
        "warning: no question in en: a template words it; write the fact's own",
    ) in found, messages
    assert (
        "facts.0.statement",
        "warning: no statement in en: a template words it; write the fact's own",
    ) in found, messages
    assert not any(f.startswith("facts.1.question") for f, _ in found), messages
    # an entity of no kind, with no distractors of its own
    assert any(f == "facts.0" and "without a group" in m for f, m in found), messages
    # the hand-written item repeats the generated typed question of the same fact
    assert any(
        f == "facts.0" and "city.short asks the same thing as items.0" in m for f, m in found
    ), messages
