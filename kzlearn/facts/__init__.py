"""Facts: drafting facts from an article's text for a teacher to review."""
