"""Extracting many documents across the machine's cores.

Extraction is CPU-bound pure Python, so one process uses one core. Documents
go to a pool of worker processes in chunks (each chunk extracted and
validated together by ``figure_rows_of``) and come back in their original
order, so the output is the same whatever the number of workers.
"""
from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

import polars as pl

from pipeline.documents import Document
from pipeline.extraction import figure_rows_of

WORKERS_VAR = "TRADE_FIGURES_WORKERS"
CHUNK = 200
"""Documents per task: large enough that pickling and pandera's per-call cost stay small."""
MIN_CHUNK = 50
"""Fewer documents than this per worker are extracted in-process: starting workers would cost more."""


def workers_from_env(environ: dict[str, str] | None = None) -> int:
    """``TRADE_FIGURES_WORKERS``, or the number of cores when unset; 1 extracts in-process."""
    raw = (os.environ if environ is None else environ).get(WORKERS_VAR, "").strip()
    workers = int(raw) if raw else (os.cpu_count() or 1)
    if workers < 1:
        raise ValueError(f"{WORKERS_VAR} must be at least 1, got {raw!r}")
    return workers


def extract_chunks(documents: list[Document], workers: int | None = None, chunk: int = CHUNK,
                   min_chunk: int = MIN_CHUNK) -> Iterator[tuple[list[Document], pl.DataFrame, pl.DataFrame]]:
    """(documents, valid figures, rejected figures) per chunk of ``documents``, in order.

    Workers are started with ``spawn``: forking a process that runs polars'
    and Dagster's threads can deadlock the child.
    """
    workers = min(workers_from_env() if workers is None else workers, max(1, len(documents) // min_chunk))
    size = max(1, min(chunk, -(-len(documents) // workers)))
    chunks = [documents[start:start + size] for start in range(0, len(documents), size)]
    if workers == 1:
        for batch in chunks:
            yield batch, *figure_rows_of(batch)
        return
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        for batch, (valid, rejected) in zip(chunks, pool.map(figure_rows_of, chunks)):
            yield batch, valid, rejected
