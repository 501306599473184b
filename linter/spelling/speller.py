"""The speller of the spelling analysis: whether a word is known in the
document's languages, with the project's words and the Dutch compounds the
dictionary lacks, and the corrections of an unknown word. A run holds one
per language and word list (`spellers.py`)."""

from __future__ import annotations

from typing import Callable, Iterable

from .affixes import NOUN, STEM
from .dictionary import dictionary, fold_accents, prepare
from ..source.letters import capitalised_like
from ..languages import language as language_pack

_MIN_PART = 4
# Words this long may be compounds that the dictionary's own compounding
# flags do not cover; shorter ones are split only once found unknown.
COMPOUND_LENGTH = 12


class Speller:
    """Decides whether a word is known in the document's languages, with the
    project's words, compounds the dictionary lacks and cheap corrections."""

    def __init__(self, language: str, compound_prefixes: Iterable[str], project_words: frozenset[str]) -> None:
        """`language`: "nl" or "en"; `compound_prefixes`: the profile's
        prefix-like words that open compounds ("tussen", "dwars")."""
        self.primary = dictionary(language)
        others = ["en", "en-gb"] if self.primary.language != "en" else ["en-gb"]
        self.english = [dictionary(name) for name in others]
        self.dictionaries = [self.primary, *self.english]
        prepare(self.dictionaries)
        self._known: dict[str, bool] = {}
        self.project_words = project_words
        self.prefixes = frozenset(compound_prefixes)
        pack = language_pack(self.primary.language)
        self.function_words = pack.function_words
        # Linking sounds between compound parts ("bedrijf|s|leven") and the letters tried in corrections.
        self.links, self.letters = pack.compound_links, pack.try_letters
        self._compounds: dict[str, bool] = {}
        self._splits: dict[tuple[str, bool, int], tuple[str, str, str] | None] = {}

    def known(self, word: str) -> bool:
        """Known to the project, to a dictionary of the document's language or
        English, or as a long compound (remembered for the run)."""
        verdict = self._known.get(word)
        if verdict is None:
            verdict = self._known[word] = (
                word in self.project_words or word.lower() in self.project_words
                or any(d.known_quickly(word) for d in self.dictionaries)
                or self.primary.known(word)  # a compound of the dictionary's own parts
                or (len(word) >= COMPOUND_LENGTH and self._known_compound(word.lower()))
            )
        return verdict

    def _known_compound(self, lower: str) -> bool:
        """A long compound of a noun, a linking sound and a known word, which
        the dictionary's own compounding flags may not cover."""
        if not self.primary.splits_compounds:
            return False
        parts = self.split(lower, quick=True)
        # A vowel clash is left for QA402 to report.
        return parts is not None and not (not parts[1] and parts[0][-1] + parts[2][0] in self.primary.clashes)

    def plain(self, word: str) -> bool:
        """A form a dictionary or the project lists, not a compound worked out."""
        return word in self.project_words or any(d.known_quickly(word) for d in self.dictionaries)

    def one_edit_away(self, word: str) -> bool:
        """Whether a dictionary word is one letter from `word` (remembered)."""
        lower = word.lower()
        return bool(self.remembered("near", lower, lambda: self.primary.words_among(set(_edits(lower, self.letters)) - {lower})[:1]))

    def modifier(self, word: str) -> bool:
        """An inflected Dutch adjective ("passende"): it stands before a
        word but no compound opens with it."""
        return (self.primary.language == "nl" and len(word) >= 5 and word.endswith("e")
                and self.primary.known_quickly(word) and not self.primary.is_noun(word))

    def compound(self, word: str, quick: bool = False) -> bool:
        """Whether `word` is a Dutch compound the dictionary lacks: a noun, a
        linking sound and a known word or another such compound
        ("ruimte|beleid", "splijtstof|stop|verdrag"). `quick` looks parts up
        as whole words only, without the dictionary's compounding."""
        if self.primary.language != "nl":
            return False
        lower = word.lower()
        key = f"{int(quick)}{lower}"
        if key not in self._compounds:
            self._compounds[key] = self.split(lower, quick) is not None
        return self._compounds[key]

    def split(self, lower: str, quick: bool = False, depth: int = 0) -> tuple[str, str, str] | None:
        """(head, link, tail) of a compound, or None (remembered; full
        answers also across runs)."""
        key = (lower, quick, depth)
        if key not in self._splits:
            if quick or depth:
                self._splits[key] = self._split(lower, quick, depth)
            else:
                remembered = self.primary.recall("compound", lower)
                if remembered is None:
                    parts = self._split(lower, False, 0)
                    self.primary.remember("compound", lower, "|".join(parts) if parts else "")
                else:
                    parts = tuple(remembered.split("|")) if remembered else None
                self._splits[key] = parts
        return self._splits[key]

    def _split(self, lower: str, quick: bool, depth: int) -> tuple[str, str, str] | None:
        is_noun = self.primary.is_noun
        is_known = self.primary.is_part if quick else self.primary.known
        short = self._short_head(lower)
        if short:
            return short
        for cut in range(len(lower) - 3, 2, -1):  # longest head first
            head = lower[:cut]
            if not self._head(head, quick or depth > 0):
                continue
            tails = _tails(head, lower[cut:], self.links)
            for link, tail in tails:  # a known tail first ("geweld|s|middelen", not "geweld|smid|delen")
                if is_noun(tail) or (len(tail) > _MIN_PART and is_known(tail)):
                    return head, link, tail
            if depth == 0:
                for link, tail in tails:
                    if self.split(tail, quick, 1):
                        return head, link, tail
        return None

    def _short_head(self, lower: str) -> tuple[str, str, str] | None:
        """"bus|vloot", "net|congestie": a three-letter noun (not a function
        word: "kan|beïnvloeden" is two words) before a noun of five letters
        or more, or of four where the parts meet in a vowel clash
        ("zee|egel": the compound needs a hyphen)."""
        head, tail = lower[:3], lower[3:]
        shortest = 4 if head[-1:] + tail[:1] in self.primary.clashes else 5
        if len(tail) >= shortest and head not in self.function_words and self.primary.is_noun(head) \
                and self.primary.is_noun(tail):
            return head, "", tail
        return None

    def _head(self, head: str, simple: bool) -> bool:
        """Whether `head` can open a compound (see `_opens`) or, unless
        `simple`, is a compound itself."""
        return self._opens(head, self.primary.is_noun) or (
            not simple and len(head) >= 8 and self.split(head, True, 1) is not None
        )

    def _opens(self, head: str, is_noun: Callable[[str], bool]) -> bool:
        """A noun (also in its plural, "pokken|vaccins") or a prefix-like word
        of the profile ("tussen", "dwars")."""
        if is_noun(head):
            return len(head) >= _MIN_PART
        return head in self.prefixes or (head[-2:] == "en" and len(head) >= 5 and (is_noun(head[:-2]) or is_noun(head[:-3])))

    def _compound_corrections(self, lower: str) -> list[str]:
        """Corrections of a compound with one edit in its rest (after a known
        first part) or in its first part (before a known rest). The longest
        known part that leads to a correction is used: the typo lies in what
        it leaves unexplained. A first part that is a compound itself keeps
        one of its own parts unchanged, so each candidate costs a few
        lookups, not a new split."""
        heads = [cut for cut in range(3, len(lower) - 2) if self._head(lower[:cut], True)]
        return self._misspelt_rest(lower, heads) + self._misspelt_head(lower, heads)

    def _misspelt_rest(self, lower: str, heads: list[int]) -> list[str]:
        """The rest is misspelt: corrections after the longest known first part that helps."""
        for cut in reversed(heads):
            pairs = [(edited, edited[len(link):]) for edited in set(_edits(lower[cut:], self.letters)) for link in self.links
                     if edited.startswith(link) and len(edited) - len(link) >= _MIN_PART]
            parts = self.primary.parts_among({tail for _, tail in pairs})
            found = [lower[:cut] + edited for edited in dict.fromkeys(e for e, tail in pairs if tail in parts)]
            if found:
                return found
        return []

    def _misspelt_head(self, lower: str, heads: list[int]) -> list[str]:
        """The first part is misspelt: corrections before the longest known rest that helps."""
        for cut in range(3, len(lower) - 2):
            head, rest = lower[:cut], lower[cut:]
            if not any(rest.startswith(link) and len(rest) - len(link) >= _MIN_PART
                       and self.primary.is_part(rest[len(link):]) for link in self.links):
                continue
            accepted = self._head_corrections(head, [lower[:c] for c in heads if c <= cut - 3])
            if accepted:
                return [h + rest for h in sorted(accepted)]
        return []

    def _head_corrections(self, head: str, firsts: list[str]) -> set[str]:
        """The words one edit from `head` that can open a compound; `firsts`:
        the known first parts of `head` itself."""
        accepted = self._simple_heads({h for h in _edits(head, self.letters) if len(h) >= _MIN_PART})
        # A first part that is a compound keeps one of its own parts: the
        # edit falls in its second part, after a known first one ...
        accepted |= self._linked_parts([(first + e, len(first), e) for first in firsts
                                        for e in _edits(head[len(first):], self.letters) if len(first) + len(e) >= 8])
        # ... or in its first part, before a known second one.
        seconds = self._linked_parts([(head[c:], c, head[c:]) for c in range(3, len(head) - 2)])
        # One candidate can arise from several (opening, second part) pairs: any valid opening will do.
        openings = {(e + second, e) for second in seconds for e in _edits(head[:len(head) - len(second)], self.letters)
                    if len(e) + len(second) >= 8}
        valid = self._simple_heads({opening for _, opening in openings})
        return accepted | {h for h, opening in openings if opening in valid}

    def _simple_heads(self, candidates: set[str]) -> set[str]:
        """Those of `candidates` that `_head(candidate, simple=True)` accepts,
        looked up together."""
        plurals = {c[:-k] for c in candidates if c.endswith("en") and len(c) >= 5 for k in (2, 3)}
        nouns = {w for w, bits in self.primary.bits_among(candidates | plurals).items() if bits & NOUN}
        return {c for c in candidates if self._opens(c, nouns.__contains__)}

    def _linked_parts(self, triples: list[tuple[str, int, str]]) -> set[str]:
        """The candidates of (candidate, length of its first part, rest) whose
        rest is a linking sound and a word that can close a compound after
        that first part, looked up together."""
        options = [(candidate, rest[len(link):], 3 if first >= 6 else _MIN_PART)
                   for candidate, first, rest in triples for link in self.links if rest.startswith(link)]
        bits = self.primary.bits_among({tail for _, tail, _ in options})
        return {
            candidate for candidate, tail, shortest in options
            if len(tail) >= shortest and (bits.get(tail, 0) & NOUN or (len(tail) > _MIN_PART and bits.get(tail, 0) & (STEM | NOUN)))
        }

    def replacements(self, word: str) -> list[str]:
        """Known words one of the dictionary's REP replacements away ("ei" -> "ij")."""
        lower = word.lower()
        candidates = set(_replacements(lower, self.primary.replacements))
        candidates.discard(lower)
        found = set(self.primary.words_among(candidates))
        # A compound the dictionary accepts only through its compounding flags.
        found |= {c for c in candidates - found if len(c) >= COMPOUND_LENGTH and self.primary.known(c)}
        return [capitalised_like(word, c) for c in sorted(found)]

    def corrections(self, word: str) -> list[str]:
        """Known words one edit away; in a compound, the edit may fall in the
        first part ("unanimitieit|s|beginsel") or in the rest
        ("geweld|dsmiddelen")."""
        lower = word.lower()
        candidates = set(_edits(lower, self.letters))
        candidates.discard(lower)
        found = self.primary.words_among(candidates)
        if self.primary.splits_compounds:
            found += self._compound_corrections(lower)
        return [capitalised_like(word, c) for c in dict.fromkeys(found)]

    def remembered(self, kind: str, word: str, compute) -> list[str]:
        """A list about `word`, computed once and kept in the dictionary's cache."""
        known = self.primary.recall(kind, word)
        if known is None:
            value = compute()
            self.primary.remember(kind, word, "|".join(value))
            return value
        return [w for w in known.split("|") if w]

    def accented(self, word: str) -> list[str]:
        """Dictionary words that differ from `word` only in accents."""
        return self.remembered("accented", word, lambda: [
            w for w in self.primary.accent_variants(fold_accents(word)) if w != word
        ])


