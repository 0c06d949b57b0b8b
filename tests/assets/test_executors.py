"""The executor a run gets: from the setting, or in-process for small runs and multiprocess for large ones."""
from __future__ import annotations

from pathlib import Path

import dagster as dg

from assets.executors import PARALLEL_MIN_SEEDS, execution_config, executor_for
from pipeline.config import Settings

BASE = Settings(Path("/s"), Path("/o"))


def mode(config: dict) -> str:
    [name] = config["execution"]["config"]
    return name


def test_unset_one_shard_or_few_seeds_run_in_process_and_many_over_several_shards_in_processes():
    assert mode(execution_config(BASE, 1, 10_000)) == "in_process"
    assert mode(execution_config(BASE, 8, PARALLEL_MIN_SEEDS - 1)) == "in_process"
    assert mode(execution_config(BASE, 2, PARALLEL_MIN_SEEDS)) == "multiprocess"
    assert executor_for(BASE) is dg.multi_or_in_process_executor


def test_the_setting_decides_when_set():
    assert mode(execution_config(Settings(Path("/s"), Path("/o"), executor="multiprocess"), 1, 1)) == "multiprocess"
    assert mode(execution_config(Settings(Path("/s"), Path("/o"), executor="in_process"), 8, 10**6)) == "in_process"
    celery = Settings(Path("/s"), Path("/o"), executor="celery", celery_broker="redis://127.0.0.1:6379/0")
    assert execution_config(celery, 8, 10**6) == {}  # the job's executor is configured with the broker
    assert executor_for(celery).name == "celery"
