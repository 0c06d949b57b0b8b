"""Writing a version's tables into its staging folder, every Parquet file carrying the version's lineage."""
from __future__ import annotations

import io
import json
from collections.abc import Iterable
from pathlib import Path

import polars as pl
import pyarrow.parquet as pq

from pipeline.changes import CHANGES_SCHEMA, Changes
from pipeline.dataset.hashing import RowsDigest

ROW_GROUP_BYTES = 4 << 20
"""About this much data per Parquet row group: a reader decodes several row groups at once, so their size
bounds its memory (a first version's ``changes`` and the documents' texts are large)."""


def file_metadata(lineage: dict) -> dict[str, str]:
    """What every Parquet file a version writes carries: that version's id and lineage (a file shared by later
    versions keeps the id of the version that wrote it; each version's manifest lists all its files)."""
    return {"trade_figures.written_by": lineage["version_id"],
            "trade_figures.lineage": json.dumps(lineage, default=str)}


def write_parts(staging: Path, parts: Iterable[tuple[str, pl.DataFrame]], metadata: dict[str, str]) -> dict[str, int]:
    """Each part's Parquet file, one at a time (polars' partitioned sink buffers more); their rows by path."""
    rows = {}
    for path, frame in parts:
        target = staging / path
        target.parent.mkdir(parents=True, exist_ok=True)
        encoded = io.BytesIO()  # then written by Python: a full disk raises ENOSPC (polars' own error does not say)
        frame.write_parquet(encoded, metadata=metadata, row_group_size=rows_per_group(frame))
        target.write_bytes(encoded.getbuffer())
        rows[path] = frame.height
    return rows


def write_changes(staging: Path, changes: Changes, metadata: dict[str, str]) -> str:
    """``changes`` written batch by batch (its old/new JSON, as large as the rows of a whole table in a first
    version, is never held at once); returns the ``RowsDigest`` of its rows."""
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
