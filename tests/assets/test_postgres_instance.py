"""The production instance (dagster.postgres.yaml) against a real PostgreSQL server the test starts itself.

Two pipeline runs from separate processes share the one instance: `make run`'s
entry point (in-process executor), then, after a seed changed, the
`materialize_everything` job as the UI launches it, with its multiprocess
executor. Both runs and their materialisations must be visible in the shared storage.
"""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import dagster as dg
import pytest

from assets.extraction import shard_key
from pipeline.shards import shard_of
from tests.conftest import REPO, SEEDS

PG_BIN = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
pytestmark = pytest.mark.skipif(not PG_BIN, reason="PostgreSQL server binaries are not installed "
                                "(apt-get install postgresql; .ci/run does)")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def postgres():
    """A throwaway PostgreSQL server on a free port; yields the DAGSTER_PG_* environment."""
    bin_dir = Path(PG_BIN[-1]).parent
    root = Path(tempfile.mkdtemp(prefix="trade-figures-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:  # postgres refuses to run as root
        user = pwd.getpwnam("postgres")
        os.chown(root, user.pw_uid, user.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
    data, port = root / "data", free_port()

    def pg(*args: str) -> None:
        subprocess.run([*as_user, *args], check=True, capture_output=True, timeout=120)

    pg(str(bin_dir / "initdb"), "-D", str(data), "--auth=trust", "--username=dagster")
    try:
        pg(str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(root / "server.log"), "-w", "start", "-o",
           f"-p {port} -k {root} -c listen_addresses=127.0.0.1")
        pg(str(bin_dir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "dagster", "trade_figures")
        yield {"DAGSTER_PG_HOST": "127.0.0.1", "DAGSTER_PG_PORT": str(port), "DAGSTER_PG_DB": "trade_figures",
               "DAGSTER_PG_USERNAME": "dagster", "DAGSTER_PG_PASSWORD": "unused-with-trust-auth"}
    finally:
        subprocess.run([*as_user, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"],
                       capture_output=True, timeout=120)
        shutil.rmtree(root, ignore_errors=True)


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
    first = subprocess.run([sys.executable, "-m", "assets.run"], cwd=REPO, env=env, capture_output=True,
                           text=True, timeout=600)
    assert first.returncode == 0, first.stderr[-3000:]
    assert "published" in first.stdout
    changed = sorted(seeds.glob("*.txt"))[0]
    with open(changed, "a") as fh:
        fh.write("\nU.S. exports to Chile were $16.0 billion in 2013.\n")
    second = subprocess.run([sys.executable, "-c", LAUNCHED_RUN], cwd=REPO, env={**env, "PYTHONPATH": str(REPO)},
                            capture_output=True, text=True, timeout=600)  # PYTHONPATH: the job's helper is in tests/
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
