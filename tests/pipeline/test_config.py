"""The settings object: every TRADE_FIGURES_* variable read in one place, with its default."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.config import DEFAULT_MAX_DOCUMENT_BYTES, Settings


def test_defaults_when_nothing_is_set():
    settings = Settings.from_env({})
    assert settings.seeds_dir == Path("seeds").absolute() and settings.output_dir == Path("output").absolute()
    assert settings.max_document_bytes == DEFAULT_MAX_DOCUMENT_BYTES
    assert settings.keep_versions is None
    assert settings.executor is None and settings.celery_broker is None and settings.workers is None


def test_every_variable_is_read():
    settings = Settings.from_env({"TRADE_FIGURES_SEEDS_DIR": "/s", "TRADE_FIGURES_OUTPUT_DIR": "/o",
                                  "TRADE_FIGURES_MAX_DOCUMENT_BYTES": "100", "TRADE_FIGURES_KEEP_VERSIONS": " 2 ",
                                  "TRADE_FIGURES_EXECUTOR": "celery",
                                  "TRADE_FIGURES_CELERY_BROKER": "redis://127.0.0.1:6379/0",
                                  "TRADE_FIGURES_WORKERS": "3"})
    assert settings == Settings(Path("/s"), Path("/o"), 100, 2, "celery", "redis://127.0.0.1:6379/0", 3)


@pytest.mark.parametrize("name", ["TRADE_FIGURES_KEEP_VERSIONS",
                                  "TRADE_FIGURES_MAX_DOCUMENT_BYTES",
                                  "TRADE_FIGURES_WORKERS"])
def test_counts_must_be_positive(name):
    with pytest.raises(ValueError, match=name):
        Settings.from_env({name: "0"})


@pytest.mark.parametrize("environ, message", [({"TRADE_FIGURES_EXECUTOR": "threads"}, "TRADE_FIGURES_EXECUTOR"),
                                              ({"TRADE_FIGURES_EXECUTOR": "celery"}, "TRADE_FIGURES_CELERY_BROKER")])
def test_an_unknown_executor_or_celery_without_a_broker_is_refused(environ, message):
    with pytest.raises(ValueError, match=message):
        Settings.from_env(environ)


def test_a_step_has_a_worker_per_core_in_process_and_none_where_steps_run_side_by_side():
    cores = len(os.sched_getaffinity(0))
    assert Settings(Path("/s"), Path("/o")).step_workers == cores
    assert Settings(Path("/s"), Path("/o"), executor="in_process").step_workers == cores
    assert Settings(Path("/s"), Path("/o"), executor="multiprocess").step_workers == 1
    assert Settings(Path("/s"), Path("/o"), executor="multiprocess", workers=4).step_workers == 4
