"""The terminal app (Textual). Nothing outside this package imports textual."""
