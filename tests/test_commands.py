"""The query-side CLI commands, through click's CliRunner."""
from __future__ import annotations

import json
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.queries.cli import main

MINI = str(Path(__file__).parent / "data" / "mini.ttl")


@pytest.fixture()
def cli():
    runner = CliRunner()
    return lambda *args: runner.invoke(main, list(args))


def test_queries_lists_names_and_params(cli):
    result = cli("queries")
    assert result.exit_code == 0
    assert "who-met" in result.output and "params: actor, [since], [until]" in result.output


def test_query_formats(cli):
    result = cli("query", "who-met", MINI, "--param", "actor=Bagheri Kani")
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == "partner,partnerLabel,meetings,first,last,places"
    table = cli("query", "who-met", MINI, "-p", "actor=Bagheri Kani", "--format", "table").output
    assert table.splitlines()[1].startswith("---") and "Vahan Kostanyan" in table
    tsv = cli("query", "who-met", MINI, "-p", "actor=Bagheri Kani", "--format", "tsv").output
    assert tsv.splitlines()[0].startswith("partner\tpartnerLabel") and "\tVahan Kostanyan\t" in tsv
    w3c = cli("query", "who-met", MINI, "-p", "actor=Bagheri Kani", "--format", "sparql-tsv").output
    assert w3c.splitlines()[0].startswith("?partner\t?partnerLabel") and '\t"Vahan Kostanyan"\t' in w3c
    data = json.loads(cli("query", "who-met", MINI, "-p", "actor=Bagheri Kani", "--format", "json").output)
    assert data["results"]["bindings"][0]["partnerLabel"]["value"] == "Vahan Kostanyan"


@pytest.mark.parametrize("args, message", [
    (("query", "who-met", MINI, "-p", "actor=Aliyev"), "ambiguous actor"),
    (("query", "who-met", MINI), "missing parameter"),
    (("query", "nosuch", MINI), "no named query"),
    (("query", "who-met", MINI, "-p", "actor"), "NAME=VALUE"),
    (("sparql", MINI, "DROP ALL"), "refused"),
    (("sparql", MINI, "SELECT ?x WHERE {"), "malformed"),
    (("sparql", MINI), "either as TEXT"),
])
def test_errors_are_one_line(cli, args, message):
    result = cli(*args)
    assert result.exit_code != 0
    assert message in result.output and "Traceback" not in result.output


def test_sparql_text_and_file(cli, tmp_path):
    query = "SELECT ?s WHERE { ?s a <https://w3id.org/newsgraph/ontology#State> } ORDER BY ?s"
    result = cli("sparql", MINI, query, "--format", "csv")
    assert result.exit_code == 0 and len(result.output.splitlines()) == 5
    path = tmp_path / "q.rq"
    path.write_text("CONSTRUCT { ?s a ?t } WHERE { ?s a ?t } LIMIT 1", encoding="utf-8")
    result = cli("sparql", MINI, "-f", str(path))
    assert result.exit_code == 0 and "@prefix" in result.output


def test_build_directory_is_accepted(cli, tmp_path):
    (tmp_path / "graph.ttl").write_text(Path(MINI).read_text(encoding="utf-8"), encoding="utf-8")
    result = cli("query", "corroborated", str(tmp_path))
    assert result.exit_code == 0 and len(result.output.splitlines()) == 3


def test_plot_writes_pictures(cli, tmp_path):
    pytest.importorskip("matplotlib", reason="plotting needs matplotlib")
    result = cli("plot", MINI, "-o", str(tmp_path / "net.svg"))
    assert result.exit_code == 0 and (tmp_path / "net.svg").read_text().lstrip().startswith("<?xml")
    result = cli("plot", MINI, "-o", str(tmp_path / "ego.png"), "--actor", "Kostanyan")
    assert result.exit_code == 0 and (tmp_path / "ego.png").stat().st_size > 1000
    assert "unknown picture type" in cli("plot", MINI, "-o", str(tmp_path / "x.gif")).output


def test_readme_first_session_is_what_the_commands_print(tmp_path):
    """The README's "A first session" block, run command by command in a folder holding examples/."""
    root = Path(__file__).resolve().parents[1]
    block = (root / "README.md").read_text(encoding="utf-8").split("## A first session", 1)[1]
    block = block.split("```console\n", 1)[1].split("```", 1)[0]
    shutil.copytree(root / "examples", tmp_path / "examples")
    exe = Path(sys.executable).with_name("newsgraph")
    steps = [s for s in block.split("$ ") if s.strip()]
    for step in steps:
        command, _, expected = step.partition("\n")
        args = shlex.split(command)
        run = subprocess.run([str(exe), *args[1:]], cwd=tmp_path, capture_output=True, text=True, check=True)
        assert (run.stdout + run.stderr).strip().splitlines() == expected.strip().splitlines(), command
