"""The compiled dictionaries: affix expansion, the word table, Hunspell's
case and compounding rules, and agreement with Hunspell itself."""

from __future__ import annotations

import os
import random
import re
import tempfile
import time
from pathlib import Path

import pytest

from qalint.spelling import dictionary as dictionaries
from qalint.spelling.affixes import BEGIN, END, FORBIDDEN, KEEPCASE, NOUN, STEM, WORD, COMPOUND_PART, expand
from qalint.spelling.affixfile import read_affix_file
from qalint.spelling.dictionary import Dictionary, dictionary
from qalint.spelling.lexicon import Table, write_table

ROOT = Path(__file__).resolve().parent.parent

# A small dictionary in OpenTaal's style: two-letter flags, a plural with a
# condition and a strip, a diminutive that takes the plural after it (a
# twofold suffix), a prefix that combines with suffixes, a linking -s- that
# exists only inside compounds, a forbidden word, a word kept in lower case,
# and a pattern that forbids "m" + "l" where parts meet.
AFF = """\
SET UTF-8
FLAG long
KEEPCASE Kc
FORBIDDENWORD Fw
ONLYINCOMPOUND Cx
COMPOUNDBEGIN Ca
COMPOUNDEND Cc
COMPOUNDPERMITFLAG Cp
CHECKCOMPOUNDPATTERN 1
CHECKCOMPOUNDPATTERN m l

SFX Pl Y 2
SFX Pl 0 en [^e]
SFX Pl e en e

SFX Dm Y 1
SFX Dm 0 je/Pl .

SFX Ls Y 1
SFX Ls 0 s/CaCpCx .

PFX On Y 1
PFX On 0 on .
"""
DIC = """\
6
boom/PlCaCc
lamp/PlDmCaCc
huis/PlOn
koe/PlLsCc
vaas/Fw
dvd/Kc
"""


def _written(folder: Path, stem: str, aff: str, dic: str) -> Dictionary:
    """A dictionary of the affix file `aff` and word list `dic`, written to `folder`."""
    (folder / f"{stem}.aff").write_text(aff, encoding="utf-8")
    (folder / f"{stem}.dic").write_text(dic, encoding="utf-8")
    return Dictionary(stem[:2], folder, stem)


@pytest.fixture()
def small(tmp_path: Path) -> Dictionary:
    return _written(tmp_path, "xx_XX", AFF, DIC)


def test_affix_rules_give_every_form_with_its_place_in_compounds(small: Dictionary):
    forms = expand(read_affix_file(small.folder / "xx_XX.aff"), small.folder / "xx_XX.dic")
    assert set(forms) == {
        "boom", "boomen",
        "lamp", "lampen", "lampje", "lampjen",  # lampje + the plural of its continuation
        "huis", "huisen", "onhuis", "onhuisen",  # the prefix also before the suffix
        "koe", "koen", "koes",  # "koe" ends in e: the plural strips it
        "vaas", "dvd",
    }
    assert forms["boom"] == WORD | STEM | NOUN | BEGIN | END
    assert forms["boomen"] == WORD | END  # a suffix keeps only the end of a compound
    assert forms["koes"] == COMPOUND_PART | BEGIN  # the linking -s- form, only inside compounds
    assert forms["vaas"] & FORBIDDEN and not forms["vaas"] & WORD
    assert forms["dvd"] & KEEPCASE


def test_lookups_follow_hunspells_rules_of_case_forbidding_and_compounding(small: Dictionary):
    known = {word: small.known(word) for word in [
        "boom", "Boom", "BOOM", "bOOm", "onhuisen", "lampjen",
        "vaas", "Vaas", "dvd", "Dvd", "DVD",
        "koes", "koesboom", "lampboom", "boomlamp", "boomenlamp", "koeboom",
    ]}
    assert known == {
        "boom": True, "Boom": True, "BOOM": True, "bOOm": False, "onhuisen": True, "lampjen": True,
        "vaas": False, "Vaas": False, "dvd": True, "Dvd": False, "DVD": False,
        "koes": False,  # only inside a compound
        "koesboom": True,  # "koes" opens one
        "lampboom": True,
        "boomlamp": False,  # the pattern "m" + "l"
        "boomenlamp": False,  # a plural cannot open a compound (no permit flag)
        "koeboom": False,  # "koe" itself cannot open one
    }


