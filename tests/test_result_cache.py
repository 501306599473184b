"""The result cache: an unchanged file under an unchanged configuration is
not checked again; any change that could change its findings is."""

from __future__ import annotations

import pytest

from conftest import GAP_DOC, run_cli as run


class Checked:
    """The documents the engine really checked, in order (kept in a file:
    documents are checked in worker processes)."""

    def __init__(self, log):
        self.log = log

    def __len__(self):
        return len(self.paths())

    def __eq__(self, other):
        return self.paths() == other

    def paths(self):
        return self.log.read_text().splitlines() if self.log.exists() else []


@pytest.fixture
def checks(monkeypatch, tmp_path):
    from qalint.engine.linter import Linter

    log = tmp_path / "checked.log"
    original = Linter.check

    def counting(self, doc, path=None):
        with open(log, "a") as handle:
            handle.write(doc.path + "\n")
        return original(self, doc, path)

    monkeypatch.setattr(Linter, "check", counting)
    return Checked(log)


def test_unchanged_files_are_read_from_the_cache(capsys, tmp_path, checks):
    doc = tmp_path / "vragen.md"
    doc.write_text(GAP_DOC)
    cache = tmp_path / "cache"
    first = run(capsys, "check", "--cache-dir", cache, doc)
    assert checks == [str(doc)]
    again = run(capsys, "check", "--cache-dir", cache, doc)
    assert again == first and checks == [str(doc)]  # same report, nothing checked

    run(capsys, "check", "--cache-dir", cache, "--no-cache", doc)
    assert len(checks) == 2  # --no-cache checks again


def test_what_changes_findings_invalidates_the_entry(capsys, tmp_path, checks):
    doc = tmp_path / "vragen.md"
    doc.write_text(GAP_DOC)
    cache = tmp_path / "cache"
    run(capsys, "check", "--cache-dir", cache, doc)
    doc.write_text(GAP_DOC.replace("Nee.", "Nee, niet."))  # the content
    run(capsys, "check", "--cache-dir", cache, doc)
    (tmp_path / "qalint.toml").write_text('severity = { QA101 = "info" }\n')  # the configuration
    code, out, _ = run(capsys, "check", "--cache-dir", cache, doc)
    assert "QA101 info:" in out
    run(capsys, "check", "--cache-dir", cache, "--ignore", "QA301", doc)  # the selection
    (tmp_path / ".qalint-words.txt").write_text("klopt\n")  # the project word list
    run(capsys, "check", "--cache-dir", cache, doc)
    assert len(checks) == 5


def test_an_edited_rule_or_plugin_invalidates_every_entry(tmp_path):
    """A new version of qalint or of a plugin replaces its files: the
    fingerprint of the tool covers the files of every rule's module."""
    import os
    import sys

    from conftest import registry
    from qalint.running.resultcache import ResultCache

    rule = registry().rules["QA901"] if "QA901" in registry().rules else registry().rules["QA101"]
    path = sys.modules[rule.__module__].__file__
    before = ResultCache(tmp_path, registry()).tool
    stat = os.stat(path)
    try:
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
        assert ResultCache(tmp_path, registry()).tool != before
    finally:
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert ResultCache(tmp_path, registry()).tool == before


def test_cache_folder_follows_the_qalint_cache_folder(monkeypatch, tmp_path):
    from conftest import registry
    from qalint.running.resultcache import ResultCache

    monkeypatch.setenv("QALINT_CACHE_DIR", str(tmp_path))
    assert ResultCache.open(None, registry()).folder == tmp_path / "results"
    monkeypatch.setenv("QALINT_CACHE_DIR", "")
    assert ResultCache.open(None, registry()) is None  # caching switched off
    assert ResultCache.open(tmp_path / "own", registry()).folder == tmp_path / "own"


def test_a_damaged_entry_is_checked_again(capsys, tmp_path, checks):
    doc = tmp_path / "vragen.md"
    doc.write_text(GAP_DOC)
    cache = tmp_path / "cache"
    first = run(capsys, "check", "--cache-dir", cache, doc)
    for entry in cache.glob("*/*"):
        entry.write_bytes(b"not a cache entry")
    assert run(capsys, "check", "--cache-dir", cache, doc) == first
    assert len(checks) == 2
