"""The YAML reader: YAML 1.2 scalars, positions, duplicate keys; same with and without libyaml."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from kzlearn import yamlread
from tests.conftest import DECKS

LOADERS = [yaml.SafeLoader] + ([yaml.CSafeLoader] if yaml.__with_libyaml__ else [])


@pytest.fixture(params=LOADERS, ids=lambda loader: loader.__name__)
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setattr(yamlread, "_Loader", request.param)
    return request.param


@pytest.mark.usefixtures("loader")
def test_scalars_follow_yaml_1_2_core() -> None:
    text = 'a: true\nb: no\nc: 12\nd: "12"\ne: 1.5\nf: ~\ng: 2021-12-14\nh: 0x1f\ni: Yes\n'
    data = yamlread.read_yaml(text).data
    assert data == {
        "a": True,
        "b": "no",
        "c": 12,
        "d": "12",
        "e": 1.5,
        "f": None,
        "g": "2021-12-14",
        "h": 31,
        "i": "Yes",
    }


@pytest.mark.usefixtures("loader")
def test_positions_are_one_based_for_keys_and_list_entries() -> None:
    located = yamlread.read_yaml("top:\n  list:\n    - x\n    - {k: v}\n")
    assert located.positions[("top",)] == (1, 1)
    assert located.positions[("top", "list")] == (2, 3)
    assert located.positions[("top", "list", 1)] == (4, 7)
    assert located.positions[("top", "list", 1, "k")] == (4, 8)


@pytest.mark.usefixtures("loader")
def test_duplicate_keys_keep_the_first_and_report_the_second() -> None:
    located = yamlread.read_yaml("a: 1\nb: 2\na: 3\n")
    assert located.data == {"a": 1, "b": 2}
    assert [(p.line, p.column, p.path) for p in located.problems] == [(3, 1, ("a",))]


@pytest.mark.usefixtures("loader")
def test_custom_tags_and_merge_keys_are_refused() -> None:
    located = yamlread.read_yaml("a: !!python/object:os.system x\nb: {<<: {c: 1}}\n")
    messages = [p.message for p in located.problems]
    assert any("unsupported tag" in m for m in messages)
    assert any("merge keys" in m for m in messages)


@pytest.mark.usefixtures("loader")
def test_deep_nesting_is_a_problem_not_a_crash() -> None:
    depth = yamlread.MAX_DEPTH + 5
    located = yamlread.read_yaml("[" * depth + "]" * depth)
    assert any("nested more than" in p.message for p in located.problems)


@pytest.mark.usefixtures("loader")
def test_infinities_and_nan_follow_yaml_1_2_core() -> None:
    data = yamlread.read_yaml("a: -.inf\nb: +.Inf\nc: .NaN\nd: '-.inf'\n").data
    assert data["a"] == float("-inf")
    assert data["b"] == float("inf")
    assert data["c"] != data["c"]
    assert data["d"] == "-.inf"


@pytest.mark.usefixtures("loader")
def test_aliases_undefined_aliases_and_a_second_document() -> None:
    located = yamlread.read_yaml("a: &x {k: [1, 2]}\nb: *x\nc: *nowhere\n")
    assert located.data == {"a": {"k": [1, 2]}, "b": {"k": [1, 2]}, "c": None}
    assert [(p.line, p.message) for p in located.problems] == [
        (3, "found undefined alias 'nowhere'")
    ]
    second = yamlread.read_yaml("a: 1\n---\nb: 2\n")
    assert second.data is None
    assert "another document" in second.problems[0].message


@pytest.mark.usefixtures("loader")
def test_an_alias_bomb_is_refused() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    located = yamlread.read_yaml("\n".join(lines) + "\n")
    assert located.data is None
    assert "aliases expand" in located.problems[0].message


@pytest.mark.usefixtures("loader")
def test_positions_are_kept_only_for_the_paths_asked_for() -> None:
    text = "top:\n  list:\n    - x\n    - {k: v}\n"
    assert yamlread.read_yaml(text, positions=()).positions == {(): (1, 1)}
    assert yamlread.locate(text, [("top", "list", 1, "k")]) == {
        (): (1, 1),
        ("top",): (1, 1),
        ("top", "list"): (2, 3),
        ("top", "list", 1): (4, 7),
        ("top", "list", 1, "k"): (4, 8),
    }


@pytest.mark.usefixtures("loader")
@pytest.mark.parametrize(
    "text",
    [
        *(path.read_text(encoding="utf-8") for path in DECKS),
        "a: &x [1, {b: c}]\nb: *x\nc: {d: 1, d: 2, <<: {}}\nd: [!!str 1, 0o17, '1', ~, -.inf]\n",
    ],
)
def test_reading_without_positions_reads_the_same_data_and_problems(text: str) -> None:
    full, short = yamlread.read_yaml(text), yamlread.read_yaml(text, positions=())
    assert short.data == full.data
    assert short.problems == full.problems
