"""The spelling analysis of a document, one pass over its prose for every
spelling and conversion rule (`context.analysis.spelling`): each distinct
word is decided once, and only the unknown ones are located.

It finds the words no dictionary knows, with suggestions; the Dutch compounds
the dictionary lacks, with their parts; the words the extraction broke or
glued, with their repairs; and the questions, answers or documents that stop
mid-word."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

from ..analysis.names import capitalised_and_lower, written_as_names
from ..analysis.prose import Word
from ..source.blocks import PARAGRAPH, block_span
from .corrections import (
    TERM_OF_ART_COUNT, capital_without_accent, close_to_known, elliptical_or_abbreviated, joined_with_next,
    name_suggestion, ranked_corrections, suggestions,
)
from .checked import checked_language
from .spellers import Spellers
from .wordbreaks import HYPHENATED, INVISIBLE, Repair, find_repairs, known_part_residue, splitter_for, truncated_ends

if TYPE_CHECKING:
    from ..analysis.analysis import Analysis
    from ..analysis.model import Structure
    from .speller import Speller
    from .wordsplit import Splitter

# Corrections are looked for in this many distinct unknown words of a
# document, in order; later ones are reported without suggestions, so that a
# badly converted document full of debris is still checked in a second.
SUGGESTION_BUDGET = 200
# What follows a word in a domain name: "Rijksoverheid.nl", "juisteplek.nl".
_DOMAIN = re.compile(r"\.(?:nl|com|org|net|eu|int|gov|be|de|uk|fr|info|edu|io)(?![\w.-])", re.I)
_VOWELS = re.compile("[aeiouyàáâäèéêëìíîïòóôöùúûü]", re.I)
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class UnknownWord:
    """A word no dictionary knows, with up to three suggestions."""

    word: Word
    suggestions: tuple[str, ...]
    is_name: bool  # capitalised in mid-sentence


@dataclass(frozen=True)
class ClosedCompound:
    """A Dutch compound the dictionary lacks: head, linking sound and tail."""

    word: Word
    head: str
    link: str
    tail: str
    clash: bool  # head and tail meet, without a link, in vowels that read as one sound


class TruncatedWord(NamedTuple):
    """The last word of a question, answer or document that stops mid-word."""

    start: int
    end: int
    part: str  # "question", "answer" or "document"


@dataclass(frozen=True)
class Spelling:
    """What the spelling analysis found in one document."""

    unknown: tuple[UnknownWord, ...] = ()
    compounds: tuple[ClosedCompound, ...] = ()
    repairs: tuple[Repair, ...] = ()  # by start; reported by the conversion rules
    truncated: tuple[TruncatedWord, ...] = ()


def analyse_spelling(analysis: Analysis) -> Spelling:
    """The spelling analysis of a document (with the run's speller)."""
    counts = analysis.prose.counts()
    run = analysis.run
    language = checked_language(run, analysis.profile)
    if not counts or language is None:
        return Spelling()
    spellers = run.spellers if run.spellers is not None else Spellers()
    return _Pass(analysis, spellers.speller(language, analysis.profile, run), counts).spelling()


class _Pass:
    """One pass over the prose of a document."""

    def __init__(self, analysis: Analysis, speller: Speller, counts: Counter) -> None:
        self.analysis = analysis
        self.text = analysis.document.text
        self.speller = speller
        self.counts = counts
        self.invisible = INVISIBLE.search(self.text) is not None  # soft hyphens or zero-width characters
        self.lower_counts: Counter = Counter()
        for text, count in counts.items():
            self.lower_counts[text.lower()] += count
        self._corrections: dict[str, list[str]] = {}
        # Words the document writes in code or links, in titles, and both
        # capitalised and in lower case (set once the candidates are known).
        self.in_code = self.in_titles = self.used_as_words = frozenset()

    def spelling(self) -> Spelling:
        speller, text = self.speller, self.text
        camel = _camel_case(self.counts)
        candidates = self._candidates({word for word in self.counts if not self._accepted(word)} | camel)
        splitter = splitter_for(text, self.lower_counts, speller, speller.primary.language)
        repairs, hints = self._repairs(candidates, splitter)
        truncated = tuple(TruncatedWord(*found) for found in truncated_ends(
            text, _part_ends(self.analysis), lambda w: not w.islower() or speller.known(w)))
        claimed = _claimed(repairs, truncated)
        verdicts = self._verdicts([word for word in candidates if word.start not in claimed and word.text not in camel],
                                  candidates, splitter, hints)
        return Spelling(tuple(v for v in verdicts if isinstance(v, UnknownWord)),
                        tuple(v for v in verdicts if isinstance(v, ClosedCompound)), tuple(repairs), truncated)

    def _verdicts(self, words: list[Word], candidates: list[Word], splitter: Splitter,
                  hints: dict[int, str]) -> list[UnknownWord | ClosedCompound | None]:
        """The verdict on each word that no repair accounts for, but for
        those the document writes in code or link targets."""
        self.in_code, self.in_titles = written_as_names(self.analysis.document, self.analysis.structure)
        self.used_as_words = capitalised_and_lower(candidates)
        return [self._judge(word, splitter, hints) for word in words if word.text.lower() not in self.in_code]

    def _accepted(self, text: str) -> bool:
        """A word no typo: known, an acronym, a unit, a joined form of the profile's."""
        return (
            len(text) < 2 or _acronym_or_camel_case(text) or len(set(text.lower())) == 1  # "xxxx" (QA204)
            or text.lower() in self.analysis.profile.joined_forms  # QA404's
            or self.speller.known(INVISIBLE.sub("", text) if self.invisible else text)
            or (len(text) >= 3 and not _VOWELS.search(text))  # "pxq", "kwh": symbols, units
        )

    def _candidates(self, words: set[str]) -> list[Word]:
        """The occurrences of `words` outside citations (QA502's), not split
        at a line end (QA508's), not in identifiers or domain names."""
        in_citation = _citation_offsets(self.analysis)
        chunks: dict[int, bool] = {}
        return [word for word in self.analysis.prose.occurrences(words)
                if not (word.start in in_citation or _split_at_line_end(word, self.text)
                        or _in_identifier_or_domain(word, self.text, chunks))]

    def _repairs(self, candidates: list[Word], splitter: Splitter) -> tuple[list[Repair], dict[int, str]]:
        """The extraction's damage among the candidates and in hyphenated
        words (by start), and the splits left to suggestions."""
        repairs, hints = find_repairs(self.text, candidates, self.speller, splitter, _is_name,
                                      lambda w: self.counts[w] > 0)
        repaired = {start for repair in repairs for start in repair.words}
        for base, match in self.analysis.prose.matches(HYPHENATED):
            residue = known_part_residue(base, match, self.speller, repaired)
            if residue is not None:
                repairs.append(residue)
        return sorted(repairs, key=lambda r: r.start), hints

    def _judge(self, word: Word, splitter: Splitter, hints: dict[int, str]) -> UnknownWord | ClosedCompound | None:
        """What an unknown word is: a name, a compound, a misspelling or none of them."""
        speller = self.speller
        text = INVISIBLE.sub("", word.text)
        if _is_name(word):
            suggestion = name_suggestion(speller, word, self._names)
            return UnknownWord(word, (suggestion,), True) if suggestion else None
        parts = speller.split(text.lower()) if speller.primary.language == "nl" else None
        if parts is not None:
            head, link, tail = parts
            return ClosedCompound(word, head, link, tail, not link and head[-1] + tail[0] in speller.primary.clashes)
        if elliptical_or_abbreviated(speller, word, self.text) or capital_without_accent(speller, word):
            return None
        corrections = self._corrections_of(text)
        close = close_to_known(speller, text, corrections)
        if self._term_of_art(text, close) or (word.sentence_start and text[0].isupper() and not close):
            return None  # a name opening a sentence, unless a known word is one edit away
        joined = joined_with_next(speller, word, self.text)
        broken = hints.get(word.start) or splitter.word_break(text)
        return UnknownWord(word, tuple(suggestions(text, [joined] if joined else [], broken, corrections,
                                                   speller.plain)), False)

    def _term_of_art(self, text: str, close: bool) -> bool:
        """Used often, in a heading or both capitalised and in lower case; one
        such sign unless a known word is one letter away ("strafvervolgning"
        x3), two whatever it resembles ("backend")."""
        lower = text.lower()
        signs = (self.lower_counts[lower] >= TERM_OF_ART_COUNT) + (lower in self.in_titles) \
            + (lower in self.used_as_words)
        return signs >= 2 or (signs > 0 and not close)

    def _corrections_of(self, text: str) -> list[str]:
        """The corrections of a word (none past the budget), remembered across runs."""
        if text not in self._corrections:
            speller = self.speller
            self._corrections[text] = speller.remembered(
                "corrections", text, lambda: ranked_corrections(speller, text, self.lower_counts, self._frequent)
            ) if len(self._corrections) < SUGGESTION_BUDGET else []
        return self._corrections[text]

    @cached_property
    def _frequent(self) -> dict[str, list[str]]:
        """The document's words used twice or more, by first letter."""
        frequent: dict[str, list[str]] = {}
        for text, count in self.lower_counts.items():
            if count >= 2:
                frequent.setdefault(text[:1], []).append(text)
        return frequent

    @cached_property
    def _names(self) -> Counter:
        """Capitalised words that are not just common words opening a sentence
        (counted when a name needs them)."""
        return Counter({
            t: n for t, n in self.counts.items()
            if t[0].isupper() and not _acronym_or_camel_case(t) and not self.speller.known(t.lower())
        })


def _claimed(repairs: list[Repair], truncated: tuple[TruncatedWord, ...]) -> set[int]:
    """Starts of the words a repair or a truncation accounts for."""
    return {start for repair in repairs for start in repair.words} | {t.start for t in truncated}


def _part_ends(analysis: Analysis) -> list[tuple[int, int, str]]:
    """The spans of the last block of each question, answer and of the document."""
    doc, structure = analysis.document, analysis.structure
    blocks = structure.blocks
    spans = {}
    for what, indexes in _parts(structure):
        if indexes:
            spans[block_span(doc, blocks[indexes[-1]])] = what
    paragraphs = [b for b in blocks if b.kind == PARAGRAPH]
    if paragraphs:
        spans.setdefault(block_span(doc, paragraphs[-1]), "document")
    return [(start, end, what) for (start, end), what in spans.items()]


def _parts(structure: Structure) -> list[tuple[str, list[int]]]:
    parts = [(what, indexes) for item in structure.items
             for what, indexes in (("question", item.question_blocks), ("answer", item.answer_blocks))]
    return parts + [("question", unanswered.blocks) for unanswered in structure.unanswered]


def _camel_case(counts: Counter) -> set[str]:
    """"deSecretaris", "LibischeKustwacht": may be words run together."""
    return {word for word in counts if not word.isupper() and _lower_then_capital(word)}


def _lower_then_capital(text: str) -> bool:
    rest = text[1:]
    return rest != rest.lower() and any(a.islower() and b.isupper() for a, b in zip(text, rest))


def _in_identifier_or_domain(word: Word, text: str, chunks: dict[int, bool]) -> bool:
    """"ah-tk-20242025-594", "kv-tk-2024Z18659": a word in a hyphenated
    chunk with digits is an identifier (`chunks` remembers each chunk's
    verdict: a long chain is read once); "Telegraaf.nl" a domain name."""
    if word.chunk_start not in chunks:
        chunks[word.chunk_start] = _DIGIT.search(text, word.chunk_start, word.chunk_end) is not None
    if chunks[word.chunk_start]:
        return True
    if _DOMAIN.match(text, word.end):
        return True
    return text[word.start - 1:word.start] == "." and word.start >= 2 and text[word.start - 2].isalpha() \
        and _DOMAIN.match(text, word.start - 1) is not None


def _split_at_line_end(word: Word, text: str) -> bool:
    """A half of a word hyphenated at a line end ("afde-" / "ling")."""
    after = text[word.end:word.end + 3]
    before = text[max(0, word.start - 3):word.start]
    return (after[:1] == "-" and after[1:2] in ("\n", "\r")) or before.endswith(("-\n", "-\r", "-\r\n"))


def _citation_offsets(analysis: Analysis) -> set[int]:
    """Offsets inside citations, which are QA502's: "nr 507" there is a
    citation format, not a typo."""
    pattern = analysis.profile.citation_regex
    if pattern is None:
        return set()
    return {i for m in pattern.finditer(analysis.document.text) for i in range(*m.span())}


def _acronym_or_camel_case(text: str) -> bool:
    rest = text[1:]
    return text.isupper() or rest != rest.lower()


def _is_name(word: Word) -> bool:
    text = word.text
    return text[0].isupper() and not word.sentence_start and not _acronym_or_camel_case(text)
