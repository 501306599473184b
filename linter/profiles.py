"""Layout profiles: the patterns that describe one kind of Q&A document.

A profile is data (a TOML file): how answer, question and section markers look,
how referrals, placeholders and deferrals are phrased, which paragraphs ask a
question.  The structure parser reads only profiles, so a new layout or
language is a new file (shipped here or contributed by a plugin through the
`qalint_profiles` hook), not new parsing code.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Pattern


PROFILE_DIR = Path(__file__).parent / "profiles"

# Schemes: how markers relate to questions and answers.
ANSWER_AFTER_QUESTION = "answer-after-question"  # layout A
QUESTION_AND_ANSWER = "question-and-answer"  # layout C, E
ITEM = "item"  # layout B

# Markdown emphasis and heading markup around a marker line. Possessive
# runs, and one run per kind of character, keep a match linear on a line of
# asterisks or spaces (nested runs of `*` and ` ` backtrack exponentially).
_MARKUP_BEFORE = r"^\ufeff?[ \t]{0,3}(?:#{1,6}[ \t]++)?(?:[*_][*_ \t]*+)?"
# A marker line may end with a suppression comment (`<!-- qalint: disable-line -->`).
_MARKUP_AFTER = r"[ \t]*+(?:[.:][ \t]*+)?[*_]*+[ \t]*+(?:(?<=[ \t])#++[ \t]*+)?(?:<!--\s*+qalint:[^<>]*-->[ \t]*+)?$"


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
    deferrals: list[str] = field(default_factory=list)
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
    def item_regexes(self) -> list[Pattern]:
        return self._markers(self.item_markers)

    @cached_property
    def detection_regex(self) -> Pattern | None:
        """All marker patterns in one, without group names: one match per
        line tells whether the line is any marker of this profile."""
        patterns = [
            re.sub(r"\(\?P<\w+>", "(?:", self._expand(p))
            for p in self.answer_markers + self.question_markers + self.item_markers
        ]
        if not patterns:
            return None
        return compile_pattern(_MARKUP_BEFORE + "(?:" + "|".join(patterns) + ")" + _MARKUP_AFTER, re.I)

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
        # Each placeholder is matched atomically and the spaces around it
        # possessively: no run of spaces is tried in two places.
        body = "|".join(f"(?>{p})" for p in self.answer_placeholders)
        return compile_pattern(rf"^\s*+(?:{body})\s*+$", re.I) if body else None

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


def _union(patterns: list[str], flags: int = 0) -> Pattern | None:
    if not patterns:
        return None
    return compile_pattern("|".join(f"(?:{p})" for p in patterns), flags)


_LIST_KEYS = {
    "answer_markers", "question_markers", "item_markers", "section_markers",
    "heading_question_markers", "answer_labels", "marker_wordings",
    "references", "answer_placeholders", "deferrals", "question_cues",
    "request_cues", "question_openers", "header_placeholders", "external_references", "list_words", "range_words",
    "number_nouns", "allowed_doubles", "compound_prefixes", "joined_form_list", "debris", "dated_identifiers", "cited_date_cues", "document_date_cues",
}
_SCALAR_KEYS = {
    "name", "description", "language", "scheme", "numbering",
    "question_numbering", "fused_footnotes", "fixed_start", "fixed_wording", "citation_pattern", "citation_template",
}


def read_profile_file(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ProfileError(f"{path}: {error}") from None


COMPILED_PATTERNS = (
    "answer_regexes", "question_regexes", "item_regexes", "section_regexes",
    "heading_question_regexes", "answer_label_regex", "detection_regex",
    "reference_regexes", "placeholder_regex", "deferral_regex", "question_cue_regex",
    "request_cue_regex", "header_placeholder_regexes", "external_reference_regex",
    "debris_regex", "dated_identifier_regex", "cited_date_regex", "document_date_regex",
    "citation_regex", "marker_wording_regex",
)


def build_profiles(raw: list[dict[str, Any]], compile_now: tuple[str, ...] = ()) -> dict[str, Profile]:
    """Resolve `include`s into selectable profiles. Patterns compile when
    first used (start-up stays short); profiles named in `compile_now`, such
    as those from plugins, compile at once so a bad pattern is reported here."""
    by_name = {item["name"]: item for item in raw if "name" in item}
    profiles: dict[str, Profile] = {}
    for name, item in by_name.items():
        if item.get("abstract"):
            continue
        merged: dict[str, Any] = {}
        _merge_with_includes(merged, item, by_name, [name])
        fields = {k: v for k, v in merged.items() if k in _LIST_KEYS | _SCALAR_KEYS}
        try:
            profile = Profile(**fields)
            if name in compile_now:
                for attribute in COMPILED_PATTERNS:
                    getattr(profile, attribute)
        except (TypeError, re.error, ValueError) as error:  # regex.error is a ValueError
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