def test_the_small_dictionary_answers_as_libhunspell_does(small: Dictionary):
    hunspell = pytest.importorskip("hunspell")
    reference = hunspell.Hunspell("xx_XX", hunspell_data_dir=str(small.folder))
    words = ["boom", "Boom", "BOOM", "bOOm", "boomen", "lamp", "lampen", "lampe", "lampje", "lampjen",
             "huis", "huisen", "onhuis", "onhuisen", "koe", "koen", "koes", "vaas", "Vaas", "dvd", "Dvd",
             "DVD", "koesboom", "lampboom", "boomlamp", "boomenlamp", "koeboom", "boomkoe", "lampkoen"]
    assert {w: small.known(w) for w in words} == {w: bool(reference.spell(w)) for w in words}


# A second small dictionary for the directives the shipped dictionaries use
# beyond plain affixes and compound flags: compound rules (a numeral and a
# "-tig", numerals before "jarig", its suffixed form too), a street word that
# needs a capital, no compound at a capital, no part twice, a pattern of a
# letter against a flag and one of two flags, "ij" read as one letter, and a
# word of mixed case that Hunspell also reads in capitals.
AFF_DIRECTIVES = """\
SET UTF-8
FLAG long
FORCEUCASE Fu
CHECKCOMPOUNDCASE
CHECKCOMPOUNDDUP
COMPOUNDMIN 1
COMPOUNDBEGIN Ca
COMPOUNDMIDDLE Cb
COMPOUNDEND Cc
COMPOUNDRULE 2
COMPOUNDRULE (Nu)(Nt)
COMPOUNDRULE (Nu)*(Nj)
CHECKCOMPOUNDPATTERN 2
CHECKCOMPOUNDPATTERN a /Vw   # "sla" + "appel" needs a hyphen
CHECKCOMPOUNDPATTERN /Pl /Pl
ICONV 2
ICONV ij ĳ
ICONV IJ Ĳ
OCONV 2
OCONV ĳ ij
OCONV Ĳ IJ

SFX Jg Y 1
SFX Jg 0 e .
"""
DIC_DIRECTIVES = """\
16
vĳf/Nu
acht/Nu
tig/Nt
jarig/NjJg
kalver/Ca
straat/CcFu
lamp/CaCc
sla/CaCc
appel/CaCcVw
boom/CaCbCcPl
tak/CaCcPl
ĳs/CaCc
Ĳsland
taxi/Ca
jas/Cc
DDoS
"""
DIRECTIVE_WORDS = {
    "vijftig": True, "tigvijf": False, "vijfachtjarig": True, "achtjarige": True, "jarigacht": False,
    "kalverstraat": False, "Kalverstraat": True, "KALVERSTRAAT": True,
    "lampappel": True, "slaappel": False, "boomtak": False, "lamptak": True, "boomlamp": True,
    "lamplamp": False, "lampboomlamp": True, "lampboomtak": False, "lampDDoS": False,
    "ijslamp": True, "IJslamp": True, "IJSLAMP": True, "Ijslamp": False,
    "IJsland": True, "IJSLAND": True, "Ijsland": False, "ijsland": False,
    "taxijas": False,  # the cut would split the one letter ĳ
    "DDoS": True, "DDOS": True, "Ddos": False, "ddos": False,
}


@pytest.fixture()
def directives(tmp_path: Path) -> Dictionary:
    return _written(tmp_path, "zz_ZZ", AFF_DIRECTIVES, DIC_DIRECTIVES)


def test_compound_rules_forced_capitals_case_patterns_and_joined_letters(directives: Dictionary):
    assert {word: directives.known(word) for word in DIRECTIVE_WORDS} == DIRECTIVE_WORDS


def test_the_directives_dictionary_answers_as_libhunspell_does(directives: Dictionary):
    hunspell = pytest.importorskip("hunspell")
    reference = hunspell.Hunspell("zz_ZZ", hunspell_data_dir=str(directives.folder))
    assert {word: bool(reference.spell(word)) for word in DIRECTIVE_WORDS} == DIRECTIVE_WORDS


