"""Terms written in several ways (QA503): forms that differ only in hyphens,
spaces or case (`Open Skies-verdrag`, `Open Skies verdrag`), and forms that
differ in a linking `s` (`Halfjaarrapportage`, `Halfjaarsrapportage`), with
the form to follow and why."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from ..languages import language as language_pack
from .dictionary import DictionaryUnavailable, dictionary
from ..source.letters import cased_like
from .wordbreaks import overlaps

if TYPE_CHECKING:
    from ..analysis.analysis import Analysis

_SEGMENT = re.compile(r"(?<!\W)(\W*+)(\w+(?:-\w+)*)")
_HYPHENATED = re.compile(r"(?<![\w-])[^\W\d_]\w*(?:-\w+)+")
# Parts on either side of a linking "s" are at least this long ...
_PART = 4
# ... so only words of letters this long can hold one.
_LINKING_S_WORD = re.compile(rf"(?<![\w-])[^\W\d_]{{{2 * _PART + 1},}}(?![\w-])")
Spans = list[tuple[int, int]]


@dataclass(frozen=True)
class Variant:
    """A term written otherwise than its form to follow."""

    start: int
    end: int
    original: str  # as written here
    replacement: str  # the form to follow, in the case of the original
    other: str  # the form to follow as the document writes it
    reason: str  # why that form: "3 times", "the dictionary has", ...


def term_variants(analysis: Analysis) -> list[Variant]:
    """The variants of the document's terms in its prose, linking-s variants first."""
    prose = _Prose(analysis.prose.segments)
    language = "en" if analysis.profile.language == "en" else "nl"
    found = list(_linking_s_variants(prose, language))
    # Only terms written with a hyphen somewhere can have hyphen variants.
    terms = _hyphenated_terms(prose)
    if terms:
        judge = _FormJudge(language)
        places = _places(prose, terms, judge.closes_compounds)
        # Hyphenation left by extraction or words run together are QA508's and QA511's.
        repaired = overlaps(list(analysis.spelling.repairs))
        found += _hyphen_variants(prose, terms, places, judge, repaired)
    return found


class _Prose:
    """The document's prose as the spelling rules read it (code, URLs, tags
    blanked; offsets kept), a block at a time: one masked copy of a whole
    long report would cost megabytes."""

    def __init__(self, segments: list[tuple[int, str]]) -> None:
        self.segments = segments
        self._bases = [base for base, _ in segments]

    def matches(self, pattern: re.Pattern) -> Iterator[tuple[int, re.Match]]:
        """(offset of the block, match) of the pattern in every block."""
        for base, masked in self.segments:
            for match in pattern.finditer(masked):
                yield base, match

    def text(self, start: int, end: int) -> str:
        """The prose from `start` to `end`, inside one block."""
        base, masked = self.segments[bisect_right(self._bases, start) - 1]
        return masked[start - base:end - base]


def _hyphenated_terms(prose: _Prose) -> dict[str, list[str]]:
    """Terms written with a hyphen, by their letters in lower case: their parts."""
    terms: dict[str, list[str]] = {}
    for _, token in prose.matches(_HYPHENATED):
        key = token.group().replace("-", "").lower()
        if len(key) >= 6:
            terms.setdefault(key, token.group().lower().split("-"))
    return terms


def _places(prose: _Prose, terms: dict[str, list[str]], apart: bool = True) -> dict[str, dict[str, Spans]]:
    """Every way each term is written: a hyphen, nothing or (with `apart`) a
    space at its hyphens (in lower case), with where."""
    places: dict[str, dict[str, Spans]] = defaultdict(lambda: defaultdict(list))
    for position, masked in prose.segments:
        previous_key = previous_word = None
        previous_start = 0
        for gap, word in _SEGMENT.findall(_lowered(masked)):
            position += len(gap)
            token_start = position
            position += len(word)
            key = word.replace("-", "") if "-" in word else word
            if key in terms:
                places[key][word].append((token_start, position))
            if apart and previous_key is not None and gap == " " and previous_key + key in terms:
                places[previous_key + key][f"{previous_word} {word}"].append((previous_start, position))
            previous_key, previous_word, previous_start = key, word, token_start
    return places


