"""Tests for newsgraph.extract.lexicon.convert.phoenix (PETRARCH2/Phoenix dictionaries -> data files)."""
import subprocess
import sys

from newsgraph.extract.lexicon import DATA
from newsgraph.extract.lexicon.convert import phoenix


def test_conversion_reproduces_the_committed_data_files(petrarch, tmp_path):
    written = phoenix.convert(petrarch, tmp_path)
    assert [p.name for p in written] == [phoenix.OUT_ORGS, phoenix.OUT_AGENTS]
    for path in written:
        assert path.read_bytes() == (DATA / path.name).read_bytes(), path.name


def test_records_people_roles_and_noise_are_left_out(tmp_path):
    intl = """# test dictionary written for this test
WIDGET_MAKERS_UNION_ [IGO]
+WMU
JANE_QUILL_ [IGOUNO 990101-051231]
UN_ENVOY_ [IGOUNO]
THE_ [NGO]
RIVER_GUARDIANS_FOUNDATION_ (RGF)_ [NGOGBR]
"""
    armed = """NORTHERN_HILLS_LIBERATION_ARMY_(NHLA)_ [XYZREB]
+HILLS_ARMY_
EXPRESS_ [XYZREB]
MAY_15_ [XYZREB]
"""
    (tmp_path / phoenix.SOURCES["International"]).write_text(intl, encoding="utf-8")
    (tmp_path / phoenix.SOURCES["MilNonState"]).write_text(armed, encoding="utf-8")
    (tmp_path / phoenix.AGENTS).write_text("REBEL [~REB]\nPOLICE {} [~COP]\n", encoding="utf-8")
    (tmp_path / phoenix.PERSONS).write_text("JANE_DOE_\n\t[XYZGOV 990101-051231]\n", encoding="utf-8")
    (tmp_path / phoenix.VERBS).write_text("--- EXPRESS  [---] ---\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    orgs, agents = phoenix.convert(tmp_path, out)
    rows = orgs.read_text(encoding="utf-8").splitlines()
    assert rows == [
        '{"name": "Northern Hills Liberation Army", "aliases": ["NHLA", "Hills Army"], "sector": "REB"}',
        '{"name": "River Guardians Foundation", "aliases": ["RGF"], "sector": "NGO", "country": "GBR"}',
        '{"name": "Widget Makers Union", "aliases": ["WMU"], "sector": "IGO"}',
    ]
    assert "rebels\tREB" in agents.read_text(encoding="utf-8").splitlines()
    assert "polices\tCOP" not in agents.read_text(encoding="utf-8")


def test_command_line_needs_the_dictionary_folder(tmp_path):
    done = subprocess.run([sys.executable, "-m", "newsgraph.extract.lexicon.convert.phoenix", str(tmp_path)],
                          capture_output=True, text=True)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "phoenix: need the petrarch2 dictionary folder" in done.stderr
