"""Table digests: the same for a table whole, in batches in any order, or read back from its files."""
from __future__ import annotations

import polars as pl

from pipeline.changes import CHANGES_SCHEMA, plan_changes
from pipeline.dataset.contents import SORT_KEYS
from pipeline.dataset.hashing import TableDigest, frame_digest, scan_digest
from pipeline.dataset.writing import write_batches
from tests.pipeline.dataset.sample import sample_tables

KEY = SORT_KEYS["figures"]


def test_a_digest_of_batches_in_any_order_is_the_digest_of_the_whole_table(tmp_path):
    figures = sample_tables(3).figures
    digest = TableDigest(figures.schema, KEY)
    for batch in reversed(list(figures.sample(fraction=1.0, shuffle=True, seed=3).iter_slices(4))):
        digest.add(batch)
    assert digest.hexdigest() == frame_digest(figures, KEY)
    assert frame_digest(figures.with_columns(pl.col("value") + 1), KEY) != frame_digest(figures, KEY)
    figures.write_parquet(tmp_path / "figures.parquet", row_group_size=3)
    assert scan_digest(pl.scan_parquet(tmp_path / "figures.parquet"), KEY, 2) == frame_digest(figures, KEY)


def test_written_batches_read_back_as_one_table_with_its_metadata(tmp_path):
    tables = sample_tables(0)
    changes = plan_changes(None, {"figures": tables.figures, "documents": tables.documents})
    path = tmp_path / "changes.parquet"
    digest = write_batches(path, changes.batches(4), CHANGES_SCHEMA, SORT_KEYS["changes"], {"k": "v"})
    back = pl.read_parquet(path)
    assert back.equals(changes.collect()) and back.schema == CHANGES_SCHEMA
    assert digest == frame_digest(back, SORT_KEYS["changes"])
    assert pl.read_parquet_metadata(path)["k"] == "v"
