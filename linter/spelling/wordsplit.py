"""Splitting words that a PDF or Word extraction ran together ("vanhet",
"kunnenworden", "deSecretaris") into the words they were.

A token is split only into words a dictionary knows, and a split is called
plausible only with evidence: one of its parts is a frequent function word of
the language ("van", "het", "de", "u"), or the document writes the same words
apart elsewhere. A split is unambiguous when it is the only plausible one. The
splitter knows nothing about a particular document beyond what it is given:
the dictionary lookups and the document's own word pairs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from ..languages import language as language_pack

# Parts this short must be function words: "tk" is no "t k".
_SHORT_PART = 2
_MAX_LENGTH = 60
_APOSTROPHES = re.compile("['’]")


@dataclass(frozen=True)
class Split:
    """The words a token splits into, as written (case kept), with whether
    the split is the only plausible one and its alternatives."""

    parts: tuple[str, ...]
    unambiguous: bool
    alternatives: tuple[tuple[str, ...], ...] = ()
    # Two function words ("in|het") or the document's own use: no typo reads so.
    strong: bool = False

    @property
    def text(self) -> str:
        return " ".join(self.parts)


class Splitter:
    """Splits tokens for one document."""

    def __init__(
        self,
        language: str,
        known: Callable[[str], bool],
        plain: Callable[[str], bool],
        used: Callable[[tuple[str, ...]], int],
        modifier: Callable[[str], bool] = lambda word: False,
    ) -> None:
        """`known(word)`: whether a dictionary (or the project) accepts the
        lower-case word, also as a compound; `plain(word)`: whether a
        dictionary lists it as it is; `used(words)`: how often the document
        writes these words (one, or several apart); `modifier(word)`: whether
        the language's grammar puts the word before another but never at the
        start of a compound (an inflected adjective: "passende|oplossing")."""
        pack = language_pack(language)  # its function words: the only words trusted without the document's support
        own = pack.function_words
        # English function words of three letters or more also serve in
        # another language's document ("ofthe"); shorter ones would split
        # too many native words ("d|at").
        english = {w for w in language_pack("en").function_words if len(w) >= 3} if language != "en" else set()
        self.function_words = own | english
        self.single = pack.single_letter_words  # "u" in Dutch, "a" in English
        self._known = known
        self._plain = plain
        self._used = used
        self._modifier = modifier
        self._joined = 0  # how often the document writes the token being split

    def split(self, token: str, name: bool = False) -> Split | None:
        """The plausible split of `token`, or None. A `name` (capitalised in
        mid-sentence) splits only into a word the document uses and a
        function word after it ("Shellin": "Shell in")."""
        if not 3 <= len(token) <= _MAX_LENGTH or not _APOSTROPHES.sub("", token).isalpha():
            return None
        lower = token.lower()
        self._joined = self._used((lower,))
        if name:
            return self._name_split(token, lower)
        found = self._plausible(self._splits(lower)) or self._three_words(lower)
        return self._best(token, found) if found else None

    def _name_split(self, token: str, lower: str) -> Split | None:
        """Only a function word after a name: a few lookups, not every cut."""
        found = [(lower[:-len(w)], w) for w in self.function_words if lower.endswith(w) and len(lower) > len(w)]
        found = [p for p in found if self._used(p[:1]) and self._known(p[0])]
        return Split(_cased(token, found[0]), len(found) == 1, (), False) if found else None

    def _three_words(self, lower: str) -> list[tuple[str, ...]]:
        """Three words only where no two do ("welzijn|brede" is no
        "wel|zijn|brede"): two function words and a word of four letters or
        more ("van|het|kabinet", not "aan|klaar|ten")."""
        if self._two_words(lower, 1):
            return []
        return [(first, second, lower[len(first) + len(second):])
                for first in self._function_prefixes(lower)
                for second in self._function_prefixes(lower[len(first):])
                if self._content_word(lower[len(first) + len(second):])]

    def _best(self, token: str, found: list[tuple[str, ...]]) -> Split:
        """The best ranked of the plausible splits, the others as alternatives."""
        ranked = sorted(found, key=self._rank)
        best = ranked[0]
        tied = [parts for parts in ranked[1:] if self._evidence(parts) == self._evidence(best)]
        alternatives = tuple(_cased(token, parts) for parts in ranked[1:])
        strong = self._apart(best) or self._function_words(best) >= 2
        return Split(_cased(token, best), not tied, alternatives, strong)

    def camel_split(self, token: str) -> Split | None:
        """"deSecretaris", "hetRIEC": a lower-case function word glued to a
        capitalised word; "LibischeKustwacht" when the document writes the
        two apart more often."""
        cut = next((i for i in range(1, len(token)) if token[i].isupper() and token[i - 1].islower()), None)
        if cut is None:
            return None
        left, right = token[:cut], token[cut:]
        if right[1:] != right[1:].lower() and not right.isupper():
            return None  # "isValidInput": an identifier, not words
        if left.lower() in self.function_words and left.islower():
            return Split((left, right), True, strong=True)
        if self._used((left.lower(), right.lower())) > self._used((token.lower(),)):
            return Split((left, right), False, strong=True)
        return None

    def _splits(self, lower: str) -> list[tuple[str, str]]:
        """The cuts of `lower` into two words that some evidence could
        support: a function word, an adjective first, or two words the
        document uses. A three-letter word only if the document uses it
        ("de|top", not "Nu|tri"); a compound worked out ("beoordelingskader")
        only last, unless the document uses it ("conceptanalyse|die"), so
        that only the last part needs the dictionary's compounding."""
        found = []
        for cut in range(1, len(lower)):
            head, tail = lower[:cut], lower[cut:]
            used = self._used((head,)) > 0 and self._used((tail,)) > 0
            if self._supported(head, tail, used) and self._words(head, tail, used):
                found.append((head, tail))
        return found

    def _supported(self, head: str, tail: str, used: bool) -> bool:
        """Some evidence could support the cut: a function word, an adjective
        first, or both words used in the document."""
        return head in self.function_words or tail in self.function_words or used or self._modifier(head)

    def _words(self, head: str, tail: str, used: bool) -> bool:
        """Both sides are words: the head a dictionary form (or a known word
        the document uses), the tail known; a three-letter one a function
        word or one the document uses."""
        if not (self._part(head, self._plain) or (used and len(head) >= 4 and self._known(head))):
            return False
        return self._part(tail, self._known) and all(
            len(p) != _SHORT_PART + 1 or p in self.function_words or self._used((p,)) for p in (head, tail))

    def _two_words(self, lower: str, shortest: int) -> list[tuple[str, str]]:
        """The cuts into two dictionary words (as they are) of `shortest` letters or more."""
        return [(lower[:cut], lower[cut:]) for cut in range(max(shortest, 1), len(lower) - max(shortest, 1) + 1)
                if self._part(lower[:cut], self._plain) and self._part(lower[cut:], self._plain)
                and min(cut, len(lower) - cut) >= shortest]

    def _function_prefixes(self, lower: str) -> list[str]:
        return [lower[:n] for n in range(1, min(len(lower), 8)) if lower[:n] in self.function_words]

    def _content_word(self, word: str) -> bool:
        return len(word) >= 4 and word not in self.function_words and self._known(word)

    def _part(self, part: str, known: Callable[[str], bool]) -> bool:
        if len(part) == 1:
            return part in self.single
        if len(part) <= _SHORT_PART:
            return part in self.function_words
        return part in self.function_words or known(part)

    def _plausible(self, splits: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
        """Splits with evidence: a function word among two parts, two among
        three (one is too easy: "bos|de|gradatie"), or the document writing
        the words apart more often than together."""
        needed = len(splits[0]) - 1 if splits else 0
        return [parts for parts in splits if self._function_words(parts) >= needed or self._apart(parts)
                or (len(parts) == 2 and self._modifier(parts[0]) and (self._plain(parts[1]) or self._used(parts[1:])))]

    def _function_words(self, parts: tuple[str, ...]) -> int:
        return sum(p in self.function_words for p in parts)

    def _apart(self, parts: tuple[str, ...]) -> bool:
        return self._used(parts) > self._joined

    def _evidence(self, parts: tuple[str, ...]) -> tuple[bool, int]:
        return (self._apart(parts), self._function_words(parts))

    def word_break(self, token: str) -> str | None:
        """Two dictionary words of four letters or more that the token may
        have been, without evidence ("kabinetziet": "kabinet ziet"): a
        suggestion, not a finding."""
        breaks = self._two_words(token.lower(), 4)
        return " ".join(_cased(token, min(breaks, key=self._rank))) if breaks else None

    def _rank(self, parts: tuple[str, ...]) -> tuple:
        # The document's own evidence first, then function words, then
        # dictionary forms before compounds worked out, then the words the
        # document uses most ("kans|om", not "kan|som").
        used = min((self._used((p,)) for p in parts if p not in self.function_words), default=0)
        return (not self._apart(parts), -self._function_words(parts),
                sum(not self._plain(p) for p in parts), -used, -len(parts[-1]), parts)


def _cased(token: str, parts: tuple[str, ...]) -> tuple[str, ...]:
    """The parts as the token writes them."""
    out, position = [], 0
    for part in parts:
        out.append(token[position:position + len(part)])
        position += len(part)
    return tuple(out)
