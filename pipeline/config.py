"""Every setting of the pipeline in one object; read from the environment only where a program starts.

The Dagster code location (``assets/definitions.py``) and the command lines
call ``Settings.from_env``; everything else is handed a ``Settings``.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

SEEDS_DIR_VAR = "TRADE_FIGURES_SEEDS_DIR"
OUTPUT_DIR_VAR = "TRADE_FIGURES_OUTPUT_DIR"
MAX_DOCUMENT_BYTES_VAR = "TRADE_FIGURES_MAX_DOCUMENT_BYTES"
EXECUTOR_VAR = "TRADE_FIGURES_EXECUTOR"
CELERY_BROKER_VAR = "TRADE_FIGURES_CELERY_BROKER"
KEEP_VERSIONS_VAR = "TRADE_FIGURES_KEEP_VERSIONS"
WORKERS_VAR = "TRADE_FIGURES_WORKERS"
DEFAULT_MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
EXECUTORS = ("in_process", "multiprocess", "celery")


@dataclass(frozen=True, slots=True)
class Settings:
    seeds_dir: Path
    output_dir: Path
    max_document_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES
    keep_versions: int | None = None
    """After each publish, prune to the newest this many versions (never ``current``); None keeps all."""
    executor: str | None = None
    """Dagster executor of the shard steps (one of ``EXECUTORS``); None picks per run (``assets.executors``)."""
    celery_broker: str | None = None
    """The celery executor's broker (and result backend) URL, e.g. ``redis://127.0.0.1:6379/0``."""
    workers: int | None = None
    """Worker processes a shard step reads and extracts its seeds in (``pipeline.refresh``); None: one per core
    on the in-process executor, none on the others, whose steps already run side by side."""

    @property
    def step_workers(self) -> int:
        if self.workers is not None:
            return self.workers
        return _cores() if self.executor in (None, "in_process") else 1

    def __post_init__(self):
        if self.executor is not None and self.executor not in EXECUTORS:
            raise ValueError(f"{EXECUTOR_VAR} must be one of {', '.join(EXECUTORS)}, got {self.executor!r}")
        if self.executor == "celery" and not self.celery_broker:
            raise ValueError(f"the celery executor needs its broker's URL in {CELERY_BROKER_VAR}")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        return cls(
            seeds_dir=Path(env.get(SEEDS_DIR_VAR) or "seeds").absolute(),
            output_dir=Path(env.get(OUTPUT_DIR_VAR) or "output").absolute(),
            max_document_bytes=_count(env, MAX_DOCUMENT_BYTES_VAR) or DEFAULT_MAX_DOCUMENT_BYTES,
            keep_versions=_count(env, KEEP_VERSIONS_VAR),
            executor=env.get(EXECUTOR_VAR, "").strip() or None,
            celery_broker=env.get(CELERY_BROKER_VAR, "").strip() or None,
            workers=_count(env, WORKERS_VAR),
        )


def _cores() -> int:
    """The cores this process may run on (all of the machine's where the system cannot say)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _count(env: Mapping[str, str], name: str) -> int | None:
    """A positive whole number from ``env[name]``; None when unset or blank."""
    raw = env.get(name, "").strip()
    if not raw:
        return None
    value = int(raw)
    if value < 1:
        raise ValueError(f"{name} must be at least 1, got {raw!r}")
    return value
