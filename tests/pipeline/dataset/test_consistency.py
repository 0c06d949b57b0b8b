"""The consistency rules over a version, a partner folder at a time, find what they find over the whole table."""
from __future__ import annotations

import random

import polars as pl

from pipeline.consistency import COLUMNS, find_inconsistencies
from pipeline.dataset import Lineage, open_table, publish_version
from pipeline.dataset.consistency import version_inconsistencies
from tests.pipeline.dataset.sample import random_document, tables_of


def _rows(violations: pl.DataFrame) -> pl.DataFrame:
    return violations.with_columns(pl.col("figure_ids").list.join(",")).sort(pl.all())


def test_violations_found_per_partner_folder_are_those_of_the_whole_table(tmp_path):
    rng = random.Random(11)
    publish_version(tmp_path, tables_of({f"d{i}": random_document(rng, f"d{i}") for i in range(80)}),
                    Lineage("c", "e"))
    violations, figures = version_inconsistencies(tmp_path)
    whole = find_inconsistencies(open_table(tmp_path, "figures").select(COLUMNS).collect())
    assert violations.height > 0 and figures == open_table(tmp_path, "figures").collect().height
    assert _rows(violations).equals(_rows(whole))
    assert violations.select("rule", "description").equals(violations.select("rule", "description").sort(pl.all()))
