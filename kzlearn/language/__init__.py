"""Language: normal forms for comparing answers; dates and numbers in Arabic and Latin."""
