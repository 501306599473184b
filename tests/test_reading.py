"""Only regular files are read, and a file that cannot be decoded makes the
run fail rather than pass."""

from __future__ import annotations

import os

from conftest import GAP_DOC, run_cli

GAP_LINE = "7:7: QA101 error: question number skipped: expected 2, found 3"


def test_a_named_pipe_is_reported_and_skipped_not_read(capsys, tmp_path, gap_file):
    pipe = tmp_path / "pipe.md"
    os.mkfifo(pipe)  # nobody writes to it: reading it would wait for ever
    message = f"qalint: error: {pipe}: not a regular file (a named pipe), skipped\n"
    code, out, err = run_cli(capsys, "check", "--quiet", pipe, gap_file)
    assert (code, err, out) == (2, message, f"{gap_file}:{GAP_LINE}\n")
    code, out, err = run_cli(capsys, "check", "--quiet", tmp_path)  # found in a folder
    assert (code, err, out) == (2, message, f"{gap_file}:{GAP_LINE}\n")


def test_a_link_to_a_device_is_not_read(capsys, tmp_path):
    link = tmp_path / "zero.md"
    link.symlink_to("/dev/zero")
    code, out, err = run_cli(capsys, "check", link)
    assert (code, err) == (2, f"qalint: error: {link}: not a regular file (a character device), skipped\n")


def test_an_undecodable_file_does_not_pass(capsys, tmp_path):
    latin = tmp_path / "latin.md"
    latin.write_bytes("Caf\xe9\n".encode("latin-1"))
    code, out, err = run_cli(capsys, "check", latin)
    assert code == 2
    assert err.startswith(f"qalint: error: {latin}:1:4: not valid utf-8: byte 0xe9")
    assert "All checks passed" not in out
    assert out.strip().endswith("No findings, but 1 error: not every file was checked.")


def test_utf16_without_bom_is_not_taken_for_binary(capsys, tmp_path):
    (tmp_path / "qalint.toml").write_text('encoding = "utf-16-le"\n')
    path = tmp_path / "vragen.md"
    path.write_bytes(GAP_DOC.encode("utf-16-le"))
    code, out, err = run_cli(capsys, "check", "--quiet", path)
    assert (code, err, out) == (1, "", f"{path}:{GAP_LINE}\n")


def test_a_named_pipe_as_configuration_is_refused(capsys, tmp_path, gap_file):
    pipe = tmp_path / "qalint.toml"
    os.mkfifo(pipe)
    code, out, err = run_cli(capsys, "check", "--config", pipe, gap_file)
    assert (code, err) == (2, f"qalint: error: {pipe}: not a regular file\n")
