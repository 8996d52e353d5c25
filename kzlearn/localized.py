"""Localized text: a plain string in the pack's language, or language code -> string."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pydantic costs start-up time; only validation needs it
    from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
    from pydantic.json_schema import JsonSchemaValue
    from pydantic_core import CoreSchema

__all__ = ["LANG_PATTERN", "Localized"]

LANG_PATTERN = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
_LANG = re.compile(LANG_PATTERN)
_NO_TEXTS: dict[str, str] = {}


class Localized:
    """Text in one or more languages.

    A plain string is in the pack's own language (``plain``); a mapping gives each language
    its text. Instances are immutable and compare by value.
    """

    __slots__ = ("_plain", "_texts")

    def __init__(self, value: str | Mapping[str, str]) -> None:
        if isinstance(value, str):
            self._plain: str | None = value
            self._texts: dict[str, str] = _NO_TEXTS  # shared, never changed: 64 bytes each
        else:
            self._plain = None
            self._texts = dict(value)

    @property
    def plain(self) -> str | None:
        """The text when it was written as a plain string, else None."""
        return self._plain

    @property
    def texts(self) -> Mapping[str, str]:
        """Language code -> text; empty for a plain string."""
        return self._texts

    def get(self, lang: str | None, default_lang: str) -> str:
        """The text in ``lang``, else in ``default_lang`` (the pack's), else the first one."""
        if self._plain is not None:
            return self._plain
        for code in (lang, default_lang):
            if code is not None and code in self._texts:
                return self._texts[code]
        return next(iter(self._texts.values()))

    def has(self, lang: str, default_lang: str) -> bool:
        """Whether the text exists in ``lang`` (a plain string is in ``default_lang``)."""
        if self._plain is not None:
            return lang == default_lang
        return lang in self._texts

    def values(self) -> Iterator[str]:
        """Every text, whatever its language."""
        if self._plain is not None:
            yield self._plain
        else:
            yield from self._texts.values()

    def raw(self) -> str | dict[str, str]:
        """The form written in a pack file."""
        return self._plain if self._plain is not None else dict(self._texts)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Localized) and self.raw() == other.raw()

    def __hash__(self) -> int:
        return hash(self._plain if self._plain is not None else tuple(self._texts.items()))

    def __repr__(self) -> str:
        return f"Localized({self.raw()!r})"

    @classmethod
    def validate(cls, value: Any) -> Localized:
        """Build from what a pack file holds; a number is read as its text.

        Raises:
            ValueError: not text, a blank text, or a bad language code.
        """
        if type(value) is str and value.strip():  # by far the most common: checked first
            return cls(value)
        if isinstance(value, Localized):
            return value
        if isinstance(value, bool) or value is None:
            raise ValueError("expected text, or a mapping of language code to text")
        if isinstance(value, int | float):
            value = str(value)
        if isinstance(value, str):
            if not value.strip():
                raise ValueError("text must not be empty")
            return cls(value)
        if isinstance(value, Mapping):
            if not value:
                raise ValueError("a mapping of language code to text must not be empty")
            texts: dict[str, str] = {}
            for lang, given in value.items():
                if not isinstance(lang, str) or not _LANG.fullmatch(lang):
                    raise ValueError(f"{lang!r} is not a language code such as ar, en, fr")
                text = (
                    str(given)
                    if isinstance(given, int | float) and not isinstance(given, bool)
                    else given
                )
                if not isinstance(text, str):
                    raise ValueError(f"the {lang} text must be a string")
                if not text.strip():
                    raise ValueError(f"the {lang} text must not be empty")
                texts[lang] = text
            return cls(texts)
        raise ValueError("expected text, or a mapping of language code to text")

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        from pydantic_core import core_schema

        return core_schema.no_info_plain_validator_function(
            cls.validate,
            serialization=core_schema.plain_serializer_function_ser_schema(lambda v: v.raw()),
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        text = {"type": "string", "minLength": 1}
        return {
            "description": "Text in the pack's language, or a mapping of language to text.",
            "anyOf": [
                text,
                {
                    "type": "object",
                    "minProperties": 1,
                    "propertyNames": {"pattern": LANG_PATTERN},
                    "additionalProperties": text,
                },
            ],
        }
