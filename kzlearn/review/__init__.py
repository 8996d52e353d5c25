"""Spaced repetition: FSRS scheduling over the progress store."""
