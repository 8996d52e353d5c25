"""Moodle GIFT: export items as GIFT questions, import GIFT files as packs.

What GIFT holds: multiple choice (one answer, or several: select all that apply), with
weights; true/false; short answer (several accepted answers, weights, ``*`` wildcards);
numerical (tolerances, ranges, weighted answers); matching; missing word (one blank).
Import reads each question as Moodle does (text.py, reader.py) and lists what it leaves
out; export writes what Moodle reads back the same (writer.py).
"""

from kzlearn.interop.gift.importer import GiftImport, parse_gift, read_gift
from kzlearn.interop.gift.text import _TAG as _TAG  # the tests check its speed
from kzlearn.interop.gift.writer import GiftExport, to_gift

__all__ = ["GiftExport", "GiftImport", "parse_gift", "read_gift", "to_gift"]
