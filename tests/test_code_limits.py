"""The code stays small enough to read: no module over 400 lines, no function
over 60 lines or of cyclomatic complexity above 15 (radon's measure), in the
engine (`linter/`) and the rules (`rules/`)."""

from __future__ import annotations

import ast

from radon.complexity import cc_visit

from conftest import ROOT

MODULE_LINES, FUNCTION_LINES, COMPLEXITY = 400, 60, 15


def _sources():
    for folder in ("linter", "rules"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            yield path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8")


def _measures(sources):
    """(path, function or None, measure, figure, limit) of every module and function."""
    for path, source in sources:
        yield path, None, "lines", len(source.splitlines()), MODULE_LINES
        for name, node in _functions(ast.parse(source)):
            yield path, name, "lines", node.end_lineno - node.lineno + 1, FUNCTION_LINES
        for block in cc_visit(source):  # functions, and classes with their methods (a closure counts in its function)
            for function in getattr(block, "methods", [block]):
                yield path, function.fullname, "complexity", function.complexity, COMPLEXITY


def _functions(tree: ast.AST, prefix: str = ""):
    """(`Class.method` or `function`, node) of the functions and methods
    (a nested function counts in the lines of the one around it)."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield prefix + node.name, node
        elif isinstance(node, ast.ClassDef):
            yield from _functions(node, f"{prefix}{node.name}.")


def test_no_module_or_function_over_the_limits():
    over = {(path, name, measure): (figure, limit)
            for path, name, measure, figure, limit in _measures(_sources()) if figure > limit}
    assert over == {}


def test_a_long_or_branching_method_is_over_the_limits():
    branches = "".join(f"        if x == {i}:\n            return {i}\n" for i in range(16))
    source = f"class C:\n    def m(self, x):\n{branches}" + "".join(f"x{i} = {i}\n" for i in range(400))
    over = {(name, measure) for _, name, measure, figure, limit in _measures([("c.py", source)]) if figure > limit}
    assert over == {(None, "lines"), ("C.m", "complexity")}
