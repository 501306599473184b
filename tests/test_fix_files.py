"""`--fix` and the file system: links, permissions, read-only files, the
file's own encoding and BOM, and no temporary file left on any error."""

from __future__ import annotations

import io
import os
import sys

import pytest

from conftest import run_cli

BEFORE = "Zie Kamerstuk 33694, nr.43.\n"
AFTER = "Zie Kamerstuk 33 694, nr. 43.\n"  # QA502's safe fix


def fix(capsys, *paths):
    return run_cli(capsys, "check", "--isolated", "--quiet", "--fix", *paths)


def test_a_symbolic_link_is_followed_and_stays_a_link(capsys, tmp_path):
    target = tmp_path / "real.md"
    target.write_text(BEFORE)
    link = tmp_path / "link.md"
    link.symlink_to(target)
    code, out, err = fix(capsys, link)
    assert (code, err) == (0, "")
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text() == AFTER
    assert sorted(os.listdir(tmp_path)) == ["link.md", "real.md"]


def test_hard_links_stay_one_file(capsys, tmp_path):
    first = tmp_path / "first.md"
    first.write_text(BEFORE)
    second = tmp_path / "second.md"
    os.link(first, second)
    inode = first.stat().st_ino
    fix(capsys, first)
    assert first.stat().st_ino == second.stat().st_ino == inode
    assert second.read_text() == AFTER
    assert sorted(os.listdir(tmp_path)) == ["first.md", "second.md"]


def test_permissions_are_kept(capsys, tmp_path):
    path = tmp_path / "doc.md"
    path.write_text(BEFORE)
    os.chmod(path, 0o604)
    fix(capsys, path)
    assert path.read_text() == AFTER
    assert path.stat().st_mode & 0o7777 == 0o604


def test_a_writable_file_in_a_closed_folder_is_fixed_in_place(capsys, tmp_path, monkeypatch):
    import tempfile

    path = tmp_path / "doc.md"
    path.write_text(BEFORE)
    inode = path.stat().st_ino

    def closed_folder(*args, **kwargs):  # root may write anywhere, so refuse as the OS would
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", closed_folder)
    assert fix(capsys, path)[0] == 0
    assert path.read_text() == AFTER and path.stat().st_ino == inode


def test_a_read_only_file_is_refused(capsys, tmp_path):
    path = tmp_path / "doc.md"
    path.write_text(BEFORE)
    os.chmod(path, 0o444)
    code, out, err = fix(capsys, path)
    assert code == 2
    assert err == f"qalint: error: {path}: read-only file; fixes not written\n"
    assert path.read_text() == BEFORE
    assert out.startswith(f"{path}:1:5: QA502 [*] warning: citation") and out.count("\n") == 1  # still reported


def test_a_failed_write_in_place_puts_the_original_back(capsys, tmp_path, monkeypatch):
    first = tmp_path / "first.md"
    first.write_text(BEFORE)
    os.link(first, tmp_path / "second.md")

    def full_disk(descriptor):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    code, out, err = fix(capsys, first)
    assert code == 2
    assert err == f"qalint: error: {first}: cannot write fixes: No space left on device\n"
    assert first.read_text() == BEFORE
    assert sorted(os.listdir(tmp_path)) == ["first.md", "second.md"]


def test_a_failed_replace_leaves_no_temporary_file(capsys, tmp_path, monkeypatch):
    path = tmp_path / "doc.md"
    path.write_text(BEFORE)

    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "chmod", interrupted)
    code, out, err = fix(capsys, path)
    assert code == 130
    assert path.read_text() == BEFORE
    assert os.listdir(tmp_path) == ["doc.md"]


@pytest.mark.parametrize("data", [BEFORE.encode(), b"\xef\xbb\xbf" + BEFORE.encode()])
def test_utf8_sig_keeps_the_bom_state(capsys, tmp_path, data):
    (tmp_path / "qalint.toml").write_text('encoding = "utf-8-sig"\n')
    path = tmp_path / "doc.md"
    path.write_bytes(data)
    run_cli(capsys, "check", "--quiet", "--fix", path)
    assert path.read_bytes() == data.replace(BEFORE.encode(), AFTER.encode())


def test_utf16_without_bom_from_the_configuration_stays_so(capsys, tmp_path):
    (tmp_path / "qalint.toml").write_text('encoding = "utf-16"\n')
    path = tmp_path / "doc.md"
    path.write_bytes(BEFORE.encode("utf-16-le"))
    run_cli(capsys, "check", "--quiet", "--fix", path)
    assert path.read_bytes() == AFTER.encode("utf-16-le")


def test_fix_of_utf16_standard_input_writes_utf16(capsys, monkeypatch):
    data = "\ufeff".encode("utf-16-le") + BEFORE.encode("utf-16-le")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    written = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(written, encoding="utf-8"))
    code, _, err = run_cli(capsys, "check", "--isolated", "--fix", "-")
    assert code == 0 and "Fixed 1 finding." in err
    assert written.getvalue() == "\ufeff".encode("utf-16-le") + AFTER.encode("utf-16-le")


def test_a_fix_the_encoding_cannot_hold_is_not_written(capsys, monkeypatch, tmp_path):
    from misbehaving_plugin import use_plugins

    use_plugins(monkeypatch, "AddsAnEllipsis")
    (tmp_path / "qalint.toml").write_text('encoding = "latin-1"\n')
    path = tmp_path / "doc.md"
    path.write_bytes("Caf\xe9 ...\n".encode("latin-1"))
    code, out, err = run_cli(capsys, "check", "--quiet", "--select", "QA957", "--fix", path)
    assert code == 2
    assert err == f"qalint: error: {path}: the fixes add '…', which latin-1 cannot encode; fixes not written\n"
    assert out == f"{path}:1:6: QA957 [*] warning: three dots\n"
    assert path.read_bytes() == "Caf\xe9 ...\n".encode("latin-1")
    assert sorted(os.listdir(tmp_path)) == ["doc.md", "qalint.toml"]


@pytest.mark.parametrize("new", [b"short", b"a much longer text than before\n" * 100])
def test_rewriting_in_place_leaves_exactly_the_new_bytes(tmp_path, new):
    from qalint.engine.fixes import write_fixed

    first = tmp_path / "first.md"
    first.write_bytes(b"the original text\n")
    os.link(first, tmp_path / "second.md")
    write_fixed(first, b"the original text\n", new)
    assert (tmp_path / "second.md").read_bytes() == new
