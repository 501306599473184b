"""Spelling: misspellings, missing compound hyphens, doubled words and
wrongly joined forms. Built to flag almost nothing but real errors; the
words are judged by the spelling analysis (`context.analysis.spelling`)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from qalint.languages import name_particles
from qalint.engine.rule import Context, Finding, Fix, Rule
from qalint.source.letters import capitalised_like
from qalint.spelling.checked import checked_language


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
        for unknown in context.analysis.spelling.unknown:
            word, suggestions = unknown.word, unknown.suggestions
            what = "name" if unknown.is_name else "word"
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
        for compound in context.analysis.spelling.compounds:
            if not compound.clash:
                continue
            word, cut = compound.word, len(compound.head)
            text = word.text
            fixed = text[:cut] + "-" + text[cut:]
            fix = Fix(f"write {fixed}", (context.edit(word.start, word.end, fixed),), safe=True)
            yield context.finding(word.start, word.end, f"compound needs a hyphen: {fixed}", [fixed], fix)


class DoubledWord(Rule):
    """## What it does
    Reports a word written twice in a row (`de de`, `the the`), also across
    a line break. Doubles that are grammatical (`dat dat`, `die die`,
    `had had`) are left alone; the layout profile lists them. So is an
    article before a surname that starts with it (`de De Jong-methode`):
    the language packs list the particles that open a name.

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
        if checked_language(context.run, context.profile) is None:
            return  # other languages have other grammatical doubles ("die die")
        allowed = {w.lower() for w in context.profile.allowed_doubles}
        text_of = context.analysis.prose
        for base, match in text_of.matches(_DOUBLED, text_of.blocks_with_repeats()):
            first, second = match.group(1), match.group(3)
            if first.lower() in allowed or _opens_a_name(match):
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
# The first letter of the word after a doubled one (looked for only
# where spaces start: a search over a run of spaces stays linear).
_NEXT_CAPITALISED = re.compile(r"(?<![ \t])[ \t]++[^\W\d_]")


def _opens_a_name(match: re.Match) -> bool:
    """"de De Jong-methode": the second word, a name particle capitalised
    before a capitalised word, opens a surname ("De Jong", "Van Dam");
    "Het Het Kabinet" stays a doubled word."""
    second = match.group(3)
    if not (second.istitle() and second.lower() in name_particles()):
        return False
    following = _NEXT_CAPITALISED.match(match.string, match.end(3))
    return following is not None and following.group()[-1].isupper()


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
            right = capitalised_like(written, forms[" ".join(written.lower().split())])
            start, end = base + match.start(), base + match.end()
            fix = Fix(f"write {right}", (context.edit(start, end, right),), safe=True)
            yield context.finding(start, end, f"{written!r} is written {right!r}", [right], fix)


@lru_cache(maxsize=8)
def _forms_pattern(forms: tuple[str, ...]) -> re.Pattern:
    alternatives = (r"\s+".join(map(re.escape, form.split())) for form in forms)
    return re.compile(r"(?<![\w'’-])(?:" + "|".join(alternatives) + r")(?![\w'’-])", re.I)


RULES = [Misspelling, MissingCompoundHyphen, DoubledWord, JoinedForm]
