"""A folder of hostile files beside the real seeds goes through the core under a 2 GiB address-space limit.

4 MB of ``$1 $1 …`` once took 23.8 GB; a FIFO or a link to /dev/zero hung the
run. Here the run must finish within its timeout and limit, publish the good
documents and list each bad one with its status and reason.
"""
from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys

import polars as pl

from pipeline.dataset import open_table
from tests.conftest import REPO, SEEDS

ADDRESS_SPACE = 2 << 30


def limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


def test_hostile_files_get_a_status_and_the_good_documents_are_published_within_2_gib(tmp_path):
    seeds, output = tmp_path / "seeds", tmp_path / "output"
    shutil.copytree(SEEDS, seeds)
    (seeds / "dense.txt").write_text("$1 " * 1_400_000)  # 4.2 MB
    os.mkfifo(seeds / "pipe.txt")
    os.symlink("/dev/zero", seeds / "zero.txt")
    (seeds / "wide.txt").write_bytes("Exports to Chile reached $16.2 billion in 2013.\n".encode("utf-16"))
    run = subprocess.run([sys.executable, "-m", "tests.pipeline.core_child", str(seeds), str(output)], cwd=REPO,
                         capture_output=True, text=True, timeout=300, preexec_fn=limited)
    assert run.returncode == 0, run.stderr[-3000:]
    documents = open_table(output, "documents").select("file_name", "status", "reason", "n_figures").collect()
    status = dict(documents.select("file_name", "status").iter_rows())
    assert status == {**{p.name: "ok" for p in SEEDS.glob("*.txt")}, "dense.txt": "too_dense",
                      "pipe.txt": "not_regular", "zero.txt": "outside_seeds", "wide.txt": "ok"}
    assert documents.filter(pl.col("status") != "ok")["reason"].str.len_chars().min() > 0
    good = documents.filter(pl.col("file_name").is_in([p.name for p in SEEDS.glob("*.txt")]))
    assert good["n_figures"].sum() > 200
    rejected = open_table(output, "rejected").collect()
    assert rejected.filter(pl.col("reason").is_null() | (pl.col("reason") == "")).is_empty()
