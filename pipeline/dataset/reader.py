"""Reading published versions: ``current`` or any version, as polars LazyFrames."""
from __future__ import annotations

from pathlib import Path

import polars as pl

from pipeline.dataset.layout import HIVE_TABLES, PARTITION_KEY, SOURCES, table_files
from pipeline.dataset.manifest import version_dir
from schemas import TABLES, SourceSchema, polars_schema


def scan_table_dir(version_dir: Path, table: str, files: list[Path] | None = None) -> pl.LazyFrame:
    """One table of a version folder (or ``files``, some of its part files); ``figures`` and ``series`` get their
    ``partner`` back from the hive folders.

    A column added to a table after the version was written reads as nulls.
    """
    schema = polars_schema(TABLES[table])
    files = sorted(version_dir.glob(table_files(table))) if files is None else files
    if not files:
        return pl.LazyFrame(schema=schema)
    if table in HIVE_TABLES:
        file_schema = pl.Schema({k: v for k, v in schema.items() if k != PARTITION_KEY})
        return pl.scan_parquet(files, schema=file_schema, hive_partitioning=True,
                               hive_schema={PARTITION_KEY: pl.String}, missing_columns="insert").select(list(schema))
    return pl.scan_parquet(files, schema=schema, missing_columns="insert")


def read_sources(version_dir: Path) -> pl.DataFrame:
    """A version's ``sources`` (doc_id, file_name, source), by file_name; empty for a version without them."""
    schema = polars_schema(SourceSchema)
    files = sorted(version_dir.glob(table_files(SOURCES)))
    if not files:
        return pl.DataFrame(schema=schema)
    return pl.scan_parquet(files, schema=schema).sort("file_name").collect()


def unread_documents(version_dir: Path) -> dict[str, list[str]]:
    """The seed files of a version that yielded no text, by status (``unsupported: [a.docx]``)."""
    unread = (scan_table_dir(version_dir, "documents").select("status", "file_name")
              .filter(pl.col("status") != "ok").sort("status", "file_name").collect())
    return {status: group["file_name"].to_list()
            for (status,), group in unread.partition_by("status", as_dict=True, maintain_order=True).items()}


def open_table(output_dir: Path, table: str = "figures", version: str | None = None) -> pl.LazyFrame:
    """A published table as a LazyFrame: of ``version``, or of ``current`` when None.

    Tables: figures, documents, rejected, series, changes (see the version's DATASET.md).
    """
    if table not in TABLES:
        raise ValueError(f"no table {table!r}; the tables are {', '.join(TABLES)}")
    return scan_table_dir(version_dir(output_dir, version), table)
