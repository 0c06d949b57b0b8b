"""The consistency rules (``pipeline.consistency``) over a published version, one partner folder at a time.

Every rule compares figures of one subject, and a subject names its partner,
so no violation spans two folders: the violations are those of the whole
table, found holding one folder's figures at once.
"""
from __future__ import annotations

from pathlib import Path

import polars as pl

from pipeline.consistency import COLUMNS, VIOLATION_SCHEMA, find_inconsistencies
from pipeline.dataset.layout import PARTITION_KEY, table_files
from pipeline.dataset.reader import version_dir


def version_inconsistencies(output_dir: Path, version: str | None = None) -> tuple[pl.DataFrame, int]:
    """(every violation in the figures of ``version``, ``current``'s when None; the number of figures)."""
    folders: dict[Path, list[Path]] = {}
    for path in sorted(version_dir(output_dir, version).glob(table_files("figures"))):
        folders.setdefault(path.parent, []).append(path)
    found, figures = [pl.DataFrame(schema=VIOLATION_SCHEMA)], 0
    for paths in folders.values():
        rows = pl.scan_parquet(paths, hive_partitioning=True, hive_schema={PARTITION_KEY: pl.String}).select(
            COLUMNS).collect()
        figures += rows.height
        found.append(find_inconsistencies(rows))
    return pl.concat(found).sort("rule", "description"), figures
