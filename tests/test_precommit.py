"""The repository installed as a pre-commit hook for real."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, GAP_DOC, ROOT

pytestmark = pytest.mark.slow


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is needed")
def test_try_repo_accepts_a_clean_file_and_refuses_a_defective_one(tmp_path):
    repo = tmp_path / "reports"
    repo.mkdir()
    git(repo, "init", "-q")
    git(repo, "config", "user.email", "clerk@example.org")
    git(repo, "config", "user.name", "Clerk")
    shutil.copy(EXAMPLES / "antwoorden-kamervragen-schoon.md", repo / "schoon.md")
    # Code is not a document: if the hook passed it on, QA403 would refuse "de de".
    (repo / "tool.py").write_text("# Het kabinet heeft de de brief gelezen.\n")
    (repo / "vragen.md").write_text(GAP_DOC, encoding="utf-8")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "SKIP": ""}
    pre_commit = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "qalint"]

    git(repo, "add", "schoon.md", "tool.py")
    clean = subprocess.run(pre_commit, cwd=repo, env=env, capture_output=True, text=True)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "qalint" in clean.stdout and "Passed" in clean.stdout

    git(repo, "add", "vragen.md")
    defective = subprocess.run(pre_commit, cwd=repo, env=env, capture_output=True, text=True)
    assert defective.returncode == 1, defective.stdout + defective.stderr
    assert "Failed" in defective.stdout
    assert "vragen.md:7:7: QA101 error: question number skipped: expected 2, found 3" in defective.stdout


@pytest.mark.skipif(shutil.which("git") is None, reason="git is needed")
def test_hook_leaves_alone_a_file_the_configuration_excludes(tmp_path):
    repo = tmp_path / "reports"
    (repo / "drafts").mkdir(parents=True)
    git(repo, "init", "-q")
    (repo / "qalint.toml").write_text('extend-exclude = ["drafts"]\n')
    # pre-commit passes drafts/vragen.md by name; without --force-exclude it would be checked.
    (repo / "drafts" / "vragen.md").write_text(GAP_DOC, encoding="utf-8")
    git(repo, "add", "qalint.toml", "drafts/vragen.md")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "SKIP": ""}
    result = subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "qalint"],
                            cwd=repo, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout
