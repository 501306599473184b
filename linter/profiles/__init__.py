"""Layout profiles: the patterns that describe one kind of Q&A document.

A profile is data (a TOML file): how answer, question and section markers look,
how referrals, placeholders and deferrals are phrased, which paragraphs ask a
question. The words of its language (number lists, deferral parts, spelling
lists) come from the language pack (`qalint.languages`), before its own.
The structure parser reads only profiles, so a new layout or
language is a new file (shipped here or contributed by a plugin through the
`qalint_profiles` hook), not new parsing code.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Pattern

from ..languages import LanguageError, language, packs, read_toml
# Markdown emphasis and heading markup around a marker line.
from ..source.markup import MARKUP_AFTER as _MARKUP_AFTER, MARKUP_BEFORE as _MARKUP_BEFORE



PROFILE_DIR = Path(__file__).parent

# Schemes: how markers relate to questions and answers.
ANSWER_AFTER_QUESTION = "answer-after-question"  # layout A
QUESTION_AND_ANSWER = "question-and-answer"  # layout C, E
ITEM = "item"  # layout B



def compile_pattern(pattern: str, flags: int = 0):
    """Compile with the standard library when it can (several times faster
    to compile), with `regex` when the pattern needs it (\\p{Lu}, look-behind
    of variable width). Both modules share the flag values used here."""
    try:
        return re.compile(pattern, flags)
    except re.error:
        import regex

        return regex.compile(pattern, flags)


class ProfileError(Exception):
    """A profile file is malformed."""


@dataclass
class Profile:
    name: str
    description: str
    language: str
    scheme: str
    numbering: str = "document"  # or "section": numbers restart per section
    question_numbering: bool = False
    fixed_start: bool = True  # numbering starts at `numbering-start` (QA104)
    fixed_wording: bool = True  # markers share one wording (QA501); false when they name people
    # Well-formed marker wordings (QA501 rewrites others into the most used of these).
    marker_wordings: list[str] = field(default_factory=list)
    fused_footnotes: bool = False
    answer_markers: list[str] = field(default_factory=list)
    question_markers: list[str] = field(default_factory=list)
    item_markers: list[str] = field(default_factory=list)
    heading_question_markers: list[str] = field(default_factory=list)  # FAQ: "## How do I ...?"
    answer_labels: list[str] = field(default_factory=list)  # "Antwoord:" before an answer's text
    section_markers: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    answer_placeholders: list[str] = field(default_factory=list)
    # A paragraph inside a longer answer that is nothing but one of these ("PM", "[invullen]").
    paragraph_placeholders: list[str] = field(default_factory=list)
    # Placeholders inside a sentence ("[insert figure]", "in xxxx 2025"), case as written.
    inline_placeholders: list[str] = field(default_factory=list)
    deferrals: list[str] = field(default_factory=list)
    # A sentence with a part of each list, in any order, promises a later
    # answer: "u wordt | zo spoedig mogelijk | geïnformeerd".
    deferral_promise: list[str] = field(default_factory=list)
    deferral_later: list[str] = field(default_factory=list)
    deferral_inform: list[str] = field(default_factory=list)
    # Text saying that the answers to the questions are postponed (a deferral notice).
    deferral_notice_cues: list[str] = field(default_factory=list)
    # Question markers that are only a number ("3.", "3"): a question only when the text after them asks.
    bare_question_markers: list[str] = field(default_factory=list)
    # Page headers and footers a conversion leaves in the text; a marker glued after one is still a marker.
    page_furniture: list[str] = field(default_factory=list)
    # How a speaker's turn opens in a debate transcript ("De voorzitter:"): such a document is no Q&A.
    speaker_turns: list[str] = field(default_factory=list)
    question_cues: list[str] = field(default_factory=list)
    request_cues: list[str] = field(default_factory=list)
    question_openers: list[str] = field(default_factory=list)
    header_placeholders: list[str] = field(default_factory=list)
    external_references: list[str] = field(default_factory=list)
    debris: list[str] = field(default_factory=list)
    dated_identifiers: list[str] = field(default_factory=list)
    cited_date_cues: list[str] = field(default_factory=list)
    document_date_cues: list[str] = field(default_factory=list)
    allowed_doubles: list[str] = field(default_factory=list)
    compound_prefixes: list[str] = field(default_factory=list)  # "tussen|beschikking"
    joined_form_list: list[str] = field(default_factory=list)  # "terzake=ter zake"
    citation_pattern: str = ""
    citation_template: str = ""
    list_words: list[str] = field(default_factory=list)
    number_nouns: list[str] = field(default_factory=list)  # "vraag 14 en vraag 40"
    range_words: list[str] = field(default_factory=list)

    # -- compiled patterns -------------------------------------------------
    @cached_property
    def numbers_pattern(self) -> str:
        words = sorted(self.list_words + self.range_words, key=len, reverse=True)
        joiner = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
        nouns = "|".join(re.escape(n) for n in self.number_nouns)
        repeated = rf"(?:(?:{nouns})\s*+)?" if nouns else ""
        return rf"\d{{1,4}}(?:(?:\s*+,\s*+|\s*+(?:{joiner})\s*+){repeated}\d{{1,4}}\b)*"

    @cached_property
    def number_noun_regex(self) -> Pattern | None:
        """Finds any noun that precedes referral numbers ("vraag", "question")."""
        return _union([re.escape(n) for n in self.number_nouns], re.I)

    @cached_property
    def range_regex(self) -> Pattern:
        words = sorted(self.range_words, key=len, reverse=True)
        joiner = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
        return compile_pattern(rf"^\s*(?:{joiner})\s*$", re.I)

    def _expand(self, pattern: str) -> str:
        return pattern.replace("{nums}", self.numbers_pattern)

    def _markers(self, patterns: list[str]) -> list[Pattern]:
        return [
            compile_pattern(_MARKUP_BEFORE + "(?:" + self._expand(p) + ")" + _MARKUP_AFTER, re.I)
            for p in patterns
        ]

    @cached_property
    def answer_regexes(self) -> list[Pattern]:
        return self._markers(self.answer_markers)

    @cached_property
    def question_regexes(self) -> list[Pattern]:
        return self._markers(self.question_markers)

    @cached_property
    def bare_question_regexes(self) -> list[Pattern]:
        return self._markers(self.bare_question_markers)

    @cached_property
    def furniture_regex(self) -> Pattern | None:
        """Page furniture at the start of a line (what follows it may be a glued marker)."""
        if not self.page_furniture:
            return None
        # Footers come in runs on one line: "ISSN ... ’s-Gravenhage 2024Tweede Kamer, ..., Aanhangsel 1".
        return compile_pattern(r"^[ \t]*(?:(?:" + "|".join(self.page_furniture) + r")[ \t]*)+", re.I)

    def is_furniture_line(self, line: str) -> bool:
        """Whether a line holds only page headers or footers."""
        furniture = self.furniture_regex
        match = furniture.match(line) if furniture is not None else None
        return match is not None and not line[match.end():].strip()

    def without_furniture(self, raw: str) -> str:
        """Text without the lines that are only page headers or footers."""
        if self.furniture_regex is None or "\n" not in raw:
            return raw
        return "\n".join(line for line in raw.split("\n") if not self.is_furniture_line(line))

    @cached_property
    def deferral_part_regexes(self) -> list[Pattern] | None:
        parts = (self.deferral_promise, self.deferral_later, self.deferral_inform)
        if not all(parts):
            return None
        return [compile_pattern(r"\b(?:" + "|".join(part) + r")\b", re.I) for part in parts]

    @cached_property
    def paragraph_placeholder_regex(self) -> Pattern | None:
        return _whole_text(self.paragraph_placeholders)

    @cached_property
    def inline_placeholder_regexes(self) -> list[Pattern]:
        # One pattern each, not one union: a pattern that opens with a literal is searched for fast.
        return [compile_pattern(p) for p in self.inline_placeholders]

    @cached_property
    def deferral_notice_regex(self) -> Pattern | None:
        return _union(self.deferral_notice_cues, re.I)

    @cached_property
    def speaker_regex(self) -> Pattern | None:
        return compile_pattern(r"^[ \t*_]*(?:" + "|".join(self.speaker_turns) + ")", re.I) if self.speaker_turns else None

    @cached_property
    def item_regexes(self) -> list[Pattern]:
        return self._markers(self.item_markers)

    @cached_property
    def detection_regexes(self) -> tuple[Pattern | None, Pattern | None]:
        """The worded marker patterns in one, and those that are only a number
        in another, without group names: one match per line tells whether the
        line is a marker of this profile."""
        return (
            self._detection(self.answer_markers + self.question_markers),
            self._detection(self.bare_question_markers + self.item_markers),
        )

    @cached_property
    def heading_detection_regex(self) -> Pattern | None:
        """The heading question patterns in one (a heading that asks, on an FAQ page)."""
        return self._detection(self.heading_question_markers)

    def _detection(self, patterns: list[str]) -> Pattern | None:
        if not patterns:
            return None
        joined = "|".join(re.sub(r"\(\?P<\w+>", "(?:", self._expand(p)) for p in patterns)
        return compile_pattern(_MARKUP_BEFORE + "(?:" + joined + ")" + _MARKUP_AFTER, re.I)

    @cached_property
    def heading_question_regexes(self) -> list[Pattern]:
        return self._markers(self.heading_question_markers)

    @cached_property
    def answer_label_regex(self) -> Pattern | None:
        return compile_pattern(r"^\s*(?:" + "|".join(self.answer_labels) + r")\s*", re.I) if self.answer_labels else None

    @cached_property
    def section_regexes(self) -> list[Pattern]:
        return self._markers(self.section_markers)

    @cached_property
    def marker_wording_regex(self) -> Pattern | None:
        return _union(self.marker_wordings, re.I)

    @cached_property
    def reference_regexes(self) -> list[Pattern]:
        # Separate patterns: each names its numbers group "nums".
        return [compile_pattern(self._expand(p), re.I) for p in self.references]

    @cached_property
    def placeholder_regex(self) -> Pattern | None:
        return _whole_text(self.answer_placeholders)

    @cached_property
    def deferral_regex(self) -> Pattern | None:
        return _union(self.deferrals, re.I)

    @cached_property
    def question_cue_regex(self) -> Pattern | None:
        return _union(self.question_cues)

    @cached_property
    def request_cue_regex(self) -> Pattern | None:
        return _union(self.request_cues + self.question_openers)

    @cached_property
    def external_reference_regex(self) -> Pattern | None:
        # Matched right after a referral's last number; the look-behind lets
        # a search over a run of spaces start only once, at the run's start.
        union = _union(self.external_references)
        return compile_pattern(r"(?<!\s)(?:" + union.pattern + ")") if union else None

    @cached_property
    def joined_forms(self) -> dict[str, str]:
        return dict(entry.split("=", 1) for entry in self.joined_form_list if "=" in entry)

    @cached_property
    def debris_regex(self) -> Pattern | None:
        return _union(self.debris)

    @cached_property
    def dated_identifier_regex(self) -> Pattern | None:
        return _union(self.dated_identifiers)

    @cached_property
    def cited_date_regex(self) -> Pattern | None:
        return _union(self.cited_date_cues)

    @cached_property
    def document_date_regex(self) -> Pattern | None:
        return _union(self.document_date_cues)

    @cached_property
    def citation_regex(self) -> Pattern | None:
        return compile_pattern(self.citation_pattern) if self.citation_pattern else None

    @cached_property
    def header_placeholder_regexes(self) -> list:
        return [compile_pattern(p, re.M) for p in self.header_placeholders]


def _whole_text(patterns: list[str]) -> Pattern | None:
    """Matches a text that is nothing but one of `patterns`. Each is matched
    atomically and the spaces around it possessively: no run of spaces is
    tried in two places."""
    body = "|".join(f"(?>{p})" for p in patterns)
    return compile_pattern(rf"^\s*+(?:{body})\s*+$", re.I) if body else None


def _union(patterns: list[str], flags: int = 0) -> Pattern | None:
    if not patterns:
        return None
    return compile_pattern("|".join(f"(?:{p})" for p in patterns), flags)


SCHEMA_PATH = Path(__file__).parent.parent / "schemas" / "profile.schema.json"
# The schema is the one list of profile keys: arrays are lists (merged
# through `include`), the rest scalars; strings in "regex" format are patterns
# (checked by `profile_schema`).
SCHEMA: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
_PROPERTIES: dict[str, Any] = SCHEMA["properties"]
_LIST_KEYS = {k for k, v in _PROPERTIES.items() if v.get("type") == "array" and k != "include"}
_SCALAR_KEYS = set(_PROPERTIES) - _LIST_KEYS - {"include", "abstract"}
def regex_error() -> type[Exception]:
    """The `regex` module's pattern error (no ValueError), imported when needed."""
    import regex

    return regex.error


