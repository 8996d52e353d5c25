"""No giveaways: a quiz never shows one item's answer in another's prompt."""

from __future__ import annotations

from pathlib import Path

import pytest

from kzlearn import Pack, load_packs, parse_pack
from kzlearn.models import McqItem, ShortItem, TrueFalseItem
from kzlearn.questions.generate import all_items
from kzlearn.questions.giveaways import giveaway_pairs, gives_away
from kzlearn.quiz.session import QuizOptions, QuizSession
from tests.conftest import DECKS, run_cli
from tests.items import item_of

PACKS = load_packs(DECKS)


def _short(item_id: str, prompt: str, answer: str) -> ShortItem:
    return item_of(ShortItem, id=item_id, type="short", prompt=prompt, answer=answer)


def test_a_prompt_that_names_another_answer_gives_it_away() -> None:
    who = _short("who", "من ترأس الوفد المغربي؟", "عبد اللطيف ملين")
    when = _short("when", "متى زار عبد اللطيف ملين الماطي؟", "مايو 1992")
    assert gives_away(when, who)
    assert not gives_away(who, when)


def test_dates_are_compared_as_values_across_month_tables() -> None:
    when = _short("when", "When did the delegation visit?", "مايو 1992")
    moroccan = _short("who", "من ترأس الوفد الذي زار الماطي في ماي 1992؟", "ملين")
    assert gives_away(moroccan, when)
    other_year = _short("who2", "من ترأس الوفد الذي زار الماطي في ماي 1993؟", "ملين")
    assert not gives_away(other_year, when)


def test_whole_words_only() -> None:
    asked = _short("city", "Which city?", "Fes")
    assert not gives_away(_short("p", "Festivals were held in Meknes.", "x"), asked)
    assert gives_away(_short("p", "Delegates came from Fes.", "x"), asked)


def test_a_true_false_item_has_no_answer_to_give_away() -> None:
    statement = item_of(
        TrueFalseItem, id="s", type="true_false", prompt="Masmoudi led it.", answer=True
    )
    assert not gives_away(_short("p", "Was it true?", "x"), statement)
    assert gives_away(statement, _short("who", "Who led it?", "Masmoudi"))


def test_an_item_that_names_its_own_answer() -> None:
    item = item_of(
        McqItem,
        id="m",
        type="mcq",
        prompt="Which city, Casablanca or another, hosted the summit?",
        choices=("Casablanca", "Rabat", "Fes"),
        answer="Casablanca",
    )
    assert list(giveaway_pairs([item])) == [(item, item)]


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.id)
def test_ten_question_quizzes_never_give_an_answer_away(pack: Pack, lang: str) -> None:
    for seed in range(60):
        session = QuizSession([pack], QuizOptions(count=10, seed=seed, lang=lang))
        items = [session._items[k][1] for k in session._state.keys]
        assert len(items) == 10
        pairs = [(a.id, b.id) for a, b in giveaway_pairs(items) if a is not b]
        assert pairs == [], (seed, pairs)


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.id)
def test_no_item_of_the_decks_gives_its_own_answer_away(pack: Pack) -> None:
    items = all_items(pack)
    assert [a.id for a, b in giveaway_pairs(items) if a is b] == []


def test_lint_notes_giveaways_and_warns_of_drafts(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(
        """\
id: p
title: "p"
language: en
facts:
  - id: leader
    kind: entity
    category: person
    group: deputy-minister
    value: "Abdellatif Mellin"
    about: "the leader of the delegation"
    question: "Who led the delegation to Almaty?"
    statement: "{answer} led the delegation."
    evidence: "the delegation led by Abdellatif Mellin visited Almaty in May 1992"
  - id: visit
    kind: date
    value: 1992-05
    about: "the visit"
    question: "When did Abdellatif Mellin visit Almaty?"
    statement: "Mellin visited Almaty in {answer}."
    evidence: "the delegation led by Abdellatif Mellin visited Almaty in May 1992"
  - id: unsure
    kind: number
    value: 7
    about: "the summit's number"
    draft: true
items:
  - id: loose
    type: true_false
    prompt: "Almaty is in Kazakhstan."
    answer: true
""",
        encoding="utf-8",
    )
    done = run_cli("lint", str(path))
    out = done.stdout
    assert "facts.1: note: visit.mcq, visit.short, visit.cloze names" in out
    assert "names the answer to 'leader'; a quiz keeps them apart" in out
    assert "facts.2.draft: warning: still a draft" in out
    assert "items.0: warning: an item with neither a fact nor evidence" in out
    assert done.returncode == 1
    assert "note(s)" in done.stderr


def test_validate_and_quiz_leave_drafts_out(tmp_path: Path) -> None:
    path = tmp_path / "d.yaml"
    path.write_text(
        """\
id: d
title: "d"
language: en
facts:
  - id: kept
    kind: entity
    category: place
    value: "Almaty"
    about: "the largest city"
    question: "What is the largest city of Kazakhstan?"
  - id: unsure
    kind: entity
    category: place
    value: "Astana"
    about: "the capital"
    draft: true
""",
        encoding="utf-8",
    )
    pack = parse_pack(path.read_text(encoding="utf-8"), str(path))
    session = QuizSession([pack], QuizOptions(seed=1))
    assert all(not key.startswith("d/unsure") for key in session._state.keys)
    done = run_cli("validate", str(path))
    assert done.returncode == 0
    assert "1 draft fact left out" in done.stdout + done.stderr


def test_no_export_holds_a_draft() -> None:
    from kzlearn.interop.anki import anki_notes
    from kzlearn.interop.gift import to_gift
    from kzlearn.interop.tabular import to_terms

    pack = parse_pack(
        """\
id: e
title: "e"
language: en
facts:
  - id: cis
    kind: term
    term: "CIS"
    about: "CIS"
    definition: "the Commonwealth of Independent States"
    draft: true
  - id: un
    kind: term
    term: "UN"
    about: "UN"
    definition: "the United Nations"
  - id: nato
    kind: term
    term: "NATO"
    about: "NATO"
    definition: "the North Atlantic Treaty Organization"
  - id: eu
    kind: term
    term: "EU"
    about: "EU"
    definition: "the European Union"
items:
  - id: unsure
    type: true_false
    prompt: "Kazakhstan joined the CIS."
    answer: true
    draft: true
""",
        "e.yaml",
    )
    items = {pack.id: all_items(pack)}
    gift = to_gift([pack], items).text
    csv, _ = to_terms([pack])
    notes = anki_notes(pack)
    for text in (gift, csv, *(str(n.fields) for n in notes)):
        assert "CIS" not in text
        assert "Commonwealth" not in text
    assert "United Nations" in gift
    assert "United Nations" in csv
    assert any("United Nations" in str(n.fields) for n in notes)
