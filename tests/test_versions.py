"""The versions of a build's parts (newsgraph.graph.build.versions) cover what each part depends on.

The imports of the reader modules and of the pipeline are walked (AST, every import statement
anywhere in a file, with the packages it runs): each file of ``extract/`` they reach must be
covered by the right version, and the extractors must never reach ``extract/read/``.
"""
from __future__ import annotations

import ast
from pathlib import Path

from newsgraph.graph.build.versions import EXTRACT, READER_PARTS, RECORD_PARTS, Part, reader_version

READER_MODULES = sorted((EXTRACT / "read").glob("*.py"))
#: The per-article half: the pipeline (every extractor) and the loaded spaCy pipeline's components.
RECORD_MODULES = [EXTRACT / "pipeline.py", EXTRACT / "nlp" / "__init__.py"]


def module_file(name: str) -> Path | None:
    """The file of module ``name`` when it is one of ``newsgraph.extract`` (None otherwise)."""
    parts = name.split(".")
    if parts[:2] != ["newsgraph", "extract"]:
        return None
    base = EXTRACT.joinpath(*parts[2:])
    return next((f for f in (base / "__init__.py", base.with_suffix(".py")) if f.is_file()), None)


def imported(path: Path) -> set[str]:
    """Every module a file imports (``from m import x``: m, and m.x when x is a module), and the
    packages importing them runs."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0 and node.module, f"relative import in {path}"
            names |= {node.module} | {f"{node.module}.{alias.name}" for alias in node.names}
    return {".".join(n.split(".")[:i]) for n in names for i in range(1, n.count(".") + 2)}


def reached(starts: list[Path]) -> set[Path]:
    """The files of ``extract/`` that importing ``starts`` runs, relative to ``extract/``."""
    todo, seen = list(starts), set()
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        todo += [f for f in map(module_file, imported(path)) if f is not None]
    return {p.relative_to(EXTRACT) for p in seen}


def test_the_walk_follows_submodules_and_packages():
    got = reached([EXTRACT / "read" / "jsonl.py"])
    assert {Path("read/jsonl.py"), Path("read/dates.py"), Path("read/__init__.py"), Path("__init__.py"),
            Path("records.py")} <= got


def test_the_reader_version_covers_exactly_what_the_reader_imports():
    assert set(READER_PARTS.files(EXTRACT)) == reached(READER_MODULES)


def test_the_record_version_covers_what_the_pipeline_imports_and_never_the_reader():
    got = reached(RECORD_MODULES)
    assert {Path("pipeline.py"), Path("events/__init__.py"), Path("lexicon/gazetteer.py")} <= got
    assert not {p for p in got if p.parts[0] == "read"}, "an extractor imports extract/read/"
    assert got <= set(RECORD_PARTS.files(EXTRACT))
    assert Path("lexicon/data/events.toml") in RECORD_PARTS.files(EXTRACT)
    assert not {p for p in RECORD_PARTS.files(EXTRACT) if p.parts[0] == "read"}


def test_together_the_versions_cover_all_of_extract():
    everything = set(Part(("**/*.py", "lexicon/data/*")).files(EXTRACT))
    assert set(RECORD_PARTS.files(EXTRACT)) | set(READER_PARTS.files(EXTRACT)) == everything


def test_a_part_hashes_names_and_contents(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.py").write_text("x = 1\n")
    (tmp_path / "b.py").write_text("y = 2\n")
    part = Part(("**/*.py",), exclude=("a/**/*.py",))
    assert part.files(tmp_path) == [Path("b.py")]
    before = part.digest(tmp_path)
    (tmp_path / "a" / "x.py").write_text("x = 3\n")
    assert part.digest(tmp_path) == before
    (tmp_path / "b.py").write_text("y = 3\n")
    assert part.digest(tmp_path) != before
    assert reader_version() == reader_version()
