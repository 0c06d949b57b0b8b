"""Writing a version's tables into its staging folder, every Parquet file carrying the version's lineage."""
from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path

import polars as pl
import pyarrow.parquet as pq

from pipeline.changes import CHANGES_SCHEMA, Changes
from pipeline.dataset.hashing import RowsDigest
from pipeline.dataset.layout import PARTITION_KEY, partition_file

ROW_GROUP_BYTES = 4 << 20
"""About this much data per Parquet row group: a reader decodes several row groups at once, so their size
bounds its memory (a first version's ``changes`` and the documents' texts are large)."""


def write_tables(staging: Path, tables: Mapping[str, pl.DataFrame], changes: Changes, lineage: dict) -> str:
    """Each table's Parquet files; returns the ``RowsDigest`` of the ``changes`` rows, made as they are written.

    ``changes`` is written batch by batch: its old/new JSON, as large as the
    rows of a whole table in a first version, is never held at once.
    """
    metadata = {"trade_figures.version_id": lineage["version_id"],
                "trade_figures.lineage": json.dumps(lineage, default=str)}
    figures = tables["figures"]
    for value in figures[PARTITION_KEY].unique().sort(nulls_last=True):  # one at a time: polars' sink buffers more
        path = staging / partition_file(value)
        path.parent.mkdir(parents=True)
        key = pl.col(PARTITION_KEY)
        part = figures.filter(key.is_null() if value is None else key == value).drop(PARTITION_KEY)
        part.write_parquet(path, metadata=metadata, row_group_size=rows_per_group(part))
    for name in ("documents", "rejected", "series"):
        (staging / name).mkdir(parents=True)
        tables[name].write_parquet(staging / name / f"{name}.parquet", metadata=metadata,
                                   row_group_size=rows_per_group(tables[name]))
    (staging / "changes").mkdir(parents=True)
    return write_batches(staging / "changes" / "changes.parquet", changes.batches(), CHANGES_SCHEMA, metadata)


def write_batches(path: Path, batches: Iterable[pl.DataFrame], schema: pl.Schema, metadata: dict[str, str]) -> str:
    """One Parquet file of ``batches`` (each of ``schema``); returns their ``RowsDigest``."""
    digest = RowsDigest(schema)
    arrow_schema = pl.DataFrame(schema=schema).to_arrow().schema.with_metadata(metadata)
    with pq.ParquetWriter(path, arrow_schema, compression="zstd") as writer:
        for batch in batches:
            writer.write_table(batch.to_arrow(), row_group_size=rows_per_group(batch))
            digest.add(batch)
    return digest.hexdigest()


def rows_per_group(frame: pl.DataFrame) -> int:
    """Rows of ``frame`` that make about ``ROW_GROUP_BYTES``."""
    return max(1, int(ROW_GROUP_BYTES * frame.height / max(1, frame.estimated_size())))