@pytest.mark.parametrize("line, message", [
    ("COMPOUNDFLAG Cf", "line 3: directive COMPOUNDFLAG is not supported"),
    ("NEEDAFFIX Na", "line 3: directive NEEDAFFIX is not supported"),
    ("CIRCUMFIX Ci", "line 3: directive CIRCUMFIX is not supported"),
    ("SFX Xx 0 s [ab", "line 3: affix condition '[ab' has an unclosed bracket"),
    ("ICONV ae æ", "line 3: ICONV ae æ is not undone by an OCONV"),
    ("COMPOUNDRULE Nu)(Nt)", "line 3: compound rule 'Nu)(Nt)' is not a sequence"),
    ("CHECKCOMPOUNDPATTERN o b z", "line 3: CHECKCOMPOUNDPATTERN with a replacement"),
])
def test_a_directive_qalint_cannot_follow_refuses_the_dictionary(tmp_path: Path, line: str, message: str):
    if line.startswith("SFX"):  # a rule after its class header: line 4
        line, message = "SFX Xx Y 1\n" + line, message.replace("line 3", "line 4")
    refused = _written(tmp_path, "xx_XX", f"SET UTF-8\nFLAG long\n{line}\n", "1\nboom/Xx\n")
    with pytest.raises(dictionaries.DictionaryUnavailable, match=re.escape(f"xx_XX.aff {message}")):
        refused.known("boom")


def test_the_table_is_compiled_once_and_rebuilt_when_damaged(small: Dictionary, monkeypatch):
    assert small.known("boom")
    [compiled] = Path(dictionaries.cache_folder()).glob("lexicon-xx_XX-*")
    again = Dictionary("xx", small.folder, "xx_XX")

    def no_compiling(*args):
        raise AssertionError("compiled again")

    monkeypatch.setattr(dictionaries, "expand_side_by_side", no_compiling)
    assert again.known("lampen") and not again.known("lampe")
    monkeypatch.undo()
    compiled.write_bytes(b"not a table")
    damaged = Dictionary("xx", small.folder, "xx_XX")
    assert damaged.known("boom")
    assert Table(compiled).get(b"boom") is not None


def test_without_a_cache_folder_the_table_goes_to_the_temporary_folder(small: Dictionary, monkeypatch, tmp_path):
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    monkeypatch.setenv("QALINT_CACHE_DIR", "")
    assert Dictionary("xx", small.folder, "xx_XX").known("onhuis")
    assert list(temporary.glob("lexicon-xx_XX-*"))


def test_a_cache_folder_that_cannot_be_written_falls_back_to_the_temporary_folder(small: Dictionary, monkeypatch, tmp_path):
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("QALINT_CACHE_DIR", str(blocked / "cache"))
    assert Dictionary("xx", small.folder, "xx_XX").known("lampjen")
    assert list(temporary.glob("lexicon-xx_XX-*"))


def test_table_round_trip(tmp_path: Path):
    entries = {f"woord{i}".encode(): i.to_bytes(2, "little") for i in range(1000)}
    entries["Genève".encode()] = b"\x01"
    entries[b"long"] = b"x" * 70000  # values longer than 64 KiB
    path = tmp_path / "table.bin"
    write_table(path, entries)
    table = Table(path)
    assert table.get(b"woord7") == (7).to_bytes(2, "little")
    assert table.get("Genève".encode()) == b"\x01"
    assert table.get(b"long") == b"x" * 70000
    assert table.get(b"woord1000") is None and table.get(b"") is None
    assert table.found([b"woord3", b"nergens", b"woord999"]) == {
        b"woord3": (3).to_bytes(2, "little"), b"woord999": (999).to_bytes(2, "little"),
    }
    path.write_bytes(b"QLX0" + bytes(20))
    with pytest.raises(ValueError):
        Table(path)


def _vocabulary() -> list[str]:
    words: set[str] = set()
    for path in [*ROOT.glob("examples/*.md"), *ROOT.glob("tests/fixtures/*.md")]:
        words |= set(re.findall(r"(?<![\w'’])[^\W\d_]+(?:['’][^\W\d_]+)*(?![\w'’])", path.read_text(encoding="utf-8")))
    return sorted(words)


LANGUAGES = ["nl", "en", "en-gb"]


@pytest.fixture(scope="module", params=LANGUAGES)
def both(request):
    """A shipped dictionary, compiled by qalint and loaded into libhunspell,
    and a test whether libhunspell can take a word (en_US is in ISO-8859-1:
    chunspell cannot pass it words outside that)."""
    hunspell = pytest.importorskip("hunspell")
    ours = dictionary(request.param)
    reference = hunspell.Hunspell(ours.stem, hunspell_data_dir=str(ours.folder))
    encoding = "latin-1" if ours.stem == "en_US" else "utf-8"

    def takes(word: str) -> bool:
        return word == word.encode(encoding, "ignore").decode(encoding)

    return ours, reference, takes


