"""A killed run never blocks the queue: run monitoring fails it, then the sensor's run goes through.

A `make run` is killed (SIGKILL) while its run is in progress, as a crash or
the kernel's memory killer would; then the real `dagster-daemon` starts, on
the project's dagster.yaml with a short runtime bound and one run at a time.
Slow (a minute or two).
"""
from __future__ import annotations

import shutil
import signal
import subprocess
import time

import dagster as dg
import yaml

from tests.assets.live import BIN, Project, running
from tests.conftest import REPO

COPIES = 80
"""Copies of each seed: enough work that the run is still going when it is killed."""
MAX_RUNTIME = 15


def test_a_killed_run_is_failed_and_does_not_block_the_next(tmp_path, monkeypatch):
    project = Project.create(tmp_path, n=5)
    for path in sorted(project.seeds.glob("*.txt")):
        for i in range(COPIES):
            shutil.copy(path, project.seeds / f"copy_{i:03d}_{path.name}")
    config = yaml.safe_load((project.home / "dagster.yaml").read_text())
    config["run_monitoring"].update(max_runtime_seconds=MAX_RUNTIME, poll_interval_seconds=5)
    config["run_coordinator"]["config"]["max_concurrent_runs"] = 1
    (project.home / "dagster.yaml").write_text(yaml.safe_dump(config))
    monkeypatch.setenv("DAGSTER_HOME", str(project.home))

    make_run = subprocess.Popen([str(BIN / "python"), "-m", "assets.run"], cwd=REPO,
                                env={**project.env, "TRADE_FIGURES_EXECUTOR": "in_process"},
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with dg.DagsterInstance.get() as instance:
        deadline = time.monotonic() + 120
        while not (started := instance.get_runs(dg.RunsFilter(statuses=[dg.DagsterRunStatus.STARTED]))):
            assert make_run.poll() is None and time.monotonic() < deadline, "the run never started"
            time.sleep(0.05)
        make_run.send_signal(signal.SIGKILL)
        make_run.wait()
        [killed] = started
        assert instance.get_run_by_id(killed.run_id).status == dg.DagsterRunStatus.STARTED
        assert project.manifest() is None

        with running([str(BIN / "dagster-daemon"), "run", "-w", "workspace.yaml"], project, "daemon"):
            manifest = project.wait_for_version(None, timeout=240)
        assert instance.get_run_by_id(killed.run_id).status == dg.DagsterRunStatus.FAILURE
        assert manifest["dagster_run_id"] != killed.run_id
        assert manifest["row_counts"]["documents"] == 5 * (COPIES + 1)
