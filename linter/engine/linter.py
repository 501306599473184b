"""Running the selected rules on a document and applying the configuration."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from . import suppressions
from .config import Config, ConfigError, build_config, find_config_file, resolve_selectors
from ..source.document import Document
from .fixes import fix_problem
from .plugins import Registry
from ..languages import packs
from ..profiles import Profile
from ..analysis.analysis import Analysis
from ..analysis.run import RunSettings
from .rule import SEVERITIES, SEVERITY_RANK, Context, Finding, Rule
from ..analysis.markers import marker_counts
from ..running.workers import announce
from ..spelling.spellers import Spellers

WORDS_FILE = ".qalint-words.txt"
# The language detection falls back on, and prefers on a tie.
_DEFAULT_LANGUAGE = "nl"
_WORDS = re.compile(r"[^\W\d_]+")


@dataclass
class Overrides:
    """Command-line options that take precedence over configuration files."""

    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    profile: str | None = None
    kind: str | None = None  # a document kind instead of detection
    config_file: Path | None = None
    isolated: bool = False
    exclude: list[str] | None = None  # replaces the configured exclude patterns
    extend_exclude: list[str] = field(default_factory=list)
    force_exclude: bool = False  # exclusions apply to files named on the command line too
    respect_gitignore: bool = True  # skip what .gitignore and .ignore files ignore
    timeout: float | None = None  # seconds per document (`--timeout`)
    show_structure: bool = False  # summarise each document's structure in its result


@dataclass
class Selection:
    """Which rules run on a file, at which severity, with which settings."""

    config: Config
    codes: set[str]
    severity: dict[str, str]


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    profile: str | None = None
    fixed: int = 0  # findings fixed (with --fix or --diff)
    diff: str = ""  # with --diff
    output: bytes | None = None  # fixed standard input, in its own encoding
    # With --fix: the bytes read, the fixed bytes to write, the findings before fixing.
    pending: tuple[bytes, bytes, list[Finding]] | None = None
    structure: dict | None = None  # with show_structure: profile, kind and counts (see extract.summary)


class Linter:
    def __init__(
        self, registry: Registry, overrides: Overrides | None = None, *,
        config: Config | None = None, word_lists: bool = True, spellers: Spellers | None = None,
    ) -> None:
        """`config` applies to every file instead of the files' own (the
        Python API's); `word_lists=False` reads no `.qalint-words.txt`;
        `spellers` are shared with other engines (else the run has its own)."""
        self.registry = registry
        self.spellers = spellers if spellers is not None else Spellers()
        self.overrides = overrides or Overrides()
        self._configs: dict[Path, Config] = {}
        self._selections: dict[int, Selection] = {}
        self._word_files: dict[Path, Path | None] = {}
        self._resolved: dict[Path, Path] = {}  # folders as given, resolved
        self._explicit: Config | None = config
        self._word_lists = word_lists
        # What a suppression comment may name: every rule's code and name.
        self._known_rules = frozenset(registry.rules) | frozenset(registry.rule_by_name())
        if self.overrides.config_file is not None:
            from .config import read_config_file

            path = self.overrides.config_file
            table = read_config_file(path) or {}
            self._explicit = build_config(path, table, registry.settings_schema)
        self.validate_overrides()

    # -- configuration -----------------------------------------------------
    def validate_overrides(self) -> None:
        rules = self.registry.rules
        o = self.overrides
        resolve_selectors((o.select or []) + o.extend_select + o.ignore, rules, "command line")
        for selector in o.severity:
            resolve_selectors([selector], rules, "--severity")
        if o.timeout is not None and not o.timeout > 0:
            raise ConfigError(f"command line: --timeout {o.timeout:g}: expected a number of seconds above 0")
        if o.profile and o.profile != "auto" and o.profile not in self.registry.profiles:
            raise ConfigError(
                f"command line: unknown profile {o.profile!r} (available: {', '.join(sorted(self.registry.profiles))})"
            )

    def config_for(self, path: Path) -> Config:
        if self._explicit is not None:
            return self._explicit
        directory = self._folder(path)
        if directory not in self._configs:
            found = None if self.overrides.isolated else find_config_file(directory)
            if found is None:
                config = build_config(None, {}, self.registry.settings_schema)
            else:
                config = self._load(found[0], found[1])
            self._configs[directory] = config
        return self._configs[directory]

    def _folder(self, path: Path) -> Path:
        """The resolved folder of a file (or a folder), resolved once per folder."""
        given = path.parent if not path.is_dir() else path
        directory = self._resolved.get(given)
        if directory is None:
            directory = self._resolved[given] = given.resolve()
        return directory

    def _load(self, path: Path, table: dict) -> Config:
        for config in self._configs.values():
            if config.path == path:
                return config
        return build_config(path, table, self.registry.settings_schema)

    def selection(self, config: Config) -> Selection:
        key = id(config)
        if key not in self._selections:
            rules = self.registry.rules
            o = self.overrides
            where = config.label
            select = o.select if o.select is not None else (config.select or ["ALL"])
            codes = resolve_selectors(select, rules, where)
            codes |= resolve_selectors(config.extend_select + o.extend_select, rules, where)
            codes -= resolve_selectors(config.ignore + o.ignore, rules, where)
            severity: dict[str, str] = {}
            for source, label in ((config.severity, where), (o.severity, "--severity")):
                for selector, level in source.items():
                    for code in resolve_selectors([selector], rules, label):
                        severity[code] = level
            for selectors in config.per_file_ignores.values():
                resolve_selectors(selectors, rules, where)
            if config.profile != "auto" and config.profile not in self.registry.profiles:
                raise ConfigError(
                    f"{where}: profile: unknown profile {config.profile!r} "
                    f"(available: {', '.join(sorted(self.registry.profiles))})"
                )
            self._selections[key] = Selection(config, codes, severity)
        return self._selections[key]

    def words_file_for(self, path: Path) -> Path | None:
        """The nearest project word list (`.qalint-words.txt`) upward from a file."""
        if not self._word_lists:
            return None
        directory = self._folder(path)
        if directory not in self._word_files:
            found = None
            for folder in (directory, *directory.parents):
                candidate = folder / WORDS_FILE
                if candidate.is_file():
                    found = candidate
                    break
            self._word_files[directory] = found
        return self._word_files[directory]

    # -- profiles ----------------------------------------------------------
    def choose_profile(self, doc: Document, config: Config, document_language: str) -> Profile:
        profiles = self.registry.profiles
        name = self.overrides.profile or config.profile
        if name and name != "auto":
            return profiles[name]
        language = config.language if config.language != "auto" else document_language
        candidates = list(profiles.values())
        counts = dict(zip((p.name for p in candidates), marker_counts(doc, candidates)))
        # A profile of the document's language that finds markers wins over any
        # other ("1. How ...?" lists in an English page are no Dutch questions).
        own = [p for p in candidates if p.language == language and counts[p.name]]
        scored = sorted(own or candidates, key=lambda p: (counts[p.name], p.language == language, p.name), reverse=True)
        return scored[0]

    # -- checking ------------------------------------------------------------
    def context_for(self, doc: Document, path: Path | None = None) -> Context:
        """What the rules see of a document: its profile, language, kind and settings."""
        config = self.config_for(path or Path(doc.path))
        announce("while detecting the layout profile")
        document_language = guess_language(doc.text)
        profile = self.choose_profile(doc, config, document_language)
        words_file = self.words_file_for(path or Path(doc.path))
        run = RunSettings(
            language=config.language, document_language=document_language, kind=self.overrides.kind or config.kind,
            words=tuple(config.words), words_file=str(words_file) if words_file else None, spellers=self.spellers,
        )
        return Context(doc, profile, dict(config.settings), run=run)

    def save_learnt(self) -> None:
        """Keep what the run's spellers learnt for later runs (once, as a run ends)."""
        self.spellers.save()

    def check(self, doc: Document, path: Path | None = None) -> FileResult:
        return self.check_with_analysis(doc, path)[0]

    def check_with_analysis(self, doc: Document, path: Path | None = None) -> tuple[FileResult, Analysis]:
        """The check, and the document's analysis its rules shared (the
        language server's outline reads the same structure)."""
        path = path or Path(doc.path)
        result = FileResult(doc.path)
        config = self.config_for(path)
        selection = self.selection(config)
        context = self.context_for(doc, path)
        result.profile = context.profile.name
        if self.overrides.show_structure:
            from ..analysis.extract import summary

            result.structure = summary(context)
        ignored = resolve_selectors(config.ignored_codes(path), self.registry.rules, config.label)
        rules = [self.registry.rules[code] for code in sorted(selection.codes - ignored)]
        findings = self._run_rules([r for r in rules if not r.after_suppressions], context, result.errors)
        announce("while applying suppressions")
        directives = suppressions.parse_directives(doc)
        findings = suppressions.apply(findings, directives)
        context.suppressions = suppressions.SuppressionAnalysis(tuple(directives), self._known_rules)
        findings += self._run_rules([r for r in rules if r.after_suppressions], context, result.errors)
        for finding in findings:
            finding.severity = selection.severity.get(finding.code, finding.severity)
        result.findings = sorted(findings, key=Finding.sort_key)
        return result, context.analysis

    def budget(self, path: Path) -> float:
        """Seconds a document may take (`timeout`, or `--timeout`)."""
        if self.overrides.timeout is not None:
            return self.overrides.timeout
        try:
            return self.config_for(path).timeout
        except ConfigError:  # reported when the document is checked
            return Config().timeout

    def _run_rules(self, rules: list[type[Rule]], context: Context, errors: list[str]) -> list[Finding]:
        findings: list[Finding] = []
        for rule in rules:
            context.rule = rule
            announce(f"in rule {rule.code} ({rule.name})")
            findings.extend(self._run_rule(rule, context, errors))
        return findings

    def _run_rule(self, rule: type[Rule], context: Context, errors: list[str]) -> list[Finding]:
        """The findings of one rule; what a broken rule does is reported
        (naming its plugin) and dropped, and the run goes on."""
        doc = context.document
        plugin = self.registry.plugin_of(rule.code)
        who = f"{doc.path}: rule {rule.code} ({rule.name}){f' of plugin {plugin!r}' if plugin else ''}"
        try:
            produced = list(rule().check(context))
        except KeyboardInterrupt:  # the user's Ctrl-C
            raise
        except BaseException as error:  # SystemExit too: a broken rule must not stop the run
            errors.append(f"{who}: internal error: {type(error).__name__}: {' '.join(str(error).split())}")
            return []
        findings = []
        for finding in produced:
            problem = _finding_problem(finding, len(doc.text))
            if problem is not None:
                errors.append(f"{who}: {problem}; dropped")
                continue
            if finding.fix is not None:
                problem = fix_problem(finding.fix, len(doc.text))
                if problem is not None:
                    errors.append(f"{who}: invalid fix at {finding.line}:{finding.column}: {problem}; fix dropped")
                    finding.fix = None
            findings.append(finding)
        return findings


