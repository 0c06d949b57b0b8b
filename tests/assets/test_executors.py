"""The executor a run gets: in-process unless the setting asks for Dagster's multiprocess or celery executor."""
from __future__ import annotations

from pathlib import Path

import dagster as dg

from assets.executors import executor_for
from pipeline.config import Settings


def test_unset_or_in_process_runs_steps_in_the_run_process():
    assert executor_for(Settings(Path("/s"), Path("/o"))) is dg.in_process_executor
    assert executor_for(Settings(Path("/s"), Path("/o"), executor="in_process")) is dg.in_process_executor


def test_the_setting_decides_when_set():
    assert executor_for(Settings(Path("/s"), Path("/o"), executor="multiprocess")) is dg.multiprocess_executor
    celery = Settings(Path("/s"), Path("/o"), executor="celery", celery_broker="redis://127.0.0.1:6379/0")
    assert executor_for(celery).name == "celery"
