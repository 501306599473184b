"""The pipeline's layers import downwards only: reading and blocks know
nothing of the analysis, and the analysis nothing of the engine, the rules
or the front ends, so neither can be caught in an import cycle with them.
(Imports inside functions and for type checking only are not layering.)"""

import ast
from pathlib import Path

import grimp
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


def _load_graph() -> dict[str, set[str]]:
    """Each module of qalint -> the qalint modules it imports when it loads
    (a module's parent packages load with it; the root package is left out,
    as every import passes through it)."""
    modules: dict[str, Path] = {}
    for path in LINTER.rglob("*.py"):
        parts = path.relative_to(LINTER).with_suffix("").parts
        parts = parts[:-1] if parts[-1] == "__init__" else parts
        if parts:
            modules["qalint." + ".".join(parts)] = path

    def resolved(name: str) -> list[str]:
        while name and name not in modules:
            name = name.rpartition(".")[0]  # an attribute of a module, not a module
        parts = name.split(".")
        return [".".join(parts[:end]) for end in range(2, len(parts) + 1)] if name else []

    graph = {}
    for name, path in modules.items():
        layer = name.split(".")[1] if path.parent != LINTER else ""
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = [found for _, found in _module_level_imports(tree, layer) if found.startswith("qalint.")]
        graph[name] = {module for found in imported for module in resolved(found)}
    return graph


def _chain(graph: dict[str, set[str]], start: str, forbidden: tuple[str, ...]) -> list[str] | None:
    """The shortest chain of loads from `start` to a module of a forbidden layer."""
    paths = {start: [start]}
    queue = [start]
    while queue:
        current = queue.pop(0)
        for following in sorted(graph.get(current, ())):
            if following in paths:
                continue
            paths[following] = paths[current] + [following]
            if following.split(".")[1] in forbidden:
                return paths[following]
            queue.append(following)
    return None


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_nothing_a_layer_loads_reaches_above_it(layer):
    graph = _load_graph()
    chains = [
        " -> ".join(chain) for name in sorted(graph) if name.split(".")[1] == layer
        if (chain := _chain(graph, name, FORBIDDEN[layer])) is not None
    ]
    assert chains == []


def test_a_load_through_a_layer_below_is_found():
    graph = {"qalint.analysis.kinds": {"qalint.profiles"}, "qalint.profiles": {"qalint.engine.validation"}}
    assert _chain(graph, "qalint.analysis.kinds", FORBIDDEN["analysis"]) == [
        "qalint.analysis.kinds", "qalint.profiles", "qalint.engine.validation",
    ]


def _cycles(graph) -> set[tuple[str, ...]]:
    """The modules of each chain of imports that leads from a module back to itself."""
    found = set()
    for module in graph.modules:
        for imported in graph.find_modules_directly_imported_by(module):
            chain = graph.find_shortest_chain(importer=imported, imported=module)
            if chain:
                found.add(tuple(sorted({module, *chain})))
    return found


def test_no_import_cycles():
    # Every import counts here, also those inside functions; only imports for type checking do not.
    graph = grimp.build_graph("qalint", include_external_packages=False, exclude_type_checking_imports=True)
    assert _cycles(graph) == set()


def test_the_cycle_check_sees_a_cycle():
    graph = grimp.ImportGraph()
    for importer, imported in (("p.a", "p.b"), ("p.b", "p.c"), ("p.c", "p.a"), ("p.c", "p.d")):
        graph.add_import(importer=importer, imported=imported)
    assert _cycles(graph) == {("p.a", "p.b", "p.c")}
