"""`--add-unknown-words`: the project word list grows from reviewed findings."""

from __future__ import annotations

from pathlib import Path

from .engine import WORDS_FILE, FileResult, Linter

MISSPELLING = "QA401"


def _word(finding) -> str:
    start = finding.column - 1 - finding.source_start
    return finding.source_line[start:start + (finding.end_column - finding.column)]


def add_unknown_words(results: list[FileResult], linter: Linter) -> list[str]:
    """Append the words QA401 reported to the word list that applies to each
    file (the nearest `.qalint-words.txt`, else one beside the configuration
    file or in the current folder). Returns one line per file written."""
    additions: dict[Path, set[str]] = {}
    for result in results:
        words = {_word(f) for f in result.findings if f.code == MISSPELLING and f.line == f.end_line}
        if not words:
            continue
        path = Path(result.path)
        target = linter.words_file_for(path)
        if target is None:
            config = linter.config_for(path)
            target = (config.root if config.path else Path.cwd()) / WORDS_FILE
        additions.setdefault(target, set()).update(w for w in words if w)
    written = []
    for target, words in sorted(additions.items()):
        added = append_words(target, words)
        if added:
            written.append(f"added {added} word{'s' if added != 1 else ''} to {target}")
    return written


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
