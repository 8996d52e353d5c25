"""Questions: items generated from facts, grading, and the teacher's checks."""
