"""Term variants: one term, written in several ways (QA503)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Iterable

from qalint.source.blocks import prose_spans
from qalint.engine.rule import Context, Finding, Fix, Rule

from .spelling import extraction_repairs
from qalint.spelling.wordbreaks import overlaps


_SEGMENT = re.compile(r"(?<!\W)(\W*+)(\w+(?:-\w+)*)")
_HYPHENATED = re.compile(r"(?<![\w-])[^\W\d_]\w*(?:-\w+)+")


class TermVariant(Rule):
    """## What it does
    Reports a term written in several forms that differ only in hyphens,
    spaces or case (`Open Skies-verdrag` beside `Open Skies verdrag`,
    `defensieministers` beside `defensie-ministers`): each form used less
    often than the most common one, with the most common one as suggestion.
    Forms that differ in a linking `s` (`Halfjaarrapportage` beside
    `Halfjaarsrapportage`) are decided by the dictionary when it knows only
    one of them, else by use.

    ## Why it matters
    Variants split search results and indexes. Which form is right is a
    judgement, so the finding is `info` and its fix is unsafe.

    ## Example
    ```
    het Open Skies verdrag ... het Open Skies verdrag ... het Open Skies-verdrag
                                                              ^^^^^^^^^^^^^ also written "Skies verdrag"
    ```
    """

    code = "QA503"
    name = "term-variant"
    category = "consistency"
    severity = "info"
    fix_safety = "unsafe"

    def check(self, context: Context) -> Iterable[Finding]:
        doc = context.document
        spans = prose_spans(context.document, context.structure.blocks)
        yield from self._linking_s_variants(context, spans)
        # Only terms written with a hyphen somewhere can have hyphen variants.
        terms: dict[str, list[str]] = {}
        for start, end in spans:
            for token in _HYPHENATED.finditer(doc.text, start, end):
                key = token.group().replace("-", "").lower()
                if len(key) >= 6:
                    terms.setdefault(key, token.group().lower().split("-"))
        if not terms:
            return
        # Every way to write each term: a hyphen, a space or nothing at its hyphens.
        places: dict[str, dict[str, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
        for start, end in spans:
            position = start
            previous_key = previous_word = None
            previous_start = 0
            for gap, word in _SEGMENT.findall(_lowered(doc.text[start:end])):
                position += len(gap)
                token_start = position
                position += len(word)
                key = word.replace("-", "") if "-" in word else word
                if key in terms:
                    places[key][word].append((token_start, position))
                if previous_key is not None and gap == " " and previous_key + key in terms:
                    places[previous_key + key][f"{previous_word} {word}"].append((previous_start, position))
                previous_key, previous_word, previous_start = key, word, token_start
        judge = _FormJudge(context)
        repaired = overlaps(extraction_repairs(context))
        for key in sorted(places):
            forms = places[key]
            if len(forms) < 2 or judge.joins_a_function_word(terms[key]):
                continue
            written = {form: Counter(doc.text[a:b] for a, b in where).most_common(1)[0][0] for form, where in forms.items()}
            if judge.name_beside_a_word(written.values()):
                continue
            ranked = sorted(forms, key=lambda form: judge.rank(written[form], len(forms[form])), reverse=True)
            best = ranked[0]
            if not judge.is_word(written[best]) or judge.rank(written[best], len(forms[best])) == judge.rank(
                    written[ranked[1]], len(forms[ranked[1]])):
                continue  # no well-formed form, or nothing to choose between them
            reason = judge.reason(written[best], len(forms[best]), [(written[f], len(forms[f])) for f in ranked[1:]])
            for form in ranked[1:]:
                for start, end in forms[form]:
                    if repaired(start, end):
                        continue  # hyphenation left by extraction or words run together: QA508's, QA511's
                    original = doc.text[start:end]
                    replacement = _match_case(original, written[best])
                    fix = Fix(f"write {replacement}", (context.edit(start, end, replacement),), safe=False)
                    yield context.finding(
                        start, end, f"{original!r} is also written {written[best]!r} ({reason})", [replacement], fix,
                    )

    def _linking_s_variants(self, context: Context, spans) -> Iterable[Finding]:
        """`Halfjaarrapportage` beside `Halfjaarsrapportage`: when the
        dictionary knows one form only, the other is reported; when it knows
        both or neither, the less used one."""
        doc = context.document
        counts = Counter(word.lower() for start, end in spans for word in _LONG_WORD.findall(doc.text, start, end))
        pairs = []
        for word in counts:
            for index in range(_PART, len(word) - _PART):
                if word[index] == "s" and word[:index] + word[index + 1:] in counts:
                    pairs.append((word, word[:index] + word[index + 1:]))
        if not pairs:
            return
        # Where the words of a pair are, found again for them only: a long
        # report has hundreds of thousands of long words.
        paired = {word for pair in pairs for word in pair}
        occurrences: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for start, end in spans:
            for match in _LONG_WORD.finditer(doc.text, start, end):
                if match.group().lower() in paired:
                    occurrences[match.group().lower()].append(match.span())
        from qalint.spelling.dictionary import DictionaryUnavailable, dictionary

        try:
            known = dictionary("en" if context.profile.language == "en" else "nl").known
        except DictionaryUnavailable:
            return
        # "rechtsstaat" loses either of its two s's to "rechtstaat": one pair.
        for with_s, without_s in dict.fromkeys(pairs):
            verdicts = {form: known(form) for form in (with_s, without_s)}
            if verdicts[with_s] != verdicts[without_s]:
                right = with_s if verdicts[with_s] else without_s
                why = "the dictionary has"
            elif counts[with_s] != counts[without_s]:
                right = with_s if counts[with_s] > counts[without_s] else without_s
                why = f"{counts[right]} times"
            else:
                continue
            wrong = without_s if right == with_s else with_s
            for start, end in occurrences[wrong]:
                original = doc.text[start:end]
                replacement = _match_case(original, right)
                fix = Fix(f"write {replacement}", (context.edit(start, end, replacement),), safe=False)
                yield context.finding(
                    start, end, f"{original!r} is also written {replacement!r} ({why})", [replacement], fix,
                )


def _lowered(text: str) -> str:
    """`text` in lower case, code point for code point ("İ" lowers to two:
    offsets stay exact). Called on a span at a time: str.lower() of a whole
    report holds twelve bytes per character while it works."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return lowered


# Parts on either side of a linking "s" are at least this long.
_PART = 4
_LONG_WORD = re.compile(r"(?<![\w-])[^\W\d_]{9,}(?![\w-])")


def _match_case(original: str, form: str) -> str:
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


_TERM_PART = re.compile(r"[^\s-]+")


class _FormJudge:
    """Which way of writing a term to follow: a form of words, then (in
    Dutch) a compound not written apart, then the dictionary's spelling,
    then the majority."""

    def __init__(self, context: Context) -> None:
        from qalint.languages import language

        self.language = "en" if context.profile.language == "en" else "nl"
        # The language's most frequent words ("van", "the"), as detection counts them.
        self.function_words = set(language(self.language).detection_words)
        self._known = None
        try:
            from qalint.spelling.dictionary import dictionary

            self._known = dictionary(self.language).known
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
        apart = self.language == "nl" and len(pieces) > 1 and not self.function_words & set(pieces)
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


RULES = [TermVariant]