def _tails(head: str, rest: str, links: tuple[str, ...]) -> list[tuple[str, str]]:
    """(link, tail) of the ways `rest` can go on after `head`: a three-letter
    tail ("postennet") only after a long head; a linking -n- only after an -e
    ("gedachte|n|gang", not "combi|n|natie")."""
    shortest = 3 if len(head) >= 6 else _MIN_PART
    return [(link, rest[len(link):]) for link in links
            if rest.startswith(link) and len(rest) - len(link) >= shortest and (link != "n" or head.endswith("e"))]


def _edits(word: str, letters: str):
    """Every string one deletion, substitution, transposition or insertion
    away, trying `letters` (the language's)."""
    for i in range(len(word) + 1):
        left, right = word[:i], word[i:]
        if right:
            yield left + right[1:]
            for letter in letters:
                yield left + letter + right[1:]
        if len(right) > 1:
            yield left + right[1] + right[0] + right[2:]
        for letter in letters:
            yield left + letter + right


def _replacements(word: str, replacements: list[tuple[str, str, bool, bool]]):
    """The dictionary's REP corrections ("ei" -> "ij"), some only at the start
    or the end of a word."""
    for plain, target, at_start, at_end in replacements:
        if plain not in word:
            continue
        if at_start and at_end:
            if word == plain:
                yield target
        elif at_start:
            if word.startswith(plain):
                yield target + word[len(plain):]
        elif at_end:
            if word.endswith(plain):
                yield word[: len(word) - len(plain)] + target
        else:
            position = word.find(plain)
            while position >= 0:
                yield word[:position] + target + word[position + len(plain):]
                position = word.find(plain, position + 1)
