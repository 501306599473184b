"""A test plugin package: every way a plugin can misbehave, one plugin
object each (registered in-process by tests/test_plugin_misbehaviour.py and
tests/test_timeout.py)."""

from __future__ import annotations

import os

import regex

from qalint import Edit, Fix, Rule, hookimpl


def _rule(code: str, name: str, check) -> type[Rule]:
    """A rule class whose check is `check(self, context)`."""
    return type(name.title().replace("-", ""), (Rule,), {
        "__doc__": "## What it does\nMisbehaves on purpose.\n\n## Why it matters\nTests.\n\n## Example\n`x`\n",
        "code": code, "name": name, "category": "consistency", "check": check,
    })


def _junk(self, context):
    yield context.finding(0, 1, "a real finding")
    yield 42


def _system_exit(self, context):
    raise SystemExit(3)


class _NotAnException(BaseException):
    pass


def _base_exception(self, context):
    yield context.finding(0, 1, "lost with the rest")
    raise _NotAnException("escapes `except Exception`")


def _overlapping_fix(self, context):
    text = context.document.text
    # Two edits of one fix over the same letters: applied as they are, they
    # would cut the text shorter on every pass.
    edits = (context.edit(0, len(text) - 2, ""), context.edit(1, len(text), ""))
    yield context.finding(0, 1, "overlapping edits", fix=Fix("cut", edits))


def _fix_past_the_end(self, context):
    end = len(context.document.text)
    yield context.finding(0, 1, "edit past the end", fix=Fix("append", (Edit(end, end + 5, "tail"),)))


def _valid_fix(self, context):
    text = context.document.text
    start = text.find("Klopt het?")
    if start >= 0:
        yield context.finding(start, start + 5, "a valid fix", fix=Fix("shout", (context.edit(start, start + 5, "KLOPT"),)))


def _catastrophic(self, context):
    # Exponential backtracking in the `regex` module (years on 64 letters).
    # Only documents that contain "aaaa" take the slow path.
    if "aaaa" in context.document.text and regex.match(r"(a|aa)+$", "a" * 64 + "!"):
        yield context.finding(0, 1, "never reached")


def _endless(self, context):
    while "aaaa" in context.document.text:
        pass
    return []


def _exits_the_process(self, context):
    os._exit(7)


class JunkFindings:
    @staticmethod
    @hookimpl
    def qalint_rules():
        return [_rule("QA951", "yields-junk", _junk)]


class ExitingRule:
    @staticmethod
    @hookimpl
    def qalint_rules():
        return [_rule("QA952", "calls-exit", _system_exit), _rule("QA953", "raises-base-exception", _base_exception)]


class BadFixes:
    @staticmethod
    @hookimpl
    def qalint_rules():
        return [
            _rule("QA954", "overlapping-fix", _overlapping_fix),
            _rule("QA955", "fix-past-the-end", _fix_past_the_end),
            _rule("QA956", "valid-fix", _valid_fix),
        ]


class ReturnsAnInt:
    @staticmethod
    @hookimpl
    def qalint_rules():
        return 1


class ReturnsNonRules:
    @staticmethod
    @hookimpl
    def qalint_rules():
        maybe = type("MaybeSafe", (_rule("QA958", "maybe-safe", _junk),), {"fix_safety": "maybe"})
        return [object, "QA999", maybe]


class ExitsWhileLoading:
    @staticmethod
    @hookimpl
    def qalint_rules():
        raise SystemExit("no")


class BadRegexProfile:
    @staticmethod
    @hookimpl
    def qalint_profiles():
        return [{"name": "bad-regex", "description": "x", "language": "en", "scheme": "item",
                 "item_markers": ["(?P<nums>{nums}"]}]


class BadKeyProfile:
    @staticmethod
    @hookimpl
    def qalint_profiles():
        return [{"name": "bad-key", "description": "x", "language": "en", "scheme": "item",
                 "item_marker": ["Item (?P<nums>{nums})"]}]


class StringInsteadOfList:
    @staticmethod
    @hookimpl
    def qalint_profiles():
        return [{"name": "bad-type", "description": "x", "language": "en", "scheme": "item",
                 "item_markers": "Item (?P<nums>{nums})"}]


class BadSchema:
    @staticmethod
    @hookimpl
    def qalint_config_schema():
        return ["max-words"]


class TakesACoreSetting:
    @staticmethod
    @hookimpl
    def qalint_config_schema():
        return {"select": {"type": "integer"}}


def _ellipsis_fix(self, context):
    start = context.document.text.find("...")
    if start >= 0:
        yield context.finding(start, start + 3, "three dots", fix=Fix("ellipsis", (context.edit(start, start + 3, "…"),)))


class AddsAnEllipsis:
    @staticmethod
    @hookimpl
    def qalint_rules():
        return [_rule("QA957", "adds-ellipsis", _ellipsis_fix)]


def _bad_data(self, context):
    yield context.finding(0, 1, "data of strings", data={"word": "Vraag"})
    yield context.finding(0, 1, "data of numbers", data={"count": 3})


class BadData:
    @staticmethod
    @hookimpl
    def qalint_rules():
        return [_rule("QA959", "bad-data", _bad_data)]


class CatastrophicPattern:
    @staticmethod
    @hookimpl
    def qalint_rules():
        return [_rule("QA960", "catastrophic-pattern", _catastrophic), _rule("QA961", "endless-loop", _endless)]


class ExitsTheProcess:
    @staticmethod
    @hookimpl
    def qalint_rules():
        return [_rule("QA962", "exits-the-process", _exits_the_process)]


def use_plugins(monkeypatch, *names: str) -> None:
    """Make the command line find these plugin objects as if installed."""
    from qalint.engine import plugins

    entries = [plugins.PluginEntry(name, f"{__name__}:{name}") for name in names]
    monkeypatch.setattr(plugins, "_entry_points", lambda: entries)
