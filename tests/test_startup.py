"""What a run loads: packages needed only by some runs are imported when
they are needed, so that a check on save or commit starts fast."""

from __future__ import annotations

import json
import subprocess
import sys

PROBE = """
import sys
from qalint.cli import main
status = main(sys.argv[1:])
print("LOADED", sorted(name for name in ("wcwidth", "pathspec") if name in sys.modules))
"""


def _loaded(*args: str) -> list[str]:
    out = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True).stdout
    line = next(line for line in out.splitlines() if line.startswith("LOADED"))
    return json.loads(line.removeprefix("LOADED ").replace("'", '"'))


def test_a_named_file_with_plain_text_needs_neither_ignore_files_nor_character_widths(tmp_path):
    doc = tmp_path / "doc.md"
    doc.write_text("1. Vraag?\n\nAntwoord 2.\n", encoding="utf-8")
    assert _loaded("check", "--isolated", "--no-cache", str(doc)) == []


def test_wide_characters_and_a_folder_with_an_ignore_file_load_them(tmp_path):
    (tmp_path / ".gitignore").write_text("skip.md\n", encoding="utf-8")
    (tmp_path / "doc.md").write_text("1. Vraag over 東京?\n\nAntwoord 2.\n", encoding="utf-8")
    assert _loaded("check", "--isolated", "--no-cache", str(tmp_path)) == ["pathspec", "wcwidth"]
