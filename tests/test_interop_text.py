"""Moodle GIFT and Quizlet-style CSV: round trips, the formats' details, bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from kzlearn import Pack, PackError, load_packs
from kzlearn.interop.gift import parse_gift, to_gift
from kzlearn.interop.tabular import parse_terms, to_terms
from kzlearn.models import (
    ClozeItem,
    FlashcardItem,
    MatchItem,
    McqItem,
    MultiItem,
    OrderItem,
    ShortItem,
    TermFact,
    TrueFalseItem,
)
from kzlearn.questions.generate import all_items
from tests.conftest import DECKS, run_cli

PACKS = load_packs(DECKS)


def _answers(item: object, lang: str) -> object:
    if isinstance(item, McqItem):
        return (item.answer.get(lang, lang), sorted(c.get(lang, lang) for c in item.choices))
    if isinstance(item, TrueFalseItem):
        return item.answer
    if isinstance(item, ShortItem):
        return item.answer.get(lang, lang)
    if isinstance(item, MatchItem):
        return [(p.left.get(lang, lang), p.right.get(lang, lang)) for p in item.pairs]
    if isinstance(item, MultiItem):
        return ([c.get(lang, lang) for c in item.choices], item.answer_indexes)
    assert isinstance(item, ClozeItem)
    return item.text.get(lang, lang)


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.id)
def test_a_gift_round_trip_keeps_every_item_gift_can_hold(pack: Pack) -> None:
    items = all_items(pack)
    exported = to_gift([pack], {pack.id: items})
    back = parse_gift(exported.text, "x.gift", pack_id="back", lang="ar")
    kept = {i.id: i for i in back.items}
    holdable = [
        i
        for i in items
        if not isinstance(i, OrderItem | FlashcardItem)  # GIFT would grade a flashcard typed
        and not (isinstance(i, ClozeItem) and len(i.blanks(None, "")) > 1)
    ]
    assert exported.written == len(holdable) == len(kept)
    assert sorted(exported.skipped) == sorted(
        f"{pack.id}/{i.id}" for i in items if i not in holdable
    )
    for item in holdable:
        again = kept[item.id]
        if isinstance(item, ClozeItem) and item.text.get(None, "").endswith("}}"):
            # GIFT's missing word needs text after the blank; at the end it is a short answer
            assert isinstance(again, ShortItem)
            assert again.answer.plain == item.blanks(None, "")[0][0]
            continue
        assert again.type == item.type
        assert again.tags == item.tags[:1]
        if not isinstance(item, ClozeItem):
            assert again.prompt.get("ar", "ar") == item.prompt.get("ar", "ar")
        assert _answers(again, "ar") == _answers(item, "ar"), item.id
        if item.explanation is not None:
            assert again.explanation is not None


def test_gift_details() -> None:
    text = """// a comment
$CATEGORY: $course$/Kazakhstan/Independence

