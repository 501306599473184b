"""Reading a rule fixture's sidecar: the findings a person marked by hand in
`tests/fixtures/rules/QAnnn.expected` (format in that folder's README.md)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "rules"
_ENTRY = regex.compile(
    r"(?:(?P<kind>miss|false)\s+)?(?P<line>\d+):(?P<column>\d+)-(?P<end_line>\d+):(?P<end_column>\d+)"
    r"\s+(?P<code>QA\d{3})(?:\s+(?P<fragment>.*))?"
)

Span = tuple[int, int, int, int, str]


@dataclass
class Expected:
    """One fixture's expectations: `findings` qalint must report (message
    containing the fragment), `misses` it should report but does not yet,
    `false` ones it reports wrongly; each miss and false has its reason."""

    document: Path
    settings: dict[str, Any] = field(default_factory=dict)
    findings: dict[Span, str] = field(default_factory=dict)
    misses: dict[Span, str] = field(default_factory=dict)
    false: dict[Span, str] = field(default_factory=dict)


def fixture_codes() -> list[str]:
    return sorted(path.stem for path in FIXTURES.glob("QA*.expected"))


def read_expected(code: str) -> Expected:
    sidecar = FIXTURES / f"{code}.expected"
    documents = [p for p in FIXTURES.glob(f"{code}.*") if p.suffix in (".md", ".txt")]
    assert len(documents) == 1, f"{code}: one document QA.md or QA.txt beside {sidecar.name}, found {documents}"
    expected = Expected(documents[0])
    for number, raw in enumerate(sidecar.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("set "):
            expected.settings.update(tomllib.loads(line[4:]))
            continue
        line, _, reason = line.partition(" -- ")
        entry = _ENTRY.fullmatch(line.strip())
        assert entry, f"{sidecar.name}:{number}: not an expectation: {raw!r}"
        span = (*(int(entry[k]) for k in ("line", "column", "end_line", "end_column")), entry["code"])
        if entry["kind"] is not None:
            assert reason.strip(), f"{sidecar.name}:{number}: a {entry['kind']} needs ` -- reason`"
            getattr(expected, "misses" if entry["kind"] == "miss" else "false")[span] = reason.strip()
        else:
            expected.findings[span] = entry["fragment"] or ""
    return expected
