"""compare: the changes between any two published versions."""
from __future__ import annotations

import json

import polars as pl

from pipeline.dataset import Lineage, compare, open_table, publish_version
from tests.pipeline.dataset.sample import base_records, build, sample_tables


def test_compare_with_the_parent_equals_the_stored_changes(tmp_path):
    first = publish_version(tmp_path, sample_tables(0), Lineage("c", "e"))
    publish_version(tmp_path, sample_tables(2), Lineage("c", "e"))
    stored = open_table(tmp_path, "changes").collect()
    assert compare(tmp_path, first.version_id).equals(stored)


def test_compare_skips_versions_in_between(tmp_path):
    first = publish_version(tmp_path, sample_tables(0), Lineage("c", "e"))
    publish_version(tmp_path, sample_tables(1), Lineage("c", "e"))
    documents, figures, rejected = base_records()
    figures[1]["value"] = 244e9
    removed = figures.pop()
    third = publish_version(tmp_path, build(documents, figures, rejected), Lineage("c", "e"))
    changes = compare(tmp_path, first.version_id, third.version_id)
    figure_changes = changes.filter(pl.col("entity") == "figure")
    assert figure_changes.select("id", "change").sort("id").rows() == sorted(
        [(figures[1]["figure_id"], "changed"), (removed["figure_id"], "removed")])
    edited = figure_changes.filter(pl.col("change") == "changed").row(0, named=True)
    assert edited["changed_fields"] == ["value"]
    assert (json.loads(edited["old"]), json.loads(edited["new"])) == ({"value": 243e9}, {"value": 244e9})
    assert compare(tmp_path, third.version_id, third.version_id).is_empty()
