"""Every way a plugin can misbehave is reported with the plugin's name and
skipped; the rest of the run goes on (tests/misbehaving_plugin.py)."""

from __future__ import annotations

from conftest import GAP_DOC, run_cli
from misbehaving_plugin import use_plugins
from qalint.engine.plugins import load_registry


def test_hooks_returning_the_wrong_things_are_reported_by_plugin_name(capsys, monkeypatch, gap_file):
    use_plugins(monkeypatch, "ReturnsAnInt", "ReturnsNonRules", "ExitsWhileLoading", "BadRegexProfile",
                "BadKeyProfile", "StringInsteadOfList", "BadSchema", "TakesACoreSetting")
    code, out, err = run_cli(capsys, "check", "--isolated", "--quiet", gap_file)
    warnings = sorted(err.splitlines())
    bad_regex = warnings.pop(1)  # the pattern error, in the words of the `regex` module
    assert bad_regex.startswith("qalint: warning: plugin 'BadRegexProfile': profile 'bad-regex': ")
    assert "pattern does not compile: missing )" in bad_regex
    assert bad_regex.endswith("; its profiles skipped")
    assert warnings == [
        "qalint: warning: plugin 'BadKeyProfile': profile 'bad-key': unknown key 'item_marker'; its profiles skipped",
        "qalint: warning: plugin 'BadSchema': qalint_config_schema() returned list, not a dict; skipped",
        "qalint: warning: plugin 'ExitsWhileLoading' failed in qalint_rules: SystemExit: no; skipped",
        "qalint: warning: plugin 'ReturnsAnInt': qalint_rules() returned int, not a list; skipped",
        "qalint: warning: plugin 'ReturnsNonRules': 'QA999' is not a subclass of qalint.Rule; rule skipped",
        "qalint: warning: plugin 'ReturnsNonRules': <class 'object'> is not a subclass of qalint.Rule; "
        "rule skipped",
        "qalint: warning: plugin 'ReturnsNonRules': MaybeSafe: fix_safety 'maybe' is not 'safe', 'unsafe' or None; "
        "rule skipped",
        "qalint: warning: plugin 'StringInsteadOfList': profile 'bad-type': item_markers: 'Item (?P<nums>{nums})' is "
        "not of type 'array'; its profiles skipped",
        "qalint: warning: plugin 'TakesACoreSetting': setting 'select' is already defined; its settings skipped",
    ]
    # The built-in rules still run.
    assert (code, out) == (1, f"{gap_file}:7:7: QA101 error: question number skipped: expected 2, found 3\n")


def test_profile_errors_skip_only_that_plugin(monkeypatch):
    import misbehaving_plugin as plugins

    registry = load_registry(extra_plugins=(plugins.BadRegexProfile, plugins.BadKeyProfile), entry_points=False)
    assert "vraag-antwoord" in registry.profiles
    assert "bad-regex" not in registry.profiles and "bad-key" not in registry.profiles
    assert len(registry.warnings) == 2


def test_rules_that_yield_junk_or_exit_are_reported_and_the_run_goes_on(capsys, monkeypatch, gap_file):
    use_plugins(monkeypatch, "JunkFindings", "ExitingRule")
    code, out, err = run_cli(capsys, "check", "--isolated", "--quiet",
                             "--select", "QA101,QA951,QA952,QA953", gap_file)
    assert code == 2  # not 3: SystemExit(3) from a rule does not end the run
    assert err.splitlines() == [
        f"qalint: error: {gap_file}: rule QA951 (yields-junk) of plugin 'JunkFindings': yielded int 42, "
        "not a Finding; dropped",
        f"qalint: error: {gap_file}: rule QA952 (calls-exit) of plugin 'ExitingRule': internal error: SystemExit: 3",
        f"qalint: error: {gap_file}: rule QA953 (raises-base-exception) of plugin 'ExitingRule': internal error: "
        "_NotAnException: escapes `except Exception`",
    ]
    # The junk rule's real finding stays; the rule that raised loses what it yielded.
    assert out.splitlines() == [
        f"{gap_file}:1:1: QA951 warning: a real finding",
        f"{gap_file}:7:7: QA101 error: question number skipped: expected 2, found 3",
    ]


def test_invalid_fixes_are_reported_with_the_rule_code_and_dropped(capsys, monkeypatch, gap_file):
    use_plugins(monkeypatch, "BadFixes")
    code, out, err = run_cli(capsys, "check", "--isolated", "--quiet", "--fix",
                             "--select", "QA954,QA955,QA956", gap_file)
    assert code == 2
    length = len(GAP_DOC)
    assert err.splitlines() == [
        f"qalint: error: {gap_file}: rule QA954 (overlapping-fix) of plugin 'BadFixes': invalid fix at 1:1: "
        f"edits of offsets 0-{length - 2} and 1-{length} overlap; fix dropped",
        f"qalint: error: {gap_file}: rule QA955 (fix-past-the-end) of plugin 'BadFixes': invalid fix at 1:1: "
        f"edit of offsets {length}-{length + 5} is not inside the text (0-{length}); fix dropped",
    ]
    # Only the valid fix was applied, once.
    assert gap_file.read_text() == GAP_DOC.replace("Klopt het?", "KLOPT het?")
