"""What a rule is and what it reports."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Iterable, Mapping

from ..analysis.run import RunSettings

if TYPE_CHECKING:
    from ..source.document import Document
    from ..profiles import Profile
    from ..analysis.analysis import Analysis
    from ..analysis.model import Structure
    from .suppressions import SuppressionAnalysis

CATEGORIES = ("numbering", "reference", "spelling", "missing-answer", "consistency")
SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
# Characters of the source line kept on each side of a finding, for reports.
SOURCE_CONTEXT = 80
CODE_PATTERN = re.compile(r"^QA\d{3}$")
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Edit:
    """Replace the text between two offsets of the original text."""

    start: int
    end: int
    content: str
    # 1-based positions of start and end, for reports; filled by Context.edit.
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0


@dataclass(frozen=True)
class Fix:
    message: str
    edits: tuple[Edit, ...]
    safe: bool = True


@dataclass
class Finding:
    path: str
    start: int  # code-point offsets into the original text, end exclusive
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    rule: str
    category: str
    severity: str
    message: str
    suggestions: list[str] = field(default_factory=list)
    fix: Fix | None = None
    # Text of the finding's first line for reports: at most a window around
    # the span on long lines, starting at 0-based index `source_start`.
    source_line: str = ""
    source_start: int = 0
    # Facts a consumer needs without parsing the message, e.g. QA401's
    # {"word": "strafvervolgning"} for `--add-unknown-words`; the JSON report's `data`.
    data: dict[str, str] = field(default_factory=dict)

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.code, self.message)

    def to_dict(self) -> dict[str, Any]:
        """The finding as an object of the JSON report (`qalint schema`)."""
        from ..reporters.json import finding_dict

        return finding_dict(self)


class Rule:
    """Base class of every rule, built-in or from a plugin.

    Subclasses set the class attributes and implement `check`; the docstring
    is the rule's documentation with the sections "What it does",
    "Why it matters" and "Example".
    """

    code: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[str]
    severity: ClassVar[str] = "warning"
    # "safe", "unsafe" or None when the rule offers no fix.
    fix_safety: ClassVar[str | None] = None
    # True: the rule judges the suppression comments themselves (QA001). It runs
    # once the other rules' findings met the comments, reads
    # `context.suppressions`, and no comment suppresses its findings.
    after_suppressions: ClassVar[bool] = False

    def check(self, context: "Context") -> Iterable[Finding]:
        raise NotImplementedError

    @classmethod
    def doc(cls) -> str:
        import inspect

        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def summary(cls) -> str:
        """The first sentence of "What it does"."""
        text = cls.doc()
        marker = "What it does"
        if marker in text:
            text = text.split(marker, 1)[1].lstrip(" #:\n")
        return text.split("\n\n", 1)[0].replace("\n", " ").strip()


def validate_rule_class(rule: Any) -> str | None:
    """Why a rule class cannot be used, or None when it can."""
    if not (isinstance(rule, type) and issubclass(rule, Rule)):
        return f"{rule!r} is not a subclass of qalint.Rule"
    for attribute in ("code", "name", "category"):
        if not isinstance(getattr(rule, attribute, None), str):
            return f"{rule.__name__} has no {attribute}"
    if not CODE_PATTERN.match(rule.code):
        return f"{rule.__name__}: code {rule.code!r} is not QA followed by three digits"
    if not NAME_PATTERN.match(rule.name):
        return f"{rule.__name__}: name {rule.name!r} is not kebab-case"
    if rule.category not in CATEGORIES:
        return f"{rule.__name__}: category {rule.category!r} is not one of {', '.join(CATEGORIES)}"
    if rule.severity not in SEVERITIES:
        return f"{rule.__name__}: severity {rule.severity!r} is not one of {', '.join(SEVERITIES)}"
    if rule.fix_safety not in ("safe", "unsafe", None):
        return f"{rule.__name__}: fix_safety {rule.fix_safety!r} is not 'safe', 'unsafe' or None"
    if not isinstance(rule.after_suppressions, bool):
        return f"{rule.__name__}: after_suppressions {rule.after_suppressions!r} is not True or False"
    if rule.check is Rule.check:
        return f"{rule.__name__} does not implement check()"
    return None


@dataclass
class Context:
    """What a rule sees of one document."""

    document: "Document"
    profile: "Profile"
    settings: dict[str, Any]  # the plugins' settings (`qalint_config_schema`)
    rule: type[Rule] | None = None
    # The suppression comments and what they suppressed: set by the engine for
    # the rules that run after suppressions (`Rule.after_suppressions`).
    suppressions: "SuppressionAnalysis | None" = None
    # The document's facts, shared by every rule (built from the fields above when not given).
    analysis: "Analysis" = None  # type: ignore[assignment]
    run: RunSettings = field(default_factory=RunSettings)

    def __post_init__(self) -> None:
        if self.analysis is None:
            from ..analysis.analysis import Analysis

            self.analysis = Analysis(self.document, self.profile, self.run)

    @property
    def structure(self) -> "Structure":
        """The Q&A structure (`context.analysis.structure`)."""
        return self.analysis.structure

    def line_span(self, line_index: int) -> tuple[int, int]:
        """Offsets of a 0-based line's text without surrounding white space."""
        doc = self.document
        start, end = doc.line_starts[line_index], doc.line_ends[line_index]
        text = doc.text[start:end]
        stripped = text.lstrip(" \t\ufeff")
        return start + len(text) - len(stripped), start + len(text.rstrip())

    def block_line_span(self, block_index: int) -> tuple[int, int]:
        """Span of the first line of a block's text (after a marker that
        shares the block)."""
        structure = self.structure
        content = structure.content_starts.get(block_index)
        if content is None:
            return self.line_span(structure.blocks[block_index].start_line)
        start, end = self.line_span(self.document.line_of(content))
        return max(start, content), end

    def blocks_text(self, blocks: list[int]) -> str:
        """Source text of consecutive blocks of the structure, from the text
        after a marker that shares the first block."""
        if not blocks:
            return ""
        structure, doc = self.structure, self.document
        first, last = structure.blocks[blocks[0]], structure.blocks[blocks[-1]]
        start = structure.content_starts.get(blocks[0], doc.line_starts[first.start_line])
        return doc.text[start:doc.line_ends[last.end_line - 1]]

    def finding(
        self,
        start: int,
        end: int,
        message: str,
        suggestions: Iterable[str] = (),
        fix: Fix | None = None,
        rule: type[Rule] | None = None,
        data: Mapping[str, str] | None = None,
    ) -> Finding:
        """A finding of the current rule over offsets [start, end); `data`
        holds facts for consumers (see `Finding.data`)."""
        rule = rule or self.rule
        assert rule is not None
        doc = self.document
        end = max(start, end)
        first = doc.position(start)
        last = doc.position(end)
        line_start = doc.line_starts[first.line - 1]
        line_end = doc.line_ends[first.line - 1]
        window_start = max(line_start, min(start - SOURCE_CONTEXT, line_end - 2 * SOURCE_CONTEXT))
        window_end = min(line_end, max(end, start) + SOURCE_CONTEXT)
        return Finding(
            doc.path, start, end, first.line, first.column, last.line, last.column,
            rule.code, rule.name, rule.category, rule.severity, message,
            list(suggestions), fix, doc.text[window_start:window_end], window_start - line_start,
            dict(data or {}),
        )

    def edit(self, start: int, end: int, content: str) -> Edit:
        """An edit of the original text, with its positions for reports."""
        first = self.document.position(start)
        last = self.document.position(end)
        return Edit(start, end, content, first.line, first.column, last.line, last.column)
