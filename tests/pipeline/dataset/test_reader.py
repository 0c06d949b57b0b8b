"""The reader: every table of current or a pinned version, and clear errors for what does not exist."""
from __future__ import annotations

import pytest

from pipeline.dataset import Lineage, list_versions, open_table, publish_version
from schemas import TABLES, polars_schema
from tests.pipeline.dataset.sample import sample_tables


def test_open_table_reads_every_table_of_current_or_a_pinned_version(tmp_path):
    first = publish_version(tmp_path, sample_tables(0), Lineage("c", "e"))
    publish_version(tmp_path, sample_tables(1), Lineage("c", "e"))
    for table in TABLES:
        assert open_table(tmp_path, table).collect_schema() == polars_schema(TABLES[table])
    assert open_table(tmp_path, "figures", first.version_id).collect().height == sample_tables(0).figures.height
    assert open_table(tmp_path, "figures").collect().height == sample_tables(1).figures.height
    assert open_table(tmp_path, "series", first.version_id).collect().height > 0


def test_missing_things_are_errors(tmp_path):
    with pytest.raises(FileNotFoundError):
        open_table(tmp_path, "figures")
    assert list_versions(tmp_path) == []
    publish_version(tmp_path, sample_tables(0), Lineage("c", "e"))
    with pytest.raises(FileNotFoundError):
        open_table(tmp_path, "figures", "20000101T000000.000000Z-000000000000")
    with pytest.raises(ValueError, match="no table"):
        open_table(tmp_path, "figurez")


def test_the_output_folder_may_be_given_as_a_string(tmp_path):
    publish_version(str(tmp_path), sample_tables(0), Lineage("c", "e"))
    assert open_table(str(tmp_path), "series").collect().height == 6
    assert list_versions(str(tmp_path)) == list_versions(tmp_path)
