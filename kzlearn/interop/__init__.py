"""Formats other tools use: Anki packages (and, later, Moodle GIFT and CSV)."""
