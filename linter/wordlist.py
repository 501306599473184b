"""`--add-unknown-words`: the project word list grows from reviewed findings."""

from __future__ import annotations

from pathlib import Path

from .engine import WORDS_FILE, FileResult, Linter

MISSPELLING = "QA401"


def _word(finding) -> str:
    start = finding.column - 1 - finding.source_start
    return finding.source_line[start:start + (finding.end_column - finding.column)]


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
        reported = [f for f in result.findings if f.code == MISSPELLING and f.line == f.end_line]
        typos.update(_word(f) for f in reported if f.suggestions and not force)
        words = {_word(f) for f in reported if force or not f.suggestions}
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
        existing = set()
        if target.is_file():
            existing = {line.split("#", 1)[0].strip() for line in target.read_text(encoding="utf-8").splitlines()}
        new = sorted(words - existing)
        if not new:
            continue
        with open(target, "a", encoding="utf-8") as handle:
            if not existing:
                handle.write("# Words qalint accepts in this project: one a line; # starts a comment.\n")
            handle.write("".join(f"{word}\n" for word in new))
        written.append(f"added {len(new)} word{'s' if len(new) != 1 else ''} to {target}")
    if typos:
        shown = ", ".join(sorted(typos)[:10]) + (", ..." if len(typos) > 10 else "")
        written.append(
            f"skipped {len(typos)} likely typo{'s' if len(typos) != 1 else ''} with a close suggestion "
            f"({shown}); fix them, or add them with --force"
        )
    return written