def _finding_problem(finding: object, length: int) -> str | None:
    """Why a rule's finding cannot be reported, or None."""
    if not isinstance(finding, Finding):
        return f"yielded {type(finding).__name__} {_short(finding)}, not a Finding"
    if not all(isinstance(v, int) for v in (finding.start, finding.end, finding.line, finding.column)):
        return "yielded a finding without integer positions"
    if not 0 <= finding.start <= finding.end <= length:
        return f"yielded a finding at offsets {finding.start}-{finding.end}, outside the text (0-{length})"
    if finding.severity not in SEVERITIES or not isinstance(finding.message, str):
        return f"yielded a finding with severity {finding.severity!r} and message {_short(finding.message)}"
    data = finding.data
    if not (isinstance(data, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in data.items())):
        return f"yielded a finding with data {_short(data)}, not a mapping of strings to strings"
    return None


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


def guess_language(text: str) -> str:
    """The language with a pack whose detection words the text uses most
    ("nl" when unsure; on a tie, "nl", then a language qalint spells)."""
    counts = Counter(word.lower() for word in _WORDS.findall(text[:20000]))
    languages = packs()
    scores = {code: sum(counts[w] for w in pack.detection_words) for code, pack in languages.items()}
    best = max(scores, key=lambda code: (scores[code], code == _DEFAULT_LANGUAGE, languages[code].spells))
    return best if scores[best] else _DEFAULT_LANGUAGE


def fails(findings: list[Finding], level: str) -> bool:
    threshold = SEVERITY_RANK[level]
    return any(SEVERITY_RANK[f.severity] >= threshold for f in findings)
