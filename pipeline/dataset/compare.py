"""Comparing any two published versions, not only a version with its parent."""
from __future__ import annotations

from pathlib import Path

import polars as pl

from pipeline.changes import ENTITIES, diff_tables
from pipeline.dataset.reader import open_table


def compare(output_dir: Path, old: str, new: str | None = None) -> pl.DataFrame:
    """The ``changes`` rows (schema ``ChangeSchema``) from version ``old`` to ``new`` (default: current)."""
    tables = [table for table, _ in ENTITIES.values()]
    return diff_tables({t: open_table(output_dir, t, old) for t in tables},
                       {t: open_table(output_dir, t, new).collect() for t in tables})
