"""Words that a PDF or Word extraction broke or glued, found among the words
the spelling check does not know: words run together ("vanhet"), words
broken at a line end without a hyphen ("verplich" / "tingen") and hyphenation
left inside a line ("internatio-naal"). The spelling rules leave these to the
conversion rules, which report each once with its repair."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, replace
from typing import Callable, Iterable

from ..analysis.prose import Word
from ..languages import conjunctions
from ..source.textutil import ends_sentence
from ..source.letters import LETTERS
from .wordsplit import Split, Splitter

RUN_TOGETHER = "run-together"
LINE_BREAK = "line-break"
HYPHENATION = "hyphenation"

# Soft hyphens and zero-width characters: invisible, left inside words by conversion.
INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
# Phrases looked for one by one before the text is respaced for them.
_FEW_PHRASES = 16
# From the start of a run of blanks only: a long run is crossed once.
_LINE_GAP = re.compile(r"(?<![ \t])[ \t]*+(?:\r\n|\r|\n)[ \t]*+")
_HYPHEN = re.compile("-")
# Run-together words with strong evidence that make a document an extraction.
_EXTRACTION_EVIDENCE = 3


@dataclass(frozen=True)
class Repair:
    """One broken or glued word: the span it covers, the text to write
    instead and whether writing it is safe."""

    kind: str
    start: int
    end: int
    written: str
    fixed: str
    safe: bool
    alternatives: tuple[str, ...] = ()
    words: tuple[int, ...] = ()  # starts of the words it accounts for


def splitter_for(text: str, words: Counter, speller, language: str) -> Splitter:
    """A word splitter for the document `text`, whose `words` (lower case)
    are counted. `speller` answers
    `known(word)`, `plain(word)` (a dictionary form, not a compound worked
    out) and `modifier(word)` (see `Splitter`)."""
    return Splitter(language, speller.known, speller.plain, _Phrases(text, words).count, speller.modifier)


def find_repairs(
    text: str, words: Iterable[Word], speller, splitter: Splitter, is_name: Callable[[Word], bool],
    standalone: Callable[[str], bool],
) -> tuple[list[Repair], dict[int, str]]:
    """The repairs among `words` (unknown words and CamelCase tokens, in
    document order) of the document `text`; `speller` also answers
    `compound(word)` and `one_edit_away(word)` (a dictionary word is), and `standalone(word)` tells whether the document uses
    a word on its own. Also the splits left to the spelling check as
    suggestions, by the start of their word."""
    found: list[Repair] = []
    claimed: set[int] = set()
    weak: list[Repair] = []  # splits with one function word or an adjective only
    for word in words:
        if word.start in claimed:
            continue
        repair = _hyphenation(text, word, speller) or _line_break(text, word, speller)
        if repair is None and _identifier(text, word):
            continue  # "isValid()", "obj.isValid": code written in the prose
        if repair is None:
            repair, strong = _run_together(word, speller, splitter, is_name, standalone)
            if repair is not None and not strong:
                weak.append(repair)
                continue
        if repair is not None:
            found.append(repair)
            claimed.update(repair.words)
    # A document whose extraction ran words together elsewhere has its
    # words run together here too ("te|bieden", not "gebieden"); in a clean
    # one a weak split is only a suggestion: "miniter" is a typo, "plugin" a
    # word the dictionary lacks.
    extraction = sum(r.kind == RUN_TOGETHER for r in found) >= _EXTRACTION_EVIDENCE
    hints = {}
    for repair in weak:
        if not extraction:
            hints[repair.start] = repair.fixed  # a suggestion for the spelling check
        elif speller.one_edit_away(_clean(repair.written)):  # a typo could explain it too
            found.append(replace(repair, safe=False))
        else:
            found.append(repair)
    return sorted(found, key=lambda r: r.start), hints


def _hyphenation(text: str, word: Word, speller) -> Repair | None:
    """"internatio-naal": a hyphen inside a line where the joined word is
    known and a part is not; safe when the first part is no word."""
    pair = _neighbour(text, word, _HYPHEN)
    if pair is None:
        return None
    (left, left_start), (right, right_end) = pair
    joined = left + right
    # After "buitenland-" a text may go on with "en veiligheidsbeleid": a shared compound part.
    if right.lower() in conjunctions() or _camel(left) or _camel(right) or _clash(speller, left, right) \
            or not speller.known(_clean(joined).lower()) or _written_with_hyphen(speller, left, right):
        return None  # "GroenLinks-fractie", "zee-egel", "co-operation": the hyphen belongs there
    safe = not speller.known(_clean(left).lower()) and speller.plain(_clean(joined).lower())
    return Repair(HYPHENATION, left_start, right_end, text[left_start:right_end], joined, safe,
                  words=(left_start, right_end - len(right)))


def _line_break(text: str, word: Word, speller) -> Repair | None:
    """"verplich" / "tingen": a word broken at a line end without a hyphen;
    safe when neither half is a word."""
    pair = _neighbour(text, word, _LINE_GAP)
    if pair is None:
        return None
    (left, left_start), (right, right_end) = pair
    joined = _clean(left + right).lower()
    if not speller.known(joined):
        return None
    halves_unknown = not speller.known(_clean(left).lower()) and not speller.known(_clean(right).lower())
    return Repair(LINE_BREAK, left_start, right_end, text[left_start:right_end], left + right,
                  halves_unknown and speller.plain(joined), words=(left_start, right_end - len(right)))


def _run_together(word: Word, speller, splitter: Splitter, is_name, standalone) -> tuple[Repair | None, bool]:
    """"vanhet", "deSecretaris": words the extraction ran together. A
    compound the dictionary or the compound rules accept is never split."""
    token = _clean(word.text)
    camel = any(c.isupper() for c in token[1:])
    if not camel and speller.compound(token):
        return None, False
    split = splitter.camel_split(token) if camel else splitter.split(token, name=is_name(word))
    if split is None:
        return None, False
    if camel:
        safe = _safe_camel_split(split, speller, standalone)
    else:
        safe = not is_name(word) and _safe_split(split, speller, splitter.function_words)
    alternatives = tuple(" ".join(parts) for parts in split.alternatives)
    return Repair(RUN_TOGETHER, word.start, word.end, word.text, split.text, safe, alternatives,
                  (word.start,)), split.strong


def _safe_camel_split(split: Split, speller, standalone) -> bool:
    """"deSecretaris": safe when the split is the only one and its second
    word a known one or one the document writes on its own."""
    right = split.parts[1]
    return split.unambiguous and (speller.known(right) or speller.known(right.lower()) or standalone(right))


def _safe_split(split: Split, speller, function_words: frozenset[str]) -> bool:
    """Safe: the only plausible split, into two words with a function word,
    each a dictionary form but for the last (which may be a compound)."""
    parts = [p.lower() for p in split.parts]
    function = [p in function_words for p in parts]
    return (split.unambiguous and len(parts) == 2 and any(function)
            and all(f or speller.plain(p) or i == len(parts) - 1 for i, (p, f) in enumerate(zip(parts, function))))


def _neighbour(text: str, word: Word, separator: re.Pattern):
    """((left word, its start), (right word, its end)) when `word` meets
    another across `separator` (a hyphen or a line break)."""
    after = separator.match(text, word.end)
    if after is not None:
        match = LETTERS.match(text, after.end())
        if match and not _glued(text, match.end()):
            return (word.text, word.start), (match.group(), match.end())
    left = _left_neighbour(text, word, separator)
    return None if left is None else (left, (word.text, word.end))


def _left_neighbour(text: str, word: Word, separator: re.Pattern) -> tuple[str, int] | None:
    """(the word before `word` across `separator`, its start): back over the
    separator, then over letters."""
    left_end = word.start
    while left_end > 0 and text[left_end - 1] in " \t":
        left_end -= 1
    gap_start = left_end
    if separator is _HYPHEN:
        gap_start -= text[left_end - 1:left_end] == "-"
    else:
        gap_start -= 2 if text[left_end - 2:left_end] == "\r\n" else text[left_end - 1:left_end] in ("\n", "\r")
        while gap_start > 0 and text[gap_start - 1] in " \t":
            gap_start -= 1
    if gap_start == left_end or separator.fullmatch(text, gap_start, word.start) is None:
        return None
    left_start = gap_start
    while left_start > 0 and text[left_start - 1].isalpha():
        left_start -= 1
    if left_start == gap_start or _glued(text, left_start - 1):
        return None
    return text[left_start:gap_start], left_start


def _glued(text: str, position: int) -> bool:
    """Whether the neighbour runs on into a hyphen or digits ("COVID-19-uitbraak")."""
    if position < 0 or position >= len(text):
        return False
    return text[position] == "-" or text[position].isdigit()


def _identifier(text: str, word: Word) -> bool:
    return text[word.end:word.end + 1] == "(" or text[word.start - 1:word.start] in ("_", ".") and word.start > 0


def _camel(word: str) -> bool:
    return word[1:] != word[1:].lower()


def _clash(speller, left: str, right: str) -> bool:
    """"zij-instroom": vowels that meet where a hyphen is required."""
    return (left[-1:] + right[:1]).lower() in speller.primary.clashes


def _clean(word: str) -> str:
    return INVISIBLE.sub("", word)


class _Phrases:
    """How often the document writes given words: one (from its word
    counts) or several in a row, with anything but letters between them
    ("volledige vergoeding"). The first few phrases are looked for in the
    text; once many are asked, in a copy of it with single spaces between
    its words, made once."""

    def __init__(self, text: str, words: Counter) -> None:
        self._source = text
        self._words = words
        self._spaced: str | None = None
        self._phrases: dict[tuple[str, ...], int] = {}

    def count(self, parts: tuple[str, ...]) -> int:
        key = tuple(p.lower() for p in parts)
        if len(key) == 1:
            return self._words[key[0]]
        if key not in self._phrases:
            self._phrases[key] = self._count(key) if all(self._words[p] for p in key) else 0
        return self._phrases[key]

    def _count(self, key: tuple[str, ...]) -> int:
        if self._spaced is None and len(self._phrases) < _FEW_PHRASES:
            pattern = r"(?<![^\W\d_])" + r"[\W\d_]+".join(map(re.escape, key)) + r"(?![^\W\d_])"
            return len(re.findall(pattern, self._source, re.I))
        if self._spaced is None:
            self._spaced = " " + " ".join(LETTERS.findall(self._source.lower())) + " "
        return self._spaced.count(f" {' '.join(key)} ")


# The last word, on its own: not the end of an address, a file or a link ("example.gov.uk").
_LAST_WORD = re.compile(r"(?<![\w.@/:-])([^\W\d_]+)[*_\s]*$")


def truncated_ends(text: str, spans: Iterable[tuple[int, int, str]], known: Callable[[str], bool]) -> list[tuple[int, int, str]]:
    """(start, end, what) of the last word of each span (a question, an
    answer, the document) that stops mid-word: no closing punctuation and
    a last word no dictionary knows ("... de Turkse terri")."""
    found = []
    for start, end, what in spans:
        body = text[max(start, end - 200):end]  # the end is what counts
        if ends_sentence(body):
            continue
        match = _LAST_WORD.search(body)
        if match and len(match.group(1)) >= 2 and not known(_clean(match.group(1))):
            found.append((end - len(body) + match.start(1), end - len(body) + match.end(1), what))
    return found


# Two words joined by a hyphen inside a line, not part of a longer chain.
HYPHENATED = re.compile(r"(?<![\w'’-])([^\W\d_]{2,})-([^\W\d_]{2,})(?![\w'’-])")


def _written_with_hyphen(speller, left: str, right: str) -> bool:
    """The dictionary has the hyphenated form ("co-operation", "Co-op"), or
    (in a language that does not close its compounds) a word follows a
    prefix ("pre-school", "anti-social")."""
    hyphenated = _clean(f"{left}-{right}")
    if speller.known(hyphenated) or speller.known(hyphenated.lower()):
        return True
    return not speller.primary.splits_compounds and speller.known(_clean(right).lower())


def known_part_residue(base: int, match: re.Match, speller, claimed: set[int]) -> Repair | None:
    """"onder-steunen", "Neder-land": a hyphen between two words where the
    joined word is a dictionary word that is no compound cut there (unlike
    "klimaat-verandering"). Unsafe: the writer may have meant the hyphen."""
    start = base + match.start()
    if start in claimed:
        return None
    left, right = match.group(1), match.group(2)
    joined = (left + right).lower()
    if right.lower() in conjunctions():
        return None  # "domein-en": "domein- en", a shared compound part that lost its space
    # Only a language that closes its compounds ("ondersteunen") has no use
    # for such a hyphen; English writes both "re-examine" and "reexamine".
    if not speller.primary.splits_compounds or _camel(left) or right[:1].isupper() \
            or _clash(speller, left, right) or not speller.primary.known_quickly(joined):
        return None
    parts = speller.split(joined)
    if parts is not None and len(parts[0]) + len(parts[1]) == len(left):
        return None
    return Repair(HYPHENATION, start, base + match.end(), match.group(), left + right, False,
                  words=(start, base + match.start(2)))


def overlaps(repairs: list[Repair]) -> Callable[[int, int], bool]:
    """Whether a span overlaps one of `repairs` (sorted by start), looked up by bisection."""
    starts = [r.start for r in repairs]
    widest = max((r.end - r.start for r in repairs), default=0)

    def overlapping(start: int, end: int) -> bool:
        index = bisect_left(starts, end)  # repairs that start before the span ends
        while index > 0 and starts[index - 1] > start - widest:
            index -= 1
            if repairs[index].end > start:
                return True
        return False

    return overlapping
