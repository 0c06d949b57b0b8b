"""One shard's changed seeds read, extracted where their source changed, and stored in the work store.

Plain Python run by one shard's step, in whatever process or machine the
executor gives it: everything it needs comes from the seeds folder and the
output folder, and everything it leaves goes to the output folder.

A step with many seeds to read spreads its groups of chunks over worker
processes. They are forked from a server that has imported this module and
nothing else (``multiprocessing``'s forkserver, started once per process):
a worker costs no import of Dagster, of the definitions or even of the
extractor, and each group's chunks are written by one worker only.
"""
from __future__ import annotations

import functools
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from pipeline.dataset.hashing import group_digests
from pipeline.documents import Document, read_document
from pipeline.extraction import figure_rows_of
from pipeline.shards import chunk_groups, chunk_of
from pipeline.validation import failure_cases
from pipeline.workstore import KEY, KINDS, WorkStore, stored_schema
from schemas import FigureSchema

BATCH = 2_000
"""Documents extracted and validated per pandera call (about a tenth of a second per call whatever its size)."""
PARALLEL_MIN_SEEDS = 100
"""Seeds to read from which a step uses its worker processes: below, the work takes less than starting them."""
_CHUNK = "_chunk"


_EMPTY = tuple(pl.DataFrame(schema=stored_schema(kind)) for kind in KINDS)
"""No rows of documents, figures, rejected: what a touched chunk gets for a table without new rows."""


@dataclass(frozen=True, slots=True)
class Refresh:
    statuses: dict[str, str]
    """Status of each seed read now."""
    extracted: list[str]
    """Seeds extracted now, sorted."""
    reused: int
    """Seeds read again whose stored extraction already came from their current source and extractor."""
    figures: int
    rejected: int
    validated: dict[int, str]
    """Chunk → the ``RowsDigest`` of the figure rows of its seeds extracted now, as they passed ``FigureSchema``
    and were stored (with their seed key); a chunk whose extractions gave no figure has none."""


