"""`--add-unknown-words`: the project word list grows from reviewed findings."""

from __future__ import annotations

from pathlib import Path

from ..engine.linter import WORDS_FILE, FileResult, Linter
from ..engine.rule import Finding

MISSPELLING = "QA401"


def add_unknown_words(results: list[FileResult], linter: Linter, force: bool = False) -> list[str]:
    """Append the words QA401 reported to the word list that applies to each
    file (the nearest `.qalint-words.txt`, else one beside the configuration
    file or in the current folder). A word with a suggestion (a dictionary
    word an edit or a replacement rule away: `strafvervolgning`) is likely a
    typo and is added only with `force`. Returns one line per file written,
    and one naming the words skipped."""
    additions: dict[Path, set[str]] = {}
    typos: set[str] = set()
    for result in results:
        words, skipped = reported_words(result.findings, force)
        typos |= skipped
        if words:
            additions.setdefault(word_list_for(linter, Path(result.path), Path.cwd()), set()).update(words)
    written = []
    for target, words in sorted(additions.items()):
        added = append_words(target, words)
        if added:
            written.append(f"added {_count(added, 'word')} to {target}")
    if typos:
        shown = ", ".join(sorted(typos)[:10]) + (", ..." if len(typos) > 10 else "")
        written.append(f"skipped {_count(len(typos), 'likely typo')} with a close suggestion "
                       f"({shown}); fix them, or add them with --force")
    return written


def reported_words(findings: list[Finding], force: bool = False) -> tuple[set[str], set[str]]:
    """The words QA401 reported (its finding's `data["word"]`): those to add,
    and those skipped as likely typos (with a suggestion, unless `force`)."""
    words: set[str] = set()
    typos: set[str] = set()
    for finding in findings:
        word = unknown_word(finding)
        if word:
            (typos if finding.suggestions and not force else words).add(word)
    return words, typos


def unknown_word(finding: Finding) -> str | None:
    """The word a QA401 finding reports (its `data["word"]`), else None."""
    return finding.data.get("word") if finding.code == MISSPELLING else None


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' if number != 1 else ''}"


def word_list_for(linter: Linter, path: Path, fallback: Path) -> Path:
    """The word list a file's words go to: the nearest `.qalint-words.txt`,
    else a new one beside the configuration file, else one in `fallback`."""
    found = linter.words_file_for(path)
    if found is not None:
        return found
    config = linter.config_for(path)
    return (config.root if config.path else fallback) / WORDS_FILE


def append_words(target: Path, words: set[str]) -> int:
    """Append the words a word list lacks to it (creating it with a header
    comment); returns how many were added."""
    content = target.read_text(encoding="utf-8") if target.is_file() else ""
    existing = {line.split("#", 1)[0].strip() for line in content.splitlines()}
    new = sorted(words - existing)
    if not new:
        return 0
    with open(target, "a", encoding="utf-8") as handle:
        if not content:
            handle.write("# Words qalint accepts in this project: one a line; # starts a comment.\n")
        elif not content.endswith("\n"):
            handle.write("\n")  # the last word must stay on its own line
        handle.write("".join(f"{word}\n" for word in new))
    return len(new)