def read_profile_file(path: Path) -> dict[str, Any]:
    return read_toml(path, ProfileError)


COMPILED_PATTERNS = (
    "answer_regexes", "question_regexes", "item_regexes", "section_regexes",
    "heading_question_regexes", "answer_label_regex", "detection_regexes",
    "reference_regexes", "placeholder_regex", "deferral_regex", "question_cue_regex",
    "request_cue_regex", "header_placeholder_regexes", "external_reference_regex",
    "debris_regex", "dated_identifier_regex", "cited_date_regex", "document_date_regex",
    "citation_regex", "marker_wording_regex", "bare_question_regexes", "furniture_regex", "deferral_part_regexes",
    "paragraph_placeholder_regex", "inline_placeholder_regexes", "deferral_notice_regex", "speaker_regex",
    "heading_detection_regex",
)


def build_profiles(raw: list[dict[str, Any]], compile_now: tuple[str, ...] = ()) -> dict[str, Profile]:
    """Resolve `include`s into selectable profiles. Patterns compile when
    first used (start-up stays short); profiles named in `compile_now`, such
    as those from plugins, compile at once so a bad pattern is reported here."""
    by_name = {item["name"]: item for item in raw if "name" in item}
    try:
        packs()  # a broken language pack is reported before any profile uses it
    except LanguageError as error:
        raise ProfileError(str(error)) from None
    profiles: dict[str, Profile] = {}
    for name, item in by_name.items():
        if item.get("abstract"):
            continue
        merged: dict[str, Any] = {}
        _merge_with_includes(merged, item, by_name, [name])
        fields = {k: v for k, v in merged.items() if k in _LIST_KEYS | _SCALAR_KEYS}
        for key, words in language(fields.get("language")).profile_lists.items():
            fields[key] = [*words, *fields.get(key, [])]  # the language's words, then the profile's own
        try:
            profile = Profile(**fields)
            if name in compile_now:
                for attribute in COMPILED_PATTERNS:
                    getattr(profile, attribute)
        except (TypeError, re.error, ValueError, regex_error()) as error:
            raise ProfileError(f"profile {name!r}: {error}") from None
        profiles[name] = profile
    return profiles


def _merge_with_includes(target: dict[str, Any], item: dict[str, Any], by_name: dict, chain: list[str]) -> None:
    for include in item.get("include", []):
        if include not in by_name:
            raise ProfileError(f"profile {chain[0]!r} includes unknown profile {include!r}")
        if include in chain:
            raise ProfileError(f"profile {chain[0]!r} includes itself through {include!r}")
        _merge_with_includes(target, by_name[include], by_name, chain + [include])
    _merge(target, item)


def _merge(target: dict[str, Any], source: dict[str, Any]) -> None:
    for key, value in source.items():
        if key in _LIST_KEYS:
            target[key] = target.get(key, []) + list(value)
        elif key not in ("include", "abstract"):
            target[key] = value


def builtin_profile_files() -> list[Path]:
    return sorted(PROFILE_DIR.glob("*.toml"))