def refresh(seeds_dir: Path, max_bytes: int, output_dir: Path, extractor_version: str,
            to_read: list[str], removed: list[str], workers: int = 1) -> Refresh:
    """Read ``to_read``, extract those whose stored extraction is stale, drop ``removed``; each touched chunk written
    once. Done a group of chunks at a time, so a process holds about ``BATCH`` documents whatever the shard's
    size; with ``workers`` > 1 and at least ``PARALLEL_MIN_SEEDS`` to read, the groups are shared out among that
    many worker processes."""
    parallel = workers > 1 and len(to_read) >= PARALLEL_MIN_SEEDS
    size = min(BATCH, -(-len(to_read) // (2 * workers))) if parallel else BATCH  # two groups a worker at least
    gone = set(removed)
    groups = [([key for key in group if key not in gone], [key for key in group if key in gone])
              for group in chunk_groups([*to_read, *removed], size)]
    task = functools.partial(_refresh, seeds_dir, max_bytes, output_dir, extractor_version)
    if parallel and len(groups) > 1:
        with ProcessPoolExecutor(min(workers, len(groups)), mp_context=worker_context()) as pool:
            done = list(pool.map(task, groups))
    else:
        done = list(map(task, groups))
    return Refresh({key: status for part in done for key, status in part.statuses.items()},
                   sorted(key for part in done for key in part.extracted), sum(part.reused for part in done),
                   sum(part.figures for part in done), sum(part.rejected for part in done),
                   {chunk: digest for part in done for chunk, digest in part.validated.items()})


def worker_context() -> multiprocessing.context.BaseContext:
    """Where worker processes come from: forked from a server that preloads this module alone (spawned where
    there is no fork)."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    return context


def _refresh(seeds_dir: Path, max_bytes: int, output_dir: Path, extractor_version: str,
             group: tuple[list[str], list[str]]) -> Refresh:
    """``refresh`` of one group of whole chunks: its seeds to read and its seeds removed."""
    to_read, removed = group
    store = WorkStore(output_dir)
    documents = [read_document(seeds_dir, key, max_bytes) for key in to_read]
    stored = store.extracted_sources(to_read)
    stale = [d for d in documents if stored.get(d.file_name) != (d.source, extractor_version)]
    figures, rejected = _extract(stale)
    stamps = {d.file_name: (d.source, extractor_version) for d in stale}
    chunks = {key: chunk_of(key) for key in [*to_read, *removed]}
    rows = [_by_chunk(frame, chunks) for frame in (
        pl.DataFrame([d.as_record() for d in documents], schema=stored_schema("documents")), figures, rejected)]
    for chunk in sorted(set(chunks.values())):
        store.update(chunk, *(frames.get(chunk, empty) for frames, empty in zip(rows, _EMPTY)),
                     stamps={k: v for k, v in stamps.items() if chunks[k] == chunk},
                     removed=[k for k in removed if chunks[k] == chunk])
    return Refresh({d.file_name: d.status for d in documents}, sorted(stamps), len(documents) - len(stale),
                   figures.height, rejected.height, _digests_by_chunk(figures, chunks))


def _extract(documents: list[Document]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(figures, rejected rows) of ``documents``, each row with its seed's key, validated in batches."""
    figures, rejected = [_EMPTY[1]], [_EMPTY[2]]
    for start in range(0, len(documents), BATCH):
        batch = documents[start:start + BATCH]
        keys = pl.DataFrame({"doc_id": [d.doc_id for d in batch], KEY: [d.file_name for d in batch]})
        valid, failed = figure_rows_of(batch)
        figures.append(valid.join(keys, on="doc_id", how="inner", maintain_order="left"))
        rejected.append(failed.join(keys, on="doc_id", how="inner", maintain_order="left"))
    return pl.concat(figures, how="diagonal_relaxed"), pl.concat(rejected, how="diagonal_relaxed")


def _chunk(chunks: dict[str, int]) -> pl.Expr:
    """The chunk of each row's seed (``chunks``: seed key → chunk)."""
    return pl.col(KEY).replace_strict(chunks, return_dtype=pl.Int64).alias(_CHUNK)


def _by_chunk(frame: pl.DataFrame, chunks: dict[str, int]) -> dict[int, pl.DataFrame]:
    """``frame``'s rows split by the chunk of their seed."""
    return {c: part for (c,), part in frame.with_columns(_chunk(chunks)).partition_by(
        _CHUNK, as_dict=True, include_key=False).items()}


def _digests_by_chunk(figures: pl.DataFrame, chunks: dict[str, int]) -> dict[int, str]:
    """The ``RowsDigest`` of ``figures``' rows of each chunk, in the columns and types the work store keeps."""
    schema = stored_schema("figures")
    rows = figures.select(list(schema)).cast(schema)
    return {chunk: digest for (chunk,), digest in group_digests(rows.with_columns(_chunk(chunks)), [_CHUNK]).items()}


def stored_failures(store: WorkStore, keys: list[str], validated: dict[int, str]) -> pl.DataFrame | None:
    """``FigureSchema``'s failure cases over the stored figures of ``keys`` (the seeds extracted now), None if they
    all pass; checked a group of chunks at a time (row indices count within a group).

    A chunk whose stored rows of these seeds are those that passed when they were extracted (``validated``: equal
    ``RowsDigest``) passes without being validated again; the rows of any other chunk are validated now.
    """
    found = []
    for group in chunk_groups(keys, BATCH):
        chunks = {key: chunk_of(key) for key in group}
        rows = store.read("figures", group, list(stored_schema("figures")))
        stored = _digests_by_chunk(rows, chunks)
        moved = {chunk for chunk in set(chunks.values()) if stored.get(chunk) != validated.get(chunk)}
        if moved and (cases := failure_cases(rows.with_columns(_chunk(chunks)).filter(pl.col(_CHUNK).is_in(moved))
                                             .drop(_CHUNK, KEY), FigureSchema)) is not None:
            found.append(cases)
    return pl.concat(found, how="diagonal_relaxed") if found else None