def test_the_compiled_dictionaries_answer_as_hunspell_does(both):
    """Every word of the examples and fixtures (4,000 words: inflections,
    compounds, names, English), as written."""
    ours, reference, takes = both
    words = [w for w in _vocabulary() if takes(w)]
    assert len(words) > 3000
    differences = [w for w in words if ours.known(w) != bool(reference.spell(w))]
    assert differences == []


def test_the_compiled_dictionaries_reject_the_typos_hunspell_rejects(both):
    """2,000 random one-letter typos of those words."""
    ours, reference, takes = both
    rng = random.Random(4)
    words = [w for w in _vocabulary() if len(w) > 3 and w.islower() and takes(w)]
    typos = set()
    while len(typos) < 2000:
        word = rng.choice(words)
        i = rng.randrange(len(word))
        typos.add(word[:i] + rng.choice("aeiounrstldgk") + word[i + 1:])
    differences = [t for t in sorted(typos) if ours.known(t) != bool(reference.spell(t))]
    assert differences == []


def test_the_compiled_dictionaries_answer_as_hunspell_does_in_capitals(both):
    """The same words capitalised and in capitals: Hunspell lower-cases
    them, also to find compounds ("ASIELBELEID"), and reads mixed-case
    words in capitals ("DDOS" for "DDoS")."""
    ours, reference, takes = both
    words = sorted({v for w in _vocabulary() if takes(w) for v in (w.upper(), w[:1].upper() + w[1:])})
    differences = [w for w in words if ours.known(w) != bool(reference.spell(w))]
    assert differences == []


def test_dutch_numerals_names_and_the_ij_as_hunspell_reads_them():
    """What OpenTaal's compound rules, FORCEUCASE and the one-letter ĳ
    decide (expected values from the dictionary's own comments and Dutch
    spelling; libhunspell agrees, see the tests above)."""
    nl = dictionary("nl")
    verdicts = {word: nl.known(word) for word in [
        "vijfhonderd", "achtjarig", "tweeëntwintig", "vijfhonderdtwintig",  # COMPOUNDRULE numerals
        "IJsland", "IJSLAND", "Ijsland",  # "IJ" is one capital letter, "Ij" is no spelling of it
        "ijsvereniging", "IJsvereniging", "Ijsvereniging",
        "Tulpstraat", "tulpstraat", "TULPSTRAAT",  # a street: FORCEUCASE on "straat" wants a capital
        "Aalstplein", "aalstplein",  # a COMPOUNDRULE of a place name and "plein"
        "asielbeleid", "ASIELBELEID",
    ]}
    assert verdicts == {
        "vijfhonderd": True, "achtjarig": True, "tweeëntwintig": True, "vijfhonderdtwintig": True,
        "IJsland": True, "IJSLAND": True, "Ijsland": False,
        "ijsvereniging": True, "IJsvereniging": True, "Ijsvereniging": False,
        "Tulpstraat": True, "tulpstraat": False, "TULPSTRAAT": True,
        "Aalstplein": True, "aalstplein": False,
        "asielbeleid": True, "ASIELBELEID": True,
    }


def test_a_missing_second_table_is_compiled_in_the_background_while_hunspell_answers(tmp_path: Path, monkeypatch):
    """The first run compiles only its document's dictionary; libhunspell
    answers for a second one that compounds nothing until a background
    process has compiled its table. A dictionary that compounds is compiled
    on first use, as before."""
    monkeypatch.setenv("QALINT_CACHE_DIR", str(tmp_path / "cache"))
    plain_aff = "\n".join(line for line in AFF.splitlines() if not line.startswith(("COMPOUND", "ONLYIN", "CHECKCOMPOUND")))
    small = []
    for stem, aff in (("xx_XX", AFF), ("yy_YY", plain_aff), ("zz_ZZ", AFF)):
        (tmp_path / f"{stem}.aff").write_text(aff, encoding="utf-8")
        (tmp_path / f"{stem}.dic").write_text(DIC.replace("dvd/Kc", f"{stem}/Kc"), encoding="utf-8")
        small.append(Dictionary("xx", tmp_path, stem))
    dictionaries.prepare(small)
    primary, plain, compounding = small
    assert plain._hunspell is not None and compounding._hunspell is None
    assert plain.known("yy_YY") and plain.known("onhuisen") and not plain.known("xx_XX") and not plain.known("vaas")
    deadline = time.monotonic() + 120
    while not plain.is_compiled() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert plain.is_compiled() and not list((tmp_path / "cache").glob("*.compiling"))
    assert primary.known("xx_XX") and compounding.known("zz_ZZ") and compounding.known("lampboom")
    assert sorted(p.name.split("-")[1] for p in (tmp_path / "cache").glob("lexicon-*")) == ["xx_XX", "yy_YY", "zz_ZZ"]
    # A fresh process finds the table and reads it like the others.
    again = Dictionary("xx", tmp_path, "yy_YY")
    dictionaries.prepare([primary, again])
    assert again._hunspell is None and again.known("onhuisen")


