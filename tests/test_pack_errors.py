"""Bad pack input: every problem is one line naming the file, line and column; no traceback."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from kzlearn import PackError, load_pack, load_packs
from tests.conftest import Write, run_cli

GOOD = """\
id: demo
title: {ar: "تجربة", en: "Demo"}
language: ar
facts:
  - id: independence
    kind: date
    about: {ar: "الاستقلال", en: "independence"}
    value: 1991-12-16
items:
  - id: q1
    type: mcq
    prompt: "متى؟"
    choices: ["1990", "1991", "1992"]
    answer: "1991"
    fact: independence
"""

LINE = re.compile(
    r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?:(?P<field>[\w.]+): )?(?P<msg>.+)$"
)


def problems_of(path: Path) -> list[str]:
    with pytest.raises(PackError) as caught:
        load_pack(path)
    return [str(p) for p in caught.value.problems]


def only_problem(path: Path) -> re.Match[str]:
    problems = problems_of(path)
    assert len(problems) == 1, problems
    match = LINE.match(problems[0])
    assert match, problems[0]
    assert match["file"] == str(path)
    return match


def test_the_good_pack_loads(write: Write) -> None:
    pack = load_pack(write("good.yaml", GOOD))
    assert pack.id == "demo"
    assert pack.items[0].answer_index == 1  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("name", "before", "after", "line", "field", "message"),
    [
        (
            "unknown field",
            '    answer: "1991"',
            '    anwser: "1991"',
            14,
            "items.0.anwser",
            "unknown field 'anwser' (did you mean 'answer'?)",
        ),
        (
            "wrong type",
            "    value: 1991-12-16",
            "    value: [1991]",
            8,
            "facts.0.value",
            "expected a date",
        ),
        (
            "missing field",
            '    prompt: "متى؟"\n',
            "",
            10,
            "items.0.prompt",
            "missing required field 'prompt'",
        ),
        (
            "answer not among choices",
            '    answer: "1991"',
            '    answer: "1989"',
            10,
            "items.0",
            "the answer is not one of the choices",
        ),
        (
            "duplicate choices",
            '["1990", "1991", "1992"]',
            '["1990", "1991", " 1990 "]',
            10,
            "items.0",
            "choices 1 and 3 are the same",
        ),
        (
            "no mapping where one is needed",
            "    fact: independence",
            "    fact: independence\n    evidence: 42",
            16,
            "items.0.evidence",
            "input should be a valid dictionary or instance of Evidence",
        ),
        (
            "impossible date",
            "1991-12-16",
            "1991-02-30",
            8,
            "facts.0.value",
            "day 30 does not exist in February 1991",
        ),
        (
            "empty prompt",
            '    prompt: "متى؟"',
            '    prompt: "  "',
            12,
            "items.0.prompt",
            "text must not be empty",
        ),
        (
            "missing fact",
            "    fact: independence",
            "    fact: independance",
            15,
            "items.0.fact",
            "no fact has the id 'independance'",
        ),
        (
            "unknown item type",
            "    type: mcq",
            "    type: essay",
            10,
            "items.0",
            "unknown type 'essay'; expected one of mcq",
        ),
        (
            "text without the pack language",
            'title: {ar: "تجربة", en: "Demo"}',
            'title: {en: "Demo"}',
            2,
            "title",
            "has no text in the pack's language (ar)",
        ),
    ],
)
def test_one_problem_one_line(  # noqa: PLR0917
    write: Write, name: str, before: str, after: str, line: int, field: str, message: str
) -> None:
    assert before in GOOD, name
    match = only_problem(write("pack.yaml", GOOD.replace(before, after)))
    assert int(match["line"]) == line
    assert match["field"] == field
    assert message in match["msg"]


def test_duplicate_item_id(write: Write) -> None:
    second = GOOD.split("items:\n")[1]
    match = only_problem(write("pack.yaml", GOOD + second))
    assert (int(match["line"]), match["field"]) == (16, "items.1.id")
    assert "duplicate id 'q1'" in match["msg"]


def test_duplicate_key_names_both_lines(write: Write) -> None:
    text = GOOD.replace("language: ar\n", "language: ar\nlanguage: en\n")
    match = only_problem(write("pack.yaml", text))
    assert (match["line"], match["field"]) == ("4", "language")
    assert "duplicate key 'language' (first at line 3)" in match["msg"]


def test_malformed_yaml(write: Write) -> None:
    match = only_problem(write("pack.yaml", GOOD.replace('choices: ["1990",', 'choices: ["1990"')))
    assert match["line"] == "13"


def test_tab_in_indentation(write: Write) -> None:
    match = only_problem(write("pack.yaml", GOOD.replace("    kind: date", "\tkind: date")))
    assert match["line"] == "6"
    assert "tab" in match["msg"]


def test_all_problems_of_a_file_in_one_run(write: Write) -> None:
    text = GOOD.replace("1991-12-16", "1991-13-01").replace("anwser", "x")
    text = text.replace('    prompt: "متى؟"', "    prompt: 5\n    colour: red")
    problems = problems_of(write("pack.yaml", text))
    assert len(problems) == 2, problems
    assert ":8:" in problems[0]
    assert "month 13" in problems[0]
    assert ":13:" in problems[1]
    assert "unknown field 'colour'" in problems[1]


def test_alias_bomb_is_refused_quickly(write: Write) -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 12):
        refs = ", ".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    path = write("bomb.yaml", "\n".join(lines) + "\n")
    assert path.stat().st_size < 2000
    started = time.perf_counter()
    problems = problems_of(path)
    elapsed = time.perf_counter() - started
    assert len(problems) == 1
    assert "aliases expand" in problems[0]
    assert elapsed < 5, "the expansion must stop after a bounded amount of work"


@pytest.mark.parametrize(
    ("content", "message", "line"),
    [
        (b"id: demo\ntitle: caf\xe9\n", "not UTF-8", "2"),
        (b"", "the file is empty", "1"),
        (b"   \n\n", "the file is empty", "1"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file", "3"),
        (b"- just\n- a list\n", "a pack is a mapping", "1"),
    ],
)
def test_unreadable_content(write: Write, content: bytes, message: str, line: str) -> None:
    match = only_problem(write("pack.yaml", content))
    assert message in match["msg"]
    assert match["line"] == line


def test_a_directory(tmp_path: Path) -> None:
    with pytest.raises(PackError, match="is a directory") as caught:
        load_pack(tmp_path)
    assert caught.value.file == str(tmp_path)


def test_a_path_that_does_not_exist(tmp_path: Path) -> None:
    with pytest.raises(PackError, match="no such file"):
        load_pack(tmp_path / "nope.yaml")


def test_json_packs_report_lines_too(write: Write) -> None:
    text = (
        '{"id": "demo", "title": "x", "language": "en",\n'
        ' "items": [{"id": "q", "type": "true_false",\n'
        '            "prompt": "Sky is blue", "answer": "yes"}]}\n'
    )
    match = only_problem(write("pack.json", text))
    assert (match["line"], match["field"]) == ("3", "items.0.answer")


def test_yaml_1_1_booleans_stay_text(write: Write) -> None:
    text = GOOD.replace('["1990", "1991", "1992"]', '[no, yes, "1991"]')
    pack = load_pack(write("pack.yaml", text))
    assert [c.plain for c in pack.items[0].choices] == ["no", "yes", "1991"]  # type: ignore[union-attr]


def test_same_pack_id_twice(write: Write) -> None:
    a, b = write("a.yaml", GOOD), write("b.yaml", GOOD)
    with pytest.raises(PackError, match=r"pack id 'demo' is also the id of .*a\.yaml"):
        load_packs([a, b])


BAD_INPUTS: dict[str, str | bytes] = {
    "malformed.yaml": GOOD.replace('"1992"]', '"1992"'),
    "unknown.yaml": GOOD.replace("anwser", "x").replace("answer:", "anwser:"),
    "nonutf8.yaml": b"id: x\ntitle: \xff\n",
    "empty.yaml": b"",
    "bomb.yaml": "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    + "".join(
        f"{c}: &{c} [{', '.join(['*' + p] * 10)}]\n"
        for p, c in zip("abcdef", "bcdefg", strict=True)
    ),
}


def test_cli_prints_one_line_per_problem_and_no_traceback(write: Write, tmp_path: Path) -> None:
    paths = [str(write(name, content)) for name, content in BAD_INPUTS.items()]
    paths += [str(tmp_path), str(tmp_path / "missing.yaml")]
    result = run_cli("validate", *paths)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines[-1] == f"0 valid, {len(paths)} invalid"
    for line in lines[:-1]:
        assert any(line.startswith(p + ":") for p in paths), line
    for path in paths:
        assert any(line.startswith(path + ":") for line in lines), path


def test_a_field_of_another_item_type_is_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(
        'id: c\ntitle: "c"\nlanguage: en\nitems:\n  - id: q\n    type: cloze\n'
        '    prompt: "p"\n    text: "a {{b}} c"\n    accept: ["x"]\n',
        encoding="utf-8",
    )
    with pytest.raises(PackError) as caught:
        load_pack(path)
    assert str(caught.value.problems[0]) == (
        f"{path}:9:5: items.0.accept: unknown field 'accept' (not a field of this cloze item)"
    )


def test_an_evidence_written_as_text_may_hold_the_word_quote(write: Write) -> None:
    text = GOOD.replace("    fact: independence", '    evidence: "a quote of the decree"', 1)
    pack = load_pack(write("quote.yaml", text))
    evidence = pack.items[0].evidence
    assert evidence is not None
    assert evidence.quote.plain == "a quote of the decree"
