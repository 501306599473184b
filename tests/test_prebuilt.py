"""The compiled Dutch table shipped with qalint: what the first run on a
machine unpacks instead of compiling, only for exactly the dictionary it was
compiled from."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest

from qalint.spelling import prebuilt
from qalint.spelling.affixes import STEM, WORD
from qalint.spelling.dictionary import CACHE_VERSION, Dictionary, dictionary
from qalint.spelling.lexicon import table_bytes

ROOT = Path(__file__).resolve().parent.parent
AFF = "SET UTF-8\n"
DIC = "2\nboom\nlamp\n"


def _header(stem: str) -> dict:
    with open(prebuilt.shipped_path(stem), "rb") as handle:
        return json.loads(handle.readline())


def _installed_dutch_is_the_shipped_one() -> Dictionary:
    dutch = dictionary("nl")
    if not prebuilt.ships(dutch.folder, dutch.stem, CACHE_VERSION):
        pytest.skip("the installed nl_NL is not the release the shipped table was compiled from")
    return dutch


def test_the_shipped_table_is_of_the_current_format():
    """A new table format (CACHE_VERSION) needs the shipped table compiled
    again (`python -m qalint.spelling.ship_tables`), or first runs compile."""
    assert _header("nl_NL")["format"] == CACHE_VERSION
    assert (prebuilt.FOLDER / "nl_NL.license").read_text(encoding="utf-8").count("OpenTaal") > 3


def test_the_shipped_table_is_the_one_qalint_compiles():
    dutch = _installed_dutch_is_the_shipped_one()
    with open(prebuilt.shipped_path(dutch.stem), "rb") as handle:
        handle.readline()
        shipped = zlib.decompress(handle.read())
    assert shipped == table_bytes(dict(sorted(dutch.compile_entries().items())))


def test_a_first_run_unpacks_the_shipped_table_instead_of_compiling(tmp_path: Path, monkeypatch):
    dutch = _installed_dutch_is_the_shipped_one()
    monkeypatch.setenv("QALINT_CACHE_DIR", str(tmp_path / "cache"))

    def no_compiling(*args):
        raise AssertionError("compiled")

    monkeypatch.setattr(Dictionary, "compile_entries", no_compiling)
    fresh = Dictionary("nl", dutch.folder, dutch.stem, splits_compounds=True)
    assert fresh.known("kabinet") and fresh.known("Kamervragen") and not fresh.known("kabbinet")
    assert list((tmp_path / "cache").glob("lexicon-nl_NL-*.bin")) and not list((tmp_path / "cache").glob("*.tmp"))


@pytest.fixture()
def shipped_elsewhere(tmp_path: Path, monkeypatch) -> Path:
    """A small dictionary `xx_XX` and a folder of shipped tables of its own."""
    monkeypatch.setattr(prebuilt, "FOLDER", tmp_path / "shipped")
    monkeypatch.setenv("QALINT_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "xx_XX.aff").write_text(AFF, encoding="utf-8")
    (tmp_path / "xx_XX.dic").write_text(DIC, encoding="utf-8")
    return tmp_path


def test_a_shipped_table_stands_only_for_the_dictionary_it_was_compiled_from(shipped_elsewhere: Path):
    # A table that differs from what the word list gives, to see which is read.
    bits = (WORD | STEM).to_bytes(2, "little")
    prebuilt.write_shipped("xx_XX", {b"anders": bits}, prebuilt.identity(shipped_elsewhere, "xx_XX", CACHE_VERSION))
    shipped = Dictionary("xx", shipped_elsewhere, "xx_XX")
    assert shipped.known("anders") and not shipped.known("boom")

    (shipped_elsewhere / "xx_XX.dic").write_text(DIC + "boek\n", encoding="utf-8")  # another release
    compiled = Dictionary("xx", shipped_elsewhere, "xx_XX")
    assert compiled.known("boek") and compiled.known("boom") and not compiled.known("anders")


def test_a_shipped_table_of_another_format_or_damaged_is_not_used(shipped_elsewhere: Path):
    bits = (WORD | STEM).to_bytes(2, "little")
    header = prebuilt.identity(shipped_elsewhere, "xx_XX", CACHE_VERSION)
    prebuilt.write_shipped("xx_XX", {b"anders": bits}, {**header, "format": "0"})
    assert Dictionary("xx", shipped_elsewhere, "xx_XX").known("boom")

    for cached in (shipped_elsewhere / "cache").glob("lexicon-*"):
        cached.unlink()
    prebuilt.shipped_path("xx_XX").write_bytes(json.dumps(header, sort_keys=True).encode() + b"\nnot zlib")
    damaged = Dictionary("xx", shipped_elsewhere, "xx_XX")
    assert damaged.known("lamp") and not damaged.known("anders")


@pytest.mark.slow
def test_the_wheel_ships_the_table_and_its_licence(tmp_path: Path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(tmp_path), str(ROOT)], check=True, capture_output=True)
    [wheel] = tmp_path.glob("qalint-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"qalint/spelling/compiled/nl_NL.table.zz", "qalint/spelling/compiled/nl_NL.license"} <= names
