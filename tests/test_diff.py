"""`--diff` output applies with `patch -p1` in every case: a file without a
final newline, CR line ends, form feeds and U+2028 inside lines, names with
spaces. Checked with the real `patch` when it is installed, and always with
a small unified-diff reader written here."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess

import pytest

from conftest import run_cli

CITATION = "Zie Kamerstuk 33694, nr.43"  # QA502 rewrites it as "Kamerstuk 33 694, nr. 43"
DOCUMENTS = {
    "no final newline.md": f"Eerste alinea.\n\n{CITATION}.",
    "cr-only.md": f"Eerste alinea.\r\r{CITATION}.\r\rLaatste alinea.\r",
    "form feed.md": f"Eerste alinea.\f\n\n{CITATION} en\u2028verder.\n\nSlot\u2028zin.\n",
    "crlf.md": f"Eerste alinea.\r\n\r\n{CITATION}.\r\n",
    "sub dir/last without newline.md": f"{CITATION}.",
}


@pytest.fixture
def project(tmp_path, monkeypatch):
    source = tmp_path / "project"
    for name, text in DOCUMENTS.items():
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        (source / name).write_bytes(text.encode("utf-8"))
    monkeypatch.chdir(source)
    return source


def _fixed_copy(capsys, project, tmp_path):
    """The files as --fix leaves them, in a copy of the project."""
    fixed = tmp_path / "fixed"
    shutil.copytree(project, fixed)
    run_cli(capsys, "check", "--isolated", "--fix", *sorted(DOCUMENTS))
    for name in DOCUMENTS:
        (fixed / name).write_bytes((project / name).read_bytes())
        (project / name).write_bytes(DOCUMENTS[name].encode("utf-8"))
    return fixed


def _diff(capsys) -> str:
    code, out, err = run_cli(capsys, "check", "--isolated", "--diff", *sorted(DOCUMENTS))
    assert code == 1, err
    return out


def test_diff_marks_a_missing_final_newline_and_quotes_names(capsys, project):
    out = _diff(capsys)
    assert '--- "a/no final newline.md"\n+++ "b/no final newline.md"\n' in out
    assert "-Zie Kamerstuk 33694, nr.43.\n\\ No newline at end of file\n" in out
    assert "+Zie Kamerstuk 33 694, nr. 43.\n\\ No newline at end of file\n--- " in out  # next header on its own line


@pytest.mark.skipif(shutil.which("patch") is None, reason="the `patch` program is not installed")
def test_diff_applies_with_patch(capsys, project, tmp_path):
    diff = _diff(capsys)
    expected = _fixed_copy(capsys, project, tmp_path)
    applied = subprocess.run(["patch", "-p1", "--batch", "--silent"], input=diff.encode("utf-8"),
                             cwd=project, capture_output=True)
    assert applied.returncode == 0, applied.stdout + applied.stderr
    for name in DOCUMENTS:
        assert (project / name).read_bytes() == (expected / name).read_bytes(), name
    assert sorted(p.name for p in project.rglob("*")) == sorted(p.name for p in expected.rglob("*"))  # no .orig/.rej


def test_diff_applies_with_a_plain_unified_diff_reader(capsys, project, tmp_path):
    diff = _diff(capsys)
    expected = _fixed_copy(capsys, project, tmp_path)
    for name, text in apply_unified_diff(diff, {n: (project / n).read_bytes().decode() for n in DOCUMENTS}).items():
        assert text.encode("utf-8") == (expected / name).read_bytes(), name


def apply_unified_diff(diff: str, files: dict[str, str]) -> dict[str, str]:
    """Apply a unified diff the way `patch -p1` reads it: lines end at LF,
    a hunk holds as many lines as its header counts, and `\\ No newline at
    end of file` takes the LF off the line before it."""
    lines = diff.split("\n")
    assert lines.pop() == ""  # the diff ends with a line end
    results = dict(files)
    index = 0
    while index < len(lines):
        assert lines[index].startswith("--- ") and lines[index + 1].startswith("+++ "), lines[index]
        name = _name(lines[index + 1][4:])
        old = [line for line in re.split(r"(?<=\n)", results[name]) if line]
        new: list[str] = []
        position = 0
        index += 2
        while index < len(lines) and lines[index].startswith("@@ "):
            start, old_count, new_count = _hunk_header(lines[index])
            new.extend(old[position:start])
            position = start
            index += 1
            while old_count or new_count:
                kind, content = lines[index][:1], lines[index][1:] + "\n"
                index += 1
                if index < len(lines) and lines[index].startswith("\\ "):
                    content = content[:-1]
                    index += 1
                if kind in " -":
                    assert old[position] == content, (old[position], content)
                    position, old_count = position + 1, old_count - 1
                if kind in " +":
                    new.append(content)
                    new_count -= 1
        new.extend(old[position:])
        results[name] = "".join(new)
    return results


def _hunk_header(header: str) -> tuple[int, int, int]:
    """0-based first old line, old and new line counts of `@@ -a,b +c,d @@`."""
    a, b, _, d = re.match(r"@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@", header).groups()
    old_count = int(b) if b is not None else 1
    return (int(a) if old_count == 0 else int(a) - 1), old_count, int(d) if d is not None else 1


def _name(header: str) -> str:
    name = ast.literal_eval(header) if header.startswith('"') else header
    return name.split("/", 1)[1]  # -p1
