"""Reading bytes into a Document: encodings, positions, Markdown blocks."""
