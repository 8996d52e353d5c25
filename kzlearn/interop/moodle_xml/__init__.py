"""Moodle XML: import a question bank as a pack, export packs as a question bank.

``read`` maps each Moodle question to a kzlearn item (``questions``), ``write`` does the
reverse; ``tree`` parses with defusedxml and keeps each element's line; ``text`` converts
HTML and Moodle's embedded cloze answers; ``files`` writes embedded images safely.
"""

from kzlearn.interop.moodle_xml.read import MoodleImport, read_moodle_xml

__all__ = ["MoodleImport", "read_moodle_xml"]
