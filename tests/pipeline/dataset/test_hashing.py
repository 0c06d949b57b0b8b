"""Row digests: of a part (what names a version) and batch by batch for the staged check; in any row order."""
from __future__ import annotations

import polars as pl

from pipeline.changes import CHANGES_SCHEMA, plan_changes
from pipeline.dataset.hashing import RowsDigest, group_digests, hash_bytes, rows_digest
from pipeline.dataset.writing import rows_per_group, write_batches
from tests.pipeline.dataset.sample import sample_tables


def test_a_table_digest_ignores_row_order_but_not_content():
    figures = sample_tables(3).figures
    shuffled = figures.sample(fraction=1.0, shuffle=True, seed=3)
    assert rows_digest(shuffled) == rows_digest(figures)
    digest = RowsDigest(figures.schema)
    for batch in reversed(list(shuffled.iter_slices(4))):
        digest.add(batch)
    assert digest.hexdigest() == rows_digest(figures)
    for edited in (figures.with_columns(pl.col("value") + 1), figures.head(-1), pl.concat([figures, figures.head(1)]),
                   figures.with_columns(pl.col("year").cast(pl.Int32))):
        assert rows_digest(edited) != rows_digest(figures)


def test_written_batches_read_back_as_one_table_with_its_metadata(tmp_path):
    tables = sample_tables(0)
    changes = plan_changes(None, {"figures": tables.figures, "documents": tables.documents})
    path = tmp_path / "changes.parquet"
    digest = write_batches(path, changes.batches(4), CHANGES_SCHEMA, {"k": "v"})
    back = pl.read_parquet(path)
    assert back.equals(changes.collect()) and back.schema == CHANGES_SCHEMA
    assert digest == rows_digest(back)
    assert pl.read_parquet_metadata(path)["k"] == "v"


def test_row_groups_hold_about_the_same_bytes_whatever_the_row_width():
    figures = sample_tables(0).figures
    wide = figures.with_columns(pl.concat_str([pl.col("sentence")] * 100))
    assert rows_per_group(wide) < rows_per_group(figures) and rows_per_group(figures.clear()) == 1


def test_group_digests_are_each_groups_rows_digest():
    figures = sample_tables(3).figures
    digests = group_digests(figures, ["flow", "year"])
    assert len(digests) == figures.select("flow", "year").n_unique() > 1
    for (flow, year), digest in digests.items():
        group = figures.filter(pl.col("flow") == flow, pl.col("year") == year).drop("flow", "year")
        assert digest == rows_digest(group.sample(fraction=1.0, shuffle=True, seed=1))


def test_hash_bytes_are_the_words_numpy_gave_for_any_slice_or_chunking():
    """Digests hash these bytes; they must stay what ``to_numpy().tobytes()`` gave before numpy left the runtime."""
    import numpy as np  # the test environment has it; the runtime does not

    chunked = pl.concat([pl.Series([1, 2, 3], dtype=pl.UInt64), pl.Series([2**64 - 1, 5], dtype=pl.UInt64)],
                        rechunk=False)
    for hashes in (chunked, chunked[1:4], chunked.slice(3), chunked.sort(), pl.Series([], dtype=pl.UInt64)):
        assert hash_bytes(hashes) == np.asarray(hashes.to_list(), dtype=np.uint64).tobytes()


def test_group_digests_hold_null_keys_as_groups_of_their_own():
    frame = pl.DataFrame({"partner": ["KOR", None, "KOR", None, "CHL"], "year": [1, 1, 1, None, 2],
                          "value": [1.0, 2.0, 3.0, 4.0, 5.0]})
    digests = group_digests(frame, ["partner", "year"])
    assert set(digests) == {("KOR", 1), (None, 1), (None, None), ("CHL", 2)}
    for (partner, year), digest in digests.items():
        group = frame.filter(pl.col("partner").eq_missing(partner), pl.col("year").eq_missing(year))
        assert digest == rows_digest(group.drop("partner", "year"))