def _hyphen_variants(prose: _Prose, terms: dict[str, list[str]], places: dict[str, dict[str, Spans]],
                     judge: _FormJudge, repaired: Callable[[int, int], bool]) -> Iterator[Variant]:
    for key in sorted(places):
        forms = places[key]
        if len(forms) < 2 or judge.joins_a_function_word(terms[key]):
            continue
        choice = _choice(prose, forms, judge)
        if choice is None:
            continue
        best, others, reason = choice
        for form in others:
            for start, end in forms[form]:
                if not repaired(start, end):
                    original = prose.text(start, end)
                    yield Variant(start, end, original, cased_like(original, best), best, reason)


def _choice(prose: _Prose, forms: dict[str, Spans], judge: _FormJudge) -> tuple[str, list[str], str] | None:
    """(the form to follow as written, the other forms, why), or None when
    no form is well formed or nothing tells them apart."""
    written = {form: Counter(prose.text(a, b) for a, b in where).most_common(1)[0][0] for form, where in forms.items()}
    if judge.name_beside_a_word(written.values()):
        return None

    def rank(form: str) -> tuple:
        return judge.rank(written[form], len(forms[form]))

    ranked = sorted(forms, key=rank, reverse=True)
    best = ranked[0]
    if not judge.is_word(written[best]) or rank(best) == rank(ranked[1]):
        return None
    reason = judge.reason(written[best], len(forms[best]), [(written[f], len(forms[f])) for f in ranked[1:]])
    return written[best], ranked[1:], reason


def _linking_s_variants(prose: _Prose, language: str) -> Iterator[Variant]:
    """`Halfjaarrapportage` beside `Halfjaarsrapportage`: when the
    dictionary knows one form only, the other is reported; when it knows
    both or neither, the less used one."""
    counts = Counter(word.lower() for _, masked in prose.segments for word in _LINKING_S_WORD.findall(masked))
    pairs = _linking_s_pairs(counts)
    if not pairs:
        return
    occurrences = _occurrences(prose, {word for pair in pairs for word in pair})
    try:
        known = dictionary(language).known
    except DictionaryUnavailable:
        return
    # "rechtsstaat" loses either of its two s's to "rechtstaat": one pair.
    for with_s, without_s in dict.fromkeys(pairs):
        choice = _linking_s_choice(with_s, without_s, known, counts)
        if choice is None:
            continue
        right, why = choice
        for start, end in occurrences[without_s if right == with_s else with_s]:
            original = prose.text(start, end)
            replacement = cased_like(original, right)
            yield Variant(start, end, original, replacement, replacement, why)


def _linking_s_pairs(counts: Counter) -> list[tuple[str, str]]:
    """(word, the word without one of its inner s's) of the words counted."""
    return [(word, word[:index] + word[index + 1:]) for word in counts for index in range(_PART, len(word) - _PART)
            if word[index] == "s" and word[:index] + word[index + 1:] in counts]


def _occurrences(prose: _Prose, words: set[str]) -> dict[str, Spans]:
    """Where the words are, found again for them only: a long report has
    hundreds of thousands of long words."""
    occurrences: dict[str, Spans] = defaultdict(list)
    for base, match in prose.matches(_LINKING_S_WORD):
        if match.group().lower() in words:
            occurrences[match.group().lower()].append((base + match.start(), base + match.end()))
    return occurrences


def _linking_s_choice(with_s: str, without_s: str, known: Callable[[str], bool],
                      counts: Counter) -> tuple[str, str] | None:
    """(the form to follow, why): the one the dictionary knows, else the one used more."""
    verdicts = {form: known(form) for form in (with_s, without_s)}
    if verdicts[with_s] != verdicts[without_s]:
        return (with_s if verdicts[with_s] else without_s), "the dictionary has"
    if counts[with_s] != counts[without_s]:
        right = with_s if counts[with_s] > counts[without_s] else without_s
        return right, f"{counts[right]} times"
    return None


