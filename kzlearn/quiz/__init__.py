"""The quiz: a headless session that orders items, grades answers and keeps score."""
