"""The command line: ``python -m pipeline extract FILE...``."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from pipeline.__main__ import main
from pipeline.figures import Figure

REPO = Path(__file__).resolve().parents[2]


def test_extract_prints_one_record_per_figure(tmp_path, capsys):
    doc = tmp_path / "brief_01.txt"
    doc.write_bytes("U.S. exports to Chile reached $15.2 billion in 2019, up 3.4% from 2018.".encode("cp1252"))
    assert main(["extract", str(doc)]) == 0
    lines = capsys.readouterr().out.splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["text"] for r in records] == ["$15.2 billion", "3.4%"]
    assert {r["doc_id"] for r in records} == {"brief_01"}
    assert set(records[0]) == set(Figure.__dataclass_fields__) | {"figure_id"}


def test_extract_runs_as_a_module_on_the_seeds():
    seeds = sorted(str(p) for p in (REPO / "seeds").glob("*.txt"))
    out = subprocess.run([sys.executable, "-m", "pipeline", "extract", *seeds], cwd=REPO,
                         capture_output=True, text=True, check=True).stdout
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) > 100
    assert all(r["doc_id"] in {Path(s).stem for s in seeds} for r in records)


def test_a_missing_file_is_one_line_on_stderr_and_a_failure(tmp_path):
    missing = tmp_path / "nowhere.txt"
    done = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(missing)], cwd=tmp_path,
                          capture_output=True, text=True)
    assert done.returncode == 1
    assert done.stderr.strip() == f"python -m pipeline extract: {missing}: No such file or directory"
