"""The house rules of the source tree, read from the code itself (AST, nothing is run).

* imports point one way: ``queries -> graph -> extract`` (extract never imports graph or queries,
  graph never imports queries);
* no private name (``_x``) is imported from another module, nor read off an imported module;
* an import inside a function is there to spare start-up time (or an optional dependency) and
  says so in a comment on its line or the line above.
"""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LAYERS = {"extract": 0, "graph": 1, "queries": 2}


def _modules() -> list[Path]:
    return sorted(p for top in LAYERS for p in (ROOT / top).rglob("*.py"))


def _ours(name: str | None) -> bool:
    return bool(name) and name.startswith("newsgraph.")


def _parsed() -> list[tuple[Path, ast.Module, list[str]]]:
    out = []
    for path in _modules():
        text = path.read_text(encoding="utf-8")
        out.append((path.relative_to(ROOT), ast.parse(text), text.split("\n")))
    return out


MODULES = _parsed()


def _imports(tree: ast.Module):
    """(node, imported module, names) of every import of a newsgraph module."""
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and _ours(node.module):
            yield node, node.module, [a.name for a in node.names]
        elif isinstance(node, ast.Import):
            yield from ((node, a.name, []) for a in node.names if _ours(a.name))


def test_imports_point_one_way():
    upward = [f"{path}:{n.lineno} imports {mod}" for path, tree, _ in MODULES for n, mod, _ in _imports(tree)
              if LAYERS[mod.split(".")[1]] > LAYERS[path.parts[0]]]
    assert not upward


def _private_uses(tree: ast.Module) -> list[str]:
    """``module._name`` of every private name imported from, or read off, another newsgraph module."""
    taken = [f"{n.lineno}: {mod}.{name}" for n, mod, names in _imports(tree) for name in names
             if name.startswith("_")]
    aliases = {a.asname or a.name for n, _, _ in _imports(tree) if isinstance(n, ast.ImportFrom)
               for a in n.names}
    return taken + [f"{n.lineno}: {n.value.id}.{n.attr}" for n in ast.walk(tree)
                    if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name)
                    and n.value.id in aliases and n.attr.startswith("_") and not n.attr.startswith("__")]


def test_no_private_names_across_modules():
    taken = [f"{path}:{use}" for path, tree, _ in MODULES for use in _private_uses(tree)]
    assert not taken


def _says_why(lines: list[str], i: int) -> bool:
    """The import on line ``i`` (0-based), or the run of imports it stands in, carries a comment or
    follows a comment line."""
    while i > 0 and lines[i - 1].strip().startswith(("import ", "from ")):
        if "#" in lines[i]:
            return True
        i -= 1
    return "#" in lines[i] or lines[i - 1].strip().startswith("#")


def test_imports_inside_functions_say_why():
    silent = [f"{path}:{node.lineno} in {fn.name}()" for path, tree, lines in MODULES for fn in ast.walk(tree)
              if isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef) for node in ast.walk(fn)
              if isinstance(node, ast.Import | ast.ImportFrom) and not _says_why(lines, node.lineno - 1)]
    assert not silent
