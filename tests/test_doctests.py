"""The doctests of every newsgraph module, run on the installed package.

pytest's ``--doctest-modules`` would import the repository's folders under their own top-level
names (``extract.read`` ...): a second copy of every module beside ``newsgraph.extract.read``.
Here each module is imported by its package name and its docstrings run as pytest would run them
(``NORMALIZE_WHITESPACE``, ``ELLIPSIS``), one test per module.
"""
from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

FLAGS = doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS


def modules() -> list[str]:
    """Every module of the three newsgraph packages, by dotted name, and the tests' helper modules."""
    names = []
    for top in ("extract", "graph", "queries"):
        package = importlib.import_module(f"newsgraph.{top}")
        names.append(package.__name__)
        names += [m.name for m in pkgutil.walk_packages(package.__path__, package.__name__ + ".")]
    return sorted(names) + ["tests.fixtures", "tests.oracle"]   # the test helpers' examples too


@pytest.mark.parametrize("name", modules())
def test_doctests(name):
    module = importlib.import_module(name)
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    report: list[str] = []
    for test in doctest.DocTestFinder().find(module, name):
        runner.run(test, out=report.append)
    assert not runner.summarize(verbose=False).failed, "".join(report)
