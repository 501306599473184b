"""Linear time on any input: growth checks, never wall-clock limits.

Each check measures the same work at a small and a large size (best of
several runs) and asserts that the large one costs at most about as many
times more as it is larger, with room for a noisy shared machine. A pattern
or rule that backtracks or rescans grows with the square of the input (or
worse) and fails by a wide margin. A failed measurement is repeated before
it counts, so one slow moment of the machine is not a failure.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from contextlib import contextmanager

import pytest

from qalint.bench import growth

from conftest import CORPUS, lint, where

PATTERNS = growth.profile_patterns() + growth.module_patterns()


# A measurement that runs this long (wall clock) hangs: a backtracking
# pattern on 64 KB would run for ages. Far above what a linear one takes.
HANG = 60


@contextmanager
def _hang_guard(seconds: float):
    def stop(*_):
        raise TimeoutError

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _linear(measure, factor: float, slack: float = 3.0, constant: float = 0.01, attempts: int = 3):
    """Measure (up to `attempts` times) until the growth is linear; the last growth."""
    for _ in range(attempts):
        try:
            with _hang_guard(HANG):
                result = measure()
        except TimeoutError:
            return False, growth.Growth(float("inf"), float("inf"))
        if growth.is_linear(result, factor, slack, constant):
            return True, result
    return False, result


def test_every_pattern_is_collected():
    names = {p.name for p in PATTERNS}
    # The marker patterns of every profile, the directive and the prose masks are among them.
    for expected in ("vraag-antwoord.question_regexes[0]", "written-questions.detection_regexes[0]",
                     "suppressions._DIRECTIVE", "prose._MASKS", "conversion._LINE_END_HYPHEN"):
        assert any(name.endswith(expected) for name in names), expected
    assert len(PATTERNS) > 60


@pytest.mark.parametrize("shape", sorted(growth.SHAPES))
def test_patterns_grow_linearly(shape):
    factor = growth.LARGE / growth.SMALL
    slow = []
    for named in PATTERNS:
        ok, result = _linear(lambda: growth.pattern_growth(named.pattern, shape), factor)
        if not ok:
            slow.append(f"{named.name}: {result.small * 1e3:.2f} ms -> {result.large * 1e3:.1f} ms")
    assert not slow, f"{shape}: " + "; ".join(slow)


@pytest.mark.parametrize("shape", sorted(growth.DOCUMENT_SHAPES))
def test_documents_grow_linearly(shape):
    """Documents of each shape, doubled three times, through every rule."""
    ok, result = _linear(lambda: growth.document_growth(shape, factor=8, runs=1), 8, slack=2.5, constant=0.3)
    assert ok, f"{shape}: {result.small:.3f} s -> {result.large:.3f} s (x{result.ratio:.1f} for x8 the size)"


# The slow inputs of issue 14, each at two sizes through the whole engine.
def _issue_input(unit: str, head: str = "", tail: str = "x\n"):
    return lambda size: head + unit * (size // len(unit)) + tail


ISSUE_INPUTS = {
    # exponential before: 32 asterisks took 4 s, 36 took 27 s
    "line of asterisks": ("a.md", _issue_input("*"), 512),
    "line of underscores": ("a.md", _issue_input("_"), 512),
    # Vraag 1 and 400 spaces took 10 s
    "marker and spaces": ("a.md", _issue_input(" ", "Vraag 1"), 512),
    # cubic: 8,000 lines took over 3 minutes
    "unclosed directive": ("a.md", _issue_input("\n", "<!-- qalint: disable="), 1024),
    "repeated directives": ("a.md", _issue_input("<!-- qalint: disable=QA101 -->\n\n"), 8192),
    "word, spaces, word": ("a.md", _issue_input(" ", "woord", "ander\n"), 8192),
    "footnote openers": ("a.md", _issue_input("[^"), 8192),
    "hyphenated line ends": ("a.md", _issue_input("ab-\n"), 4096),
    "hyphenated CR line ends": ("a.md", _issue_input("ab-\r"), 4096),
}


@pytest.mark.parametrize("name", sorted(ISSUE_INPUTS))
def test_issue_inputs_grow_linearly(name):
    path, make, size = ISSUE_INPUTS[name]
    measure = lambda: growth.measure(lambda text: growth.check_text(text, path), make(size), make(size * 8), runs=1)
    ok, result = _linear(measure, 8, slack=2.5, constant=0.3)
    assert ok, f"{name}: {result.small:.3f} s -> {result.large:.3f} s"


def test_asterisk_banner_faq_is_checked(tmp_path):
    """A plain-text FAQ opening with a box of asterisks (18 KB): checked,
    not hung (the bound is a hang guard far above the time it takes)."""
    text = growth.DOCUMENT_SHAPES["asterisk banner"][1](170)
    assert 17_000 < len(text.encode()) < 20_000
    path = tmp_path / "faq.txt"
    path.write_text(text, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "qalint", "check", "--isolated", str(path)],
        capture_output=True, text=True, timeout=60,
    )
    assert done.returncode in (0, 1), done.stderr
    assert "Traceback" not in done.stderr


def test_banner_lines_are_no_markers():
    # Box lines of asterisks hold no question; the FAQ's own Q/A markers are found.
    text = "*" * 40 + "\n*  FAQ" + " " * 33 + "*\n" + "*" * 40 + "\n\nQ1: Can I apply?\nA1: Yes, online.\n"
    assert [f.code for f in lint(text, "faq.txt") if f.code.startswith("QA1") or f.code.startswith("QA2")] == []


# -- line ends ---------------------------------------------------------------
def _with_line_end(text: str, newline: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", newline)


def test_report_gives_the_same_findings_at_every_line_end(corpus_text):
    """The real report saved with CR, LF or CRLF line ends: the same findings
    at the same positions (before, CR gave 18 false QA311)."""
    results = {}
    for newline in ("\n", "\r", "\r\n"):
        findings = lint(_with_line_end(corpus_text, newline), CORPUS.name)
        results[newline] = sorted((f.code, where(f), f.message.split("; did you mean")[0]) for f in findings)
    assert results["\r"] == results["\n"] == results["\r\n"]
    # The report defines each footnote it uses (QA311 is only for markers without a note).
    assert not [f for f in results["\r"] if f[0] == "QA311"]


@pytest.mark.parametrize("newline", ["\n", "\r", "\r\n"])
def test_footnotes_and_hyphens_at_every_line_end(newline):
    text = newline.join([
        "Vraag 1",
        "Klopt het dat dit zo is?",
        "",
        "Antwoord 1",
        "Ja, zie de brief<sup>1</sup> over de veilig-",
        "heid van de regio.",
        "",
        "<sup>1</sup> Kamerstuk 29 754, nr. 507",
        "",
    ])
    findings = lint(text)
    assert [f.code for f in findings if f.code.startswith("QA31")] == []
    hyphen = [where(f) for f in findings if f.code == "QA508"]
    # "veilig-" on line 5: columns of "veilig" and its hyphen.
    column = "Ja, zie de brief<sup>1</sup> over de ".__len__() + 1
    assert hyphen == [(5, column, 5, column + len("veilig-"))]


# -- behaviour kept by the linear forms --------------------------------------
def test_long_referral_chain_is_named_by_its_ends():
    parts = ["Vraag 1\nKlopt het?\n\nAntwoord 1\nJa.\n\n"]
    parts += [f"Vraag {i}\nKlopt het?\n\nAntwoord {i}\nZie het antwoord op vraag {i - 1}.\n\n" for i in range(2, 11)]
    chains = [f for f in lint("".join(parts)) if f.code == "QA303"]
    # Answers 3 to 10 each refer to a referral; answer 10's chain runs through all ten.
    assert len(chains) == 8
    assert chains[-1].message == "referral chain 10 -> 9 -> 8 -> 7 -> … -> 1: refer to 1 directly"
    assert chains[0].message == "referral chain 3 -> 2 -> 1: refer to 1 directly"


def test_unclosed_directive_suppresses_nothing():
    # Plain text: in Markdown an unclosed comment would hide the rest of the document.
    text = "Vraag 1\nKlopt het?\n\nAntwoord 1\nJa.\n\n<!-- qalint: disable=QA101\n\nVraag 3\nKlopt het?\n\nAntwoord 3\nJa.\n"
    assert "QA101" in [f.code for f in lint(text, "doc.txt")]


def test_directive_with_empty_codes_applies_to_every_rule():
    text = "<!-- qalint: disable-next-line= -->\nVraag 2\nKlopt het?\n\nAntwoord 2\nJa.\n"
    assert [f.code for f in lint(text) if f.code in ("QA104", "QA001")] == []


def test_directive_codes_may_hold_dashes():
    text = "<!-- qalint: disable-next-line=numbering-start --->\nVraag 2\nKlopt het?\n\nAntwoord 2\nJa.\n"
    # The codes run to the first "-->": "numbering-start -" names no rule, so nothing is suppressed.
    assert "QA104" in [f.code for f in lint(text)]


def test_markers_with_markup_and_spaces_still_match():
    text = "**Vraag 1**   \nKlopt het?\n\n## Antwoord 1 ##  \nJa.\n\n__Vraag 3:__\nKlopt het?\n\nAntwoord 3 .\nJa.\n"
    gaps = [f for f in lint(text) if f.code == "QA101"]
    assert [(f.message, where(f)) for f in gaps] == [
        ("question number skipped: expected 2, found 3", (7, 9, 7, 10)),
    ]
