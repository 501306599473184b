"""What to suggest for an unknown word, and the signs that it is no typo:
the closest dictionary words and the document's own vocabulary, a name the
document spells otherwise, the word joined with the next one, the first part
of an elliptical compound, an abbreviation."""

from __future__ import annotations

import re
from collections import Counter
from typing import Callable

from ..analysis.prose import Word
from .dictionary import fold_accents
from ..source.letters import capitalised_like
from .speller import Speller, _distance

# An unknown word the document uses this often is a term of art unless a
# dictionary word is one edit away (then it is a typo made consistently).
TERM_OF_ART_COUNT = 3
_NEXT_WORD = re.compile(r" ([^\W\d_]+)(?![\w'’-])")


def ranked_corrections(speller: Speller, text: str, counts: Counter, frequent: dict[str, list[str]]) -> list[str]:
    """Up to three corrections: closest first, then most used in the document
    (`frequent`: its words used twice or more, by first letter)."""
    lower = text.lower()
    replaced = speller.replacements(text)
    candidates = set(speller.corrections(text)) | set(replaced)
    candidates |= {
        capitalised_like(text, w) for w in frequent.get(lower[:1], ())
        if abs(len(w) - len(lower)) <= 2 and w != lower and _distance(w, lower) <= 2 and speller.known(w)
    }

    def plausibility(candidate: str) -> int:
        # Known words first, then compounds of a plain noun and a known word.
        low = candidate.lower()
        if speller.primary.known_quickly(low) or counts[low]:
            return 0
        parts = speller.split(low, quick=True)
        if parts and speller.primary.is_noun(parts[0]) and speller.primary.known_quickly(parts[2]):
            return 1
        return 2

    def distance(candidate: str) -> int:
        return 1 if candidate in replaced else _distance(candidate.lower(), lower, 3)

    # Among equally close words, one the document uses, then one from the
    # dictionary's list of common misspellings.
    candidates.discard(text)
    return sorted(candidates, key=lambda c: (distance(c), not counts[c.lower()], c not in replaced, plausibility(c),
                                             -counts[c.lower()], c))[:3]


def suggestions(text: str, joined: list[str], broken: str | None, corrections: list[str],
                plain: Callable[[str], bool]) -> list[str]:
    """Up to three suggestions: the word joined with the next one, the
    dictionary words, a word break ("kabinet ziet"), then compounds."""
    if broken:  # before the first correction that is no dictionary word but a compound worked out
        cut = next((i for i, c in enumerate(corrections) if not plain(c.lower())), len(corrections))
        corrections = corrections[:cut] + [broken] + corrections[cut:]
    return (joined + corrections)[:3]


def joined_with_next(speller: Speller, word: Word, text: str) -> str | None:
    """"veiligheids categorie": the word written apart from the next one."""
    following = _NEXT_WORD.match(text, word.end)
    if following is None or word.end != word.chunk_end:
        return None
    joined = word.text + following.group(1).lower()
    return joined if speller.known(joined) else None


def name_suggestion(speller: Speller, word: Word, names: Counter) -> str | None:
    """A capitalised word mid-sentence is a name; it is reported only when the
    dictionary has it with accents (Geneve -> Genève) or the document spells
    the name, more often, one letter differently."""
    text = word.text
    if names[text] >= TERM_OF_ART_COUNT or speller.known(text):
        return None
    accented = speller.accented(text)
    if accented:
        return accented[0]
    for other, count in names.most_common():
        if count < 2 or count <= names[text]:
            break
        if abs(len(other) - len(text)) <= 1 and _distance(other, text, 1) == 1 and not _inflection_of(text, other):
            return other
    return None


def elliptical_or_abbreviated(speller: Speller, word: Word, text: str) -> bool:
    """"overheids- en defensiebeleid" or "(overheids)systemen": the first part
    of a compound whose second part is shared or bracketed; "bijv.": an
    abbreviation the dictionary lists with its full stop."""
    following = text[word.end:word.end + 2]
    shared = following[:1] == "-" and word.end == word.chunk_end and following[1:2] in (" ", ",", "\n", "\r", "")
    bracketed = following[:1] == ")" and following[1:2].isalpha()
    if shared or bracketed:
        lower = word.text.lower()
        for link in ("s", "en", "e", ""):
            stem = lower[: len(lower) - len(link)] if link else lower
            if lower.endswith(link) and len(stem) >= 3 and speller.known(stem):
                return True
        return False
    if following[:1] == ".":
        return speller.known(word.text + ".")
    return False


def capital_without_accent(speller: Speller, word: Word) -> bool:
    """"Eén" opening a sentence: "één" with its capital written without
    the accent, as Dutch does."""
    lower = word.text.lower()
    return word.sentence_start and any(
        known[1:] == lower[1:] and fold_accents(known[0]) == lower[0] for known in speller.accented(lower)
    )


def close_to_known(speller: Speller, text: str, corrections: list[str]) -> bool:
    """Whether one of the corrections is a known word one edit away."""
    return any(_distance(c.lower(), text.lower(), 1) <= 1 and speller.known(c) for c in corrections)


def _inflection_of(a: str, b: str) -> bool:
    """Whether one word is the other plus an inflection ("Battlegroups")."""
    short, long = sorted((a, b), key=len)
    return long.startswith(short) and long[len(short):] in ("s", "e", "n", "en", "'s")
