"""Skip reasons of the test files: a test that needs the development sets names them ``../shared``
(beside the checkout, wherever it is), never an absolute path of one machine."""
from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def _reasons(tree: ast.AST):
    """(line, text) of every constant skip reason: ``reason=`` arguments and ``pytest.skip("...")``."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        args = [kw.value for kw in node.keywords if kw.arg == "reason"]
        if isinstance(node.func, ast.Attribute) and node.func.attr == "skip":
            args += node.args[:1]
        for arg in args:
            parts = arg.values if isinstance(arg, ast.JoinedStr) else [arg]
            text = "".join(p.value for p in parts if isinstance(p, ast.Constant) and isinstance(p.value, str))
            yield node.lineno, text


def test_skip_reasons_name_the_shared_folder_relatively():
    bad = []
    for path in sorted(TESTS.glob("*.py")):
        for line, text in _reasons(ast.parse(path.read_text(encoding="utf-8"))):
            if "/work" in text or ("shared" in text and "../shared" not in text):
                bad.append(f"{path.name}:{line}: {text}")
    assert bad == []


def test_the_check_sees_reasons():
    tree = ast.parse('import pytest\nm = pytest.mark.skipif(True, reason="shared not at /work/shared")\n'
                     'pytest.skip(f"{x} missing")\n')
    assert list(_reasons(tree)) == [(2, "shared not at /work/shared"), (3, " missing")]
