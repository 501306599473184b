"""Runs on a real Dask cluster: a distributed.LocalCluster with two worker
processes gives exactly the findings of a local run, in the same order, and
loses no document when a worker dies."""

from __future__ import annotations

import json
import os
import shutil
import signal
import time
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")

import qalint  # noqa: E402
from qalint.running import cluster  # noqa: E402
from qalint.engine.linter import Linter, Overrides  # noqa: E402
from qalint.running.runner import discover, run  # noqa: E402

from conftest import CORPUS, EXAMPLES, FIXTURES, GAP_DOC, registry, run_cli  # noqa: E402


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40,
    ) as local, distributed.Client(local) as connected:
        yield connected


@pytest.fixture
def documents(tmp_path):
    """The examples and fixtures, twice, in folders with their own
    configuration and word list, and one file that cannot be read."""
    sources = [*EXAMPLES.glob("*.md"), *FIXTURES.glob("*.md")]
    for copy in ("een", "twee"):
        folder = tmp_path / copy
        folder.mkdir()
        for source in sources:
            shutil.copy(source, folder / source.name)
    (tmp_path / "twee" / "qalint.toml").write_text('ignore = ["QA401"]\n', encoding="utf-8")
    (tmp_path / "een" / ".qalint-words.txt").write_text("Beamt\n", encoding="utf-8")
    (tmp_path / "een" / "gap.md").write_text(GAP_DOC, encoding="utf-8")
    (tmp_path / "een" / "kapot.md").write_bytes(b"\xff\xfe\x00broken")
    return tmp_path


def local_and_cluster(paths, client, **overrides):
    linter = Linter(registry(), Overrides(**overrides))
    targets, errors, _ = discover([str(p) for p in paths], linter, None)
    assert not errors
    local = run(targets, linter, 1)
    remote = list(cluster.stream(client, targets, Linter(registry(), Overrides(**overrides))))
    return local, remote


def as_data(results):
    return [(r.path, [f.to_dict() for f in r.findings], r.errors) for r in results]


def test_a_cluster_run_gives_the_findings_of_a_local_run(client, documents, monkeypatch):
    monkeypatch.setattr(cluster, "BATCH_DOCUMENTS", 3)  # many batches, back in any order
    local, remote = local_and_cluster([documents], client)
    assert len(local) >= 2 * (len(list(EXAMPLES.glob("*.md"))) + len(list(FIXTURES.glob("*.md")))) + 2
    assert as_data(remote) == as_data(local)
    by_name = {r.path: r for r in remote}
    # The folders' own configuration and word list travelled with the text.
    verslag = "verslag-schriftelijk-overleg-2020.md"
    codes = {copy: {f.code for f in by_name[str(documents / copy / verslag)].findings} for copy in ("een", "twee")}
    assert "QA401" in codes["een"] and "QA401" not in codes["twee"]
    assert "Beamt" not in str(by_name[str(documents / "een" / verslag)].findings)
    assert by_name[str(documents / "een" / "kapot.md")].errors


def test_the_command_prints_what_a_local_run_prints(client, documents, capsys, monkeypatch):
    address = client.scheduler.address
    # Paths relative to this folder, and a per-file-ignores pattern relative to
    # the configuration's folder: the workers' own working folders differ.
    (documents / "twee" / "sub").mkdir()
    (documents / "twee" / "sub" / "gap.md").write_text(GAP_DOC, encoding="utf-8")
    (documents / "een" / "gap-too.md").write_text(GAP_DOC, encoding="utf-8")
    (documents / "twee" / "qalint.toml").write_text(
        'ignore = ["QA401"]\nper-file-ignores = { "sub/*.md" = ["numbering"] }\n', encoding="utf-8")
    monkeypatch.chdir(documents)
    local = run_cli(capsys, "check", "--format", "json", ".")
    remote = run_cli(capsys, "check", "--format", "json", "--dask-scheduler", address, ".")
    assert remote == local and local[0] == 2
    codes = {}
    for finding in json.loads(local[1])["findings"]:
        codes.setdefault(finding["path"], set()).add(finding["code"])
    assert "QA101" in codes[str(Path("een") / "gap-too.md")] and str(Path("twee") / "sub" / "gap.md") not in codes
    assert run_cli(capsys, "check", "--fix", "--dask-scheduler", address, documents)[0] == 2


def test_an_unreachable_scheduler_is_one_line(capsys, tmp_path, monkeypatch):
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", 1)
    (tmp_path / "a.md").write_text(GAP_DOC, encoding="utf-8")
    code, out, err = run_cli(capsys, "check", "--dask-scheduler", "tcp://127.0.0.1:9", tmp_path)
    assert code == 2 and out == "" and err.startswith("qalint: error: --dask-scheduler tcp://127.0.0.1:9: cannot connect")
    assert len(err.strip().splitlines()) == 1


def test_a_worker_killed_mid_run_loses_nothing(client, tmp_path, monkeypatch):
    monkeypatch.setattr(cluster, "BATCH_DOCUMENTS", 2)
    for index in range(16):  # long documents: batches take long enough to be interrupted
        shutil.copy(EXAMPLES / "verslag-schriftelijk-overleg-2020.md", tmp_path / f"verslag-{index:02}.md")
    linter = Linter(registry(), Overrides(isolated=True))
    targets, _, _ = discover([str(tmp_path)], linter, None)
    expected = as_data(run(targets, linter, 1))
    pids = client.run(os.getpid)
    received = []
    killed = None
    for result in cluster.stream(client, targets, linter):
        received.append(result)
        if killed is None:
            busy = [worker for worker, keys in client.processing().items() if keys]
            if busy:
                killed = pids[busy[0]]
                os.kill(killed, signal.SIGKILL)
                at_kill = len(received)
    assert killed is not None and at_kill < len(targets), "no worker was busy to be killed"
    assert as_data(received) == expected
    deadline = time.monotonic() + 60
    while len(client.nthreads()) < 2 and time.monotonic() < deadline:  # the nanny restarts it for the next tests
        time.sleep(0.2)


def test_a_bag_of_texts(client):
    import dask.bag

    texts = [("gap.md", GAP_DOC), (CORPUS.name, CORPUS.read_text(encoding="utf-8")), GAP_DOC.replace(" 3\n", " 2\n")]
    config = qalint.load_config(ignore=["spelling"])
    bag = dask.bag.from_sequence(texts, npartitions=2)
    remote = cluster.check_bag(bag, config).compute()
    named = [("report.md", t) if isinstance(t, str) else t for t in texts]
    local = [qalint.check_text(text, path, config) for path, text in named]
    assert [[f.to_dict() for f in found] for found in remote] == [[f.to_dict() for f in found] for found in local]
    assert [f.code for f in remote[0]] == ["QA101"] and list(remote[2]) == []
