"""A version updated from its parent equals the version built from every document, over random edits."""
from __future__ import annotations

import random

import duckdb
import polars as pl
import pytest

from pipeline.dataset import Lineage, open_table, publish_version, read_manifest, verify_version
from pipeline.dataset.incremental import Update
from pipeline.dataset.layout import Layout
from pipeline.dataset.reader import read_sources
from schemas import TABLES
from tests.pipeline.dataset.sample import random_document, tables_of

LINEAGE = Lineage("code", "extractor")


def _sorted(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.sort(pl.all().hash(seed=0)) if frame.height else frame


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_updates_over_random_edits_equal_builds_from_every_document(tmp_path, seed):
    rng = random.Random(seed)
    docs = {f"d{i:03d}": random_document(rng, f"d{i:03d}") for i in range(40)}
    publish_version(tmp_path / "updated", tables_of(docs), LINEAGE)
    for round_ in range(4):
        before = dict(docs)
        changed = rng.sample(sorted(docs), rng.randint(1, 4))
        removed = rng.sample(sorted(set(docs) - set(changed)), rng.randint(0, 2))
        added = [f"n{round_}_{i}" for i in range(rng.randint(0, 2))]
        for doc_id in [*changed, *added]:
            docs[doc_id] = random_document(rng, doc_id)
        for doc_id in removed:
            del docs[doc_id]
        delta = tables_of({doc_id: docs[doc_id] for doc_id in [*changed, *added]})
        parent = Layout(tmp_path / "updated").current_id()
        updated = publish_version(tmp_path / "updated", Update(parent, frozenset(changed + removed), delta), LINEAGE)
        whole_dir = tmp_path / f"whole{round_}"
        publish_version(whole_dir, tables_of(before), LINEAGE)
        whole = publish_version(whole_dir, tables_of(docs), LINEAGE)  # from every document, with the same parent content

        assert updated.manifest["content_hash"] == whole.manifest["content_hash"]
        assert updated.manifest["row_counts"] == whole.manifest["row_counts"]
        assert updated.manifest["changes"] == whole.manifest["changes"]
        assert read_sources(updated.path).equals(read_sources(whole.path))
        for table in TABLES:
            assert _sorted(open_table(tmp_path / "updated", table).collect()).equals(
                _sorted(open_table(whole_dir, table).collect())), (round_, table)
        assert verify_version(tmp_path / "updated").ok
        parts = {e["path"]: e["sha256"] for e in read_manifest(whole_dir)["files"] if "digest" in e}
        assert {e["path"] for e in updated.manifest["files"] if "digest" in e} == set(parts)
        review = {e["path"]: e["sha256"] for e in read_manifest(whole_dir)["files"] if e["path"].startswith("review")}
        assert {e["path"]: e["sha256"] for e in updated.manifest["files"] if e["path"].startswith("review")} == review


def test_an_empty_table_has_one_empty_part_that_readers_find_and_updates_drop_or_keep_as_a_build_would(tmp_path):
    rng = random.Random(9)
    docs = {f"d{i}": random_document(rng, f"d{i}")[:2] + ([],) for i in range(6)}  # no rejected rows at all
    publish_version(tmp_path / "updated", tables_of(docs), LINEAGE)
    current = tmp_path / "updated" / "current"
    assert pl.read_parquet(current / "rejected").columns == list(TABLES["rejected"].to_schema().columns)
    assert duckdb.sql(f"select count(*) from read_parquet('{current}/rejected/*.parquet')").fetchall() == [(0,)]
    for round_, rejected in enumerate(([{"figure_id": None, "doc_id": "d1", "check": "value_is_finite",
                                         "reason": "not a number", "record": "{}"}], [])):
        docs["d1"] = docs["d1"][:2] + (rejected,)
        parent = Layout(tmp_path / "updated").current_id()
        updated = publish_version(tmp_path / "updated", Update(parent, frozenset({"d1"}), tables_of({"d1": docs["d1"]})),
                                  LINEAGE)
        whole = publish_version(tmp_path / f"whole{round_}", tables_of(docs), LINEAGE)
        assert updated.manifest["content_hash"] == whole.manifest["content_hash"]
        assert {e["path"] for e in updated.manifest["files"]} == {e["path"] for e in whole.manifest["files"]}
        assert verify_version(tmp_path / "updated").ok