def test_tables_of_other_versions_go_once_unused_for_a_month(tmp_path: Path, monkeypatch):
    cache = tmp_path / "cache"
    cache.mkdir()
    monkeypatch.setenv("QALINT_CACHE_DIR", str(cache))
    (tmp_path / "xx_XX.aff").write_text(AFF, encoding="utf-8")
    (tmp_path / "xx_XX.dic").write_text(DIC, encoding="utf-8")
    old, recent = cache / "lexicon-xx_XX-0ld.bin", cache / "lexicon-xx_XX-recent.bin"
    old.write_bytes(b"")
    recent.write_bytes(b"")
    month_ago = time.time() - 31 * 24 * 3600
    os.utime(old, (month_ago, month_ago))
    assert Dictionary("xx", tmp_path, "xx_XX").known("boom")
    assert sorted(p.name for p in cache.glob("lexicon-xx_XX-*")) == sorted(
        ["lexicon-xx_XX-recent.bin", Dictionary("xx", tmp_path, "xx_XX")._table_name]
    )


@pytest.mark.parametrize("language", ["en", "en-gb"])
def test_the_compiled_english_dictionaries_answer_as_hunspell_does(language):
    """libhunspell stands in for the English tables until they are compiled:
    both must say the same of every word and typo."""
    hunspell = pytest.importorskip("hunspell")
    shared = dictionary(language)
    compiled = Dictionary(language, shared.folder, shared.stem)  # the table, never the stand-in
    reference = hunspell.Hunspell(shared.stem, hunspell_data_dir=str(shared.folder))
    rng = random.Random(5)
    words = _vocabulary()
    typos = {w[:i] + rng.choice("aeiounrstl") + w[i + 1:] for w in words for i in [rng.randrange(len(w))]}
    verdicts = {w: bool(reference.spell(w.replace("’", "'"))) for w in [*words, *sorted(typos)]}
    assert [w for w, known in verdicts.items() if compiled.known(w) != known] == []
    # The spelling rules ask the English dictionaries with known_quickly (compounds aside).
    assert [w for w, known in verdicts.items() if compiled.known_quickly(w) != known] == []


def test_the_first_run_on_a_machine_reports_what_later_runs_report(tmp_path: Path):
    """The first run compiles Dutch and has libhunspell answer for English;
    the next one reads all three tables: the same report."""
    import json
    import subprocess
    import sys

    environment = {**os.environ, "QALINT_CACHE_DIR": str(tmp_path / "cache"), "TMPDIR": str(tmp_path)}
    command = [sys.executable, "-m", "qalint", "check", "--isolated", "--format", "json",
               str(ROOT / "examples" / "verslag-schriftelijk-overleg-2020.md")]
    first = subprocess.run(command, capture_output=True, text=True, env=environment)
    deadline = time.monotonic() + 180
    while len(list((tmp_path / "cache").glob("lexicon-*.bin"))) < 3 and time.monotonic() < deadline:
        time.sleep(0.2)
    for learnt in (tmp_path / "cache").glob("words-*"):
        learnt.unlink()  # what the first run learnt about words would spare the second run the work
    second = subprocess.run(command, capture_output=True, text=True, env=environment)
    assert first.returncode == second.returncode == 1
    assert json.loads(first.stdout)["findings"] == json.loads(second.stdout)["findings"]
    assert len(json.loads(second.stdout)["findings"]) > 10


def test_a_dictionary_remembers_a_bounded_number_of_lookups(monkeypatch):
    from qalint.spelling import dictionary as module

    nl = module.dictionary("nl")
    monkeypatch.setattr(module, "_REMEMBERED", 3)
    nl._bits.clear()
    nl._compound_verdicts.clear()
    for word in ("huis", "tuin", "boom", "water", "vuur"):
        assert nl.bits(word)
    for word in ("zorgverzekeraarsbrief", "defensiebegrotingsnota", "tuinbouwbedrijfje", "rivierwaterbeheer"):
        nl.known(word)
    assert len(nl._bits) <= 3 and len(nl._compound_verdicts) <= 3
    assert nl.known("tuinbouwbedrijf") and not nl.known("tuinbouwqxbedrijf")  # still right after forgetting
