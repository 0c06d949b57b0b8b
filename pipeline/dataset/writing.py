"""Writing a version's tables into its staging folder, every Parquet file carrying the version's lineage."""
from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path

import polars as pl
import pyarrow.parquet as pq

from pipeline.changes import CHANGES_SCHEMA, Changes
from pipeline.dataset.contents import SORT_KEYS
from pipeline.dataset.hashing import TableDigest
from pipeline.dataset.layout import PARTITION_KEY, partition_file

ROW_GROUP = 16_384
"""Rows per Parquet row group: the writers' buffers stay small."""


def write_tables(staging: Path, tables: Mapping[str, pl.DataFrame], changes: Changes, lineage: dict) -> str:
    """Each table's Parquet files; returns the ``TableDigest`` of the ``changes`` rows, made as they are written.

    ``changes`` is written batch by batch: its old/new JSON, as large as the
    rows of a whole table in a first version, is never held at once.
    """
    metadata = {"trade_figures.version_id": lineage["version_id"],
                "trade_figures.lineage": json.dumps(lineage, default=str)}
    figures = tables["figures"]
    for value in figures[PARTITION_KEY].unique().sort():  # one at a time: polars' partitioned sink buffers far more
        path = staging / partition_file(value)
        path.parent.mkdir(parents=True)
        figures.filter(pl.col(PARTITION_KEY) == value).drop(PARTITION_KEY).write_parquet(
            path, metadata=metadata, row_group_size=ROW_GROUP)
    for name in ("documents", "rejected", "series"):
        (staging / name).mkdir(parents=True)
        tables[name].write_parquet(staging / name / f"{name}.parquet", metadata=metadata, row_group_size=ROW_GROUP)
    (staging / "changes").mkdir(parents=True)
    return write_batches(staging / "changes" / "changes.parquet", changes.batches(ROW_GROUP), CHANGES_SCHEMA,
                         SORT_KEYS["changes"], metadata)


def write_batches(path: Path, batches: Iterable[pl.DataFrame], schema: pl.Schema, key: list[str],
                  metadata: dict[str, str]) -> str:
    """One Parquet file of ``batches`` (each of ``schema``, one row group or more); returns their ``TableDigest``."""
    digest = TableDigest(schema, key)
    arrow_schema = pl.DataFrame(schema=schema).to_arrow().schema.with_metadata(metadata)
    with pq.ParquetWriter(path, arrow_schema, compression="zstd") as writer:
        for batch in batches:
            writer.write_table(batch.to_arrow(), row_group_size=ROW_GROUP)
            digest.add(batch)
    return digest.hexdigest()
