"""The pipeline's layers import downwards only: reading and blocks know
nothing of the analysis, and the analysis nothing of the engine, the rules
or the front ends, so neither can be caught in an import cycle with them.
(Imports inside functions and for type checking only are not layering.)"""

import ast
from pathlib import Path

import pytest

LINTER = Path(__file__).parent.parent / "linter"
# What each layer may not import when its modules load.
FORBIDDEN = {
    "source": ("analysis", "profiles", "spelling", "engine", "running", "cli", "reporters", "server", "bench", "rules"),
    "analysis": ("spelling", "engine", "running", "cli", "reporters", "server", "bench", "rules"),
    # Language packs are data every layer reads.
    "languages": ("source", "analysis", "profiles", "spelling", "engine", "running", "cli", "reporters", "server",
                  "bench", "rules"),
}


def _module_level_imports(tree: ast.Module, package: str) -> list[tuple[int, str]]:
    """(line, absolute module name) of the imports run when the module loads."""
    found = []
    for node in tree.body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        for child in [node] if not isinstance(node, (ast.If, ast.Try)) else ast.walk(node):
            if isinstance(child, ast.ImportFrom):
                if child.level:
                    base = ["qalint", package][: 3 - child.level] if child.level <= 2 else []
                    found.append((child.lineno, ".".join(base + ([child.module] if child.module else []))))
                else:
                    found.append((child.lineno, child.module or ""))
            elif isinstance(child, ast.Import):
                found.extend((child.lineno, alias.name) for alias in child.names)
    return found


def _qualified(name: str) -> tuple[str, ...]:
    parts = tuple(name.split("."))
    return parts[1:] if parts[:1] == ("qalint",) else ()


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_a_layer_imports_nothing_above_it(layer):
    offending = []
    for path in sorted((LINTER / layer).glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for line, name in _module_level_imports(tree, layer):
            parts = _qualified(name)
            if name == "qalint" or (parts and parts[0] in FORBIDDEN[layer]):
                offending.append(f"{path.name}:{line} imports {name}")
    assert offending == []


def test_the_check_sees_relative_and_absolute_imports():
    tree = ast.parse("from ..engine.rule import Context\nfrom .model import Item\nimport qalint.rules\n")
    names = [name for _, name in _module_level_imports(tree, "analysis")]
    assert names == ["qalint.engine.rule", "qalint.analysis.model", "qalint.rules"]
