"""The production instance (dagster.postgres.yaml) against a real PostgreSQL server the test starts itself.

Two pipeline runs from separate processes share the one instance: `make run`'s
entry point (in-process executor), then, after a seed changed, the
`materialize_everything` job as the UI launches it, on the multiprocess
executor (``TRADE_FIGURES_EXECUTOR``), whose step processes write their events
to the instance too. Both runs and their materialisations must be visible in the shared storage.
"""
from __future__ import annotations

import os
import shutil
import subprocess

import dagster as dg
import pytest

from assets.extraction import shard_key
from pipeline.shards import shard_of
from tests.assets.conftest import PG_BIN
from tests.conftest import REPO, RUNTIME_BIN, SEEDS

pytestmark = pytest.mark.skipif(not PG_BIN, reason="PostgreSQL server binaries are not installed "
                                "(apt-get install postgresql; .ci/run does)")


LAUNCHED_RUN = """
import dagster as dg
from assets.definitions import materialize_everything_job
with dg.DagsterInstance.get() as instance:
    result = dg.execute_job(dg.reconstructable(materialize_everything_job), instance=instance,
                            tags={"launched": "like the UI"})
    assert result.success, result
"""


def test_two_runs_from_separate_processes_share_one_postgres_instance(postgres, tmp_path, monkeypatch):
    home, seeds, output = tmp_path / "home", tmp_path / "seeds", tmp_path / "output"
    home.mkdir()
    shutil.copy(REPO / "dagster.postgres.yaml", home / "dagster.yaml")
    shutil.copytree(SEEDS, seeds)
    env = {**os.environ, **postgres, "DAGSTER_HOME": str(home), "TRADE_FIGURES_SEEDS_DIR": str(seeds),
           "TRADE_FIGURES_OUTPUT_DIR": str(output)}
    first = subprocess.run([str(RUNTIME_BIN / "python"), "-m", "assets.run"], cwd=REPO, env=env, capture_output=True,
                           text=True, timeout=600)
    assert first.returncode == 0, first.stderr[-3000:]
    assert "published" in first.stdout
    changed = sorted(seeds.glob("*.txt"))[0]
    with open(changed, "a") as fh:
        fh.write("\nU.S. exports to Chile were $16.0 billion in 2013.\n")
    second = subprocess.run([str(RUNTIME_BIN / "python"), "-c", LAUNCHED_RUN], cwd=REPO,
                            env={**env, "TRADE_FIGURES_EXECUTOR": "multiprocess"},
                            capture_output=True, text=True, timeout=600)
    assert second.returncode == 0, second.stderr[-3000:]
    assert "Executing steps using multiprocess executor" in second.stderr

    for name, value in {**postgres, "DAGSTER_HOME": str(home)}.items():
        monkeypatch.setenv(name, value)
    with dg.DagsterInstance.get() as instance:
        assert type(instance.run_storage).__name__ == "PostgresRunStorage"
        runs = instance.get_runs()
        assert len(runs) == 2 and all(run.status == dg.DagsterRunStatus.SUCCESS for run in runs)
        assert {run.tags.get("launched") for run in runs} == {None, "like the UI"}
        shard = shard_key(shard_of(changed.name)).path[-1]
        for asset in (shard, "figures", "dataset"):
            records = instance.fetch_materializations(dg.AssetKey(asset), limit=10).records
            assert [r.run_id for r in records] == [run.run_id for run in runs]  # newest first
        latest = instance.get_latest_materialization_event(dg.AssetKey(shard))
        assert latest.asset_materialization.metadata["read_now"].value == [changed.name]
        dataset = instance.get_latest_materialization_event(dg.AssetKey("dataset")).asset_materialization
        assert dataset.metadata["published"].value is True
