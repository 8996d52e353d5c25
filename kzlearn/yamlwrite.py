"""Write plain data as YAML that :mod:`kzlearn.yamlread` (YAML 1.2 core) and any YAML 1.1
reader (PyYAML, Anki tooling) read back as the same data.

PyYAML quotes a string only where YAML 1.1 would read it as something else; ``1e5``,
``0o17`` and ``1e999`` are plain text to YAML 1.1 but numbers to YAML 1.2, so a string that
the 1.2 core schema would resolve to anything but itself is quoted too.
"""

from __future__ import annotations

from typing import Any

import yaml

from kzlearn.gcpause import gc_paused
from kzlearn.yamlread import plain_is_text

__all__ = ["dump_yaml"]

_Base: type[Any] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_Base):  # type: ignore[misc]
    pass


def _represent_str(dumper: Any, value: str) -> yaml.ScalarNode:
    style = None if plain_is_text(value) else "'"
    node: yaml.ScalarNode = dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)
    return node


_Dumper.add_representer(str, _represent_str)


def dump_yaml(data: Any) -> str:
    """``data`` (dicts, lists, str, int, float, bool, None) as the text of a YAML document."""
    with gc_paused():
        text: str = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    return text
