"""Moodle XML read into elements that know their line, refusing what attacks a parser.

The parser is defusedxml's: a DTD may be declared, but an entity declaration (billion
laughs, quadratic blow-up) or an external reference is refused before anything expands.
ElementTree keeps no line numbers, so the parser's target notes expat's line at each start
tag: a skipped question can name its line.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden
from defusedxml.ElementTree import DefusedXMLParser

from kzlearn.errors import PackError

__all__ = ["XmlDocument", "parse_xml"]


@dataclass(frozen=True, slots=True)
class XmlDocument:
    """The root element, and the line each question starts on."""

    root: ET.Element
    lines: dict[ET.Element, int]

    def line(self, element: ET.Element) -> int:
        """The line ``element`` starts on (1 if unknown)."""
        return self.lines.get(element, 1)


class _Target:
    """A tree builder that records the line each question starts on."""

    def __init__(self) -> None:
        self.builder = ET.TreeBuilder()
        self.lines: dict[ET.Element, int] = {}
        self.parser: DefusedXMLParser | None = None

    def start(self, tag: str, attrs: dict[str, str]) -> ET.Element:
        element = self.builder.start(tag, attrs)
        if tag == "question" and self.parser is not None:  # only a question is named
            self.lines[element] = self.parser.parser.CurrentLineNumber
        return element

    def end(self, tag: str) -> ET.Element:
        return self.builder.end(tag)

    def data(self, data: str) -> None:
        self.builder.data(data)

    def close(self) -> ET.Element:
        return self.builder.close()


def _refusal(error: DefusedXmlException) -> str:
    if isinstance(error, EntitiesForbidden):
        return (
            f"declares the XML entity {error.name!r}: entities are refused "
            "(they can expand to gigabytes; Moodle's own export never declares any)"
        )
    if isinstance(error, DTDForbidden):
        return "declares a document type: refused"
    return "refers to an external resource: refused (an import never reads another file)"


def parse_xml(data: str | bytes, file: str) -> XmlDocument:
    """The elements of the XML document ``data`` (text is read as UTF-8 whatever the
    declaration says).

    Raises:
        PackError: not well-formed (with its line and column), an entity declaration or an
            external reference (with the line of the declaration).
    """
    target = _Target()
    parser = DefusedXMLParser(target=target, forbid_dtd=False)
    target.parser = parser
    try:
        parser.feed(data)
        root = parser.close()
    except DefusedXmlException as error:
        line = parser.parser.CurrentLineNumber
        raise PackError.single(file, _refusal(error), line=line, column=1) from None
    except LookupError as error:  # the XML declaration names an encoding Python lacks
        message = f"declares an encoding Python does not know: {error}"
        raise PackError.single(file, message, line=1, column=1) from None
    except ET.ParseError as error:
        line, column = error.position
        message = str(error).split(":")[0]
        raise PackError.single(
            file, f"not well-formed XML: {message}", line=line, column=column + 1
        ) from None
    return XmlDocument(root, target.lines)
