"""Build options (newsgraph.graph.build.options): one frozen dataclass, the only copy of each default."""
from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.graph.build import BuildOptions, ReadLimits, Summary
from newsgraph.graph.build import build as build_library
from newsgraph.queries.cli import build as build_cmd
from newsgraph.queries.cli import main


@pytest.fixture()
def passed(monkeypatch):
    """The options ``newsgraph build`` passes to the library (which is not run)."""
    seen = []

    def fake_build(inputs, out, options=None, **kw):
        seen.append(options)
        return Summary(files=1, files_read=1, articles=1)

    monkeypatch.setattr("newsgraph.graph.build.build", fake_build)
    return lambda *args: (CliRunner().invoke(main, ["build", "in.txt", "-o", "out", *args]), seen[-1])


def test_cli_defaults_are_the_options_defaults():
    defaults = {p.name: p.default for p in build_cmd.params}
    options = BuildOptions()
    for f in dataclasses.fields(BuildOptions):
        if f.name != "limits":
            assert defaults[f.name] == getattr(options, f.name), f.name
    for f in dataclasses.fields(ReadLimits):
        assert defaults[f.name] == getattr(options.limits, f.name), f.name


def test_a_cli_build_without_options_passes_the_default_options(passed):
    result, options = passed()
    assert result.exit_code == 0, result.output
    assert options == BuildOptions()


def test_every_cli_option_reaches_its_field(passed):
    result, options = passed("--model", "xx_model", "--base-iri", "https://example.org/id/", "-j", "3",
                             "--dask", "tcp://h:8786", "--sync", "--batch-size", "4",
                             "--max-file-size", "1000", "--max-article-chars", "500")
    assert result.exit_code == 0, result.output
    assert options == BuildOptions(model="xx_model", base_iri="https://example.org/id/", workers=3,
                                   dask_address="tcp://h:8786", sync=True, batch_size=4,
                                   limits=ReadLimits(max_bytes=1000, max_article_chars=500))


def test_with_changes_names_fields_of_the_options_or_the_limits():
    options = BuildOptions(sync=True).with_changes(batch_size=2, max_article_chars=300)
    assert options == BuildOptions(sync=True, batch_size=2, limits=ReadLimits(max_article_chars=300))
    assert BuildOptions().with_changes() == BuildOptions()
    with pytest.raises(TypeError):
        BuildOptions().with_changes(base="https://example.org/")
    with pytest.raises(dataclasses.FrozenInstanceError):
        options.sync = False  # type: ignore[misc]


def test_options_and_the_cli_import_neither_spacy_nor_rdflib():
    code = ("import sys; import newsgraph.graph.build.options, newsgraph.queries.cli; "
            "assert 'spacy' not in sys.modules and 'rdflib' not in sys.modules, sorted(sys.modules)")
    subprocess.run([sys.executable, "-c", code], check=True)


NEWSGRAPH = str(Path(sys.executable).parent / "newsgraph")
EXAMPLES = str(Path(__file__).resolve().parents[1] / "examples")


@pytest.mark.parametrize("iri", ["not an iri", "https://example.org/id/>", "https://example.org/a b/",
                                 "relative/path/", "https://example.org/{x}/"])
def test_a_bad_base_iri_is_one_line_before_any_work(tmp_path, iri):
    out = tmp_path / "out"
    result = subprocess.run([NEWSGRAPH, "build", EXAMPLES, "-o", str(out), "--base-iri", iri],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [result.stderr.strip()] and "--base-iri" in result.stderr
    assert "Traceback" not in result.stderr and not out.exists()   # nothing read, nothing written


def test_the_library_checks_the_options_first(tmp_path):
    with pytest.raises(ValueError, match="--base-iri: not an absolute IRI"):
        build_library([EXAMPLES], tmp_path / "out", base_iri="https://example.org/a>b/")
    assert not (tmp_path / "out").exists()
    assert BuildOptions(base_iri="urn:example:").check().base_iri == "urn:example:"


def test_rebuild_reaches_its_field(passed):
    result, options = passed("--rebuild")
    assert result.exit_code == 0 and options == BuildOptions(rebuild=True)
