"""Which Dagster executor runs a run's steps: chosen by ``Settings.executor``, the same code and output on each.

``in_process``: every step in the run's process. ``multiprocess``: each step
in its own process on this machine. ``celery``: each step sent through the
broker to ``dagster-celery`` workers on any machine that has the project's
code, the instance (PostgreSQL) and the output folder (shared storage).
Unset: multiprocess when a run has more than one shard step and at least
``PARALLEL_MIN_SEEDS`` seeds to read, in-process otherwise. A step process
starts by importing Dagster and the definitions (a couple of seconds), which
would dominate a run that reads one changed document (one shard step) or a
handful; with thousands of seeds over several shards, the cores pay for it.
"""
from __future__ import annotations

import dagster as dg
from dagster_celery import celery_executor

from pipeline.config import Settings

PARALLEL_MIN_SEEDS = 500
"""Seeds to read from which a run of several shard steps runs them in parallel processes (when unset)."""


def executor_for(settings: Settings) -> dg.ExecutorDefinition:
    """The job's executor: celery configured with the broker, or the default in-process/multiprocess one."""
    if settings.executor == "celery":
        return celery_executor.configured({"broker": settings.celery_broker, "backend": settings.celery_broker},
                                          name="celery")
    return dg.multi_or_in_process_executor


def execution_config(settings: Settings, shard_steps: int, to_read: int) -> dict:
    """Run config choosing in-process or multiprocess execution: ``shard_steps`` steps reading ``to_read`` seeds."""
    if settings.executor == "celery":
        return {}
    parallel = shard_steps > 1 and to_read >= PARALLEL_MIN_SEEDS
    mode = settings.executor or ("multiprocess" if parallel else "in_process")
    return {"execution": {"config": {mode: {}}}}