::Cap\\: city:: What is the largest city? {=Almaty#right! ~Astana#no ~Shymkent}

::tf::Almaty is in Morocco.{F}

::num::How many years? {#30}

::short::Name the first president {=Nazarbayev =Nursultan Nazarbayev}

::pairs::Match them {=Almaty -> Kazakhstan =Meknes -> Morocco}

Independence came in {=1991 =December 1991} after decades.

::esc::Write \\{ and \\} and \\~ and \\= and \\# {=a \\= b}
"""
    pack = parse_gift(text, "t.gift", pack_id="t", lang="en")
    items = {i.id: i for i in pack.items}
    mcq = items["cap-city"]
    assert isinstance(mcq, McqItem)
    assert mcq.answer.plain == "Almaty"
    assert [c.plain for c in mcq.choices] == ["Almaty", "Astana", "Shymkent"]
    assert mcq.tags == ("independence",)
    assert isinstance(items["tf"], TrueFalseItem)
    assert items["tf"].answer is False
    num = items["num"]
    assert isinstance(num, ShortItem)
    assert (num.answer.plain, num.grade_as) == ("30", "number")
    short = items["short"]
    assert isinstance(short, ShortItem)
    assert short.accept == ("Nursultan Nazarbayev",)
    assert isinstance(items["pairs"], MatchItem)
    cloze = items["q6"]
    assert isinstance(cloze, ClozeItem)
    assert cloze.text.plain == "Independence came in {{1991|December 1991}} after decades."
    esc = items["esc"]
    assert isinstance(esc, ShortItem)
    assert esc.prompt.plain == "Write { and } and ~ and = and #"
    assert esc.answer.plain == "a = b"
    again = parse_gift(to_gift([pack], {"t": list(pack.items)}).text, "u.gift", pack_id="t")
    assert list(again.items) == list(pack.items)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("::a:: fine {=x ~y}\n\n::b:: broken {=x ~y\n", 3, "not closed"),
        ("::a:: no block at all\n", 1, "no answer block"),
        ("::a:: two right {=x =y ~z}\n", 1, "several answers worth full credit"),
        ("::a:: number {#many}\n", 1, "needs a number"),
    ],
)
def test_gift_syntax_errors_name_their_line(text: str, line: int, message: str) -> None:
    with pytest.raises(PackError) as caught:
        parse_gift(text, "bad.gift", pack_id="b")
    assert caught.value.line == line
    assert message in str(caught.value)


@pytest.mark.parametrize(
    ("text", "delimiter"),
    [
        ("term\tdefinition\nالماطي\tأكبر مدينة\nمكناس\tمدينة مغربية\n", "tab"),
        ('الماطي,أكبر مدينة\n"مكناس, المغرب",مدينة مغربية\n', "comma"),
        ("\ufeffالماطي;أكبر مدينة\nمكناس;مدينة مغربية\n", "semicolon"),
    ],
)
def test_csv_import(tmp_path: Path, text: str, delimiter: str) -> None:
    path = tmp_path / f"{delimiter}.csv"
    path.write_text(text, encoding="utf-8")
    result = run_cli("import", "csv", str(path), "--lang", "ar", "-o", str(tmp_path / "p.yaml"))
    assert result.returncode == 0, result.stderr
    pack = load_packs([tmp_path / "p.yaml"])[0]
    terms = [f.term.get("ar", "ar") for f in pack.facts if isinstance(f, TermFact)]
    assert terms[0] == "الماطي"
    assert len(terms) == 2
    assert delimiter != "comma" or terms[1] == "مكناس, المغرب"


def test_csv_ragged_rows_name_their_lines_and_nothing_is_written(tmp_path: Path) -> None:
    path = tmp_path / "ragged.csv"
    path.write_text('a;b\nc;d;e\n"multi\nline";x\nf\n', encoding="utf-8")
    out = tmp_path / "p.yaml"
    result = run_cli("import", "csv", str(path), "-o", str(out))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith(f"{path}:2:1:")
    assert lines[1].startswith(f"{path}:5:1:")
    assert not out.exists()


def test_csv_export_round_trips_term_facts() -> None:
    pack = PACKS[1]
    text, count = to_terms([pack])
    back = parse_terms(text, "x.tsv", pack_id="x", lang="ar")
    terms = [f for f in pack.facts if f.kind == "term"]
    assert count == len(back.facts) >= len(terms) > 0
    read = [f.term.plain for f in back.facts[: len(terms)]]  # type: ignore[union-attr]
    assert read == [t.term.get("ar", "ar") for t in terms]


@pytest.mark.parametrize("kind", ["gift", "csv"])
@pytest.mark.parametrize(
    ("content", "message"),
    [(b"\x00\x01\x02binary", "binary file"), (b"", "no "), (b"\xff\xfe\x00", "UTF-16 text")],
)
def test_bad_files_are_refused_and_nothing_written(
    tmp_path: Path, kind: str, content: bytes, message: str
) -> None:
    path = tmp_path / f"input.{kind}"
    path.write_bytes(content)
    out = tmp_path / "p.yaml"
    result = run_cli("import", kind, str(path), "-o", str(out))
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()
