"""Hostile pack input (issue 14): every one is a clean PackError located in the file, and
every pack that validates also generates its questions."""

from __future__ import annotations

import pytest
import yaml

from kzlearn import PackError, load_pack, yamlread
from kzlearn.packs import parse_pack
from kzlearn.questions.generate import all_items
from tests.conftest import Write, run_cli

HEAD = "id: hostile\ntitle: Hostile\nlanguage: en\n"
LOADERS = [yaml.SafeLoader] + ([yaml.CSafeLoader] if yaml.__with_libyaml__ else [])


@pytest.fixture(params=LOADERS, ids=lambda loader: loader.__name__)
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlread, "_Loader", request.param)


def number_pack(value: str) -> str:
    return HEAD + f"facts:\n  - id: f\n    kind: number\n    about: a count\n    value: {value}\n"


def date_pack(value: str) -> str:
    return HEAD + f"facts:\n  - id: f\n    kind: date\n    about: a day\n    value: {value}\n"


def problems_of(text: str) -> list[str]:
    with pytest.raises(PackError) as caught:
        parse_pack(text, "p.yaml")
    return [str(p) for p in caught.value.problems]


@pytest.mark.usefixtures("loader")
def test_an_integer_past_pythons_digit_limit_is_a_located_problem() -> None:
    problems = problems_of(number_pack("9" * 5000))
    assert any(
        p.startswith("p.yaml:8:12: facts.0.value: a number of 5,000 digits") for p in problems
    )


@pytest.mark.usefixtures("loader")
@pytest.mark.parametrize("byte", ["\x01", "\x1b", "\x7f"])
def test_a_raw_control_byte_is_one_line_at_its_line_and_column(byte: str) -> None:
    text = HEAD.replace("Hostile", f"Hos{byte}tile")
    assert problems_of(text) == [
        f"p.yaml:2:11: the control character U+{ord(byte):04X} is not allowed here"
    ]


def test_a_raw_control_byte_through_the_cli_is_one_line(write: Write) -> None:
    path = write("ctl.yaml", HEAD.replace("Hostile", "Hos\x01tile"))
    result = run_cli("validate", str(path))
    assert result.returncode == 1
    assert (
        result.stderr.splitlines()[0]
        == f"{path}:2:11: the control character U+0001 is not allowed here"
    )
    assert "position" not in result.stderr


@pytest.mark.parametrize("code", ["en\n", "en\n\n", "ar-\n"])
def test_a_language_code_with_a_trailing_newline_is_refused(code: str) -> None:
    text = HEAD.replace("title: Hostile", f"title: {{en: Hostile, {code!r}: x}}".replace("'", '"'))
    assert any("is not a language code" in p for p in problems_of(text.replace("\n\n", "\\n\\n")))


@pytest.mark.parametrize(
    ("encoding", "name"),
    [("utf-16", "UTF-16"), ("utf-16-be", "UTF-16"), ("utf-32", "UTF-32")],
)
def test_utf16_and_utf32_with_a_bom_are_named(write: Write, encoding: str, name: str) -> None:
    data = HEAD.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    path = write("wide.yaml", data)
    with pytest.raises(PackError) as caught:
        load_pack(path)
    assert str(caught.value) == f"{path}:1:1: is {name} text, not UTF-8: save it as UTF-8"


@pytest.mark.parametrize("value", ["36", "0001", "0099", "0036-05", "0036-05-04"])
def test_a_year_below_100_is_refused(value: str) -> None:
    problems = problems_of(date_pack(value))
    assert len(problems) == 1
    assert "is out of range 100-9999" in problems[0]
    assert problems[0].startswith("p.yaml:8:5: facts.0.value:")


@pytest.mark.parametrize("value", ["0100", "0101-01-01", "9999-12-31", "1991"])
def test_every_date_that_validates_generates_its_questions(value: str) -> None:
    assert all_items(parse_pack(date_pack(value)))


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("1e-5", "at least 0.0001"),
        ("-0.00002", "at least 0.0001"),
        ("1e31", "less than 10^30"),
        ("-1e30", "less than 10^30"),
        ("1e999", "inf is not a number"),
        ("-.inf", "-inf is not a number"),
        (".nan", "nan is not a number"),
        ("9" * 400, "less than 10^30"),
    ],
)
def test_numbers_no_quiz_can_ask_for_are_refused(value: str, message: str) -> None:
    problems = problems_of(number_pack(value))
    assert len(problems) == 1
    assert problems[0].startswith("p.yaml:8:5: facts.0.value:")
    assert message in problems[0]


@pytest.mark.parametrize(
    "value", ["0", "0.0001", "-0.0001", "0.5", "9" * 30, "9.99e29", "-123456789012345678"]
)
def test_every_number_that_validates_generates_its_questions(value: str) -> None:
    assert all_items(parse_pack(number_pack(value)))


@pytest.mark.usefixtures("loader")
@pytest.mark.parametrize("prefix", ["0x", "0o"])
def test_a_hex_or_octal_integer_too_long_to_show_is_a_located_problem(prefix: str) -> None:
    problems = problems_of(number_pack(prefix + "7" * 5000))
    assert any("facts.0.value: a number of over 4,300 digits is too long" in p for p in problems)
    assert not any("set_int_max_str_digits" in p for p in problems)
