"""Rows routed to groups come back per group in the order added, whether they were flushed to disk or not."""
from __future__ import annotations

import polars as pl
import pytest

from pipeline.dataset.spill import Spill

SCHEMA = pl.Schema({"n": pl.Int64, "name": pl.String})


@pytest.mark.parametrize("limit", [1, 1 << 30], ids=["every add flushed", "all buffered"])
def test_a_group_reads_back_its_rows_in_the_order_added(tmp_path, limit):
    spill = Spill(tmp_path, limit)
    for n in range(10):
        spill.add(f"g{n % 3}", pl.DataFrame({"n": [n, n + 100], "name": [f"a{n}", None]}, schema=SCHEMA))
    spill.add("g0", pl.DataFrame(schema=SCHEMA))  # no rows: nothing to keep
    assert spill.groups() == {"g0", "g1", "g2"}
    assert spill.read("g1", SCHEMA)["n"].to_list() == [1, 101, 4, 104, 7, 107]
    assert spill.read("g0", SCHEMA).height == 8
    assert any(tmp_path.rglob("*.parquet")) == (limit == 1)
    assert spill.read("none", SCHEMA).equals(pl.DataFrame(schema=SCHEMA))
