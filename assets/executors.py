"""Which Dagster executor runs a run's steps: chosen by ``Settings.executor``, the same code and output on each.

``in_process`` (also when unset): every step in the run's process, one after
the other; a step with many seeds to read spreads them over worker processes
of its own (``pipeline.refresh``), which import the pipeline's core and
nothing of Dagster or the definitions. ``multiprocess``: each step in its own
Dagster process on this machine, which starts by importing Dagster and the
definitions. ``celery``: each step sent through the broker to
``dagster-celery`` workers on any machine that has the project's code, the
instance (PostgreSQL) and the output folder (shared storage).
"""
from __future__ import annotations

import dagster as dg

from pipeline.config import Settings


def executor_for(settings: Settings) -> dg.ExecutorDefinition:
    """The job's executor: celery configured with the broker, Dagster's multiprocess one, or in-process."""
    if settings.executor == "celery":
        from dagster_celery import celery_executor  # celery and its broker client: only for a celery deployment

        return celery_executor.configured({"broker": settings.celery_broker, "backend": settings.celery_broker},
                                          name="celery")
    if settings.executor == "multiprocess":
        return dg.multiprocess_executor
    return dg.in_process_executor
