"""Small text helpers shared by the structure parser and rules."""

from __future__ import annotations

import itertools
import re

from ..languages import abbreviations

# Standard-library patterns: they compile faster than `regex` ones, which
# keeps start-up short; profiles (data) use `regex` for Unicode classes.
_TAG = re.compile(r"<sup>[^<]{0,12}</sup>|<[^>\n]{1,200}>")
# Patterns stay linear on long runs: a link's text stops at a "[", its target
# at a "]", so a scan from every "[" of a long line ends at the next one.
_LINK = re.compile(r"\[([^\[\]\n]*)\]\([^)\]\n]*\)")
_UNDERSCORE_EMPHASIS = re.compile(r"(?<!\w)_{1,3}|_{1,3}(?!\w)")
_HEADING = re.compile(r"(?<![^\r\n])[ \t]{0,3}#{1,6}[ \t]+")  # at a line start, after CR, LF or CRLF
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=\S)")
_LAST_WORD = re.compile(r"(?<![\w.])([\w.]+)\.$")  # tried at the start of a run only
# A full stop after a common abbreviation ("the hon. Member", "nr. 12") ends no
# sentence: the language packs list them.
_LONGEST_ABBREVIATION = 6  # characters searched before a full stop
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_TERMINAL = re.compile(r"[.!?:;)\]\"'”’»…]$")


def plain_text(markdown: str) -> str:
    """Markdown text with markup, tags and footnote markers removed, spaces folded."""
    text = markdown
    # Each substitution only where its markup occurs: most paragraphs have none.
    if "<" in text:
        text = _TAG.sub("", text)
    if "](" in text:
        text = _LINK.sub(r"\1", text)
    if "#" in text:
        text = _HEADING.sub("", text)
    if "*" in text:
        text = text.replace("*", "")  # emphasis; a literal asterisk matters little to the analysis
    if "_" in text:
        text = _UNDERSCORE_EMPHASIS.sub("", text)
    return " ".join(text.split())


def sentences(text: str) -> list[str]:
    parts: list[str] = []
    start = 0
    for match in _SENTENCE_BREAK.finditer(text):
        following = text[match.end()]
        if not (following.isupper() or following.isdigit() or following in "(\"'‘“"):
            continue
        word = _LAST_WORD.search(text, max(start, match.start() - _LONGEST_ABBREVIATION), match.start())
        if word and word.group(1).lower() in abbreviations():
            continue
        parts.append(text[start:match.start()])
        start = match.end()
    parts.append(text[start:])
    return [part for part in parts if part.strip()]


def word_count(text: str, limit: int | None = None) -> int:
    """Number of words; with `limit`, counting stops once it is passed."""
    if limit is None:
        return len(_WORD.findall(text))
    return sum(1 for _ in itertools.islice(_WORD.finditer(text), limit + 1))


def ends_sentence(text: str) -> bool:
    """Whether plain text ends with closing punctuation."""
    return bool(_TERMINAL.search(text.rstrip()))


def starts_lowercase(text: str) -> bool:
    for char in text:
        if char.isalpha():
            return char.islower()
        if char.isdigit():
            return False
    return False


def starts_emphasised(markdown: str) -> bool:
    """Whether a block opens in bold, as answers do in many reports."""
    stripped = markdown.lstrip()
    return len(stripped) > 4 and stripped[:2] in ("**", "__")


# A paragraph a page break cut off mid-sentence is a long one; a short one
# without closing punctuation ("PM", a heading-like line) stands on its own.
_CUT_PARAGRAPH_WORDS = 8


def breaks_off(text: str) -> bool:
    """Whether plain text reads as a paragraph cut off mid-sentence (by a page
    break, in conversion): long enough and without closing punctuation."""
    return not ends_sentence(text) and word_count(text, _CUT_PARAGRAPH_WORDS) >= _CUT_PARAGRAPH_WORDS
