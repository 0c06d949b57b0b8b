"""Which shard (execution unit) and which chunk (storage unit) a seed belongs to.

A run has at most ``SHARDS`` extraction steps, so the events Dagster records
for a run stay bounded whatever the number of seeds. Intermediate results are
stored in ``CHUNKS`` finer chunks: a one-document change rewrites one chunk,
about 1/256 of the corpus, whatever its size. A chunk belongs to exactly one
shard (``shard_of`` is ``chunk_of`` modulo ``SHARDS``), so parallel shard steps
never write the same file. Both are fixed: changing either moves seeds to other
files, and the work store must then be rebuilt.
"""
from __future__ import annotations

import functools
import hashlib

SHARDS = 8
CHUNKS = 256


@functools.cache
def chunk_of(key: str) -> int:
    """Kept once worked out: a run asks it of every seed several times (scans, stamps, reads)."""
    return int.from_bytes(hashlib.sha256(key.encode("utf-8", "surrogatepass")).digest()[:4]) % CHUNKS


def shard_of(key: str) -> int:
    return shard_of_chunk(chunk_of(key))


def shard_of_chunk(chunk: int) -> int:
    return chunk % SHARDS


def chunks_of(shard: int) -> range:
    """The chunks whose seeds a shard holds."""
    return range(shard, CHUNKS, SHARDS)


def chunk_groups(keys: list[str], size: int) -> list[list[str]]:
    """``keys`` in groups of whole chunks, each closed once it holds ``size`` keys or more, each in the order
    of ``keys``: a step working a group at a time holds about ``size`` seeds' rows and writes each chunk once.
    No keys: one empty group."""
    by_chunk: dict[int, list[str]] = {}
    for key in keys:
        by_chunk.setdefault(chunk_of(key), []).append(key)
    order = {key: n for n, key in enumerate(keys)}
    groups, group = [], []
    for chunk in sorted(by_chunk):
        group += by_chunk[chunk]
        if len(group) >= size:
            groups.append(sorted(group, key=order.__getitem__))
            group = []
    if group or not groups:
        groups.append(sorted(group, key=order.__getitem__))
    return groups
