"""The layers kept by a test, not by comments: no import cycle among rankdistill's modules (an import inside a
function counts: it only hides the loop until that function runs), and no extension imports the recipe schema at
runtime (the schema is built from the extensions' settings classes; an extension gets its own section).

An import of ``a.b`` counts as one of the package ``a`` too (Python runs ``a/__init__.py`` first).

Extensions are the modules of the registries: a registry's home module and every module of its package that
holds its entry (``ALGORITHM``, ``JUDGE_KIND``, ``BACKEND``). ``if TYPE_CHECKING:`` imports are for type checkers
only and do not count. Read from the source (ast), so nothing is imported.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = "rankdistill.recipe"


def module_files(root: Path, package: str = "rankdistill") -> dict[str, Path]:
    """Every module of ``package`` under ``root`` by dotted name (a package by its own name)."""
    out = {}
    for path in sorted((root / package).rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def runtime_imports(name: str, path: Path, modules: dict[str, Path]) -> list[tuple[str, int]]:
    """(module, line) for every import in the file that runs at some point (top level or in a function), named
    as the module it loads: ``from .x import y`` is ``x.y`` when y is a module, else ``x``."""
    is_package = path.name == "__init__.py"
    found: list[tuple[str, int]] = []

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _type_checking(child):
                for other in child.orelse:
                    visit_node(other)
                continue
            visit_node(child)

    def visit_node(node: ast.AST) -> None:
        if isinstance(node, ast.Import):
            found.extend((alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.append((sub if sub in modules else target, node.lineno))
        visit(node)

    visit(ast.parse(path.read_text(encoding="utf-8"), str(path)))
    return [(m, line) for m, line in found if m in modules and m != name]


def import_graph(modules: dict[str, Path]) -> dict[str, dict[str, int]]:
    """module -> {module it imports at runtime: the first line that does}. Importing ``a.b.c`` runs ``a/__init__``
    and ``a/b/__init__`` first, so those packages are imported too, unless the importer is inside them (then they
    are running already)."""
    graph: dict[str, dict[str, int]] = {}
    for name, path in modules.items():
        for target, line in runtime_imports(name, path, modules):
            parts = target.split(".")
            for i in range(2, len(parts) + 1):
                package = ".".join(parts[:i])
                if package in modules and package != name and not name.startswith(package + "."):
                    graph.setdefault(name, {}).setdefault(package, line)
    return graph


def cycles(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """One cycle (a list of modules, the first repeated at the end) for every strongly connected group of
    modules (Tarjan's algorithm), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []

    def connect(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, {}):
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.add(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(group)

    for v in sorted(graph):
        if v not in index:
            connect(v)
    return sorted(_one_cycle(graph, group) for group in groups)


def _one_cycle(graph: dict[str, dict[str, int]], group: set[str]) -> list[str]:
    """A shortest path from the group's first module back to itself, inside the group (breadth first)."""
    start = min(group)
    paths = {start: [start]}
    queue = [start]
    while queue:
        v = queue.pop(0)
        for w in sorted(graph.get(v, {})):
            if w == start:
                return paths[v] + [start]
            if w in group and w not in paths:
                paths[w] = paths[v] + [w]
                queue.append(w)
    raise AssertionError("a strongly connected group without a cycle")


def _describe(graph: dict[str, dict[str, int]], cycle: list[str]) -> str:
    return " -> ".join(f"{a} (line {graph[a][b]})" for a, b in zip(cycle, cycle[1:], strict=False)) + (
        f" -> {cycle[-1]}"
    )


def _assigned(tree: ast.Module) -> dict[str, ast.expr]:
    """Top-level names and the value assigned to them (``X = ...``, ``X: T = ...``)."""
    out: dict[str, ast.expr] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign):
            out.update({t.id: node.value for t in node.targets if isinstance(t, ast.Name)})
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            out[node.target.id] = node.value
    return out


def extension_modules(modules: dict[str, Path]) -> set[str]:
    """The modules that build a registry (``X = Registry(...)``) and those of its package holding its entry."""
    out = set()
    for name, path in modules.items():
        for value in _assigned(ast.parse(path.read_text(encoding="utf-8"))).values():
            if not (isinstance(value, ast.Call) and getattr(value.func, "id", None) == "Registry"):
                continue
            out.add(name)
            kw = {k.arg: k.value for k in value.keywords}
            package, attr = kw.get("package"), kw.get("attr")
            if package is None or not isinstance(attr, ast.Constant):
                continue
            package_name = name if isinstance(package, ast.Name) else package.value  # (package=__name__)
            for member, member_path in modules.items():
                if member.rpartition(".")[0] == package_name and member_path.name != "__init__.py":
                    if attr.value in _assigned(ast.parse(member_path.read_text(encoding="utf-8"))):
                        out.add(member)
    return out


def schema_imports(modules: dict[str, Path], graph: dict[str, dict[str, int]]) -> list[str]:
    """Each extension that imports the recipe schema at runtime, with the line."""
    return [
        f"{m} imports {SCHEMA} at runtime (line {graph[m][SCHEMA]}): take the section it needs as an argument "
        "(shared sections: rankdistill.sections), or import it under TYPE_CHECKING"
        for m in sorted(extension_modules(modules))
        if SCHEMA in graph.get(m, {})
    ]


# ------------------------------------------------------------------------------------------------- the tests


def test_no_import_cycle_among_rankdistill_modules():
    graph = import_graph(module_files(ROOT))
    found = cycles(graph)
    assert not found, "import cycles:\n" + "\n".join(_describe(graph, c) for c in found)


def test_no_extension_imports_the_recipe_schema_at_runtime():
    modules = module_files(ROOT)
    extensions = extension_modules(modules)
    # the registries as a user meets them, so that the test looks where it must
    assert {
        "rankdistill.train",
        "rankdistill.train.dpo",
        "rankdistill.judging.kinds",
        "rankdistill.judging.openai_judge",
        "rankdistill.judging.checks",
        "rankdistill.generation.backends",
        "rankdistill.generation.vllm",
        "rankdistill.metrics",
    } <= extensions, sorted(extensions)
    problems = schema_imports(modules, import_graph(modules))
    assert not problems, "\n".join(problems)


def _package(tmp_path: Path, files: dict[str, str]) -> dict[str, Path]:
    for rel, text in files.items():
        path = tmp_path / "rankdistill" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return module_files(tmp_path)


def test_a_cycle_closed_inside_a_function_is_found(tmp_path):
    modules = _package(
        tmp_path,
        {
            "__init__.py": "",
            "recipe.py": "from .algos import ALGORITHMS\n",
            "algos/__init__.py": "from ..registry import Registry\nALGORITHMS = Registry('a', package=__name__)\n",
            "algos/stage.py": "def train():\n    from ..prefs import build\n",
            "prefs.py": "from .recipe import Recipe\n",
            "registry.py": "class Registry: ...\n",
        },
    )
    graph = import_graph(modules)
    assert cycles(graph) == []  # nothing imports algos.stage yet
    (tmp_path / "rankdistill" / "algos" / "__init__.py").write_text(
        "from ..registry import Registry\nALGORITHMS = Registry('a', package=__name__)\n"
        "def stage():\n    from .stage import train\n",
        encoding="utf-8",
    )
    graph = import_graph(modules)
    assert cycles(graph) == [
        [
            "rankdistill.algos",
            "rankdistill.algos.stage",
            "rankdistill.prefs",
            "rankdistill.recipe",
            "rankdistill.algos",
        ]
    ]


def test_a_cycle_through_a_package_that_a_submodule_import_runs_is_found(tmp_path):
    modules = _package(
        tmp_path,
        {
            "__init__.py": "",
            "recipe.py": "from .gen.backends import BACKENDS\n",  # runs gen/__init__.py first
            "gen/__init__.py": "def stage():\n    from ..label import teacher\n",
            "gen/backends.py": "BACKENDS = {}\n",
            "label.py": "from .recipe import Recipe\n",
        },
    )
    assert cycles(import_graph(modules)) == [
        ["rankdistill.gen", "rankdistill.label", "rankdistill.recipe", "rankdistill.gen"]
    ]


def test_an_extension_importing_the_schema_is_named_unless_only_for_type_checking(tmp_path):
    registry = "from ..registry import Registry\nALGORITHMS = Registry('a', package='rankdistill.algos', attr='ALGO')\n"
    modules = _package(
        tmp_path,
        {
            "__init__.py": "",
            "registry.py": "class Registry: ...\n",
            "recipe.py": "",
            "algos/__init__.py": registry,
            "algos/dpo.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ..recipe import Recipe\nALGO = 1\n",
            "algos/ppo.py": "ALGO = 2\ndef settings():\n    from ..recipe import Recipe\n",
            "algos/helper.py": "from .. import recipe\n",  # not an entry's module
        },
    )
    assert extension_modules(modules) == {
        "rankdistill.algos",
        "rankdistill.algos.dpo",
        "rankdistill.algos.ppo",
    }
    problems = schema_imports(modules, import_graph(modules))
    assert len(problems) == 1 and problems[0].startswith(
        "rankdistill.algos.ppo imports rankdistill.recipe"
    ), problems
