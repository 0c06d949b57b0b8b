"""A real small cluster on this machine: Redis as the broker, two dagster-celery workers, the PostgreSQL instance.

`make run`'s entry point with ``TRADE_FIGURES_EXECUTOR=celery`` sends every
shard step through the broker to the workers, which load the project's code
(``assets.definitions``) themselves and share nothing with the run's process
but the instance and the output folder. The version they publish must have
the content of an in-process run of the same seeds; a worker killed while
writing a shard's chunks must leave nothing a later run trusts.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from pipeline.shards import SHARDS, shard_of
from tests.assets.conftest import PG_BIN, REDIS_SERVER
from tests.assets.live import BIN, Project, running, stop_group
from tests.conftest import REPO, SEEDS

pytestmark = pytest.mark.skipif(not (PG_BIN and REDIS_SERVER), reason="needs PostgreSQL and redis-server "
                                "(apt-get install postgresql redis-server; .ci/run does)")
RUN_TIMEOUT = 900


def seed_copies(folder: Path, count: int, shard: int | None = None) -> None:
    """``count`` copies of the repo's seeds in ``folder`` (in ``shard`` only, when given), every shard covered."""
    sources, made, i = sorted(SEEDS.glob("*.txt")), 0, 0
    while made < count:
        name = f"copy_{i:05d}_{sources[i % len(sources)].name}"
        if shard is None or shard_of(name) == shard:
            shutil.copy(sources[i % len(sources)], folder / name)
            made += 1
        i += 1
    if shard is None:
        assert {shard_of(p.name) for p in folder.iterdir()} == set(range(SHARDS))


def make_run(project: Project, **env: str) -> subprocess.CompletedProcess:
    done = subprocess.run([str(BIN / "python"), "-m", "assets.run"], cwd=REPO, env={**project.env, **env},
                          capture_output=True, text=True, timeout=RUN_TIMEOUT)
    assert done.returncode == 0, done.stderr[-3000:]
    return done


def in_process_reference(root: Path, seeds: Path) -> dict:
    """The manifest an in-process run publishes from the same seeds, on its own throwaway instance."""
    root.mkdir()
    reference = Project.create(root, n=0)
    shutil.rmtree(reference.seeds)
    shutil.copytree(seeds, reference.seeds)
    make_run(reference, TRADE_FIGURES_EXECUTOR="in_process")
    return reference.manifest()


def cluster_project(root: Path, postgres: dict, broker: str) -> Project:
    root.mkdir()
    project = Project.create(root, n=0)
    shutil.copy(REPO / "dagster.postgres.yaml", project.home / "dagster.yaml")
    project.extra_env.update(postgres, TRADE_FIGURES_EXECUTOR="celery", TRADE_FIGURES_CELERY_BROKER=broker,
                             PATH=f"{BIN}{os.pathsep}{os.environ['PATH']}")  # the venv activated: `celery` on it
    return project


@contextlib.contextmanager
def workers(project: Project, names: list[str]):
    """``dagster-celery`` workers, one task at a time each, started as the README says; stopped on exit."""
    with contextlib.ExitStack() as stack:
        started = {name: stack.enter_context(running(
            [str(BIN / "dagster-celery"), "worker", "start", "-A", "dagster_celery.app",
             "-y", str(REPO / "dagster_celery.yaml"), "-n", name, "--", "--concurrency=1"], project, name))
            for name in names}
        deadline = time.monotonic() + 180
        for name in names:
            while b" ready." not in (project.root / f"{name}.log").read_bytes():
                assert started[name].poll() is None, (project.root / f"{name}.log").read_text()[-3000:]
                assert time.monotonic() < deadline, f"worker {name} not ready; see {project.root}"
                time.sleep(0.5)
        yield started


def steps_run_by(project: Project, name: str) -> int:
    return (project.root / f"{name}.log").read_text(errors="replace").count("succeeded in")


def test_all_shards_run_on_two_celery_workers_and_publish_what_an_in_process_run_does(postgres, redis_broker,
                                                                                       tmp_path):
    project = cluster_project(tmp_path / "cluster", postgres, redis_broker)
    seed_copies(project.seeds, 48)
    with workers(project, ["one", "two"]):
        done = make_run(project)
        assert "published" in done.stdout
        assert all(f"extractions_shard_{shard}" in done.stdout for shard in range(SHARDS))  # every shard ran
        assert steps_run_by(project, "one") >= 1 and steps_run_by(project, "two") >= 1
        assert steps_run_by(project, "one") + steps_run_by(project, "two") >= SHARDS
    reference = in_process_reference(tmp_path / "reference", project.seeds)
    assert project.manifest()["content_hash"] == reference["content_hash"]
    assert project.manifest()["row_counts"] == reference["row_counts"]


def test_a_worker_killed_mid_shard_leaves_nothing_a_later_run_trusts(postgres, redis_broker, tmp_path):
    project = cluster_project(tmp_path / "cluster", postgres, redis_broker)
    seed_copies(project.seeds, 400, shard=0)  # one long shard: 32 chunks, written one after another
    chunks = project.output / "work" / "chunks"
    with workers(project, ["victim"]) as started:
        killed_run = subprocess.Popen([str(BIN / "python"), "-m", "assets.run"], cwd=REPO, env=project.env,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            deadline = time.monotonic() + RUN_TIMEOUT
            while not any(chunks.glob("*/documents.parquet")):  # the shard has started writing its chunks
                assert killed_run.poll() is None and time.monotonic() < deadline, "the shard never wrote"
                time.sleep(0.01)
            os.killpg(started["victim"].pid, signal.SIGKILL)  # the worker and its pool process, mid-write
            written = {p.parent.name for p in chunks.glob("*/figures.parquet")}
        finally:
            stop_group(killed_run)
    assert len(written) < 32, "the kill came after the shard's last chunk; nothing half-written to test"
    assert not (project.output / "current").exists()
    with workers(project, ["survivor"]):
        assert "published" in make_run(project).stdout
    reference = in_process_reference(tmp_path / "reference", project.seeds)
    assert project.manifest()["content_hash"] == reference["content_hash"]
