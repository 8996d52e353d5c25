"""Term lists in text: Quizlet exports, Anki's "Notes in Plain Text", CSV and TSV."""

from __future__ import annotations

from kzlearn.interop.tabular.export import to_terms
from kzlearn.interop.tabular.terms import TermsImport, parse_terms, read_terms

__all__ = ["TermsImport", "parse_terms", "read_terms", "to_terms"]
