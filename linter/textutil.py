"""Small text helpers shared by the structure parser and rules."""

from __future__ import annotations

import regex

_TAG = regex.compile(r"<sup>[^<]{0,12}</sup>|<[^>\n]{1,200}>")
_LINK = regex.compile(r"\[([^\]\n]*)\]\([^)\n]*\)")
_EMPHASIS = regex.compile(r"(?<!\w)[*_]{1,3}|[*_]{1,3}(?!\w)")
_HEADING = regex.compile(r"^[ \t]{0,3}#{1,6}[ \t]+", regex.M)
_SPACE = regex.compile(r"\s+")
# A full stop after a common abbreviation ("the hon. Member", "nr. 12") ends no sentence.
_SENTENCE_END = regex.compile(
    r"(?<![\s(](?:hon|Hon|Mr|Mrs|Ms|Dr|St|nr|Nr|blz|jl|resp|vs|etc|o\.a|d\.w\.z|m\.b\.t|i\.e|e\.g)\.)"
    r"(?<=[.!?])\s+(?=[\p{Lu}\p{N}(\"'‘“])"
)
_WORD = regex.compile(r"\p{L}[\p{L}\p{N}'’-]*")
_TERMINAL = regex.compile(r"[.!?:;)\]\"'”’»…]$")


def plain_text(markdown: str) -> str:
    """Markdown text with markup, tags and footnote markers removed, spaces folded."""
    text = _TAG.sub("", markdown)
    text = _LINK.sub(r"\1", text)
    text = _HEADING.sub("", text)
    text = _EMPHASIS.sub("", text)
    return _SPACE.sub(" ", text).strip()


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


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


def is_emphasised(markdown: str) -> bool:
    """Whether a whole block is wrapped in bold or italic markup."""
    stripped = markdown.strip()
    return (
        len(stripped) > 4
        and stripped[:2] in ("**", "__")
        and stripped[-2:] in ("**", "__")
    )
