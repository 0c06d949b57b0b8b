"""Unattended: `dagster-webserver` and `dagster-daemon run`, started as plain commands from the venv (no
PYTHONPATH), follow a seeds folder and publish a new version after each change.

Slow (minutes): the sensor ticks every 30 s.
"""
from __future__ import annotations

import hashlib
import shutil

import polars as pl
import pytest

from pipeline.dataset import open_table
from tests.assets.live import BIN, Project, free_port, running, wait_until_serving
from tests.conftest import SEEDS

ALL_SEEDS = sorted(SEEDS.glob("*.txt"))
RUN_TIMEOUT = 120  # a sensor tick (30 s) and one run
EXTRA = "\n\nIn 2013, U.S. goods exports to Chile were $17.5 billion, up 3.1% from 2012.\n"


@pytest.fixture
def project(tmp_path):
    project = Project.create(tmp_path, n=3)
    port = free_port()
    webserver = [str(BIN / "dagster-webserver"), "-w", "workspace.yaml", "-h", "127.0.0.1", "-p", str(port)]
    with running(webserver, project, "webserver"), \
            running([str(BIN / "dagster-daemon"), "run", "-w", "workspace.yaml"], project, "daemon"):
        wait_until_serving(f"http://127.0.0.1:{port}")
        yield project


def seeds_of(project: Project, manifest: dict) -> dict[str, str]:
    """Each document's seed file and sha256 in the version of ``manifest``."""
    documents = open_table(project.output, "documents", version=manifest["version_id"])
    return dict(documents.select("file_name", "sha256").collect().iter_rows())


def doc_ids(project: Project) -> set[str]:
    return set(open_table(project.output, "figures").select("doc_id").collect()["doc_id"])


def sha256(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_daemon_follows_added_changed_and_removed_seeds(project):
    first = project.wait_for_version(None, RUN_TIMEOUT)
    names = sorted(p.name for p in project.seeds.iterdir())
    assert set(seeds_of(project, first)) == set(names)
    assert doc_ids(project) == {n.removesuffix(".txt") for n in names}

    added = ALL_SEEDS[3]
    shutil.copy(added, project.seeds / added.name)
    second = project.wait_for_version(first["version_id"], RUN_TIMEOUT)
    assert second["parent"] == first["version_id"]
    assert set(seeds_of(project, second)) == {*names, added.name}
    assert added.stem in doc_ids(project)

    changed = project.seeds / names[1]
    with open(changed, "a") as fh:
        fh.write(EXTRA)
    third = project.wait_for_version(second["version_id"], RUN_TIMEOUT)
    assert seeds_of(project, third)[changed.name] == sha256(changed)
    figures = open_table(project.output, "figures").filter(pl.col("doc_id") == changed.stem).collect()
    assert "$17.5 billion" in figures["text"].to_list()

    removed = project.seeds / names[0]
    removed.unlink()
    fourth = project.wait_for_version(third["version_id"], RUN_TIMEOUT)
    assert set(seeds_of(project, fourth)) == {*names[1:], added.name}
    assert removed.stem not in doc_ids(project)

