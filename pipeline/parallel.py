"""Work on many seeds across the machine's cores.

Reading and extracting are CPU-bound Python, so one process uses one core.
Items go to a pool of worker processes in chunks and the chunks' results
come back in their original order, so the output is the same whatever the
number of workers.
"""
from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

CHUNK = 200
"""Items per task: large enough that pickling and per-call costs (pandera's) stay small."""
MIN_CHUNK = 50
"""Fewer items than this per worker are handled in-process: starting workers would cost more."""

Item = TypeVar("Item")
Result = TypeVar("Result")


def in_chunks(work: Callable[[list[Item]], Result], items: Sequence[Item], workers: int = 1,
              chunk: int = CHUNK, min_chunk: int = MIN_CHUNK) -> Iterator[tuple[list[Item], Result]]:
    """(chunk, ``work(chunk)``) for consecutive chunks of ``items``, in order.

    ``work`` must be picklable (a module-level function or a partial of one).
    Workers are started with ``spawn``: forking a process that runs polars'
    and Dagster's threads can deadlock the child.
    """
    workers = min(workers, max(1, len(items) // min_chunk))
    size = max(1, min(chunk, -(-len(items) // workers)))
    chunks = [list(items[start:start + size]) for start in range(0, len(items), size)]
    if workers == 1:
        for batch in chunks:
            yield batch, work(batch)
        return
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        yield from zip(chunks, pool.map(work, chunks))
