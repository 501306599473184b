"""Code actions: a finding's fix, its spelling suggestions, adding a word to
the project word list, a suppression comment, and fixing every safe finding."""

from __future__ import annotations

from typing import Callable

from lsprotocol import types

from ..engine.fixes import fix_in_passes
from ..engine.rule import Finding
from ..spelling.wordlist import unknown_word
from .checker import Checked
from .diagnostics import diagnostic
from .positions import Positions

ADD_WORD = "qalint.addWord"
FIX_ALL = f"{types.CodeActionKind.SourceFixAll.value}.qalint"


def code_actions(checked: Checked, positions: Positions, uri: str, params: types.CodeActionParams,
                 recheck: Callable[[str], list[Finding]], lazy: bool) -> list[types.CodeAction]:
    """The actions for the findings in the requested range, and the source
    action; with `lazy`, its edit is computed when the client resolves it."""
    only = params.context.only
    actions: list[types.CodeAction] = []
    if _wanted(only, types.CodeActionKind.QuickFix.value):
        start, end = positions.offset(params.range.start), positions.offset(params.range.end)
        for finding in checked.result.findings:
            if finding.start <= end and start <= finding.end:
                actions += _quick_fixes(finding, checked, positions, uri)
    if _wanted(only, FIX_ALL):
        action = fix_all_action(checked, uri)
        if action is not None:
            actions.append(action if lazy else resolve_fix_all(action, checked, positions, uri, recheck))
    return actions


def _wanted(only: list[str] | None, kind: str) -> bool:
    """Whether a requested kind (`source`, `source.fixAll`, ...) covers `kind`."""
    return only is None or any(kind == k or kind.startswith(f"{k}.") for k in only)


def _quick_fixes(finding: Finding, checked: Checked, positions: Positions, uri: str) -> list[types.CodeAction]:
    about = [diagnostic(finding, checked, positions, uri)]

    def action(title: str, edits: list[types.TextEdit] | None = None, command: types.Command | None = None,
               preferred: bool = False) -> types.CodeAction:
        edit = types.WorkspaceEdit(changes={uri: edits}) if edits else None
        return types.CodeAction(title=title, kind=types.CodeActionKind.QuickFix, diagnostics=about,
                                edit=edit, command=command, is_preferred=preferred or None)

    actions = []
    if finding.fix is not None:
        safety = "safe" if finding.fix.safe else "unsafe"
        edits = [types.TextEdit(range=positions.range(e.start, e.end), new_text=e.content) for e in finding.fix.edits]
        actions.append(action(f"{finding.code}: {finding.fix.message} ({safety} fix)", edits, preferred=finding.fix.safe))
    replaced = positions.range(finding.start, finding.end)
    for suggestion in finding.suggestions:
        actions.append(action(f"{finding.code}: replace with {suggestion!r}",
                              [types.TextEdit(range=replaced, new_text=suggestion)]))
    word = unknown_word(finding)
    if word:
        actions.append(action(f"{finding.code}: add {word!r} to the project word list",
                              command=types.Command(title="add to word list", command=ADD_WORD,
                                                    arguments=[uri, word])))
    if suppressible(finding, checked):
        actions.append(action(f"{finding.code}: disable for this line", [suppress_line(finding, checked, positions)]))
    return actions


def suppressible(finding: Finding, checked: Checked) -> bool:
    """Whether a comment can silence the finding: not one about the comments
    themselves (its rule runs after suppressions apply)."""
    rule = checked.registry.rules.get(finding.code)
    return rule is None or not rule.after_suppressions


def suppress_line(finding: Finding, checked: Checked, positions: Positions) -> types.TextEdit:
    """A `disable-next-line` comment for the finding's line: on a line of its
    own after a blank line (an HTML block there changes no other block), else
    at the end of the line before, inside its paragraph."""
    doc = checked.doc
    index = finding.line - 1
    comment = f"<!-- qalint: disable-next-line={finding.code} -->"
    if index == 0 or not doc.line_text(index - 1).strip():
        start = doc.line_starts[index]
        line_break = doc.text[doc.line_ends[index]:doc.line_starts[index + 1]] if index + 1 < doc.line_count else ""
        return types.TextEdit(range=positions.range(start, start), new_text=comment + (line_break or "\n"))
    end = doc.line_ends[index - 1]
    return types.TextEdit(range=positions.range(end, end), new_text=f" {comment}")


def fix_all_action(checked: Checked, uri: str) -> types.CodeAction | None:
    """The "fix all safe findings" action, its edit left to `resolve_fix_all`;
    offered when a safe fix exists."""
    fixable = sum(1 for f in checked.result.findings if f.fix is not None and f.fix.safe)
    if not fixable:
        return None
    return types.CodeAction(title="qalint: fix all safe findings", kind=FIX_ALL, data={"uri": uri})


def resolve_fix_all(action: types.CodeAction, checked: Checked, positions: Positions, uri: str,
                    recheck: Callable[[str], list[Finding]]) -> types.CodeAction:
    """Every safe fix, pass by pass as `qalint check --fix` applies them, as
    one edit of the part of the text that changed."""
    before = checked.doc.text
    after, fixed = fix_in_passes(before, checked.result.findings, recheck)
    prefix = _common_prefix(before, after)
    suffix = _common_prefix(before[prefix:][::-1], after[prefix:][::-1])
    edit = types.TextEdit(range=positions.range(prefix, len(before) - suffix),
                          new_text=after[prefix:len(after) - suffix])
    action.title = f"qalint: fix all safe findings ({fixed})"
    action.edit = types.WorkspaceEdit(changes={uri: [edit]} if fixed else {})
    return action


def _common_prefix(a: str, b: str) -> int:
    """Length of the longest common prefix (slices compare in C: bisect on them)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return low
