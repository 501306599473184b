"""Dates: ones that do not exist, and ones the document contradicts."""

from __future__ import annotations

import calendar
import re
from functools import cache
from typing import Iterable

from qalint.source.blocks import block_span, prose_spans
from qalint.engine.rule import Context, Finding, Rule
from qalint.languages import months


def _date_pattern(year_optional: bool = False) -> re.Pattern:
    """"31 juni 2020", "29 February 2023": a day, a month named in a language
    with a pack, a year (or, with `year_optional`, none: "31 april")."""
    return _compiled_date_pattern(tuple(months()), year_optional)


@cache
def _compiled_date_pattern(names: tuple[str, ...], year_optional: bool) -> re.Pattern:
    month = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    # Without a year the month must end the word: "31 juni-regeling" is no date.
    year = r"(?:\s+(?P<year>\d{4}))?(?(year)\b|(?![\w-]))" if year_optional else r"\s+(?P<year>\d{4})\b"
    return re.compile(r"\b(?P<day>\d{1,2})\s+(?P<month>" + month + r")" + year, re.I)


def _dates(context: Context, year_optional: bool = False):
    doc = context.document
    for start, end in prose_spans(context.document, context.structure.blocks):
        for match in _date_pattern(year_optional).finditer(doc.text, start, end):
            yield match


class ImpossibleDate(Rule):
    """## What it does
    Reports a date that does not exist: `31 juni 2020`, `29 februari 2023`,
    and without a year a day no year has (`31 april`; `29 februari` exists).

    ## Why it matters
    An impossible date is a typo in a date someone will cite or file by.

    ## Example
    ```
    de brief van 31 juni 2020   <- juni has 30 days
    ```
    """

    code = "QA504"
    name = "impossible-date"
    category = "consistency"
    severity = "error"

    def check(self, context: Context) -> Iterable[Finding]:
        for match in _dates(context, year_optional=True):
            month, day = months()[match.group("month").lower()], int(match.group("day"))
            if match.group("year") is None:  # no year: only a day no year has
                last, which = _LONGEST[month - 1], match.group("month")
            else:
                year = int(match.group("year"))
                last, which = calendar.monthrange(year, month)[1], f"{match.group('month')} {year}"
            if not 1 <= day <= last:
                written = " ".join(match.group().split())  # a date may wrap over a line end
                yield context.finding(match.start(), match.end(), f"{written!r} does not exist: {which} has {last} days")


# The most days each month has in any year (February in a leap year).
_LONGEST = [calendar.monthrange(2024, month)[1] for month in range(1, 13)]


class ContradictingDate(Rule):
    """## What it does
    Reports a date that the document itself contradicts: the date of a cited
    letter later than the document's own date (from its title block), and a
    year that disagrees with an adjacent reference number that carries a year
    (`18 juni 2010 (ref 2020Z11446)`).

    ## Why it matters
    A letter cannot be cited before it was written; a year that disagrees
    with its own reference number is a typo that sends readers to the wrong
    document.

    ## Example
    ```
    de Kamerbrief van 18 juni 2010 (ref 2020Z11446)   <- the reference is from 2020
    ```
    """

    code = "QA505"
    name = "contradicting-date"
    category = "consistency"
    severity = "warning"

    def check(self, context: Context) -> Iterable[Finding]:
        profile = context.profile
        doc = context.document
        document_date = self._document_date(context)
        for match in _dates(context):
            year = int(match.group("year"))
            following = doc.text[match.end():match.end() + 40]
            identifier = profile.dated_identifier_regex.search(following) if profile.dated_identifier_regex else None
            if identifier and abs(int(identifier.group("year")) - year) > 1:
                yield context.finding(
                    match.start(), match.end(),
                    f"the year {year} disagrees with the reference {identifier.group()!r} next to it",
                )
                continue
            before = doc.text[max(0, match.start() - 12):match.start()]
            if document_date and profile.cited_date_regex and profile.cited_date_regex.search(before):
                date = _as_tuple(match)
                if date > document_date:
                    yield context.finding(
                        match.start(), match.end(),
                        f"the cited date {match.group()!r} is later than the document's own date",
                    )

    @staticmethod
    def _document_date(context: Context):
        pattern = context.profile.document_date_regex
        if pattern is None:
            return None
        doc = context.document
        structure = context.structure
        for index in structure.header_blocks:
            start, end = block_span(doc, structure.blocks[index])
            found = pattern.search(doc.text, start, end)
            if found:
                date = _date_pattern().match(doc.text, found.end())
                if date:
                    return _as_tuple(date)
        return None


def _as_tuple(match: re.Match) -> tuple[int, int, int]:
    return int(match.group("year")), months()[match.group("month").lower()], int(match.group("day"))


RULES = [ImpossibleDate, ContradictingDate]
