"""Spelling: misspellings, missing compound hyphens, doubled words and
wrongly joined forms. Built to flag almost nothing but real errors."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Callable, Iterable

from qalint.source.blocks import PARAGRAPH, block_span
from qalint.spelling.dictionary import fold_accents, save_all
from qalint.engine.rule import Context, Finding, Fix, Rule
from qalint.analysis.prose import Word

from qalint.analysis.names import capitalised_and_lower, written_as_names
from qalint.spelling.speller import _Speller, _distance, _match_case, _speller, spelling_language
from qalint.spelling.wordbreaks import (
    HYPHENATED, INVISIBLE, Repair, find_repairs, known_part_residue, splitter_for, truncated_ends,
)

# An unknown word the document uses this often is a term of art unless a
# dictionary word is one edit away (then it is a typo made consistently).
TERM_OF_ART_COUNT = 3
# Corrections are looked for in this many distinct unknown words of a
# document, in order; later ones are reported without suggestions, so that a
# badly converted document full of debris is still checked in a second.
SUGGESTION_BUDGET = 200


def unknown_words(context: Context) -> list[tuple[Word, list[str]]]:
    """The words QA401 reports, with their suggestions."""
    return _analysis(context)[0]


def extraction_repairs(context: Context) -> list[Repair]:
    """Words the extraction ran together, broke at a line end or left
    hyphenated, with their repairs (the conversion rules report them)."""
    return _analysis(context)[2]


def truncated_words(context: Context) -> list[tuple[int, int, str]]:
    """(start, end, "question"|"answer"|"document") of the last word of a
    question, answer or document that stops mid-word."""
    return _analysis(context)[3]


def _part_ends(context: Context) -> list[tuple[int, int, str]]:
    """The spans of the last block of each question, answer and of the document."""
    doc, structure = context.document, context.structure
    blocks = structure.blocks
    spans = {}
    parts = [(what, indexes) for item in structure.items
             for what, indexes in (("question", item.question_blocks), ("answer", item.answer_blocks))]
    parts += [("question", unanswered.blocks) for unanswered in structure.unanswered]
    for what, indexes in parts:
        if indexes:
            spans[block_span(doc, blocks[indexes[-1]])] = what
    paragraphs = [b for b in blocks if b.kind == PARAGRAPH]
    if paragraphs:
        spans.setdefault(block_span(doc, paragraphs[-1]), "document")
    return [(start, end, what) for (start, end), what in spans.items()]


def closed_compounds(context: Context) -> list[tuple[Word, tuple[str, str, str]]]:
    """Words the dictionary lacks that are compounds, with their parts."""
    return _analysis(context)[1]


def _analysis(context: Context):
    """One pass over the prose for all spelling rules (computed once): each
    distinct word is decided once; only unknown ones are located."""
    key = ("spelling", context.profile.name)
    cache = context.document.cache
    if key in cache:
        return cache[key]
    doc = context.document
    text_of = context.analysis.prose
    counts = text_of.counts()
    found: list[tuple[Word, list[str]]] = []
    compounds: list[tuple[Word, tuple[str, str, str]]] = []
    repairs: list[Repair] = []
    truncated: list[tuple[int, int, str]] = []
    cache[key] = (found, compounds, repairs, truncated)
    if not counts or spelling_language(context) is None:
        return cache[key]
    speller = _speller(context)
    joined_forms = context.profile.joined_forms
    invisible = INVISIBLE.search(doc.text) is not None
    unknown = {
        text for text in counts
        if not (
            len(text) < 2 or _acronym_or_camel_case(text) or len(set(text.lower())) == 1  # "xxxx" (QA204)
            or text.lower() in joined_forms  # QA404's
            or speller.known(INVISIBLE.sub("", text) if invisible else text)
            or (len(text) >= 3 and not _VOWELS.search(text))  # "pxq", "kwh": symbols, units
        )
    }
    # "deSecretaris", "LibischeKustwacht": may be words run together.
    camel = {text for text in counts if text[1:] != text[1:].lower() and not text.isupper() and _lower_then_capital(text)}
    lower_counts: Counter = Counter()
    for text, count in counts.items():
        lower_counts[text.lower()] += count
    frequent: dict[str, list[str]] = {}
    for text, count in lower_counts.items():
        if count >= 2:
            frequent.setdefault(text[:1], []).append(text)
    names: Counter | None = None  # capitalised words in mid-sentence, counted when a name needs them
    in_citation = _citation_offsets(context)
    chunks: dict[int, bool] = {}
    candidates = [word for word in text_of.occurrences(unknown | camel)
                  if not (word.start in in_citation or _split_at_line_end(word, doc.text)  # QA502's, QA508's
                          or _in_identifier_or_domain(word, doc.text, chunks))]
    splitter = splitter_for(doc.text, lower_counts, speller, speller.primary.language)
    found_repairs, hints = find_repairs(doc.text, candidates, speller, splitter, _is_name, lambda w: counts[w] > 0)
    repairs += found_repairs
    repaired = {start for repair in repairs for start in repair.words}
    for base, match in text_of.matches(HYPHENATED):
        residue = known_part_residue(base, match, speller, repaired)
        if residue is not None:
            repairs.append(residue)
    repairs.sort(key=lambda r: r.start)
    truncated += truncated_ends(doc.text, _part_ends(context), lambda w: not w.islower() or speller.known(w))
    claimed = {start for repair in repairs for start in repair.words} | {start for start, _, _ in truncated}
    in_code, in_titles = written_as_names(context)
    used_as_words = capitalised_and_lower(candidates)
    corrections: dict[str, list[str]] = {}
    for word in candidates:
        text = word.text
        if word.start in claimed or text in camel or text.lower() in in_code:
            continue
        text = INVISIBLE.sub("", text)
        if _is_name(word):
            if names is None:  # capitalised words that are not just common words opening a sentence
                names = Counter({
                    t: n for t, n in counts.items()
                    if t[0].isupper() and not _acronym_or_camel_case(t) and not speller.known(t.lower())
                })
            suggestion = _name_suggestion(speller, word, names)
            if suggestion:
                found.append((word, [suggestion]))
            continue
        parts = speller.split(text.lower()) if speller.primary.language == "nl" else None
        if parts is not None:
            compounds.append((word, parts))
            continue
        if _elliptical_or_abbreviated(speller, word, doc.text) or _capital_without_accent(speller, word):
            continue
        if text not in corrections:
            corrections[text] = speller.remembered(
                "corrections", text, lambda: _ranked(speller, text, lower_counts, frequent)
            ) if len(corrections) < SUGGESTION_BUDGET else []
        close = any(_distance(c.lower(), text.lower(), 1) <= 1 and speller.known(c) for c in corrections[text])
        # A term of art: used often, in a heading or both capitalised and in
        # lower case; one such sign unless a known word is one letter away
        # ("strafvervolgning" x3), two whatever it resembles ("backend").
        signs = (lower_counts[text.lower()] >= TERM_OF_ART_COUNT) + (text.lower() in in_titles) \
            + (text.lower() in used_as_words)
        if signs >= 2 or (signs and not close):
            continue
        if word.sentence_start and text[0].isupper() and not close:
            continue  # a name opening a sentence, unless a known word is one edit away
        joined = _joined_with_next(speller, word, doc.text)
        broken = hints.get(word.start) or splitter.word_break(text)
        found.append((word, _suggestions(text, [joined] if joined else [], broken, corrections[text], speller.plain)))
    save_all()
    return cache[key]


# What follows a word in a domain name: "Rijksoverheid.nl", "juisteplek.nl".
_DOMAIN = re.compile(r"\.(?:nl|com|org|net|eu|int|gov|be|de|uk|fr|info|edu|io)(?![\w.-])", re.I)


_VOWELS = re.compile("[aeiouyàáâäèéêëìíîïòóôöùúûü]", re.I)


def _lower_then_capital(text: str) -> bool:
    rest = text[1:]
    return rest != rest.lower() and any(a.islower() and b.isupper() for a, b in zip(text, rest))


_DIGIT = re.compile(r"\d")


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


def _suggestions(text: str, joined: list[str], broken: str | None, corrections: list[str],
                 plain: Callable[[str], bool]) -> list[str]:
    """Up to three suggestions: the word joined with the next one, the
    dictionary words, a word break ("kabinet ziet"), then compounds."""
    if broken:  # before the first correction that is no dictionary word but a compound worked out
        cut = next((i for i, c in enumerate(corrections) if not plain(c.lower())), len(corrections))
        corrections = corrections[:cut] + [broken] + corrections[cut:]
    return (joined + corrections)[:3]


def _split_at_line_end(word: Word, text: str) -> bool:
    """A half of a word hyphenated at a line end ("afde-" / "ling")."""
    after = text[word.end:word.end + 3]
    before = text[max(0, word.start - 3):word.start]
    return (after[:1] == "-" and after[1:2] in ("\n", "\r")) or before.endswith(("-\n", "-\r", "-\r\n"))


def _citation_offsets(context: Context) -> set[int]:
    """Offsets inside citations, which are QA502's: "nr 507" there is a
    citation format, not a typo."""
    pattern = context.profile.citation_regex
    if pattern is None:
        return set()
    return {i for m in pattern.finditer(context.document.text) for i in range(*m.span())}


_NEXT_WORD = re.compile(r" ([^\W\d_]+)(?![\w'’-])")


def _joined_with_next(speller: _Speller, word: Word, text: str) -> str | None:
    """"veiligheids categorie": the word written apart from the next one."""
    following = _NEXT_WORD.match(text, word.end)
    if following is None or word.end != word.chunk_end:
        return None
    joined = word.text + following.group(1).lower()
    return joined if speller.known(joined) else None


def _ranked(speller: _Speller, text: str, counts: Counter, frequent: dict[str, list[str]]) -> list[str]:
    """Up to three corrections: closest first, then most used in the document
    (`frequent`: its words used twice or more, by first letter)."""
    lower = text.lower()
    replaced = speller.replacements(text)
    candidates = set(speller.corrections(text)) | set(replaced)
    candidates |= {
        _match_case(text, w) for w in frequent.get(lower[:1], ())
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


def _name_suggestion(speller: _Speller, word: Word, names: Counter) -> str | None:
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


def _elliptical_or_abbreviated(speller: _Speller, word: Word, text: str) -> bool:
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


def _capital_without_accent(speller: _Speller, word: Word) -> bool:
    """"Eén" opening a sentence: "één" with its capital written without
    the accent, as Dutch does."""
    lower = word.text.lower()
    return word.sentence_start and any(
        known[1:] == lower[1:] and fold_accents(known[0]) == lower[0] for known in speller.accented(lower)
    )


def _inflection_of(a: str, b: str) -> bool:
    """Whether one word is the other plus an inflection ("Battlegroups")."""
    short, long = sorted((a, b), key=len)
    return long.startswith(short) and long[len(short):] in ("s", "e", "n", "en", "'s")


def _acronym_or_camel_case(text: str) -> bool:
    rest = text[1:]
    return text.isupper() or rest != rest.lower()


def _is_name(word: Word) -> bool:
    text = word.text
    return text[0].isupper() and not word.sentence_start and not _acronym_or_camel_case(text)


class Misspelling(Rule):
    """## What it does
    Reports words that are not in the Dutch (OpenTaal) or English Hunspell
    dictionaries, reading only the prose: URLs, code, tags, footnote
    markers, numbers, identifiers and file names are skipped. Compounds the
    dictionary lacks are accepted (`ruimtebeleid`, `attributiecapaciteit`),
    hyphenated words are checked part by part, acronyms and names are left
    alone unless the dictionary has the name with accents (`Geneve` ->
    `Genève`) or the document spells it more often one letter differently,
    and every word is tried in English before it is reported. A word used three or
    more times is a term of art unless a dictionary word is one edit away.
    Up to three suggestions: the closest known words and the document's own
    vocabulary (for the first 200 distinct unknown words of a document).

    ## Why it matters
    Typos in a published answer are the first thing readers quote. A spelling
    check that flags every name and acronym is switched off within a day, so
    this one reports only words it has evidence against.

    ## Example
    ```
    Hiermee zou strafvervolgning onredelijk worden geacht.
                 ^^^^^^^^^^^^^^^ did you mean strafvervolging?
    ```
    """

    code = "QA401"
    name = "misspelling"
    category = "spelling"
    severity = "warning"

    def check(self, context: Context) -> Iterable[Finding]:
        for word, suggestions in unknown_words(context):
            what = "name" if _is_name(word) else "word"
            message = f"unknown {what} {word.text!r}" + (f"; did you mean {', '.join(suggestions)}?" if suggestions else "")
            yield context.finding(word.start, word.end, message, suggestions, data={"word": word.text})


class MissingCompoundHyphen(Rule):
    """## What it does
    Reports a Dutch compound written closed where its parts meet in two
    vowels that would read as one sound: `defensieuitgaven` should be
    `defensie-uitgaven`, `zeeegel` should be `zee-egel`.

    ## Why it matters
    The Dutch spelling rules require the hyphen there; without it readers
    stumble (`defensieuitgaven` reads as "defensi-eu-itgaven").

    ## Example
    ```
    de defensieuitgaven stijgen   ->  de defensie-uitgaven stijgen
    ```
    """

    code = "QA402"
    name = "missing-compound-hyphen"
    category = "spelling"
    severity = "warning"
    fix_safety = "safe"

    def check(self, context: Context) -> Iterable[Finding]:
        compounds = closed_compounds(context)
        clashes = _speller(context).primary.clashes if compounds else frozenset()
        for word, (head, link, tail) in compounds:
            if link or head[-1] + tail[0] not in clashes:
                continue
            text = word.text
            fixed = text[: len(head)] + "-" + text[len(head):]
            fix = Fix(f"write {fixed}", (context.edit(word.start, word.end, fixed),), safe=True)
            yield context.finding(word.start, word.end, f"compound needs a hyphen: {fixed}", [fixed], fix)


class DoubledWord(Rule):
    """## What it does
    Reports a word written twice in a row (`de de`, `the the`), also across
    a line break. Doubles that are grammatical (`dat dat`, `die die`,
    `had had`) are left alone; the layout profile lists them.

    ## Why it matters
    A doubled word is the most common typo left by editing under deadline.

    ## Example
    ```
    het kabinet heeft de de brief ontvangen
    ```
    """

    code = "QA403"
    name = "doubled-word"
    category = "spelling"
    severity = "warning"
    fix_safety = "safe"

    def check(self, context: Context) -> Iterable[Finding]:
        if spelling_language(context) is None:
            return  # other languages have other grammatical doubles ("die die")
        allowed = {w.lower() for w in context.profile.allowed_doubles}
        text_of = context.analysis.prose
        for base, match in text_of.matches(_DOUBLED, text_of.blocks_with_repeats()):
            first, second = match.group(1), match.group(3)
            if first.lower() in allowed:
                continue
            start, end = base + match.start(3), base + match.end(3)
            fix = Fix(f"remove the second {second!r}", (context.edit(base + match.end(1), end, ""),), safe=True)
            yield context.finding(start, end, f"doubled word {second!r}", [first], fix)


# A word, white space (one line break at most) and the same word again.
# Possessive quantifiers: a word that is not followed by its double fails at
# once instead of being retried shorter.
_DOUBLED = re.compile(
    r"(?<![\w'’-])([^\W\d_]++)([ \t]*+(?:\r\n|\r|\n)?+[ \t]*+)(?<=\s)(\1)(?![\w'’-])", re.I
)


class JoinedForm(Rule):
    """## What it does
    Reports a form from the profile's list of words written wrongly joined or
    split (`terzake` -> `ter zake`, `terplekke` -> `ter plekke`,
    `zich zelf` -> `zichzelf`).

    ## Why it matters
    These forms pass many spelling checks because each part is a word, yet
    they are wrong in any official text.

    ## Example
    ```
    de Commissiemededeling terzake   ->   ter zake
    ```
    """

    code = "QA404"
    name = "joined-form"
    category = "spelling"
    severity = "warning"
    fix_safety = "safe"

    def check(self, context: Context) -> Iterable[Finding]:
        text_of = context.analysis.prose
        present = {word.lower() for word in text_of.counts()}
        # Only the forms whose every word the document holds are looked for,
        # in the blocks that hold their first word.
        forms = {form: right for form, right in context.profile.joined_forms.items()
                 if all(part in present for part in form.split())}
        if not forms:
            return
        firsts = {form.split()[0] for form in forms}
        blocks = text_of.blocks_with({word for word in text_of.counts() if word.lower() in firsts})
        pattern = _forms_pattern(tuple(sorted(forms)))
        for base, match in text_of.matches(pattern, blocks):
            written = match.group()
            right = _match_case(written, forms[" ".join(written.lower().split())])
            start, end = base + match.start(), base + match.end()
            fix = Fix(f"write {right}", (context.edit(start, end, right),), safe=True)
            yield context.finding(start, end, f"{written!r} is written {right!r}", [right], fix)


@lru_cache(maxsize=8)
def _forms_pattern(forms: tuple[str, ...]) -> re.Pattern:
    alternatives = (r"\s+".join(map(re.escape, form.split())) for form in forms)
    return re.compile(r"(?<![\w'’-])(?:" + "|".join(alternatives) + r")(?![\w'’-])", re.I)


RULES = [Misspelling, MissingCompoundHyphen, DoubledWord, JoinedForm]
