"""Runs of letters, and writing a word in the case of the text it replaces."""

from __future__ import annotations

import re

# A run of letters: no digits, no underscores, no apostrophes or hyphens.
LETTERS = re.compile(r"[^\W\d_]+")


def capitalised_like(original: str, word: str) -> str:
    """`word` with a capital first letter when `original` has one (a
    correction of a word that opens a sentence or is a name); never lowered."""
    return word[0].upper() + word[1:] if original[:1].isupper() else word


def cased_like(original: str, form: str) -> str:
    """`form` as written, with the case of `original`'s first letter (a
    sentence may start with it) or all in capitals like `original`: never a
    mix of the two spellings (`Non-ProliferatieVerdrag`)."""
    if len(original) > 1 and original.isupper():
        return form.upper()
    head = form.split("-", 1)[0].split(" ", 1)[0]
    if len(head) > 1 and head.isupper():  # an acronym keeps its capitals
        return form
    first = original[:1]
    return (form[:1].upper() if first.isupper() else form[:1].lower()) + form[1:]
