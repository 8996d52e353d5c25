"""Term lists in text (issue 12 §4): delimiters, Anki's "Notes in Plain Text" headers,
Quizlet's custom separators, and the CSV export. Every file is a real file on disk, imported
and exported through the command line as a user would."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from kzlearn import Pack, load_packs
from kzlearn.interop.tabular.markup import html_to_text
from kzlearn.models import McqItem, ShortItem, TermFact
from tests.conftest import DECKS, run_cli


def _import(tmp_path: Path, text: str, *options: str, lang: str = "ar") -> Pack:
    source = tmp_path / "cards.txt"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "pack.yaml"
    result = run_cli("import", "csv", str(source), "--lang", lang, "-o", str(out), *options)
    assert result.returncode == 0, result.stderr
    return load_packs([out])[0]


def _refused(tmp_path: Path, text: str, *options: str) -> str:
    """The one error line of an import that must fail, having written nothing."""
    source = tmp_path / "cards.txt"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "pack.yaml"
    result = run_cli("import", "csv", str(source), "-o", str(out), *options)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert not out.exists()
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0].removeprefix("kzlearn: ")


def _pairs(pack: Pack) -> list[tuple[str, str]]:
    return [
        (f.term.get(None, pack.language), f.definition.get(None, pack.language))
        for f in pack.facts
        if isinstance(f, TermFact)
    ]


# -- delimiters ------------------------------------------------------------------------------

SEMICOLONS_AND_COMMAS = "Almaty;largest city, former capital\nAstana;capital, since 1997\n"


def test_a_semicolon_file_with_quoted_commas_is_split_on_semicolons(tmp_path: Path) -> None:
    # Read with commas, the second row is broken CSV (text after a closing quote); the old
    # guess counted commas and split both rows on them.
    text = 'Almaty;largest city, former capital\n"Nur-Sultan, Astana";capital, since 1997\n'
    assert _pairs(_import(tmp_path, text)) == [
        ("Almaty", "largest city, former capital"),
        ("Nur-Sultan, Astana", "capital, since 1997"),
    ]


def test_a_guess_that_could_go_two_ways_is_refused_with_its_line(tmp_path: Path) -> None:
    line = _refused(tmp_path, "# a comment\n" + SEMICOLONS_AND_COMMAS)
    assert line.startswith(f"{tmp_path / 'cards.txt'}:2:1: ")
    assert "--delimiter semicolon" in line


@pytest.mark.parametrize(
    ("option", "expected"),
    [
        (
            "semicolon",
            [("Almaty", "largest city, former capital"), ("Astana", "capital, since 1997")],
        ),
        (";", [("Almaty", "largest city, former capital"), ("Astana", "capital, since 1997")]),
        ("comma", [("Almaty;largest city", "former capital"), ("Astana;capital", "since 1997")]),
    ],
)
def test_delimiter_option(tmp_path: Path, option: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(_import(tmp_path, SEMICOLONS_AND_COMMAS, "--delimiter", option)) == expected


def test_delimiter_option_wins_over_tabs_and_keeps_quotes_bom_and_line_breaks(
    tmp_path: Path,
) -> None:
    text = '\ufeffالماطي|"أكبر مدينة\tسابقًا"\n"مكناس\n| المغرب"|مدينة مغربية\n'
    assert _pairs(_import(tmp_path, text, "--delimiter", "pipe")) == [
        ("الماطي", "أكبر مدينة سابقًا"),  # a pack's texts hold no tab
        ("مكناس\n| المغرب", "مدينة مغربية"),
    ]


def test_quizlet_custom_separators(tmp_path: Path) -> None:
    text = "الماطي - أكبر مدينة, العاصمة السابقة;أستانا - العاصمة\nمنذ 1997;\n"
    pack = _import(tmp_path, text, "--delimiter", " - ", "--row-separator", ";")
    assert _pairs(pack) == [
        ("الماطي", "أكبر مدينة, العاصمة السابقة"),
        ("أستانا", "العاصمة\nمنذ 1997"),
    ]


def test_quizlet_custom_rows_name_their_lines(tmp_path: Path) -> None:
    text = "a - b;\nc - d - e;\nf - g"
    line = _refused(tmp_path, text, "--delimiter", " - ", "--row-separator", ";")
    assert line.startswith(f"{tmp_path / 'cards.txt'}:2:1: ")
    assert "found 3 field(s)" in line


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (("--row-separator", ";"), "--row-separator needs --delimiter"),
        (("--delimiter", ""), "--delimiter: expected tab, comma"),
    ],
)
def test_bad_options_are_one_line(tmp_path: Path, options: tuple[str, ...], message: str) -> None:
    assert message in _refused(tmp_path, "a\tb\n", *options)


# -- Anki's "Notes in Plain Text" -------------------------------------------------------------

ANKI_EXPORT = (
    "#separator:tab\n"
    "#html:true\n"
    "#guid column:1\n"
    "#notetype column:2\n"
    "#deck column:3\n"
    "#tags column:7\n"
    "Ju>M;DP%.e\tBasic\tKazakhstan::Cities\tAlmaty\tlargest city<br>former capital\t\t"
    "cities south\n"
    'aB3$x\tBasic (and reversed card)\tKazakhstan::Cities\tAstana\t"<ul><li>capital</li>'
    '<li>since 1997</li></ul>"\t\tcities\n'
    "c1oze\tCloze\tKazakhstan::Cities\t{{c1::Shymkent}} is the third city\t\t\tcities\n"
    "Ab3$x\tVocabulary\tKazakhstan::Cities\tKaraganda\tmining city\t"
    "<i>Karaganda</i> &amp; coal\t\n"
)


def test_anki_plain_text_export_imports_with_its_headers(tmp_path: Path) -> None:
    source = tmp_path / "cards.txt"
    source.write_text(ANKI_EXPORT, encoding="utf-8")
    out = tmp_path / "pack.yaml"
    result = run_cli("import", "csv", str(source), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "1 cloze note(s) left out (lines 9)" in result.stderr
    pack = load_packs([out])[0]
    assert _pairs(pack) == [
        ("Almaty", "largest city\nformer capital"),
        ("Astana", "- capital\n- since 1997"),
        ("Karaganda", "mining city"),
    ]
    facts = [f for f in pack.facts if isinstance(f, TermFact)]
    assert [f.tags for f in facts] == [("cities", "south"), ("cities",), ()]
    assert pack.title.get(None, "en") == "Kazakhstan::Cities"  # one deck: the pack's title
    assert facts[2].note is not None
    assert facts[2].note.get(None, "en") == "Karaganda & coal"
    # guids differing only in case are different notes, and give the same ids every time
    assert len({f.id for f in facts}) == len(facts)
    again = tmp_path / "again.yaml"
    assert run_cli("import", "csv", str(source), "-o", str(again)).returncode == 0
    assert [f.id for f in load_packs([again])[0].facts] == [f.id for f in facts]


def test_several_decks_become_tags_and_header_tags_apply_to_all(tmp_path: Path) -> None:
    text = (
        "#separator:Semicolon\n#deck column:1\n#tags:imported\n"
        "Kazakhstan::Cities;Almaty;largest city\nMorocco;Meknes;imperial city\n"
    )
    pack = _import(tmp_path, text, lang="en")
    assert [f.tags for f in pack.facts] == [
        ("imported", "Kazakhstan::Cities"),
        ("imported", "Morocco"),
    ]
    assert pack.title.get(None, "en") == "cards"


def test_columns_header_names_the_term_and_definition(tmp_path: Path) -> None:
    text = "#separator:|\n#columns:Back|Front\nlargest city|Almaty\n"
    assert _pairs(_import(tmp_path, text, lang="en")) == [("Almaty", "largest city")]


def test_deck_header_is_the_title_and_legacy_tags_line_tags_every_card(tmp_path: Path) -> None:
    text = "tags:kz 2026\n#deck:Kazakhstan\nAlmaty\tlargest city\n"
    pack = _import(tmp_path, text, lang="en")
    assert pack.title.get(None, "en") == "Kazakhstan"
    assert [f.tags for f in pack.facts] == [("kz", "2026")]


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("a<br>b<div>c</div>d", "a\nb\nc\nd"),
        ("<ol><li>one</li><li>two</li></ol>after", "1. one\n2. two\nafter"),
        ("x &lt; y &amp;&nbsp;z<style>.c{color:red}</style>", "x < y & z"),
        ("<b>bold</b>\n  split", "bold split"),
    ],
)
def test_html_becomes_readable_text(html: str, text: str) -> None:
    assert html_to_text(html) == text


def test_unclosed_markup_stays_text_and_is_read_in_one_pass() -> None:
    # html.parser took minutes on this; the tag pattern never scans past the next "<"
    assert html_to_text("x <a " * 50_000).startswith("x <a x <a")
    assert html_to_text("<style>" + "a" * 100_000) == ""  # an unclosed style sheet hides all


def test_html_false_keeps_markup_as_text(tmp_path: Path) -> None:
    text = "#separator:comma\n#html:false\n<b>,the bold tag\n"
    assert _pairs(_import(tmp_path, text, lang="en")) == [("<b>", "the bold tag")]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("#separator:tab\n#html:maybe\na\tb\n", 2, "#html: expected true or false"),
        ("#tags column:zero\na\tb\n", 1, "#tags column: expected a column number"),
        ("#separator:tab\n\na\tb\nc\t\n", 4, "found an empty term or definition"),
        ("# a comment, not a header\na,b,c\n", 2, "found 3 field(s)"),
        ("#guid column:1\n#separator:tab\nx\ta\tb\nx\tc\td\n", 4, "is also on line 3"),
    ],
)
def test_bad_headers_and_rows_name_their_lines(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    found = _refused(tmp_path, text)
    assert found.startswith(f"{tmp_path / 'cards.txt'}:{line}:1: ")
    assert message in found


# -- export ------------------------------------------------------------------------------------


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text), delimiter="\t"))


@pytest.mark.parametrize("lang", [None, "en"])
def test_export_writes_each_term_once_in_the_chosen_language(
    tmp_path: Path, lang: str | None
) -> None:
    deck = next(p for p in load_packs(DECKS) if any(isinstance(f, TermFact) for f in p.facts))
    out = tmp_path / "terms.tsv"
    options = ("--lang", lang) if lang else ()
    result = run_cli("export", "csv", deck.id, "-o", str(out), *options)
    assert result.returncode == 0, result.stderr
    rows = _rows(out.read_text(encoding="utf-8"))
    written = lang or deck.language
    expected = [
        [f.term.get(written, deck.language), f.definition.get(written, deck.language)]
        for f in deck.facts
        if isinstance(f, TermFact) and not f.draft
    ] + [
        [i.prompt.get(written, deck.language), i.answer.get(written, deck.language)]
        for i in deck.items
        if isinstance(i, McqItem | ShortItem) and not i.draft
    ]
    assert rows == [r for n, r in enumerate(expected) if r not in expected[:n]]
    assert all(len(r) == 2 and r[1] not in ("true", "false") for r in rows)
    assert f"{len(rows)} question(s) written" in result.stderr


def test_export_in_a_language_the_pack_lacks_is_refused(tmp_path: Path) -> None:
    deck = load_packs(DECKS)[0]
    result = run_cli("export", "csv", deck.id, "--lang", "fr")
    assert result.returncode == 1
    langs = ", ".join((deck.language, *deck.translations))
    assert result.stderr.strip().endswith(f"{deck.id}: no fr text (the pack has {langs})")
