"""Drafting facts from an article: every date and nothing that is not one."""

from __future__ import annotations

from pathlib import Path

import pytest

from kzlearn.facts.extract import extract
from kzlearn.language.dates import PartialDate
from kzlearn.packs import parse_pack
from kzlearn.quiz.parts import ITEM_TYPES
from tests.conftest import ARTICLE, run_cli

PUBLISHED = PartialDate(2021, 12, 14)

# Read off the article by hand: every date it writes, in order.
ARTICLE_DATES = [
    ("date", "--12-16", None),  # السادس عشر من دجنبر
    ("date", "1991-12-16", None),  # 16 ديسمبر 1991
    ("span", "1991", "1993"),  # ما بين 1991 و1993
    ("date", "1992-05", None),  # ماي 1992
    ("date", "1994-12", None),  # دجنبر 1994
    ("date", "1994", None),  # بدأت في عام 1994
    ("date", "1997", None),  # وانتهت في 1997وخلال
    ("date", "1997", None),  # ومنذ عام 1997
    ("later", "2030", None),  # حتى عام 2030: a strategy's horizon, after publication
    ("date", "1992-05-26", None),  # منذ 26 ماي 1992
    ("date", "1990", None),  # صيف عام 1990
    ("date", "1992-05", None),  # مايو عام 1992
    ("date", "1994-12", None),  # دجنبر عام1994
    ("date", "2001-10", None),  # أكتوبر عام 2001
    ("date", "2021-12-09", None),  # الخميس 9 دجنبر الجاري
    ("date", "2021-04-30", None),  # الجمعة 30 أبريل 2021
    ("date", "2021-03", None),  # مارس 2021
]


def _dates(found: list) -> list[tuple[str, str, str | None]]:  # type: ignore[type-arg]
    return [
        (f.kind, f.value.iso(), f.until.iso() if f.until else None)
        for f in found
        if f.kind in ("date", "span", "later")
    ]


def test_every_date_of_the_article_and_nothing_else() -> None:
    found = extract(ARTICLE.read_text(encoding="utf-8"), published=PUBLISHED)
    assert _dates(found) == ARTICLE_DATES
    numbers = [(f.text, f.number, f.unit) for f in found if f.kind == "number"]
    # One 30 (الذكرى الثلاثين, not again for السنوات الثلاثين in the same sentence), no
    # unit «بالذكرى»; ordinals of a definite noun (القمة السابعة); كوفيد-19 is a name.
    assert numbers == [
        ("الثلاثين", 30, None),
        ("الثانية", 2, None),
        ("الثالثة", 3, None),
        ("السابعة", 7, None),
        ("السابع", 7, None),
    ]
    assert all(f.sentence and f.about for f in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وصل في ١٦ ديسمبر ١٩٩١ إلى المدينة.", [("date", "1991-12-16", None)]),
        ("في الحادي والعشرين من مارس 2021 انعقد الاجتماع.", [("date", "2021-03-21", None)]),
        ("يمارس الرياضة. ثم مارس الرياضة أيضا.", []),
        ("أصيب بكوفيد-19 في أبريل 2020.", [("date", "2020-04", None)]),
        ("الفترة 1991–1993 كانت صعبة.", [("span", "1991", "1993")]),
        ("On 16 December 1991 it became independent.", [("date", "1991-12-16", None)]),
        ("It signed on December 16, 1991.", [("date", "1991-12-16", None)]),
        ("Le 1er mai 2020, la réunion a eu lieu.", [("date", "2020-05-01", None)]),
        ("عقد اللقاء يوم 9 دجنبر المقبل.", [("later", "2022-12-09", None)]),
        ("عقد اللقاء في 3 مارس الماضي.", [("date", "2021-03-03", None)]),
        ("عقد اللقاء في 3 مارس.", [("date", "--03-03", None)]),
        ("في المقام الأول جاء الاقتصاد.", []),
    ],
)
def test_dates_in_sentences(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert _dates(extract(text, published=PUBLISHED)) == expected


def test_hijri_years_are_listed_apart_never_as_dates() -> None:
    found = extract("ولد سنة 1420 هـ الموافق 1999 م.")
    assert [(f.kind, f.text) for f in found if f.kind in ("hijri", "date")] == [
        ("hijri", "1420"),
        ("date", "1999"),
    ]


def test_numbers_with_their_unit() -> None:
    found = [f for f in extract("وصل 250 طالبا إلى المدينة.") if f.kind == "number"]
    assert [(f.number, f.unit) for f in found] == [(250, "طالبا")]


def test_the_command_writes_a_valid_draft(tmp_path: Path) -> None:
    out = tmp_path / "draft.yaml"
    result = run_cli(
        "extract", str(ARTICLE), "--lang", "ar", "--published", "2021-12-14", "-o", str(out)
    )
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    pack = parse_pack(text, str(out))
    assert all(f.draft for f in pack.facts)
    drafted_dates = [f for f in pack.facts if f.kind == "date"]
    assert len(drafted_dates) == len([d for d in ARTICLE_DATES if d[0] != "later"])
    assert "2030" not in {f.value.iso() for f in drafted_dates}
    assert "#   2030 — " in text  # listed for the teacher in a comment
    assert "delete `draft: true`" in text
    again = run_cli("extract", str(ARTICLE), "-o", str(out))
    assert again.returncode == 1
    assert "not overwriting" in again.stderr
    assert out.read_text(encoding="utf-8") == text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x7fELF\x02\x01\x01\x00\x00", "binary file"),
        (b"", "the article is empty"),
        (b"  \n ", "the article is empty"),
        (b"\xff\xfe bad", "not UTF-8"),
    ],
)
def test_bad_articles_are_refused_and_nothing_written(
    tmp_path: Path, content: bytes, message: str
) -> None:
    article = tmp_path / "article.txt"
    article.write_bytes(content)
    out = tmp_path / "draft.yaml"
    result = run_cli("extract", str(article), "-o", str(out))
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_new_scaffolds_a_valid_lint_clean_pack(tmp_path: Path) -> None:
    out = tmp_path / "mine.yaml"
    assert run_cli("new", "-o", str(out)).returncode == 0
    pack = parse_pack(out.read_text(encoding="utf-8"), str(out))
    assert {f.kind for f in pack.facts} == {
        "date",
        "number",
        "entity",
        "term",
        "phrase",
        "sequence",
    }
    assert {i.type for i in pack.items} == set(ITEM_TYPES)  # an example of every type
    lint = run_cli("lint", str(out))
    assert lint.returncode == 0, lint.stdout
    assert run_cli("new", "-o", str(out)).returncode == 1  # never overwrites