def _lowered(text: str) -> str:
    """`text` in lower case, code point for code point ("İ" lowers to two:
    offsets stay exact). Called on a span at a time: str.lower() of a whole
    report holds twelve bytes per character while it works."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return lowered



_TERM_PART = re.compile(r"[^\s-]+")


class _FormJudge:
    """Which way of writing a term to follow: a form of words, then (in
    Dutch) a compound not written apart, then the dictionary's spelling,
    then the majority."""

    def __init__(self, language: str) -> None:
        self.language = language
        # The language's most frequent words ("van", "the"), as detection counts them.
        self.function_words = set(language_pack(language).detection_words)
        self._known = None
        # Whether the language writes compounds as one word (Dutch): then a
        # compound written apart is a variant, and the lesser one; in English
        # "working age" (a noun) beside "working-age" (before a noun) is grammar.
        self.closes_compounds = False
        try:
            found = dictionary(self.language)
            self._known, self.closes_compounds = found.known, found.splits_compounds
        except Exception:  # DictionaryUnavailable: the majority decides
            pass

    def joins_a_function_word(self, parts: list[str]) -> bool:
        """`commissie-Van` beside `commissie van` is a name, not a variant."""
        return any(part in self.function_words for part in parts)

    @staticmethod
    def name_beside_a_word(forms: Iterable[str]) -> bool:
        """`Bestuursakkoord Zero Emissie` beside `zero-emissie`: a name in
        title case (every part a capitalised word, no acronym: `VN Resolutie`
        is a term miswritten) and a common word are two terms; a name is
        written apart as its owner writes it."""
        parts = [_TERM_PART.findall(form) for form in forms]
        named = any(len(p) > 1 and all(part.istitle() for part in p) for p in parts)
        return named and any(any(part[:1].islower() for part in p) for p in parts)

    def _part_known(self, part: str) -> bool:
        # Only a capital that can start a sentence or a title is lowered: "deCentraal" is no "decentraal".
        capitalised = part[1:] == part[1:].lower() or part.isupper()
        return bool(self._known and (self._known(part) or capitalised and self._known(part.lower())))

    def is_word(self, written: str) -> bool:
        """Every part a dictionary word, an acronym, a name or a lower-case
        word: no capital inside a part the dictionary lacks (`deCentraal`)."""
        for part in _TERM_PART.findall(written):
            if self._part_known(part) or not any(c.islower() for c in part):
                continue
            if any(c.isupper() for c in part[1:]):
                return False
        return True

    def rank(self, written: str, count: int) -> tuple:
        in_dictionary = self._known is not None and all(self._part_known(p) for p in _TERM_PART.findall(written))
        if in_dictionary and "-" in written and " " not in written:
            # Two known words hyphenated are the dictionary's only if it takes them so or
            # joined ("behandeling-stelling" is neither: nothing for it to decide).
            in_dictionary = self._known(written) or self._known(written.replace("-", ""))
        # Apart: a space inside a compound, not one before "van" (`Secretaris-Generaal van`).
        pieces = written.lower().split(" ")
        apart = self.closes_compounds and len(pieces) > 1 and not self.function_words & set(pieces)
        return (self.is_word(written), not apart, in_dictionary, count)

    def reason(self, written: str, count: int, others: list[tuple[str, int]]) -> str:
        if all(count > n for _, n in others):
            return f"{count} times"
        mine = self.rank(written, count)
        for index, why in ((0, "the other form is not a word"), (1, "a Dutch compound is not written apart"),
                           (2, "the dictionary's spelling")):
            if any(mine[index] != self.rank(w, n)[index] for w, n in others):
                return why
        return f"{count} times"
